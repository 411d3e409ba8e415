//! Builds the wasm modules into `web/pkg/` (git-ignored): the checker's module, loaded at
//! start, and the office module (spreadsheets), which the worker loads only for a workbook.

use crate::install::run;
use crate::root;
use std::process::Command;

/// Builds `crates/wasm` and `crates/wasm-office` for the web in release mode and runs
/// wasm-bindgen into `web/pkg/`.
pub fn wasm() -> Result<(), String> {
    let root = root();
    println!("xtask: building the wasm modules (release)");
    run(Command::new("cargo")
        .args([
            "build",
            "--package",
            "spendrein-wasm",
            "--package",
            "spendrein-wasm-office",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            "wasm-release",
        ])
        .current_dir(&root))?;
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let out_dir = root.join("web/pkg");
    for stem in ["spendrein_wasm", "spendrein_wasm_office"] {
        let module = target_dir.join(format!("wasm32-unknown-unknown/wasm-release/{stem}.wasm"));
        run(Command::new("wasm-bindgen")
            .arg("--target")
            .arg("web")
            .arg("--no-typescript")
            // Function names only serve debuggers; dropping them saves ~50 KB gzipped.
            .arg("--remove-name-section")
            .arg("--out-dir")
            .arg(&out_dir)
            .arg(&module))?;
        let wasm = out_dir.join(format!("{stem}_bg.wasm"));
        let size = std::fs::metadata(&wasm).map(|m| m.len()).unwrap_or(0);
        println!("xtask: web/pkg/{stem}_bg.wasm is {} KB", size / 1024);
    }
    Ok(())
}

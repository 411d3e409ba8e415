//! Builds the wasm module into `web/pkg/` (git-ignored).

use crate::install::run;
use crate::root;
use std::process::Command;

/// Builds `crates/wasm` for the web in release mode and runs wasm-bindgen into `web/pkg/`.
pub fn wasm() -> Result<(), String> {
    let root = root();
    println!("xtask: building the wasm module (release)");
    run(Command::new("cargo")
        .args([
            "build",
            "--package",
            "spendrein-wasm",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            "wasm-release",
        ])
        .current_dir(&root))?;
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let module = target_dir.join("wasm32-unknown-unknown/wasm-release/spendrein_wasm.wasm");
    let out_dir = root.join("web/pkg");
    run(Command::new("wasm-bindgen")
        .arg("--target")
        .arg("web")
        .arg("--no-typescript")
        // Function names only serve debuggers; dropping them saves ~50 KB gzipped.
        .arg("--remove-name-section")
        .arg("--out-dir")
        .arg(&out_dir)
        .arg(&module))?;
    let wasm = out_dir.join("spendrein_wasm_bg.wasm");
    let size = std::fs::metadata(&wasm).map(|m| m.len()).unwrap_or(0);
    println!(
        "xtask: web/pkg/spendrein_wasm_bg.wasm is {} KB",
        size / 1024
    );
    Ok(())
}

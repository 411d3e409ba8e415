//! Installs what the build and the tests need, skipping whatever is already there. These are
//! the only install steps a fresh machine needs (see README); keep them in step with
//! `../shared/TOOLCHAIN.md`.

use crate::root;
use std::process::Command;

const WASM_PACK_VERSION: &str = "0.15.1";

/// Runs a command, failing with its name when it cannot start or exits non-zero.
pub fn run(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}");
    let status = command
        .status()
        .map_err(|error| format!("cannot start {shown}: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed with {status}"))
    }
}

/// The trimmed stdout of a command, or `None` when it cannot run or fails.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn step(message: &str) {
    println!("xtask: {message}");
}

/// What `build` and `serve` need: the wasm target and a wasm-bindgen CLI matching Cargo.lock.
pub fn for_build() -> Result<(), String> {
    wasm_target()?;
    wasm_bindgen_cli()?;
    npm_packages()
}

/// What `test` needs on top: wasm-pack, Chromium and ChromeDriver, and the npm packages;
/// poppler's `pdftotext` reads back the evidence sheet the browser tests print to PDF.
pub fn for_test() -> Result<(), String> {
    for_build()?;
    wasm_pack()?;
    chromium()?;
    poppler()
}

fn wasm_target() -> Result<(), String> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|line| line.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    step("installing the wasm32-unknown-unknown target");
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// The wasm-bindgen version pinned in Cargo.lock.
pub fn locked_wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|error| format!("cannot read Cargo.lock: {error}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines
                .next()
                .and_then(|next| next.strip_prefix("version = \""))
            {
                return Ok(version.trim_end_matches('"').to_owned());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

fn wasm_bindgen_cli() -> Result<(), String> {
    let wanted = locked_wasm_bindgen_version()?;
    let have = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(wanted.as_str()) {
        return Ok(());
    }
    step(&format!(
        "installing wasm-bindgen-cli {wanted} (about 2 minutes)"
    ));
    // No --locked: its lockfile pins a crate version this registry lacks (TOOLCHAIN.md).
    run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &wanted]))
}

fn wasm_pack() -> Result<(), String> {
    let have = output("wasm-pack", &["--version"]).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(WASM_PACK_VERSION) {
        return Ok(());
    }
    step(&format!(
        "installing wasm-pack {WASM_PACK_VERSION} (about 1.5 minutes)"
    ));
    run(Command::new("cargo").args([
        "install",
        "wasm-pack",
        "--version",
        WASM_PACK_VERSION,
        "--locked",
    ]))
}

fn chromium() -> Result<(), String> {
    if present("chromium") && present("chromedriver") {
        return Ok(());
    }
    apt_install(
        "Chromium and ChromeDriver",
        &["chromium", "chromium-driver"],
    )
}

fn poppler() -> Result<(), String> {
    if present("pdftotext") {
        return Ok(());
    }
    apt_install("pdftotext", &["poppler-utils"])
}

fn present(program: &str) -> bool {
    output("sh", &["-c", &format!("command -v {program}")]).is_some()
}

/// Installs Debian packages when run as root; otherwise says what to install.
fn apt_install(what: &str, packages: &[&str]) -> Result<(), String> {
    let list = packages.join(" ");
    if output("id", &["-u"]).as_deref() != Some("0") {
        return Err(format!(
            "{what} missing; install with `sudo apt-get install {list}` and run again"
        ));
    }
    step(&format!("installing Debian {list}"));
    run(Command::new("apt-get").arg("update").arg("-qq"))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "-qq", "--no-install-recommends"])
        .args(packages)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

fn npm_packages() -> Result<(), String> {
    let root = root();
    let lock = root.join("package-lock.json");
    let installed = root.join("node_modules/.package-lock.json");
    let modified = |path: &std::path::Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    if let (Some(lock_time), Some(installed_time)) = (modified(&lock), modified(&installed)) {
        if installed_time >= lock_time {
            return Ok(());
        }
    }
    step("installing npm packages (npm ci)");
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&root))
}

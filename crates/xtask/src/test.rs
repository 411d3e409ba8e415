//! `cargo xtask test [LAYER...]`: every test layer, in order, with a summary line per layer.
//! Layers: fmt, clippy, native, wasm, e2e. All run even when one fails; the exit code is
//! non-zero when any failed.

use crate::install::{self, run as run_command};
use crate::{build, root, serve};
use std::process::Command;
use std::time::Instant;

const LAYERS: &[&str] = &["fmt", "clippy", "native", "wasm", "e2e"];

/// Runs the named layers (all when none is named).
pub fn run(args: &[String]) -> Result<(), String> {
    for arg in args {
        if !LAYERS.contains(&arg.as_str()) {
            return Err(format!(
                "unknown test layer {arg:?}; layers are {}",
                LAYERS.join(", ")
            ));
        }
    }
    let wanted = |layer: &str| args.is_empty() || args.iter().any(|arg| arg == layer);
    let needs_browser = wanted("wasm") || wanted("e2e");
    if needs_browser {
        install::for_test()?;
    } else {
        install::for_build()?;
    }
    let started = Instant::now();
    let mut results = Vec::new();
    for &layer in LAYERS.iter().filter(|layer| wanted(layer)) {
        println!("\nxtask: ── layer {layer} ──");
        let layer_started = Instant::now();
        let result = run_layer(layer);
        results.push((layer, result, layer_started.elapsed()));
    }
    println!("\nxtask: summary");
    for (layer, result, elapsed) in &results {
        match result {
            Ok(()) => println!("  {layer:<8} ok      {:>6.1} s", elapsed.as_secs_f64()),
            Err(message) => println!(
                "  {layer:<8} FAILED  {:>6.1} s  {message}",
                elapsed.as_secs_f64()
            ),
        }
    }
    let n_failed = results
        .iter()
        .filter(|(_, result, _)| result.is_err())
        .count();
    println!(
        "  total {:.1} s\nlayers: {} passed, {} failed",
        started.elapsed().as_secs_f64(),
        results.len() - n_failed,
        n_failed
    );
    if n_failed == 0 {
        Ok(())
    } else {
        Err(format!("{n_failed} test layer(s) failed"))
    }
}

fn cargo(args: &[&str]) -> Result<(), String> {
    run_command(Command::new("cargo").args(args).current_dir(root()))
}

fn run_layer(layer: &str) -> Result<(), String> {
    match layer {
        "fmt" => cargo(&["fmt", "--all", "--check"]),
        "clippy" => cargo(&[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
        "native" => cargo(&["test", "--workspace"]),
        "wasm" => run_command(
            Command::new("wasm-pack")
                .args(["test", "--headless", "--chrome", "--mode", "no-install"])
                .arg(root().join("crates/wasm")),
        ),
        "e2e" => e2e(),
        _ => unreachable!("layers are checked before they run"),
    }
}

/// Builds the page, serves it on a free port with the production headers, and runs the
/// browser tests in `tests/e2e` against it.
fn e2e() -> Result<(), String> {
    build::wasm()?;
    let server = serve::Server::start(0)?;
    println!("xtask: serving the page at {}", server.url());
    run_command(
        Command::new("node")
            .args(["--test", "--test-concurrency=1", "tests/e2e/"])
            .env("SPENDREIN_URL", server.url())
            .current_dir(root()),
    )
}

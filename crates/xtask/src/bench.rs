//! `cargo xtask bench [--rows N] [--runs N]`: the reader and engine benchmarks, natively and as
//! wasm in headless Chromium against PapaParse, on the same generated statement; then the page
//! speed benchmark when it exists. Prints the figures and which goals they meet.

use crate::install::{self, run as run_command};
use crate::{build, root, serve};
use std::process::Command;

fn flag(args: &[String], name: &str, default: &str) -> String {
    args.iter()
        .position(|arg| arg == name)
        .and_then(|i| args.get(i + 1).cloned())
        .unwrap_or_else(|| default.to_owned())
}

fn json_output(command: &mut Command) -> Result<serde_json::Value, String> {
    let shown = format!("{command:?}");
    let output = command
        .output()
        .map_err(|error| format!("cannot start {shown}: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "{shown} failed:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout
        .lines()
        .rev()
        .find(|line| line.starts_with('{'))
        .ok_or_else(|| format!("{shown} printed no JSON line:\n{stdout}"))?;
    serde_json::from_str(line).map_err(|error| format!("{shown}: bad JSON {line:?}: {error}"))
}

fn number(value: &serde_json::Value, key: &str) -> f64 {
    value[key].as_f64().unwrap_or(f64::NAN)
}

/// Runs the benchmarks.
pub fn run(args: &[String]) -> Result<(), String> {
    let rows = flag(args, "--rows", "1000000");
    let runs = flag(args, "--runs", "7");
    install::for_test()?;
    let root = root();
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    run_command(
        Command::new("cargo")
            .args(["build", "--release", "--package", "bench"])
            .current_dir(&root),
    )?;
    let harness = target_dir.join("release/spendrein-bench");
    let data_dir = target_dir.join("bench");
    std::fs::create_dir_all(&data_dir).map_err(|e| e.to_string())?;
    let file = data_dir.join(format!("statement-{rows}.csv"));
    let generated = json_output(
        Command::new(&harness)
            .args(["generate", "--rows", &rows, "--out"])
            .arg(&file),
    )?;
    println!("xtask: generated {generated}");

    let native = json_output(
        Command::new(&harness)
            .arg("native")
            .arg(&file)
            .args(["--runs", &runs]),
    )?;
    println!("xtask: native {native}");

    build::wasm()?;
    let vendor = root.join("web/bench/vendor");
    std::fs::create_dir_all(&vendor).map_err(|e| e.to_string())?;
    std::fs::copy(
        root.join("node_modules/papaparse/papaparse.min.js"),
        vendor.join("papaparse.min.js"),
    )
    .map_err(|error| format!("cannot copy papaparse (npm ci?): {error}"))?;
    let server = serve::Server::start(0)?;
    let wasm = json_output(
        Command::new("node")
            .arg("tests/bench/reader.bench.mjs")
            .env("SPENDREIN_URL", server.url())
            .env("SPENDREIN_BENCH_FILE", &file)
            .env("SPENDREIN_BENCH_RUNS", &runs)
            .current_dir(&root),
    )?;
    println!("xtask: wasm {wasm}");

    let expected_rows: f64 = rows.parse().unwrap_or(f64::NAN);
    for (name, result) in [("native", &native), ("wasm", &wasm)] {
        if number(result, "transactions") != expected_rows {
            return Err(format!(
                "{name} read {} transactions, expected {rows}",
                result["transactions"]
            ));
        }
    }
    let bytes = number(&native, "bytes");
    let goals = [
        (
            "wasm read MB/s >= 250",
            number(&wasm, "read_mb_s"),
            number(&wasm, "read_mb_s") >= 250.0,
        ),
        (
            "native/wasm time ratio <= 1.4",
            number(&wasm, "read_ms") / number(&native, "read_ms"),
            number(&wasm, "read_ms") <= 1.4 * number(&native, "read_ms"),
        ),
        (
            "wasm vs PapaParse speed-up >= 3",
            number(&wasm, "papaparse_ms") / number(&wasm, "read_ms"),
            number(&wasm, "papaparse_ms") >= 3.0 * number(&wasm, "read_ms"),
        ),
        (
            "native peak memory / file size < 3",
            number(&native, "peak_rss_growth_bytes") / bytes,
            number(&native, "peak_rss_growth_bytes") < 3.0 * bytes,
        ),
        (
            "wasm memory / file size < 3",
            number(&wasm, "wasm_memory_bytes") / bytes,
            number(&wasm, "wasm_memory_bytes") < 3.0 * bytes,
        ),
        (
            "native analyse / read <= 1",
            number(&native, "analyse_ms") / number(&native, "read_ms"),
            number(&native, "analyse_ms") <= number(&native, "read_ms"),
        ),
        (
            "wasm analyse / read <= 1",
            number(&wasm, "analyse_ms") / number(&wasm, "read_ms"),
            number(&wasm, "analyse_ms") <= number(&wasm, "read_ms"),
        ),
    ];
    println!(
        "\nxtask: reader and engine, {rows} rows, {:.1} MB",
        bytes / 1e6
    );
    println!(
        "  native read {:.0} ms ({:.0} MB/s), analyse {:.0} ms",
        number(&native, "read_ms"),
        number(&native, "read_mb_s"),
        number(&native, "analyse_ms")
    );
    println!(
        "  wasm   read {:.0} ms ({:.0} MB/s), analyse {:.0} ms, PapaParse {:.0} ms ({:.0} MB/s)",
        number(&wasm, "read_ms"),
        number(&wasm, "read_mb_s"),
        number(&wasm, "analyse_ms"),
        number(&wasm, "papaparse_ms"),
        number(&wasm, "papaparse_mb_s")
    );
    for (goal, value, met) in goals {
        println!(
            "  {:<36} {value:>8.2}  {}",
            goal,
            if met { "met" } else { "MISSED" }
        );
    }

    let page_bench = root.join("tests/e2e/page-speed.bench.mjs");
    if page_bench.exists() {
        println!("\nxtask: page speed");
        run_command(
            Command::new("node")
                .arg(&page_bench)
                .env("SPENDREIN_URL", server.url())
                .current_dir(&root),
        )?;
    }
    Ok(())
}

//! Developer tasks, run as `cargo xtask <task>` (see `.cargo/config.toml`):
//!
//! - `serve [--port N]`: install what is missing, build the page, serve `web/` on 127.0.0.1
//!   with the production headers.
//! - `build`: the same without serving.
//! - `test`: install what is missing, then run every test layer and print a summary.
//! - `bench`: the benchmarks (native and in headless Chromium).

mod bench;
mod build;
mod install;
mod serve;
mod test;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <serve [--port N] | build | test | bench>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve_command(&args[1..]),
        Some("build") => install::for_build().and_then(|()| build::wasm()),
        Some("test") => test::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn serve_command(args: &[String]) -> Result<(), String> {
    let mut port = 8080u16;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--port" => {
                let value = iter.next().ok_or("--port needs a number")?;
                port = value
                    .parse()
                    .map_err(|_| format!("--port needs a number from 0 to 65535, got {value:?}"))?;
            }
            other => return Err(format!("unknown option {other:?}\n{USAGE}")),
        }
    }
    install::for_build()?;
    build::wasm()?;
    let server = serve::Server::start(port)?;
    println!("Spendrein is served at {}/ (Ctrl-C to stop)", server.url());
    let configured = std::env::var("SPENDREIN_WIDGET_ANCESTORS").ok();
    let ancestors = serve::widget_ancestors(configured.as_deref());
    println!("The widget (/widget/) may be embedded by: {ancestors} (SPENDREIN_WIDGET_ANCESTORS)");
    if configured.is_some() && ancestors == "'none'" {
        println!("  note: SPENDREIN_WIDGET_ANCESTORS is empty or holds something that is not an origin, 'self' or *, so no site may embed the widget");
    }
    server.wait();
    Ok(())
}

/// The workspace root (the folder holding the top `Cargo.toml`). `cargo run` sets
/// `CARGO_MANIFEST_DIR` for the running program; the compile-time value is only a fallback,
/// because one target dir may hold an xtask binary built from another checkout.
pub fn root() -> PathBuf {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    Path::new(&manifest_dir)
        .ancestors()
        .nth(2)
        .expect("xtask lives two levels below the workspace root")
        .to_path_buf()
}

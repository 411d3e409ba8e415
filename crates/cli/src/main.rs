//! `spendrein`: the command-line skin over the engine. It reads files and the clock; the
//! libraries do neither.

mod analyse;
mod guides_cmd;
mod reference_cmd;

use std::process::ExitCode;

const USAGE: &str = "usage:
  spendrein analyse [--cancelled VENDOR@YYYY-MM-DD]... [--today YYYY-MM-DD] [--json] FILE...
  spendrein guides [QUERY]
  spendrein guide ID
  spendrein reference create REPORT.json VENDOR [--confirmation TEXT] [--notes TEXT] [--base URL]
  spendrein reference decode LINK";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("analyse" | "analyze") => analyse::run(&args[1..]),
        Some("guides") => guides_cmd::list(&args[1..]),
        Some("guide") => guides_cmd::show(&args[1..]),
        Some("reference") => reference_cmd::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown or missing command\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("spendrein: {message}");
            ExitCode::from(2)
        }
    }
}

//! `cargo xtask bench`: the benchmarks (filled in by the benchmark work).

/// Runs the benchmarks.
pub fn run(_args: &[String]) -> Result<(), String> {
    Err("no benchmarks are wired into xtask yet; run `cargo bench -p statement`".into())
}

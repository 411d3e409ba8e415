//! Reading versus analysing a generated 1,000,000-transaction statement (~50 MB of CSV).
//!
//! `cargo bench -p engine` (or `cargo xtask bench`). Prints both timings (median of five) and
//! asserts what the analysis finds, so a fast wrong answer cannot pass.

#[path = "../tests/support/mod.rs"]
mod support;

use engine::{analyse, Cancellation, NamedStatement, Verdict};
use std::time::{Duration, Instant};
use support::{add_days, date, render, Kind, Layout, Rng, Tx};

const ROWS: usize = 1_000_000;

/// About 2,700 merchants over ten years: subscriptions on schedules, shops at random, and a
/// marketplace whose descriptors carry a fresh reference on every row.
fn generate() -> Vec<Tx> {
    let mut rng = Rng(0xBE_4C4);
    let start = date(2016, 1, 1);
    let days = 3652;
    let mut txs = Vec::with_capacity(ROWS);
    // Subscriptions: monthly on a fixed day, ten years each.
    let subscriptions: [(&str, i64); 6] = [
        ("NETFLIX.COM 866-579-7172 CA", 1549),
        ("SPOTIFY USA", 1199),
        ("OPENAI *CHATGPT SUBSCR", 2000),
        ("APPLE.COM/BILL", 299),
        ("IRONWORKS GYM", 3999),
        ("OAKWOOD PROPERTY MGMT", 145_000),
    ];
    for (index, (text, amount)) in subscriptions.iter().enumerate() {
        for month in 0..120u32 {
            let day = support::add_months(add_days(start, index as i64 * 3), month);
            txs.push(Tx {
                date: day,
                minor: -amount,
                description: (*text).to_owned(),
                id: String::new(),
                kind: Kind::Card,
            });
        }
    }
    // Distinct shop names, as on a real statement (each its own merchant).
    let word = |mut n: usize| -> String {
        (0..6)
            .map(|_| {
                let letter = (b'A' + (n % 26) as u8) as char;
                n /= 26;
                letter
            })
            .collect()
    };
    let shops: Vec<String> = (0..2_700)
        .map(|i| {
            format!(
                "SQ *{} {} #{}",
                word(i * 7919 + 12_345),
                word(i * 104_729 + 99),
                i % 90
            )
        })
        .collect();
    while txs.len() < ROWS {
        let day = add_days(start, rng.range(0, days - 1));
        let roll = rng.below(10);
        let (description, minor) = if roll < 2 {
            (
                format!(
                    "AMZN Mktp US*{}{}",
                    rng.range(100_000, 999_999),
                    rng.range(100, 999)
                ),
                -rng.range(500, 20_000),
            )
        } else {
            (
                shops[rng.below(shops.len() as u64) as usize].clone(),
                -rng.range(150, 12_000),
            )
        };
        txs.push(Tx {
            date: day,
            minor,
            description,
            id: String::new(),
            kind: Kind::Card,
        });
    }
    txs
}

/// CPU time this thread has used (user + system), from `/proc/thread-self/stat` in clock ticks
/// of 10 ms; `None` off Linux. On a shared machine wall time includes waiting for a core, CPU
/// time does not, so both are printed.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let user: u64 = fields.get(11)?.parse().ok()?;
    let system: u64 = fields.get(12)?.parse().ok()?;
    Some(Duration::from_millis((user + system) * 10))
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let txs = generate();
    let bytes = render(Layout::CsvIso, &txs);
    let megabytes = bytes.len() as f64 / 1e6;
    println!("statement: {ROWS} rows, {megabytes:.1} MB of CSV");

    // ENGINE_BENCH_READS=0 skips the reader and builds the statement in memory (for profiling
    // the analysis alone); the default times five reads.
    let reads: usize = std::env::var("ENGINE_BENCH_READS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let mut read_times = Vec::new();
    let mut statement = None;
    let read_cpu_start = cpu_time();
    for _ in 0..reads {
        let started = Instant::now();
        let read = statement::read(&bytes, &Default::default()).expect("the generated CSV reads");
        read_times.push(started.elapsed());
        statement = Some(read);
    }
    let read_cpu = read_cpu_start
        .zip(cpu_time())
        .map(|(start, end)| (end - start) / reads.max(1) as u32);
    let statement = match statement {
        Some(statement) => statement,
        None => {
            read_times.push(Duration::ZERO);
            support::direct_statement(&txs, "USD")
        }
    };
    assert_eq!(statement.transactions.len(), ROWS, "every row is read");
    let statements = vec![NamedStatement {
        file: "bench.csv".into(),
        statement,
    }];
    let cancellations = [Cancellation {
        vendor: "netflix".into(),
        cancelled_on: date(2025, 6, 10),
    }];

    let mut analyse_times = Vec::new();
    let mut report = None;
    let analyse_cpu_start = cpu_time();
    for _ in 0..5 {
        let started = Instant::now();
        let result = analyse(&statements, &cancellations, date(2026, 1, 1));
        analyse_times.push(started.elapsed());
        report = Some(result);
    }
    let analyse_cpu = analyse_cpu_start
        .zip(cpu_time())
        .map(|(start, end)| (end - start) / 5);
    let report = report.expect("analysed at least once");
    let found: Vec<&str> = report
        .recurring
        .iter()
        .map(|r| r.merchant.as_str())
        .collect();
    for wanted in [
        "Netflix",
        "Spotify",
        "ChatGPT",
        "Ironworks Gym",
        "Oakwood Property",
    ] {
        assert!(
            found.iter().any(|f| f.starts_with(wanted)),
            "{wanted} not found in {found:?}"
        );
    }
    assert_eq!(report.cancellations[0].verdict, Verdict::StillCharging);

    let read = median(read_times);
    let analysed = median(analyse_times);
    println!(
        "read:    {:>8.1} ms  ({:.0} MB/s)",
        read.as_secs_f64() * 1e3,
        megabytes / read.as_secs_f64()
    );
    println!(
        "analyse: {:>8.1} ms  ({:.2}x the reading time)",
        analysed.as_secs_f64() * 1e3,
        analysed.as_secs_f64() / read.as_secs_f64()
    );
    if let (Some(read_cpu), Some(analyse_cpu)) = (read_cpu, analyse_cpu) {
        println!(
            "cpu time per run: read {:.0} ms, analyse {:.0} ms ({:.2}x)",
            read_cpu.as_secs_f64() * 1e3,
            analyse_cpu.as_secs_f64() * 1e3,
            analyse_cpu.as_secs_f64() / read_cpu.as_secs_f64().max(1e-9)
        );
    }
    println!(
        "streams found: {}, merchants in the report: {}",
        report.recurring.len(),
        found.len()
    );
}

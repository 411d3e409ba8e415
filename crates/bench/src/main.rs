//! `spendrein-bench`: the native half of `cargo xtask bench`.
//!
//! - `generate --rows N --out FILE`: writes a deterministic bank-style CSV statement (signed
//!   amounts, a running balance, DD/MM/YYYY dates, quoted descriptors, a few subscriptions among
//!   many one-off purchases). The browser benchmark reads the same file.
//! - `native FILE [--runs N]`: streams the file through `statement::Reader` in 1 MiB chunks and
//!   then `engine::analyse`, and prints the medians and the peak memory as one JSON line.

use chrono::{Duration, NaiveDate};
use std::io::{Read, Write};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("generate") => generate(&args[1..]),
        Some("native") => native(&args[1..]),
        _ => Err(
            "usage: spendrein-bench generate --rows N --out FILE | native FILE [--runs N]".into(),
        ),
    };
    if let Err(message) = result {
        eprintln!("spendrein-bench: {message}");
        std::process::exit(2);
    }
}

fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|arg| arg == name)
        .and_then(|i| args.get(i + 1).cloned())
}

/// A small deterministic generator (xorshift), so every run and every machine benchmarks the
/// same bytes without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const SHOPS: &[&str] = &[
    "TESCO STORES",
    "SAINSBURYS S/MKTS",
    "PRET A MANGER",
    "STARBUCKS",
    "AMAZON MKTPLACE",
    "SHELL FUEL",
    "BOOTS",
    "UBER TRIP",
    "DELIVEROO",
    "TFL TRAVEL CH",
    "MARKS & SPENCER",
    "WAITROSE",
    "CO-OP GROUP",
    "LIDL GB",
    "COSTA COFFEE",
    "ARGOS LTD",
    "IKEA",
    "JOHN LEWIS",
];
const CITIES: &[&str] = &[
    "LONDON",
    "LEEDS",
    "BRISTOL",
    "MANCHESTER",
    "GLASGOW",
    "CARDIFF",
];
const SUBSCRIPTIONS: &[(&str, i64)] = &[
    ("NETFLIX.COM 866-579-7172 CA", 1549),
    ("SPOTIFY P0123ABCD", 1099),
    ("OPENAI *CHATGPT SUBSCR", 2000),
    ("APPLE.COM/BILL", 299),
];

/// Writes `rows` transactions, newest last, starting ten years before 2026-01-01.
pub fn generate_csv(rows: usize, out: &mut impl Write) -> std::io::Result<u64> {
    let mut rng = Rng(0x5eed_5eed_5eed_5eed);
    let start = NaiveDate::from_ymd_opt(2016, 1, 1).expect("valid date");
    let days = 3653i64;
    let mut written = 0u64;
    let mut balance: i64 = 250_000;
    let header = "Date,Description,Amount,Balance\n";
    out.write_all(header.as_bytes())?;
    written += header.len() as u64;
    let mut line = String::with_capacity(128);
    for row in 0..rows {
        let date = start + Duration::days(row as i64 * days / rows.max(1) as i64);
        let (description, amount) = if date.format("%d").to_string() == "01" && rng.below(40) == 0 {
            let (name, cents) = SUBSCRIPTIONS[rng.below(SUBSCRIPTIONS.len() as u64) as usize];
            (name.to_owned(), -cents)
        } else if rng.below(50) == 0 {
            (
                "SALARY ACME LTD".to_owned(),
                250_000 + rng.below(5_000) as i64,
            )
        } else {
            let shop = SHOPS[rng.below(SHOPS.len() as u64) as usize];
            let city = CITIES[rng.below(CITIES.len() as u64) as usize];
            (
                format!("{shop} {} {city}", rng.below(9000) + 1000),
                -(rng.below(9_000) as i64 + 50),
            )
        };
        balance += amount;
        line.clear();
        use std::fmt::Write as _;
        let _ = writeln!(
            line,
            "{},\"{}\",{},{}",
            date.format("%d/%m/%Y"),
            description,
            cents_text(amount),
            cents_text(balance)
        );
        out.write_all(line.as_bytes())?;
        written += line.len() as u64;
    }
    Ok(written)
}

fn cents_text(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!(
        "{sign}{}.{:02}",
        cents.unsigned_abs() / 100,
        cents.unsigned_abs() % 100
    )
}

fn generate(args: &[String]) -> Result<(), String> {
    let rows: usize = flag(args, "--rows")
        .ok_or("--rows N is required")?
        .parse()
        .map_err(|_| "--rows needs a whole number")?;
    let out = flag(args, "--out").ok_or("--out FILE is required")?;
    let file = std::fs::File::create(&out).map_err(|e| format!("cannot create {out}: {e}"))?;
    let mut writer = std::io::BufWriter::new(file);
    let bytes = generate_csv(rows, &mut writer).map_err(|e| e.to_string())?;
    writer.flush().map_err(|e| e.to_string())?;
    println!("{{\"rows\":{rows},\"bytes\":{bytes},\"file\":{out:?}}}");
    Ok(())
}

/// Peak resident memory of this process so far, in bytes (Linux only; 0 elsewhere).
fn peak_rss() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmHWM:"))
                .and_then(|line| line.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(0, |kib| kib * 1024)
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values[values.len() / 2]
}

fn native(args: &[String]) -> Result<(), String> {
    let path = args.first().ok_or("native needs a FILE")?;
    let runs: usize =
        flag(args, "--runs").map_or(Ok(5), |r| r.parse().map_err(|_| "--runs needs a number"))?;
    let bytes = std::fs::metadata(path)
        .map_err(|e| format!("{path}: {e}"))?
        .len();
    let rss_before = peak_rss();
    let mut read_ms = Vec::new();
    let mut analyse_ms = Vec::new();
    let mut n_transactions = 0;
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).expect("valid date");
    for _ in 0..runs.max(1) {
        let mut file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
        let mut chunk = vec![0u8; 1 << 20];
        let started = Instant::now();
        let mut reader = statement::Reader::new(Default::default());
        reader.expect_bytes(bytes);
        loop {
            let n = file.read(&mut chunk).map_err(|e| e.to_string())?;
            if n == 0 {
                break;
            }
            reader.push(&chunk[..n]);
        }
        let statement = reader.finish().map_err(|e| e.to_string())?;
        read_ms.push(started.elapsed().as_secs_f64() * 1000.0);
        n_transactions = statement.transactions.len();
        let named = [engine::NamedStatement {
            file: path.clone(),
            statement,
        }];
        let started = Instant::now();
        let report = engine::analyse(&named, &[], today);
        analyse_ms.push(started.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(report);
    }
    let read = median(&mut read_ms);
    let analyse = median(&mut analyse_ms);
    let peak = peak_rss().saturating_sub(rss_before.min(peak_rss()));
    println!(
        "{}",
        serde_json::json!({
            "where": "native",
            "bytes": bytes,
            "transactions": n_transactions,
            "runs": runs,
            "read_ms": read,
            "read_mb_s": bytes as f64 / 1e6 / (read / 1000.0),
            "analyse_ms": analyse,
            "peak_rss_bytes": peak_rss(),
            "peak_rss_growth_bytes": peak,
        })
    );
    Ok(())
}

//! Reads a generated 1,000,000-row (~50 MB) statement with the streaming CSV reader and reports
//! throughput (median of several runs) and peak heap memory. Run with `cargo bench -p statement`.
//!
//! The input is pushed in 64 KiB chunks, as the page's worker does, and the result is checked:
//! the row count must be exact, or the benchmark fails.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Counts live heap bytes and their high-water mark.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(pointer, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let grown = unsafe { System.realloc(pointer, layout, new_size) };
        if !grown.is_null() {
            if new_size >= layout.size() {
                let live = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed)
                    + (new_size - layout.size());
                PEAK.fetch_max(live, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        grown
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const ROWS: usize = 1_000_000;

/// CPU time of this thread in seconds, from `/proc/thread-self/schedstat` (Linux). The machines
/// these run on are shared and often overloaded, so wall time alone says little about the reader.
fn thread_cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}

const MERCHANTS: &[&str] = &[
    "NETFLIX.COM 866-579-7172 CA",
    "SPOTIFY P1A2B3C4D5 STOCKHOLM",
    "\"AMAZON MKTPLACE PMTS, AMZN.COM/BILL WA\"",
    "TESCO STORES 3217",
    "OPENAI *CHATGPT SUBSCR",
    "UBER *TRIP HELP.UBER.COM",
    "SALARY ACME LTD",
    "\"Lastschrift, Stadtwerke München\"",
];

/// A realistic statement: ISO dates, a quoted field now and then, signed amounts with two
/// decimals, a running balance.
fn generate() -> Vec<u8> {
    let mut out = Vec::with_capacity(ROWS * 56);
    out.extend_from_slice(b"Date,Description,Amount,Balance\n");
    let mut balance: i64 = 1_000_000;
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for row in 0..ROWS {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let merchant = MERCHANTS[(seed % MERCHANTS.len() as u64) as usize];
        let cents = if merchant.starts_with("SALARY") {
            250_000
        } else {
            -(((seed >> 20) % 20_000) as i64) - 1
        };
        balance += cents;
        let day = row / 2800;
        let (year, month, day) = (2000 + day / 336, day / 28 % 12 + 1, day % 28 + 1);
        let sign = if cents < 0 { "-" } else { "" };
        let bsign = if balance < 0 { "-" } else { "" };
        use std::io::Write;
        writeln!(
            out,
            "{year:04}-{month:02}-{day:02},{merchant},{sign}{}.{:02},{bsign}{}.{:02}",
            cents.unsigned_abs() / 100,
            cents.unsigned_abs() % 100,
            balance.unsigned_abs() / 100,
            balance.unsigned_abs() % 100
        )
        .unwrap();
    }
    out
}

/// The floor: csv-core alone splitting the same bytes into fields, nothing parsed or kept.
fn scan_only(input: &[u8]) -> (usize, f64) {
    let cpu_start = thread_cpu_seconds().unwrap_or(0.0);
    let mut reader = csv_core::Reader::new();
    let mut output = vec![0u8; 4096];
    let mut ends = vec![0usize; 64];
    let mut records = 0;
    let mut rest = input;
    loop {
        let (result, n_in, _, _) = reader.read_record(rest, &mut output, &mut ends);
        rest = &rest[n_in..];
        match result {
            csv_core::ReadRecordResult::Record => records += 1,
            csv_core::ReadRecordResult::End => break,
            _ => {}
        }
    }
    (records, thread_cpu_seconds().unwrap_or(0.0) - cpu_start)
}

/// Comparable with the prototype's "scan + date and amount parse" figure: csv-core records
/// with this crate's date and amount parsers run on their fields, nothing else built.
fn scan_and_parse(input: &[u8]) -> (usize, i64, f64) {
    let cpu_start = thread_cpu_seconds().unwrap_or(0.0);
    let mut reader = csv_core::Reader::new();
    let mut output = vec![0u8; 4096];
    let mut ends = vec![0usize; 64];
    let mut rows = 0;
    let mut total = 0i64;
    let mut rest = input;
    let mut out_len = 0;
    let mut ends_len = 0;
    loop {
        let (result, n_in, n_out, n_ends) =
            reader.read_record(rest, &mut output[out_len..], &mut ends[ends_len..]);
        rest = &rest[n_in..];
        out_len += n_out;
        ends_len += n_ends;
        match result {
            csv_core::ReadRecordResult::Record => {
                let field = |i: usize| {
                    let start = if i == 0 { 0 } else { ends[i - 1] };
                    &output[start..ends[i]]
                };
                if ends_len >= 3 {
                    if let (Some(_), Ok(Some(amount))) = (
                        statement::date::parse(field(0)),
                        statement::number::parse(field(2), b'.'),
                    ) {
                        rows += 1;
                        total = total.wrapping_add(amount.minor);
                    }
                }
                out_len = 0;
                ends_len = 0;
            }
            csv_core::ReadRecordResult::End => break,
            _ => {}
        }
    }
    (rows, total, thread_cpu_seconds().unwrap_or(0.0) - cpu_start)
}

// The record splitter, compiled in from its source (it is private to the crate) so it can be
// measured alone.
#[allow(dead_code)]
#[path = "../src/csv/split.rs"]
mod split;

/// The record splitter alone over `input` in 64 KiB chunks: (records, field bytes, CPU seconds).
fn split_only(input: &[u8], csv_core_only: bool) -> (u64, usize, f64) {
    let cpu_start = thread_cpu_seconds().unwrap_or(0.0);
    let mut splitter = if csv_core_only {
        split::Splitter::csv_core_only(b',')
    } else {
        split::Splitter::new(b',')
    };
    let mut bytes = 0;
    let mut last_line = 0;
    for chunk in input.chunks(64 * 1024) {
        splitter.feed(chunk, false, |record| {
            bytes += record.content_len() + record.len();
            last_line = record.line;
        });
    }
    splitter.feed(&[], true, |record| bytes += record.content_len());
    assert!(last_line as usize > ROWS);
    (
        splitter.n_records,
        bytes,
        thread_cpu_seconds().unwrap_or(0.0) - cpu_start,
    )
}

/// Median MB/s of five `split_only` runs; both ways must see the same records.
fn report_split(name: &str, input: &[u8]) {
    let megabytes = input.len() as f64 / 1e6;
    let mut results = Vec::new();
    for csv_core_only in [true, false] {
        let mut seconds = Vec::new();
        let mut seen = (0, 0);
        for _ in 0..5 {
            let (records, bytes, cpu) = split_only(input, csv_core_only);
            assert_eq!(records, ROWS as u64 + 1);
            seen = (records, bytes);
            seconds.push(cpu);
        }
        seconds.sort_by(f64::total_cmp);
        results.push((seen, megabytes / seconds[2]));
    }
    assert_eq!(
        results[0].0, results[1].0,
        "both splitters see the same fields"
    );
    println!(
        "splitter only, {name}, median of 5: csv-core {:.0} MB/s, direct {:.0} MB/s",
        results[0].1, results[1].1
    );
}

fn main() {
    let input = generate();
    let megabytes = input.len() as f64 / 1e6;
    println!("input: {ROWS} rows, {megabytes:.1} MB");
    report_split("LF line ends", &input);
    let mut crlf = Vec::with_capacity(input.len() + ROWS + 1);
    for &byte in &input {
        if byte == b'\n' {
            crlf.push(b'\r');
        }
        crlf.push(byte);
    }
    report_split("CRLF line ends", &crlf);
    drop(crlf);
    // `cargo bench -p statement --bench csv -- split` stops here, for profiling the splitter.
    if std::env::args().any(|arg| arg == "split") {
        return;
    }
    let mut floor = Vec::new();
    for _ in 0..5 {
        let (records, seconds) = scan_only(&input);
        assert_eq!(records, ROWS + 1);
        floor.push(seconds);
    }
    floor.sort_by(f64::total_cmp);
    println!(
        "csv-core scan only (the floor on this machine), median of 5: {:.0} MB/s",
        megabytes / floor[2]
    );
    let mut parse = Vec::new();
    for _ in 0..5 {
        let (rows, total, seconds) = scan_and_parse(&input);
        assert_eq!(rows, ROWS);
        assert_ne!(total, 0);
        parse.push(seconds);
    }
    parse.sort_by(f64::total_cmp);
    println!(
        "scan + date and amount parse (comparable with the 324 MB/s baseline), median of 5: {:.0} MB/s",
        megabytes / parse[2]
    );
    let runs = 7;
    let mut seconds = Vec::new();
    let mut peak_over_input = 0usize;
    for run in 0..runs {
        let base = LIVE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let start = Instant::now();
        let cpu_start = thread_cpu_seconds();
        let mut reader = statement::csv::CsvReader::new(Default::default());
        reader.expect_bytes(input.len() as u64);
        for chunk in input.chunks(64 * 1024) {
            reader.push(chunk);
        }
        let cpu_before_finish = thread_cpu_seconds();
        let statement = reader.finish().expect("the generated statement reads");
        let finish_seconds = match (cpu_before_finish, thread_cpu_seconds()) {
            (Some(from), Some(to)) => to - from,
            _ => 0.0,
        };
        let wall = start.elapsed().as_secs_f64();
        let elapsed = match (cpu_start, thread_cpu_seconds()) {
            (Some(from), Some(to)) if to > from => to - from,
            _ => wall,
        };
        assert_eq!(statement.transactions.len(), ROWS, "every row must be read");
        assert!(statement.transactions.iter().all(|t| t.balance.is_some()));
        let peak = PEAK.load(Ordering::Relaxed) - base;
        peak_over_input = peak_over_input.max(peak);
        println!(
            "run {run}: {elapsed:.3} s CPU of which finish {finish_seconds:.3} s ({wall:.3} s wall), {:.0} MB/s, peak heap {:.1} MB",
            megabytes / elapsed,
            peak as f64 / 1e6
        );
        seconds.push(elapsed);
        drop(statement);
    }
    seconds.sort_by(f64::total_cmp);
    let median = seconds[runs / 2];
    println!(
        "csv read (scan + parse + typed transactions), median of {runs} by thread CPU time: {:.0} MB/s; peak heap beyond the input {:.1} MB ({:.2}x the file)",
        megabytes / median,
        peak_over_input as f64 / 1e6,
        peak_over_input as f64 / input.len() as f64
    );
}

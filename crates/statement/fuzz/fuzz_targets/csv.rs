#![no_main]
//! The CSV reader directly, fed in chunks whose sizes come from the input, to exercise every
//! chunk boundary (inside quotes, between CR and LF, inside a multi-byte character). When the
//! first byte says so the input is repeated past the 64 KiB sniffing window, so inference sees a
//! cut record and the streaming path runs on the rest.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let first = data.first().copied().unwrap_or(0);
    let step = usize::from(first % 31) + 1;
    let mut reader = statement::csv::CsvReader::new(Default::default());
    // One input in sixteen (and only one of some size) is repeated, so the slow path does not
    // starve the fast one.
    let repeats = if first % 16 == 1 && data.len() >= 1024 {
        (66 * 1024 / data.len()).clamp(1, 64) + 1
    } else {
        1
    };
    for _ in 0..repeats {
        for chunk in data.chunks(step.max(data.len() / 64)) {
            reader.push(chunk);
        }
    }
    let _ = reader.rows_read();
    if let Ok(statement) = reader.finish() {
        // Every transaction points at a real line.
        for transaction in &statement.transactions {
            assert!(transaction.line >= 1);
        }
    }
});

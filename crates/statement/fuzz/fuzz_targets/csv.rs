#![no_main]
//! The CSV reader directly, fed in chunks whose sizes come from the input, to exercise every
//! chunk boundary (inside quotes, between CR and LF, inside a multi-byte character).
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let step = data.first().map_or(1, |&b| usize::from(b % 31) + 1);
    let mut reader = statement::csv::CsvReader::new(Default::default());
    for chunk in data.chunks(step) {
        reader.push(chunk);
    }
    let _ = reader.finish();
});

#![no_main]
//! The ODS reader: inputs that are not a ODS container are given its signature, so
//! the fuzzer spends its time inside the archive/record checks and calamine, not in detection.
//! Seed the corpus with the workbooks in `tests/data` (and `../shared/fixtures/ods`).
use libfuzzer_sys::fuzz_target;
use statement_office::Kind;

fuzz_target!(|data: &[u8]| {
    let mut bytes = data.to_vec();
    if statement_office::detect(&bytes) != Some(Kind::Ods) {
        let mut with = b"PK\x03\x04".to_vec();
        with.extend_from_slice(data);
        bytes = with;
    }
    if let Ok(converted) = statement_office::convert(&bytes) {
        // The converted text reads as CSV, and every relabelled message still reads.
        if let Ok(mut statement) = statement::read(converted.text.as_bytes(), &Default::default()) {
            statement_office::relabel(&mut statement, &converted);
        }
    }
});

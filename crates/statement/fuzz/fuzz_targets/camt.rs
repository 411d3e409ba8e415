#![no_main]
//! The camt reader on any bytes.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = statement::camt::read(data, &Default::default());
});

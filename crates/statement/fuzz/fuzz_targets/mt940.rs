#![no_main]
//! The mt940 reader on any bytes.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = statement::mt940::read(data, &Default::default());
});

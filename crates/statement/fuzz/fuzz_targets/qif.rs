#![no_main]
//! The qif reader on any bytes.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = statement::qif::read(data, &Default::default());
});

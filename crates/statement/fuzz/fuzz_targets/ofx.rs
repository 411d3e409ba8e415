#![no_main]
//! The ofx reader on any bytes.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = statement::ofx::read(data, &Default::default());
});

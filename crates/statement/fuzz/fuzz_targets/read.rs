#![no_main]
//! Any bytes through sniffing and whichever reader it picks, fed in two chunks.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let split = data.first().map_or(0, |&b| usize::from(b)).min(data.len());
    let mut reader = statement::Reader::new(Default::default());
    reader.push(&data[..split]);
    reader.push(&data[split..]);
    let _ = reader.finish();
});

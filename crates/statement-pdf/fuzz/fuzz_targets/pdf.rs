#![no_main]
//! The PDF reader, from the file structure to positioned lines (and on into statement-layout).
//! Inputs without a `%PDF-` header are given one, so the fuzzer spends its time in the
//! xref/object/stream/content code. Seed the corpus with `tests/pdf/out/*.pdf`.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = data.to_vec();
    if !statement_pdf::detect(&bytes) {
        let mut with = b"%PDF-1.7\n".to_vec();
        with.extend_from_slice(data);
        bytes = with;
    }
    if let Ok(pages) = statement_pdf::pages(&bytes) {
        for page in &pages {
            for line in &page.lines {
                assert!(line.page == page.number && line.line >= 1);
                assert!(!line.spans.is_empty());
            }
        }
        let _ = statement_pdf::read(&bytes, &Default::default());
    }
});

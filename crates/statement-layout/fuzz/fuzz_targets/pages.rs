#![no_main]
//! Positioned pages as a PDF reader would give them (any x, y, including NaN and infinities,
//! spans out of order): the bytes are cut into spans, four bytes of position each.
use libfuzzer_sys::fuzz_target;
use statement_layout::{Kind, Line, Page, Span};

fuzz_target!(|data: &[u8]| {
    let mut pages: Vec<Page> = Vec::new();
    for (p, page_bytes) in data.split(|&b| b == 0xFF).take(50).enumerate() {
        let mut lines = Vec::new();
        for (l, line_bytes) in page_bytes.split(|&b| b == b'\n').take(500).enumerate() {
            let mut spans = Vec::new();
            for chunk in line_bytes.split(|&b| b == 0xFE).take(50) {
                if chunk.len() < 3 {
                    continue;
                }
                let x0 = f32::from(chunk[0]) * 2.0 - 10.0;
                let width = if chunk[1] == 0xFD { f32::NAN } else { f32::from(chunk[1]) };
                spans.push(Span {
                    x0,
                    x1: x0 + width,
                    text: String::from_utf8_lossy(&chunk[2..]).into_owned(),
                });
            }
            lines.push(Line {
                page: p as u32 + 1,
                line: l as u32 + 1,
                y: l as f32 * if p % 2 == 0 { 12.0 } else { -3.0 },
                spans,
            });
        }
        pages.push(Page {
            number: p as u32 + 1,
            width: 600.0,
            lines,
        });
    }
    let _ = statement_layout::read_pages(&pages, Kind::Pdf, &Default::default());
});

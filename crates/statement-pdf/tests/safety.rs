//! Hostile and broken PDFs: every one ends in a clear error (or a bounded read), never a panic,
//! a hang or unbounded memory. Each file is built here byte by byte, with a correct xref table
//! unless the test is about the xref.

use std::time::{Duration, Instant};

/// A PDF from object bodies (object i+1 = bodies[i]) and a trailer dictionary body.
fn pdf(bodies: &[Vec<u8>], trailer: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in bodies.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", bodies.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} {trailer} >>\nstartxref\n{xref}\n%%EOF\n",
            bodies.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn b(s: &str) -> Vec<u8> {
    s.as_bytes().to_vec()
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

/// A one-page PDF whose page draws `content` with Helvetica as /F1.
fn one_page(content: &str) -> Vec<u8> {
    pdf(
        &[
            b("<< /Type /Catalog /Pages 2 0 R >>"),
            b("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            b("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
            stream("", content.as_bytes()),
            b("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
        ],
        "/Root 1 0 R",
    )
}

fn read(
    bytes: &[u8],
) -> (
    Result<Vec<statement_layout::Page>, statement::ReadError>,
    Duration,
) {
    let start = Instant::now();
    let result = statement_pdf::pages(bytes);
    (result, start.elapsed())
}

fn error(bytes: &[u8]) -> statement::ReadError {
    let (result, took) = read(bytes);
    assert!(took < Duration::from_secs(5), "took {took:?}");
    result.expect_err("an error")
}

#[test]
fn a_plain_page_reads() {
    let (pages, _) = read(&one_page(
        "BT /F1 10 Tf 72 700 Td (01/02/2025 Coffee -3.50) Tj ET",
    ));
    let pages = pages.expect("pages");
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0].lines.len(), 1);
    assert!(pages[0].lines[0].spans[0].text.starts_with("01/02/2025"));
}

#[test]
fn reference_loops_are_errors() {
    let bytes = pdf(
        &[
            b("<< /Type /Catalog /Pages 2 0 R >>"),
            b("3 0 R"),
            b("2 0 R"),
        ],
        "/Root 1 0 R",
    );
    let e = error(&bytes);
    assert_eq!(e.code, "pdf-damaged", "{e}");
}

#[test]
fn page_tree_loops_are_errors() {
    let bytes = pdf(
        &[
            b("<< /Type /Catalog /Pages 2 0 R >>"),
            b("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            b("<< /Type /Pages /Kids [2 0 R] /Count 1 >>"),
        ],
        "/Root 1 0 R",
    );
    let e = error(&bytes);
    assert!(e.message.contains("loops"), "{e}");
}

#[test]
fn deep_nesting_is_an_error() {
    let deep = format!(
        "<< /Type /Catalog /Pages 2 0 R /X {} >>",
        "[".repeat(50_000)
    );
    let bytes = pdf(&[deep.into_bytes()], "/Root 1 0 R");
    let e = error(&bytes);
    assert_eq!(e.code, "pdf-damaged", "{e}");
    let deep_tree: Vec<Vec<u8>> = std::iter::once(b("<< /Type /Catalog /Pages 2 0 R >>"))
        .chain((2..200).map(|i| b(&format!("<< /Type /Pages /Kids [{} 0 R] >>", i + 1))))
        .collect();
    let e = error(&pdf(&deep_tree, "/Root 1 0 R"));
    assert!(e.message.contains("nested"), "{e}");
}

#[test]
fn xref_prev_loops_stop() {
    let mut bytes = one_page("BT /F1 10 Tf 72 700 Td (hello) Tj ET");
    // Point the trailer's /Prev at its own xref table.
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let xref = text
        .rfind("startxref\n")
        .map(|i| text[i + 10..].lines().next().unwrap_or("0").to_owned())
        .unwrap();
    let patched = text.replace("/Root 1 0 R", &format!("/Root 1 0 R /Prev {xref}"));
    bytes = patched.into_bytes();
    let (result, took) = read(&bytes);
    assert!(took < Duration::from_secs(5));
    assert_eq!(result.expect("the chain is cut, the file reads").len(), 1);
}

#[test]
fn a_huge_count_is_not_trusted() {
    let bytes = pdf(
        &[
            b("<< /Type /Catalog /Pages 2 0 R >>"),
            b("<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>"),
            b("<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
            stream("", b"BT /F1 10 Tf 72 700 Td (x) Tj ET"),
            b("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
        ],
        "/Root 1 0 R",
    );
    let (result, _) = read(&bytes);
    assert_eq!(result.expect("reads").len(), 1);
}

#[test]
fn too_many_pages_is_an_error() {
    let n = statement_pdf::doc::MAX_PAGES + 1;
    let mut bodies = vec![b("<< /Type /Catalog /Pages 2 0 R >>")];
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", i + 3)).collect();
    bodies.push(b(&format!(
        "<< /Type /Pages /Kids [{}] /Count {n} >>",
        kids.join(" ")
    )));
    for _ in 0..n {
        bodies.push(b("<< /Type /Page /Parent 2 0 R >>"));
    }
    let e = error(&pdf(&bodies, "/Root 1 0 R"));
    assert_eq!(e.code, "too-large-pdf", "{e}");
}

#[test]
fn a_decompression_bomb_is_refused_before_inflating_fully() {
    let zeros = vec![0u8; 200 * 1024 * 1024];
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(&zeros, 9);
    drop(zeros);
    let bytes = pdf(
        &[
            b("<< /Type /Catalog /Pages 2 0 R >>"),
            b("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            b("<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>"),
            stream("/Filter /FlateDecode", &packed),
        ],
        "/Root 1 0 R",
    );
    let e = error(&bytes);
    assert_eq!(e.code, "too-large-pdf", "{e}");
    assert!(e.message.contains("decompression bomb"), "{e}");
}

#[test]
fn a_form_that_draws_itself_is_an_error() {
    let bytes = pdf(
        &[
            b("<< /Type /Catalog /Pages 2 0 R >>"),
            b("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            b("<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /XObject << /X 5 0 R >> >> >>"),
            stream("", b"/X Do"),
            stream("/Type /XObject /Subtype /Form /Resources << /XObject << /X 5 0 R >> >>", b"/X Do"),
        ],
        "/Root 1 0 R",
    );
    let e = error(&bytes);
    assert!(e.message.contains("draws itself"), "{e}");
}

#[test]
fn an_encrypted_pdf_has_its_own_message() {
    let mut bodies = vec![
        b("<< /Type /Catalog /Pages 2 0 R >>"),
        b("<< /Type /Pages /Kids [] /Count 0 >>"),
    ];
    bodies.push(b(
        "<< /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <00> /U <00> >>",
    ));
    // The /U of this dictionary does not match the empty password.
    let e = error(&pdf(&bodies, "/Root 1 0 R /Encrypt 3 0 R /ID [<01> <01>]"));
    assert_eq!(e.code, "pdf-encrypted", "{e}");
    assert!(e.message.contains("password"), "{e}");
    // A handler other than the standard one.
    let mut other = bodies.clone();
    other[2] = b("<< /Filter /Adobe.PubSec /V 4 /R 4 >>");
    let e = error(&pdf(&other, "/Root 1 0 R /Encrypt 3 0 R"));
    assert!(e.message.contains("Adobe.PubSec"), "{e}");
    // Broken entries (short /U, an unknown revision) are refusals, not panics.
    for dict in [
        "<< /Filter /Standard /V 5 /R 6 /U <00> /UE <00> >>",
        "<< /Filter /Standard /V 5 /R 6 /U <000102030405060708090a0b0c0d0e0f000102030405060708090a0b0c0d0e0f000102030405060708090a0b0c0d0e0f> /UE <00> >>",
        "<< /Filter /Standard /V 9 /R 9 >>",
        "<< /Filter /Standard /V 2 /R 3 /Length 99999 /O <> /U <> >>",
    ] {
        let mut odd = bodies.clone();
        odd[2] = b(dict);
        let e = error(&pdf(&odd, "/Root 1 0 R /Encrypt 3 0 R"));
        // A password is needed, or the encryption is one this reader cannot undo.
        assert!(e.code.starts_with("pdf-encrypted"), "{dict}: {e}");
    }
}

#[test]
fn an_image_only_page_is_a_scan() {
    let bytes = pdf(
        &[
            b("<< /Type /Catalog /Pages 2 0 R >>"),
            b("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            b("<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /XObject << /Im0 5 0 R >> >> >>"),
            stream("", b"q 612 0 0 792 0 0 cm /Im0 Do Q"),
            stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", b"\x80"),
        ],
        "/Root 1 0 R",
    );
    let e = error(&bytes);
    assert_eq!(e.code, statement_pdf::SCAN_CODE);
    assert_eq!(
        format!("{}: {}", e.message, e.help),
        "this PDF is a scan, not text: download the statement as CSV or as a text PDF from online banking"
    );
    // An inline image counts the same.
    let e = error(&one_page(
        "q 10 0 0 10 0 0 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x7f EI Q",
    ));
    assert_eq!(e.code, statement_pdf::SCAN_CODE);
}

#[test]
fn a_pdf_without_text_or_images_says_so() {
    let e = error(&one_page("0 0 m 100 100 l S"));
    assert_eq!(e.code, "pdf-no-text");
}

#[test]
fn truncated_and_damaged_files_never_panic() {
    let whole = one_page("BT /F1 10 Tf 72 700 Td (01/02/2025 Coffee -3.50) Tj ET");
    for cut in (0..whole.len()).step_by(7) {
        let (result, took) = read(&whole[..cut]);
        assert!(took < Duration::from_secs(2));
        if let Err(e) = result {
            assert!(!e.message.is_empty());
        }
    }
    // No xref at all: the objects are found by scanning.
    let text = String::from_utf8_lossy(&whole).into_owned();
    let cut = text.find("xref").unwrap();
    let (result, _) = read(&whole[..cut]);
    assert_eq!(result.expect("rebuilt").len(), 1);
    // Nothing PDF-like after the header.
    let e = error(b"%PDF-1.4\nnothing here at all");
    assert_eq!(e.code, "pdf-damaged", "{e}");
    assert!(e.message.contains("truncated"), "{e}");
}

#[test]
fn generated_statements_survive_every_cut_and_byte_flip() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/pdf/out");
    let bytes = std::fs::read(dir.join("jt-direktbank-de-saver.pdf")).expect("generated PDF");
    let start = Instant::now();
    for cut in (0..bytes.len()).step_by(997) {
        let _ = statement_pdf::pages(&bytes[..cut]);
    }
    let mut flipped = bytes.clone();
    for i in (0..flipped.len()).step_by(389) {
        flipped[i] ^= 0x5a;
        let _ = statement_pdf::pages(&flipped);
        flipped[i] ^= 0x5a;
    }
    assert!(start.elapsed() < Duration::from_secs(60));
}

#[test]
fn many_fonts_with_huge_width_tables_stay_within_the_font_budget() {
    // 400 Type0 fonts, each claiming widths for 65,536 CIDs, all used on one page.
    let n = 400;
    let mut bodies = vec![
        b("<< /Type /Catalog /Pages 2 0 R >>"),
        b("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    ];
    let fonts: Vec<String> = (0..n).map(|i| format!("/F{i} {} 0 R", i + 5)).collect();
    bodies.push(b(&format!(
        "<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << {} >> >> >>",
        fonts.join(" ")
    )));
    let content: String = (0..n)
        .map(|i| format!("BT /F{i} 10 Tf 72 {} Td <0041> Tj ET\n", 700 - i))
        .collect();
    bodies.push(stream("", content.as_bytes()));
    for _ in 0..n {
        bodies.push(b("<< /Type /Font /Subtype /Type0 /Encoding /Identity-H /DescendantFonts [<< /W [0 65535 500] >>] >>"));
    }
    let (result, took) = read(&pdf(&bodies, "/Root 1 0 R"));
    assert!(took < Duration::from_secs(20), "took {took:?}");
    // The glyphs have no Unicode mapping, so the PDF is refused, but in bounded time.
    assert!(result.is_err());
}

#[test]
fn streams_without_an_end_are_searched_once() {
    // 20,000 objects claiming a stream that never ends: the search for `endstream` is not
    // repeated from every one of them.
    let mut bodies = vec![
        b("<< /Type /Catalog /Pages 2 0 R >>"),
        b("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    ];
    bodies.push(b("<< /Type /Page /Parent 2 0 R /Contents [4 0 R] >>"));
    let kids: Vec<String> = (0..20_000).map(|i| format!("{} 0 R", i + 5)).collect();
    bodies[2] = b(&format!(
        "<< /Type /Page /Parent 2 0 R /Contents [{}] >>",
        kids.join(" ")
    ));
    bodies.push(b("<< >>"));
    for _ in 0..20_000 {
        bodies.push(b("<< /Length 999999999 >>\nstream\nxx"));
    }
    let (result, took) = read(&pdf(&bodies, "/Root 1 0 R"));
    assert!(took < Duration::from_secs(10), "took {took:?}");
    assert!(result.is_err());
}

//! The XML/SGML cases of SECURITY.md's bad-input catalogue that are too big to keep as files:
//! each must end quickly with a clear error or a bounded result, never a hang or a panic.

use std::time::{Duration, Instant};

fn read(bytes: &[u8]) -> (Result<statement::Statement, statement::ReadError>, Duration) {
    let start = Instant::now();
    let result = statement::read(bytes, &Default::default());
    (result, start.elapsed())
}

/// Generous for a debug build on a shared machine; a linear-time reader takes milliseconds.
const QUICK: Duration = Duration::from_secs(5);

#[test]
fn camt_with_100_000_levels_of_nesting_is_refused_quickly() {
    let mut file = String::from(
        "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>",
    );
    file.push_str(&"<Stmt>".repeat(100_000));
    let (result, elapsed) = read(file.as_bytes());
    let error = result.unwrap_err();
    assert_eq!(error.code, "too-deep", "{error}");
    assert!(error.message.contains("256"), "{error}");
    assert!(elapsed < QUICK, "took {elapsed:?}");
}

#[test]
fn ofx_with_100_000_levels_of_nesting_is_refused_quickly() {
    let mut file = String::from("OFXHEADER:100\n\n<OFX>");
    for level in 0..100_000 {
        file.push_str(&format!("<AGG{level}>"));
    }
    let (result, elapsed) = read(file.as_bytes());
    assert_eq!(result.unwrap_err().code, "ofx-too-deep");
    assert!(elapsed < QUICK, "took {elapsed:?}");
}

#[test]
fn ofx_with_100_000_unclosed_aggregates_of_one_name_reads_flat() {
    // SGML exporters that never close an aggregate must not nest ever deeper.
    let mut file = String::from("OFXHEADER:100\n\n<OFX>");
    file.push_str(&"<AGG>".repeat(100_000));
    let (result, elapsed) = read(file.as_bytes());
    assert!(result.unwrap().transactions.is_empty());
    assert!(elapsed < QUICK, "took {elapsed:?}");
}

#[test]
fn billion_laughs_is_refused_without_expanding() {
    let mut file =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE Document [\n<!ENTITY a0 \"lol\">\n");
    for level in 1..=30 {
        let previous = format!("&a{};", level - 1);
        file.push_str(&format!("<!ENTITY a{level} \"{}\">\n", previous.repeat(10)));
    }
    file.push_str("]>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Ntry><AddtlNtryInf>&a30;</AddtlNtryInf></Ntry></Stmt></BkToCstmrStmt></Document>");
    let (result, elapsed) = read(file.as_bytes());
    assert_eq!(result.unwrap_err().code, "camt-xml-entities");
    assert!(elapsed < QUICK, "took {elapsed:?}");
}

#[test]
fn undeclared_entities_stay_literal_text() {
    let file = "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt>\
<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2024-01-01</Dt></BookgDt><AddtlNtryInf>&x;&#x26;&#0;</AddtlNtryInf></Ntry>\
</Stmt></BkToCstmrStmt></Document>";
    let statement = statement::read(file.as_bytes(), &Default::default()).unwrap();
    assert_eq!(
        statement
            .transactions
            .get(0)
            .expect("a transaction")
            .description,
        "&x;&&#0;"
    );
}

#[test]
fn a_million_tiny_elements_read_in_bounded_time() {
    let mut file = String::from("<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt>");
    file.push_str(&"<x/>".repeat(1_000_000));
    file.push_str("</Stmt></BkToCstmrStmt></Document>");
    let (result, elapsed) = read(file.as_bytes());
    let statement = result.unwrap();
    assert!(statement.transactions.is_empty());
    assert!(elapsed < QUICK * 4, "took {elapsed:?}");
}

#[test]
fn unterminated_constructs_end_cleanly() {
    for file in [
        "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><!-- never closed",
        "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><![CDATA[ never closed",
        "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt attr=\"never closed",
        "OFXHEADER:100\n\n<OFX><STMTTRN><TRNAMT>-1<DTPOSTED>2024",
        "<OFX><!DOCTYPE [[[[",
    ] {
        let (_, elapsed) = read(file.as_bytes());
        assert!(elapsed < QUICK);
    }
}

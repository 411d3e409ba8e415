//! Throughput of the structured readers on large generated files (a decade of daily
//! transactions and more). Run by hand in release mode:
//! `cargo test -p statement --release --test formats_throughput -- --ignored --nocapture`.
//! Each case asserts the number of transactions it read, so a fast wrong answer fails.

use std::time::Instant;

const N: usize = 200_000;

fn measure(name: &str, bytes: &[u8], expected: usize) {
    let start = Instant::now();
    let statement = statement::read(bytes, &Default::default()).unwrap();
    let elapsed = start.elapsed();
    assert_eq!(statement.transactions.len(), expected, "{name}");
    let megabytes = bytes.len() as f64 / 1e6;
    println!(
        "{name:6} {megabytes:7.1} MB  {expected} transactions  {:7.3} s  {:6.1} MB/s",
        elapsed.as_secs_f64(),
        megabytes / elapsed.as_secs_f64()
    );
}

fn date(i: usize) -> (usize, usize, usize) {
    (2000 + (i / 336) % 50, 1 + (i / 28) % 12, 1 + i % 28)
}

#[test]
#[ignore = "a measurement; run by hand in release mode"]
fn structured_readers_throughput() {
    let mut ofx = String::from("OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKACCTFROM><ACCTID>1</BANKACCTFROM><BANKTRANLIST>\n");
    let mut camt = String::from("<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><Stmt><Acct><Id><IBAN>DE1</IBAN></Id><Ccy>EUR</Ccy></Acct>\n");
    let mut mt940 = String::from(":20:X\n:25:DE1\n:28C:1\n:60F:C000101EUR0,00\n");
    let mut qif = String::from("!Type:Bank\n");
    for i in 0..N {
        let (y, m, d) = date(i);
        ofx.push_str(&format!("<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>{y}{m:02}{d:02}120000[-5:EST]<TRNAMT>-{i}.99<FITID>F{i}<NAME>MERCHANT {i}<MEMO>MONTHLY PLAN</STMTTRN>\n"));
        camt.push_str(&format!("<Ntry><Amt Ccy=\"EUR\">{i}.99</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>{y}-{m:02}-{d:02}</Dt></BookgDt><ValDt><Dt>{y}-{m:02}-{d:02}</Dt></ValDt><NtryDtls><TxDtls><RltdPties><Cdtr><Pty><Nm>Merchant {i}</Nm></Pty></Cdtr></RltdPties><RmtInf><Ustrd>Monthly plan</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n"));
        mt940.push_str(&format!(":61:{:02}{m:02}{d:02}{m:02}{d:02}D{i},99NDDTNONREF\n:86:105?00LASTSCHRIFT?20SVWZ+Monthly plan?32Merchant {i}\n", y % 100));
        qif.push_str(&format!(
            "D{m}/{d}/{y}\nT-{i}.99\nPMerchant {i}\nMMonthly plan\n^\n"
        ));
    }
    ofx.push_str("</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n");
    camt.push_str("</Stmt></BkToCstmrStmt></Document>\n");
    mt940.push_str(":62F:C000101EUR0,00\n-\n");
    measure("ofx", ofx.as_bytes(), N);
    measure("camt", camt.as_bytes(), N);
    measure("mt940", mt940.as_bytes(), N);
    measure("qif", qif.as_bytes(), N);
}

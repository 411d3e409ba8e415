//! `spendrein reference create | decode` end to end on the e2e test statement.

use std::process::Command;

fn spendrein(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_spendrein"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn report_file() -> String {
    let statement = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/e2e/verdicts.csv"
    );
    let output = spendrein(&[
        "analyse",
        "--json",
        "--today",
        "2026-07-10",
        "--cancelled",
        "netflix@2026-03-15",
        "--cancelled",
        "disney-plus@2026-06-27",
        statement,
    ]);
    assert!(output.status.success());
    let path =
        std::env::temp_dir().join(format!("spendrein-ref-report-{}.json", std::process::id()));
    std::fs::write(&path, &output.stdout).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn create_prints_a_link_that_decode_reads_back() {
    let report = report_file();
    let output = spendrein(&[
        "reference",
        "create",
        &report,
        "Netflix",
        "--confirmation",
        "NF-1234",
        "--base",
        "https://spendrein.example/app/",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let link = String::from_utf8(output.stdout).unwrap().trim().to_owned();
    assert!(
        link.starts_with("https://spendrein.example/app/#ref=v1."),
        "{link}"
    );
    assert!(
        link.len() <= 600,
        "one vendor, three charges: {} characters",
        link.len()
    );
    let output = spendrein(&["reference", "decode", &link]);
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["vendor"], "netflix");
    assert_eq!(json["cancelled_on"], "2026-03-15");
    assert_eq!(json["confirmation"], "NF-1234");
    assert!(json["code"].as_str().unwrap().starts_with("SPR-"));
    let charges = json["charges"].as_array().unwrap();
    assert_eq!(charges.len(), 3);
    assert_eq!(charges[0]["date"], "2026-04-01");
    assert_eq!(charges[0]["amount"], "-15.49");
    assert_eq!(charges[0]["description"], "NETFLIX.COM 866-579-7172 CA");
    // Too early: the look-again date goes in.
    let output = spendrein(&["reference", "create", &report, "disney-plus"]);
    let link = String::from_utf8(output.stdout).unwrap();
    let output = spendrein(&["reference", "decode", link.trim()]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["check_after"], "2026-08-01");
}

#[test]
fn decode_fails_clearly_on_a_tampered_or_malformed_link() {
    let report = report_file();
    let output = spendrein(&["reference", "create", &report, "netflix"]);
    let link = String::from_utf8(output.stdout).unwrap().trim().to_owned();
    let mut tampered = link.clone().into_bytes();
    let at = tampered.len() - 20;
    tampered[at] = if tampered[at] == b'A' { b'B' } else { b'A' };
    let output = spendrein(&[
        "reference",
        "decode",
        std::str::from_utf8(&tampered).unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let message = String::from_utf8(output.stderr).unwrap();
    assert!(message.contains("changed or damaged"), "{message}");
    let output = spendrein(&["reference", "decode", "https://example.com/#/guides"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a Spendrein reference link"));
    let output = spendrein(&["reference", "create", &report, "hulu"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no cancellation of \"hulu\""));
}

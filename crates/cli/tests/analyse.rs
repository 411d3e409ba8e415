//! `spendrein analyse` end to end: real files, the real binary, exit codes and output.

use std::path::PathBuf;
use std::process::Command;

fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("spendrein-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write temp file");
    path
}

/// Netflix monthly, charged again after a cancellation on 2026-04-10; an OpenAI API invoice
/// once after a cancellation on 2026-03-20 (the expected final invoice); coffee now and then.
fn statement_csv() -> String {
    let mut rows = vec!["Date,Description,Amount".to_owned()];
    for month in 1..=6 {
        rows.push(format!(
            "2026-{month:02}-05,NETFLIX.COM 866-579-7172 CA,-15.49"
        ));
        // Coffee on no fixed day, at prices that repeat.
        for day in [3 + month * 3 % 7, 11 + month * 5 % 9, 21 + month % 4] {
            rows.push(format!(
                "2026-{month:02}-{day:02},SQ *BLUE BOTTLE COFFEE,-{}.50",
                3 + (day + month) % 3
            ));
        }
    }
    for (month, amount) in [(1, "-12.40"), (2, "-33.10"), (3, "-20.02"), (4, "-41.87")] {
        rows.push(format!("2026-{month:02}-02,OPENAI,{amount}"));
    }
    rows.push("2026-06-20,ACME CORP PAYROLL,3200.00".to_owned());
    rows.join("\n") + "\n"
}

fn spendrein(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_spendrein"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn summary_shows_streams_and_verdicts_and_exits_zero() {
    let file = scratch("checking.csv", statement_csv().as_bytes());
    let path = file.to_str().expect("utf-8 path");
    let output = spendrein(&[
        "analyse",
        "--cancelled",
        "netflix@2026-04-10",
        "--cancelled",
        "openai-api@2026-03-20",
        "--cancelled",
        "hulu@2026-01-01",
        "--today",
        "2026-07-01",
        path,
    ]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "exit {:?}: {stdout}",
        output.status
    );
    assert!(stdout.contains("Recurring charges"), "{stdout}");
    assert!(stdout.contains("netflix"), "{stdout}");
    assert!(stdout.contains("STILL CHARGING"), "{stdout}");
    assert!(stdout.contains("FINAL CHARGE"), "{stdout}");
    assert!(stdout.contains("NOT SEEN"), "{stdout}");
    assert!(
        stdout.contains("2026-05-05"),
        "the charge after cancelling is listed: {stdout}"
    );
    assert!(
        !stdout.contains("Blue Bottle"),
        "a coffee shop is not a subscription: {stdout}"
    );
}

#[test]
fn json_is_the_report() {
    let file = scratch("checking-json.csv", statement_csv().as_bytes());
    let path = file.to_str().expect("utf-8 path");
    let output = spendrein(&[
        "analyse",
        "--json",
        "--cancelled",
        "netflix@2026-04-10",
        "--today",
        "2026-07-01",
        path,
    ]);
    assert!(output.status.success());
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(report["today"], "2026-07-01");
    assert_eq!(report["cancellations"][0]["verdict"], "still_charging");
    assert_eq!(
        report["cancellations"][0]["charges_after"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    let recurring = report["recurring"].as_array().expect("recurring list");
    assert!(recurring
        .iter()
        .any(|r| r["vendor"] == "netflix" && r["cadence"] == "monthly"));
    assert!(recurring
        .iter()
        .any(|r| r["vendor"] == "openai-api" && r["variable"] == true));
}

#[test]
fn an_unreadable_file_is_a_clear_error() {
    let missing = spendrein(&["analyse", "/no/such/file.csv"]);
    assert!(!missing.status.success());
    let message = String::from_utf8_lossy(&missing.stderr);
    assert!(
        message.contains("cannot read /no/such/file.csv"),
        "{message}"
    );

    let pdf = scratch(
        "statement.pdf.csv",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    );
    let output = spendrein(&["analyse", pdf.to_str().expect("utf-8 path")]);
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("cannot read") && message.contains("as a statement"),
        "{message}"
    );

    let bad_flag = spendrein(&["analyse", "--cancelled", "netflix", "x.csv"]);
    assert!(!bad_flag.status.success());
    assert!(String::from_utf8_lossy(&bad_flag.stderr).contains("openai-api@2026-06-02"));
}

#[test]
fn a_workbook_gives_the_verdicts_of_the_same_csv() {
    // The browser test's statement as CSV and as the XLSX written from it (generate.py).
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/e2e");
    let run = |name: &str| {
        let path = data.join(name);
        let output = spendrein(&[
            "analyse",
            "--json",
            "--cancelled",
            "netflix@2026-02-15",
            "--cancelled",
            "spotify@2026-02-15",
            "--today",
            "2026-07-01",
            path.to_str().expect("utf-8 path"),
        ]);
        assert!(output.status.success(), "{name}: {output:?}");
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        report
    };
    let (csv, xlsx) = (run("verdicts.csv"), run("verdicts.xlsx"));
    let (from_csv, from_xlsx) = (
        csv["cancellations"].as_array().unwrap(),
        xlsx["cancellations"].as_array().unwrap(),
    );
    assert_eq!(from_csv.len(), 2);
    for (a, b) in from_csv.iter().zip(from_xlsx) {
        assert_eq!(a["verdict"], b["verdict"]);
        assert_eq!(a["explanation"], b["explanation"]);
        let (ca, cb) = (
            a["history"].as_array().unwrap(),
            b["history"].as_array().unwrap(),
        );
        assert_eq!(ca.len(), cb.len());
        for (x, y) in ca.iter().zip(cb) {
            assert_eq!((&x["date"], &x["amount"]), (&y["date"], &y["amount"]));
            // The workbook has a title row and a blank row above the table: row = line + 2.
            assert_eq!(x["line"].as_u64().unwrap() + 2, y["line"].as_u64().unwrap());
        }
    }
    assert_eq!(
        xlsx["statements"][0]["dialect"]["version"],
        "XLSX sheet \"Umsätze\""
    );
}

//! The parts a statement keeps apart (counterparty, booking type, purpose) reach the report's
//! transactions, and the merchant the reader put first is the one the engine finds.

use chrono::NaiveDate;
use engine::{analyse, NamedStatement};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

#[test]
fn a_german_export_shows_counterparty_booking_type_and_purpose() {
    // Sparkasse CAMT-CSV columns (see tests/data/statement/ok/csv/README-issue-17.md).
    let mut csv = String::from(
        "\"Buchungstag\";\"Valutadatum\";\"Buchungstext\";\"Verwendungszweck\";\"Beguenstigter/Zahlungspflichtiger\";\"Betrag\";\"Waehrung\"\n",
    );
    for month in 1..=6 {
        csv.push_str(&format!(
            "\"14.{month:02}.26\";\"14.{month:02}.26\";\"KARTENZAHLUNG\";\"Zahlung Kartenumsatz\";\"NETFLIX.COM\";\"-13,99\";\"EUR\"\n"
        ));
    }
    let statement = statement::read(csv.as_bytes(), &statement::Hints::default()).expect("reads");
    let report = analyse(
        &[NamedStatement {
            file: "umsatz.csv".into(),
            statement,
        }],
        &[],
        d("2026-07-01"),
    );
    let stream = report
        .recurring
        .iter()
        .find(|r| r.vendor.as_deref() == Some("netflix"))
        .expect("netflix is found from the counterparty");
    let charge = &stream.transactions[0];
    assert_eq!(charge.description, "NETFLIX.COM | Zahlung Kartenumsatz");
    assert_eq!(charge.counterparty.as_deref(), Some("NETFLIX.COM"));
    assert_eq!(charge.booking_type.as_deref(), Some("KARTENZAHLUNG"));
    assert_eq!(charge.purpose.as_deref(), Some("Zahlung Kartenumsatz"));
    let json = serde_json::to_value(charge).expect("serialises");
    assert_eq!(json["booking_type"], "KARTENZAHLUNG");
}

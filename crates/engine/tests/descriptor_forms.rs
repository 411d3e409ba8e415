//! Every descriptor we have evidence for, in the forms banks print it, through the engine's
//! real path: each form is a one-row statement given to `engine::analyse`, which normalises
//! the descriptor and matches it to a guide exactly as it does for any statement. The form
//! must come out as its own vendor (confidence above `low`) and no other.
//!
//! Descriptors: every `examples` entry of every guide, and every variant of
//! `../shared/research/vendor-descriptors.tsv` graded real (R…) or official (D…), read with the
//! same rules as `crates/guides/tests/research_matching.rs`. Forms: upper, lower and title case;
//! phone numbers as banks print them; a US state, a country code, a city and state; a `*`
//! reference, a `#` store number, a trailing reference number; cut at 22 and 25 characters; the
//! fixed-width card-network layout (name in 25 columns, city in 13, then the state); bank
//! phrases in front (US, UK, German, Dutch, French, Nordic); and wallets (`PAYPAL *`, PayPal
//! Europe with the merchant in the purpose, `KLARNA*`), which must also keep "billed via".
//!
//! Run with `cargo test -p engine --test descriptor_forms -- --nocapture` for the table.

#[path = "../../guides/tests/support/research.rs"]
mod research;

use chrono::NaiveDate;
use engine::{analyse, NamedStatement, Report};
use research::Expect;
use statement::{Format, Statement, Transaction};
use std::collections::BTreeMap;

/// Phone numbers as card networks and banks print them after the merchant.
const PHONES: &[&str] = &[
    "888-555-0143",
    "(888) 555-0143",
    "888.555.0143",
    "888 555 0143",
    "1-888-555-0143",
    "+1 888 555 0143",
    "8885550143",
    "+44 20 7946 0958",
    "+49 30 12345678",
    "0800 123 4567",
];

/// What follows the merchant: a state, a country, a city (and the combinations).
const PLACES: &[&str] = &[
    "CA",
    "NY",
    "US",
    "USA",
    "GB",
    "GBR",
    "IE",
    "NL",
    "LU",
    "SAN FRANCISCO CA",
    "LOS GATOS CA",
    "NEW YORK NY",
    "SEATTLE WA",
    "LONDON GB",
    "DUBLIN IE",
    "AMSTERDAM NL",
    "LUXEMBOURG LU",
    "888-555-0143 CA",
];

/// References that change from charge to charge.
const REFERENCES: &[(&str, &str)] = &[
    ("star-reference", "*AB12CD345"),
    ("star-space-reference", " *7QX2M9K41"),
    ("store-number", " #0123"),
    ("trailing-number", " 4829341039"),
    ("trailing-reference", " REF 20260301"),
];

/// Bank phrases in front of the merchant (the booking text banks print; German, Dutch, French
/// and Nordic exports as well as US and UK ones).
const BANK_PREFIXES: &[&str] = &[
    "RECURRING PAYMENT AUTHORIZED ON 06/01",
    "PURCHASE AUTHORIZED ON 06/01",
    "CHECKCARD 0601",
    "POS DEBIT",
    "POS",
    "DEBIT CARD PURCHASE",
    "CARD PAYMENT TO",
    "SEPA-Basislastschrift",
    "SEPA-Lastschrift",
    "Folgelastschrift",
    "Erstlastschrift",
    "Lastschrift",
    "Kartenzahlung",
    "Kartenzahlung/-abrechnung",
    "Betaalautomaat",
    "BEA",
    "BEA, Betaalpas",
    "Incasso",
    "Paiement par carte",
    "PAIEMENT CB",
    "CB",
    "Prélèvement",
    "PRELEVEMENT",
    "PRLV SEPA",
    "Korttiosto",
    "Kortköp",
];

/// A known (descriptor, form) pair that cannot identify its vendor, with the reason.
const EXCEPTIONS: &[(&str, &str, &str)] = &[
    (
        "RECURRING PAYMENT AUTHORIZED ON 06/12 NETFLIX.COM 866-579-7172 CA",
        "cut at 22",
        BANK_TEXT_CUT,
    ),
    (
        "RECURRING PAYMENT AUTHORIZED ON 06/12 NETFLIX.COM 866-579-7172 CA",
        "cut at 25",
        BANK_TEXT_CUT,
    ),
    (
        "RECURRING PAYMENT AUTHORIZED ON 06/12 NETFLIX.COM 866-579-7172 CA",
        "fixed width",
        BANK_TEXT_CUT,
    ),
    (
        "RECURRING PAYMENT AUTHORIZED ON 11/03 OPENAI OPENAI.COM CA",
        "cut at 22",
        BANK_TEXT_CUT,
    ),
    (
        "RECURRING PAYMENT AUTHORIZED ON 11/03 OPENAI OPENAI.COM CA",
        "cut at 25",
        BANK_TEXT_CUT,
    ),
    (
        "RECURRING PAYMENT AUTHORIZED ON 11/03 OPENAI OPENAI.COM CA",
        "fixed width",
        BANK_TEXT_CUT,
    ),
    (
        "RECURRING PAYMENT AUTHORIZED ON MM/DD OPENAI OPENAI.COM CA",
        "cut at 22",
        BANK_TEXT_CUT,
    ),
    (
        "RECURRING PAYMENT AUTHORIZED ON MM/DD OPENAI OPENAI.COM CA",
        "cut at 25",
        BANK_TEXT_CUT,
    ),
    (
        "RECURRING PAYMENT AUTHORIZED ON MM/DD OPENAI OPENAI.COM CA",
        "fixed width",
        BANK_TEXT_CUT,
    ),
];

/// Why a cut of a descriptor that starts with the bank's phrase is an exception.
const BANK_TEXT_CUT: &str = "the bank's own phrase fills the first 22 or 25 characters, so nothing of the merchant is left (banks put that phrase in front of the card network's name field, so a real cut never falls there)";

fn form_list(descriptor: &str) -> Vec<(String, String)> {
    let mut forms: Vec<(String, String)> = Vec::new();
    let mut add = |name: &str, text: String| forms.push((name.to_owned(), text));
    add("as printed", descriptor.to_owned());
    add("upper", descriptor.to_uppercase());
    add("lower", descriptor.to_lowercase());
    add("title", title_case(descriptor));
    for phone in PHONES {
        add(&format!("phone {phone}"), format!("{descriptor} {phone}"));
    }
    for place in PLACES {
        add(&format!("place {place}"), format!("{descriptor} {place}"));
    }
    for (name, reference) in REFERENCES {
        add(name, format!("{descriptor}{reference}"));
    }
    for length in [22, 25] {
        if descriptor.chars().count() > length {
            add(
                &format!("cut at {length}"),
                descriptor.chars().take(length).collect(),
            );
        }
    }
    // The card networks' fixed-width line: name in 25 columns (cut or padded), city in 13,
    // state. A 25-character name runs straight into the city.
    let name: String = descriptor.chars().take(25).collect();
    add(
        "fixed width",
        format!("{name:<25}{:<13} CA", "SAN FRANCISCO"),
    );
    // A domain-style name as a web address.
    let first_token = descriptor.split_whitespace().next().unwrap_or("");
    if first_token.contains('.') && !first_token.contains('*') {
        add("web address", format!("WWW.{descriptor}"));
    }
    for prefix in BANK_PREFIXES {
        add(&format!("bank {prefix}"), format!("{prefix} {descriptor}"));
    }
    // The CSV reader's `counterparty | purpose` line, and an acquirer as counterparty with
    // the merchant in the purpose (`<purpose> | <counterparty>`).
    add(
        "counterparty | purpose",
        format!("{descriptor} | Zahlung Kartenumsatz"),
    );
    add("purpose | acquirer", format!("{descriptor} | Adyen N.V."));
    add(
        "everything",
        format!(
            "kartenzahlung {} 888-555-0143 ca",
            descriptor.to_lowercase()
        ),
    );
    forms
}

/// Wallet forms of a descriptor, with the channel the report must name as "billed via".
fn wallet_forms(descriptor: &str) -> Vec<(String, String, &'static str)> {
    vec![
        (
            "wallet PAYPAL *".to_owned(),
            format!("PAYPAL *{descriptor}"),
            "paypal",
        ),
        (
            "wallet PayPal Europe".to_owned(),
            format!(
                "PayPal Europe S.a.r.l. et Cie S.C.A 1041592837465 PP.8376.PP . {descriptor}, Ihr Einkauf bei {descriptor}"
            ),
            "paypal",
        ),
        (
            "wallet KLARNA*".to_owned(),
            format!("KLARNA*{descriptor}"),
            "klarna",
        ),
        // The CSV reader's line for a wallet counterparty with the merchant in the purpose
        // (crates/statement: `PAYPAL *<purpose>`, `KLARNA *<purpose>`).
        (
            "wallet reader PAYPAL *purpose".to_owned(),
            format!("PAYPAL *{descriptor}, Ihr Einkauf bei {descriptor}"),
            "paypal",
        ),
        (
            "wallet reader KLARNA *purpose".to_owned(),
            format!("KLARNA *{descriptor}"),
            "klarna",
        ),
    ]
}

fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut start = true;
    for character in text.chars() {
        if start {
            out.extend(character.to_uppercase());
        } else {
            out.extend(character.to_lowercase());
        }
        start = !character.is_alphanumeric();
    }
    out
}

fn one_row(description: &str) -> Report {
    let date = NaiveDate::from_ymd_opt(2026, 3, 1).expect("date");
    let mut statement = Statement::new(Format::Csv);
    statement.currency = Some("USD".into());
    // Built from JSON, which leaves every optional field out: the test does not depend on
    // which optional fields `Transaction` has.
    let transaction: Transaction = serde_json::from_value(serde_json::json!({
        "date": "2026-03-01",
        "amount": { "minor": -1234, "scale": 2 },
        "currency": "USD",
        "description": description,
        "source": { "line": 2 },
    }))
    .expect("a transaction");
    statement.transactions = vec![transaction].into();
    analyse(
        &[NamedStatement {
            file: "forms.csv".into(),
            statement,
        }],
        &[],
        date,
    )
}

/// What the engine made of a descriptor: (vendor, confidence, billed via).
fn engine_vendor(description: &str) -> (Option<String>, Option<String>, Option<String>) {
    let report = one_row(description);
    match report.recurring.as_slice() {
        [] => (None, None, None),
        [stream] => (
            stream.vendor.clone(),
            stream.confidence.clone(),
            stream.billed_via.clone(),
        ),
        streams => panic!("one row made {} streams: {description:?}", streams.len()),
    }
}

fn is_store(id: &str) -> bool {
    guides::get(id).is_some_and(|guide| guide.store().is_some())
}

/// A descriptor that already names a processor or store (`PAYPAL *SPOTIFY`, `GOOGLE *…`):
/// wrapping it in a wallet again is not a form banks print.
fn has_processor(descriptor: &str) -> bool {
    let words = guides::words(descriptor);
    let first = words.first().map(String::as_str).unwrap_or("");
    descriptor.contains('*')
        || ["PAYPAL", "PP", "APPLE", "APL", "GOOGLE", "AMZN", "KLARNA"].contains(&first)
}

#[derive(Default)]
struct Tally {
    tested: usize,
    matched: usize,
    excepted: usize,
    failed: usize,
}

#[test]
fn every_descriptor_in_every_printed_form_matches_its_vendor() {
    // (source, descriptor, expectation)
    let mut cases: Vec<(&'static str, String, Expect)> = Vec::new();
    for guide in guides::all() {
        for example in guide.descriptors.examples {
            cases.push((
                "guide example",
                (*example).to_owned(),
                Expect::Guide(guide.id),
            ));
        }
    }
    let mut skipped: Vec<String> = Vec::new();
    match research::research_text() {
        Some(text) => {
            for case in research::graded_cases(&text) {
                match case.expect {
                    Ok(expect) => cases.push(("research", case.descriptor, expect)),
                    Err(why) => skipped.push(format!(
                        "{}: {:?} ({:?}): {why}",
                        case.vendor, case.descriptor, case.grade
                    )),
                }
            }
        }
        None => println!("research file absent: guide examples only"),
    }
    assert!(cases.len() > 150, "only {} descriptors", cases.len());

    let mut by_form: BTreeMap<String, Tally> = BTreeMap::new();
    let mut by_source: BTreeMap<&str, (usize, Tally)> = BTreeMap::new();
    let mut failures: Vec<String> = Vec::new();
    let mut exceptions_used = vec![false; EXCEPTIONS.len()];
    for (source, descriptor, expect) in &cases {
        let mut forms: Vec<(String, String, Option<&str>)> = form_list(descriptor)
            .into_iter()
            .map(|(name, text)| (name, text, None))
            .collect();
        let wallet_ok = match expect {
            Expect::Guide(id) => !is_store(id) && !has_processor(descriptor),
            _ => false,
        };
        if wallet_ok {
            for (name, text, via) in wallet_forms(descriptor) {
                forms.push((name, text, Some(via)));
            }
        }
        let source_tally = by_source.entry(source).or_default();
        source_tally.0 += 1;
        for (form, text, via) in forms {
            let (vendor, confidence, billed_via) = engine_vendor(&text);
            let ok = match expect {
                Expect::Guide(id) => {
                    vendor.as_deref() == Some(*id)
                        && confidence.as_deref() != Some("low")
                        && via.is_none_or(|via| billed_via.as_deref() == Some(via))
                }
                Expect::NotGuide(id) => vendor.as_deref() != Some(*id),
                Expect::AnyOf(ids) => vendor.as_deref().is_some_and(|v| ids.contains(&v)),
            };
            let exception = EXCEPTIONS
                .iter()
                .position(|(d, f, _)| d == descriptor && *f == form);
            let tally = by_form.entry(form.clone()).or_default();
            tally.tested += 1;
            source_tally.1.tested += 1;
            if ok {
                tally.matched += 1;
                source_tally.1.matched += 1;
            } else if let Some(index) = exception {
                exceptions_used[index] = true;
                tally.excepted += 1;
                source_tally.1.excepted += 1;
            } else {
                tally.failed += 1;
                source_tally.1.failed += 1;
                failures.push(format!(
                    "{source} {descriptor:?}, form {form} {text:?}: want {expect:?}, got {vendor:?} ({confidence:?}, via {billed_via:?})"
                ));
            }
        }
    }

    println!(
        "{:<36} {:>7} {:>8} {:>10} {:>7}",
        "form", "tested", "matched", "exception", "failed"
    );
    let mut total = Tally::default();
    for (form, tally) in &by_form {
        println!(
            "{form:<36} {:>7} {:>8} {:>10} {:>7}",
            tally.tested, tally.matched, tally.excepted, tally.failed
        );
        total.tested += tally.tested;
        total.matched += tally.matched;
        total.excepted += tally.excepted;
        total.failed += tally.failed;
    }
    for (source, (descriptors, tally)) in &by_source {
        println!(
            "{source}: {descriptors} descriptors, {} forms tested, {} matched, {} exceptions, {} failed",
            tally.tested, tally.matched, tally.excepted, tally.failed
        );
    }
    println!(
        "total: {} descriptors, {} forms tested, {} matched ({:.2}%), {} exceptions, {} failed; {} research variants skipped",
        cases.len(),
        total.tested,
        total.matched,
        100.0 * total.matched as f64 / total.tested.max(1) as f64,
        total.excepted,
        total.failed,
        skipped.len()
    );
    for line in &skipped {
        println!("  skipped: {line}");
    }
    for ((descriptor, form, why), used) in EXCEPTIONS.iter().zip(&exceptions_used) {
        println!("  exception: {descriptor:?} {form}: {why}");
        assert!(
            used,
            "exception {descriptor:?} {form} is not needed any more"
        );
    }
    assert!(
        failures.is_empty(),
        "{} forms do not match their vendor:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

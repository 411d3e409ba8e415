//! Billing entities (`guides/billing/entities.toml`): companies that charge for many vendors
//! under their own prefix (Paddle, FastSpring, Digital River, 2Checkout, Nord Security). Every
//! graded example goes through `engine::analyse` as three monthly charges and must come out
//! "billed via" its entity: as the guide's vendor when the tail names one, else as a merchant
//! named by the tail (never the entity's own name). Each listed prefix must be one the engine
//! strips, and each entity must have at least one example graded real or official.
//!
//! `cargo test -p engine --test billing_entities -- --nocapture` prints the table and the guesses.

use chrono::NaiveDate;
use engine::{analyse, NamedStatement, Report};
use serde::Deserialize;
use statement::{Format, Statement, Transaction};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    entities: Vec<Entity>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entity {
    id: String,
    name: String,
    what: String,
    forms: Vec<Form>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Form {
    prefix: String,
    example: String,
    grade: String,
    evidence: String,
}

fn register() -> File {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../guides/billing/entities.toml"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}"));
    toml::from_str(&text).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// Three monthly charges of one descriptor: enough for any merchant, known or not, to be a
/// recurring stream.
fn monthly(description: &str) -> Report {
    let date = NaiveDate::from_ymd_opt(2026, 4, 10).expect("date");
    let mut statement = Statement::new(Format::Csv);
    statement.currency = Some("USD".into());
    let transactions: Vec<Transaction> = ["2026-01-05", "2026-02-05", "2026-03-05"]
        .iter()
        .enumerate()
        .map(|(index, day)| {
            serde_json::from_value(serde_json::json!({
                "date": day,
                "amount": { "minor": -1299, "scale": 2 },
                "currency": "USD",
                "description": description,
                "source": { "line": index + 2 },
            }))
            .expect("a transaction")
        })
        .collect();
    statement.transactions = transactions.into();
    analyse(
        &[NamedStatement {
            file: "billing.csv".into(),
            statement,
        }],
        &[],
        date,
    )
}

/// (vendor, merchant, billed via) of the one stream a one-row statement makes.
fn outcome(description: &str) -> (Option<String>, String, Option<String>) {
    let report = monthly(description);
    match report.recurring.as_slice() {
        [stream] => (
            stream.vendor.clone(),
            stream.merchant.clone(),
            stream.billed_via.clone(),
        ),
        streams => panic!("{description:?} made {} streams", streams.len()),
    }
}

#[test]
fn every_example_is_billed_via_its_entity() {
    let file = register();
    let mut failures = Vec::new();
    let mut guesses = Vec::new();
    for entity in &file.entities {
        assert!(
            !entity.name.is_empty() && !entity.what.is_empty(),
            "{}: name and what are required",
            entity.id
        );
        assert!(
            entity
                .forms
                .iter()
                .any(|form| form.grade == "real" || form.grade == "official"),
            "{}: no example graded real or official",
            entity.id
        );
        for form in &entity.forms {
            assert!(
                ["real", "official", "guess"].contains(&form.grade.as_str()),
                "{} {:?}: grade {:?} is not real, official or guess",
                entity.id,
                form.example,
                form.grade
            );
            assert!(
                !form.evidence.is_empty(),
                "{} {:?}: no evidence",
                entity.id,
                form.example
            );
            if form.grade == "guess" {
                guesses.push(format!("{} {:?}", entity.id, form.example));
            }
            // The listed prefix is one the engine strips, whatever follows it.
            let probe = format!("{}ACMEWIDGETS", form.prefix);
            let (_, _, via) = outcome(&probe);
            if via.as_deref() != Some(entity.id.as_str()) {
                failures.push(format!(
                    "{}: prefix {:?} is not stripped by the engine ({probe:?} billed via {via:?})",
                    entity.id, form.prefix
                ));
            }
            let (vendor, merchant, via) = outcome(&form.example);
            let tail_guide = tail_guide(&form.example, &form.prefix);
            println!(
                "billing: {:<14} {:<8} {:<40} -> vendor {:<22} merchant {:<20} via {}",
                entity.id,
                form.grade,
                form.example,
                vendor.as_deref().unwrap_or("-"),
                merchant,
                via.as_deref().unwrap_or("-")
            );
            if via.as_deref() != Some(entity.id.as_str()) {
                failures.push(format!(
                    "{} {:?}: billed via {via:?}, want {:?}",
                    entity.id, form.example, entity.id
                ));
            }
            if vendor != tail_guide {
                failures.push(format!(
                    "{} {:?}: vendor {vendor:?}, but the guides match {tail_guide:?}",
                    entity.id, form.example
                ));
            }
            if vendor.is_none()
                && merchant
                    .to_uppercase()
                    .contains(&entity.name.to_uppercase())
            {
                failures.push(format!(
                    "{} {:?}: the merchant is the entity ({merchant:?}), not the vendor in the tail",
                    entity.id, form.example
                ));
            }
        }
    }
    println!(
        "billing: {} entities, {} guesses: {}",
        file.entities.len(),
        guesses.len(),
        guesses.join(", ")
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The guide the example should come out as: one whose pattern matches the whole descriptor
/// (`SL.NORD* PRODUCTS` is NordVPN's own form), else one the text after the prefix matches.
fn tail_guide(example: &str, prefix: &str) -> Option<String> {
    let upper = example.to_uppercase();
    let tail = upper.strip_prefix(prefix.trim_end()).unwrap_or(&upper);
    [upper.as_str(), tail]
        .iter()
        .find_map(|text| {
            guides::match_descriptor(text).filter(|found| found.guide.store().is_none())
        })
        .map(|found| found.guide.id.to_owned())
}

#[test]
fn a_known_vendor_behind_an_entity_is_that_vendor_billed_via_the_entity() {
    // Adobe's own guide, reached through Digital River, as the public statement lines show.
    let (vendor, _, via) = outcome("DRI*ADOBE SALES SHANNON");
    assert_eq!(
        (vendor.as_deref(), via.as_deref()),
        (Some("adobe-creative-cloud"), Some("digital-river"))
    );
    // An unknown product behind Paddle is a merchant of its own, billed via Paddle.
    let (vendor, merchant, via) = outcome("PADDLE.NET* N8N CLOUD1");
    assert_eq!((vendor, via.as_deref()), (None, Some("paddle")));
    assert!(merchant.to_uppercase().starts_with("N8N"), "{merchant:?}");
}

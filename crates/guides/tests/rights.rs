//! The statutory rights (`guides/rights/*.toml`) against the rules of `guides/rights/README.md`,
//! and the page's copy of them, `web/rights-data.js`, against the compiled data.
//!
//! `last_reviewed` is judged against `SPENDREIN_TODAY` (YYYY-MM-DD) when set, else the clock.
//! `SPENDREIN_WRITE_RIGHTS=1` rewrites `web/rights-data.js` instead of failing when it is stale.

use chrono::NaiveDate;
use guides::rights::{self, Region};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

fn today() -> NaiveDate {
    if let Ok(text) = std::env::var("SPENDREIN_TODAY") {
        return NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .unwrap_or_else(|error| panic!("SPENDREIN_TODAY={text:?} is not YYYY-MM-DD: {error}"));
    }
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs())
        .unwrap_or(0);
    let days = i64::try_from(seconds / 86_400).unwrap_or(0);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_signed(chrono::TimeDelta::days(days)))
        .unwrap_or_default()
}

#[test]
fn every_region_is_valid() {
    let today = today();
    let problems = rights::validate(rights::all(), today);
    let errors: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let mut points = 0;
    let mut confirmed = 0;
    for region in rights::all() {
        let (mut region_points, mut region_confirmed) = (0, 0);
        for topic in region.topics {
            for point in topic.points {
                region_points += 1;
                region_confirmed += usize::from(region.confirmed(point));
            }
        }
        println!(
            "rights: {}: {} topics, {region_points} points, {region_confirmed} backed by the law or a public body, {} sources",
            region.id,
            region.topics.len(),
            region.sources.len()
        );
        points += region_points;
        confirmed += region_confirmed;
    }
    println!(
        "rights: {} regions checked against {today}: {points} points, {confirmed} officially backed, {} errors",
        rights::all().len(),
        errors.len()
    );
    assert!(
        ["eu", "uk", "us"]
            .iter()
            .all(|id| rights::get(id).is_some()),
        "the eu, uk and us regions must exist"
    );
    assert!(
        errors.is_empty(),
        "{} rights problems:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

/// The page's data: the compiled regions, with each claim's `confirmed` computed here so the
/// page never decides it.
fn page_data() -> Value {
    let claims = |region: &Region, claims: &[rights::Claim]| -> Vec<Value> {
        claims
            .iter()
            .map(|claim| json!({ "text": claim.text, "src": claim.src, "confirmed": region.confirmed(claim) }))
            .collect()
    };
    let regions: Vec<Value> = rights::all()
        .iter()
        .map(|region| {
            json!({
                "id": region.id,
                "name": region.name,
                "summary": region.summary,
                "currencies": region.currencies,
                "last_reviewed": region.last_reviewed,
                "topics": region.topics.iter().map(|topic| json!({
                    "id": topic.id,
                    "title": topic.title,
                    "points": claims(region, topic.points),
                    "needs": claims(region, topic.needs),
                })).collect::<Vec<_>>(),
                "sources": region.sources,
            })
        })
        .collect();
    json!({ "regions": regions })
}

fn page_module() -> String {
    let data = serde_json::to_string_pretty(&page_data()).unwrap_or_default();
    format!(
        "// Generated from guides/rights/*.toml by `cargo test -p guides --test rights`\n\
         // (SPENDREIN_WRITE_RIGHTS=1 rewrites it). Do not edit: change the TOML files.\n\
         export default {data};\n"
    )
}

#[test]
fn the_page_data_module_is_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../web/rights-data.js");
    let wanted = page_module();
    if std::env::var("SPENDREIN_WRITE_RIGHTS").is_ok_and(|value| value == "1") {
        std::fs::write(&path, &wanted)
            .unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == wanted,
        "web/rights-data.js is not what guides/rights/*.toml compile to; run \
         `SPENDREIN_WRITE_RIGHTS=1 cargo test -p guides --test rights` and commit it"
    );
}

#[test]
fn every_currency_maps_to_the_region_the_brief_names() {
    for (currency, region) in [
        ("EUR", "eu"),
        ("SEK", "eu"),
        ("DKK", "eu"),
        ("PLN", "eu"),
        ("NOK", "eu"),
        ("GBP", "uk"),
        ("USD", "us"),
    ] {
        assert_eq!(
            rights::for_currency(currency).map(|found| found.id),
            Some(region),
            "{currency}"
        );
    }
    // Switzerland is not in the EEA; its statements get the person's choice, not a default.
    assert!(rights::for_currency("CHF").is_none());
}

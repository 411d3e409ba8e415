//! `spendrein reference create | decode`: the same links as the page's "Create reference".

use engine::{Report, Verdict};
use reference::{Charge, Record};

/// Where links point unless `--base` says otherwise: the page as `cargo xtask serve` serves it.
pub const DEFAULT_BASE: &str = "http://127.0.0.1:8080/";

pub const USAGE: &str = "usage:
  spendrein reference create REPORT.json VENDOR [--confirmation TEXT] [--notes TEXT] [--base URL]
  spendrein reference decode LINK";

pub fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("create") => create(&args[1..]),
        Some("decode") => decode(&args[1..]),
        _ => Err(format!("reference needs create or decode\n{USAGE}")),
    }
}

fn create(args: &[String]) -> Result<(), String> {
    let mut positional = Vec::new();
    let mut confirmation = None;
    let mut notes = None;
    let mut base = DEFAULT_BASE.to_owned();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--confirmation" => {
                confirmation = Some(iter.next().ok_or("--confirmation needs TEXT")?.clone())
            }
            "--notes" => notes = Some(iter.next().ok_or("--notes needs TEXT")?.clone()),
            "--base" => base = iter.next().ok_or("--base needs a URL")?.clone(),
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}\n{USAGE}"))
            }
            value => positional.push(value.to_owned()),
        }
    }
    let [file, vendor] = positional.as_slice() else {
        return Err(format!(
            "reference create needs REPORT.json and VENDOR\n{USAGE}"
        ));
    };
    let text =
        std::fs::read_to_string(file).map_err(|error| format!("cannot read {file}: {error}"))?;
    let report: Report = serde_json::from_str(&text).map_err(|error| {
        format!("{file} is not a report from `spendrein analyse --json`: {error}")
    })?;
    let mut record = record_for(&report, vendor)?;
    record.confirmation = confirmation;
    record.notes = notes;
    let encoded =
        reference::encode(&record).map_err(|error| format!("cannot make a reference: {error}"))?;
    let base = base.split('#').next().unwrap_or_default();
    println!("{base}#{}{}", reference::FRAGMENT_KEY, encoded.text);
    eprintln!("reference code {}", encoded.code);
    Ok(())
}

/// The record for `vendor`'s cancellation in a report: matched by guide id or display name
/// (ignoring case). Carries the charges after the cancellation and, for `too_early` and
/// `final_charge`, the look-again date.
pub fn record_for(report: &Report, vendor: &str) -> Result<Record, String> {
    let wanted = vendor.trim().to_lowercase();
    let result = report
        .cancellations
        .iter()
        .find(|c| c.vendor.to_lowercase() == wanted || c.vendor_name.to_lowercase() == wanted)
        .ok_or_else(|| {
            let known: Vec<&str> = report.cancellations.iter().map(|c| c.vendor.as_str()).collect();
            if known.is_empty() {
                "the report has no cancellations; run `spendrein analyse --json --cancelled VENDOR@DATE …`".to_owned()
            } else {
                format!("the report has no cancellation of {vendor:?}; it has {}", known.join(", "))
            }
        })?;
    Ok(Record {
        vendor: result.vendor.clone(),
        vendor_name: Some(result.vendor_name.clone()),
        cancelled_on: result.cancelled_on,
        confirmation: None,
        notes: None,
        steps_done: Vec::new(),
        check_after: match result.verdict {
            Verdict::TooEarly | Verdict::FinalCharge => result.check_after,
            _ => None,
        },
        charges: result
            .charges_after
            .iter()
            .map(|tx| Charge {
                date: tx.date,
                amount: tx.amount.clone(),
                currency: tx.currency.clone(),
                description: tx.description.clone(),
            })
            .collect(),
    })
}

fn decode(args: &[String]) -> Result<(), String> {
    let [link] = args else {
        return Err(format!("reference decode needs one LINK\n{USAGE}"));
    };
    let reference =
        reference::decode(link).map_err(|error| format!("cannot read the link: {error}"))?;
    println!(
        "{}",
        serde_json::to_string_pretty(&reference).map_err(|e| e.to_string())?
    );
    Ok(())
}

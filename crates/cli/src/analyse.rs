//! `spendrein analyse`.

use chrono::NaiveDate;
use engine::{Cancellation, NamedStatement};

/// Reads the files, analyses them and prints the report.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut json = false;
    let mut files = Vec::new();
    let mut cancellations = Vec::new();
    let mut today: Option<NaiveDate> = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--cancelled" => {
                let value = iter.next().ok_or("--cancelled needs VENDOR@YYYY-MM-DD")?;
                cancellations.push(parse_cancellation(value)?);
            }
            "--today" => {
                let value = iter.next().ok_or("--today needs YYYY-MM-DD")?;
                today = Some(parse_date(value)?);
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            file => files.push(file.to_owned()),
        }
    }
    if files.is_empty() {
        return Err("no statement files given".into());
    }
    let mut statements = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file).map_err(|error| format!("cannot read {file}: {error}"))?;
        let statement = statement::read(&bytes, &Default::default())
            .map_err(|error| format!("{file}: {error}"))?;
        statements.push(NamedStatement {
            file: file.clone(),
            statement,
        });
    }
    let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let report = engine::analyse(&statements, &cancellations, today);
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
        );
    } else {
        for summary in &report.statements {
            println!(
                "{}: {} transactions ({})",
                summary.file, summary.n_transactions, summary.format
            );
        }
    }
    Ok(())
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("{text:?} is not a date like 2026-06-02"))
}

fn parse_cancellation(text: &str) -> Result<Cancellation, String> {
    let (vendor, date) = text
        .rsplit_once('@')
        .ok_or_else(|| format!("{text:?} should look like openai-api@2026-06-02"))?;
    Ok(Cancellation {
        vendor: vendor.to_owned(),
        cancelled_on: parse_date(date)?,
    })
}

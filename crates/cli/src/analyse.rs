//! `spendrein analyse`.

use chrono::NaiveDate;
use engine::{Cancellation, CancellationResult, NamedStatement, Report, Verdict};
use std::fmt::Write as _;

/// Reads the files, analyses them and prints the report. Returns `Ok` whenever the analysis
/// ran, whatever the verdicts; `Err` (a message for the person) when an argument is wrong or a
/// file cannot be read.
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
        // Workbooks (XLSX, XLS, ODS) go through the spreadsheet reader, plain-text statements
        // through the layout reader, PDFs through the PDF reader, everything else as before.
        let hints = Default::default();
        let statement = match statement_office::read_any(&bytes, &hints) {
            Err(error) if error.code == statement_layout::TEXT_STATEMENT_CODE => {
                statement_layout::read_text(&bytes, &hints)
            }
            Err(error) if error.code == statement::sniff::PDF_CODE => {
                statement_pdf::read(&bytes, &hints)
            }
            other => other,
        }
        .map_err(|error| format!("cannot read {file} as a statement: {error}"))?;
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
        print!("{}", summary(&report));
    }
    Ok(())
}

/// The readable summary: statements, a table of recurring charges, one block per cancellation.
pub fn summary(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Statements");
    for summary in &report.statements {
        let period = summary
            .period
            .map(|p| format!("{} to {}", p.from, p.to))
            .unwrap_or_else(|| "no dated rows".to_owned());
        let problems = summary
            .diagnostics
            .iter()
            .filter(|d| d.severity >= statement::Severity::Warning)
            .count();
        let _ = writeln!(
            out,
            "  {}: {}, {} transactions, {}{}{}",
            clean(&summary.file),
            // A workbook reads as CSV of its sheet; its dialect names the format and sheet.
            match summary.dialect.version.as_deref() {
                Some(version)
                    if summary.format == "csv"
                        && (version.contains(" sheet ") || version.starts_with("plain text")) =>
                {
                    clean(version)
                }
                _ => summary.format.clone(),
            },
            summary.n_transactions,
            period,
            summary
                .currency
                .as_deref()
                .map(|c| format!(", {c}"))
                .unwrap_or_default(),
            if problems > 0 {
                format!(", {problems} warnings (see --json)")
            } else {
                String::new()
            }
        );
    }
    if report.duplicates_removed > 0 {
        let _ = writeln!(
            out,
            "  {} transactions appeared in more than one file and were counted once",
            report.duplicates_removed
        );
    }

    let _ = writeln!(out, "\nRecurring charges ({})", report.recurring.len());
    if report.recurring.is_empty() {
        let _ = writeln!(out, "  none found");
    } else {
        let _ = writeln!(
            out,
            "  {:<26} {:<18} {:<10} {:>12} {:>5}  {:<10}  {:<10}  {:<6} billed via",
            "merchant", "vendor", "cadence", "amount", "count", "last", "next", "active"
        );
        for stream in &report.recurring {
            let amount = if stream.variable {
                format!("~{}", stream.amount.typical)
            } else {
                stream.amount.last.clone()
            };
            let _ = writeln!(
                out,
                "  {:<26} {:<18} {:<10} {:>12} {:>5}  {:<10}  {:<10}  {:<6} {}",
                truncate(&clean(&stream.merchant), 26),
                stream.vendor.as_deref().unwrap_or("-"),
                format!("{:?}", stream.cadence).to_lowercase(),
                amount,
                stream.count,
                stream.last,
                stream.next_expected,
                if stream.active { "yes" } else { "no" },
                stream.billed_via.as_deref().unwrap_or("-"),
            );
            for change in &stream.price_changes {
                let _ = writeln!(
                    out,
                    "  {:<26} price change on {}: {} -> {}",
                    "", change.date, change.from, change.to
                );
            }
        }
    }

    for cancellation in &report.cancellations {
        out.push('\n');
        cancellation_block(&mut out, report, cancellation);
    }
    out
}

fn cancellation_block(out: &mut String, report: &Report, result: &CancellationResult) {
    let verdict = match result.verdict {
        Verdict::NotSeen => "NOT SEEN",
        Verdict::StillCharging => "STILL CHARGING",
        Verdict::FinalCharge => "FINAL CHARGE",
        Verdict::Stopped => "STOPPED",
        Verdict::TooEarly => "TOO EARLY TO TELL",
    };
    let _ = writeln!(
        out,
        "Cancellation of {} ({}) on {}: {verdict}",
        clean(&result.vendor_name),
        clean(&result.vendor),
        result.cancelled_on
    );
    if let Some(merchant) = &result.matched_merchant {
        let _ = writeln!(out, "  matched to merchant: {}", clean(merchant));
    }
    let _ = writeln!(out, "  {}", clean(&result.explanation));
    let file = |statement: usize| {
        report
            .statements
            .get(statement)
            .map(|s| clean(&s.file))
            .unwrap_or_default()
    };
    if !result.charges_after.is_empty() {
        let _ = writeln!(out, "  charges after cancelling:");
        for charge in &result.charges_after {
            let _ = writeln!(
                out,
                "    {}  {:>10}  {}  ({} line {})",
                charge.date,
                charge.amount,
                clean(&charge.description),
                file(charge.statement),
                charge.line
            );
        }
    }
    if let Some(charge) = &result.final_charge {
        let _ = writeln!(
            out,
            "  final charge: {}  {}  {}  ({} line {})",
            charge.date,
            charge.amount,
            clean(&charge.description),
            file(charge.statement),
            charge.line
        );
    }
    if let Some(date) = result.check_after {
        let _ = writeln!(out, "  check after: {date}");
    }
    if !result.likely_causes.is_empty() {
        let _ = writeln!(out, "  likely causes:");
        for cause in &result.likely_causes {
            match cause.step {
                Some(step) => {
                    let _ = writeln!(out, "    - {} (step {step} of the guide)", cause.title);
                }
                None => {
                    let _ = writeln!(out, "    - {}", cause.title);
                }
            }
        }
    }
    let _ = writeln!(
        out,
        "  history: {} charge(s) from this vendor in the statements",
        result.history.len()
    );
}

/// Text from a file goes to a terminal: control characters (escape sequences, bidi overrides)
/// are shown as `?` so a descriptor cannot rewrite the screen.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') {
                '?'
            } else {
                c
            }
        })
        .collect()
}

fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(width - 1).collect();
        cut.push('…');
        cut
    }
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("{text:?} is not a date like 2026-06-02"))
}

fn parse_cancellation(text: &str) -> Result<Cancellation, String> {
    let (vendor, date) = text
        .rsplit_once('@')
        .ok_or_else(|| format!("{text:?} should look like openai-api@2026-06-02"))?;
    if vendor.trim().is_empty() {
        return Err(format!(
            "{text:?} names no vendor; use a guide id or the merchant's name"
        ));
    }
    Ok(Cancellation {
        vendor: vendor.to_owned(),
        cancelled_on: parse_date(date)?,
    })
}

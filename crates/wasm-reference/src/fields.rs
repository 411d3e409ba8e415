//! Records and rows from `web/reference.js` as flat string arrays; an empty string is an
//! absent value.
//!
//! A record: `vendor, vendor_name, cancelled_on, confirmation, notes, check_after, n_steps`,
//! then `number, title` per step, then `date, amount, currency, description` per charge.
//! Rows: `date, description, amount, currency, file, line, kind` per row.

use reference::{iso, Charge, Record, Step, TransactionRow};

fn optional(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_owned())
}

fn date(text: &str, field: &str) -> Result<chrono::NaiveDate, String> {
    iso::parse(text).ok_or_else(|| format!("{field} {text:?} is not a date written YYYY-MM-DD"))
}

fn number(text: &str, field: &str) -> Result<u32, String> {
    text.parse()
        .map_err(|_| format!("{field} {text:?} is not a whole number"))
}

/// Reads a record; the message names the field that is wrong.
pub fn record(fields: &[String]) -> Result<Record, String> {
    if fields.len() < 7 {
        return Err("the record has fewer than 7 fields".into());
    }
    let n_steps = number(&fields[6], "steps_done")? as usize;
    let rest = &fields[7..];
    if n_steps > reference::limits::STEPS
        || rest.len() < n_steps * 2
        || !(rest.len() - n_steps * 2).is_multiple_of(4)
    {
        return Err("the steps and charges do not add up".into());
    }
    let (steps, charges) = rest.split_at(n_steps * 2);
    let steps_done = steps
        .chunks_exact(2)
        .enumerate()
        .map(|(i, step)| {
            Ok(Step {
                number: number(&step[0], &format!("steps_done[{i}].number"))?,
                title: step[1].clone(),
            })
        })
        .collect::<Result<_, String>>()?;
    let charges = charges
        .chunks_exact(4)
        .enumerate()
        .map(|(i, charge)| {
            Ok(Charge {
                date: date(&charge[0], &format!("charges[{i}].date"))?,
                amount: charge[1].clone(),
                currency: optional(&charge[2]),
                description: charge[3].clone(),
            })
        })
        .collect::<Result<_, String>>()?;
    Ok(Record {
        vendor: fields[0].clone(),
        vendor_name: optional(&fields[1]),
        cancelled_on: date(&fields[2], "cancelled_on")?,
        confirmation: optional(&fields[3]),
        notes: optional(&fields[4]),
        check_after: if fields[5].is_empty() {
            None
        } else {
            Some(date(&fields[5], "check_after")?)
        },
        steps_done,
        charges,
    })
}

/// Reads transaction rows, seven fields each.
pub fn rows(fields: &[String]) -> Result<Vec<TransactionRow>, String> {
    if !fields.len().is_multiple_of(7) {
        return Err("the rows do not have seven fields each".into());
    }
    fields
        .chunks_exact(7)
        .enumerate()
        .map(|(i, row)| {
            Ok(TransactionRow {
                date: date(&row[0], &format!("rows[{i}].date"))?,
                description: row[1].clone(),
                amount: row[2].clone(),
                currency: optional(&row[3]),
                file: row[4].clone(),
                line: if row[5].is_empty() {
                    0
                } else {
                    number(&row[5], &format!("rows[{i}].line"))?
                },
                kind: row[6].clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_flat_record_reads_into_the_record() {
        let fields = strings(&[
            "netflix",
            "Netflix",
            "2026-03-15",
            "NF-1234",
            "",
            "",
            "1",
            "2",
            "Cancel",
            "2026-04-01",
            "-15.49",
            "USD",
            "NETFLIX.COM",
            "2026-05-01",
            "-15.49",
            "",
            "NETFLIX.COM",
        ]);
        let record = record(&fields).unwrap();
        assert_eq!(record.vendor_name.as_deref(), Some("Netflix"));
        assert_eq!(record.notes, None);
        assert_eq!(
            record.steps_done,
            [Step {
                number: 2,
                title: "Cancel".into()
            }]
        );
        assert_eq!(record.charges.len(), 2);
        assert_eq!(record.charges[1].currency, None);
        assert!(reference::encode(&record).is_ok());
    }

    #[test]
    fn a_wrong_flat_record_names_the_field() {
        assert!(record(&strings(&["x", "", "2026-3-15", "", "", "", "0"]))
            .unwrap_err()
            .starts_with("cancelled_on"));
        assert!(record(&strings(&["x", "", "2026-03-15", "", "", "", "1", "2"])).is_err());
        assert!(record(&strings(&[
            "x",
            "",
            "2026-03-15",
            "",
            "",
            "",
            "0",
            "2026-04-31",
            "1",
            "",
            "d"
        ]))
        .unwrap_err()
        .starts_with("charges[0].date"));
        assert!(record(&strings(&["x"])).is_err());
        assert!(
            rows(&strings(&["2026-01-01", "d", "1", "", "f", "x", "before"]))
                .unwrap_err()
                .contains("rows[0].line")
        );
    }
}

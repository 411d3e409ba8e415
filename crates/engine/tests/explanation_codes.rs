//! The explanation codes that the scenario suites never reach: each gets a statement that
//! leads to it, and the test checks the code, its arguments and the English sentence the
//! CLI prints. (The page renders the same code in the person's language, issue 14.)

use chrono::NaiveDate;
use engine::{analyse, Cancellation, NamedStatement, Verdict};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

/// A plain CSV statement of `(date, description, amount)` rows.
fn statement(rows: &[(&str, &str, &str)]) -> NamedStatement {
    let mut csv = String::from("Date,Description,Amount\n");
    for (date, description, amount) in rows {
        csv.push_str(&format!("{date},{description},{amount}\n"));
    }
    NamedStatement {
        file: "statement.csv".into(),
        statement: statement::read(csv.as_bytes(), &statement::Hints::default())
            .expect("the test statement reads"),
    }
}

/// Monthly charges of `descriptor` on the 14th, January to June 2026, among other shopping.
fn monthly_on_the_14th(descriptor: &str) -> NamedStatement {
    let mut rows = Vec::new();
    let dates: Vec<String> = (1..=6).map(|m| format!("2026-{m:02}-14")).collect();
    let shops: Vec<String> = (1..=6).map(|m| format!("2026-{m:02}-03")).collect();
    for (charge, shop) in dates.iter().zip(&shops) {
        rows.push((shop.as_str(), "CORNER GROCERY 12", "-23.10"));
        rows.push((charge.as_str(), descriptor, "-9.99"));
    }
    statement(&rows)
}

fn cancel(vendor: &str, on: &str) -> Cancellation {
    Cancellation {
        vendor: vendor.into(),
        cancelled_on: d(on),
    }
}

#[test]
fn no_statement_at_all_says_not_seen_without_a_period() {
    let report = analyse(&[], &[cancel("netflix", "2026-03-01")], d("2026-07-01"));
    let result = &report.cancellations[0];
    assert_eq!(result.verdict, Verdict::NotSeen);
    assert_eq!(result.explanation_message.code, "verdict-not-seen");
    assert!(
        result
            .explanation
            .starts_with("No charge from Netflix appears in the statements."),
        "{}",
        result.explanation
    );
}

#[test]
fn a_charge_posted_after_cancelling_on_its_own_billing_day_waits_for_the_next_month() {
    // Billed on the 14th; cancelled on 14 May, the day of the May charge, which posts on the
    // 16th (card posting lag). The statement ends on 31 May, before the next billing day.
    let mut rows = Vec::new();
    for month in 1..=4 {
        rows.push((format!("2026-{month:02}-14"), "NETFLIX.COM", "-15.49"));
        rows.push((format!("2026-{month:02}-03"), "CORNER GROCERY 12", "-23.10"));
    }
    rows.push(("2026-05-16".into(), "NETFLIX.COM", "-15.49"));
    rows.push(("2026-05-31".into(), "CORNER GROCERY 12", "-8.00"));
    let rows: Vec<(&str, &str, &str)> = rows.iter().map(|(a, b, c)| (a.as_str(), *b, *c)).collect();
    let report = analyse(
        &[statement(&rows)],
        &[cancel("netflix", "2026-05-14")],
        d("2026-06-01"),
    );
    let result = &report.cancellations[0];
    assert_eq!(
        result.verdict,
        Verdict::FinalCharge,
        "{}",
        result.explanation
    );
    assert_eq!(
        result.explanation_message.code, "verdict-final-charge-lag-wait",
        "{}",
        result.explanation
    );
    assert_eq!(
        result.final_charge.as_ref().map(|charge| charge.date),
        Some(d("2026-05-16"))
    );
    let check_after = result.check_after.expect("a date to look again");
    assert!(check_after > d("2026-06-14"), "{check_after}");
    assert!(
        result
            .explanation
            .contains(&check_after.format("%-d %B %Y").to_string())
            || result.explanation.contains(&check_after.to_string()),
        "the sentence names the date to look again: {}",
        result.explanation
    );
}

/// The first guide (by id) whose most likely cause, as the engine orders them (critical first),
/// is a gotcha with no step, or with no charge-explaining gotcha at all.
fn guide_where(wanted: impl Fn(&guides::Guide) -> bool, what: &str) -> &'static guides::Guide {
    guides::all()
        .iter()
        .find(|guide| !guide.descriptors.match_patterns.is_empty() && wanted(guide))
        .unwrap_or_else(|| panic!("no guide has {what} any more: pick another way to reach it"))
}

fn first_cause(guide: &guides::Guide) -> Option<&guides::Gotcha> {
    let mut causes: Vec<&guides::Gotcha> = guide
        .gotchas
        .iter()
        .filter(|g| g.explains_charges)
        .collect();
    causes.sort_by_key(|gotcha| gotcha.severity);
    causes.first().copied()
}

#[test]
fn a_likely_cause_without_a_step_is_named_without_one() {
    let guide = guide_where(
        |guide| first_cause(guide).is_some_and(|gotcha| gotcha.step.is_none()),
        "a first likely cause without a step",
    );
    let report = analyse(
        &[monthly_on_the_14th(guide.descriptors.match_patterns[0])],
        &[cancel(guide.id, "2026-03-01")],
        d("2026-07-01"),
    );
    let result = &report.cancellations[0];
    assert_eq!(
        result.verdict,
        Verdict::StillCharging,
        "{}: {}",
        guide.id,
        result.explanation
    );
    let notes: Vec<&str> = result
        .explanation_notes
        .iter()
        .map(|n| n.code.as_ref())
        .collect();
    assert_eq!(notes, ["note-likely-cause"], "{}", guide.id);
    let title = result.likely_causes[0].title.trim_end_matches('.');
    assert!(
        result
            .explanation
            .ends_with(&format!("Most likely cause: {title}.")),
        "{}: {}",
        guide.id,
        result.explanation
    );
}

#[test]
fn a_guide_with_no_likely_cause_asks_to_confirm_the_cancellation() {
    let guide = guide_where(
        |guide| first_cause(guide).is_none(),
        "no gotcha that explains charges",
    );
    let report = analyse(
        &[monthly_on_the_14th(guide.descriptors.match_patterns[0])],
        &[cancel(guide.id, "2026-03-01")],
        d("2026-07-01"),
    );
    let result = &report.cancellations[0];
    assert_eq!(
        result.verdict,
        Verdict::StillCharging,
        "{}: {}",
        guide.id,
        result.explanation
    );
    assert!(result.likely_causes.is_empty());
    let notes: Vec<&str> = result
        .explanation_notes
        .iter()
        .map(|n| n.code.as_ref())
        .collect();
    assert_eq!(notes, ["note-confirm-cancellation"], "{}", guide.id);
    assert_eq!(result.charges_after.len(), 4, "{}", guide.id);
}

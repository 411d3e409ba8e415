//! One focused test per rule of the engine, on small statements built by hand.

use chrono::NaiveDate;
use engine::{analyse, Cadence, Cancellation, NamedStatement, Report, Verdict};
use statement::{Amount, Format, Source, Statement, Transaction};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn tx(date: &str, cents: i64, description: &str) -> Transaction {
    Transaction {
        date: d(date),
        posted: None,
        amount: Amount::new(cents, 2),
        currency: Some("USD".into()),
        description: description.into(),
        counterparty: None,
        booking_type: None,
        purpose: None,
        balance: None,
        id: None,
        source: Source::default(),
    }
}

fn statement(mut transactions: Vec<Transaction>) -> NamedStatement {
    for (index, transaction) in transactions.iter_mut().enumerate() {
        transaction.source.line = index as u32 + 2;
    }
    let mut statement = Statement::new(Format::Csv);
    statement.currency = Some("USD".into());
    statement.transactions = transactions.into();
    NamedStatement {
        file: "test.csv".into(),
        statement,
    }
}

fn monthly(descriptors: &[&str], cents: i64, from: &str, count: u32) -> Vec<Transaction> {
    let first = d(from);
    (0..count)
        .map(|k| {
            let date = first
                .checked_add_months(chrono::Months::new(k))
                .expect("in range");
            tx(
                &date.to_string(),
                -cents,
                descriptors[k as usize % descriptors.len()],
            )
        })
        .collect()
}

fn cancel(vendor: &str, on: &str) -> Cancellation {
    Cancellation {
        vendor: vendor.into(),
        cancelled_on: d(on),
    }
}

fn run(transactions: Vec<Transaction>, cancellations: &[Cancellation]) -> Report {
    analyse(&[statement(transactions)], cancellations, d("2026-12-31"))
}

/// Irregular small purchases that must never become a stream.
fn coffee(from: &str, days: i64) -> Vec<Transaction> {
    let start = d(from);
    let gaps = [1, 3, 2, 4, 1, 2, 5, 3, 1, 2];
    let prices = [450, 525, 450, 600, 375];
    let mut out = Vec::new();
    let mut offset = 0;
    let mut k = 0;
    while offset < days {
        let date = start + chrono::Days::new(offset as u64);
        out.push(tx(
            &date.to_string(),
            -prices[k % prices.len()],
            "SQ *BLUE BOTTLE COFFEE",
        ));
        offset += gaps[k % gaps.len()];
        k += 1;
    }
    out
}

#[test]
fn descriptor_variants_make_one_stream_with_its_vendor_and_rule() {
    let rows = monthly(
        &[
            "NETFLIX.COM",
            "NETFLIX.COM 866-579-7172 CA",
            "Netflix.com Los Gatos CA",
            "RECURRING PAYMENT AUTHORIZED ON 03/05 NETFLIX.COM",
        ],
        1549,
        "2026-01-05",
        6,
    );
    let report = run(rows, &[]);
    assert_eq!(report.recurring.len(), 1, "{:#?}", report.recurring);
    let stream = &report.recurring[0];
    assert_eq!(stream.vendor.as_deref(), Some("netflix"));
    assert_eq!(stream.cadence, Cadence::Monthly);
    assert_eq!(stream.count, 6);
    assert!(stream
        .matched_by
        .as_deref()
        .is_some_and(|rule| rule.contains("NETFLIX")));
    assert_eq!(stream.confidence.as_deref(), Some("high"));
    assert_eq!(stream.amount.typical, "-15.49");
    assert_eq!(stream.next_expected, d("2026-07-05"));
    assert_eq!(stream.transactions.len(), 6);
    assert!(stream
        .transactions
        .iter()
        .all(|t| t.statement == 0 && t.line >= 2));
}

#[test]
fn a_frequent_coffee_shop_is_not_a_subscription() {
    let report = run(coffee("2026-01-01", 180), &[]);
    assert!(report.recurring.is_empty(), "{:#?}", report.recurring);
}

#[test]
fn month_ends_are_followed() {
    let rows = vec![
        tx("2026-01-31", -999, "ACME CLOUD BACKUP"),
        tx("2026-02-28", -999, "ACME CLOUD BACKUP"),
        tx("2026-03-31", -999, "ACME CLOUD BACKUP"),
        tx("2026-04-30", -999, "ACME CLOUD BACKUP"),
    ];
    let report = run(rows, &[]);
    assert_eq!(report.recurring.len(), 1);
    assert_eq!(report.recurring[0].cadence, Cadence::Monthly);
    assert_eq!(report.recurring[0].next_expected, d("2026-05-31"));
}

#[test]
fn an_unknown_merchant_needs_three_charges_a_known_vendor_one() {
    let two = vec![
        tx("2026-01-10", -2500, "ACME GYM"),
        tx("2026-02-10", -2500, "ACME GYM"),
    ];
    assert!(run(two, &[]).recurring.is_empty());
    // A known vendor from one charge, while the statements are too short to tell more.
    let one = vec![
        tx("2026-01-10", -13_900, "AMAZON PRIME*591NQ1G33"),
        tx("2026-01-25", -500, "SAFEWAY #1"),
    ];
    let report = run(one, &[]);
    assert_eq!(report.recurring.len(), 1);
    assert_eq!(report.recurring[0].vendor.as_deref(), Some("amazon-prime"));
    assert_eq!(report.recurring[0].cadence, Cadence::Monthly);
    assert!(one_off_notes(&report).is_empty());
}

fn one_off_notes(report: &Report) -> Vec<&statement::Diagnostic> {
    report
        .statements
        .iter()
        .flat_map(|summary| &summary.diagnostics)
        .filter(|diagnostic| diagnostic.code == "one-off-charge")
        .collect()
}

#[test]
fn a_lone_charge_followed_by_silence_is_a_one_off_not_an_annual_plan() {
    // Amazon Prime bills monthly or yearly: five months of silence rule out monthly but
    // cannot show a yearly renewal.
    let rows = vec![
        tx("2026-01-10", -13_900, "AMAZON PRIME*591NQ1G33"),
        tx("2026-06-01", -500, "SAFEWAY #1"),
    ];
    let report = run(rows, &[]);
    assert!(report.recurring.is_empty(), "{:#?}", report.recurring);
    let notes = one_off_notes(&report);
    assert_eq!(notes.len(), 1);
    let note = notes[0];
    assert_eq!(note.severity, statement::Severity::Info);
    assert_eq!(note.line, Some(2));
    assert_eq!(
        note.message,
        "one charge from Amazon Prime (-139.00 on 2026-01-10) and none in the 142 days after it: a renewal on the vendor's shortest billing period would have come, and none on its longest came or can show yet, so it is listed as a one-off, not a recurring charge"
    );

    // Statements that reach past a yearly renewal without one: still a one-off.
    let rows = vec![
        tx("2025-01-10", -13_900, "AMAZON PRIME*591NQ1G33"),
        tx("2026-03-01", -500, "SAFEWAY #1"),
    ];
    let report = run(rows, &[]);
    assert!(report.recurring.is_empty(), "{:#?}", report.recurring);
    let notes = one_off_notes(&report);
    assert_eq!(notes.len(), 1);
    assert!(
        notes[0]
            .message
            .contains("and none in the 415 days after it: a renewal"),
        "{}",
        notes[0].message
    );
}

#[test]
fn a_guide_that_bills_only_yearly_makes_a_lone_charge_annual() {
    let rows = vec![
        tx("2026-01-10", -6_500, "COSTCO.COM"),
        tx("2026-06-01", -500, "SAFEWAY #1"),
    ];
    let report = run(rows, &[]);
    assert_eq!(report.recurring.len(), 1, "{:#?}", report.recurring);
    assert_eq!(report.recurring[0].vendor.as_deref(), Some("costco"));
    assert_eq!(report.recurring[0].cadence, Cadence::Annual);
    assert_eq!(report.recurring[0].next_expected, d("2027-01-10"));
    assert!(one_off_notes(&report).is_empty());
}

#[test]
fn a_renewal_turns_a_lone_charge_into_an_annual_stream() {
    let rows = vec![
        tx("2025-01-10", -13_900, "AMAZON PRIME*591NQ1G33"),
        tx("2026-01-10", -13_900, "AMAZON PRIME*RT4EE2113"),
        tx("2026-03-01", -500, "SAFEWAY #1"),
    ];
    let report = run(rows, &[]);
    assert_eq!(report.recurring.len(), 1, "{:#?}", report.recurring);
    assert_eq!(report.recurring[0].cadence, Cadence::Annual);
    assert_eq!(report.recurring[0].count, 2);
    assert!(one_off_notes(&report).is_empty());
}

#[test]
fn one_charge_before_cancelling_and_silence_after_waits_for_the_longest_renewal() {
    // Monthly or yearly, cancelled after one charge: silence proves the monthly plan stopped
    // but a yearly one would not charge again before 2027-01-10.
    let rows = vec![
        tx("2026-01-10", -13_900, "AMAZON PRIME*591NQ1G33"),
        tx("2026-06-01", -500, "SAFEWAY #1"),
    ];
    let report = run(rows, &[cancel("amazon-prime", "2026-02-01")]);
    let result = &report.cancellations[0];
    assert_eq!(result.verdict, Verdict::TooEarly, "{}", result.explanation);
    let grace = engine::cadence::grace(Cadence::Annual) as u64;
    assert_eq!(
        result.check_after,
        Some(d("2027-01-10") + chrono::Days::new(grace))
    );
    assert!(
        result.explanation.contains(
            "the next charge would be due around 2027-01-10; check again after 2027-01-25. Only one charge was seen, so the vendor's longest billing period decides."
        ),
        "{}",
        result.explanation
    );
    assert_eq!(result.history.len(), 1);

    // The statements reach past that renewal: stopped.
    let rows = vec![
        tx("2025-01-10", -13_900, "AMAZON PRIME*591NQ1G33"),
        tx("2026-03-01", -500, "SAFEWAY #1"),
    ];
    let report = run(rows, &[cancel("amazon-prime", "2025-02-01")]);
    let result = &report.cancellations[0];
    assert_eq!(result.verdict, Verdict::Stopped, "{}", result.explanation);

    // A vendor that bills monthly only: one month of silence after the due date is enough.
    let rows = vec![
        tx("2026-01-05", -1549, "NETFLIX.COM"),
        tx("2026-03-01", -500, "SAFEWAY #1"),
    ];
    let report = run(rows, &[cancel("netflix", "2026-01-20")]);
    let result = &report.cancellations[0];
    assert_eq!(result.verdict, Verdict::Stopped, "{}", result.explanation);
    assert!(one_off_notes(&report).is_empty());
    assert_eq!(report.recurring.len(), 1);

    // A renewal of the lone charge after cancelling is still charging, one-off or not.
    let rows = vec![
        tx("2025-01-10", -13_900, "AMAZON PRIME*591NQ1G33"),
        tx("2026-01-10", -13_900, "AMAZON PRIME*RT4EE2113"),
        tx("2026-03-01", -500, "SAFEWAY #1"),
    ];
    let report = run(rows, &[cancel("amazon-prime", "2025-02-01")]);
    let result = &report.cancellations[0];
    assert_eq!(
        result.verdict,
        Verdict::StillCharging,
        "{}",
        result.explanation
    );
}

#[test]
fn a_price_change_needs_two_charges_at_the_new_price() {
    let mut rows = monthly(&["SPOTIFY USA"], 1099, "2026-01-03", 4);
    rows.extend(monthly(&["SPOTIFY USA"], 1199, "2026-05-03", 2));
    let report = run(rows.clone(), &[]);
    assert_eq!(report.recurring.len(), 1, "{:#?}", report.recurring);
    let stream = &report.recurring[0];
    assert_eq!(stream.price_changes.len(), 1);
    assert_eq!(
        (
            stream.price_changes[0].from.as_str(),
            stream.price_changes[0].to.as_str()
        ),
        ("-10.99", "-11.99")
    );
    assert_eq!(stream.amount.last, "-11.99");
    rows.pop();
    let report = run(rows, &[]);
    assert_eq!(report.recurring.len(), 1);
    assert!(
        report.recurring[0].price_changes.is_empty(),
        "one charge at a new price is not yet a change"
    );
    assert_eq!(report.recurring[0].amount.last, "-11.99");
}

#[test]
fn two_plans_at_one_store_are_two_streams_billed_via_the_store() {
    let mut rows = monthly(&["APPLE.COM/BILL"], 1099, "2026-01-04", 6);
    rows.extend(monthly(
        &["APPLE.COM/BILL 866-712-7753 CA"],
        299,
        "2026-01-19",
        6,
    ));
    let report = run(rows, &[cancel("netflix", "2026-03-01")]);
    assert_eq!(report.recurring.len(), 2);
    for stream in &report.recurring {
        assert_eq!(stream.vendor.as_deref(), Some("apple"));
        assert_eq!(stream.billed_via.as_deref(), Some("apple"));
    }
    // Apple's charges never count as Netflix's, but the explanation points at them.
    let netflix = &report.cancellations[0];
    assert_eq!(netflix.verdict, Verdict::NotSeen);
    assert!(
        netflix.explanation.contains("Apple"),
        "{}",
        netflix.explanation
    );
}

#[test]
fn a_processor_prefix_is_kept_as_billed_via() {
    let report = run(
        monthly(
            &["PAYPAL *SPOTIFY", "PAYPAL *SPOTIFY P43C314821"],
            1199,
            "2026-01-08",
            4,
        ),
        &[],
    );
    assert_eq!(report.recurring[0].vendor.as_deref(), Some("spotify"));
    assert_eq!(report.recurring[0].billed_via.as_deref(), Some("paypal"));
}

#[test]
fn chatgpt_and_the_openai_api_never_blame_each_other() {
    let mut rows = monthly(&["OPENAI *CHATGPT SUBSCR"], 2000, "2026-01-12", 3);
    // The API bills usage on the 2nd of every month, and keeps doing so.
    for (k, cents) in [1240i64, 3310, 2002, 4187, 880, 1530, 2210, 990]
        .iter()
        .enumerate()
    {
        let date = d("2026-01-02")
            .checked_add_months(chrono::Months::new(k as u32))
            .expect("in range");
        rows.push(tx(&date.to_string(), -cents, "OPENAI"));
    }
    let report = run(rows, &[cancel("chatgpt", "2026-03-20")]);
    let chatgpt = &report.cancellations[0];
    assert_eq!(chatgpt.verdict, Verdict::Stopped, "{}", chatgpt.explanation);
    assert!(chatgpt.charges_after.is_empty());
    assert!(chatgpt
        .history
        .iter()
        .all(|t| t.description.contains("CHATGPT")));
    let vendors: Vec<_> = report.recurring.iter().map(|r| r.vendor.clone()).collect();
    assert!(
        vendors.contains(&Some("chatgpt".into())) && vendors.contains(&Some("openai-api".into()))
    );
}

fn api_invoices(months: &[(&str, i64)]) -> Vec<Transaction> {
    months
        .iter()
        .map(|(date, cents)| tx(date, -cents, "OPENAI"))
        .collect()
}

#[test]
fn usage_billing_expects_one_final_invoice() {
    let rows = api_invoices(&[
        ("2026-03-02", 1240),
        ("2026-04-02", 3310),
        ("2026-05-02", 2002),
        ("2026-06-02", 4187),
    ]);
    let mut report = run(rows.clone(), &[cancel("openai-api", "2026-05-20")]);
    let result = report.cancellations.remove(0);
    assert_eq!(
        result.verdict,
        Verdict::FinalCharge,
        "{}",
        result.explanation
    );
    assert_eq!(
        result.final_charge.as_ref().map(|t| t.amount.as_str()),
        Some("-41.87")
    );
    assert!(result.charges_after.is_empty());
    assert!(result.check_after.is_some());
    assert!(result
        .likely_causes
        .iter()
        .any(|cause| cause.gotcha == "legacy-user-keys" && cause.step.is_some()));
    assert_eq!(result.history.len(), 4);
}

#[test]
fn usage_billing_beyond_the_final_invoice_is_still_charging() {
    let rows = api_invoices(&[
        ("2026-03-02", 1240),
        ("2026-04-02", 3310),
        ("2026-05-02", 2002),
        ("2026-06-02", 4187),
        ("2026-07-02", 8810),
        ("2026-08-03", 9102),
    ]);
    let report = run(rows, &[cancel("openai-api", "2026-04-10")]);
    let result = &report.cancellations[0];
    assert_eq!(result.verdict, Verdict::StillCharging);
    assert_eq!(
        result.final_charge.as_ref().map(|t| t.date),
        Some(d("2026-05-02"))
    );
    assert_eq!(result.charges_after.len(), 3);
    assert!(!result.likely_causes.is_empty());
    assert!(
        result.explanation.contains("step"),
        "{}",
        result.explanation
    );
}

#[test]
fn a_prepaid_renewal_after_cancelling_is_still_charging() {
    let rows = monthly(&["NETFLIX.COM"], 1549, "2026-01-05", 6);
    let report = run(rows, &[cancel("netflix", "2026-03-20")]);
    let result = &report.cancellations[0];
    assert_eq!(result.verdict, Verdict::StillCharging);
    assert_eq!(result.charges_after.len(), 3);
    assert!(result.final_charge.is_none());
}

#[test]
fn a_renewal_posted_days_after_cancelling_on_the_renewal_day_is_expected() {
    let mut rows = monthly(&["OPENAI *CHATGPT SUBSCR"], 2000, "2026-01-12", 3);
    rows.push(tx("2026-04-14", -2000, "OPENAI *CHATGPT SUBSCR"));
    rows.push(tx("2026-07-01", -500, "SAFEWAY #1"));
    let report = run(rows, &[cancel("chatgpt", "2026-04-12")]);
    let result = &report.cancellations[0];
    assert_eq!(
        result.verdict,
        Verdict::FinalCharge,
        "{}",
        result.explanation
    );
    assert_eq!(
        result.final_charge.as_ref().map(|t| t.date),
        Some(d("2026-04-14"))
    );
}

#[test]
fn stopped_and_too_early_depend_on_where_the_statement_ends() {
    let mut rows = monthly(&["NETFLIX.COM"], 1549, "2026-01-05", 3);
    rows.push(tx("2026-04-20", -500, "SAFEWAY #1"));
    let report = run(rows.clone(), &[cancel("netflix", "2026-03-10")]);
    let result = &report.cancellations[0];
    assert_eq!(result.verdict, Verdict::Stopped, "{}", result.explanation);
    assert_eq!(result.check_after, Some(d("2026-04-12")));
    rows.pop();
    rows.push(tx("2026-04-02", -500, "SAFEWAY #1"));
    let report = run(rows, &[cancel("netflix", "2026-03-10")]);
    let result = &report.cancellations[0];
    assert_eq!(result.verdict, Verdict::TooEarly, "{}", result.explanation);
    assert!(
        result.explanation.contains("check again after 2026-04-12"),
        "{}",
        result.explanation
    );
}

#[test]
fn a_refunded_renewal_is_netted() {
    let mut rows = monthly(&["NETFLIX.COM"], 1549, "2026-01-05", 4);
    rows.push(tx("2026-04-08", 1549, "NETFLIX.COM"));
    rows.push(tx("2026-06-30", -500, "SAFEWAY #1"));
    let report = run(rows, &[cancel("netflix", "2026-03-20")]);
    let result = &report.cancellations[0];
    assert_eq!(result.verdict, Verdict::Stopped, "{}", result.explanation);
    assert_eq!(
        result.history.len(),
        5,
        "the refund and the refunded charge stay in the timeline"
    );
    let stream = &report.recurring[0];
    assert_eq!(stream.count, 3);
    assert_eq!(stream.transactions.len(), 3);
}

#[test]
fn free_text_is_matched_fuzzily_and_the_match_is_shown() {
    let mut rows = monthly(
        &["IRONWORKS GYM", "IRONWORKS GYM 555-201-3344 OH"],
        3999,
        "2026-01-15",
        6,
    );
    rows.extend(coffee("2026-01-01", 170));
    let report = run(
        rows,
        &[
            cancel("Iron Works gym", "2026-04-01"),
            cancel("Zumba", "2026-04-01"),
        ],
    );
    let gym = &report.cancellations[0];
    assert_eq!(gym.matched_merchant.as_deref(), Some("Ironworks Gym"));
    assert_eq!(gym.verdict, Verdict::StillCharging);
    assert_eq!(gym.charges_after.len(), 3);
    let zumba = &report.cancellations[1];
    assert_eq!(
        (zumba.verdict, zumba.matched_merchant.as_deref()),
        (Verdict::NotSeen, None)
    );
}

#[test]
fn a_guide_name_works_like_its_id() {
    let report = run(
        monthly(&["NETFLIX.COM"], 1549, "2026-01-05", 6),
        &[cancel("Netflix", "2026-03-20")],
    );
    assert_eq!(report.cancellations[0].vendor_name, "Netflix");
    assert_eq!(report.cancellations[0].verdict, Verdict::StillCharging);
}

#[test]
fn overlapping_statements_are_merged_without_duplicates() {
    let rows = monthly(&["NETFLIX.COM"], 1549, "2026-01-05", 6);
    // The same six months exported twice, once with whole-cent amounts at another scale.
    let first = statement(rows[..4].to_vec());
    let mut second_rows: Vec<Transaction> = rows[2..].to_vec();
    for row in &mut second_rows {
        row.amount = Amount::new(row.amount.minor * 10, 3);
    }
    let second = statement(second_rows);
    let report = analyse(
        &[first, second],
        &[cancel("netflix", "2026-03-20")],
        d("2026-12-31"),
    );
    assert_eq!(report.duplicates_removed, 2);
    assert_eq!(report.recurring[0].count, 6);
    assert_eq!(report.cancellations[0].charges_after.len(), 3);
    // Within one file, two equal purchases on one day are both real.
    let same_day = vec![
        tx("2026-01-05", -450, "SQ *BLUE BOTTLE COFFEE"),
        tx("2026-01-05", -450, "SQ *BLUE BOTTLE COFFEE"),
    ];
    let report = analyse(
        &[
            statement(same_day.clone()),
            statement(same_day[..1].to_vec()),
        ],
        &[],
        d("2026-12-31"),
    );
    assert_eq!(report.duplicates_removed, 1);
}

#[test]
fn fitids_decide_duplicates_when_both_files_have_them() {
    let mut first = tx("2026-01-05", -1549, "NETFLIX.COM");
    first.id = Some("A1".into());
    let mut renamed = tx("2026-01-05", -1549, "NETFLIX.COM 866-579-7172 CA");
    renamed.id = Some("A1".into());
    let mut other = tx("2026-01-05", -1549, "NETFLIX.COM");
    other.id = Some("B7".into());
    let report = analyse(
        &[statement(vec![first]), statement(vec![renamed, other])],
        &[],
        d("2026-12-31"),
    );
    assert_eq!(
        report.duplicates_removed, 1,
        "same FITID is a duplicate; a different FITID is not"
    );
}

#[test]
fn every_reference_points_at_a_real_row() {
    let mut rows = monthly(&["NETFLIX.COM"], 1549, "2026-01-05", 6);
    rows.extend(coffee("2026-01-01", 150));
    let named = statement(rows);
    let report = analyse(
        std::slice::from_ref(&named),
        &[cancel("netflix", "2026-03-20")],
        d("2026-12-31"),
    );
    let refs = report
        .recurring
        .iter()
        .flat_map(|r| r.transactions.iter())
        .chain(
            report
                .cancellations
                .iter()
                .flat_map(|c| c.history.iter().chain(c.charges_after.iter())),
        );
    for reference in refs {
        let row = named
            .statement
            .transactions
            .iter()
            .find(|t| t.line == reference.line)
            .expect("line exists");
        assert_eq!(
            (row.date, row.description),
            (reference.date, reference.description.as_str())
        );
    }
}

#[test]
fn empty_and_odd_input_do_not_panic() {
    let report = analyse(
        &[],
        &[cancel("netflix", "2026-01-01"), cancel("", "2026-01-01")],
        d("2026-01-01"),
    );
    assert_eq!(report.cancellations[0].verdict, Verdict::NotSeen);
    let odd = vec![
        tx("2026-01-01", i64::MIN, ""),
        tx("2026-01-02", i64::MAX, "\u{202e}<img src=x>"),
        tx("2026-01-03", 0, &"X".repeat(10_000)),
    ];
    let _ = run(odd, &[cancel("x", "2026-01-02")]);
}

// The explanation codes no scenario of the suites reaches: each gets a statement that leads to
// it, checked by code and by the English sentence the CLI prints.

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
    let mut rows = monthly(&["NETFLIX.COM"], 1549, "2026-01-14", 4);
    rows.extend(coffee("2026-01-03", 120));
    rows.push(tx("2026-05-16", -1549, "NETFLIX.COM"));
    rows.push(tx("2026-05-31", -800, "CORNER GROCERY 12"));
    rows.sort_by_key(|row| row.date);
    let report = run(rows, &[cancel("netflix", "2026-05-14")]);
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

/// The first guide (by id) with match patterns for which `wanted` holds.
fn guide_where(wanted: impl Fn(&guides::Guide) -> bool, what: &str) -> &'static guides::Guide {
    guides::all()
        .iter()
        .find(|guide| !guide.descriptors.match_patterns.is_empty() && wanted(guide))
        .unwrap_or_else(|| panic!("no guide has {what} any more: pick another way to reach it"))
}

/// The guide's most likely cause as the engine orders them (critical first), if any.
fn first_cause(guide: &guides::Guide) -> Option<&guides::Gotcha> {
    let mut causes: Vec<&guides::Gotcha> = guide
        .gotchas
        .iter()
        .filter(|g| g.explains_charges)
        .collect();
    causes.sort_by_key(|gotcha| gotcha.severity);
    causes.first().copied()
}

/// The verdict for `guide` cancelled on 1 March while its first match pattern keeps charging
/// monthly on the 14th, January to June; asserts it is `still_charging`.
fn still_charging(guide: &guides::Guide) -> engine::CancellationResult {
    let rows = monthly(&[guide.descriptors.match_patterns[0]], 999, "2026-01-14", 6);
    let report = run(rows, &[cancel(guide.id, "2026-03-01")]);
    let result = report.cancellations[0].clone();
    assert_eq!(
        result.verdict,
        Verdict::StillCharging,
        "{}: {}",
        guide.id,
        result.explanation
    );
    result
}

#[test]
fn a_likely_cause_without_a_step_is_named_without_one() {
    let guide = guide_where(
        |guide| first_cause(guide).is_some_and(|gotcha| gotcha.step.is_none()),
        "a first likely cause without a step",
    );
    let result = still_charging(guide);
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
    let result = still_charging(guide);
    assert!(result.likely_causes.is_empty());
    let notes: Vec<&str> = result
        .explanation_notes
        .iter()
        .map(|n| n.code.as_ref())
        .collect();
    assert_eq!(notes, ["note-confirm-cancellation"], "{}", guide.id);
    assert_eq!(result.charges_after.len(), 4, "{}", guide.id);
}

//! The exports: a validator-style check of the `.ics` (RFC 5545), spreadsheet-safe CSV, and
//! the two messages.

use chrono::NaiveDate;
use proptest::prelude::*;
use reference::{
    decode, encode, ics, issuer_message, record_csv, transactions_csv, vendor_message, Charge,
    Record, Reference, Step, TransactionRow,
};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn reference_of(record: &Record) -> (Reference, String) {
    let encoded = encode(record).unwrap();
    let link = format!("https://spendrein.example/#ref={}", encoded.text);
    (decode(&link).unwrap(), link)
}

fn disney() -> Record {
    Record {
        vendor: "disney-plus".into(),
        vendor_name: Some("Disney+, the \"Premium\"; plan\\yearly".into()),
        cancelled_on: date(2026, 6, 20),
        confirmation: Some("DP-99,1;2\nsecond line".into()),
        notes: None,
        steps_done: vec![],
        check_after: Some(date(2026, 8, 1)),
        charges: vec![],
    }
}

/// One property of a content line: name, parameters, raw value.
struct Property {
    name: String,
    params: Vec<String>,
    value: String,
}

/// A strict reader for what RFC 5545 requires of the file's lines, returning the unfolded
/// properties: CRLF line ends only, no line over 75 octets, folding by CRLF + one space.
fn read_ics(text: &str) -> Vec<Property> {
    assert!(text.ends_with("\r\n"), "the file ends with CRLF");
    for (i, byte) in text.bytes().enumerate() {
        if byte == b'\n' {
            assert_eq!(text.as_bytes()[i - 1], b'\r', "bare LF at byte {i}");
        }
        if byte == b'\r' {
            assert_eq!(
                text.as_bytes().get(i + 1),
                Some(&b'\n'),
                "bare CR at byte {i}"
            );
        }
    }
    let physical: Vec<&str> = text[..text.len() - 2].split("\r\n").collect();
    for line in &physical {
        assert!(
            line.len() <= 75,
            "a line of {} octets: {line:?}",
            line.len()
        );
    }
    let mut logical: Vec<String> = Vec::new();
    for line in physical {
        if let Some(rest) = line.strip_prefix(' ') {
            logical
                .last_mut()
                .expect("a continuation line after a line")
                .push_str(rest);
        } else {
            assert!(!line.starts_with('\t'));
            logical.push(line.to_owned());
        }
    }
    logical
        .into_iter()
        .map(|line| {
            let colon = line.find(':').expect("name:value");
            let (head, value) = (&line[..colon], &line[colon + 1..]);
            let mut parts = head.split(';');
            let name = parts.next().unwrap().to_owned();
            assert!(
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_uppercase() || b == b'-'),
                "{name}"
            );
            Property {
                name,
                params: parts.map(String::from).collect(),
                value: value.to_owned(),
            }
        })
        .collect()
}

/// RFC 5545 §3.3.11: a TEXT value has no bare `,` `;` and only the escapes `\\ \; \, \n \N`.
fn unescape_text(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('\\') => out.push('\\'),
                Some(';') => out.push(';'),
                Some(',') => out.push(','),
                Some('n' | 'N') => out.push('\n'),
                other => panic!("invalid escape \\{other:?} in {value:?}"),
            },
            ',' | ';' => panic!("unescaped {c:?} in TEXT {value:?}"),
            c if c.is_control() => panic!("control character in TEXT {value:?}"),
            c => out.push(c),
        }
    }
    out
}

fn validate(text: &str) -> Vec<Property> {
    let props = read_ics(text);
    // Components nest properly; one VCALENDAR holding exactly one VEVENT holding one VALARM.
    let mut stack: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for p in &props {
        match p.name.as_str() {
            "BEGIN" => {
                stack.push(p.value.clone());
                seen.push(stack.join("/"));
            }
            "END" => assert_eq!(
                stack.pop().as_deref(),
                Some(p.value.as_str()),
                "END:{} matches its BEGIN",
                p.value
            ),
            _ => assert!(!stack.is_empty(), "{} outside a component", p.name),
        }
    }
    assert!(stack.is_empty());
    assert_eq!(
        seen,
        ["VCALENDAR", "VCALENDAR/VEVENT", "VCALENDAR/VEVENT/VALARM"]
    );
    let in_component = |component: &str| -> Vec<&Property> {
        let mut depth_path: Vec<&str> = Vec::new();
        let mut out = Vec::new();
        for p in &props {
            match p.name.as_str() {
                "BEGIN" => depth_path.push(&p.value),
                "END" => {
                    depth_path.pop();
                }
                _ if depth_path.last() == Some(&component) => out.push(p),
                _ => {}
            }
        }
        out
    };
    let once = |props: &[&Property], name: &str| {
        let n = props.iter().filter(|p| p.name == name).count();
        assert_eq!(n, 1, "{name} appears {n} times");
    };
    let calendar = in_component("VCALENDAR");
    once(&calendar, "VERSION");
    once(&calendar, "PRODID");
    assert_eq!(
        calendar.iter().find(|p| p.name == "VERSION").unwrap().value,
        "2.0"
    );
    let event = in_component("VEVENT");
    for name in ["UID", "DTSTAMP", "DTSTART", "SUMMARY"] {
        once(&event, name);
    }
    let stamp = &event.iter().find(|p| p.name == "DTSTAMP").unwrap().value;
    assert!(
        stamp.len() == 16 && stamp.ends_with('Z') && stamp.as_bytes()[8] == b'T',
        "DTSTAMP is a UTC date-time: {stamp}"
    );
    let alarm = in_component("VALARM");
    for name in ["ACTION", "TRIGGER", "DESCRIPTION"] {
        once(&alarm, name);
    }
    for p in &props {
        if matches!(p.name.as_str(), "SUMMARY" | "DESCRIPTION") {
            unescape_text(&p.value);
        }
    }
    props
}

#[test]
fn the_reminder_is_valid_rfc_5545_with_one_event_and_an_alarm() {
    let (reference, link) = reference_of(&disney());
    let text = ics(&reference, &link, 1_796_223_000).unwrap();
    println!("{text}");
    let props = validate(&text);
    let get = |name: &str| props.iter().find(|p| p.name == name).unwrap();
    let start = get("DTSTART");
    assert_eq!(start.params, ["VALUE=DATE"]);
    assert_eq!(start.value, "20260801");
    assert_eq!(get("DTEND").value, "20260802");
    assert_eq!(get("DTSTAMP").value, "20261202T145000Z");
    assert!(get("UID")
        .value
        .contains(&reference.code.to_ascii_lowercase()));
    // Escaped text reads back to exactly what went in: `,` `;` `\` `"` and the line break.
    let summary = unescape_text(&get("SUMMARY").value);
    assert_eq!(
        summary,
        "Check your statement for Disney+, the \"Premium\"; plan\\yearly charges"
    );
    let description = unescape_text(&get("DESCRIPTION").value);
    assert!(
        description.contains("(confirmation DP-99,1;2\nsecond line)"),
        "{description}"
    );
    assert!(description.contains("1 August 2026"));
    assert!(
        description.ends_with(&link),
        "the link is whole in the description"
    );
    assert!(link.len() > 75, "the link had to be folded");
    let trigger = props.iter().find(|p| p.name == "TRIGGER").unwrap();
    assert_eq!(trigger.value, "PT9H");
}

#[test]
fn no_look_again_date_means_no_reminder() {
    let mut record = disney();
    record.check_after = None;
    let (reference, link) = reference_of(&record);
    assert_eq!(ics(&reference, &link, 0), None);
}

proptest! {
    /// Folding never splits a UTF-8 character, whatever the name: every line is valid UTF-8
    /// on its own and at most 75 octets.
    #[test]
    fn folding_keeps_every_line_short_and_whole(name in "\\PC{1,120}", confirmation in prop::option::of("\\PC{1,80}")) {
        let mut record = disney();
        record.vendor_name = Some(name.clone());
        record.confirmation = confirmation;
        let (reference, link) = reference_of(&record);
        let text = ics(&reference, &link, 1_800_000_000).unwrap();
        let props = validate(&text);
        let summary = unescape_text(&props.iter().find(|p| p.name == "SUMMARY").unwrap().value);
        let expected_name: String = reference.record.display_name().chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        prop_assert_eq!(summary, format!("Check your statement for {expected_name} charges"));
    }
}

/// A small CSV reader (RFC 4180) to check what a spreadsheet would see.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            c => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "the CSV ends with a line break"
    );
    rows
}

#[test]
fn csv_cells_that_look_like_formulas_are_escaped_and_amounts_are_numbers() {
    let charge = |description: &str, amount: &str| Charge {
        date: date(2026, 4, 1),
        amount: amount.into(),
        currency: Some("USD".into()),
        description: description.into(),
    };
    let record = Record {
        vendor: "=HYPERLINK(\"http://x\",\"y\")".into(),
        vendor_name: None,
        cancelled_on: date(2026, 3, 15),
        confirmation: Some("@SUM(A1)".into()),
        notes: Some("\t=1+1".into()),
        steps_done: vec![Step {
            number: 2,
            title: "Cancel, then check".into(),
        }],
        check_after: None,
        charges: vec![
            charge("+1-1", "-15.49"),
            charge("-2+3", "-1234567.5"),
            charge("NETFLIX.COM", "9.99"),
        ],
    };
    let (reference, _) = reference_of(&record);
    let rows = read_csv(&record_csv(&reference));
    assert_eq!(
        rows[0],
        [
            "reference",
            "vendor",
            "cancelled_on",
            "confirmation",
            "notes",
            "steps_done",
            "charge_date",
            "descriptor",
            "amount",
            "currency"
        ]
    );
    assert_eq!(rows.len(), 4);
    let first = &rows[1];
    assert_eq!(first[0], reference.code);
    assert_eq!(first[1], "'=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(first[3], "'@SUM(A1)");
    assert_eq!(first[4], "'\t=1+1");
    assert_eq!(first[5], "2. Cancel, then check");
    assert_eq!(first[7], "'+1-1");
    assert_eq!(rows[2][7], "'-2+3");
    assert_eq!(rows[3][7], "NETFLIX.COM");
    // Amounts are bare numbers (a leading minus is a number here, not a formula).
    assert_eq!(
        [&rows[1][8], &rows[2][8], &rows[3][8]],
        ["-15.49", "-1234567.5", "9.99"]
    );
    // No cell a spreadsheet would evaluate, except the amounts, which are numbers.
    for row in &rows[1..] {
        for (i, cell) in row.iter().enumerate() {
            if i != 8 {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{cell:?}"
                );
            }
        }
    }
    // The raw text has the amounts unquoted.
    assert!(record_csv(&reference).contains(",-15.49,USD\r\n"));
}

#[test]
fn the_transactions_csv_is_safe_too() {
    let rows: Vec<TransactionRow> = serde_json::from_str(
        r#"[{"date":"2026-03-01","description":"=cmd|' /C calc'!A0","amount":"-15.49","currency":"USD","file":"my, \"file\".csv","line":7,"kind":"before"},
            {"date":"2026-04-01","description":"NETFLIX.COM","amount":"-15.49","currency":null,"file":"a.csv","line":8,"kind":"after"}]"#,
    )
    .unwrap();
    let text = transactions_csv(&rows);
    let table = read_csv(&text);
    assert_eq!(
        table[0],
        [
            "date",
            "descriptor",
            "amount",
            "currency",
            "file",
            "line",
            "kind"
        ]
    );
    assert_eq!(
        table[1],
        [
            "2026-03-01",
            "'=cmd|' /C calc'!A0",
            "-15.49",
            "USD",
            "my, \"file\".csv",
            "7",
            "before"
        ]
    );
    assert_eq!(table[2][3], "");
    assert!(text.contains(",-15.49,USD,"));
}

#[test]
fn the_messages_say_what_happened_and_end_with_the_link() {
    let charge = |m, d| Charge {
        date: date(2026, m, d),
        amount: "-15.49".into(),
        currency: Some("USD".into()),
        description: "NETFLIX.COM".into(),
    };
    let record = Record {
        vendor: "netflix".into(),
        vendor_name: Some("Netflix".into()),
        cancelled_on: date(2026, 3, 15),
        confirmation: Some("NF-1234".into()),
        notes: Some("private note".into()),
        steps_done: vec![Step {
            number: 2,
            title: "Open Account and choose Cancel Membership".into(),
        }],
        check_after: None,
        charges: vec![charge(4, 1), charge(5, 1), charge(6, 1)],
    };
    let (reference, link) = reference_of(&record);
    let vendor = vendor_message(&reference, &link);
    assert!(
        vendor.contains(
            "I cancelled my Netflix subscription on 15 March 2026 (confirmation number NF-1234)."
        ),
        "{vendor}"
    );
    assert!(vendor.contains("- 15.49 USD on 1 April 2026 (NETFLIX.COM)\n- 15.49 USD on 1 May 2026 (NETFLIX.COM)\n- 15.49 USD on 1 June 2026"), "{vendor}");
    assert!(
        vendor.contains("That is 46.47 USD in total. Please refund"),
        "{vendor}"
    );
    assert!(vendor.contains("- Open Account and choose Cancel Membership"));
    assert!(vendor.contains("Thank you."));
    assert!(
        vendor.trim_end().ends_with(&format!(
            "(reference {}, made by me from my own statement): {link}",
            reference.code
        )),
        "{vendor}"
    );
    assert!(
        !vendor.contains("private note"),
        "notes are the person's own"
    );
    let issuer = issuer_message(&reference, &link);
    assert!(
        issuer.contains("I dispute the following charges from Netflix"),
        "{issuer}"
    );
    assert!(issuer.contains("46.47 USD in total"));
    assert!(issuer.contains("after that date, so I did not authorise them"));
    assert!(issuer.trim_end().ends_with(&link));

    // Totals add across scales and keep currencies apart.
    let mut mixed = record.clone();
    mixed.charges[1].amount = "-0.5".into();
    mixed.charges[2].currency = Some("EUR".into());
    let (reference, link) = reference_of(&mixed);
    assert!(vendor_message(&reference, &link).contains("That is 15.99 USD and 15.49 EUR in total."));

    // With no charges: a confirmation request instead of a refund.
    let mut none = record;
    none.charges.clear();
    let (reference, link) = reference_of(&none);
    let text = vendor_message(&reference, &link);
    assert!(
        text.contains("Please confirm that my subscription is cancelled")
            && !text.contains("refund these")
    );
}

#[test]
fn the_messages_and_the_reminder_take_another_language_s_words() {
    let record = Record {
        vendor: "netflix".into(),
        vendor_name: Some("Netflix".into()),
        cancelled_on: date(2026, 3, 15),
        confirmation: Some("NF-1234".into()),
        notes: None,
        steps_done: Vec::new(),
        check_after: Some(date(2026, 5, 1)),
        charges: vec![Charge {
            date: date(2026, 4, 1),
            amount: "-15.49".into(),
            currency: Some("EUR".into()),
            description: "NETFLIX.COM".into(),
        }],
    };
    let (reference, link) = reference_of(&record);
    let english = reference::Wording::english();
    assert_eq!(
        reference::vendor_message_in(&reference, &link, &english),
        vendor_message(&reference, &link)
    );
    let months = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    let german = reference::Wording {
        months: months.map(str::to_owned).to_vec(),
        date: "{day}. {month} {year}".into(),
        decimal: ",".into(),
        cancelled: "Ich habe {what} am {date} gekündigt{confirmation}.".into(),
        vendor_what: "mein Abonnement bei {name}".into(),
        confirmation: " (Bestätigungsnummer {confirmation})".into(),
        charge: "- {amount} am {date}".into(),
        vendor_refund: "Seitdem:\n{charges}\nInsgesamt {total}.".into(),
        ics_summary: "Abbuchungen von {name} prüfen".into(),
        ..english
    };
    let vendor = reference::vendor_message_in(&reference, &link, &german);
    assert!(
        vendor.contains("Ich habe mein Abonnement bei Netflix am 15. März 2026 gekündigt (Bestätigungsnummer NF-1234)."),
        "{vendor}"
    );
    assert!(
        vendor.contains("- 15,49 EUR am 1. April 2026 (NETFLIX.COM)\nInsgesamt 15,49 EUR."),
        "{vendor}"
    );
    let ics = reference::ics_in(&reference, &link, 1_780_000_000, &german).unwrap();
    assert!(
        ics.contains("SUMMARY:Abbuchungen von Netflix prüfen"),
        "{ics}"
    );
    assert!(ics.contains("1. Mai 2026"), "{ics}");
}

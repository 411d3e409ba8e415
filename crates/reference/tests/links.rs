//! Links: round trips over generated records, every tampering detected, the typical link's
//! length, and specific errors for specific damage.

use chrono::NaiveDate;
use proptest::prelude::*;
use reference::{decode, encode, Charge, DecodeError, Record, Step};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// One vendor, three charges after the cancellation: the typical case of issue #12.
fn typical() -> Record {
    let charge = |m, d| Charge {
        date: date(2026, m, d),
        amount: "-15.49".into(),
        currency: Some("USD".into()),
        description: "NETFLIX.COM 866-579-7172 CA".into(),
    };
    Record {
        vendor: "netflix".into(),
        vendor_name: Some("Netflix".into()),
        cancelled_on: date(2026, 3, 15),
        confirmation: Some("NF-1234-5678".into()),
        notes: Some("Cancelled in the app; the confirmation e-mail came the same day.".into()),
        steps_done: vec![
            Step {
                number: 1,
                title: "Sign in to Netflix in a web browser".into(),
            },
            Step {
                number: 2,
                title: "Open Account and choose Cancel Membership".into(),
            },
        ],
        check_after: None,
        charges: vec![charge(4, 1), charge(5, 1), charge(6, 1)],
    }
}

const BASE: &str = "https://spendrein.example/#ref=";

#[test]
fn a_typical_link_is_at_most_600_characters() {
    let encoded = encode(&typical()).unwrap();
    let link = format!("{BASE}{}", encoded.text);
    println!("typical link: {} characters: {link}", link.len());
    assert!(link.len() <= 600, "{} characters", link.len());
    // Even without the same-descriptor shortcut (three different descriptors) it fits.
    let mut varied = typical();
    for (i, charge) in varied.charges.iter_mut().enumerate() {
        charge.description = format!("NETFLIX.COM {i}{i}{i}-579-7172 CA");
    }
    let link = format!("{BASE}{}", encode(&varied).unwrap().text);
    assert!(link.len() <= 600, "{} characters", link.len());
}

#[test]
fn a_link_decodes_to_exactly_the_chosen_fields() {
    let record = typical();
    let encoded = encode(&record).unwrap();
    let reference = decode(&format!("{BASE}{}", encoded.text)).unwrap();
    assert_eq!(reference.record, record);
    assert_eq!(reference.code, encoded.code);
    assert_eq!(reference.version, 1);
    let code = &reference.code;
    assert!(
        code.len() == 13
            && code.starts_with("SPR-")
            && code.as_bytes()[8] == b'-'
            && code[4..]
                .chars()
                .all(|c| c == '-' || "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(c)),
        "{code}"
    );
    // The JSON of a decoded link holds the allow-listed fields and nothing else.
    let json: serde_json::Value = serde_json::to_value(&reference).unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let allowed = [
        "version",
        "code",
        "vendor",
        "vendor_name",
        "cancelled_on",
        "confirmation",
        "notes",
        "steps_done",
        "check_after",
        "charges",
    ];
    assert!(keys.iter().all(|k| allowed.contains(k)), "{keys:?}");
    for charge in json["charges"].as_array().unwrap() {
        let mut keys: Vec<&str> = charge
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort();
        assert_eq!(keys, ["amount", "currency", "date", "description"]);
    }
    // Any form of the link reads the same.
    for form in [
        encoded.text.clone(),
        format!("ref={}", encoded.text),
        format!("#ref={}", encoded.text),
        format!("  {BASE}{}\n", encoded.text),
    ] {
        assert_eq!(decode(&form).unwrap(), reference, "{form}");
    }
}

#[test]
fn the_code_depends_on_the_content() {
    let a = encode(&typical()).unwrap();
    let mut other = typical();
    other.charges[2].amount = "-15.50".into();
    let b = encode(&other).unwrap();
    assert_ne!(a.code, b.code);
    assert_eq!(
        a,
        encode(&typical()).unwrap(),
        "the same record gives the same link"
    );
}

/// Every way of changing one character of a link is detected: each position replaced by each
/// other base64url character, each character deleted, a character inserted at each position.
fn assert_every_tampering_detected(text: &str) {
    const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let chars: Vec<char> = text.chars().collect();
    let original = decode(text).unwrap();
    for i in 0..chars.len() {
        for replacement in ALPHABET.chars().chain(['.', '=', ' ', '%']) {
            if replacement == chars[i] {
                continue;
            }
            let mut changed = chars.clone();
            changed[i] = replacement;
            let changed: String = changed.into_iter().collect();
            match decode(&changed) {
                Err(_) => {}
                Ok(reference) => {
                    panic!("{changed} (position {i}) was read as {reference:?}, not {original:?}")
                }
            }
        }
        let mut shorter = chars.clone();
        shorter.remove(i);
        assert!(
            decode(&shorter.iter().collect::<String>()).is_err(),
            "deleting position {i}"
        );
        for inserted in ['A', 'g', '_'] {
            let mut longer = chars.clone();
            longer.insert(i, inserted);
            assert!(
                decode(&longer.iter().collect::<String>()).is_err(),
                "inserting at {i}"
            );
        }
    }
}

#[test]
fn every_one_character_change_of_a_typical_link_is_detected() {
    assert_every_tampering_detected(&encode(&typical()).unwrap().text);
    let minimal = Record {
        vendor: "x".into(),
        vendor_name: None,
        cancelled_on: date(2026, 1, 1),
        confirmation: None,
        notes: None,
        steps_done: vec![],
        check_after: None,
        charges: vec![],
    };
    assert_every_tampering_detected(&encode(&minimal).unwrap().text);
}

#[test]
fn every_changed_byte_is_detected() {
    // Flip each bit of each byte of the binary form and write it out again as base64url.
    let text = encode(&typical()).unwrap().text;
    let bytes = b64_decode(&text[3..]);
    for i in 0..bytes.len() {
        for bit in 0..8 {
            let mut changed = bytes.clone();
            changed[i] ^= 1 << bit;
            let link = format!("v1.{}", b64_encode(&changed));
            assert_eq!(
                decode(&link).map_err(|e| e.code()),
                Err("tampered"),
                "byte {i} bit {bit}"
            );
        }
    }
    // A cut link.
    for cut in 1..text.len() - 3 {
        assert!(decode(&text[..text.len() - cut]).is_err(), "cut {cut}");
    }
}

#[test]
fn damage_gets_a_specific_error() {
    let text = encode(&typical()).unwrap().text;
    assert_eq!(
        decode("https://spendrein.example/#/guides"),
        Err(DecodeError::NotAReference)
    );
    assert_eq!(decode(""), Err(DecodeError::NotAReference));
    assert_eq!(
        decode(&text.replacen("v1.", "v2.", 1)),
        Err(DecodeError::UnknownVersion("v2".into()))
    );
    assert!(matches!(
        decode(&format!("{}*{}", &text[..10], &text[11..])),
        Err(DecodeError::BadCharacter {
            position: 8,
            character: '*'
        })
    ));
    assert_eq!(decode("v1.AAAA"), Err(DecodeError::Truncated));
    assert_eq!(
        decode(&"v1.A".repeat(10_000)).map_err(|e| e.code()),
        Err("too_long")
    );
    for error in [
        DecodeError::NotAReference,
        DecodeError::Tampered,
        DecodeError::Truncated,
    ] {
        assert!(error.to_string().len() > 30, "{error}");
    }
    // A well-formed link around content that is not a record: the check matches, the content
    // does not (made by hand, not by `encode`).
    let mut payload = vec![0b1_0000u8]; // an unknown flag
    payload.extend([1, b'x', 0, 0, 0, 0]);
    assert_eq!(
        decode(&seal(&payload)).map_err(|e| e.code()),
        Err("malformed")
    );
    // Non-shortest varint for the vendor length.
    let payload = [0u8, 0x81, 0x00, b'x', 0, 0, 0, 0];
    assert_eq!(
        decode(&seal(&payload)).map_err(|e| e.code()),
        Err("malformed")
    );
    // Trailing bytes.
    let payload = [0u8, 1, b'x', 0, 0, 0, 0, 7];
    assert_eq!(
        decode(&seal(&payload)).map_err(|e| e.code()),
        Err("malformed")
    );
    // A valid hand-made minimal one reads.
    let payload = [0u8, 1, b'x', 0, 0, 0, 0];
    assert_eq!(
        decode(&seal(&payload)).unwrap().record.cancelled_on,
        date(2000, 1, 1)
    );
}

#[test]
fn records_that_cannot_be_links_say_which_field() {
    let mut record = typical();
    record.charges[1].amount = "15,49".into();
    assert_eq!(encode(&record).unwrap_err().field, "charges[1].amount");
    let mut record = typical();
    record.vendor = String::new();
    assert_eq!(encode(&record).unwrap_err().field, "vendor");
    let mut record = typical();
    record.notes = Some("x".repeat(2001));
    assert_eq!(encode(&record).unwrap_err().field, "notes");
    let mut record = typical();
    record.cancelled_on = date(1850, 1, 1);
    assert_eq!(encode(&record).unwrap_err().field, "cancelled_on");
    // JSON with a field outside the allow-list is refused.
    assert!(serde_json::from_str::<Record>(
        r#"{"vendor":"x","cancelled_on":"2026-01-01","iban":"DE00"}"#
    )
    .is_err());
}

fn seal(payload: &[u8]) -> String {
    let mut bytes = payload.to_vec();
    bytes.extend_from_slice(&reference::hash::sha256(payload)[..5]);
    let crc = reference::hash::crc32(&bytes);
    bytes.extend_from_slice(&crc.to_be_bytes());
    format!("v1.{}", b64_encode(&bytes))
}

const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn b64_encode(bytes: &[u8]) -> String {
    let mut bits = String::new();
    for b in bytes {
        bits.push_str(&format!("{b:08b}"));
    }
    while !bits.len().is_multiple_of(6) {
        bits.push('0');
    }
    bits.as_bytes()
        .chunks(6)
        .map(|c| B64[usize::from_str_radix(std::str::from_utf8(c).unwrap(), 2).unwrap()] as char)
        .collect()
}

fn b64_decode(text: &str) -> Vec<u8> {
    let bits: String = text
        .bytes()
        .map(|c| format!("{:06b}", B64.iter().position(|&b| b == c).unwrap()))
        .collect();
    bits.as_bytes()
        .chunks_exact(8)
        .map(|c| u8::from_str_radix(std::str::from_utf8(c).unwrap(), 2).unwrap())
        .collect()
}

fn arb_date() -> impl Strategy<Value = NaiveDate> {
    (1900i32..2200, 1u32..=12, 1u32..=31)
        .prop_filter_map("a real date", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

fn arb_text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::string::string_regex(&format!("[ -~]{{0,{max}}}")).unwrap(),
        proptest::string::string_regex(&format!("\\PC{{0,{max}}}")).unwrap(),
        proptest::string::string_regex(&format!("[a-z,;\\\\\n\r\"'=+@\t-]{{0,{max}}}")).unwrap(),
    ]
}

fn arb_amount() -> impl Strategy<Value = String> {
    (any::<i64>(), 0u8..=6, 0u8..4).prop_map(|(minor, scale, size)| {
        let minor = match size {
            0 => minor % 10_000,
            1 => minor % 10_000_000,
            2 => minor % 999_999_999_999_999,
            _ => minor / 1_000_000_000_000 % 999_999_999_999_999,
        };
        reference::Money { minor, scale }.to_decimal()
    })
}

fn arb_charge() -> impl Strategy<Value = Charge> {
    (
        arb_date(),
        arb_amount(),
        prop::option::of(prop::sample::select(vec![
            "USD", "EUR", "GBP", "JPY", "CHF",
        ])),
        arb_text(40),
    )
        .prop_map(|(date, amount, currency, description)| Charge {
            date,
            amount,
            currency: currency.map(String::from),
            description,
        })
}

prop_compose! {
    fn arb_record()(
        vendor in arb_text(30).prop_filter("non-empty", |v| !v.is_empty()),
        vendor_name in prop::option::of(arb_text(30)),
        cancelled_on in arb_date(),
        confirmation in prop::option::of(arb_text(30)),
        notes in prop::option::of(arb_text(200)),
        steps in prop::collection::vec((1u32..=1000, arb_text(60)), 0..5),
        check_after in prop::option::of(arb_date()),
        charges in prop::collection::vec(arb_charge(), 0..8),
        repeat in any::<bool>(),
    ) -> Record {
        let mut charges = charges;
        // Same descriptors in a row, as a real vendor's charges have.
        if repeat {
            for i in 1..charges.len() {
                charges[i].description = charges[0].description.clone();
            }
        }
        Record {
            vendor,
            vendor_name,
            cancelled_on,
            confirmation,
            notes,
            steps_done: steps.into_iter().map(|(number, title)| Step { number, title }).collect(),
            check_after,
            charges,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn create_then_decode_gives_the_record_back(record in arb_record()) {
        let encoded = encode(&record).unwrap();
        let link = format!("{BASE}{}", encoded.text);
        let reference = decode(&link).unwrap();
        prop_assert_eq!(&reference.record, &record.normalised().unwrap());
        prop_assert_eq!(&reference.code, &encoded.code);
        // And the decoded record makes the same link again.
        prop_assert_eq!(encode(&reference.record).unwrap(), encoded);
        // Through JSON as the CLI and the page pass it.
        let json = serde_json::to_string(&reference.record).unwrap();
        let again: Record = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(again, reference.record);
    }

    #[test]
    fn a_changed_character_is_always_detected(record in arb_record(), at in any::<prop::sample::Index>(), with in 0usize..64) {
        let text = encode(&record).unwrap().text;
        let chars: Vec<char> = text.chars().collect();
        let i = 3 + at.index(chars.len() - 3);
        let replacement = B64[with] as char;
        prop_assume!(replacement != chars[i]);
        let mut changed = chars;
        changed[i] = replacement;
        let changed: String = changed.into_iter().collect();
        prop_assert!(decode(&changed).is_err(), "{} was accepted", changed);
    }

    #[test]
    fn decoding_any_text_never_panics(text in "\\PC{0,300}", noise in prop::collection::vec(0usize..64, 0..200)) {
        let _ = decode(&text);
        let b64: String = noise.into_iter().map(|i| B64[i] as char).collect();
        let _ = decode(&format!("v1.{b64}"));
    }
}

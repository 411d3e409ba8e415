//! Table-driven matching over the research file `../shared/research/vendor-descriptors.tsv`,
//! read in place: every descriptor variant graded real (R…) or official (D…) in its
//! `source_or_guess` column (see `vendor-descriptors-sources.md` beside it) must match its
//! vendor's guide and no other. Store descriptors (`APPLE.COM/BILL`, Google Play's generic
//! `GOOGLE *<app>` forms) must match the store's guide instead. Variants the research marks as
//! not the subscription ("(orders)", "(rides)", "(apparel, not membership)") must NOT match
//! the vendor's subscription guide. Vendors without a guide yet, formats like
//! `GOOGLE *<app name>` and the platform-generic descriptors listed in `GENERIC` are reported
//! in the table and skipped, never silently.
//!
//! Run with `cargo test -p guides --test research_matching -- --nocapture` to see the table.

use std::collections::BTreeMap;

#[path = "support/research.rs"]
mod research;
use research::*;

#[test]
fn real_and_official_descriptors_match_their_vendor() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/research/vendor-descriptors.tsv"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("skipping: ../shared/research/vendor-descriptors.tsv absent");
        return;
    };
    let mapping: BTreeMap<&str, Option<&'static str>> = VENDOR_TO_GUIDE.iter().copied().collect();
    // First pass: which guides each graded descriptor is claimed for.
    let claimed = claimed_owners(&text);
    let mut rows = Vec::new();
    let mut failures = Vec::new();
    let mut unmapped = Vec::new();
    let (mut passed, mut no_guide_yet, mut not_a_vendor, mut format_only, mut generic) =
        (0, 0, 0, 0, 0);
    for line in text.lines().skip(1) {
        let columns: Vec<&str> = line.split('\t').collect();
        let [vendor, _category, _billing, variants, source, ..] = columns[..] else {
            continue;
        };
        let Some(guide_id) = mapping.get(vendor).copied() else {
            unmapped.push(vendor.to_owned());
            continue;
        };
        let variants: Vec<&str> = variants.split('|').map(str::trim).collect();
        for (variant, grade) in variants.iter().zip(grades(source, variants.len())) {
            let Some(grade) = grade else { continue };
            let Some(guide_id) = guide_id else {
                not_a_vendor += 1;
                rows.push((
                    vendor.to_owned(),
                    "-".to_owned(),
                    variant.to_string(),
                    grade,
                    "not one vendor, skipped".to_owned(),
                ));
                continue;
            };
            if is_format_only(variant) {
                format_only += 1;
                rows.push((
                    vendor.to_owned(),
                    "-".to_owned(),
                    variant.to_string(),
                    grade,
                    "a format, not one vendor's descriptor: skipped".to_owned(),
                ));
                continue;
            }
            let (descriptor, mut expect) = expectation(guide_id, variant);
            let descriptor_words = guides::words(&descriptor).join(" ");
            if let Some((_, why)) = GENERIC
                .iter()
                .find(|(generic, _)| descriptor_words.starts_with(generic))
            {
                generic += 1;
                rows.push((
                    vendor.to_owned(),
                    "-".to_owned(),
                    descriptor,
                    grade,
                    format!("generic, skipped: {why}"),
                ));
                continue;
            }
            if let Some(owners) = claimed.get(&guides::words(&descriptor).join(" ")) {
                if owners.len() > 1 {
                    expect = Expect::AnyOf(owners.clone());
                }
            }
            let has_guide = match &expect {
                Expect::Guide(id) | Expect::NotGuide(id) => guides::get(id).is_some(),
                Expect::AnyOf(ids) => ids.iter().any(|id| guides::get(id).is_some()),
            };
            let found = guides::match_descriptor(&descriptor);
            let found_id = found.as_ref().map(|found| found.guide.id);
            let result = if !has_guide {
                no_guide_yet += 1;
                "no guide yet".to_owned()
            } else {
                let ok = match &expect {
                    Expect::Guide(id) => {
                        found_id == Some(*id)
                            && found
                                .as_ref()
                                .is_some_and(|found| found.confidence != guides::Confidence::Low)
                    }
                    Expect::NotGuide(id) => found_id != Some(*id),
                    Expect::AnyOf(ids) => found_id.is_some_and(|found_id| ids.contains(&found_id)),
                };
                let shown = match &found {
                    Some(found) => format!(
                        "{} via {:?} ({:?})",
                        found.guide.id, found.pattern, found.confidence
                    ),
                    None => "no match".to_owned(),
                };
                if ok {
                    passed += 1;
                    format!("ok: {shown}")
                } else {
                    let want = match &expect {
                        Expect::Guide(id) => format!("want {id}"),
                        Expect::NotGuide(id) => {
                            format!("want anything but {id} (not the subscription)")
                        }
                        Expect::AnyOf(ids) => format!("want one of {}", ids.join(", ")),
                    };
                    failures.push(format!(
                        "{vendor}: {descriptor:?} ({grade:?}): {want}, got {shown}"
                    ));
                    format!("FAIL: {want}, got {shown}")
                }
            };
            let target = match &expect {
                Expect::Guide(id) => (*id).to_owned(),
                Expect::NotGuide(id) => format!("not {id}"),
                Expect::AnyOf(ids) => ids.join(" or "),
            };
            rows.push((vendor.to_owned(), target, descriptor, grade, result));
        }
    }

    println!(
        "{:<36} {:<22} {:<48} {:<8} result",
        "research vendor", "expected guide", "descriptor", "grade"
    );
    for (vendor, target, descriptor, grade, result) in &rows {
        let vendor: String = vendor.chars().take(35).collect();
        println!(
            "{vendor:<36} {target:<22} {descriptor:<48} {:<8} {result}",
            format!("{grade:?}")
        );
    }
    println!(
        "{} graded variants: {passed} ok, {} failed, {no_guide_yet} no guide yet, {not_a_vendor} not one vendor, {format_only} formats, {generic} generic",
        rows.len(),
        failures.len()
    );
    assert!(
        unmapped.is_empty(),
        "research vendors missing from VENDOR_TO_GUIDE: {unmapped:?}"
    );
    assert!(
        failures.is_empty(),
        "{} descriptor variants graded real or official do not match their vendor:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn grades_are_read_like_the_sources_file_says() {
    use Grade::{Official, Real};
    assert_eq!(grades("1:R1,R2,F2; 2:R3(real Chase); 3:F3,S10; 7:D1+S1 (in-app billing); 8:GUESS via D2 format", 8), [Some(Real), Some(Real), None, None, None, None, Some(Official), None]);
    assert_eq!(
        grades("1-2:R5(real); 3:F1; 4:R6(real Revolut)", 4),
        [Some(Real), Some(Real), None, Some(Real)]
    );
    assert_eq!(
        grades("1,3:D1; 2:R3; 4:F(id1,id2); 5:R-ish(id54529533084)", 5),
        [Some(Official), Some(Real), Some(Official), None, None]
    );
    assert_eq!(grades("R3(real Chase)", 1), [Some(Real)]);
    assert_eq!(grades("X1 convention; D1", 2), [None, None]);
    assert_eq!(
        grades("1:R(id71252258724 AR rules); 2:F1", 2),
        [Some(Real), None]
    );
    assert_eq!(
        grades(
            "1-2:GUESS/X1 convention; 3:R1(real 'DD *DOORDASH P.F.CHANG')",
            3
        ),
        [None, None, Some(Real)]
    );
}

#[test]
fn variants_become_descriptors_with_the_right_expectation() {
    assert_eq!(
        expectation("netflix", "APPLE.COM/BILL"),
        ("APPLE.COM/BILL".to_owned(), Expect::Guide("apple"))
    );
    assert!(is_format_only("GOOGLE *<app name>"));
    assert!(!is_format_only("AMZN PRIME*<ref>"));
    assert_eq!(
        expectation("amazon-prime", "AMZN PRIME*<ref>").0,
        "AMZN PRIME*QX7K2"
    );
    assert_eq!(
        expectation("doordash-dashpass", "DD *DOORDASH <restaurant> (orders)"),
        (
            "DD *DOORDASH QX7K2".to_owned(),
            Expect::NotGuide("doordash-dashpass")
        )
    );
}

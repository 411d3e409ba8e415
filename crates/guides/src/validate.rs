//! The rules of `guides/README.md`, checked over any list of guides. Pure: the date to judge
//! `last_reviewed` against is passed in, never read from a clock.
//!
//! ```
//! use chrono::NaiveDate;
//! let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("a valid date");
//! for problem in guides::validate::validate(guides::all(), guides::ENGINE_GOTCHAS, today) {
//!     println!("{problem}");
//! }
//! ```

use crate::matching::{best_match, borrow_patterns, owned_patterns, Confidence};
use crate::{Grade, Guide, Owner};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::fmt;

/// `last_reviewed` older than this many days is an error.
pub const REVIEW_ERROR_DAYS: i64 = 365;
/// `last_reviewed` older than this many days is a warning.
pub const REVIEW_WARNING_DAYS: i64 = 90;

/// Whether a problem fails validation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Fails validation.
    Error,
    /// Printed, does not fail.
    Warning,
}

/// One broken rule, in one field of one guide file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub level: Level,
    /// The guide file, like `guides/openai-api.toml`.
    pub file: String,
    /// The field, like `steps[2].url` (0-based list positions, as in the TOML arrays).
    pub field: String,
    /// What is wrong and how to fix it (lowercase, no trailing period).
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        write!(
            formatter,
            "{level}: {}: field `{}`: {}",
            self.file, self.field, self.message
        )
    }
}

struct Report {
    problems: Vec<Problem>,
}

impl Report {
    fn error(&mut self, guide: &Guide, field: impl Into<String>, message: impl Into<String>) {
        self.push(Level::Error, guide, field.into(), message.into());
    }

    fn warning(&mut self, guide: &Guide, field: impl Into<String>, message: impl Into<String>) {
        self.push(Level::Warning, guide, field.into(), message.into());
    }

    fn push(&mut self, level: Level, guide: &Guide, field: String, message: String) {
        self.problems.push(Problem {
            level,
            file: guide.file(),
            field,
            message,
        });
    }

    fn required_text(&mut self, guide: &Guide, field: &str, text: &str) {
        if text.trim().is_empty() {
            self.error(
                guide,
                field,
                "is missing or empty; it is required (see guides/README.md)",
            );
        } else if let Some(markup) = markup_in(text) {
            self.error(
                guide,
                field,
                format!("contains {markup:?}; write plain text, never html or markdown"),
            );
        }
    }
}

/// Checks every rule of `guides/README.md` over `guides`. `engine_gotchas` are the
/// `(guide id, gotcha id)` pairs the engine cites; `today` judges `last_reviewed`.
pub fn validate(
    guides: &[Guide],
    engine_gotchas: &[(&str, &str)],
    today: NaiveDate,
) -> Vec<Problem> {
    let mut report = Report {
        problems: Vec::new(),
    };
    for guide in guides {
        check_fields(&mut report, guide, today);
        check_urls(&mut report, guide);
        if guide.legacy {
            check_legacy(&mut report, guide);
        } else {
            check_sources(&mut report, guide, today);
            check_claims(&mut report, guide);
            check_evidence(&mut report, guide);
        }
    }
    check_ids_and_names(&mut report, guides);
    check_related(&mut report, guides);
    check_descriptors(&mut report, guides);
    check_engine_gotchas(&mut report, guides, engine_gotchas);
    report.problems
}

/// Whether `url` is an absolute https URL with a plausible host name.
pub fn is_https_url(url: &str) -> bool {
    url.strip_prefix("https://")
        .is_some_and(|rest| plausible(url, rest))
}

/// Whether a source's `url` is an absolute http or https URL with a plausible host name. A
/// source is the address a page was read at, so it is written as it was read: some vendors'
/// older help pages exist only at `http://` addresses, and rewriting them to https would cite
/// an address nobody read. A step's `url` is a link the person opens to act, and stays https.
pub fn is_source_url(url: &str) -> bool {
    url.strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .is_some_and(|rest| plausible(url, rest))
}

/// `rest` is `url` after its scheme: a host with a dot and no odd bytes, and no whitespace or
/// control characters anywhere in `url`.
fn plausible(url: &str, rest: &str) -> bool {
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_ok = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && !host.contains("..")
        && host
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'.');
    host_ok
        && !url
            .chars()
            .any(|character| character.is_whitespace() || character.is_control())
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
}

/// The first piece of HTML or Markdown markup in `text`, if any.
fn markup_in(text: &str) -> Option<&'static str> {
    [
        "</", "<a ", "<br", "<p>", "<b>", "<i>", "**", "](", "&amp;", "&nbsp;",
    ]
    .into_iter()
    .find(|markup| text.contains(markup))
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    // Exactly YYYY-MM-DD: chrono alone would also take "2026-1-5".
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes.iter().enumerate().all(|(index, byte)| {
            if index == 4 || index == 7 {
                *byte == b'-'
            } else {
                byte.is_ascii_digit()
            }
        });
    if !shape_ok {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

fn check_fields(report: &mut Report, guide: &Guide, today: NaiveDate) {
    if !is_kebab(guide.id) {
        report.error(
            guide,
            "id",
            "the id (file name) must be lowercase-kebab: a-z, 0-9 and single dashes",
        );
    }
    report.required_text(guide, "name", guide.name);
    report.required_text(guide, "summary", guide.summary);
    for (index, alias) in guide.aliases.iter().enumerate() {
        report.required_text(guide, &format!("aliases[{index}]"), alias);
    }
    if guide.cadences.is_empty() {
        report.error(guide, "cadences", "is missing or empty; list at least one of weekly, biweekly, monthly, quarterly, semiannual, annual");
    }
    if guide.billed_via.is_empty() {
        report.error(guide, "billed_via", "is missing or empty; list at least one of direct, apple, google-play, paypal, amazon, roku");
    }
    match parse_date(guide.last_reviewed) {
        None => report.error(
            guide,
            "last_reviewed",
            format!(
                "{:?} is not a date like 2026-11-25 (YYYY-MM-DD)",
                guide.last_reviewed
            ),
        ),
        Some(reviewed) => {
            let age = (today - reviewed).num_days();
            if age < 0 {
                report.error(
                    guide,
                    "last_reviewed",
                    format!("{reviewed} is in the future (today is {today})"),
                );
            } else if age > REVIEW_ERROR_DAYS {
                report.error(guide, "last_reviewed", format!("{reviewed} is {age} days ago, more than a year; review the guide against the vendor's help pages and update the date"));
            } else if age > REVIEW_WARNING_DAYS {
                report.warning(guide, "last_reviewed", format!("{reviewed} is {age} days ago; review the guide soon (it fails after {REVIEW_ERROR_DAYS} days)"));
            }
        }
    }
    let store_only =
        !guide.billed_via.is_empty() && guide.billed_via.iter().all(|channel| channel.is_store());
    if guide.descriptors.match_patterns.is_empty() && !store_only {
        report.error(
            guide,
            "descriptors.match",
            "is missing or empty; it is required unless the vendor is billed only through stores",
        );
    }
    for (index, text) in guide.before_you_start.iter().enumerate() {
        report.required_text(guide, &format!("before_you_start[{index}]"), text);
    }
    if guide.steps.is_empty() {
        report.error(
            guide,
            "steps",
            "is missing; add at least one [[steps]] with title, text and url",
        );
    }
    for (index, step) in guide.steps.iter().enumerate() {
        report.required_text(guide, &format!("steps[{index}].title"), step.title);
        report.required_text(guide, &format!("steps[{index}].text"), step.text);
    }
    if guide.gotchas.is_empty() {
        report.error(guide, "gotchas", "is missing; add at least one [[gotchas]]");
    }
    for (index, gotcha) in guide.gotchas.iter().enumerate() {
        if !is_kebab(gotcha.id) {
            report.error(
                guide,
                format!("gotchas[{index}].id"),
                format!(
                    "{:?} must be lowercase-kebab, like legacy-user-keys",
                    gotcha.id
                ),
            );
        }
        if guide.gotchas[..index]
            .iter()
            .any(|earlier| earlier.id == gotcha.id)
        {
            report.error(
                guide,
                format!("gotchas[{index}].id"),
                format!(
                    "{:?} is used twice in this guide; gotcha ids must be unique",
                    gotcha.id
                ),
            );
        }
        report.required_text(guide, &format!("gotchas[{index}].title"), gotcha.title);
        report.required_text(guide, &format!("gotchas[{index}].text"), gotcha.text);
        if let Some(step) = gotcha.step {
            if step == 0 || step as usize > guide.steps.len() {
                report.error(
                    guide,
                    format!("gotchas[{index}].step"),
                    format!(
                        "{step} is not a step (steps are numbered 1 to {})",
                        guide.steps.len()
                    ),
                );
            }
        }
    }
    report.required_text(guide, "data.text", guide.data);
    report.required_text(guide, "refunds.text", guide.refunds);
    for (index, alternative) in guide.alternatives.iter().enumerate() {
        report.required_text(
            guide,
            &format!("alternatives[{index}].title"),
            alternative.title,
        );
        report.required_text(
            guide,
            &format!("alternatives[{index}].text"),
            alternative.text,
        );
    }
    for (index, faq) in guide.faq.iter().enumerate() {
        report.required_text(guide, &format!("faq[{index}].q"), faq.q);
        report.required_text(guide, &format!("faq[{index}].a"), faq.a);
    }
    if guide.sources.is_empty() {
        report.error(
            guide,
            "sources",
            "is missing or empty; list the official help pages the facts come from",
        );
    }
}

fn check_urls(report: &mut Report, guide: &Guide) {
    for (index, step) in guide.steps.iter().enumerate() {
        if let Some(url) = step.url {
            if !is_https_url(url) {
                report.error(
                    guide,
                    format!("steps[{index}].url"),
                    format!("{url:?} is not an https url with a host"),
                );
            }
        }
    }
    for (index, source) in guide.sources.iter().enumerate() {
        if !is_source_url(source.url) {
            let field = if guide.legacy {
                format!("sources[{index}]")
            } else {
                format!("sources[{index}].url")
            };
            report.error(
                guide,
                field,
                format!("{:?} is not an http(s) url with a host", source.url),
            );
        }
    }
}

// ---- Sources, claims and descriptor evidence (issue 16) ----------------------------------

/// A legacy guide (a list of URLs as `sources`) has no source ids, so nothing in it may cite one.
fn check_legacy(report: &mut Report, guide: &Guide) {
    let cites = guide
        .claims()
        .into_iter()
        .find(|claim| !claim.src.is_empty());
    if let Some(claim) = cites {
        report.error(guide, format!("{}.src", claim.field), "cites a source, but `sources` is still the legacy list of urls, which has no ids; convert `sources` to [[sources]] tables (see guides/README.md)");
    }
    if !guide.descriptors.evidence.is_empty() {
        report.error(guide, "descriptors.evidence", "needs [[sources]] tables to cite, but `sources` is still the legacy list of urls; convert `sources` (see guides/README.md)");
    }
}

/// Every `[[sources]]` entry: a unique kebab id, an https url given once, the page's title,
/// the date it was read (a real date, not after `last_reviewed`), and `last_reviewed` itself
/// no later than the newest read date: a review date needs a page read that day.
fn check_sources(report: &mut Report, guide: &Guide, today: NaiveDate) {
    let reviewed = parse_date(guide.last_reviewed);
    let mut newest_read: Option<NaiveDate> = None;
    for (index, source) in guide.sources.iter().enumerate() {
        let field = |name: &str| format!("sources[{index}].{name}");
        if !is_kebab(source.id) {
            report.error(
                guide,
                field("id"),
                format!(
                    "{:?} must be lowercase-kebab (a-z, 0-9, single dashes), like help-cancel",
                    source.id
                ),
            );
        } else if guide.sources[..index]
            .iter()
            .any(|earlier| earlier.id == source.id)
        {
            report.error(
                guide,
                field("id"),
                format!(
                    "{:?} is used by two sources; source ids must be unique in a guide",
                    source.id
                ),
            );
        }
        if let Some(earlier) = guide.sources[..index]
            .iter()
            .find(|earlier| earlier.url == source.url)
        {
            report.error(
                guide,
                field("url"),
                format!(
                    "{:?} is also the url of source {:?}; list each page once and cite that id",
                    source.url, earlier.id
                ),
            );
        }
        report.required_text(guide, &field("title"), source.title);
        if source.title.trim_start().starts_with("http") {
            report.error(
                guide,
                field("title"),
                "is a url; write the page's own title (or the site's name and what the page is)",
            );
        }
        match parse_date(source.read) {
            None => report.error(
                guide,
                field("read"),
                format!(
                    "{:?} is not a date like 2026-12-03 (YYYY-MM-DD): the day this page was read",
                    source.read
                ),
            ),
            Some(read) => {
                if read > today {
                    report.error(
                        guide,
                        field("read"),
                        format!("{read} is in the future (today is {today})"),
                    );
                } else if reviewed.is_some_and(|reviewed| read > reviewed) {
                    report.error(guide, field("read"), format!("{read} is after last_reviewed ({}); a page read after the review is part of a newer review: move last_reviewed", guide.last_reviewed));
                }
                newest_read = newest_read.max(Some(read));
            }
        }
        if source.owner.is_none() {
            report.error(
                guide,
                field("owner"),
                "is missing; say vendor or third-party",
            );
        }
        if source.owner == Some(Owner::Vendor) {
            let domains: Vec<&str> = guide
                .steps
                .iter()
                .filter_map(|step| step.url)
                .filter_map(site)
                .collect();
            if let Some(domain) = site(source.url) {
                if !domains.is_empty() && !domains.contains(&domain) {
                    report.warning(guide, field("owner"), format!("is vendor, but {domain} is the site of none of the guide's step pages ({}); check it is the vendor's own (another site's page is third-party)", domains.join(", ")));
                }
            }
        }
    }
    if let (Some(reviewed), Some(newest)) = (reviewed, newest_read) {
        if reviewed > newest {
            report.error(guide, "last_reviewed", format!("{reviewed} is later than the day any source was read (the newest is {newest}); move last_reviewed only when a source was really read that day"));
        }
    }
}

/// The registrable part of an http(s) url's host, roughly: the last two labels, or three when
/// the second-level label is a generic one under a country code (`bbc.co.uk`).
fn site(url: &str) -> Option<&str> {
    let host = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?
        .split(['/', '?', '#', ':'])
        .next()?;
    let labels: Vec<&str> = host.split('.').collect();
    let keep = match labels.as_slice() {
        [.., second, last]
            if last.len() == 2 && ["co", "com", "org", "net", "ac", "gov"].contains(second) =>
        {
            3
        }
        _ => 2,
    };
    let start = labels.len().checked_sub(keep)?;
    let skipped: usize = labels[..start].iter().map(|label| label.len() + 1).sum();
    host.get(skipped..)
}

/// The `src` ids of one claim or evidence entry: each names a source, none twice.
fn check_cited(report: &mut Report, guide: &Guide, field: &str, src: &[&str]) {
    for (index, id) in src.iter().enumerate() {
        if guide.source(id).is_none() {
            let known: Vec<&str> = guide.sources.iter().map(|source| source.id).collect();
            report.error(
                guide,
                format!("{field}.src[{index}]"),
                format!(
                    "{id:?} is not the id of a [[sources]] entry of this guide (they are: {})",
                    known.join(", ")
                ),
            );
        } else if src[..index].contains(id) {
            report.error(
                guide,
                format!("{field}.src[{index}]"),
                format!("{id:?} is cited twice"),
            );
        }
    }
}

/// Every claim cites at least one source, each cited id exists, and every source is cited by
/// a claim or a descriptor evidence entry.
fn check_claims(report: &mut Report, guide: &Guide) {
    let claims = guide.claims();
    for claim in &claims {
        if claim.src.is_empty() {
            report.error(guide, format!("{}.src", claim.field), "is missing or empty; every claim names the id(s) of the [[sources]] it rests on, like src = [\"help-cancel\"]");
        }
        check_cited(report, guide, &claim.field, claim.src);
    }
    for (index, source) in guide.sources.iter().enumerate() {
        let cited = claims.iter().any(|claim| claim.src.contains(&source.id))
            || guide
                .descriptors
                .evidence
                .iter()
                .any(|evidence| evidence.src.contains(&source.id));
        if !cited && !source.id.is_empty() {
            report.error(guide, format!("sources[{index}]"), format!("{:?} is cited by no claim or evidence entry; cite it where it is the basis of a claim, or remove it", source.id));
        }
    }
}

/// Whether the descriptor pattern matches `example` by the matcher's own rules.
fn pattern_matches(pattern: &str, example: &str) -> bool {
    let words = crate::words(pattern);
    if words.is_empty() {
        return false;
    }
    let index = [crate::matching::Pattern {
        words: &words,
        guide: 0,
        exclude: false,
        text: pattern,
        chars: words.iter().map(|word| word.chars().count()).sum(),
    }];
    best_match(&index, &crate::words(example)).is_some()
}

/// One `[[descriptors.evidence]]` entry per match pattern, with an example of this guide that
/// the pattern matches, and sources for every grade but `guess`; `official` needs one of the
/// vendor's own pages.
fn check_evidence(report: &mut Report, guide: &Guide) {
    let descriptors = &guide.descriptors;
    for (index, evidence) in descriptors.evidence.iter().enumerate() {
        let field = format!("descriptors.evidence[{index}]");
        if !descriptors.match_patterns.contains(&evidence.pattern) {
            report.error(
                guide,
                format!("{field}.pattern"),
                format!(
                    "{:?} is not one of descriptors.match ({}); copy the pattern exactly",
                    evidence.pattern,
                    descriptors.match_patterns.join(", ")
                ),
            );
        } else if descriptors.evidence[..index]
            .iter()
            .any(|earlier| earlier.pattern == evidence.pattern)
        {
            report.error(
                guide,
                format!("{field}.pattern"),
                format!(
                    "{:?} has two evidence entries; keep one per pattern",
                    evidence.pattern
                ),
            );
        }
        if !descriptors.examples.contains(&evidence.example) {
            report.error(
                guide,
                format!("{field}.example"),
                format!(
                    "{:?} is not one of descriptors.examples; add it there or copy one exactly",
                    evidence.example
                ),
            );
        } else if !pattern_matches(evidence.pattern, evidence.example) {
            report.error(
                guide,
                format!("{field}.example"),
                format!(
                    "{:?} is not matched by the pattern {:?}; give an example this pattern matches",
                    evidence.example, evidence.pattern
                ),
            );
        }
        match evidence.grade {
            Grade::Real | Grade::Official if evidence.src.is_empty() => {
                report.error(guide, format!("{field}.src"), format!("is missing; a {} pattern names the sources that show it (only guess may have none)", grade_name(evidence.grade)));
            }
            Grade::Official
                if !evidence.src.iter().any(|id| {
                    guide
                        .source(id)
                        .is_some_and(|source| source.owner == Some(Owner::Vendor))
                }) =>
            {
                report.error(guide, format!("{field}.grade"), "is official, but no cited source is the vendor's own page; cite the vendor's page or grade it real (third-party statements) or guess");
            }
            _ => {}
        }
        check_cited(report, guide, &field, evidence.src);
    }
    for (index, pattern) in descriptors.match_patterns.iter().enumerate() {
        if !descriptors
            .evidence
            .iter()
            .any(|evidence| evidence.pattern == *pattern)
        {
            report.error(guide, format!("descriptors.match[{index}]"), format!("{pattern:?} has no [[descriptors.evidence]] entry; add one with an example and a grade (real, official or guess)"));
        }
    }
}

fn grade_name(grade: Grade) -> &'static str {
    match grade {
        Grade::Real => "real",
        Grade::Official => "official",
        Grade::Guess => "guess",
    }
}

/// How one guide's claims are sourced, for the closing table of issue 16.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Claims (steps, gotchas, data, refunds, FAQ answers).
    pub claims: usize,
    /// Claims citing at least one of the vendor's own pages.
    pub vendor_backed: usize,
    /// Claims citing only third-party pages (marked on the page).
    pub third_party_only: usize,
    /// Claims citing nothing (every claim of a legacy guide).
    pub unsourced: usize,
}

/// Counts how the claims of `guide` are sourced.
pub fn coverage(guide: &Guide) -> Coverage {
    let mut coverage = Coverage::default();
    for claim in guide.claims() {
        coverage.claims += 1;
        let owners: Vec<Option<Owner>> = claim
            .src
            .iter()
            .filter_map(|id| guide.source(id))
            .map(|source| source.owner)
            .collect();
        if owners.is_empty() {
            coverage.unsourced += 1;
        } else if owners.contains(&Some(Owner::Vendor)) {
            coverage.vendor_backed += 1;
        } else {
            coverage.third_party_only += 1;
        }
    }
    coverage
}

/// Every descriptor pattern graded `guess`, as `(guide id, pattern)`, in guide order.
pub fn guesses(guides: &[Guide]) -> Vec<(&'static str, &'static str)> {
    guides
        .iter()
        .flat_map(|guide| {
            guide
                .descriptors
                .evidence
                .iter()
                .filter(|evidence| evidence.grade == Grade::Guess)
                .map(|evidence| (guide.id, evidence.pattern))
        })
        .collect()
}

/// Lower-cased words joined, with `+` read as "plus": "Disney+", "Disney Plus" and
/// "disney-plus" collide, as they would in search, but "Premium" and "Premium+" do not.
fn name_key(text: &str) -> String {
    crate::words(&text.replace('+', " plus "))
        .concat()
        .to_lowercase()
}

fn check_ids_and_names(report: &mut Report, guides: &[Guide]) {
    let mut seen_ids: BTreeMap<&str, usize> = BTreeMap::new();
    let mut seen_names: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for (guide_index, guide) in guides.iter().enumerate() {
        if seen_ids.insert(guide.id, guide_index).is_some() {
            report.error(
                guide,
                "id",
                format!("the id {:?} is used by two guides", guide.id),
            );
        }
        for (index, alias) in guide.aliases.iter().enumerate() {
            let same = |other: &&str| other.trim().eq_ignore_ascii_case(alias.trim());
            if guide.aliases[..index].iter().any(same) || same(&guide.name) {
                report.error(
                    guide,
                    format!("aliases[{index}]"),
                    format!("{alias:?} is listed twice (as the name or another alias); remove it"),
                );
            }
        }
        let names = std::iter::once((guide.name, "name".to_owned()))
            .chain(
                guide
                    .aliases
                    .iter()
                    .enumerate()
                    .map(|(index, alias)| (*alias, format!("aliases[{index}]"))),
            )
            .chain(std::iter::once((guide.id, "id".to_owned())));
        for (name, field) in names {
            let key = name_key(name);
            if key.is_empty() {
                continue;
            }
            match seen_names.get(&key) {
                Some((other_index, other_field)) if *other_index != guide_index => {
                    let other = &guides[*other_index];
                    report.error(guide, &field, format!("{name:?} is also the {other_field} of guide {:?}; names and aliases must be unique across guides", other.id));
                }
                // Spellings of one guide's own name that differ only in spacing or case are
                // harmless (search ignores both), so they are not reported.
                Some(_) => {}
                None => {
                    seen_names.insert(key, (guide_index, field));
                }
            }
        }
    }
}

fn check_related(report: &mut Report, guides: &[Guide]) {
    for guide in guides {
        for (index, related) in guide.related.iter().enumerate() {
            let field = format!("related[{index}]");
            if *related == guide.id {
                report.error(guide, field, "a guide cannot be related to itself");
            } else if !guides.iter().any(|other| other.id == *related) {
                report.error(
                    guide,
                    field,
                    format!("no guide has the id {related:?}; use an existing guide's file name"),
                );
            } else if guide.related[..index].contains(related) {
                report.error(guide, field, format!("{related:?} is listed twice"));
            }
        }
    }
}

fn check_descriptors(report: &mut Report, guides: &[Guide]) {
    for guide in guides {
        let lists = [
            ("descriptors.match", guide.descriptors.match_patterns),
            ("descriptors.exclude", guide.descriptors.exclude),
            ("descriptors.examples", guide.descriptors.examples),
        ];
        for (list_name, list) in lists {
            for (index, text) in list.iter().enumerate() {
                if crate::words(text).is_empty() {
                    report.error(
                        guide,
                        format!("{list_name}[{index}]"),
                        format!("{text:?} has no letters or digits, so it can never match"),
                    );
                }
            }
        }
    }

    let owned = owned_patterns(guides);
    let patterns = borrow_patterns(&owned);

    // Two vendors may not share a match pattern: nothing could ever separate them.
    for pair in patterns.windows(2) {
        let (left, right) = (&pair[0], &pair[1]);
        if left.words == right.words && left.guide != right.guide && !left.exclude && !right.exclude
        {
            let guide = &guides[right.guide];
            report.error(guide, "descriptors.match", format!("pattern {:?} is also a pattern of guide {:?}; two vendors may not share a pattern", right.text, guides[left.guide].id));
        }
    }

    // Every example must be won by its own guide, clearly.
    for (guide_index, guide) in guides.iter().enumerate() {
        for (index, example) in guide.descriptors.examples.iter().enumerate() {
            let field = format!("descriptors.examples[{index}]");
            let example_words = crate::words(example);
            if example_words.is_empty() {
                continue;
            }
            let Some(outcome) = best_match(&patterns, &example_words) else {
                report.error(guide, field, format!("{example:?} matches no pattern of this guide; add a match pattern for it or fix an exclude"));
                continue;
            };
            let winner = &patterns[outcome.pattern];
            if outcome.guide != guide_index {
                let other = &guides[outcome.guide];
                let help = if other.store().is_some() {
                    format!("store descriptors belong to the {:?} guide; remove the example and list the store in billed_via", other.id)
                } else {
                    format!(
                        "add a longer pattern to this guide or an exclude to {:?}",
                        other.id
                    )
                };
                report.error(
                    guide,
                    field,
                    format!(
                        "{example:?} is won by guide {:?} with its pattern {:?}; {help}",
                        other.id, winner.text
                    ),
                );
            } else if outcome.confidence == Confidence::Low {
                report.error(guide, field, format!("{example:?} matches this guide's pattern {:?} and an equally specific pattern of another guide; add a longer pattern or an exclude", winner.text));
            }
        }
    }
}

fn check_engine_gotchas(report: &mut Report, guides: &[Guide], engine_gotchas: &[(&str, &str)]) {
    for (guide_id, gotcha_id) in engine_gotchas {
        match guides.iter().find(|guide| guide.id == *guide_id) {
            None => report.problems.push(Problem {
                level: Level::Error,
                file: format!("guides/{guide_id}.toml"),
                field: "id".to_owned(),
                message: format!("the engine cites gotcha {gotcha_id:?} of this guide, but the guide does not exist"),
            }),
            Some(guide) if guide.gotcha(gotcha_id).is_none() => {
                report.error(guide, "gotchas", format!("the engine cites gotcha {gotcha_id:?}, which this guide does not have; add it or update ENGINE_GOTCHAS"));
            }
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Billing, Category, Channel, Descriptors, Gotcha, Severity, Source, Step};

    const STEP: Step = Step {
        title: "Cancel",
        text: "Click cancel.",
        url: Some("https://example.com/cancel"),
        src: &[],
    };

    const HELP: &[Source] = &[url("https://example.com/help")];

    /// A legacy source: only a url.
    const fn url(url: &'static str) -> Source {
        Source {
            id: "",
            url,
            title: "",
            read: "",
            owner: None,
        }
    }
    const GOTCHA: Gotcha = Gotcha {
        id: "keys",
        severity: Severity::Critical,
        title: "Keys",
        text: "Delete them.",
        step: Some(1),
        explains_charges: true,
        src: &[],
    };

    const fn guide(
        id: &'static str,
        name: &'static str,
        patterns: &'static [&'static str],
        examples: &'static [&'static str],
    ) -> Guide {
        Guide {
            id,
            name,
            aliases: &[],
            category: Category::Other,
            summary: "A subscription.",
            billing: Billing::Prepaid,
            cadences: &[crate::Cadence::Monthly],
            billed_via: &[Channel::Direct],
            last_reviewed: "2026-11-01",
            descriptors: Descriptors {
                match_patterns: patterns,
                exclude: &[],
                examples,
                evidence: &[],
            },
            before_you_start: &[],
            steps: &[STEP],
            gotchas: &[GOTCHA],
            data: "Kept for 30 days.",
            refunds: "None.",
            alternatives: &[],
            faq: &[],
            related: &[],
            sources: HELP,
            data_src: &[],
            refunds_src: &[],
            legacy: true,
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default()
    }

    fn errors(guides: &[Guide]) -> Vec<String> {
        validate(guides, &[], today())
            .into_iter()
            .filter(|problem| problem.level == Level::Error)
            .map(|problem| format!("{} {}", problem.file, problem.field))
            .collect()
    }

    #[test]
    fn good_guides_pass() {
        let guides = [
            guide("api", "API", &["OPENAI"], &["OPENAI *API"]),
            guide(
                "chat",
                "Chat",
                &["OPENAI CHATGPT"],
                &["OPENAI *CHATGPT SUBSCR"],
            ),
        ];
        assert_eq!(errors(&guides), Vec::<String>::new());
    }

    #[test]
    fn overlapping_patterns_without_a_rule_fail() {
        // api's longer pattern takes chat's example: chat needs a longer pattern or api an exclude.
        let guides = [
            guide("api", "API", &["OPENAI API"], &["OPENAI API"]),
            guide(
                "chat",
                "Chat",
                &["CHATGPT", "OPENAI"],
                &["OPENAI API CHATGPT", "OPENAI"],
            ),
        ];
        assert_eq!(
            errors(&guides),
            ["guides/chat.toml descriptors.examples[0]"]
        );
        // Equally specific patterns of two vendors in one example: nothing separates them.
        let guides = [
            guide("a", "A", &["ABCD"], &["ABCD"]),
            guide("b", "B", &["WXYZ"], &["ABCD WXYZ"]),
        ];
        assert_eq!(errors(&guides), ["guides/b.toml descriptors.examples[0]"]);
        // A shared pattern.
        let guides = [
            guide("a", "A", &["ACME"], &["ACME"]),
            guide("b", "B", &["ACME"], &["ACME 1"]),
        ];
        let found = errors(&guides);
        assert!(
            found.contains(&"guides/b.toml descriptors.match".to_owned()),
            "{found:?}"
        );
    }

    #[test]
    fn examples_must_match_their_guide() {
        let guides = [guide("a", "A", &["ACME"], &["ACME", "ACMEX"])];
        assert_eq!(errors(&guides), ["guides/a.toml descriptors.examples[1]"]);
    }

    #[test]
    fn store_descriptors_belong_to_the_store() {
        let guides = [
            guide("apple", "Apple", &["APPLE.COM/BILL"], &["APPLE.COM/BILL"]),
            guide(
                "netflix",
                "Netflix",
                &["NETFLIX"],
                &["NETFLIX.COM", "APPLE.COM/BILL"],
            ),
        ];
        let problems = validate(&guides, &[], today());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].message.contains("store descriptors belong"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn a_source_keeps_the_http_address_it_was_read_at_but_a_step_link_is_https() {
        assert!(is_source_url(
            "http://kb.mailchimp.com/accounts/management/close-an-account"
        ));
        assert!(is_source_url("https://mailchimp.com/help/"));
        assert!(!is_source_url("ftp://example.com"));
        assert!(!is_source_url("http://localhost/x"));
        assert!(!is_source_url("http://exa mple.com"));
        assert!(!is_https_url("http://kb.mailchimp.com/x"));
        assert_eq!(site("http://kb.mailchimp.com/x"), Some("mailchimp.com"));
    }

    #[test]
    fn missing_fields_bad_urls_and_unknown_related_fail() {
        let mut bad = guide("bad", "", &[], &[]);
        const BAD: &[Source] = &[
            url("ftp://example.com"),
            url("https://"),
            url("https://exa mple.com/x"),
        ];
        bad.sources = BAD;
        bad.related = &["nope", "bad"];
        bad.steps = &[Step {
            title: "",
            text: "x",
            url: Some("ftp://example.com"),
            src: &[],
        }];
        bad.gotchas = &[];
        bad.data = " ";
        bad.last_reviewed = "2025-1-1";
        assert_eq!(
            errors(&[bad]),
            [
                "guides/bad.toml name",
                "guides/bad.toml last_reviewed",
                "guides/bad.toml descriptors.match",
                "guides/bad.toml steps[0].title",
                "guides/bad.toml gotchas",
                "guides/bad.toml data.text",
                "guides/bad.toml steps[0].url",
                "guides/bad.toml sources[0]",
                "guides/bad.toml sources[1]",
                "guides/bad.toml sources[2]",
                "guides/bad.toml related[0]",
                "guides/bad.toml related[1]",
            ]
        );
    }

    #[test]
    fn duplicate_names_and_aliases_fail() {
        let mut first = guide("disney-plus", "Disney+", &["DISNEY PLUS"], &[]);
        first.aliases = &["Disney Plus"];
        let mut second = guide("hulu", "Hulu", &["HULU"], &[]);
        second.aliases = &[
            "disney plus",
            "hulu",
            "Hulu Live",
            "Hulu Live+",
            "HULU LIVE",
        ];
        assert_eq!(
            errors(&[first, second]),
            [
                "guides/hulu.toml aliases[1]",
                "guides/hulu.toml aliases[4]",
                "guides/hulu.toml aliases[0]"
            ]
        );
    }

    #[test]
    fn review_dates_warn_then_fail() {
        let mut old = guide("a", "A", &["ACME"], &[]);
        old.last_reviewed = "2026-08-01";
        let problems = validate(&[old.clone()], &[], today());
        assert_eq!(
            problems
                .iter()
                .map(|problem| problem.level)
                .collect::<Vec<_>>(),
            [Level::Warning]
        );
        old.last_reviewed = "2025-11-24";
        assert_eq!(errors(&[old.clone()]), ["guides/a.toml last_reviewed"]);
        old.last_reviewed = "2026-12-01";
        assert_eq!(errors(&[old]), ["guides/a.toml last_reviewed"]);
    }

    #[test]
    fn engine_gotchas_must_exist() {
        let guides = [guide("a", "A", &["ACME"], &[])];
        let problems = validate(
            &guides,
            &[("a", "keys"), ("a", "nope"), ("zzz", "keys")],
            today(),
        );
        let fields: Vec<String> = problems
            .iter()
            .map(|problem| format!("{} {}", problem.file, problem.field))
            .collect();
        assert_eq!(fields, ["guides/a.toml gotchas", "guides/zzz.toml id"]);
    }

    #[test]
    fn markup_is_rejected() {
        let mut marked = guide("a", "A", &["ACME"], &[]);
        marked.summary = "See <a href=x>here</a>.";
        assert_eq!(errors(&[marked]), ["guides/a.toml summary"]);
    }

    const VENDOR: Source = Source {
        id: "help",
        url: "https://example.com/help",
        title: "Cancel your plan",
        read: "2026-11-01",
        owner: Some(Owner::Vendor),
    };
    const BLOG: Source = Source {
        id: "blog",
        url: "https://blog.example.org/acme",
        title: "How to cancel Acme (a blog)",
        read: "2026-11-01",
        owner: Some(Owner::ThirdParty),
    };
    const SOURCES: &[Source] = &[VENDOR, BLOG];
    const CITED_STEP: &[Step] = &[Step {
        src: &["help"],
        ..STEP
    }];
    const CITED_GOTCHA: &[Gotcha] = &[Gotcha {
        src: &["blog"],
        ..GOTCHA
    }];
    const EVIDENCE: &[crate::Evidence] = &[crate::Evidence {
        pattern: "ACME",
        example: "ACME*PLAN",
        grade: Grade::Real,
        src: &["blog"],
    }];

    /// A guide in the new form that passes every rule.
    fn sourced() -> Guide {
        let mut guide = guide("acme", "Acme", &["ACME"], &["ACME*PLAN"]);
        guide.legacy = false;
        guide.sources = SOURCES;
        guide.steps = CITED_STEP;
        guide.gotchas = CITED_GOTCHA;
        guide.data_src = &["help"];
        guide.refunds_src = &["help", "blog"];
        guide.descriptors.evidence = EVIDENCE;
        guide
    }

    #[test]
    fn a_sourced_guide_passes_and_counts_its_claims() {
        let guide = sourced();
        assert_eq!(errors(std::slice::from_ref(&guide)), Vec::<String>::new());
        assert_eq!(
            coverage(&guide),
            Coverage {
                claims: 4,
                vendor_backed: 3,
                third_party_only: 1,
                unsourced: 0
            }
        );
        assert!(guide.third_party_only(&["blog"]));
        assert!(!guide.third_party_only(&["blog", "help"]));
        assert!(!guide.third_party_only(&["nope"]));
    }

    #[test]
    fn every_claim_cites_existing_sources_and_every_source_is_cited() {
        let mut guide = sourced();
        guide.data_src = &[];
        guide.refunds_src = &["help", "nope", "help"];
        // "blog" is still cited by the gotcha and the evidence; drop both so it is unused.
        guide.gotchas = &[GOTCHA];
        const HELP_EVIDENCE: &[crate::Evidence] = &[crate::Evidence {
            src: &["help"],
            ..EVIDENCE[0]
        }];
        guide.descriptors.evidence = HELP_EVIDENCE;
        assert_eq!(
            errors(&[guide]),
            [
                "guides/acme.toml gotchas[0].src",
                "guides/acme.toml data.src",
                "guides/acme.toml refunds.src[1]",
                "guides/acme.toml refunds.src[2]",
                "guides/acme.toml sources[1]",
            ]
        );
    }

    #[test]
    fn sources_need_ids_titles_and_read_dates_within_the_review() {
        const BAD: &[Source] = &[
            Source {
                id: "Help Page",
                title: "https://example.com/help",
                read: "2026-11-02",
                ..VENDOR
            },
            Source {
                read: "2026-13-01",
                ..BLOG
            },
            Source {
                id: "blog",
                url: "https://example.com/help",
                title: " ",
                ..BLOG
            },
        ];
        let mut guide = sourced();
        guide.sources = BAD;
        guide.steps = &[Step {
            src: &["Help Page"],
            ..STEP
        }];
        guide.data_src = &["blog"];
        guide.refunds_src = &["blog"];
        assert_eq!(
            errors(&[guide]),
            [
                "guides/acme.toml sources[0].id",
                "guides/acme.toml sources[0].title",
                "guides/acme.toml sources[0].read",
                "guides/acme.toml sources[1].read",
                "guides/acme.toml sources[2].id",
                "guides/acme.toml sources[2].url",
                "guides/acme.toml sources[2].title",
            ]
        );
        // A review dated after every read needs a page read that day.
        let mut late = sourced();
        late.last_reviewed = "2026-11-20";
        assert_eq!(errors(&[late]), ["guides/acme.toml last_reviewed"]);
    }

    #[test]
    fn every_pattern_has_evidence_that_holds() {
        let mut guide = guide(
            "acme",
            "Acme",
            &["ACME", "ACME PLUS"],
            &["ACME*PLAN", "ACME PLUS"],
        );
        guide.legacy = false;
        guide.sources = SOURCES;
        guide.steps = CITED_STEP;
        guide.gotchas = CITED_GOTCHA;
        guide.data_src = &["help"];
        guide.refunds_src = &["help"];
        const WRONG: &[crate::Evidence] = &[
            // Not a pattern of the guide.
            crate::Evidence {
                pattern: "ACM",
                ..EVIDENCE[0]
            },
            // The example is not listed, then one the pattern does not match.
            crate::Evidence {
                example: "ACME 2",
                ..EVIDENCE[0]
            },
            crate::Evidence {
                pattern: "ACME PLUS",
                example: "ACME*PLAN",
                grade: Grade::Official,
                src: &["blog"],
            },
        ];
        guide.descriptors.evidence = WRONG;
        assert_eq!(
            errors(std::slice::from_ref(&guide)),
            [
                "guides/acme.toml descriptors.evidence[0].pattern",
                "guides/acme.toml descriptors.evidence[0].example",
                "guides/acme.toml descriptors.evidence[1].example",
                "guides/acme.toml descriptors.evidence[2].example",
                "guides/acme.toml descriptors.evidence[2].grade",
            ]
        );
        const MISSING: &[crate::Evidence] = &[
            crate::Evidence {
                src: &[],
                ..EVIDENCE[0]
            },
            crate::Evidence {
                src: &[],
                ..EVIDENCE[0]
            },
        ];
        guide.descriptors.evidence = MISSING;
        assert_eq!(
            errors(std::slice::from_ref(&guide)),
            [
                "guides/acme.toml descriptors.evidence[0].src",
                "guides/acme.toml descriptors.evidence[1].pattern",
                "guides/acme.toml descriptors.evidence[1].src",
                "guides/acme.toml descriptors.match[1]",
            ]
        );
        const GUESSED: &[crate::Evidence] = &[
            crate::Evidence {
                grade: Grade::Guess,
                src: &[],
                ..EVIDENCE[0]
            },
            crate::Evidence {
                pattern: "ACME PLUS",
                example: "ACME PLUS",
                grade: Grade::Official,
                src: &["help", "blog"],
            },
        ];
        guide.descriptors.evidence = GUESSED;
        assert_eq!(errors(std::slice::from_ref(&guide)), Vec::<String>::new());
        assert_eq!(guesses(&[guide]), [("acme", "ACME")]);
    }

    #[test]
    fn sites_are_the_registrable_part_of_the_host() {
        assert_eq!(
            site("https://help.netflix.com/en/node/407"),
            Some("netflix.com")
        );
        assert_eq!(site("https://www.bbc.co.uk/iplayer"), Some("bbc.co.uk"));
        assert_eq!(site("https://example.com"), Some("example.com"));
        assert_eq!(site("https://localhost/x"), None);
        let mut guide = sourced();
        const ELSEWHERE: &[Source] = &[
            Source {
                url: "https://help.example.net/cancel",
                ..VENDOR
            },
            BLOG,
        ];
        guide.sources = ELSEWHERE;
        let problems = validate(&[guide], &[], today());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].level, Level::Warning);
        assert_eq!(problems[0].field, "sources[0].owner");
    }

    #[test]
    fn a_legacy_guide_cites_nothing() {
        let mut legacy = guide("a", "A", &["ACME"], &["ACME"]);
        legacy.refunds_src = &["help"];
        legacy.descriptors.evidence = EVIDENCE;
        assert_eq!(
            errors(&[legacy]),
            [
                "guides/a.toml refunds.src",
                "guides/a.toml descriptors.evidence"
            ]
        );
    }

    #[test]
    fn https_urls() {
        assert!(is_https_url(
            "https://platform.openai.com/settings/organization/limits"
        ));
        assert!(is_https_url("https://help.openai.com/en/articles/1?x=1#y"));
        for bad in [
            "http://openai.com",
            "https://",
            "https:///x",
            "https://localhost/x",
            "https://a..b/",
            "https://user@host.com/",
            "javascript:alert(1)",
            "https://a.com/ x",
        ] {
            assert!(!is_https_url(bad), "{bad}");
        }
    }
}

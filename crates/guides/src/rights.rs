//! Statutory rights by region (`guides/rights/*.toml`, see `guides/rights/README.md`): what the
//! law gives a person who wants out of a subscription or was charged after cancelling, each point
//! tied to its sources. Compiled in by build.rs (`build_rights.rs`); no text is parsed here.
//!
//! Only native code reads this (the CLI, and the test that writes `web/rights-data.js` for the
//! page); the wasm never calls it, so none of it is in the checker's first load.
//!
//! ```
//! let uk = guides::rights::for_currency("GBP").expect("GBP statements are UK ones");
//! assert_eq!(uk.id, "uk");
//! for topic in uk.topics {
//!     for point in topic.points {
//!         assert!(!point.src.is_empty());
//!         let _official = uk.confirmed(point);
//!     }
//! }
//! ```

use crate::validate::{is_https_url, Level, Problem};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeSet;

mod generated {
    use super::{Claim, Owner, Region, Source, Topic};
    include!(concat!(env!("OUT_DIR"), "/rights_data.rs"));
}

/// `last_reviewed` older than this many days is an error (the law moves; so do its dates).
pub const REVIEW_ERROR_DAYS: i64 = 365;

/// The rights for one region.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Region {
    /// The file name without `.toml` (`eu`, `uk`, `us`).
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// One or two sentences introducing the region's rights; says it is not legal advice.
    pub summary: &'static str,
    /// ISO 4217 codes whose statements default to this region.
    pub currencies: &'static [&'static str],
    /// When the sources were last read, as `YYYY-MM-DD`.
    pub last_reviewed: &'static str,
    /// The topics, in display order.
    pub topics: &'static [Topic],
    /// Every source cited by a point or need.
    pub sources: &'static [Source],
}

/// One right or route (the withdrawal period, chargeback...).
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Topic {
    /// Kebab-case id, unique within the region.
    pub id: &'static str,
    /// Short title.
    pub title: &'static str,
    /// What the law or scheme says, each with its sources.
    pub points: &'static [Claim],
    /// What to have ready; practical advice, so sources are optional.
    pub needs: &'static [Claim],
}

/// One statement and the ids of the sources it rests on.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Claim {
    /// Plain text.
    pub text: &'static str,
    /// Ids of the region's sources.
    pub src: &'static [&'static str],
}

/// A page a claim rests on.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Source {
    /// Kebab-case id, unique within the region.
    pub id: &'static str,
    /// The page (https).
    pub url: &'static str,
    /// The page's title, with its publisher.
    pub title: &'static str,
    /// The day its stored copy was read, `YYYY-MM-DD`.
    pub read: &'static str,
    /// Who wrote it.
    pub owner: Owner,
}

/// Who wrote a source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Owner {
    /// The legal text itself, on an official site.
    Law,
    /// A government, regulator or official consumer body explaining it.
    Regulator,
    /// Anyone else: law firms, banks, blogs, mirrors of legal text.
    ThirdParty,
}

impl Owner {
    /// Whether the source is first-hand (the law or a public body).
    pub fn is_official(self) -> bool {
        matches!(self, Owner::Law | Owner::Regulator)
    }
}

impl Region {
    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&'static Source> {
        self.sources.iter().find(|source| source.id == id)
    }

    /// Whether at least one of the claim's sources is the law or a public body; a claim
    /// resting only on third parties is shown as "not confirmed on an official page".
    pub fn confirmed(&self, claim: &Claim) -> bool {
        claim.src.iter().any(|id| {
            self.source(id)
                .is_some_and(|source| source.owner.is_official())
        })
    }

    /// The file the region was compiled from, for messages.
    pub fn file(&self) -> String {
        format!("guides/rights/{}.toml", self.id)
    }
}

/// Every compiled-in region, sorted by id.
pub fn all() -> &'static [Region] {
    generated::REGIONS
}

/// The region with this id.
pub fn get(id: &str) -> Option<&'static Region> {
    all().iter().find(|region| region.id == id)
}

/// The region a statement in this currency (ISO 4217, any case) defaults to.
pub fn for_currency(currency: &str) -> Option<&'static Region> {
    let currency = currency.trim().to_ascii_uppercase();
    all()
        .iter()
        .find(|region| region.currencies.iter().any(|code| *code == currency))
}

/// Checks the rules of `guides/rights/README.md` over `regions`; `today` judges
/// `last_reviewed`. Pure: no clock, no files.
pub fn validate(regions: &[Region], today: NaiveDate) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut error = |region: &Region, field: String, message: String| {
        problems.push(Problem {
            level: Level::Error,
            file: region.file(),
            field,
            message,
        });
    };
    let mut currencies: Vec<(&str, &str)> = Vec::new();
    for region in regions {
        if !is_kebab(region.id) {
            error(
                region,
                "(file name)".into(),
                "must be lowercase-kebab".into(),
            );
        }
        for (field, text) in [("name", region.name), ("summary", region.summary)] {
            if let Some(message) = text_problem(text) {
                error(region, field.into(), message);
            }
        }
        if !region.summary.to_lowercase().contains("not legal advice") {
            error(
                region,
                "summary".into(),
                "must say that it is not legal advice".into(),
            );
        }
        let reviewed = parse_date(region.last_reviewed);
        match reviewed {
            None => error(
                region,
                "last_reviewed".into(),
                format!(
                    "{:?} is not a date written YYYY-MM-DD",
                    region.last_reviewed
                ),
            ),
            Some(date) if date > today => error(
                region,
                "last_reviewed".into(),
                format!("{date} is after today ({today})"),
            ),
            Some(date) if (today - date).num_days() > REVIEW_ERROR_DAYS => error(
                region,
                "last_reviewed".into(),
                format!("{date} is more than {REVIEW_ERROR_DAYS} days ago; read the sources again"),
            ),
            Some(_) => {}
        }
        if region.currencies.is_empty() {
            error(
                region,
                "currencies".into(),
                "is empty; name the ISO 4217 codes of this region's statements".into(),
            );
        }
        for (index, code) in region.currencies.iter().enumerate() {
            if code.len() != 3 || !code.bytes().all(|byte| byte.is_ascii_uppercase()) {
                error(
                    region,
                    format!("currencies[{index}]"),
                    format!("{code:?} is not an upper-case ISO 4217 code"),
                );
            } else if let Some((_, other)) = currencies.iter().find(|(seen, _)| seen == code) {
                error(
                    region,
                    format!("currencies[{index}]"),
                    format!("{code} already belongs to region {other}; a currency has one region"),
                );
            } else {
                currencies.push((code, region.id));
            }
        }
        if region.topics.is_empty() {
            error(region, "topics".into(), "is empty".into());
        }

        let mut ids = BTreeSet::new();
        for (index, source) in region.sources.iter().enumerate() {
            let field = |name: &str| format!("sources[{index}].{name}");
            if !is_kebab(source.id) {
                error(
                    region,
                    field("id"),
                    format!("{:?} is not kebab-case", source.id),
                );
            } else if !ids.insert(source.id) {
                error(
                    region,
                    field("id"),
                    format!("{:?} is used twice", source.id),
                );
            }
            if !is_https_url(source.url) {
                error(
                    region,
                    field("url"),
                    format!("{:?} is not an https URL", source.url),
                );
            }
            if let Some(message) = text_problem(source.title) {
                error(region, field("title"), message);
            }
            match parse_date(source.read) {
                None => error(
                    region,
                    field("read"),
                    format!("{:?} is not a date written YYYY-MM-DD", source.read),
                ),
                Some(read) if reviewed.is_some_and(|reviewed| read > reviewed) => error(
                    region,
                    field("read"),
                    format!(
                        "{read} is after last_reviewed ({}); move last_reviewed",
                        region.last_reviewed
                    ),
                ),
                Some(_) => {}
            }
        }
        let urls: BTreeSet<&str> = region.sources.iter().map(|source| source.url).collect();
        if urls.len() != region.sources.len() {
            error(
                region,
                "sources".into(),
                "two sources have the same url; cite one source twice instead".into(),
            );
        }

        let mut used = BTreeSet::new();
        let mut topic_ids = BTreeSet::new();
        for (topic_index, topic) in region.topics.iter().enumerate() {
            let at = format!("topics[{topic_index}]");
            if !is_kebab(topic.id) {
                error(
                    region,
                    format!("{at}.id"),
                    format!("{:?} is not kebab-case", topic.id),
                );
            } else if !topic_ids.insert(topic.id) {
                error(
                    region,
                    format!("{at}.id"),
                    format!("{:?} is used twice", topic.id),
                );
            }
            if let Some(message) = text_problem(topic.title) {
                error(region, format!("{at}.title"), message);
            }
            if topic.points.is_empty() {
                error(region, format!("{at}.points"), "is empty".into());
            }
            for (list, claims, sourced) in [
                ("points", topic.points, true),
                ("needs", topic.needs, false),
            ] {
                for (index, claim) in claims.iter().enumerate() {
                    let field = format!("{at}.{list}[{index}]");
                    if let Some(message) = text_problem(claim.text) {
                        error(region, format!("{field}.text"), message);
                    }
                    if sourced && claim.src.is_empty() {
                        error(
                            region,
                            format!("{field}.src"),
                            "is empty; name the source(s) this point rests on".into(),
                        );
                    }
                    for id in claim.src {
                        if region.source(id).is_none() {
                            error(
                                region,
                                format!("{field}.src"),
                                format!("{id:?} is not the id of any [[sources]] entry"),
                            );
                        }
                        used.insert(*id);
                    }
                }
            }
        }
        for (index, source) in region.sources.iter().enumerate() {
            if !used.contains(source.id) {
                error(
                    region,
                    format!("sources[{index}].id"),
                    format!(
                        "{:?} is cited by no point or need; cite it or remove it",
                        source.id
                    ),
                );
            }
        }
    }
    problems
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    if text.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
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

/// Empty text, markup, or a line break (the page renders one paragraph per claim).
fn text_problem(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return Some("is missing or empty".into());
    }
    if text != text.trim() || text.contains('\n') {
        return Some("has leading or trailing space or a line break; write one plain line".into());
    }
    for markup in ["<", ">", "**", "](", "&amp;", "&lt;", "&#"] {
        if text.contains(markup) {
            return Some(format!(
                "contains {markup:?}; write plain text, never html or markdown"
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 3).unwrap_or_default()
    }

    static SOURCES: &[Source] = &[
        Source {
            id: "law",
            url: "https://example.org/law",
            title: "The Law",
            read: "2026-12-01",
            owner: Owner::Law,
        },
        Source {
            id: "blog",
            url: "https://example.org/blog",
            title: "A blog",
            read: "2026-12-01",
            owner: Owner::ThirdParty,
        },
    ];

    static TOPICS: &[Topic] = &[Topic {
        id: "t",
        title: "T",
        points: &[
            Claim {
                text: "Official.",
                src: &["law", "blog"],
            },
            Claim {
                text: "Hearsay.",
                src: &["blog"],
            },
        ],
        needs: &[Claim {
            text: "A date.",
            src: &[],
        }],
    }];

    fn region() -> Region {
        Region {
            id: "xx",
            name: "X",
            summary: "Rights in X. Not legal advice.",
            currencies: &["XXX"],
            last_reviewed: "2026-12-02",
            topics: TOPICS,
            sources: SOURCES,
        }
    }

    fn messages(regions: &[Region]) -> Vec<String> {
        validate(regions, today())
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_good_region_passes_and_confirmation_is_computed() {
        let region = region();
        assert_eq!(messages(&[region]), Vec::<String>::new());
        assert!(region.confirmed(&TOPICS[0].points[0]));
        assert!(!region.confirmed(&TOPICS[0].points[1]));
    }

    #[test]
    fn each_broken_rule_is_named() {
        static BAD_TOPICS: &[Topic] = &[Topic {
            id: "Bad Id",
            title: "<b>T</b>",
            points: &[
                Claim {
                    text: "No source.",
                    src: &[],
                },
                Claim {
                    text: "Unknown source.",
                    src: &["nope"],
                },
            ],
            needs: &[],
        }];
        static BAD_SOURCES: &[Source] = &[Source {
            id: "unused",
            url: "http://example.org/x",
            title: "",
            read: "2026-12-09",
            owner: Owner::Regulator,
        }];
        let bad = Region {
            id: "yy",
            name: "Y",
            summary: "Rights in Y.",
            currencies: &["XXX", "eu"],
            last_reviewed: "2026-12-05",
            topics: BAD_TOPICS,
            sources: BAD_SOURCES,
        };
        let all = messages(&[region(), bad]).join("\n");
        for expected in [
            "field `summary`: must say that it is not legal advice",
            "field `last_reviewed`: 2026-12-05 is after today",
            "field `currencies[0]`: XXX already belongs to region xx",
            "field `currencies[1]`: \"eu\" is not an upper-case ISO 4217 code",
            "field `topics[0].id`: \"Bad Id\" is not kebab-case",
            "field `topics[0].title`: contains \"<\"",
            "field `topics[0].points[0].src`: is empty",
            "field `topics[0].points[1].src`: \"nope\" is not the id",
            "field `sources[0].url`: \"http://example.org/x\" is not an https URL",
            "field `sources[0].title`: is missing or empty",
            "field `sources[0].read`: 2026-12-09 is after last_reviewed",
            "field `sources[0].id`: \"unused\" is cited by no point or need",
        ] {
            assert!(all.contains(expected), "missing {expected:?} in:\n{all}");
        }
        assert!(all
            .lines()
            .all(|line| line.contains("guides/rights/yy.toml")));
    }

    #[test]
    fn old_reviews_fail() {
        let mut old = region();
        old.last_reviewed = "2025-11-01";
        let all = messages(&[old]).join("\n");
        assert!(all.contains("more than 365 days ago"), "{all}");
    }

    #[test]
    fn currencies_find_their_region() {
        assert_eq!(for_currency("eur").map(|region| region.id), Some("eu"));
        assert_eq!(for_currency(" SEK ").map(|region| region.id), Some("eu"));
        assert_eq!(for_currency("USD").map(|region| region.id), Some("us"));
        assert_eq!(for_currency("GBP").map(|region| region.id), Some("uk"));
        assert!(for_currency("CHF").is_none());
        assert!(for_currency("").is_none());
        assert_eq!(get("uk").map(|region| region.name), Some("United Kingdom"));
        assert!(get("xx").is_none());
    }
}

//! Cancellation guides, compiled in from `guides/*.toml` at build time (see `guides/README.md`).
//!
//! **Architecture Invariant:** no text is parsed at run time. `build.rs` turns every guide file
//! into static data: one string holding all the text, the byte length of every piece, and the
//! counts and enum codes of every list, including the descriptor patterns already split into
//! words and sorted. On first use the library cuts that string into `&'static str` pieces (no
//! splitting or searching, just the recorded lengths); see `src/data.rs` for why this form
//! rather than static `&str` tables.
//!
//! ```
//! let guide = guides::get("openai-api").expect("the openai-api guide is compiled in");
//! assert_eq!(guide.billing, guides::Billing::Usage);
//! let found = guides::match_descriptor("OPENAI *API").expect("an OpenAI descriptor");
//! assert_eq!(found.guide.id, "openai-api");
//! for guide in guides::all() {
//!     assert_eq!(guides::get(guide.id).map(|found| found.name), Some(guide.name));
//! }
//! if let Some(found) = guides::match_descriptor("NETFLIX.COM 866-579-7172 CA") {
//!     println!("{} (pattern {:?}, {:?})", found.guide.name, found.pattern, found.confidence);
//! }
//! ```
#![deny(missing_docs)]

mod data;
mod matching;
// Statutory rights by region: native-only text like the bodies, and it uses `validate`.
#[cfg(feature = "bodies")]
pub mod rights;
mod search;
#[cfg(feature = "bodies")]
pub mod validate;
mod words;

pub use matching::{match_descriptor, Confidence, DescriptorMatch};
pub use search::search;
pub use words::words;

use serde::Serialize;

/// Gotchas the engine cites by id when it explains a charge after a cancellation, as
/// `(guide id, gotcha id)`. The validation test fails when one of them does not exist.
pub const ENGINE_GOTCHAS: &[(&str, &str)] = &[
    ("openai-api", "legacy-user-keys"),
    ("openai-api", "other-members-keys"),
    ("openai-api", "third-party-apps"),
    ("openai-api", "final-invoice"),
    ("openai-api", "past-due-invoice"),
    ("openai-api", "chatgpt-separate"),
];

/// Guides whose descriptors are a store's own (`APPLE.COM/BILL`), with the channel they stand
/// for: a charge matched to one of them is "billed via" that store, not from a known vendor.
pub const STORE_GUIDES: &[(&str, Channel)] = &[
    ("apple", Channel::Apple),
    ("google-play", Channel::GooglePlay),
];

/// One vendor's cancellation guide.
#[derive(Clone, Debug, Serialize)]
pub struct Guide {
    /// The id: the file name without `.toml` (lowercase-kebab, fixed once published).
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Other names people search for; unique across guides.
    pub aliases: &'static [&'static str],
    /// Where the guide is listed.
    pub category: Category,
    /// One or two sentences: what the subscription is and what cancelling involves.
    pub summary: &'static str,
    /// How the vendor bills.
    pub billing: Billing,
    /// The billing periods the vendor offers.
    pub cadences: &'static [Cadence],
    /// Who charges the card: the vendor itself or a store.
    pub billed_via: &'static [Channel],
    /// When the guide was last checked against the vendor's help pages, as `YYYY-MM-DD`.
    pub last_reviewed: &'static str,
    /// How the vendor appears on a bank statement.
    pub descriptors: Descriptors,
    #[cfg(feature = "bodies")]
    /// Things to do or note before cancelling.
    pub before_you_start: &'static [&'static str],
    /// The cancellation steps, in order.
    pub steps: &'static [Step],
    /// What goes wrong, and how to avoid it.
    pub gotchas: &'static [Gotcha],
    #[cfg(feature = "bodies")]
    /// What happens to data, files and history after cancelling.
    pub data: &'static str,
    #[cfg(feature = "bodies")]
    /// The refund policy in plain words.
    pub refunds: &'static str,
    #[cfg(feature = "bodies")]
    /// Lower-friction options than cancelling outright.
    pub alternatives: &'static [Alternative],
    #[cfg(feature = "bodies")]
    /// Questions and answers.
    pub faq: &'static [Faq],
    #[cfg(feature = "bodies")]
    /// Ids of related guides.
    pub related: &'static [&'static str],
    #[cfg(feature = "bodies")]
    /// The pages the facts come from. In a legacy guide (see [`Guide::legacy`]) only `url` is
    /// set.
    pub sources: &'static [Source],
    #[cfg(feature = "bodies")]
    /// Ids of the sources the `data` text rests on.
    pub data_src: &'static [&'static str],
    #[cfg(feature = "bodies")]
    /// Ids of the sources the `refunds` text rests on.
    pub refunds_src: &'static [&'static str],
    /// Whether the file is still in the legacy form: `sources` a list of URLs and no `src` on
    /// the claims. Such guides build during the migration; see `guides/README.md`.
    pub legacy: bool,
}

impl Guide {
    /// The gotcha with this id.
    pub fn gotcha(&self, id: &str) -> Option<&'static Gotcha> {
        self.gotchas.iter().find(|gotcha| gotcha.id == id)
    }

    /// The store this guide stands for, when it is a store's guide (`apple`, `google-play`).
    pub fn store(&self) -> Option<Channel> {
        STORE_GUIDES
            .iter()
            .find(|(id, _)| *id == self.id)
            .map(|(_, channel)| *channel)
    }

    #[cfg(feature = "bodies")]
    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&'static Source> {
        self.sources.iter().find(|source| source.id == id)
    }

    #[cfg(feature = "bodies")]
    /// Every claim of the guide, in page order: each step, gotcha, the data and refunds texts
    /// and each FAQ answer, with the field that holds its `src` and the ids it cites.
    pub fn claims(&self) -> Vec<Claim> {
        let mut claims = Vec::new();
        for (index, step) in self.steps.iter().enumerate() {
            claims.push(Claim {
                field: format!("steps[{index}]"),
                src: step.src,
            });
        }
        for (index, gotcha) in self.gotchas.iter().enumerate() {
            claims.push(Claim {
                field: format!("gotchas[{index}]"),
                src: gotcha.src,
            });
        }
        claims.push(Claim {
            field: "data".to_owned(),
            src: self.data_src,
        });
        claims.push(Claim {
            field: "refunds".to_owned(),
            src: self.refunds_src,
        });
        for (index, faq) in self.faq.iter().enumerate() {
            claims.push(Claim {
                field: format!("faq[{index}]"),
                src: faq.src,
            });
        }
        claims
    }

    #[cfg(feature = "bodies")]
    /// Whether the claim citing `src` rests only on third-party pages (so the page marks it
    /// "not confirmed on the vendor's own help pages"). False when it cites nothing known.
    pub fn third_party_only(&self, src: &[&str]) -> bool {
        let owners: Vec<Option<Owner>> = src
            .iter()
            .filter_map(|id| self.source(id))
            .map(|source| source.owner)
            .collect();
        !owners.is_empty() && owners.iter().all(|owner| *owner == Some(Owner::ThirdParty))
    }

    /// The file the guide was compiled from, for messages.
    pub fn file(&self) -> String {
        format!("guides/{}.toml", self.id)
    }
}

/// How a vendor appears on a bank statement (see "Descriptor patterns" in `guides/README.md`).
#[derive(Clone, Debug, Serialize)]
pub struct Descriptors {
    /// Patterns that identify the vendor (`match` in the TOML).
    pub match_patterns: &'static [&'static str],
    /// Patterns that rule the vendor out.
    pub exclude: &'static [&'static str],
    #[cfg(feature = "bodies")]
    /// Real descriptors; each must match this guide.
    pub examples: &'static [&'static str],
    #[cfg(feature = "bodies")]
    /// Why each match pattern is believed: one entry per pattern (`[[descriptors.evidence]]`).
    pub evidence: &'static [Evidence],
}

/// Why a descriptor pattern is believed to be this vendor's.
#[derive(Clone, Debug, Serialize)]
pub struct Evidence {
    /// One of `Descriptors::match_patterns`.
    pub pattern: &'static str,
    /// One of `Descriptors::examples`, matched by `pattern`.
    pub example: &'static str,
    /// How strong the evidence is.
    pub grade: Grade,
    /// Ids of the sources that show it (required unless the grade is `guess`).
    pub src: &'static [&'static str],
}

/// How strong the evidence for a descriptor pattern is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Grade {
    /// Seen on real statements in public sources.
    Real,
    /// The vendor says so.
    Official,
    /// Nobody has been seen with it on a statement: our inference.
    Guess,
}

/// A page a guide's facts rest on (`[[sources]]`).
#[derive(Clone, Debug, Serialize)]
pub struct Source {
    /// Kebab-case id, unique within the guide; claims cite it in `src`. Empty in legacy guides.
    pub id: &'static str,
    /// The page (https).
    pub url: &'static str,
    /// The page's own title. Empty in legacy guides.
    pub title: &'static str,
    /// The day its (stored) copy was read, `YYYY-MM-DD`. Empty in legacy guides.
    pub read: &'static str,
    /// Whose page it is; `None` in legacy guides, which do not say.
    pub owner: Option<Owner>,
}

/// Whose page a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Owner {
    /// The vendor's own domain or help centre.
    Vendor,
    /// Anyone else.
    ThirdParty,
}

/// One claim of a guide: what a careful reader checks against its sources.
#[cfg(feature = "bodies")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// Where it is, like `steps[2]`, `data` or `faq[0]` (0-based, as in the TOML arrays).
    pub field: String,
    /// The source ids it cites.
    pub src: &'static [&'static str],
}

/// One cancellation step.
#[derive(Clone, Debug, Serialize)]
pub struct Step {
    /// Short title.
    pub title: &'static str,
    #[cfg(feature = "bodies")]
    /// Plain text saying exactly what to do.
    pub text: &'static str,
    #[cfg(feature = "bodies")]
    /// The vendor's official page for this step (https), when there is one.
    pub url: Option<&'static str>,
    #[cfg(feature = "bodies")]
    /// Ids of the sources this step rests on.
    pub src: &'static [&'static str],
}

/// Something that goes wrong when cancelling.
#[derive(Clone, Debug, Serialize)]
pub struct Gotcha {
    /// Kebab-case id, unique within the guide; the engine cites it.
    pub id: &'static str,
    /// How bad it is.
    pub severity: Severity,
    /// Short title.
    pub title: &'static str,
    #[cfg(feature = "bodies")]
    /// What happens and how to avoid it.
    pub text: &'static str,
    /// The 1-based step that fixes it.
    pub step: Option<u32>,
    /// Whether this can cause charges after cancelling (the engine lists these as likely causes).
    pub explains_charges: bool,
    #[cfg(feature = "bodies")]
    /// Ids of the sources this gotcha rests on.
    pub src: &'static [&'static str],
}

/// A lower-friction option than cancelling outright.
#[derive(Clone, Debug, Serialize)]
pub struct Alternative {
    /// Short title.
    pub title: &'static str,
    /// The option in plain words.
    pub text: &'static str,
}

/// A question and its answer.
#[derive(Clone, Debug, Serialize)]
pub struct Faq {
    /// The question.
    pub q: &'static str,
    /// The answer.
    pub a: &'static str,
    /// Ids of the sources the answer rests on.
    pub src: &'static [&'static str],
}

/// How bad a gotcha is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Money keeps leaving or data is lost.
    Critical,
    /// Worth knowing; easy to get wrong.
    Caution,
}

/// How a vendor bills.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Billing {
    /// Paid in advance for each period (monthly, annual...).
    Prepaid,
    /// Billed in arrears for what was used, so one more invoice follows a cancellation.
    Usage,
    /// Credits bought in advance and drawn down; may top up automatically.
    PrepaidCredits,
}

/// A billing period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cadence {
    /// Every week.
    Weekly,
    /// Every two weeks.
    Biweekly,
    /// Every month.
    Monthly,
    /// Every three months.
    Quarterly,
    /// Every six months.
    Semiannual,
    /// Every year.
    Annual,
}

/// Who charges the card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    /// The vendor itself.
    Direct,
    /// Apple (App Store, `APPLE.COM/BILL`).
    Apple,
    /// Google Play (`GOOGLE *…`).
    GooglePlay,
    /// PayPal.
    Paypal,
    /// Amazon (Prime Video Channels, Amazon subscriptions).
    Amazon,
    /// Roku.
    Roku,
}

impl Channel {
    /// Whether the channel is a store that bills in its own name, hiding the vendor.
    pub fn is_store(self) -> bool {
        matches!(
            self,
            Channel::Apple | Channel::GooglePlay | Channel::Amazon | Channel::Roku
        )
    }

    /// Display name.
    pub fn label(self) -> &'static str {
        match self {
            Channel::Direct => "direct",
            Channel::Apple => "Apple",
            Channel::GooglePlay => "Google Play",
            Channel::Paypal => "PayPal",
            Channel::Amazon => "Amazon",
            Channel::Roku => "Roku",
        }
    }
}

/// Where a guide is listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// AI and developer tools.
    AiAndDeveloper,
    /// Video streaming.
    Video,
    /// Music and audio.
    MusicAndAudio,
    /// App stores and bundles.
    StoresAndBundles,
    /// Productivity.
    Productivity,
    /// Gaming.
    Gaming,
    /// Learning, news and creators.
    LearningNewsCreators,
    /// Dating, wellness and fitness.
    DatingWellnessFitness,
    /// Memberships and delivery.
    MembershipsDelivery,
    /// Security and VPN.
    SecurityAndVpn,
    /// Cloud storage.
    CloudStorage,
    /// Everything else.
    Other,
}

impl Category {
    /// Every category, in display order.
    pub const ALL: &'static [Category] = &[
        Category::AiAndDeveloper,
        Category::Video,
        Category::MusicAndAudio,
        Category::StoresAndBundles,
        Category::Productivity,
        Category::Gaming,
        Category::LearningNewsCreators,
        Category::DatingWellnessFitness,
        Category::MembershipsDelivery,
        Category::SecurityAndVpn,
        Category::CloudStorage,
        Category::Other,
    ];

    /// Display name.
    pub fn label(self) -> &'static str {
        match self {
            Category::AiAndDeveloper => "AI and developer tools",
            Category::Video => "Video",
            Category::MusicAndAudio => "Music and audio",
            Category::StoresAndBundles => "Stores and bundles",
            Category::Productivity => "Productivity",
            Category::Gaming => "Gaming",
            Category::LearningNewsCreators => "Learning, news and creators",
            Category::DatingWellnessFitness => "Dating, wellness and fitness",
            Category::MembershipsDelivery => "Memberships and delivery",
            Category::SecurityAndVpn => "Security and VPN",
            Category::CloudStorage => "Cloud storage",
            Category::Other => "Other",
        }
    }

    /// The kebab-case spelling used in the TOML files and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::AiAndDeveloper => "ai-and-developer",
            Category::Video => "video",
            Category::MusicAndAudio => "music-and-audio",
            Category::StoresAndBundles => "stores-and-bundles",
            Category::Productivity => "productivity",
            Category::Gaming => "gaming",
            Category::LearningNewsCreators => "learning-news-creators",
            Category::DatingWellnessFitness => "dating-wellness-fitness",
            Category::MembershipsDelivery => "memberships-delivery",
            Category::SecurityAndVpn => "security-and-vpn",
            Category::CloudStorage => "cloud-storage",
            Category::Other => "other",
        }
    }
}

/// Every compiled-in guide, sorted by id.
pub fn all() -> &'static [Guide] {
    data::guides()
}

/// The guide with this id.
pub fn get(id: &str) -> Option<&'static Guide> {
    let guides = all();
    guides
        .binary_search_by(|guide| guide.id.cmp(id))
        .ok()
        .and_then(|index| guides.get(index))
}

/// The guides in one category, sorted by id.
pub fn by_category(category: Category) -> Vec<&'static Guide> {
    all()
        .iter()
        .filter(|guide| guide.category == category)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guides_are_sorted_by_id_and_found_by_id() {
        let guides = all();
        assert!(guides.windows(2).all(|pair| pair[0].id < pair[1].id));
        for guide in guides {
            assert_eq!(get(guide.id).map(|found| found.id), Some(guide.id));
        }
        assert!(get("no-such-guide").is_none());
    }

    #[test]
    fn every_guide_is_in_exactly_its_category() {
        let total: usize = Category::ALL
            .iter()
            .map(|category| by_category(*category).len())
            .sum();
        assert_eq!(total, all().len());
    }

    #[test]
    fn enums_serialise_as_the_toml_spellings() {
        let json = |value: &dyn erased::Json| value.json();
        assert_eq!(json(&Billing::PrepaidCredits), "\"prepaid-credits\"");
        assert_eq!(json(&Channel::GooglePlay), "\"google-play\"");
        assert_eq!(json(&Category::AiAndDeveloper), "\"ai-and-developer\"");
        for category in Category::ALL {
            assert_eq!(json(category), format!("\"{}\"", category.as_str()));
        }
    }

    mod erased {
        pub trait Json {
            fn json(&self) -> String;
        }
        impl<T: serde::Serialize> Json for T {
            fn json(&self) -> String {
                serde_json::to_string(self).unwrap_or_default()
            }
        }
    }
}

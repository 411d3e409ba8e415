//! The report: one schema for `spendrein analyse --json` and the object the page receives.
//! Field names are a contract with the page, the widget and reference links.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use statement::{Diagnostic, Dialect, Message};

/// Everything the analysis found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The day the analysis treated as today.
    pub today: NaiveDate,
    /// One entry per file read.
    pub statements: Vec<StatementSummary>,
    /// Transactions dropped because an earlier statement already had them (same FITID, or
    /// same day, amount and normalised descriptor).
    #[serde(default)]
    pub duplicates_removed: usize,
    /// Recurring charges found across all statements.
    pub recurring: Vec<Recurring>,
    /// One verdict per cancellation the person recorded.
    pub cancellations: Vec<CancellationResult>,
}

/// What was read from one file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementSummary {
    /// The file name the caller gave (never used to decide the format).
    pub file: String,
    /// `csv`, `ofx`, `qif`, `camt052`, `camt053`, `camt054`, `mt940`.
    pub format: String,
    /// What was inferred about the file.
    pub dialect: Dialect,
    /// The statement's currency, when known.
    pub currency: Option<String>,
    /// First and last transaction dates.
    pub period: Option<Period>,
    /// How many transactions were read.
    pub n_transactions: usize,
    /// Problems and decisions: the reader's, then the engine's (`one-off-charge`, info, on the
    /// line of a known vendor's only charge that is not reported as recurring, with the reason).
    pub diagnostics: Vec<Diagnostic>,
}

/// A closed range of days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
}

/// A transaction as the report shows it, with a stable reference back to its file and line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransactionRef {
    /// Index into `Report::statements`.
    pub statement: usize,
    /// 1-based line (or element position) in that file.
    pub line: u32,
    /// The transaction date.
    pub date: NaiveDate,
    /// The descriptor as the bank wrote it.
    pub description: String,
    /// The other party's name, when the file keeps it apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counterparty: Option<String>,
    /// The bank's kind of booking (`Lastschrift`, `Card payment`), when the file has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub booking_type: Option<String>,
    /// Purpose, reference and memo text, when the file keeps it apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// Signed decimal string; negative is money out.
    pub amount: String,
    /// ISO 4217 code, when known.
    pub currency: Option<String>,
}

/// Amounts of a recurring stream, as signed decimal strings (negative = money out).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmountSummary {
    /// The most common amount.
    pub typical: String,
    /// The latest amount.
    pub last: String,
    /// The smallest charge (largest outflow is `min` when negative).
    pub min: String,
    /// The largest.
    pub max: String,
    /// ISO 4217 code, when known.
    pub currency: Option<String>,
}

/// How often a stream repeats (declared from the shortest period to the longest).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cadence {
    /// Every 7 days.
    Weekly,
    /// Every 14 days.
    Biweekly,
    /// Every month.
    Monthly,
    /// Every 3 months.
    Quarterly,
    /// Every 6 months.
    Semiannual,
    /// Every year.
    Annual,
}

/// A change of price between consecutive charges.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceChange {
    /// The first charge at the new price.
    pub date: NaiveDate,
    /// Old amount (signed decimal string).
    pub from: String,
    /// New amount (signed decimal string).
    pub to: String,
}

/// A recurring charge found in the statements.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recurring {
    /// Display name of the merchant.
    pub merchant: String,
    /// Guide id of the matched vendor, or `None`.
    pub vendor: Option<String>,
    /// How the vendor was matched (`pattern "OPENAI"`), with the pattern that won.
    pub matched_by: Option<String>,
    /// How sure the vendor match is: `high`, `medium` or `low` (`None` when unmatched).
    #[serde(default)]
    pub confidence: Option<String>,
    /// Store or processor the charge came through (`apple`, `paypal`, `google-play`), if any.
    pub billed_via: Option<String>,
    /// How often it repeats.
    pub cadence: Cadence,
    /// Typical, last, smallest and largest amounts.
    pub amount: AmountSummary,
    /// Usage-based: amounts vary from charge to charge.
    pub variable: bool,
    /// First charge.
    pub first: NaiveDate,
    /// Latest charge.
    pub last: NaiveDate,
    /// How many charges.
    pub count: usize,
    /// When the next charge is due if the stream goes on.
    pub next_expected: NaiveDate,
    /// Whether the stream is still running at the end of the statements.
    pub active: bool,
    /// Price changes, oldest first.
    pub price_changes: Vec<PriceChange>,
    /// The charges (and netted refunds) that make up the stream.
    pub transactions: Vec<TransactionRef>,
}

/// The verdict for one recorded cancellation (see DESIGN.md, "Verdicts").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// No charge from the vendor anywhere in the statements.
    NotSeen,
    /// A charge after the cancellation that the billing model does not explain.
    StillCharging,
    /// Only the expected settling charge came after the cancellation.
    FinalCharge,
    /// Nothing after the cancellation, and the statements reach past the next due date.
    Stopped,
    /// Nothing unexplained yet, but the statements end before the next charge would come.
    TooEarly,
}

/// A gotcha from the vendor's guide that could explain charges after cancelling.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LikelyCause {
    /// The gotcha id in the vendor's guide.
    pub gotcha: String,
    /// The gotcha's title.
    pub title: String,
    /// The guide step that fixes it, if any (1-based).
    pub step: Option<u32>,
}

/// A cancellation the person recorded, as given to the engine.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cancellation {
    /// A guide id, or free text for a vendor with no guide.
    pub vendor: String,
    /// The day the person cancelled, `YYYY-MM-DD`.
    #[serde(deserialize_with = "iso_date")]
    pub cancelled_on: NaiveDate,
}

/// Reads a `YYYY-MM-DD` date with the statement crate's parser rather than chrono's general
/// format parser (which the wasm module then need not carry).
fn iso_date<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
    statement::date::parse_iso(&text).ok_or_else(|| {
        serde::de::Error::custom(format!("expected a date as YYYY-MM-DD, got {text:?}"))
    })
}

/// The judgement for one cancellation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancellationResult {
    /// The guide id, or the free text the person typed.
    pub vendor: String,
    /// Display name (the guide's name, or the matched merchant for free text).
    pub vendor_name: String,
    /// For free text: the merchant it was matched to, so the page can show the match.
    pub matched_merchant: Option<String>,
    /// The day the person cancelled.
    pub cancelled_on: NaiveDate,
    /// The verdict.
    pub verdict: Verdict,
    /// Charges after the cancellation that the billing model does not explain.
    pub charges_after: Vec<TransactionRef>,
    /// The expected settling charge, when one came (or is expected).
    pub final_charge: Option<TransactionRef>,
    /// When to look again (for `too_early`), or the date after which silence means stopped.
    pub check_after: Option<NaiveDate>,
    /// The vendor's gotchas that could explain the charges.
    pub likely_causes: Vec<LikelyCause>,
    /// One plain sentence (or a few): `explanation_message` and then each of
    /// `explanation_notes` rendered in English, separated by spaces.
    pub explanation: String,
    /// The main sentence as a code with typed arguments (`messages::templates()`), for the page
    /// to render in the person's language.
    pub explanation_message: Message,
    /// Further sentences after the main one (the likely cause, a one-off charge, charges
    /// billed through a store), in order.
    #[serde(default)]
    pub explanation_notes: Vec<Message>,
    /// Every charge from the vendor in the statements, for the timeline.
    pub history: Vec<TransactionRef>,
}

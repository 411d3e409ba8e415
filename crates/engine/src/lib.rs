//! Finds recurring charges in statements, matches them to guide vendors and judges
//! cancellations. No I/O, no clock: "today" is a parameter.
//!
//! The pipeline: every descriptor is [normalised](normalise::normalise) once per distinct
//! shape (the text with its reference numbers masked; bank phrases, processor prefixes and
//! references are then removed), merchants are matched to
//! guides once per distinct merchant, rows of several statements are merged with duplicates
//! dropped, each merchant's charges are split into [streams](streams::detect), and each
//! recorded cancellation is judged against its vendor's charges ([`verdict`]).
//!
//! **Architecture Invariant:** every stream and verdict in the report carries references to
//! the transactions that justify it.
#![deny(missing_docs)]

pub mod cadence;
mod fast_hash;
pub mod normalise;
pub mod report;
mod shapes;
pub mod streams;
pub mod verdict;

pub use report::*;

use chrono::{Datelike, NaiveDate};
use fast_hash::FastMap;
use normalise::{display_name, normalise};
use statement::{Amount, Statement, TransactionView};
use std::collections::HashMap;
use streams::{Charge, VendorModel};

/// A statement and the name of the file it came from.
pub struct NamedStatement {
    /// The file name, for the report only.
    pub file: String,
    /// What the reader produced.
    pub statement: Statement,
}

/// One merchant: the variants of a descriptor that cluster together, or every descriptor
/// matched to one guide.
#[derive(Clone, Debug)]
pub(crate) struct Merchant {
    /// The cluster key (guide id for matched vendors, normalised key otherwise).
    pub key: String,
    /// Display name.
    pub name: String,
    /// The longer merchant text of the first descriptor, for fuzzy matching of free text.
    pub text: String,
    /// The matched guide.
    pub guide: Option<&'static guides::Guide>,
    /// `pattern "OPENAI"`.
    pub matched_by: Option<String>,
    /// `high`, `medium`, `low`.
    pub confidence: Option<&'static str>,
    /// Rows of this merchant.
    pub rows: Vec<u32>,
}

/// One distinct normalised descriptor.
#[derive(Clone, Copy, Debug)]
struct Entry {
    merchant: u32,
    billed_via: Option<&'static str>,
}

/// One transaction kept for analysis: where it is, not a copy (12 bytes a row).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Row {
    pub statement: u32,
    /// Index in its statement's transactions.
    pub index: u32,
    entry: u32,
}

/// Everything `analyse` builds before writing the report; the verdict code reads it.
pub(crate) struct Analysis<'a> {
    pub statements: &'a [NamedStatement],
    pub rows: Vec<Row>,
    entries: Vec<Entry>,
    pub merchants: Vec<Merchant>,
    /// Per merchant: its charges (date order) and what `streams::detect` found.
    pub found: Vec<(Vec<Charge>, streams::Found)>,
    pub scale: u8,
    pub coverage: Option<(NaiveDate, NaiveDate)>,
    /// Per statement: its first and last transaction dates (as `Statement::period`, found
    /// in the pass over the rows instead of two more passes).
    periods: Vec<Option<(NaiveDate, NaiveDate)>>,
}

impl<'a> Analysis<'a> {
    pub fn billed_via(&self, row: u32) -> Option<&'static str> {
        let entry = self.entries[self.rows[row as usize].entry as usize];
        entry.billed_via
    }

    /// The transaction behind a row (the one place rows are resolved to transactions).
    pub fn transaction(&self, row: u32) -> TransactionView<'a> {
        let row = &self.rows[row as usize];
        self.statements[row.statement as usize]
            .statement
            .transactions
            .get(row.index as usize)
            .expect("rows are built from the statements' own transactions")
    }

    pub fn transaction_ref(&self, row: u32) -> TransactionRef {
        let transaction = self.transaction(row);
        let row = &self.rows[row as usize];
        TransactionRef {
            statement: row.statement as usize,
            line: transaction.line,
            date: transaction.date,
            description: transaction.description.to_owned(),
            counterparty: transaction.counterparty.map(str::to_owned),
            booking_type: transaction.booking_type.map(str::to_owned),
            purpose: transaction.purpose.map(str::to_owned),
            amount: transaction.amount.to_string(),
            currency: transaction.currency.map(str::to_owned).or_else(|| {
                self.statements[row.statement as usize]
                    .statement
                    .currency
                    .clone()
            }),
        }
    }

    pub fn amount_text(&self, minor: i64) -> String {
        Amount::new(minor, self.scale).to_string()
    }
}

/// Analyses the statements against the recorded cancellations.
pub fn analyse(
    statements: &[NamedStatement],
    cancellations: &[Cancellation],
    today: NaiveDate,
) -> Report {
    let (analysis, duplicates_removed) = build(statements);
    let summaries: Vec<StatementSummary> = statements
        .iter()
        .zip(&analysis.periods)
        .map(|(named, period)| {
            let statement = &named.statement;
            StatementSummary {
                file: named.file.clone(),
                format: statement.format.as_str().to_owned(),
                dialect: statement.dialect.clone(),
                currency: statement.currency.clone(),
                period: period.map(|(from, to)| Period { from, to }),
                n_transactions: statement.transactions.len(),
                diagnostics: statement.diagnostics.clone(),
            }
        })
        .collect();
    let mut summaries = summaries;
    one_off_notes(&analysis, &mut summaries);
    let recurring = recurring_report(&analysis);
    let cancellations = cancellations
        .iter()
        .map(|cancellation| verdict::judge(&analysis, cancellation))
        .collect();
    Report {
        today,
        statements: summaries,
        duplicates_removed,
        recurring,
        cancellations,
    }
}

/// An amount in minor units at the common scale, `None` when it does not fit.
#[inline(always)]
fn minor_at(amount: Amount, scale: u8) -> Option<i64> {
    // Nearly every amount is already at the common scale.
    if amount.scale == scale {
        Some(amount.minor)
    } else {
        amount.rescale(scale).map(|amount| amount.minor)
    }
}

/// The most decimals any amount carries (amounts are compared at that scale).
fn common_scale(statements: &[NamedStatement]) -> u8 {
    // Plain loops: a `flat_map` chain stays a chain of calls in the size-optimised wasm build.
    let mut scale: Option<u8> = None;
    for named in statements {
        if let Some(here) = named.statement.transactions.max_amount_scale() {
            scale = Some(scale.map_or(here, |scale| scale.max(here)));
        }
    }
    scale.unwrap_or(2).min(9)
}

fn build(statements: &[NamedStatement]) -> (Analysis<'_>, usize) {
    let scale = common_scale(statements);
    let total: usize = statements
        .iter()
        .map(|named| named.statement.transactions.len())
        .sum();
    let mut rows: Vec<Row> = Vec::with_capacity(total);
    let mut entries: Vec<Entry> = Vec::new();
    let mut merchants: Vec<Merchant> = Vec::new();
    // Normalising and matching run once per descriptor shape. Shaping is a pass over the
    // bytes, about what hashing the whole text would cost, so no cache by exact text is kept.
    let mut shapes = shapes::ShapeCache::default();
    let mut by_match_text: FastMap<String, u32> = FastMap::default();
    let mut by_merchant_key: FastMap<String, u32> = FastMap::default();

    // De-duplication across statements: a transaction another file already had (same FITID, or
    // same day, amount and normalised descriptor) is dropped. Within one file, repeats are real.
    let multi = statements.len() > 1;
    let mut seen_ids: FastMap<&str, u32> = FastMap::default();
    let mut seen_all: FastMap<DedupKey, Counter> = FastMap::default();
    let mut seen_without_id: FastMap<DedupKey, Counter> = FastMap::default();
    let mut duplicates = 0usize;
    let mut coverage: Option<(NaiveDate, NaiveDate)> = None;
    let mut periods = Vec::with_capacity(statements.len());

    for (statement_index, named) in statements.iter().enumerate() {
        let statement_index = statement_index as u32;
        let mut period: Option<(NaiveDate, NaiveDate)> = None;
        for (index, transaction) in named.statement.transactions.iter().enumerate() {
            let date = transaction.date;
            period = Some(match period {
                None => (date, date),
                Some((from, to)) => (from.min(date), to.max(date)),
            });
            let Some(minor) = minor_at(transaction.amount, scale) else {
                continue;
            };
            let description = transaction.description;
            let entry = match shapes.get(description) {
                Some(entry) => entry,
                None => {
                    let entry = classify(
                        description,
                        &mut entries,
                        &mut merchants,
                        &mut by_match_text,
                        &mut by_merchant_key,
                    );
                    shapes.insert(description, entry);
                    entry
                }
            };
            if multi
                && is_duplicate(
                    transaction,
                    minor,
                    entry,
                    statement_index,
                    &mut seen_ids,
                    &mut seen_all,
                    &mut seen_without_id,
                )
            {
                duplicates += 1;
                continue;
            }
            coverage = Some(match coverage {
                None => (date, date),
                Some((from, to)) => (from.min(date), to.max(date)),
            });
            rows.push(Row {
                statement: statement_index,
                index: index as u32,
                entry,
            });
        }
        periods.push(period);
    }
    // Charges per merchant, contiguous, so that sorting them compares plain values instead of
    // chasing pointers into the transactions. Counted first so that each list is allocated
    // once: growing them a row at a time cost more than the sorting (in wasm, memory growth).
    // Date and amount are read again from the statements rather than kept from the first
    // pass: a second copy of every charge would set the analysis's peak memory.
    let mut counts = vec![0usize; merchants.len()];
    for row in &rows {
        counts[entries[row.entry as usize].merchant as usize] += 1;
    }
    let mut merchant_charges: Vec<Vec<Charge>> =
        counts.into_iter().map(Vec::with_capacity).collect();
    let (mut last_date, mut last_day) = (NaiveDate::MIN, NaiveDate::MIN.num_days_from_ce());
    for (row_index, row) in rows.iter().enumerate() {
        let (date, amount) = statements[row.statement as usize]
            .statement
            .transactions
            .date_and_amount(row.index as usize)
            .expect("rows are built from the statements' own transactions");
        let minor = minor_at(amount, scale)
            .expect("the first pass kept only rows whose amount fits the common scale");
        // Statements list many rows per day: convert each run of one date once.
        if date != last_date {
            last_date = date;
            last_day = date.num_days_from_ce();
        }
        merchant_charges[entries[row.entry as usize].merchant as usize].push(Charge {
            row: row_index as u32,
            date,
            day: last_day,
            minor,
        });
    }
    let coverage_end = coverage.map(|(_, to)| to).unwrap_or(NaiveDate::MIN);
    let mut found = Vec::with_capacity(merchants.len());
    for (merchant, mut charges) in merchants.iter_mut().zip(merchant_charges) {
        // Row numbers grow with statement order, so (date, row) orders by date, then file.
        // Statements usually list transactions by date: then there is nothing to sort.
        if !charges.is_sorted_by_key(|charge| (charge.date, charge.row)) {
            charges.sort_unstable_by_key(|charge| (charge.date, charge.row));
        }
        merchant.rows = charges.iter().map(|charge| charge.row).collect();
        let cadences: Vec<Cadence> = merchant
            .guide
            .map(|guide| {
                guide
                    .cadences
                    .iter()
                    .map(|c| cadence::from_guide(*c))
                    .collect()
            })
            .unwrap_or_default();
        let model = VendorModel {
            known: merchant.guide.is_some(),
            variable_billing: merchant.guide.is_some_and(|guide| {
                matches!(
                    guide.billing,
                    guides::Billing::Usage | guides::Billing::PrepaidCredits
                )
            }),
            cadences: &cadences,
        };
        // An unknown merchant with fewer than three charges cannot show a pattern.
        let outflows = charges.iter().filter(|charge| charge.minor < 0).count();
        let result = if model.known || outflows >= 3 {
            streams::detect(&charges, model, coverage_end)
        } else {
            streams::Found::default()
        };
        found.push((charges, result));
    }
    (
        Analysis {
            statements,
            rows,
            entries,
            merchants,
            found,
            scale,
            coverage,
            periods,
        },
        duplicates,
    )
}

type DedupKey = (NaiveDate, i64, u32);

/// How often a key occurred in the statement being read, and at most in any earlier one.
#[derive(Clone, Copy, Debug)]
struct Counter {
    statement: u32,
    count: u32,
    before: u32,
}

fn bump(map: &mut FastMap<DedupKey, Counter>, key: DedupKey, statement: u32) -> (u32, u32) {
    let counter = map.entry(key).or_insert(Counter {
        statement,
        count: 0,
        before: 0,
    });
    if counter.statement != statement {
        counter.before = counter.before.max(counter.count);
        counter.statement = statement;
        counter.count = 0;
    }
    counter.count += 1;
    (counter.count, counter.before)
}

fn before_of(map: &FastMap<DedupKey, Counter>, key: &DedupKey, statement: u32) -> u32 {
    map.get(key).map_or(0, |counter| {
        if counter.statement == statement {
            counter.before
        } else {
            counter.before.max(counter.count)
        }
    })
}

/// A transaction another statement already had: the same FITID, or (when either side has no
/// id) the same day, amount and normalised descriptor. The n-th repeat within one file is a
/// duplicate only if an earlier file had it at least n times: two coffees on one day are real.
fn is_duplicate<'t>(
    transaction: TransactionView<'t>,
    minor: i64,
    entry: u32,
    statement: u32,
    seen_ids: &mut FastMap<&'t str, u32>,
    seen_all: &mut FastMap<DedupKey, Counter>,
    seen_without_id: &mut FastMap<DedupKey, Counter>,
) -> bool {
    let key = (transaction.date, minor, entry);
    match transaction.id.filter(|id| !id.is_empty()) {
        Some(id) => {
            match seen_ids.get(id) {
                Some(first) if *first != statement => return true,
                Some(_) => {}
                None => {
                    seen_ids.insert(id, statement);
                }
            }
            let (count, _) = bump(seen_all, key, statement);
            count <= before_of(seen_without_id, &key, statement)
        }
        None => {
            bump(seen_without_id, key, statement);
            let (count, before) = bump(seen_all, key, statement);
            count <= before
        }
    }
}

/// Normalises a descriptor text not seen before and files it under a merchant.
fn classify(
    description: &str,
    entries: &mut Vec<Entry>,
    merchants: &mut Vec<Merchant>,
    by_match_text: &mut FastMap<String, u32>,
    by_merchant_key: &mut FastMap<String, u32>,
) -> u32 {
    let normalised = normalise(description);
    if let Some(entry) = by_match_text.get(&normalised.match_text) {
        return *entry;
    }
    let matched = match_vendor(&normalised);
    let (merchant_key, billed_via) = match &matched {
        Some(found) => {
            let store = found.guide.store().map(channel_id);
            let via = store.or(normalised
                .processor
                .filter(|processor| processor_is_billed_via(processor, found.guide)));
            (found.guide.id.to_owned(), via)
        }
        None => (normalised.key.clone(), normalised.processor),
    };
    let merchant = match by_merchant_key.get(&merchant_key) {
        Some(index) => *index,
        None => {
            let index = merchants.len() as u32;
            let (name, matched_by, confidence, guide) = match &matched {
                Some(found) => (
                    found.guide.name.to_owned(),
                    Some(format!("pattern {:?}", found.pattern)),
                    Some(confidence_text(found.confidence)),
                    Some(found.guide),
                ),
                None => (display_name(&normalised.key), None, None, None),
            };
            merchants.push(Merchant {
                key: merchant_key.clone(),
                name,
                text: normalised.merchant_text.clone(),
                guide,
                matched_by,
                confidence,
                rows: Vec::new(),
            });
            by_merchant_key.insert(merchant_key, index);
            index
        }
    };
    let entry = entries.len() as u32;
    entries.push(Entry {
        merchant,
        billed_via,
    });
    by_match_text.insert(normalised.match_text, entry);
    entry
}

/// Matches a merchant to a guide. A store's own descriptor (`APPLE.COM/BILL`) belongs to the
/// store; a processor prefix in front of a vendor's name (`GOOGLE *Spotify`) is the vendor
/// billed via that processor.
fn match_vendor(normalised: &normalise::Normalised) -> Option<guides::DescriptorMatch> {
    let whole = guides::match_descriptor(&normalised.match_text);
    let through_processor =
        normalised.processor.is_some() && normalised.merchant_match_text != normalised.match_text;
    match whole {
        Some(found) if found.guide.store().is_some() && through_processor => {
            match guides::match_descriptor(&normalised.merchant_match_text) {
                Some(vendor) if vendor.guide.store().is_none() => Some(vendor),
                _ => Some(found),
            }
        }
        None if through_processor => guides::match_descriptor(&normalised.merchant_match_text),
        other => other,
    }
}

fn channel_id(channel: guides::Channel) -> &'static str {
    match channel {
        guides::Channel::Direct => "direct",
        guides::Channel::Apple => "apple",
        guides::Channel::GooglePlay => "google-play",
        guides::Channel::Paypal => "paypal",
        guides::Channel::Amazon => "amazon",
        guides::Channel::Roku => "roku",
    }
}

/// `GOOGLE *YouTubePremium` is Google billing its own product, not Google Play billing someone
/// else's: a store prefix counts as "billed via" only when the guide lists that store.
fn processor_is_billed_via(processor: &str, guide: &guides::Guide) -> bool {
    let store = match processor {
        "google-play" => guides::Channel::GooglePlay,
        "apple" => guides::Channel::Apple,
        "amazon" => guides::Channel::Amazon,
        _ => return true,
    };
    guide.billed_via.contains(&store)
}

fn confidence_text(confidence: guides::Confidence) -> &'static str {
    match confidence {
        guides::Confidence::High => "high",
        guides::Confidence::Medium => "medium",
        guides::Confidence::Low => "low",
    }
}

/// Each known vendor's lone charge that is not a recurring stream ([`streams::OneOff`]) gets
/// an info diagnostic `one-off-charge` on its statement and line, saying why.
fn one_off_notes(analysis: &Analysis<'_>, summaries: &mut [StatementSummary]) {
    let coverage_end = analysis.coverage.map(|(_, to)| to);
    for (merchant, (charges, found)) in analysis.merchants.iter().zip(&analysis.found) {
        let (Some(one_off), Some(end)) = (found.one_off, coverage_end) else {
            continue;
        };
        let charge = charges[one_off.member];
        let transaction = analysis.transaction(charge.row);
        let statement = analysis.rows[charge.row as usize].statement as usize;
        if let Some(summary) = summaries.get_mut(statement) {
            let currency = analysis.transaction_ref(charge.row).currency;
            let args = statement::Args::new()
                .text("vendor", merchant.name.clone())
                .money(
                    "amount",
                    transaction.amount.minor,
                    transaction.amount.scale,
                    currency.as_deref(),
                )
                .date("charged_on", charge.date)
                .count("days", (end - charge.date).num_days().max(0) as usize);
            summary.diagnostics.push(
                statement::Diagnostic::new(statement::Severity::Info, "one-off-charge", args)
                    .at_line(transaction.line),
            );
        }
    }
}

fn recurring_report(analysis: &Analysis<'_>) -> Vec<Recurring> {
    let coverage_end = analysis.coverage.map(|(_, to)| to);
    let mut out = Vec::new();
    for (merchant, (charges, found)) in analysis.merchants.iter().zip(&analysis.found) {
        for stream in &found.streams {
            out.push(stream_report(
                analysis,
                merchant,
                charges,
                found,
                stream,
                coverage_end,
            ));
        }
    }
    lean_sort::sort_by(&mut out, |a, b| {
        a.merchant.cmp(&b.merchant).then(a.first.cmp(&b.first))
    });
    out
}

fn stream_report(
    analysis: &Analysis<'_>,
    merchant: &Merchant,
    charges: &[Charge],
    found: &streams::Found,
    stream: &streams::Stream,
    coverage_end: Option<NaiveDate>,
) -> Recurring {
    let amounts: Vec<i64> = stream.members.iter().map(|m| charges[*m].minor).collect();
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for amount in &amounts {
        *counts.entry(*amount).or_default() += 1;
    }
    // The most common amount (among equals the latest); for usage-based amounts the median.
    let typical = if stream.variable {
        let mut sorted = amounts.clone();
        sorted.sort_unstable();
        sorted.get(sorted.len() / 2).copied().unwrap_or(0)
    } else {
        amounts
            .iter()
            .max_by_key(|amount| counts.get(amount).copied().unwrap_or(0))
            .copied()
            .unwrap_or(0)
    };
    let last = amounts.last().copied().unwrap_or(0);
    let min = amounts.iter().copied().min().unwrap_or(0);
    let max = amounts.iter().copied().max().unwrap_or(0);
    let first_charge = stream.members.first().map(|m| charges[*m]);
    let last_charge = stream.members.last().map(|m| charges[*m]);
    let first = first_charge.map(|c| c.date).unwrap_or(NaiveDate::MIN);
    let last_date = last_charge.map(|c| c.date).unwrap_or(NaiveDate::MIN);
    let next_slot = stream.slots.last().map_or(1, |slot| slot + 1);
    let next_expected = stream.schedule.slot(next_slot);
    let active = coverage_end.is_none_or(|end| {
        end <= next_expected + chrono::Days::new(cadence::grace(stream.schedule.cadence) as u64)
    });
    let mut rows: Vec<u32> = stream.members.iter().map(|m| charges[*m].row).collect();
    for member in &stream.members {
        if let Some(refund) = found.netted_with.get(member) {
            rows.push(charges[*refund].row);
        }
    }
    lean_sort::sort_by_key(&mut rows, |row| analysis.transaction(*row).date);
    let currency = last_charge.and_then(|c| analysis.transaction_ref(c.row).currency);
    let billed_via = last_charge
        .and_then(|c| analysis.billed_via(c.row))
        .map(str::to_owned);
    Recurring {
        merchant: merchant.name.clone(),
        vendor: merchant.guide.map(|guide| guide.id.to_owned()),
        matched_by: merchant.matched_by.clone(),
        confidence: merchant.confidence.map(str::to_owned),
        billed_via,
        cadence: stream.schedule.cadence,
        amount: AmountSummary {
            typical: analysis.amount_text(typical),
            last: analysis.amount_text(last),
            min: analysis.amount_text(min),
            max: analysis.amount_text(max),
            currency,
        },
        variable: stream.variable,
        first,
        last: last_date,
        count: stream.members.len(),
        next_expected,
        active,
        price_changes: stream
            .price_changes
            .iter()
            .map(|(member, old)| PriceChange {
                date: charges[*member].date,
                from: analysis.amount_text(*old),
                to: analysis.amount_text(charges[*member].minor),
            })
            .collect(),
        transactions: rows
            .iter()
            .map(|row| analysis.transaction_ref(*row))
            .collect(),
    }
}

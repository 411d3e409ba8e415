//! Cancellation verdicts, as `DESIGN.md` ("Verdicts") defines them.
//!
//! For a cancellation of vendor V on day D, with the statements covering up to day E:
//! charges after D are either explained by the billing model (posted within a few days of D
//! for a period that began on or before D; for usage-based vendors, one final invoice within
//! a cycle plus posting lag) or they are not. Any unexplained charge is `still_charging`;
//! only explained ones is `final_charge`; none is `stopped` once E is past the next due date
//! plus grace, and `too_early` before that.

use crate::cadence::{self, Schedule};
use crate::report::{
    Cadence, Cancellation, CancellationResult, LikelyCause, TransactionRef, Verdict,
};
use crate::streams::{Charge, Found, Stream};
use crate::{Analysis, Merchant};
use chrono::{Days, NaiveDate};

/// A charge posted this many days after the cancellation may still be for the period before.
pub const POSTING_LAG_DAYS: i64 = 3;

/// Free text must be at least this similar to a merchant to be matched to it.
pub const FUZZY_THRESHOLD: f64 = 0.75;

/// Who a cancellation is about.
struct Target {
    guide: Option<&'static guides::Guide>,
    merchant: Option<usize>,
}

pub(crate) fn judge(analysis: &Analysis<'_>, cancellation: &Cancellation) -> CancellationResult {
    let target = resolve(analysis, &cancellation.vendor);
    let vendor_name = match (target.guide, target.merchant) {
        (Some(guide), _) => guide.name.to_owned(),
        (None, Some(merchant)) => analysis.merchants[merchant].name.clone(),
        (None, None) => cancellation.vendor.trim().to_owned(),
    };
    let matched_merchant = match (target.guide, target.merchant) {
        (None, Some(merchant)) => Some(analysis.merchants[merchant].name.clone()),
        (Some(guide), Some(merchant)) if guide.id != cancellation.vendor.trim() => {
            Some(analysis.merchants[merchant].name.clone())
        }
        _ => None,
    };
    let mut result = CancellationResult {
        vendor: cancellation.vendor.clone(),
        vendor_name,
        matched_merchant,
        cancelled_on: cancellation.cancelled_on,
        verdict: Verdict::NotSeen,
        charges_after: Vec::new(),
        final_charge: None,
        check_after: None,
        likely_causes: Vec::new(),
        explanation: String::new(),
        history: Vec::new(),
    };
    let Some(merchant_index) = target.merchant else {
        result.explanation = not_seen_sentence(analysis, &result.vendor_name, target.guide);
        return result;
    };
    let merchant = &analysis.merchants[merchant_index];
    let (charges, found) = &analysis.found[merchant_index];
    result.history = merchant
        .rows
        .iter()
        .map(|row| analysis.transaction_ref(*row))
        .collect();
    let active: Vec<usize> = (0..charges.len())
        .filter(|index| charges[*index].minor < 0 && !found.netted_with.contains_key(index))
        .collect();
    if active.is_empty() {
        result.explanation = not_seen_sentence(analysis, &result.vendor_name, target.guide);
        return result;
    }

    let cancelled_on = cancellation.cancelled_on;
    let usage = target
        .guide
        .is_some_and(|guide| matches!(guide.billing, guides::Billing::Usage));
    let reference = reference_schedule(merchant, charges, found, &active, cancelled_on);
    let schedule_of = |index: usize| -> Schedule {
        found
            .streams
            .iter()
            .find(|stream| stream.members.contains(&index))
            .map_or(reference, |stream| stream.schedule)
    };

    let mut explained: Vec<(usize, &'static str)> = Vec::new();
    let mut unexplained: Vec<usize> = Vec::new();
    let mut final_invoice_taken = false;
    let cycle_days = cadence::nominal_days(reference.cadence).ceil() as i64;
    for &index in active
        .iter()
        .filter(|index| charges[**index].date > cancelled_on)
    {
        let charge = charges[index];
        let days_after = (charge.date - cancelled_on).num_days();
        let schedule = schedule_of(index);
        let (slot, _) = schedule.nearest(charge.date);
        if days_after <= POSTING_LAG_DAYS && schedule.slot(slot) <= cancelled_on {
            explained.push((
                index,
                "posted within a few days of the cancellation for the period before it",
            ));
        } else if usage
            && !final_invoice_taken
            && days_after <= cycle_days + cadence::grace(reference.cadence)
        {
            final_invoice_taken = true;
            explained.push((
                index,
                "usage up to the cancellation is billed at the end of the cycle",
            ));
        } else {
            unexplained.push(index);
        }
    }

    let coverage_end = analysis.coverage.map_or(cancelled_on, |(_, to)| to);
    if !unexplained.is_empty() {
        result.verdict = Verdict::StillCharging;
        result.charges_after = unexplained
            .iter()
            .map(|index| analysis.transaction_ref(charges[*index].row))
            .collect();
        result.final_charge = explained
            .last()
            .map(|(index, _)| analysis.transaction_ref(charges[*index].row));
        let via_channel = result
            .charges_after
            .iter()
            .any(|charge| names_a_channel(&charge.description));
        result.likely_causes = likely_causes(target.guide, via_channel);
        result.explanation =
            still_charging_sentence(analysis, &result, charges, &unexplained, merchant);
        return result;
    }

    // When the next charge would have come had the cancellation not worked.
    let last_explained = explained.last().map(|(index, _)| charges[*index].date);
    let after = last_explained.map_or(cancelled_on, |date| date.max(cancelled_on));
    let due = if usage && !final_invoice_taken {
        // The final invoice itself is what is still due.
        reference.first_after(cancelled_on).1
    } else {
        let mut due = reference.first_after(after).1;
        for stream in live_streams(&found.streams, charges, cancelled_on) {
            due = due.max(stream.schedule.first_after(after).1);
        }
        due
    };
    let check_after = due + Days::new(cadence::grace(reference.cadence).unsigned_abs());
    result.check_after = Some(check_after);
    if let Some((index, why)) = explained.last() {
        result.verdict = Verdict::FinalCharge;
        let final_ref = analysis.transaction_ref(charges[*index].row);
        result.likely_causes = likely_causes(target.guide, names_a_channel(&final_ref.description));
        let tail = if coverage_end >= check_after {
            format!("nothing came after it up to {coverage_end}, so it stopped")
        } else {
            format!("nothing else has come so far; look again after {check_after} to be sure it stopped")
        };
        result.explanation = format!(
            "One final charge of {} on {} was expected ({why}), and {tail}.",
            money(&final_ref),
            final_ref.date
        );
        result.final_charge = Some(final_ref);
        return result;
    }
    // A lone charge the report lists as a one-off: say why the verdict waits for the longer
    // renewal.
    let one_off_note = match found.one_off {
        Some(one_off) if charges[one_off.member].date <= cancelled_on => {
            " Only one charge was seen, so the vendor's longest billing period decides."
        }
        _ => "",
    };
    if coverage_end >= check_after {
        result.verdict = Verdict::Stopped;
        result.explanation = format!(
            "No charge from {} after you cancelled on {cancelled_on}; the next one would have come around {due}, and the statements run to {coverage_end}.{one_off_note}",
            result.vendor_name
        );
    } else {
        result.verdict = Verdict::TooEarly;
        result.explanation = format!(
            "No charge from {} since you cancelled on {cancelled_on}, but the statements end on {coverage_end}, before the next charge would be due around {due}; check again after {check_after}.{one_off_note}",
            result.vendor_name
        );
    }
    result
}

/// The schedule of the stream that was running at the cancellation, or the best guess.
fn reference_schedule(
    merchant: &Merchant,
    charges: &[Charge],
    found: &Found,
    active: &[usize],
    cancelled_on: NaiveDate,
) -> Schedule {
    let streams = &found.streams;
    let last_before = active
        .iter()
        .copied()
        .rfind(|index| charges[*index].date <= cancelled_on);
    if let Some(stream) = last_before.and_then(|index| {
        streams
            .iter()
            .find(|stream| stream.members.contains(&index))
    }) {
        return stream.schedule;
    }
    if let Some(stream) = streams.iter().max_by_key(|stream| stream.members.len()) {
        return stream.schedule;
    }
    // A one-off charge may still be a plan on the guide's longest period: wait for that
    // renewal before saying it stopped.
    if let Some(one_off) = &found.one_off {
        return one_off.schedule;
    }
    let default = merchant
        .guide
        .and_then(|guide| guide.cadences.first())
        .map_or(Cadence::Monthly, |c| cadence::from_guide(*c));
    let anchor = last_before
        .or(active.first().copied())
        .map_or(cancelled_on, |index| charges[index].date);
    Schedule::new(default, anchor)
}

/// Streams still running around the cancellation (their last charge is within a cycle and
/// grace of it, or after it).
fn live_streams<'s>(
    streams: &'s [Stream],
    charges: &'s [Charge],
    cancelled_on: NaiveDate,
) -> impl Iterator<Item = &'s Stream> {
    streams.iter().filter(move |stream| {
        stream.members.last().is_some_and(|last| {
            let reach = cadence::nominal_days(stream.schedule.cadence).ceil() as i64
                + cadence::grace(stream.schedule.cadence);
            (cancelled_on - charges[*last].date).num_days() <= reach
        })
    })
}

/// Gotchas about being billed through a store or payment service rather than the vendor.
fn is_channel_gotcha(id: &str) -> bool {
    id.starts_with("billed-via") || id.contains("app-store") || id == "paypal-agreement"
}

/// True when a descriptor names a store or payment service (`GOOGLE *Netflix`, `PAYPAL *HULU`).
fn names_a_channel(description: &str) -> bool {
    const CHANNEL_WORDS: &[&str] = &[
        "APPLE", "ITUNES", "APL", "GOOGLE", "PAYPAL", "AMAZON", "AMZN", "ROKU",
    ];
    guides::words(description)
        .iter()
        .any(|word| CHANNEL_WORDS.contains(&word.as_str()))
}

/// The guide's gotchas that can cause charges after cancelling, most likely first: critical
/// before caution, in the guide's order otherwise — except that store or payment-service
/// gotchas go last when the charges carry the vendor's own descriptor, because a charge billed
/// through Apple or Google would not.
fn likely_causes(
    guide: Option<&'static guides::Guide>,
    charges_via_channel: bool,
) -> Vec<LikelyCause> {
    let Some(guide) = guide else {
        return Vec::new();
    };
    let mut causes: Vec<&guides::Gotcha> = guide
        .gotchas
        .iter()
        .filter(|gotcha| gotcha.explains_charges)
        .collect();
    causes.sort_by_key(|gotcha| {
        let unlikely = is_channel_gotcha(gotcha.id) && !charges_via_channel;
        (unlikely, gotcha.severity)
    });
    causes
        .into_iter()
        .map(|gotcha| LikelyCause {
            gotcha: gotcha.id.to_owned(),
            title: gotcha.title.to_owned(),
            step: gotcha.step,
        })
        .collect()
}

fn money(reference: &TransactionRef) -> String {
    let amount = reference.amount.trim_start_matches('-');
    match &reference.currency {
        Some(currency) => format!("{amount} {currency}"),
        None => amount.to_owned(),
    }
}

fn still_charging_sentence(
    analysis: &Analysis<'_>,
    result: &CancellationResult,
    charges: &[Charge],
    unexplained: &[usize],
    merchant: &Merchant,
) -> String {
    let listed: Vec<String> = unexplained
        .iter()
        .take(3)
        .map(|index| {
            let reference = analysis.transaction_ref(charges[*index].row);
            format!("{} on {}", money(&reference), reference.date)
        })
        .collect();
    let more = if unexplained.len() > 3 {
        format!(" and {} more", unexplained.len() - 3)
    } else {
        String::new()
    };
    let times = if unexplained.len() == 1 {
        "once"
    } else {
        "again"
    };
    let cause = match result.likely_causes.first() {
        Some(LikelyCause {
            title,
            step: Some(step),
            ..
        }) => {
            format!(
                "; most likely cause: {} (see step {step} of the guide)",
                title.trim_end_matches('.')
            )
        }
        Some(LikelyCause { title, .. }) => {
            format!("; most likely cause: {}", title.trim_end_matches('.'))
        }
        None if merchant.guide.is_none() => {
            "; check that the cancellation was confirmed, or dispute the charges with your bank"
                .to_owned()
        }
        None => "; check that the cancellation was confirmed".to_owned(),
    };
    format!(
        "{} charged you {times} after you cancelled on {}: {}{more}{cause}.",
        result.vendor_name,
        result.cancelled_on,
        listed.join(", ")
    )
}

fn not_seen_sentence(
    analysis: &Analysis<'_>,
    name: &str,
    guide: Option<&'static guides::Guide>,
) -> String {
    let period = match analysis.coverage {
        Some((from, to)) => format!(" ({from} to {to})"),
        None => String::new(),
    };
    // Charges billed through a store do not name the app, so they are never blamed on a
    // vendor; say they exist when the vendor can be billed through that store.
    let mut hints = Vec::new();
    for (store_id, channel) in guides::STORE_GUIDES {
        let could_be = guide.is_none_or(|guide| guide.billed_via.contains(channel));
        if !could_be {
            continue;
        }
        let count: usize = analysis
            .merchants
            .iter()
            .zip(&analysis.found)
            .filter(|(merchant, _)| merchant.guide.is_some_and(|g| g.id == *store_id))
            .map(|(_, (charges, _))| charges.iter().filter(|charge| charge.minor < 0).count())
            .sum();
        if count > 0 {
            hints.push(format!(
                "{count} charge{} billed via {} do{} not name the app, so if you subscribed through {}, check its subscription list",
                if count == 1 { "" } else { "s" },
                channel.label(),
                if count == 1 { "es" } else { "" },
                channel.label()
            ));
        }
    }
    let mut sentence = format!("No charge from {name} appears in the statements{period}");
    for hint in hints {
        sentence.push_str("; ");
        sentence.push_str(&hint);
    }
    sentence.push('.');
    sentence
}

/// Finds the guide and merchant a cancellation names: a guide id, a guide's name or alias,
/// or free text matched fuzzily against the merchants in the statements.
fn resolve(analysis: &Analysis<'_>, vendor: &str) -> Target {
    let text = vendor.trim();
    let guide = guides::get(&text.to_lowercase()).or_else(|| {
        let wanted = compact(text);
        guides::all().iter().find(|guide| {
            !wanted.is_empty()
                && (compact(guide.name) == wanted
                    || guide.aliases.iter().any(|alias| compact(alias) == wanted))
        })
    });
    if let Some(guide) = guide {
        let merchant = analysis
            .merchants
            .iter()
            .position(|merchant| merchant.guide.is_some_and(|g| g.id == guide.id));
        return Target {
            guide: Some(guide),
            merchant,
        };
    }
    let merchant = fuzzy_merchant(analysis, text);
    Target {
        guide: merchant.and_then(|index| analysis.merchants[index].guide),
        merchant,
    }
}

/// Upper-case letters and digits only: `Acme Gym, Inc.` → `ACMEGYMINC`.
fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The merchant most similar to `text`, if any is similar enough. Merchants with charges win
/// ties over merchants with only credits.
fn fuzzy_merchant(analysis: &Analysis<'_>, text: &str) -> Option<usize> {
    let wanted = compact(text);
    if wanted.len() < 3 {
        return None;
    }
    let mut best: Option<(f64, usize, usize)> = None;
    for (index, merchant) in analysis.merchants.iter().enumerate() {
        let outflows = analysis.found[index]
            .0
            .iter()
            .filter(|charge| charge.minor < 0)
            .count();
        if outflows == 0 {
            continue;
        }
        let score = [
            compact(&merchant.name),
            compact(&merchant.key),
            compact(&merchant.text),
        ]
        .iter()
        .map(|candidate| similarity(&wanted, candidate))
        .fold(0.0, f64::max);
        if score < FUZZY_THRESHOLD {
            continue;
        }
        let better = match best {
            None => true,
            Some((best_score, _, best_outflows)) => {
                score > best_score || (score == best_score && outflows > best_outflows)
            }
        };
        if better {
            best = Some((score, index, outflows));
        }
    }
    best.map(|(_, index, _)| index)
}

/// 1.0 for equal strings; 0.9 when one starts with the other (at least four characters);
/// otherwise one minus the edit distance over the longer length.
pub fn similarity(a: &str, b: &str) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() >= 4 && long.starts_with(short) {
        return 0.9;
    }
    // Long texts are compared on their first 64 characters: enough for a merchant name.
    let a: Vec<char> = a.chars().take(64).collect();
    let b: Vec<char> = b.chars().take(64).collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    let distance = previous[b.len()];
    1.0 - distance as f64 / a.len().max(b.len()) as f64
}

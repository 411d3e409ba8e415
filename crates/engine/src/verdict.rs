//! Cancellation verdicts, as `DESIGN.md` ("Verdicts") defines them.
//!
//! For a cancellation of vendor V on day D, with the statements covering up to day E:
//! charges after D are either explained by the billing model (posted within a few days of D
//! for a period that began on or before D; for usage-based vendors, one final invoice within
//! a cycle plus posting lag) or they are not. Any unexplained charge is `still_charging`;
//! only explained ones is `final_charge`; none is `stopped` once E is past the next due date
//! plus grace, and `too_early` before that.

use crate::cadence::{self, Schedule};
use crate::report::{Cadence, Cancellation, CancellationResult, LikelyCause, Verdict};
use crate::streams::{Charge, Found, Stream};
use crate::{Analysis, Merchant};
use chrono::{Days, NaiveDate};
use statement::{Args, Message};

/// Sets the result's explanation: the main message and its notes, and their English.
fn explain(result: &mut CancellationResult, main: Message, notes: Vec<Message>) {
    let mut text = main.english();
    for note in &notes {
        text.push(' ');
        text.push_str(&note.english());
    }
    result.explanation = text;
    result.explanation_message = main;
    result.explanation_notes = notes;
}

/// The money of a charge, as the message argument `amount`.
fn charge_money(analysis: &Analysis<'_>, row: u32, args: Args) -> Args {
    let transaction = analysis.transaction(row);
    let currency = analysis.transaction_ref(row).currency;
    args.money(
        "amount",
        transaction.amount.minor,
        transaction.amount.scale,
        currency.as_deref(),
    )
}

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
        explanation_message: Message::new("verdict-not-seen", Args::new()),
        explanation_notes: Vec::new(),
        history: Vec::new(),
    };
    let Some(merchant_index) = target.merchant else {
        not_seen_sentence(analysis, &mut result, target.guide);
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
        not_seen_sentence(analysis, &mut result, target.guide);
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

    // Each explained charge with whether usage billing (rather than posting lag) explains it.
    let mut explained: Vec<(usize, bool)> = Vec::new();
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
            explained.push((index, false));
        } else if usage
            && !final_invoice_taken
            && days_after <= cycle_days + cadence::grace(reference.cadence)
        {
            final_invoice_taken = true;
            explained.push((index, true));
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
        still_charging_sentence(analysis, &mut result, charges, &unexplained, merchant);
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
    if let Some(&(index, usage_billed)) = explained.last() {
        result.verdict = Verdict::FinalCharge;
        let final_ref = analysis.transaction_ref(charges[index].row);
        result.likely_causes = likely_causes(target.guide, names_a_channel(&final_ref.description));
        let stopped = coverage_end >= check_after;
        let code = match (usage_billed, stopped) {
            (false, true) => "verdict-final-charge-lag-stopped",
            (false, false) => "verdict-final-charge-lag-wait",
            (true, true) => "verdict-final-charge-usage-stopped",
            (true, false) => "verdict-final-charge-usage-wait",
        };
        let args = charge_money(analysis, charges[index].row, Args::new())
            .date("charged_on", final_ref.date);
        let args = if stopped {
            args.date("covered_to", coverage_end)
        } else {
            args.date("check_after", check_after)
        };
        explain(&mut result, Message::new(code, args), Vec::new());
        result.final_charge = Some(final_ref);
        return result;
    }
    // A lone charge the report lists as a one-off: say why the verdict waits for the longer
    // renewal.
    let notes = match found.one_off {
        Some(one_off) if charges[one_off.member].date <= cancelled_on => {
            vec![Message::new("note-one-off-longest-period", Args::new())]
        }
        _ => Vec::new(),
    };
    let args = Args::new()
        .text("vendor", result.vendor_name.clone())
        .date("cancelled_on", cancelled_on)
        .date("due", due)
        .date("covered_to", coverage_end);
    if coverage_end >= check_after {
        result.verdict = Verdict::Stopped;
        explain(&mut result, Message::new("verdict-stopped", args), notes);
    } else {
        result.verdict = Verdict::TooEarly;
        let args = args.date("check_after", check_after);
        explain(&mut result, Message::new("verdict-too-early", args), notes);
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
    lean_sort::sort_by_key(&mut causes, |gotcha| {
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

/// "X charged you again after you cancelled on D: the first unexplained charge and how many
/// more", then the most likely cause (or what to check) as a note.
fn still_charging_sentence(
    analysis: &Analysis<'_>,
    result: &mut CancellationResult,
    charges: &[Charge],
    unexplained: &[usize],
    merchant: &Merchant,
) {
    let first = charges[unexplained[0]];
    let args = Args::new()
        .text("vendor", result.vendor_name.clone())
        .date("cancelled_on", result.cancelled_on)
        .date("charged_on", first.date);
    let args = charge_money(analysis, first.row, args);
    let main = if unexplained.len() == 1 {
        Message::new("verdict-still-charging-once", args)
    } else {
        let args = args.count("more", unexplained.len() - 1);
        Message::new("verdict-still-charging", args)
    };
    let cause = match result.likely_causes.first() {
        Some(LikelyCause {
            title,
            step: Some(step),
            ..
        }) => Message::new(
            "note-likely-cause-step",
            Args::new()
                .text("cause", title.trim_end_matches('.'))
                .count("step", *step as usize),
        ),
        Some(LikelyCause { title, .. }) => Message::new(
            "note-likely-cause",
            Args::new().text("cause", title.trim_end_matches('.')),
        ),
        None if merchant.guide.is_none() => Message::new("note-confirm-or-dispute", Args::new()),
        None => Message::new("note-confirm-cancellation", Args::new()),
    };
    explain(result, main, vec![cause]);
}

/// "No charge from X appears in the statements", with a note per store whose charges could
/// hide the vendor.
fn not_seen_sentence(
    analysis: &Analysis<'_>,
    result: &mut CancellationResult,
    guide: Option<&'static guides::Guide>,
) {
    let args = Args::new().text("vendor", result.vendor_name.clone());
    let main = match analysis.coverage {
        Some((from, to)) => Message::new(
            "verdict-not-seen-period",
            args.date("from", from).date("to", to),
        ),
        None => Message::new("verdict-not-seen", args),
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
            hints.push(Message::new(
                "note-store-charges",
                Args::new()
                    .count("charges", count)
                    .text("store", channel.label()),
            ));
        }
    }
    explain(result, main, hints);
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

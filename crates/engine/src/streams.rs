//! Recurring streams within one merchant: refunds netted, charges split by amount, each amount
//! fitted to a cadence, price changes joined, usage-based vendors kept as one variable stream.

use crate::cadence::{self, best_fit_days, DaySchedule, Fit, Rules, Schedule};
use crate::report::Cadence;
use chrono::NaiveDate;
use std::collections::HashMap;

/// One charge or refund of a merchant, in the engine's common scale.
#[derive(Clone, Copy, Debug)]
pub struct Charge {
    /// Index of the row in the engine's row list.
    pub row: u32,
    /// The day the engine reasons with.
    pub date: NaiveDate,
    /// `date` as a day number (`num_days_from_ce`), for cadence arithmetic.
    pub day: i32,
    /// Signed minor units at the common scale; negative is money out.
    pub minor: i64,
}

/// What is known about the vendor behind a merchant.
#[derive(Clone, Copy, Debug)]
pub struct VendorModel<'a> {
    /// True when the merchant matched a guide: fewer charges make a stream.
    pub known: bool,
    /// Billed in arrears or from credits: amounts vary and every charge is one stream.
    pub variable_billing: bool,
    /// The cadences the guide names, most usual first (empty when unknown).
    pub cadences: &'a [Cadence],
}

/// A stream found in one merchant's charges.
#[derive(Clone, Debug)]
pub struct Stream {
    /// Its schedule (cadence and anchor).
    pub schedule: Schedule,
    /// The charges, as indices into the merchant's charge list, in date order.
    pub members: Vec<usize>,
    /// The slot of each member.
    pub slots: Vec<i64>,
    /// Amounts vary from charge to charge.
    pub variable: bool,
    /// (index of the first charge at the new price, old amount) for each confirmed change.
    pub price_changes: Vec<(usize, i64)>,
}

/// Everything found in one merchant's charges.
#[derive(Clone, Debug, Default)]
pub struct Found {
    /// The streams.
    pub streams: Vec<Stream>,
    /// For each charge, the refund (or charge) it was netted against.
    pub netted_with: HashMap<usize, usize>,
    /// A known vendor's only charge, followed by a silence that rules out the vendor's
    /// shortest billing period but cannot show a longer one: a one-off, not a stream.
    pub one_off: Option<OneOff>,
}

/// A known vendor's single charge that is not reported as a recurring stream.
///
/// A guide that offers several billing periods (`monthly` and `annual`) cannot say which one
/// a lone charge belongs to: once the shortest period's renewal is overdue, calling the charge
/// an annual plan would be a guess. It is a one-off unless the guide offers one period only
/// (the vendor bills that way) or the statements end too soon to tell (then it is a stream on
/// the guide's usual period, as before).
#[derive(Clone, Copy, Debug)]
pub struct OneOff {
    /// The charge, as an index into the merchant's charge list.
    pub member: usize,
    /// The longest period the guide offers, anchored at the charge: when a renewal would come
    /// if it was a plan on that period. Verdicts wait for it before saying `stopped`.
    pub schedule: Schedule,
}

/// Above this many same-amount chains in one merchant, price changes are not looked for.
const MAX_CHAINS_TO_MERGE: usize = 64;

/// How long after a charge a refund of the same amount is taken to undo it.
const REFUND_WINDOW_DAYS: i64 = 75;

/// Finds the streams in `charges` (sorted by date). `coverage_end` is the last day the
/// statements cover, used to guess the cadence of a lone charge.
pub fn detect(charges: &[Charge], vendor: VendorModel<'_>, coverage_end: NaiveDate) -> Found {
    let mut found = Found::default();
    net_refunds(charges, &mut found.netted_with);
    // Plain loops: an iterator chain over every charge stays a call per charge in the
    // size-optimised wasm build.
    let mut active: Vec<usize> = Vec::with_capacity(charges.len());
    let netted = &found.netted_with;
    for (index, charge) in charges.iter().enumerate() {
        if charge.minor < 0 && (netted.is_empty() || !netted.contains_key(&index)) {
            active.push(index);
        }
    }
    if active.is_empty() {
        return found;
    }
    if vendor.variable_billing {
        found
            .streams
            .push(whole_stream(charges, &active, vendor, coverage_end));
        return found;
    }

    let min_members = if vendor.known { 2 } else { 3 };
    let mut chains = amount_chains(charges, &active, vendor.known);
    merge_price_changes(charges, &mut chains);
    let mut in_chain = vec![false; charges.len()];
    for chain in &chains {
        for member in &chain.members {
            in_chain[*member] = true;
        }
    }
    attach_trailing_charges(charges, &active, &mut chains, &mut in_chain);

    for chain in chains {
        // An unknown merchant's weekly or fortnightly charges need a fourth occurrence: three
        // repeats of a usual order within a fortnight happen by chance.
        let short_cycle = matches!(chain.schedule.cadence, Cadence::Weekly | Cadence::Biweekly);
        let needed = if !vendor.known && short_cycle {
            min_members + 1
        } else {
            min_members
        };
        if chain.members.len() >= needed
            && (vendor.known || !busy_merchant(charges, &active, &chain))
        {
            found.streams.push(chain);
        } else {
            for member in &chain.members {
                in_chain[*member] = false;
            }
        }
    }

    let mut loose: Vec<usize> = Vec::new();
    for &index in &active {
        if !in_chain[index] {
            loose.push(index);
        }
    }
    // Charges at varying amounts on a schedule: a bill (unknown merchant) or a plan whose price
    // moves (known vendor). Weekly and fortnightly variable spending is shopping, not a bill.
    let variable_min = if vendor.known { 2 } else { 4 };
    let cadences: &[Cadence] = if vendor.known {
        &cadence::ALL
    } else {
        &[
            Cadence::Annual,
            Cadence::Semiannual,
            Cadence::Quarterly,
            Cadence::Monthly,
        ]
    };
    if loose.len() >= variable_min {
        let days: Vec<i32> = loose.iter().map(|index| charges[*index].day).collect();
        let rules = Rules {
            min_members: variable_min,
            outlier_ratio: 0.1,
            missed_ratio: 0.25,
        };
        if let Some(fit) = best_fit_days(&days, cadences, rules) {
            let members: Vec<usize> = fit.members.iter().map(|m| loose[*m]).collect();
            let (smallest, largest) = spread(charges, &members);
            if vendor.known || largest <= smallest.saturating_mul(4) {
                let variable = smallest != largest;
                found.streams.push(Stream {
                    schedule: fit.schedule,
                    members,
                    slots: fit.slots,
                    variable,
                    price_changes: Vec::new(),
                });
            }
        }
    }
    if vendor.known && found.streams.is_empty() {
        match lone_one_off(charges, &loose, vendor, coverage_end) {
            Some(one_off) => found.one_off = Some(one_off),
            None => found
                .streams
                .push(whole_stream(charges, &loose, vendor, coverage_end)),
        }
    }
    found
        .streams
        .sort_by_key(|stream| stream.members.first().map(|m| charges[*m].date));
    found
}

/// An unknown merchant with more other purchases than stream charges during the stream's span
/// is a shop visited often (a coffee shop whose usual order repeats), not a subscription.
fn busy_merchant(charges: &[Charge], active: &[usize], chain: &Stream) -> bool {
    let (Some(first), Some(last)) = (chain.members.first(), chain.members.last()) else {
        return false;
    };
    let (from, to) = (charges[*first].date, charges[*last].date);
    let start = active.partition_point(|index| charges[*index].date < from);
    let end = active.partition_point(|index| charges[*index].date <= to);
    let in_span = end.saturating_sub(start);
    let others = in_span.saturating_sub(chain.members.len());
    // A weekly or fortnightly slot is wide for its cycle (five or seven days of fourteen), so
    // chance hits are common there: half as many other purchases already count as busy.
    match chain.schedule.cadence {
        Cadence::Weekly | Cadence::Biweekly => others * 2 >= chain.members.len(),
        _ => others >= chain.members.len(),
    }
}

fn spread(charges: &[Charge], members: &[usize]) -> (i64, i64) {
    let mut smallest = i64::MAX;
    let mut largest = 0i64;
    for member in members {
        let size = charges[*member].minor.saturating_abs();
        smallest = smallest.min(size);
        largest = largest.max(size);
    }
    (smallest, largest)
}

fn net_refunds(charges: &[Charge], netted_with: &mut HashMap<usize, usize>) {
    // Only amounts that come back as credits can be netted; most merchants have none.
    let refunded: std::collections::HashSet<i64> = charges
        .iter()
        .filter(|c| c.minor > 0)
        .map(|c| c.minor)
        .collect();
    if refunded.is_empty() {
        return;
    }
    let mut open: HashMap<i64, Vec<usize>> = HashMap::new();
    for (index, charge) in charges.iter().enumerate() {
        if charge.minor < 0 {
            if refunded.contains(&charge.minor.saturating_neg()) {
                open.entry(charge.minor.saturating_neg())
                    .or_default()
                    .push(index);
            }
        } else if charge.minor > 0 {
            // The latest earlier charge of the same amount within the window.
            let Some(candidates) = open.get_mut(&charge.minor) else {
                continue;
            };
            if let Some(position) = candidates.iter().rposition(|candidate| {
                (charge.date - charges[*candidate].date).num_days() <= REFUND_WINDOW_DAYS
            }) {
                let original = candidates.remove(position);
                netted_with.insert(original, index);
                netted_with.insert(index, original);
            }
        }
    }
}

/// Every given charge as one stream (usage-based billing, or a known vendor's irregular or
/// lone charges).
fn whole_stream(
    charges: &[Charge],
    members: &[usize],
    vendor: VendorModel<'_>,
    coverage_end: NaiveDate,
) -> Stream {
    let days: Vec<i32> = members.iter().map(|index| charges[*index].day).collect();
    let relaxed = Rules {
        min_members: 2,
        outlier_ratio: 0.5,
        missed_ratio: 1.0,
    };
    let cadences: &[Cadence] = if vendor.cadences.is_empty() {
        &cadence::ALL
    } else {
        vendor.cadences
    };
    let schedule = match best_fit_days(&days, cadences, relaxed) {
        Some(fit) => fit.schedule,
        None => {
            let first = members.first().map(|index| charges[*index].date);
            Schedule::new(lone_cadence(vendor), first.unwrap_or(coverage_end))
        }
    };
    let on_days = DaySchedule::new(schedule);
    let slots = days.iter().map(|day| on_days.nearest(*day).0).collect();
    let (smallest, largest) = spread(charges, members);
    Stream {
        schedule,
        members: members.to_vec(),
        slots,
        variable: smallest != largest,
        price_changes: Vec::new(),
    }
}

/// The cadence of a known vendor seen too few times to measure: the guide's only cadence,
/// else monthly when the guide offers it, else the guide's first. (A lone charge whose
/// shortest renewal is overdue never gets here: see [`OneOff`].)
fn lone_cadence(vendor: VendorModel<'_>) -> Cadence {
    match vendor.cadences {
        [] => Cadence::Monthly,
        [only] => *only,
        several if several.contains(&Cadence::Monthly) => Cadence::Monthly,
        several => several[0],
    }
}

/// A known vendor's only charge as a [`OneOff`], when the guide offers several billing periods
/// and the statements run past the shortest one's renewal (plus grace) with no repeat.
fn lone_one_off(
    charges: &[Charge],
    loose: &[usize],
    vendor: VendorModel<'_>,
    coverage_end: NaiveDate,
) -> Option<OneOff> {
    let (&[member], false, [first, _, ..]) = (loose, vendor.variable_billing, vendor.cadences)
    else {
        return None;
    };
    // `Cadence` is declared from the shortest period to the longest.
    let (mut shortest, mut longest) = (*first, *first);
    for &cadence in vendor.cadences {
        if (cadence as u8) < (shortest as u8) {
            shortest = cadence;
        }
        if (cadence as u8) > (longest as u8) {
            longest = cadence;
        }
    }
    let date = charges.get(member)?.date;
    let renewal_seen_by = |cadence: Cadence| {
        Schedule::new(cadence, date).slot(1)
            + chrono::Days::new(cadence::grace(cadence).unsigned_abs())
    };
    if coverage_end <= renewal_seen_by(shortest) {
        // Too soon to tell: a stream on the guide's usual period, due again soon.
        return None;
    }
    Some(OneOff {
        member,
        schedule: Schedule::new(longest, date),
    })
}

/// One chain per charge amount that sits on a schedule.
fn amount_chains(charges: &[Charge], active: &[usize], known: bool) -> Vec<Stream> {
    let by_amount = by_amount_then_date(charges, active);
    let rules = Rules {
        min_members: 2,
        outlier_ratio: 0.2,
        missed_ratio: 0.25,
    };
    let mut chains = Vec::new();
    let mut pairs: Vec<&[Keyed]> = Vec::new();
    let mut days: Vec<i32> = Vec::new();
    let mut fit_group = |same: &[Keyed], chains: &mut Vec<Stream>| {
        days.clear();
        days.extend(same.iter().map(|keyed| keyed.day));
        if let Some(Fit {
            schedule,
            members,
            slots,
            ..
        }) = best_fit_days(&days, &cadence::ALL, rules)
        {
            chains.push(Stream {
                schedule,
                members: members.iter().map(|m| same[*m].index as usize).collect(),
                slots,
                variable: false,
                price_changes: Vec::new(),
            });
        }
    };
    for same in by_amount.chunk_by(|a, b| a.amount == b.amount) {
        match same.len() {
            0 | 1 => {}
            2 => pairs.push(same),
            _ => fit_group(same, &mut chains),
        }
    }
    // Two charges at one amount matter to a known vendor (an annual plan), or as the new price
    // of a plan already seen; in a shop with no plan they are coincidences, and fitting every
    // such pair would cost more than the rest of the analysis.
    if known || !chains.is_empty() {
        for same in pairs {
            fit_group(same, &mut chains);
        }
    }
    chains.sort_by_key(|chain| chain.members.first().map(|m| charges[*m].date));
    chains
}

/// A charge as amount grouping needs it, so that the groups are read front to back.
#[derive(Clone, Copy, Debug, Default)]
struct Keyed {
    /// The amount as an offset from the smallest (order-preserving, fits a u64).
    amount: u64,
    index: u32,
    day: i32,
}

/// `active` (ascending indices into `charges`, which are in date order) ordered by amount, then
/// date, then index. A busy shop has tens of thousands of charges: a stable radix sort on the
/// amount keeps the date order within each amount for free and costs two or three passes.
fn by_amount_then_date(charges: &[Charge], active: &[usize]) -> Vec<Keyed> {
    let smallest = active
        .iter()
        .map(|index| charges[*index].minor)
        .min()
        .unwrap_or(0);
    let mut order: Vec<Keyed> = active
        .iter()
        .map(|index| Keyed {
            // Offsets from the smallest amount fit in a u64 even for opposite extremes of i64.
            amount: charges[*index].minor.wrapping_sub(smallest) as u64,
            index: *index as u32,
            day: charges[*index].day,
        })
        .collect();
    if order.len() < 256 {
        // Index order is date order, so (amount, index) is (amount, date, index).
        order.sort_unstable_by_key(|keyed| (keyed.amount, keyed.index));
        return order;
    }
    let widest = order.iter().map(|keyed| keyed.amount).max().unwrap_or(0);
    let mut scratch: Vec<Keyed> = vec![Keyed::default(); order.len()];
    let mut shift = 0u32;
    while shift < 64 && (widest >> shift) != 0 {
        let mut counts = [0usize; 256];
        for keyed in &order {
            counts[((keyed.amount >> shift) & 0xff) as usize] += 1;
        }
        let mut total = 0;
        for count in counts.iter_mut() {
            let here = *count;
            *count = total;
            total += here;
        }
        for keyed in &order {
            let digit = ((keyed.amount >> shift) & 0xff) as usize;
            scratch[counts[digit]] = *keyed;
            counts[digit] += 1;
        }
        std::mem::swap(&mut order, &mut scratch);
        shift += 8;
    }
    order
}

fn amounts_close(old: i64, new: i64) -> bool {
    let (old, new) = (old.saturating_abs(), new.saturating_abs());
    new <= old.saturating_mul(3) && old <= new.saturating_mul(3)
}

/// Joins a chain at a new amount onto an earlier chain it continues: same cadence, starting on
/// the earlier chain's next slot (or the one after), every charge on the earlier schedule. That
/// is a price change: two or more consecutive charges at the new price.
fn merge_price_changes(charges: &[Charge], chains: &mut Vec<Stream>) {
    // Hundreds of chains in one merchant are coincidences in a shop's prices, not plans whose
    // price changed; the pairwise search would only cost time there.
    if chains.len() > MAX_CHAINS_TO_MERGE {
        return;
    }
    let mut merged = true;
    while merged {
        merged = false;
        'search: for earlier in 0..chains.len() {
            for later in 0..chains.len() {
                if earlier == later {
                    continue;
                }
                let (a, b) = (&chains[earlier], &chains[later]);
                if a.schedule.cadence != b.schedule.cadence {
                    continue;
                }
                let (Some(&a_last), Some(&b_first), Some(&a_last_slot)) =
                    (a.members.last(), b.members.first(), a.slots.last())
                else {
                    continue;
                };
                if charges[b_first].date <= charges[a_last].date
                    || !amounts_close(charges[a_last].minor, charges[b_first].minor)
                {
                    continue;
                }
                let tolerance = cadence::tolerance(a.schedule.cadence);
                let on_days = DaySchedule::new(a.schedule);
                let mut new_slots = Vec::with_capacity(b.members.len());
                for member in &b.members {
                    let (k, distance) = on_days.nearest(charges[*member].day);
                    if distance.abs() > tolerance {
                        break;
                    }
                    new_slots.push(k);
                }
                let first_new = new_slots.first().copied();
                if new_slots.len() != b.members.len()
                    || !matches!(first_new, Some(k) if k == a_last_slot + 1 || k == a_last_slot + 2)
                {
                    continue;
                }
                let old_amount = charges[a_last].minor;
                let later_chain = chains.remove(later);
                let target = if later < earlier {
                    earlier - 1
                } else {
                    earlier
                };
                let chain = &mut chains[target];
                chain
                    .price_changes
                    .push((later_chain.members[0], old_amount));
                chain.members.extend(later_chain.members);
                chain.slots.extend(new_slots);
                chain.price_changes.extend(later_chain.price_changes);
                merged = true;
                break 'search;
            }
        }
    }
}

/// A single charge at a new amount on a chain's next slot continues the chain (a price change
/// not yet confirmed by a second charge). Only the merchant's latest loose charge can be that
/// newest renewal: anything later would make it a one-off.
fn attach_trailing_charges(
    charges: &[Charge],
    active: &[usize],
    chains: &mut [Stream],
    in_chain: &mut [bool],
) {
    // `active` is in date order: the last loose charge is the latest (among equal dates, the
    // last one, as `max_by_key` would pick).
    let Some(latest) = active.iter().rev().copied().find(|index| !in_chain[*index]) else {
        return;
    };
    for chain in chains.iter_mut() {
        let (Some(&last), Some(&last_slot)) = (chain.members.last(), chain.slots.last()) else {
            continue;
        };
        let tolerance = cadence::tolerance(chain.schedule.cadence);
        let (k, distance) = chain.schedule.nearest(charges[latest].date);
        if charges[latest].date > charges[last].date
            && k == last_slot + 1
            && distance.abs() <= tolerance
            && amounts_close(charges[last].minor, charges[latest].minor)
        {
            in_chain[latest] = true;
            chain.members.push(latest);
            chain.slots.push(last_slot + 1);
            return;
        }
    }
}

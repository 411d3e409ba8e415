//! Calendar-aware cadence fitting: which charges of a list sit on the slots of a weekly, …,
//! annual schedule, allowing for month ends and a few days of drift (weekends, posting lag).

use crate::report::Cadence;
use chrono::{Datelike, Days, Months, NaiveDate};

/// Every cadence, longest first (a tie between fits goes to the longer one).
pub const ALL: [Cadence; 6] = [
    Cadence::Annual,
    Cadence::Semiannual,
    Cadence::Quarterly,
    Cadence::Monthly,
    Cadence::Biweekly,
    Cadence::Weekly,
];

/// A schedule: where slot `k` of a cadence falls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Schedule {
    /// The cadence.
    pub cadence: Cadence,
    /// Slot 0.
    pub anchor: NaiveDate,
    /// Month-based slots fall on the last day of the month (a plan started on the 31st).
    pub month_end: bool,
}

/// Average length in days, to guess which slot a date is near.
#[inline(always)]
pub fn nominal_days(cadence: Cadence) -> f64 {
    match cadence {
        Cadence::Weekly => 7.0,
        Cadence::Biweekly => 14.0,
        Cadence::Monthly => 30.436875,
        Cadence::Quarterly => 91.310625,
        Cadence::Semiannual => 182.62125,
        Cadence::Annual => 365.2425,
    }
}

/// How far (days) a charge may sit from its slot and still belong to it.
#[inline(always)]
pub fn tolerance(cadence: Cadence) -> i64 {
    match cadence {
        Cadence::Weekly => 2,
        Cadence::Biweekly => 3,
        Cadence::Monthly => 4,
        Cadence::Quarterly => 6,
        Cadence::Semiannual => 8,
        Cadence::Annual => 12,
    }
}

/// Days after a missed slot before silence counts: the slot tolerance plus posting lag.
pub fn grace(cadence: Cadence) -> i64 {
    tolerance(cadence) + 3
}

/// The guides' cadence as the report's.
pub fn from_guide(cadence: guides::Cadence) -> Cadence {
    match cadence {
        guides::Cadence::Weekly => Cadence::Weekly,
        guides::Cadence::Biweekly => Cadence::Biweekly,
        guides::Cadence::Monthly => Cadence::Monthly,
        guides::Cadence::Quarterly => Cadence::Quarterly,
        guides::Cadence::Semiannual => Cadence::Semiannual,
        guides::Cadence::Annual => Cadence::Annual,
    }
}

#[inline(always)]
fn months(cadence: Cadence) -> Option<u32> {
    match cadence {
        Cadence::Weekly | Cadence::Biweekly => None,
        Cadence::Monthly => Some(1),
        Cadence::Quarterly => Some(3),
        Cadence::Semiannual => Some(6),
        Cadence::Annual => Some(12),
    }
}

fn is_month_end(date: NaiveDate) -> bool {
    date.succ_opt()
        .is_none_or(|next| next.month() != date.month())
}

impl Schedule {
    /// A schedule anchored at `anchor`; a month-end anchor keeps to month ends.
    pub fn new(cadence: Cadence, anchor: NaiveDate) -> Self {
        Schedule {
            cadence,
            anchor,
            month_end: months(cadence).is_some() && is_month_end(anchor) && anchor.day() >= 30,
        }
    }

    /// The date of slot `k` (negative slots lie before the anchor). Saturates at the ends of
    /// the calendar instead of failing.
    pub fn slot(&self, k: i64) -> NaiveDate {
        let fast = DaySchedule::new(*self);
        i32::try_from(fast.slot_day(k))
            .ok()
            .and_then(NaiveDate::from_num_days_from_ce_opt)
            .unwrap_or_else(|| self.slot_by_chrono(k))
    }

    /// [`Schedule::slot`] by chrono's calendar: the reference the day-number arithmetic of
    /// [`DaySchedule`] reproduces, and its fallback near the ends of the calendar.
    fn slot_by_chrono(&self, k: i64) -> NaiveDate {
        match months(self.cadence) {
            None => {
                let step = if self.cadence == Cadence::Weekly {
                    7
                } else {
                    14
                };
                let days = k.saturating_mul(step);
                let result = if days >= 0 {
                    self.anchor.checked_add_days(Days::new(days.unsigned_abs()))
                } else {
                    self.anchor.checked_sub_days(Days::new(days.unsigned_abs()))
                };
                result.unwrap_or(self.anchor)
            }
            Some(per) => {
                let total = k.saturating_mul(i64::from(per));
                let Ok(magnitude) = u32::try_from(total.unsigned_abs()) else {
                    return self.anchor;
                };
                let shifted = if total >= 0 {
                    self.anchor.checked_add_months(Months::new(magnitude))
                } else {
                    self.anchor.checked_sub_months(Months::new(magnitude))
                };
                let Some(shifted) = shifted else {
                    return self.anchor;
                };
                if self.month_end {
                    last_day_of_month(shifted)
                } else {
                    shifted
                }
            }
        }
    }

    /// The slot nearest to `date`, and the signed distance in days from it (positive = late).
    pub fn nearest(&self, date: NaiveDate) -> (i64, i64) {
        DaySchedule::new(*self).nearest(date.num_days_from_ce())
    }

    /// The first slot strictly after `date`.
    pub fn first_after(&self, date: NaiveDate) -> (i64, NaiveDate) {
        let (mut k, _) = self.nearest(date);
        // The nearest slot is at most one step off; the bounds only guard the calendar's ends.
        for _ in 0..4 {
            if self.slot(k) > date {
                break;
            }
            k += 1;
        }
        for _ in 0..4 {
            if self.slot(k - 1) <= date {
                break;
            }
            k -= 1;
        }
        (k, self.slot(k))
    }
}

/// A [`Schedule`] prepared for arithmetic on day numbers (days from the common era, as
/// `NaiveDate::num_days_from_ce`): fitting asks for millions of slots on a large statement,
/// and chrono's month arithmetic per slot cost more than everything else (several times more
/// in wasm). Slot dates agree with chrono's exactly; near the calendar's ends it defers to it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DaySchedule {
    cadence: Cadence,
    month_end: bool,
    anchor_day: i64,
    /// `year * 12 + month0` of the anchor.
    anchor_month: i64,
    anchor_dom: u32,
    /// Months per slot, or 0 for day-based cadences.
    per_month: i64,
    /// Days per slot for day-based cadences.
    step_days: i64,
    nominal: f64,
    /// The anchor is far from the calendar's ends, so [`DaySchedule::surely_off`] may judge.
    roomy: bool,
}

/// How far a slot of a month-based cadence can lie from the even grid `anchor + k × nominal`:
/// the first days of months run from 4.4 days ahead of that grid to 4.4 behind over the
/// 400-year cycle (4,800 months are exactly 4,800 nominal months), and a day 29 or 30 anchor
/// is cut back by up to 2 days in short months. Day-based slots lie on the grid exactly.
const GRID_DRIFT_DAYS: f64 = 7.0;

/// Years well inside chrono's calendar, where the day-number arithmetic needs no range checks.
const SAFE_FIRST_YEAR: i32 = -200_000;
const SAFE_LAST_YEAR: i32 = 200_000;

impl DaySchedule {
    pub(crate) fn new(schedule: Schedule) -> Self {
        let anchor = schedule.anchor;
        let anchor_day = i64::from(anchor.num_days_from_ce());
        DaySchedule {
            cadence: schedule.cadence,
            month_end: schedule.month_end,
            anchor_day,
            anchor_month: i64::from(anchor.year()) * 12 + i64::from(anchor.month0()),
            anchor_dom: anchor.day(),
            per_month: months(schedule.cadence).map_or(0, i64::from),
            step_days: if schedule.cadence == Cadence::Weekly {
                7
            } else {
                14
            },
            nominal: nominal_days(schedule.cadence),
            roomy: (ROOMY_FIRST_DAY..=ROOMY_LAST_DAY).contains(&anchor_day),
        }
    }

    /// The schedule as the rest of the engine knows it.
    pub(crate) fn schedule(&self) -> Schedule {
        Schedule {
            cadence: self.cadence,
            // Always a valid date: it came from one, or was checked to lie inside the
            // calendar by `at_day`.
            anchor: i32::try_from(self.anchor_day)
                .ok()
                .and_then(NaiveDate::from_num_days_from_ce_opt)
                .unwrap_or(NaiveDate::MIN),
            month_end: self.month_end,
        }
    }

    /// The schedule of `cadence` anchored at day number `day` (as `Schedule::new`).
    pub(crate) fn at_day(cadence: Cadence, day: i32) -> Option<Self> {
        if !(ROOMY_FIRST_DAY..=ROOMY_LAST_DAY).contains(&i64::from(day)) {
            let anchor = NaiveDate::from_num_days_from_ce_opt(day)?;
            return Some(Self::new(Schedule::new(cadence, anchor)));
        }
        Some(Self::at_civil(cadence, day, civil_from_days(day)))
    }

    /// [`DaySchedule::at_day`] for a day in the roomy range whose date is already known.
    fn at_civil(cadence: Cadence, day: i32, (year, month1, day_of_month): (i32, u32, u32)) -> Self {
        let per_month = months(cadence).map_or(0, i64::from);
        let month_end =
            per_month != 0 && day_of_month == days_in_month(year, month1) && day_of_month >= 30;
        DaySchedule {
            cadence,
            month_end,
            anchor_day: i64::from(day),
            anchor_month: i64::from(year) * 12 + i64::from(month1) - 1,
            anchor_dom: day_of_month,
            per_month,
            step_days: if cadence == Cadence::Weekly { 7 } else { 14 },
            nominal: nominal_days(cadence),
            roomy: true,
        }
    }

    /// True when day number `day` is certainly more than `tolerance` days from every slot: a
    /// few float operations instead of three slot dates, for the many charges of a trial fit
    /// that are on no schedule. False means "look properly".
    #[inline(always)]
    fn surely_off(&self, day: i32, tolerance: i64) -> bool {
        if !self.roomy || !(ROOMY_FIRST_DAY..=ROOMY_LAST_DAY).contains(&i64::from(day)) {
            return false;
        }
        let periods = (i64::from(day) - self.anchor_day) as f64 / self.nominal;
        // Truncation is a plain instruction where `floor` may be a library call.
        let fraction = (periods - (periods as i64) as f64).abs();
        // A comparison, not `f64::min` (a library call in wasm, for its NaN rules).
        let nearer = if fraction < 0.5 {
            fraction
        } else {
            1.0 - fraction
        };
        let from_grid = nearer * self.nominal;
        from_grid > tolerance as f64 + GRID_DRIFT_DAYS
    }

    /// The day number of slot `k` (as [`Schedule::slot`]).
    #[inline(always)]
    pub(crate) fn slot_day(&self, k: i64) -> i64 {
        if self.per_month == 0 {
            let day = self
                .anchor_day
                .saturating_add(k.saturating_mul(self.step_days));
            if (SAFE_FIRST_DAY..=SAFE_LAST_DAY).contains(&day) {
                return day;
            }
            return i64::from(self.schedule().slot_by_chrono(k).num_days_from_ce());
        }
        let total = k.saturating_mul(self.per_month);
        let month = self.anchor_month.saturating_add(total);
        let safe_months = i64::from(SAFE_FIRST_YEAR) * 12..=i64::from(SAFE_LAST_YEAR) * 12 + 11;
        let Some(month) = safe_months
            .contains(&month)
            .then(|| i32::try_from(month).ok())
            .flatten()
        else {
            return i64::from(self.schedule().slot_by_chrono(k).num_days_from_ce());
        };
        let year = month.div_euclid(12);
        let month1 = month.rem_euclid(12) as u32 + 1;
        let length = days_in_month(year, month1);
        let day = if self.month_end {
            length
        } else {
            self.anchor_dom.min(length)
        };
        i64::from(days_from_civil(year, month1, day))
    }

    /// The slot nearest to day number `day`, and the signed distance in days from it.
    #[inline(always)]
    pub(crate) fn nearest(&self, day: i32) -> (i64, i64) {
        let day = i64::from(day);
        // Every trial fit starts on its anchor. Inside the calendar, slots -1 and 1 are a week
        // or more away and slot 0 is the anchor itself.
        if day == self.anchor_day && self.roomy {
            return (0, 0);
        }
        let days = day - self.anchor_day;
        let guess = round_half_away(days as f64 / self.nominal);
        let mut best = (guess, i64::MAX);
        for k in [guess - 1, guess, guess + 1] {
            let distance = day - self.slot_day(k);
            if distance.abs() < best.1.abs() {
                best = (k, distance);
            }
        }
        best
    }
}

const SAFE_FIRST_DAY: i64 = days_from_civil(SAFE_FIRST_YEAR, 1, 1) as i64;
const SAFE_LAST_DAY: i64 = days_from_civil(SAFE_LAST_YEAR, 12, 31) as i64;
/// Anchors and days this far inside the safe years keep every slot near them safe too.
const ROOMY_FIRST_DAY: i64 = days_from_civil(SAFE_FIRST_YEAR + 1000, 1, 1) as i64;
const ROOMY_LAST_DAY: i64 = days_from_civil(SAFE_LAST_YEAR - 1000, 12, 31) as i64;

/// `x.round() as i64` for |x| < 2^52 (day counts over cadence lengths always are), without
/// the library call `round` is on targets with no rounding instruction (wasm, baseline x86).
/// Exact: below 2^52 the whole part and the rest are both representable.
#[inline(always)]
fn round_half_away(x: f64) -> i64 {
    let whole = x as i64;
    let rest = x - whole as f64;
    whole + i64::from(rest >= 0.5) - i64::from(rest <= -0.5)
}

#[inline(always)]
fn is_leap(year: i32) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

#[inline(always)]
fn days_in_month(year: i32, month1: u32) -> u32 {
    match month1 {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The proleptic Gregorian date (year, month, day) of a day number in the safe range
/// (H. Hinnant's `civil_from_days`). 32-bit on purpose: in wasm, 64-bit division by a constant
/// stays a division instruction, while 32-bit division becomes a multiplication.
#[inline(always)]
fn civil_from_days(day: i32) -> (i32, u32, u32) {
    let z = day - 719_163 + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = (z - era * 146_097) as u32;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day_of_month = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month1 = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era as i32 + era * 400 + i32::from(month1 <= 2);
    (year, month1, day_of_month)
}

/// Day number (days from the common era, 0001-01-01 = 1) of a proleptic Gregorian date in the
/// safe range (H. Hinnant's `days_from_civil`, shifted from the Unix epoch).
#[inline(always)]
const fn days_from_civil(year: i32, month1: u32, day: u32) -> i32 {
    let year = if month1 <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = (year - era * 400) as u32;
    let month_from_march = (month1 + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era as i32 - 719_468 + 719_163
}

fn last_day_of_month(date: NaiveDate) -> NaiveDate {
    let mut day = date;
    while let Some(next) = day.succ_opt() {
        if next.month() != day.month() {
            break;
        }
        day = next;
    }
    day
}

/// Which charges sit on a schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fit {
    /// The schedule.
    pub schedule: Schedule,
    /// Indices (into the dates given to [`fit`]) of the charges on a slot, in date order.
    pub members: Vec<usize>,
    /// The slot of each member.
    pub slots: Vec<i64>,
    /// Slots between the first and last member with no charge.
    pub missed: usize,
    /// Charges that are on no slot, or a second charge on an occupied slot.
    pub outliers: usize,
}

impl Fit {
    /// The first slot after the last member.
    pub fn next_slot(&self) -> i64 {
        self.slots.last().map_or(0, |last| last + 1)
    }
}

/// Fits `dates` (sorted) to `schedule`.
pub fn fit_schedule(dates: &[NaiveDate], schedule: Schedule) -> Fit {
    let days: Vec<i32> = dates.iter().map(|date| date.num_days_from_ce()).collect();
    fit_days(&days, &DaySchedule::new(schedule))
}

/// [`fit_schedule`] on day numbers.
pub(crate) fn fit_days(days: &[i32], schedule: &DaySchedule) -> Fit {
    let tolerance = tolerance(schedule.cadence);
    let mut members: Vec<usize> = Vec::new();
    let mut slots: Vec<i64> = Vec::new();
    let mut distances: Vec<i64> = Vec::new();
    let mut outliers = 0;
    for (index, day) in days.iter().enumerate() {
        let (k, distance) = schedule.nearest(*day);
        if distance.abs() > tolerance {
            outliers += 1;
            continue;
        }
        if slots.last() == Some(&k) {
            outliers += 1;
            // Keep the charge nearer its slot.
            if let (Some(last_distance), Some(last_member)) =
                (distances.last_mut(), members.last_mut())
            {
                if distance.abs() < last_distance.abs() {
                    *last_distance = distance;
                    *last_member = index;
                }
            }
            continue;
        }
        members.push(index);
        slots.push(k);
        distances.push(distance);
    }
    let missed = match (slots.first(), slots.last()) {
        (Some(first), Some(last)) => usize::try_from(last - first + 1)
            .unwrap_or(0)
            .saturating_sub(slots.len()),
        _ => 0,
    };
    Fit {
        schedule: schedule.schedule(),
        members,
        slots,
        missed,
        outliers,
    }
}

/// The counts [`fit_days`] would give (members, missed, outliers), without building the fit,
/// or `None` as soon as `rules` can no longer accept it: most trial fits are of charges that
/// are on no schedule, and they are over after two or three charges.
fn fit_counts(days: &[i32], schedule: &DaySchedule, rules: Rules) -> Option<(usize, usize, usize)> {
    let tolerance = tolerance(schedule.cadence);
    let n = days.len();
    let mut members = 0usize;
    let mut outliers = 0usize;
    let mut first_slot = 0i64;
    let mut last_slot: Option<i64> = None;
    for day in days {
        let (k, distance) = if schedule.surely_off(*day, tolerance) {
            (0, i64::MAX)
        } else {
            schedule.nearest(*day)
        };
        if distance.abs() > tolerance || last_slot == Some(k) {
            outliers += 1;
            // Every charge not yet seen could still be a member; if even that many members
            // cannot carry these outliers, the fit is rejected whatever follows.
            let most_members = n - outliers;
            if most_members < rules.min_members
                || outliers as f64 > rules.outlier_ratio * most_members as f64
            {
                return None;
            }
            continue;
        }
        if last_slot.is_none() {
            first_slot = k;
        }
        last_slot = Some(k);
        members += 1;
    }
    let missed = last_slot.map_or(0, |last| {
        usize::try_from(last - first_slot + 1)
            .unwrap_or(0)
            .saturating_sub(members)
    });
    Some((members, missed, outliers))
}

/// What a fit must satisfy to count as a stream.
#[derive(Clone, Copy, Debug)]
pub struct Rules {
    /// Fewest charges on slots.
    pub min_members: usize,
    /// Outliers allowed per member (0.2 = one in five).
    pub outlier_ratio: f64,
    /// Missed slots allowed per member.
    pub missed_ratio: f64,
}

impl Rules {
    fn accepts_counts(&self, members: usize, missed: usize, outliers: usize) -> bool {
        members >= self.min_members
            && outliers as f64 <= self.outlier_ratio * members as f64
            && missed as f64 <= self.missed_ratio * members as f64
    }
}

/// The best accepted fit of `dates` (sorted) over `cadences`: most members, then fewest missed
/// slots, then fewest outliers, then the longer cadence.
pub fn best_fit(dates: &[NaiveDate], cadences: &[Cadence], rules: Rules) -> Option<Fit> {
    let days: Vec<i32> = dates.iter().map(|date| date.num_days_from_ce()).collect();
    best_fit_days(&days, cadences, rules)
}

/// [`best_fit`] on day numbers (sorted).
pub(crate) fn best_fit_days(days: &[i32], cadences: &[Cadence], rules: Rules) -> Option<Fit> {
    if days.len() < rules.min_members.max(1) {
        return None;
    }
    let span = (i64::from(days[days.len() - 1]) - i64::from(days[0])) as f64;
    // Far fewer charges than slots even for the longest cadence: then so for every shorter one
    // (more slots in the same span), and the loop below would skip them all. Many groups of
    // charges at one amount in a busy shop end here. (A plain comparison: `f64::max` is a
    // call in wasm.)
    let mut longest = 0.0;
    for &cadence in cadences {
        let days = nominal_days(cadence);
        if days > longest {
            longest = days;
        }
    }
    if longest > 0.0 && span / longest + 1.0 > days.len() as f64 * (1.0 + rules.missed_ratio) + 2.0
    {
        return None;
    }
    // The trial fits only count; the winner is built once at the end.
    let mut best: Option<(DaySchedule, (usize, usize, usize))> = None;
    // The anchors' dates, worked out once for all cadences (when inside the roomy range), and
    // only when a cadence gets past the checks below: most calls (groups of charges at one
    // amount in a busy shop) try none.
    let mut anchor_dates: Option<[Option<(i32, u32, u32)>; 3]> = None;
    for &cadence in cadences {
        // Far more charges than slots in the span: no fit can absorb that many outliers.
        let slots_in_span = span / nominal_days(cadence) + 1.0;
        if days.len() as f64 > slots_in_span * (1.0 + rules.outlier_ratio) + 1.0 {
            continue;
        }
        // Far fewer charges than slots: too many would be missed whatever the anchor.
        if slots_in_span > days.len() as f64 * (1.0 + rules.missed_ratio) + 2.0 {
            continue;
        }
        let anchor_dates = anchor_dates.get_or_insert_with(|| {
            let mut dates = [None; 3];
            for (date, day) in dates.iter_mut().zip(days) {
                if (ROOMY_FIRST_DAY..=ROOMY_LAST_DAY).contains(&i64::from(*day)) {
                    *date = Some(civil_from_days(*day));
                }
            }
            dates
        });
        // A few anchors: the first charge may be an outlier (a one-off before the plan).
        for (anchor, civil) in days.iter().zip(anchor_dates.iter()) {
            let schedule = match civil {
                Some(civil) => DaySchedule::at_civil(cadence, *anchor, *civil),
                None => match DaySchedule::at_day(cadence, *anchor) {
                    Some(schedule) => schedule,
                    None => continue,
                },
            };
            let Some(counts) = fit_counts(days, &schedule, rules) else {
                continue;
            };
            let (members, missed, outliers) = counts;
            if !rules.accepts_counts(members, missed, outliers) {
                continue;
            }
            let better = match &best {
                None => true,
                Some((_, (best_members, best_missed, best_outliers))) => {
                    (
                        members,
                        std::cmp::Reverse(missed),
                        std::cmp::Reverse(outliers),
                    ) > (
                        *best_members,
                        std::cmp::Reverse(*best_missed),
                        std::cmp::Reverse(*best_outliers),
                    )
                }
            };
            if better {
                best = Some((schedule, counts));
            }
        }
    }
    best.map(|(schedule, _)| fit_days(days, &schedule))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    const STRICT: Rules = Rules {
        min_members: 3,
        outlier_ratio: 0.2,
        missed_ratio: 0.25,
    };

    #[test]
    fn month_ends_follow_the_calendar() {
        let schedule = Schedule::new(Cadence::Monthly, d(2026, 1, 31));
        assert_eq!(schedule.slot(1), d(2026, 2, 28));
        assert_eq!(schedule.slot(2), d(2026, 3, 31));
        assert_eq!(schedule.slot(3), d(2026, 4, 30));
        let dates = [
            d(2026, 1, 31),
            d(2026, 2, 28),
            d(2026, 3, 31),
            d(2026, 4, 30),
            d(2026, 6, 1),
        ];
        let fit = best_fit(&dates, &ALL, STRICT).expect("month ends fit monthly");
        assert_eq!(
            (fit.schedule.cadence, fit.members.len(), fit.outliers),
            (Cadence::Monthly, 5, 0)
        );
    }

    #[test]
    fn weekend_drift_and_posting_lag_stay_on_the_slot() {
        let dates = [
            d(2026, 1, 1),
            d(2026, 2, 3),
            d(2026, 3, 2),
            d(2026, 4, 1),
            d(2026, 5, 4),
            d(2026, 6, 1),
        ];
        let fit = best_fit(&dates, &ALL, STRICT).expect("drifting monthly");
        assert_eq!(
            (fit.schedule.cadence, fit.members.len()),
            (Cadence::Monthly, 6)
        );
    }

    #[test]
    fn every_cadence_is_recognised() {
        for cadence in ALL {
            let schedule = Schedule::new(cadence, d(2020, 3, 15));
            let dates: Vec<NaiveDate> = (0..5).map(|k| schedule.slot(k)).collect();
            let fit = best_fit(&dates, &ALL, STRICT).expect("exact schedule fits");
            assert_eq!(fit.schedule.cadence, cadence);
        }
    }

    #[test]
    fn random_visits_do_not_fit() {
        // Visits two or three times a week at irregular gaps.
        let mut date = d(2026, 1, 1);
        let mut dates = Vec::new();
        for gap in [
            2u64, 3, 1, 4, 2, 2, 3, 5, 1, 2, 3, 2, 4, 1, 3, 2, 2, 5, 3, 1, 2, 4,
        ] {
            date = date + Days::new(gap);
            dates.push(date);
        }
        assert_eq!(best_fit(&dates, &ALL, STRICT), None);
    }

    #[test]
    fn first_after_is_strict() {
        let schedule = Schedule::new(Cadence::Monthly, d(2026, 1, 15));
        assert_eq!(schedule.first_after(d(2026, 3, 15)), (3, d(2026, 4, 15)));
        assert_eq!(schedule.first_after(d(2026, 3, 14)), (2, d(2026, 3, 15)));
        assert_eq!(schedule.first_after(d(2025, 12, 1)), (-1, d(2025, 12, 15)));
    }

    /// A small deterministic generator for the comparison tests.
    fn next(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    #[test]
    fn day_arithmetic_agrees_with_chrono() {
        let mut state = 0x1234_5678_9abc_def1u64;
        let mut anchors = vec![
            d(2024, 1, 31),
            d(2024, 2, 29),
            d(2023, 12, 31),
            d(2000, 2, 29),
            d(1900, 2, 28),
            d(-1, 3, 1),
            d(0, 2, 29),
            NaiveDate::MIN,
            NaiveDate::MAX,
            d(199_999, 12, 31),
            d(-199_999, 1, 1),
        ];
        for _ in 0..2000 {
            let day = (next(&mut state) % 200_000) as i32 + 600_000;
            anchors.push(NaiveDate::from_num_days_from_ce_opt(day).expect("valid day"));
        }
        for anchor in anchors {
            for cadence in ALL {
                let schedule = Schedule::new(cadence, anchor);
                let fast = DaySchedule::new(schedule);
                let mut ks: Vec<i64> = (-30..30).collect();
                ks.extend([
                    i64::MIN,
                    i64::MAX,
                    -3_000_000,
                    3_000_000,
                    1 << 40,
                    -(1 << 40),
                ]);
                for k in ks {
                    let by_chrono = schedule.slot_by_chrono(k);
                    assert_eq!(
                        fast.slot_day(k),
                        i64::from(by_chrono.num_days_from_ce()),
                        "{cadence:?} {anchor} {k}"
                    );
                    assert_eq!(schedule.slot(k), by_chrono);
                }
                for offset in [-400i64, -31, -1, 0, 1, 17, 29, 45, 200, 3650] {
                    let Some(date) = anchor.checked_add_signed(chrono::Duration::days(offset))
                    else {
                        continue;
                    };
                    // The chrono-only search the day arithmetic replaced.
                    let days = (date - anchor).num_days();
                    let guess = (days as f64 / nominal_days(cadence)).round() as i64;
                    let mut best = (guess, i64::MAX);
                    for k in [guess - 1, guess, guess + 1] {
                        let distance = (date - schedule.slot_by_chrono(k)).num_days();
                        if distance.abs() < best.1.abs() {
                            best = (k, distance);
                        }
                    }
                    assert_eq!(schedule.nearest(date), best, "{cadence:?} {anchor} {date}");
                }
            }
        }
    }

    #[test]
    fn counted_fits_agree_with_built_fits() {
        let mut state = 0x0dd_ba11_cafe_f00du64;
        for round in 0..3000 {
            let n = 2 + (next(&mut state) % 12) as usize;
            let spread = [40u64, 400, 4000][round % 3];
            let start = 700_000i32;
            let mut days: Vec<i32> = (0..n)
                .map(|_| start + (next(&mut state) % spread) as i32)
                .collect();
            days.sort_unstable();
            let rules = [
                STRICT,
                Rules {
                    min_members: 2,
                    outlier_ratio: 0.5,
                    missed_ratio: 1.0,
                },
            ][round % 2];
            for cadence in ALL {
                for anchor in days.iter().take(3) {
                    let schedule = DaySchedule::at_day(cadence, *anchor).expect("valid");
                    let fit = fit_days(&days, &schedule);
                    let accepted =
                        rules.accepts_counts(fit.members.len(), fit.missed, fit.outliers);
                    match fit_counts(&days, &schedule, rules) {
                        Some(counts) => {
                            assert_eq!(counts, (fit.members.len(), fit.missed, fit.outliers))
                        }
                        None => assert!(!accepted, "pruned an acceptable fit"),
                    }
                }
            }
        }
    }

    #[test]
    fn schedules_from_day_numbers_agree_and_grid_checks_are_sound() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for round in 0..200_000 {
            let anchor_day = 600_000 + (next(&mut state) % 146_097) as i32;
            let cadence = ALL[round % ALL.len()];
            let anchor = NaiveDate::from_num_days_from_ce_opt(anchor_day).expect("valid");
            let fast = DaySchedule::at_day(cadence, anchor_day).expect("valid");
            let slow = DaySchedule::new(Schedule::new(cadence, anchor));
            assert_eq!(fast.schedule(), slow.schedule());
            assert_eq!(fast.schedule(), Schedule::new(cadence, anchor));
            assert_eq!(
                (fast.anchor_day, fast.anchor_month, fast.anchor_dom),
                (slow.anchor_day, slow.anchor_month, slow.anchor_dom)
            );
            let day = anchor_day + (next(&mut state) % 20_000) as i32 - 10_000;
            if fast.surely_off(day, tolerance(cadence)) {
                let (_, distance) = slow.nearest(day);
                assert!(
                    distance.abs() > tolerance(cadence),
                    "{cadence:?} {anchor} {day}"
                );
            }
        }
    }

    #[test]
    fn rounding_without_round_agrees() {
        let mut state = 0x5851_f42d_4c95_7f2du64;
        let mut values = vec![
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.5,
            -1.5,
            2.5,
            0.49999999999999994,
            -0.49999999999999994,
            4_503_599_627_370_495.5,
            -4_503_599_627_370_495.5,
        ];
        for _ in 0..100_000 {
            let days = (next(&mut state) % 2_000_001) as i64 - 1_000_000;
            for cadence in ALL {
                values.push(days as f64 / nominal_days(cadence));
            }
            values.push((next(&mut state) % 10_000) as f64 / 4.0 - 1250.0);
        }
        for x in values {
            assert_eq!(round_half_away(x), x.round() as i64, "{x}");
        }
    }
}

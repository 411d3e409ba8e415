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
        let days = (date - self.anchor).num_days();
        let guess = (days as f64 / nominal_days(self.cadence)).round() as i64;
        let mut best = (guess, i64::MAX);
        for k in [guess - 1, guess, guess + 1] {
            let distance = (date - self.slot(k)).num_days();
            if distance.abs() < best.1.abs() {
                best = (k, distance);
            }
        }
        best
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
    let tolerance = tolerance(schedule.cadence);
    let mut members: Vec<usize> = Vec::new();
    let mut slots: Vec<i64> = Vec::new();
    let mut distances: Vec<i64> = Vec::new();
    let mut outliers = 0;
    for (index, date) in dates.iter().enumerate() {
        let (k, distance) = schedule.nearest(*date);
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
        schedule,
        members,
        slots,
        missed,
        outliers,
    }
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
    fn accepts(&self, fit: &Fit) -> bool {
        let members = fit.members.len();
        members >= self.min_members
            && fit.outliers as f64 <= self.outlier_ratio * members as f64
            && fit.missed as f64 <= self.missed_ratio * members as f64
    }
}

/// The best accepted fit of `dates` (sorted) over `cadences`: most members, then fewest missed
/// slots, then fewest outliers, then the longer cadence.
pub fn best_fit(dates: &[NaiveDate], cadences: &[Cadence], rules: Rules) -> Option<Fit> {
    if dates.len() < rules.min_members.max(1) {
        return None;
    }
    let span = (dates[dates.len() - 1] - dates[0]).num_days() as f64;
    let mut best: Option<Fit> = None;
    for &cadence in cadences {
        // Far more charges than slots in the span: no fit can absorb that many outliers.
        let slots_in_span = span / nominal_days(cadence) + 1.0;
        if dates.len() as f64 > slots_in_span * (1.0 + rules.outlier_ratio) + 1.0 {
            continue;
        }
        // Far fewer charges than slots: too many would be missed whatever the anchor.
        if slots_in_span > dates.len() as f64 * (1.0 + rules.missed_ratio) + 2.0 {
            continue;
        }
        // A few anchors: the first charge may be an outlier (a one-off before the plan).
        for anchor in dates.iter().take(3) {
            let fit = fit_schedule(dates, Schedule::new(cadence, *anchor));
            if !rules.accepts(&fit) {
                continue;
            }
            let better = match &best {
                None => true,
                Some(current) => {
                    (
                        fit.members.len(),
                        std::cmp::Reverse(fit.missed),
                        std::cmp::Reverse(fit.outliers),
                    ) > (
                        current.members.len(),
                        std::cmp::Reverse(current.missed),
                        std::cmp::Reverse(current.outliers),
                    )
                }
            };
            if better {
                best = Some(fit);
            }
        }
    }
    best
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
}

//! The labelled scenario suite: generated statements, written as the bytes of seven bank
//! layouts, read through `statement::read`, analysed, and scored against their labels.
//!
//! Every scenario is built from a deterministic seed. Labels come from the generator's plan
//! (what it charged, when the person cancelled, what the billing model implies), never from
//! the engine. The test prints verdict accuracy, stream precision and recall and decoy false
//! positives, and asserts the goals: verdicts 100 %, precision ≥ 0.98, recall ≥ 0.95, no decoy.

mod support;

use chrono::NaiveDate;
use engine::{analyse, Cadence, Cancellation, NamedStatement, Report, Verdict};
use std::collections::BTreeMap;
use support::*;

#[derive(Clone, Debug)]
enum Who {
    Vendor(&'static str),
    Merchant(&'static str),
}

#[derive(Clone, Debug)]
struct ExpectedStream {
    who: Who,
    cadence: Cadence,
    /// Signed cents of the last charge; `None` for usage-based streams.
    last: Option<i64>,
    price_changes: Option<usize>,
}

#[derive(Clone, Debug)]
struct ExpectedVerdict {
    vendor: String,
    cancelled_on: NaiveDate,
    verdict: Verdict,
    charges_after: usize,
    final_charge: bool,
    /// For free text: a word the matched merchant's name must contain.
    matched: Option<&'static str>,
}

struct Scenario {
    name: String,
    layout: Layout,
    files: Vec<Vec<Tx>>,
    streams: Vec<ExpectedStream>,
    verdicts: Vec<ExpectedVerdict>,
    decoys: Vec<&'static str>,
    /// Guide ids whose only charge must be reported as a one-off (`one-off-charge`).
    one_offs: Vec<&'static str>,
    end: NaiveDate,
}

/// A subscription the generator charges.
struct Plan {
    who: Who,
    descriptors: &'static [&'static str],
    cadence: Cadence,
    /// Positive cents.
    amount: i64,
    anchor: NaiveDate,
    /// No slot after this day is charged.
    until: NaiveDate,
    /// From this slot index on, the new amount.
    price_change: Option<(usize, i64)>,
    /// Usage-based: a random amount each time.
    usage: bool,
    /// Days of posting lag (0..=max).
    max_lag: i64,
    /// How it is paid: by card, or by direct debit or standing order from a bank account.
    kind: Kind,
}

fn slot(anchor: NaiveDate, cadence: Cadence, k: u32) -> NaiveDate {
    match cadence {
        Cadence::Weekly => add_days(anchor, 7 * i64::from(k)),
        Cadence::Biweekly => add_days(anchor, 14 * i64::from(k)),
        Cadence::Monthly => add_months(anchor, k),
        Cadence::Quarterly => add_months(anchor, 3 * k),
        Cadence::Semiannual => add_months(anchor, 6 * k),
        Cadence::Annual => add_months(anchor, 12 * k),
    }
}

fn month_based(cadence: Cadence) -> bool {
    !matches!(cadence, Cadence::Weekly | Cadence::Biweekly)
}

struct Builder {
    rng: Rng,
    layout: Layout,
    start: NaiveDate,
    end: NaiveDate,
    txs: Vec<Tx>,
    streams: Vec<ExpectedStream>,
    verdicts: Vec<ExpectedVerdict>,
    decoys: Vec<&'static str>,
    /// A known vendor's only charge, stream or one-off depending on where the statements end
    /// (decided in `finish`): (guide id, charge date, the stream it is otherwise).
    lone: Vec<(&'static str, NaiveDate, ExpectedStream)>,
    next_id: u64,
}

impl Builder {
    fn new(seed: u64, layout: Layout, months: u32) -> Builder {
        let mut rng = Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0x5EED);
        let end = add_days(date(2026, 3, 1), rng.range(0, 240));
        let start = add_days(
            end.checked_sub_months(chrono::Months::new(months))
                .expect("in range"),
            1,
        );
        Builder {
            rng,
            layout,
            start,
            end,
            txs: Vec::new(),
            streams: Vec::new(),
            verdicts: Vec::new(),
            decoys: Vec::new(),
            lone: Vec::new(),
            next_id: 1,
        }
    }

    fn push(&mut self, date: NaiveDate, minor: i64, description: String) {
        self.push_kind(date, minor, description, Kind::Card);
    }

    fn push_kind(&mut self, date: NaiveDate, minor: i64, description: String, kind: Kind) {
        if date < self.start || date > self.end {
            return;
        }
        self.next_id += 1;
        let id = format!("{}{:06}", date.format("%Y%m%d"), self.next_id);
        self.txs.push(Tx {
            date,
            minor,
            description,
            id,
            kind,
        });
    }

    /// A descriptor variant the layout can carry, with placeholders filled in.
    fn descriptor(&mut self, variants: &[&str], date: NaiveDate) -> String {
        let fitting: Vec<&str> = variants
            .iter()
            .copied()
            .filter(|v| v.len() <= self.layout.max_descriptor())
            .collect();
        let chosen = if fitting.is_empty() {
            variants[0]
        } else {
            *self.rng.pick(&fitting)
        };
        let mut text = chosen.replace("{MM/DD}", &date.format("%m/%d").to_string());
        while let Some(position) = text.find("{REF}") {
            let reference: String = (0..9)
                .map(|_| {
                    let alphabet = b"ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
                    alphabet[self.rng.below(alphabet.len() as u64) as usize] as char
                })
                .collect();
            // Make sure it reads as a reference: at least three digits.
            let reference = format!("{}{}", &reference[..6], self.rng.range(100, 999));
            text.replace_range(position..position + 5, &reference);
        }
        text
    }

    /// Charges a plan; returns the dates charged.
    fn charge(&mut self, plan: &Plan) -> Vec<(NaiveDate, i64)> {
        let mut charged = Vec::new();
        for k in 0..2000u32 {
            let due = slot(plan.anchor, plan.cadence, k);
            if due > plan.until || due > self.end {
                break;
            }
            let lag = self.rng.range(0, plan.max_lag);
            let mut posted = add_days(due, lag);
            if month_based(plan.cadence) && plan.max_lag > 0 {
                posted = next_business_day(posted);
            }
            if posted < self.start || posted > self.end {
                continue;
            }
            let amount = if plan.usage {
                // Usage invoices vary widely; utility bills stay within a factor of two.
                match plan.who {
                    Who::Vendor(_) => self.rng.range(500, 12_000),
                    Who::Merchant(_) => self.rng.range(6_000, 12_000),
                }
            } else {
                match plan.price_change {
                    Some((from, new)) if k as usize >= from => new,
                    _ => plan.amount,
                }
            };
            let description = self.descriptor(plan.descriptors, posted);
            self.push_kind(posted, -amount, description, plan.kind);
            charged.push((posted, -amount));
        }
        charged
    }

    /// Charges a plan and labels its stream when the suite's rules say it is detectable:
    /// a known vendor from one charge, an unknown merchant from three (four when variable).
    fn subscription(&mut self, plan: &Plan) -> Vec<(NaiveDate, i64)> {
        let charged = self.charge(plan);
        let known = matches!(plan.who, Who::Vendor(_));
        let short_cycle = matches!(plan.cadence, Cadence::Weekly | Cadence::Biweekly);
        let needed = match (known, plan.usage) {
            (true, _) => 1,
            (false, false) if short_cycle => 4,
            (false, false) => 3,
            (false, true) => 4,
        };
        // A known vendor charged once, whose guide offers several billing periods: when the
        // statements run past the shortest period's renewal, the engine reports a one-off.
        let lone_vendor = match plan.who {
            Who::Vendor(id) if charged.len() == 1 && !plan.usage => guides::get(id)
                .filter(|guide| guide.cadences.len() >= 2)
                .map(|_| id),
            _ => None,
        };
        if let (Some(id), Some((charged_on, minor))) = (lone_vendor, charged.first()) {
            self.lone.push((
                id,
                *charged_on,
                ExpectedStream {
                    who: plan.who.clone(),
                    cadence: plan.cadence,
                    last: Some(*minor),
                    price_changes: None,
                },
            ));
        } else if charged.len() >= needed {
            let price_changes = plan.price_change.map(|(from, _)| {
                let at_new = charged
                    .iter()
                    .filter(|(_, minor)| -*minor != plan.amount)
                    .count();
                usize::from(at_new >= 2 && from > 0)
            });
            self.streams.push(ExpectedStream {
                who: plan.who.clone(),
                cadence: plan.cadence,
                last: if plan.usage {
                    None
                } else {
                    charged.last().map(|(_, minor)| *minor)
                },
                price_changes,
            });
        }
        charged
    }

    fn plan(
        &mut self,
        who: Who,
        descriptors: &'static [&'static str],
        cadence: Cadence,
        amount: i64,
    ) -> Plan {
        let period = match cadence {
            Cadence::Weekly => 7,
            Cadence::Biweekly => 14,
            Cadence::Monthly => 30,
            Cadence::Quarterly => 91,
            Cadence::Semiannual => 182,
            Cadence::Annual => 365,
        };
        let anchor = add_days(self.start, self.rng.range(0, period - 1));
        Plan {
            who,
            descriptors,
            cadence,
            amount,
            anchor,
            until: self.end,
            price_change: None,
            usage: false,
            max_lag: 1,
            kind: Kind::Card,
        }
    }

    fn decoys(&mut self) {
        // A coffee shop two to four times a week, a handful of prices that repeat.
        let mut day = self.start;
        while day <= self.end {
            let price = *self.rng.pick(&[450i64, 525, 600, 375, 495]);
            let text = self.descriptor(
                &[
                    "SQ *BLUE BOTTLE COFFEE",
                    "BLUE BOTTLE COFFEE #12",
                    "SQ *BLUE BOTTLE COFFEE Oakland CA",
                ],
                day,
            );
            self.push(day, -price, text);
            day = add_days(day, self.rng.range(1, 4));
        }
        self.decoys.push("BLUE BOTTLE");
        // Marketplace orders at random.
        let mut day = add_days(self.start, self.rng.range(0, 5));
        while day <= self.end {
            let price = self.rng.range(899, 8_999);
            let text = self.descriptor(
                &["AMZN Mktp US*{REF}", "AMZN MKTP US*{REF} AMZN.COM/BILL WA"],
                day,
            );
            self.push(day, -price, text);
            day = add_days(day, self.rng.range(2, 12));
        }
        self.decoys.push("AMZN MKTP");
        // Groceries about weekly, never the same amount twice in a row.
        let mut day = add_days(self.start, self.rng.range(0, 3));
        while day <= self.end {
            let price = self.rng.range(2_500, 18_000);
            let text = self.descriptor(&["SAFEWAY #1234", "SAFEWAY STORE 1234 SAN JOSE CA"], day);
            self.push(day, -price, text);
            day = add_days(day, self.rng.range(4, 10));
        }
        self.decoys.push("SAFEWAY");
        // A diner now and then.
        let mut day = add_days(self.start, self.rng.range(0, 9));
        while day <= self.end {
            let price = self.rng.range(1_200, 4_500);
            let text = self.descriptor(&["TST* JOES DINER", "TST* JOES DINER 555-123-4567"], day);
            self.push(day, -price, text);
            day = add_days(day, self.rng.range(5, 16));
        }
        self.decoys.push("JOES DINER");
        // One-off shopping.
        for shop in [
            "BEST BUY 00012345",
            "IKEA BROOKLYN",
            "HOME DEPOT #6543",
            "REI #44 SEATTLE WA",
            "TARGET 00023456",
        ] {
            if self.rng.chance(0.6) {
                let day = add_days(
                    self.start,
                    self.rng.range(0, (self.end - self.start).num_days().max(1)),
                );
                let price = self.rng.range(1_500, 40_000);
                self.push(day, -price, shop.to_owned());
            }
        }
        self.decoys
            .extend(["BEST BUY", "IKEA", "HOME DEPOT", "REI", "TARGET"]);
        // Money in: pay (bank) or card payments (card); never a stream.
        if self.layout.is_card() {
            let mut day = add_days(self.start, 20);
            while day <= self.end {
                let amount = self.rng.range(30_000, 150_000);
                self.push_kind(day, amount, "PAYMENT - THANK YOU".to_owned(), Kind::Payment);
                day = add_days(day, 30);
            }
        } else {
            let mut day = add_days(self.start, self.rng.range(0, 13));
            while day <= self.end {
                self.push_kind(day, 320_000, "ACME CORP PAYROLL".to_owned(), Kind::Salary);
                day = add_days(day, 14);
            }
        }
    }

    /// Rent and a utility bill, for bank layouts.
    fn household(&mut self) {
        if self.layout.is_card() {
            return;
        }
        let mut rent = self.plan(
            Who::Merchant("OAKWOOD"),
            &["OAKWOOD PROPERTY MGMT", "OAKWOOD PROPERTY MGMT RENT"],
            Cadence::Monthly,
            145_000,
        );
        rent.anchor = add_days(self.start, self.rng.range(0, 4));
        rent.kind = Kind::Standing;
        self.subscription(&rent);
        let mut power = self.plan(
            Who::Merchant("METRO POWER"),
            &[
                "METRO POWER AND LIGHT",
                "METRO POWER AND LIGHT 800-555-0100",
            ],
            Cadence::Monthly,
            0,
        );
        power.usage = true;
        power.kind = Kind::Debit;
        let charged = self.charge(&power);
        // Utility bills: amounts within a factor of two of each other.
        let _ = charged;
        if self
            .txs
            .iter()
            .filter(|tx| tx.description.starts_with("METRO"))
            .count()
            >= 4
        {
            self.streams.push(ExpectedStream {
                who: Who::Merchant("METRO POWER"),
                cadence: Cadence::Monthly,
                last: None,
                price_changes: None,
            });
        }
    }

    fn cancel(
        &mut self,
        vendor: &str,
        cancelled_on: NaiveDate,
        verdict: Verdict,
        charges_after: usize,
        final_charge: bool,
        matched: Option<&'static str>,
    ) {
        self.verdicts.push(ExpectedVerdict {
            vendor: vendor.to_owned(),
            cancelled_on,
            verdict,
            charges_after,
            final_charge,
            matched,
        });
    }

    fn finish(mut self, name: String, split: bool) -> Scenario {
        let coverage_end = self.txs.iter().map(|tx| tx.date).max();
        let mut one_offs = Vec::new();
        for (id, charged_on, stream) in std::mem::take(&mut self.lone) {
            let shortest = guides::get(id)
                .and_then(|guide| {
                    guide
                        .cadences
                        .iter()
                        .map(|c| engine::cadence::from_guide(*c))
                        .min_by_key(|c| engine::cadence::nominal_days(*c) as i64)
                })
                .unwrap_or(Cadence::Monthly);
            let renewal_seen_by = add_days(slot(charged_on, shortest, 1), grace_days(shortest));
            if coverage_end.is_some_and(|end| end > renewal_seen_by) {
                one_offs.push(id);
            } else {
                self.streams.push(stream);
            }
        }
        let files = if split {
            // Two overlapping exports of the same account: 40 days appear in both.
            let middle = add_days(self.start, (self.end - self.start).num_days() / 2);
            let first: Vec<Tx> = self
                .txs
                .iter()
                .filter(|tx| tx.date <= add_days(middle, 20))
                .cloned()
                .collect();
            let second: Vec<Tx> = self
                .txs
                .iter()
                .filter(|tx| tx.date >= add_days(middle, -20))
                .cloned()
                .collect();
            vec![first, second]
        } else {
            vec![self.txs]
        };
        Scenario {
            name,
            layout: self.layout,
            files,
            streams: self.streams,
            verdicts: self.verdicts,
            decoys: self.decoys,
            one_offs,
            end: self.end,
        }
    }
}

const NETFLIX: &[&str] = &[
    "NETFLIX.COM",
    "NETFLIX.COM 866-579-7172 CA",
    "Netflix.com Los Gatos CA",
    "RECURRING PAYMENT AUTHORIZED ON {MM/DD} NETFLIX.COM 866-579-7172 CA",
];
const SPOTIFY: &[&str] = &[
    "SPOTIFY P{REF}",
    "Spotify USA",
    "SPOTIFY USA 877-778-1161 NY",
    "PAYPAL *SPOTIFY",
];
const CHATGPT: &[&str] = &[
    "OPENAI *CHATGPT SUBSCR",
    "OPENAI *CHATGPT SUBSCR OPENAI.COM CA",
    "OPENAI *CHATGPT SUBSSAN FRANCISCO CA",
    "CHATGPT SUBSCRIPTION",
];
const OPENAI_API: &[&str] = &[
    "OPENAI",
    "OPENAI OPENAI.COM CA",
    "OPENAI *API",
    "RECURRING PAYMENT AUTHORIZED ON {MM/DD} OPENAI OPENAI.COM CA",
];
const APPLE: &[&str] = &[
    "APPLE.COM/BILL",
    "APPLE.COM/BILL 866-712-7753 CA",
    "APL*ITUNES.COM/BILL",
];
const PRIME: &[&str] = &["AMAZON PRIME*{REF}", "Amazon Prime*{REF}"];
const YOUTUBE: &[&str] = &[
    "GOOGLE *YouTubePremium",
    "GOOGLE *YOUTUBEPREMIUM g.co/helppay# CA",
];
const HULU: &[&str] = &["HLU*HULUPLUS", "HULU 877-8244858 CA"];
const PLANET: &[&str] = &["PLANET FITNESS", "PLANET FITNESS #0123"];
const DUOLINGO_GOOGLE: &[&str] = &["GOOGLE *Duolingo"];
const IRONWORKS: &[&str] = &["IRONWORKS GYM", "IRONWORKS GYM 555-201-3344 OH"];
const ZUMBA: &[&str] = &["SQ *ZUMBA STUDIO", "SQ *ZUMBA STUDIO 555-987-1200"];
const FRESHBOX: &[&str] = &["FRESHBOX MEALS", "FRESHBOX MEALS 800-555-0199"];
const LAWN: &[&str] = &["GREENLEAF LAWN CARE", "GREENLEAF LAWN CARE LLC"];
const PEST: &[&str] = &[
    "BUGSHIELD PEST CONTROL",
    "BUGSHIELD PEST CONTROL 555-300-1000",
];
const INSURANCE: &[&str] = &["HARBOR MUTUAL INSURANCE", "HARBOR MUTUAL INS PREMIUM"];
const STORAGE: &[&str] = &["CITYVIEW STORAGE UNITS"];
/// From the GitHub guide's examples and `../shared/research/vendor-descriptors.tsv` (F2).
const GITHUB: &[&str] = &["GITHUB, INC.", "GITHUB, INC.", "GITHUB.COM", "GITHUB INC"];
/// `ZOOM.US 888-799-9666` (research F2) with the state suffix card networks append.
const ZOOM: &[&str] = &["ZOOM.US 888-799-9666 CA", "ZOOM.US 888-799-9666", "ZOOM.US"];

/// Slot index `k` of a plan such that a cancellation between slot k and k+1 leaves the
/// wanted room before the statement ends; returns (slot k, slot k+1).
fn slots_before(
    plan: &Plan,
    end: NaiveDate,
    room_after_next: i64,
) -> Option<(NaiveDate, NaiveDate)> {
    let mut chosen = None;
    for k in 0..2000u32 {
        let this = slot(plan.anchor, plan.cadence, k);
        let next = slot(plan.anchor, plan.cadence, k + 1);
        if add_days(next, room_after_next) > end {
            break;
        }
        chosen = Some((this, next));
    }
    chosen
}

fn grace_days(cadence: Cadence) -> i64 {
    engine::cadence::grace(cadence)
}

/// A prepaid plan cancelled between two slots, with the outcome asked for.
fn prepaid_cancellation(
    b: &mut Builder,
    mut plan: Plan,
    vendor: &str,
    outcome: Verdict,
    matched: Option<&'static str>,
) {
    let cycle = (slot(plan.anchor, plan.cadence, 1) - plan.anchor).num_days();
    match outcome {
        Verdict::StillCharging | Verdict::Stopped => {
            let room = if outcome == Verdict::Stopped {
                grace_days(plan.cadence) + 6
            } else {
                2
            };
            let Some((this, next)) = slots_before(&plan, b.end, room) else {
                return;
            };
            if this < b.start {
                return;
            }
            let gap = (next - this).num_days();
            let cancelled_on = add_days(this, b.rng.range(4, (gap - 4).max(4)));
            if outcome == Verdict::Stopped {
                plan.until = cancelled_on;
            }
            let charged = b.subscription(&plan);
            let after = charged
                .iter()
                .filter(|(date, _)| *date > cancelled_on)
                .count();
            // Still charging needs a charge after the cancellation: when the next renewal
            // posts past the statement's end (a weekend shift), there is none to label.
            if charged.is_empty() || (outcome == Verdict::StillCharging && after == 0) {
                return;
            }
            b.cancel(vendor, cancelled_on, outcome, after, false, matched);
        }
        Verdict::TooEarly => {
            // The next slot comes after the statement ends.
            let mut k = 0;
            while slot(plan.anchor, plan.cadence, k + 1) <= add_days(b.end, 3) {
                k += 1;
            }
            let this = slot(plan.anchor, plan.cadence, k);
            let cancelled_on = add_days(this, 4).min(b.end);
            plan.until = cancelled_on;
            let charged = b.subscription(&plan);
            if charged.is_empty() || cancelled_on < this || cycle < 7 {
                return;
            }
            b.cancel(vendor, cancelled_on, Verdict::TooEarly, 0, false, matched);
        }
        _ => unreachable!("prepaid_cancellation takes still_charging, stopped or too_early"),
    }
}

/// Scenario `index` in the seven hand-written layouts, in turn (the engine-only pass).
fn build(index: u64) -> Scenario {
    build_in(
        index,
        LAYOUTS[(index / 16 + index) as usize % LAYOUTS.len()],
    )
}

/// Scenario `index` (its kind is `index % 16`) written in `layout`.
fn build_in(index: u64, layout: Layout) -> Scenario {
    let kind = index % 16;
    let long = matches!(kind, 8 | 9);
    let months = match kind {
        12 => 0,
        _ if long => 26,
        _ => 6 + (index % 5) as u32,
    };
    let mut b = if months == 0 {
        let mut b = Builder::new(index, layout, 1);
        b.start = add_days(b.end, -24);
        b
    } else {
        Builder::new(index, layout, months)
    };
    b.decoys();
    b.household();
    let mut split = false;
    let name;
    match kind {
        0 => {
            name = "netflix still charging after cancellation";
            let plan = b.plan(Who::Vendor("netflix"), NETFLIX, Cadence::Monthly, 1549);
            prepaid_cancellation(&mut b, plan, "netflix", Verdict::StillCharging, None);
            let spotify = b.plan(Who::Vendor("spotify"), SPOTIFY, Cadence::Monthly, 1199);
            b.subscription(&spotify);
            // `GITHUB, INC.`: a comma in the name, unquoted by banks that never quote.
            let github = b.plan(Who::Vendor("github"), GITHUB, Cadence::Monthly, 400);
            b.subscription(&github);
        }
        1 => {
            name = "spotify stopped";
            let plan = b.plan(Who::Vendor("spotify"), SPOTIFY, Cadence::Monthly, 1199);
            prepaid_cancellation(&mut b, plan, "spotify", Verdict::Stopped, None);
            let hulu = b.plan(Who::Vendor("hulu"), HULU, Cadence::Monthly, 1899);
            b.subscription(&hulu);
        }
        2 => {
            name = "netflix too early";
            let plan = b.plan(Who::Vendor("netflix"), NETFLIX, Cadence::Monthly, 1799);
            prepaid_cancellation(&mut b, plan, "netflix", Verdict::TooEarly, None);
            let zoom = b.plan(Who::Vendor("zoom"), ZOOM, Cadence::Monthly, 1599);
            b.subscription(&zoom);
        }
        3 | 4 => {
            // Usage billed in arrears: one final invoice is expected after cancelling.
            let still = kind == 4;
            name = if still {
                "openai api still charging (usage)"
            } else {
                "openai api final invoice (usage)"
            };
            let mut plan = b.plan(Who::Vendor("openai-api"), OPENAI_API, Cadence::Monthly, 0);
            plan.anchor = add_days(b.start, b.rng.range(0, 2));
            plan.usage = true;
            let room = if still { 40 } else { 12 };
            if let Some((this, next)) = slots_before(&plan, b.end, room) {
                let gap = (next - this).num_days();
                let cancelled_on = add_days(this, b.rng.range(5, gap - 6));
                if !still {
                    plan.until = next;
                }
                let charged = b.subscription(&plan);
                let after = charged
                    .iter()
                    .filter(|(date, _)| *date > cancelled_on)
                    .count();
                let verdict = if after > 1 {
                    Verdict::StillCharging
                } else {
                    Verdict::FinalCharge
                };
                b.cancel(
                    "openai-api",
                    cancelled_on,
                    verdict,
                    after.saturating_sub(1),
                    after >= 1,
                    None,
                );
            }
            let chat = b.plan(Who::Vendor("chatgpt"), CHATGPT, Cadence::Monthly, 2000);
            b.subscription(&chat);
        }
        5 => {
            // Cancelled on the renewal day, the renewal posted two days later: expected.
            name = "chatgpt renewal posted after cancelling on the renewal day";
            let mut plan = b.plan(Who::Vendor("chatgpt"), CHATGPT, Cadence::Monthly, 2000);
            plan.max_lag = 0;
            plan.anchor = add_days(b.start, b.rng.range(0, 20));
            if let Some((this, _)) = slots_before(&plan, b.end, 50) {
                plan.until = add_days(this, -1);
                b.subscription(&plan);
                let posted = add_days(this, 2);
                let text = b.descriptor(CHATGPT, posted);
                b.push(posted, -2000, text);
                if let Some(stream) = b.streams.last_mut() {
                    stream.last = Some(-2000);
                }
                b.cancel("chatgpt", this, Verdict::FinalCharge, 0, true, None);
            }
        }
        6 => {
            // Two products of one company: each cancellation sees only its own charges.
            name = "chatgpt cancelled while the openai api goes on, and the reverse";
            let chat = b.plan(Who::Vendor("chatgpt"), CHATGPT, Cadence::Monthly, 2000);
            prepaid_cancellation(&mut b, chat, "chatgpt", Verdict::Stopped, None);
            let mut api = b.plan(Who::Vendor("openai-api"), OPENAI_API, Cadence::Monthly, 0);
            api.usage = true;
            b.subscription(&api);
            // The API was never cancelled; a cancellation of ChatGPT must not see it, and a
            // cancellation of a vendor never used is not seen.
            let cancelled_on = add_days(b.end, -40);
            b.cancel("claude", cancelled_on, Verdict::NotSeen, 0, false, None);
        }
        7 => {
            // Store billing: Apple's charges are Apple's, never a guessed vendor's.
            name = "apple billing is billed via apple";
            let mut music = b.plan(Who::Vendor("apple"), APPLE, Cadence::Monthly, 1099);
            music.anchor = add_days(b.start, b.rng.range(0, 9));
            let mut app = b.plan(Who::Vendor("apple"), APPLE, Cadence::Monthly, 299);
            app.anchor = add_days(b.start, b.rng.range(12, 25));
            let first = b.subscription(&music);
            let second = b.subscription(&app);
            let mut all: Vec<NaiveDate> =
                first.iter().chain(second.iter()).map(|(d, _)| *d).collect();
            all.sort();
            let mut cancelled_on = add_days(b.end, -45);
            // Not within the posting lag of a charge, so every later charge is unexplained.
            while all
                .iter()
                .any(|d| *d > cancelled_on && (*d - cancelled_on).num_days() <= 5)
            {
                cancelled_on = add_days(cancelled_on, -1);
            }
            let after = all.iter().filter(|d| **d > cancelled_on).count();
            b.cancel(
                "apple",
                cancelled_on,
                Verdict::StillCharging,
                after,
                false,
                None,
            );
            b.cancel("netflix", cancelled_on, Verdict::NotSeen, 0, false, None);
            let duo = b.plan(
                Who::Vendor("duolingo"),
                DUOLINGO_GOOGLE,
                Cadence::Monthly,
                699,
            );
            b.subscription(&duo);
        }
        8 => {
            // Long statements: every cadence from unknown merchants, and an annual plan.
            name = "every cadence over two years";
            let plans = [
                (Who::Merchant("FRESHBOX"), FRESHBOX, Cadence::Weekly, 5999),
                (Who::Merchant("GREENLEAF"), LAWN, Cadence::Biweekly, 4500),
                (
                    Who::Merchant("IRONWORKS"),
                    IRONWORKS,
                    Cadence::Monthly,
                    3999,
                ),
                (Who::Merchant("BUGSHIELD"), PEST, Cadence::Quarterly, 8900),
                (
                    Who::Merchant("HARBOR MUTUAL"),
                    INSURANCE,
                    Cadence::Semiannual,
                    61_240,
                ),
                (Who::Merchant("CITYVIEW"), STORAGE, Cadence::Annual, 24_000),
            ];
            for (who, descriptors, cadence, amount) in plans {
                let mut plan = b.plan(who, descriptors, cadence, amount);
                if matches!(cadence, Cadence::Quarterly | Cadence::Semiannual) {
                    // Insurers and service firms collect by direct debit where banks offer it.
                    plan.kind = Kind::Debit;
                }
                b.subscription(&plan);
            }
            let prime = b.plan(Who::Vendor("amazon-prime"), PRIME, Cadence::Annual, 13_900);
            prepaid_cancellation(&mut b, prime, "amazon-prime", Verdict::Stopped, None);
        }
        9 => {
            // Price changes, and two subscriptions at one merchant (membership + annual fee).
            name = "price change and an annual fee";
            let mut plan = b.plan(Who::Vendor("netflix"), NETFLIX, Cadence::Monthly, 1549);
            plan.price_change = Some((10 + (index % 5) as usize, 1799));
            b.subscription(&plan);
            let gym = b.plan(
                Who::Vendor("planet-fitness"),
                PLANET,
                Cadence::Monthly,
                1500,
            );
            b.subscription(&gym);
            let mut fee = b.plan(Who::Vendor("planet-fitness"), PLANET, Cadence::Annual, 4900);
            fee.anchor = add_days(b.start, b.rng.range(20, 200));
            b.subscription(&fee);
            let cancelled_on = add_days(b.end, -10);
            b.cancel("hulu", cancelled_on, Verdict::NotSeen, 0, false, None);
        }
        10 => {
            // A renewal charged after cancelling and refunded a few days later nets to nothing.
            name = "renewal refunded after cancelling";
            let plan = b.plan(Who::Vendor("netflix"), NETFLIX, Cadence::Monthly, 1549);
            let Some((this, next)) = slots_before(&plan, b.end, grace_days(Cadence::Monthly) + 40)
            else {
                return b.finish(format!("#{index} refund (no room)"), false);
            };
            let cancelled_on = add_days(this, b.rng.range(5, 20));
            let mut stopping = plan;
            stopping.until = cancelled_on;
            b.subscription(&stopping);
            let renewal = add_days(next, 1);
            let text = b.descriptor(NETFLIX, renewal);
            b.push(renewal, -1549, text.clone());
            let refund_lag = b.rng.range(2, 6);
            b.push_kind(add_days(renewal, refund_lag), 1549, text, Kind::Refund);
            b.cancel("netflix", cancelled_on, Verdict::Stopped, 0, false, None);
        }
        11 => {
            // Free text for a merchant with no guide, matched fuzzily (misspelt on purpose).
            name = "free text cancellation of a gym";
            let plan = b.plan(Who::Merchant("ZUMBA"), ZUMBA, Cadence::Monthly, 4900);
            let outcome = if index.is_multiple_of(2) {
                Verdict::StillCharging
            } else {
                Verdict::Stopped
            };
            prepaid_cancellation(&mut b, plan, "Zumba Studios", outcome, Some("ZUMBA"));
            let cancelled_on = add_days(b.end, -30);
            b.cancel("Blue Apron", cancelled_on, Verdict::NotSeen, 0, false, None);
        }
        12 => {
            // A statement of 25 days: known vendors from a single charge.
            name = "short statement";
            let mut netflix = b.plan(Who::Vendor("netflix"), NETFLIX, Cadence::Monthly, 1549);
            netflix.anchor = add_days(b.start, b.rng.range(0, 8));
            b.subscription(&netflix);
            let mut spotify = b.plan(Who::Vendor("spotify"), SPOTIFY, Cadence::Monthly, 1199);
            spotify.anchor = add_days(b.start, b.rng.range(0, 8));
            spotify.max_lag = 0;
            let charged = b.subscription(&spotify);
            if let Some((charged_on, _)) = charged.first() {
                let cancelled_on = add_days(*charged_on, 3).min(b.end);
                b.cancel("spotify", cancelled_on, Verdict::TooEarly, 0, false, None);
            }
        }
        13 => {
            // Two overlapping exports of one account: duplicates must not double anything.
            name = "two overlapping statements";
            split = true;
            let plan = b.plan(Who::Vendor("netflix"), NETFLIX, Cadence::Monthly, 1549);
            prepaid_cancellation(&mut b, plan, "netflix", Verdict::StillCharging, None);
            let youtube = b.plan(
                Who::Vendor("youtube-premium"),
                YOUTUBE,
                Cadence::Monthly,
                1399,
            );
            b.subscription(&youtube);
        }
        14 => {
            // An annual plan seen once, cancelled before it renews.
            name = "annual plan from one charge";
            let mut prime = b.plan(Who::Vendor("amazon-prime"), PRIME, Cadence::Annual, 13_900);
            prime.anchor = add_days(b.start, b.rng.range(0, 40));
            let charged = b.subscription(&prime);
            if let Some((charged_on, _)) = charged.first() {
                let cancelled_on = add_days(*charged_on, b.rng.range(30, 90)).min(b.end);
                b.cancel(
                    "amazon-prime",
                    cancelled_on,
                    Verdict::TooEarly,
                    0,
                    false,
                    None,
                );
            }
        }
        _ => {
            name = "weekly and biweekly services, one cancelled";
            let meals = b.plan(Who::Merchant("FRESHBOX"), FRESHBOX, Cadence::Weekly, 5999);
            let outcome = if index.is_multiple_of(3) {
                Verdict::Stopped
            } else {
                Verdict::StillCharging
            };
            prepaid_cancellation(&mut b, meals, "freshbox meals", outcome, Some("FRESHBOX"));
            let lawn = b.plan(Who::Merchant("GREENLEAF"), LAWN, Cadence::Biweekly, 4500);
            b.subscription(&lawn);
        }
    }
    b.finish(format!("#{index} {name} ({})", layout.name()), split)
}

#[derive(Default)]
struct Score {
    scenarios: usize,
    unreadable: BTreeMap<&'static str, usize>,
    read: BTreeMap<&'static str, usize>,
    verdicts: usize,
    verdicts_right: usize,
    verdict_counts: BTreeMap<String, usize>,
    expected_streams: usize,
    detected_streams: usize,
    matched_streams: usize,
    decoy_streams: usize,
    expected_one_offs: usize,
    matched_one_offs: usize,
    unexpected_one_offs: usize,
    failures: Vec<String>,
    /// How often each explanation code came up (every one is checked by `check_messages`).
    message_codes: BTreeMap<String, usize>,
}

fn stream_matches(expected: &ExpectedStream, found: &engine::Recurring) -> bool {
    let who = match expected.who {
        Who::Vendor(id) => found.vendor.as_deref() == Some(id),
        Who::Merchant(name) => {
            found.vendor.is_none() && found.merchant.to_uppercase().contains(name)
        }
    };
    let last = expected
        .last
        .is_none_or(|minor| found.amount.last == format!("{}", statement::Amount::new(minor, 2)));
    let changes = expected
        .price_changes
        .is_none_or(|n| found.price_changes.len() == n);
    who && found.cadence == expected.cadence && last && changes
}

/// Every message of a report is data: a code with typed arguments whose English text is the
/// code's template rendered with them (see `messages`), for diagnostics and explanations alike.
fn check_messages(scenario: &Scenario, report: &Report, score: &mut Score) {
    let mut problems = Vec::new();
    for summary in &report.statements {
        for d in &summary.diagnostics {
            if let Err(problem) =
                statement::messages::check_rendered(&d.code, &d.args, &d.message, d.help.as_deref())
            {
                problems.push(problem);
            }
        }
    }
    for result in &report.cancellations {
        let mut english = String::new();
        for message in std::iter::once(&result.explanation_message).chain(&result.explanation_notes)
        {
            if let Err(problem) = statement::messages::check(&message.code, &message.args) {
                problems.push(problem);
            }
            if !english.is_empty() {
                english.push(' ');
            }
            english.push_str(&message.english());
        }
        if english != result.explanation {
            problems.push(format!(
                "explanation {:?} is not its messages' English {english:?}",
                result.explanation
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{}: {}",
        scenario.name,
        problems.join("; ")
    );
    for result in &report.cancellations {
        *score
            .message_codes
            .entry(result.explanation_message.code.to_string())
            .or_default() += 1;
        for note in &result.explanation_notes {
            *score
                .message_codes
                .entry(note.code.to_string())
                .or_default() += 1;
        }
    }
}

fn score_report(scenario: &Scenario, report: &Report, score: &mut Score) {
    check_messages(scenario, report, score);
    // Streams: each expected stream matched by at most one found stream.
    let mut used = vec![false; report.recurring.len()];
    score.expected_streams += scenario.streams.len();
    score.detected_streams += report.recurring.len();
    for expected in &scenario.streams {
        match report
            .recurring
            .iter()
            .enumerate()
            .position(|(i, found)| !used[i] && stream_matches(expected, found))
        {
            Some(i) => {
                used[i] = true;
                score.matched_streams += 1;
            }
            None => score
                .failures
                .push(format!("{}: missed stream {:?}", scenario.name, expected)),
        }
    }
    for (i, found) in report.recurring.iter().enumerate() {
        if used[i] {
            continue;
        }
        let upper = found.merchant.to_uppercase();
        let decoy =
            found.vendor.is_none() && scenario.decoys.iter().any(|decoy| upper.contains(decoy));
        if decoy {
            score.decoy_streams += 1;
        }
        score.failures.push(format!(
            "{}: unexpected stream {} {:?} {:?} last {} count {}{}",
            scenario.name,
            found.merchant,
            found.vendor,
            found.cadence,
            found.amount.last,
            found.count,
            if decoy { " (DECOY)" } else { "" }
        ));
    }
    // One-offs: a `one-off-charge` note per expected vendor, and none for anyone else.
    let mut notes: Vec<&str> = report
        .statements
        .iter()
        .flat_map(|summary| &summary.diagnostics)
        .filter(|diagnostic| diagnostic.code == "one-off-charge")
        .map(|diagnostic| diagnostic.message.as_str())
        .collect();
    score.expected_one_offs += scenario.one_offs.len();
    for id in &scenario.one_offs {
        let name = guides::get(id).map_or("", |guide| guide.name);
        match notes
            .iter()
            .position(|note| note.starts_with(&format!("one charge from {name} (")))
        {
            Some(at) => {
                notes.remove(at);
                score.matched_one_offs += 1;
            }
            None => score
                .failures
                .push(format!("{}: no one-off note for {id}", scenario.name)),
        }
    }
    for note in notes {
        score.unexpected_one_offs += 1;
        score.failures.push(format!(
            "{}: unexpected one-off note: {note}",
            scenario.name
        ));
    }
    for expected in &scenario.verdicts {
        score.verdicts += 1;
        *score
            .verdict_counts
            .entry(format!("{:?}", expected.verdict))
            .or_default() += 1;
        let found = report
            .cancellations
            .iter()
            .find(|c| c.vendor == expected.vendor && c.cancelled_on == expected.cancelled_on);
        let Some(found) = found else {
            score.failures.push(format!(
                "{}: no verdict for {}",
                scenario.name, expected.vendor
            ));
            continue;
        };
        let matched_ok = match expected.matched {
            Some(word) => found
                .matched_merchant
                .as_deref()
                .is_some_and(|m| m.to_uppercase().contains(word)),
            None => true,
        };
        let right = found.verdict == expected.verdict
            && found.charges_after.len() == expected.charges_after
            && found.final_charge.is_some() == expected.final_charge
            && matched_ok
            && !found.explanation.is_empty()
            && (expected.verdict == Verdict::NotSeen || !found.history.is_empty());
        if right {
            score.verdicts_right += 1;
        } else {
            score.failures.push(format!(
                "{}: {} cancelled {}: expected {:?} after={} final={} matched={:?}, got {:?} after={} final={} matched={:?}: {}",
                scenario.name,
                expected.vendor,
                expected.cancelled_on,
                expected.verdict,
                expected.charges_after,
                expected.final_charge,
                expected.matched,
                found.verdict,
                found.charges_after.len(),
                found.final_charge.is_some(),
                found.matched_merchant,
                found.explanation
            ));
        }
    }
    // Every stream and verdict links to its transactions, and the links resolve.
    for stream in &report.recurring {
        assert!(
            !stream.transactions.is_empty(),
            "{}: stream without transactions",
            scenario.name
        );
        assert!(stream
            .transactions
            .iter()
            .all(|t| t.statement < report.statements.len()));
    }
}

const N_SCENARIOS: u64 = 240;

fn cancellations(scenario: &Scenario) -> Vec<Cancellation> {
    scenario
        .verdicts
        .iter()
        .map(|v| Cancellation {
            vendor: v.vendor.clone(),
            cancelled_on: v.cancelled_on,
        })
        .collect()
}

fn print_and_check(title: &str, score: &Score, assert_goals: bool) {
    let accuracy = score.verdicts_right as f64 / score.verdicts.max(1) as f64;
    let precision = score.matched_streams as f64 / score.detected_streams.max(1) as f64;
    let recall = score.matched_streams as f64 / score.expected_streams.max(1) as f64;
    println!("== {title}");
    println!(
        "scenarios scored: {} (read per layout: {:?}; unreadable: {:?})",
        score.scenarios, score.read, score.unreadable
    );
    println!(
        "verdicts: {}/{} right = {:.4} (by verdict: {:?})",
        score.verdicts_right, score.verdicts, accuracy, score.verdict_counts
    );
    println!(
        "streams: expected {}, detected {}, matched {}: precision {:.4}, recall {:.4}; decoy false positives {}",
        score.expected_streams, score.detected_streams, score.matched_streams, precision, recall, score.decoy_streams
    );
    println!(
        "one-offs: expected {}, reported {}, unexpected {}",
        score.expected_one_offs, score.matched_one_offs, score.unexpected_one_offs
    );
    println!(
        "explanation codes checked ({}): {:?}",
        score.message_codes.len(),
        score.message_codes
    );
    for failure in score.failures.iter().take(40) {
        println!("  {failure}");
    }
    if assert_goals {
        assert!(
            score.scenarios >= 200,
            "{title}: only {} scenarios scored",
            score.scenarios
        );
        assert_eq!(
            score.verdicts_right, score.verdicts,
            "{title}: verdict accuracy {accuracy:.4}"
        );
        assert!(precision >= 0.98, "{title}: precision {precision:.4}");
        assert!(recall >= 0.95, "{title}: recall {recall:.4}");
        assert_eq!(score.decoy_streams, 0, "{title}: decoys became streams");
        assert_eq!(
            (score.matched_one_offs, score.unexpected_one_offs),
            (score.expected_one_offs, 0),
            "{title}: one-off notes"
        );
    }
}

#[test]
fn generator_descriptors_match_the_guides_as_intended() {
    let known: &[(&str, &[&str])] = &[
        ("netflix", NETFLIX),
        ("spotify", SPOTIFY),
        ("chatgpt", CHATGPT),
        ("openai-api", OPENAI_API),
        ("apple", APPLE),
        ("amazon-prime", PRIME),
        ("youtube-premium", YOUTUBE),
        ("hulu", HULU),
        ("planet-fitness", PLANET),
        ("duolingo", DUOLINGO_GOOGLE),
        ("github", GITHUB),
        ("zoom", ZOOM),
    ];
    for (id, variants) in known {
        for variant in *variants {
            let text = variant
                .replace("{REF}", "AB12C3D45")
                .replace("{MM/DD}", "06/01");
            let normalised = engine::normalise::normalise(&text);
            let found = guides::match_descriptor(&normalised.match_text).map(|m| m.guide.id);
            let found = found.or_else(|| {
                guides::match_descriptor(&normalised.merchant_text).map(|m| m.guide.id)
            });
            assert_eq!(
                found,
                Some(*id),
                "{text:?} (matched as {:?})",
                normalised.match_text
            );
        }
    }
    for unknown in [FRESHBOX, LAWN, IRONWORKS, PEST, INSURANCE, STORAGE, ZUMBA] {
        for variant in unknown {
            assert!(
                guides::match_descriptor(variant).is_none(),
                "{variant:?} should match no guide"
            );
        }
    }
    for decoy in [
        "SQ *BLUE BOTTLE COFFEE",
        "AMZN Mktp US*AB12C3D45",
        "SAFEWAY #1234",
        "TST* JOES DINER",
        "BEST BUY 00012345",
        "IKEA BROOKLYN",
        "HOME DEPOT #6543",
        "REI #44 SEATTLE WA",
        "TARGET 00023456",
        "ACME CORP PAYROLL",
        "OAKWOOD PROPERTY MGMT",
        "METRO POWER AND LIGHT",
    ] {
        let normalised = engine::normalise::normalise(decoy);
        assert!(
            guides::match_descriptor(&normalised.match_text).is_none(),
            "{decoy:?} should match no guide"
        );
    }
}

/// The engine alone, on statements built in memory: independent of the readers' progress.
#[test]
fn scenario_suite_engine_only() {
    let mut score = Score::default();
    for index in 0..N_SCENARIOS {
        let scenario = build(index);
        let statements: Vec<NamedStatement> = scenario
            .files
            .iter()
            .enumerate()
            .map(|(i, txs)| NamedStatement {
                file: format!("file{i}"),
                statement: direct_statement(txs, scenario.layout.currency()),
            })
            .collect();
        let report = analyse(&statements, &cancellations(&scenario), scenario.end);
        score.scenarios += 1;
        *score.read.entry(scenario.layout.name()).or_default() += 1;
        score_report(&scenario, &report, &mut score);
    }
    print_and_check("engine only (statements built in memory)", &score, true);
}

/// Scenarios per kind per layout in the pass through the readers (each layout runs all 16
/// kinds this many times, with different seeds). `SCENARIO_ROUNDS` overrides it.
const ROUNDS: u64 = 1;

/// Goals over the whole suite through the readers.
const GOAL_VERDICTS: f64 = 0.995;
const GOAL_RECALL: f64 = 0.98;
const GOAL_PRECISION: f64 = 0.99;

/// What one layout did in the pass through the readers.
#[derive(Default)]
struct LayoutScore {
    score: Score,
    files: usize,
    unreadable_files: usize,
    rows_expected: usize,
    rows_read: usize,
    notices: usize,
    /// Zero-amount rows the reader kept as transactions.
    zero_rows_kept: usize,
    /// Rows read with the counterparty, booking type and purpose kept apart.
    with_counterparty: usize,
    with_booking: usize,
    with_purpose: usize,
    first_error: Option<String>,
}

impl LayoutScore {
    fn ratios(&self) -> (f64, f64, f64) {
        let s = &self.score;
        (
            s.verdicts_right as f64 / s.verdicts.max(1) as f64,
            s.matched_streams as f64 / s.expected_streams.max(1) as f64,
            s.matched_streams as f64 / s.detected_streams.max(1) as f64,
        )
    }

    /// Why the layout misses the suite's goals, if it does.
    fn problems(&self) -> Vec<String> {
        let (verdicts, recall, precision) = self.ratios();
        let mut out = Vec::new();
        if self.unreadable_files > 0 {
            out.push(format!(
                "{} of {} files unreadable",
                self.unreadable_files, self.files
            ));
        }
        if self.rows_read != self.rows_expected {
            out.push(format!(
                "rows read {} of {}",
                self.rows_read, self.rows_expected
            ));
        }
        if verdicts < GOAL_VERDICTS {
            out.push(format!("verdicts {verdicts:.3}"));
        }
        if recall < GOAL_RECALL {
            out.push(format!("recall {recall:.3}"));
        }
        if precision < GOAL_PRECISION {
            out.push(format!("precision {precision:.3}"));
        }
        if self.score.decoy_streams > 0 {
            out.push(format!("{} decoys", self.score.decoy_streams));
        }
        let s = &self.score;
        if s.matched_one_offs != s.expected_one_offs || s.unexpected_one_offs > 0 {
            out.push(format!(
                "one-off notes {}/{}, {} unexpected",
                s.matched_one_offs, s.expected_one_offs, s.unexpected_one_offs
            ));
        }
        out
    }
}

fn add_score(total: &mut Score, part: &Score) {
    total.scenarios += part.scenarios;
    for (k, v) in &part.read {
        *total.read.entry(k).or_default() += v;
    }
    for (k, v) in &part.unreadable {
        *total.unreadable.entry(k).or_default() += v;
    }
    total.verdicts += part.verdicts;
    total.verdicts_right += part.verdicts_right;
    for (k, v) in &part.verdict_counts {
        *total.verdict_counts.entry(k.clone()).or_default() += v;
    }
    total.expected_streams += part.expected_streams;
    total.detected_streams += part.detected_streams;
    total.matched_streams += part.matched_streams;
    total.decoy_streams += part.decoy_streams;
    total.expected_one_offs += part.expected_one_offs;
    total.matched_one_offs += part.matched_one_offs;
    total.unexpected_one_offs += part.unexpected_one_offs;
    total.failures.extend(part.failures.iter().cloned());
    for (k, v) in &part.message_codes {
        *total.message_codes.entry(k.clone()).or_default() += v;
    }
}

/// Runs every scenario kind `rounds` times in `layout` through `statement::read` and `analyse`.
fn run_layout(position: u64, layout: Layout, rounds: u64) -> LayoutScore {
    let mut result = LayoutScore::default();
    for round in 0..rounds {
        for kind in 0..16 {
            let index = kind + 16 * (round + rounds * position);
            let scenario = build_in(index, layout);
            let mut statements = Vec::new();
            let mut failed = false;
            for (i, txs) in scenario.files.iter().enumerate() {
                result.files += 1;
                result.rows_expected += txs.len();
                let bytes = match layout.bank() {
                    Some(bank) => {
                        let (bytes, notices) = support::layouts::render_bank(bank, txs);
                        result.notices += notices;
                        bytes
                    }
                    None => render(layout, txs),
                };
                match statement::read(&bytes, &Default::default()) {
                    Ok(statement) => {
                        // Zero-amount notice rows are no charges: not counted either way.
                        result.zero_rows_kept += statement
                            .transactions
                            .iter()
                            .filter(|t| t.amount.minor == 0)
                            .count();
                        let read = statement
                            .transactions
                            .iter()
                            .filter(|t| t.amount.minor != 0)
                            .count();
                        result.rows_read += read;
                        for t in statement
                            .transactions
                            .iter()
                            .filter(|t| t.amount.minor != 0)
                        {
                            result.with_counterparty += usize::from(t.counterparty.is_some());
                            result.with_booking += usize::from(t.booking_type.is_some());
                            result.with_purpose += usize::from(t.purpose.is_some());
                        }
                        if read != txs.len() && result.first_error.is_none() {
                            result.first_error = Some(format!(
                                "read {read} of {} rows; diagnostics: {:?}",
                                txs.len(),
                                statement.diagnostics.iter().take(3).collect::<Vec<_>>()
                            ));
                        }
                        statements.push(NamedStatement {
                            file: format!("file{i}.{}", layout.name()),
                            statement,
                        });
                    }
                    Err(error) => {
                        failed = true;
                        result.unreadable_files += 1;
                        result.first_error.get_or_insert_with(|| error.to_string());
                    }
                }
            }
            let score = &mut result.score;
            score.scenarios += 1;
            if failed {
                // An unreadable file is a statement with nothing found: every stream missed,
                // every verdict wrong.
                *score.unreadable.entry(layout.name()).or_default() += 1;
                score.expected_streams += scenario.streams.len();
                score.verdicts += scenario.verdicts.len();
                for expected in &scenario.verdicts {
                    *score
                        .verdict_counts
                        .entry(format!("{:?}", expected.verdict))
                        .or_default() += 1;
                }
                score
                    .failures
                    .push(format!("{}: a file could not be read", scenario.name));
                continue;
            }
            *score.read.entry(layout.name()).or_default() += 1;
            let report = analyse(&statements, &cancellations(&scenario), scenario.end);
            score_report(&scenario, &report, score);
        }
    }
    result
}

/// The whole pipeline over every layout: bytes in each layout → `statement::read` → `analyse`,
/// scored per layout.
#[test]
fn scenario_suite_through_the_readers() {
    let rounds = std::env::var("SCENARIO_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(ROUNDS);
    let layouts = all_layouts();
    let banks = support::layouts::CATALOGUE;
    assert!(banks.len() >= 40, "only {} bank layouts", banks.len());
    let results: Vec<(Layout, LayoutScore)> = layouts
        .iter()
        .enumerate()
        .map(|(position, layout)| {
            // The seven hand-written layouts keep at least the 200+ scenarios they always had.
            let rounds = if layout.bank().is_none() {
                rounds.max(2)
            } else {
                rounds
            };
            (*layout, run_layout(position as u64, *layout, rounds))
        })
        .collect();

    println!(
        "{:<24} {:<6} {:>4} {:>11} {:>4} {:>9} {:>7} {:>7} {:>3} {:>11}  problems",
        "layout",
        "region",
        "scen",
        "rows",
        "ntc",
        "verdicts",
        "recall",
        "precis",
        "dec",
        "cp/bk/pu %"
    );
    let mut total = Score::default();
    let mut hand_written = Score::default();
    let mut failing = Vec::new();
    for (layout, result) in &results {
        let (verdicts, recall, precision) = result.ratios();
        let problems = result.problems();
        let region = layout
            .bank()
            .map_or("hand".to_owned(), |b| format!("{:?}", b.region));
        let share = |n: usize| n * 100 / result.rows_read.max(1);
        println!(
            "{:<24} {:<6} {:>4} {:>5}/{:<5} {:>7} {:>4}/{:<4} {:>7.4} {:>7.4} {:>3} {:>3}/{:>3}/{:>3}  {}",
            layout.name(),
            &region[..region.len().min(6)],
            result.score.scenarios,
            result.rows_read,
            result.rows_expected,
            format!("{}/{}", result.notices, result.zero_rows_kept),
            result.score.verdicts_right,
            result.score.verdicts,
            recall,
            precision,
            result.score.decoy_streams,
            share(result.with_counterparty),
            share(result.with_booking),
            share(result.with_purpose),
            problems.join("; ")
        );
        let _ = verdicts;
        if !problems.is_empty() {
            for failure in result.score.failures.iter().take(3) {
                println!("    {}", &failure[..failure.len().min(300)]);
            }
            failing.push(format!(
                "{} ({}){}",
                layout.name(),
                problems.join("; "),
                result
                    .first_error
                    .as_ref()
                    .map_or(String::new(), |e| format!(": {e}"))
            ));
        }
        add_score(&mut total, &result.score);
        if layout.bank().is_none() {
            add_score(&mut hand_written, &result.score);
        }
    }
    let accuracy = total.verdicts_right as f64 / total.verdicts.max(1) as f64;
    let precision = total.matched_streams as f64 / total.detected_streams.max(1) as f64;
    let recall = total.matched_streams as f64 / total.expected_streams.max(1) as f64;
    println!(
        "== {} layouts ({} from the bank catalogue), {} scenarios: verdicts {}/{} = {accuracy:.4}, recall {recall:.4}, precision {precision:.4} ({} streams expected), decoys {}, one-off notes {}/{} ({} unexpected)",
        layouts.len(),
        banks.len(),
        total.scenarios,
        total.verdicts_right,
        total.verdicts,
        total.expected_streams,
        total.decoy_streams,
        total.matched_one_offs,
        total.expected_one_offs,
        total.unexpected_one_offs
    );
    for line in &failing {
        println!("FAILING {line}");
    }
    for failure in total.failures.iter().take(60) {
        println!("  {failure}");
    }
    let failing_list = failing.join("\n  ");
    assert!(
        accuracy >= GOAL_VERDICTS
            && recall >= GOAL_RECALL
            && precision >= GOAL_PRECISION
            && total.decoy_streams == 0
            && total.matched_one_offs == total.expected_one_offs
            && total.unexpected_one_offs == 0,
        "suite through the readers: verdicts {accuracy:.4} (goal {GOAL_VERDICTS}), recall {recall:.4} (goal {GOAL_RECALL}), precision {precision:.4} (goal {GOAL_PRECISION}), decoys {}, one-off notes {}/{} with {} unexpected; failing layouts:\n  {failing_list}",
        total.decoy_streams,
        total.matched_one_offs,
        total.expected_one_offs,
        total.unexpected_one_offs
    );
    // No layout may lose a file or a row, whatever the totals say.
    let losing: Vec<&String> = failing
        .iter()
        .filter(|line| line.contains("unreadable") || line.contains("rows read"))
        .collect();
    assert!(
        losing.is_empty(),
        "layouts that lose files or rows:\n  {}",
        losing
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n  ")
    );
    // The seven hand-written layouts keep the goals they had: every verdict right.
    print_and_check("the seven hand-written layouts", &hand_written, true);
}

/// Writes one statement per layout into the directory `LAYOUT_SAMPLES` names (for reading
/// the generated bytes by eye, and for the notes to the reader's authors). Does nothing
/// without the variable.
#[test]
fn write_layout_samples() {
    let Ok(dir) = std::env::var("LAYOUT_SAMPLES") else {
        return;
    };
    for layout in all_layouts() {
        let scenario = build_in(0, layout);
        let bytes = render(layout, &scenario.files[0]);
        std::fs::write(format!("{dir}/{}.csv", layout.name()), bytes).expect("write sample");
    }
}

/// Prints what `statement::read` and `analyse` make of the file `READ_SAMPLE` names (a
/// debugging aid next to `write_layout_samples`). Does nothing without the variable.
#[test]
fn read_sample() {
    let Ok(path) = std::env::var("READ_SAMPLE") else {
        return;
    };
    let bytes = std::fs::read(&path).expect("read sample");
    match statement::read(&bytes, &Default::default()) {
        Ok(statement) => {
            for diagnostic in statement.diagnostics.iter().take(8) {
                println!("{diagnostic:?}");
            }
            println!(
                "{} transactions, {} of them zero-amount",
                statement.transactions.len(),
                statement
                    .transactions
                    .iter()
                    .filter(|t| t.amount.minor == 0)
                    .count()
            );
            // `READ_SAMPLE_MATCH=word` shows the rows whose description holds the word.
            let word = std::env::var("READ_SAMPLE_MATCH").unwrap_or_default();
            let shown = statement
                .transactions
                .iter()
                .filter(|tx| tx.description.contains(&word))
                .take(6);
            for tx in shown {
                println!(
                    "{} {} {:?} (counterparty {:?}, booking {:?}, purpose {:?})",
                    tx.date,
                    tx.amount,
                    tx.description,
                    tx.counterparty,
                    tx.booking_type,
                    tx.purpose
                );
            }
            let named = [NamedStatement {
                file: path.clone(),
                statement,
            }];
            let report = analyse(&named, &[], date(2027, 1, 1));
            for stream in &report.recurring {
                println!(
                    "stream {:?} {:?} {:?} count {}",
                    stream.merchant, stream.vendor, stream.cadence, stream.count
                );
            }
        }
        Err(error) => println!("error: {error}"),
    }
}

/// The catalogue covers what issue #17 asks for: 40+ real layouts, at least 8 German/Austrian/
/// Swiss, 6 UK/Irish, 6 US/Canadian (checking and card), 4 Dutch/Belgian, 4 Nordic, 4
/// French/Spanish/Italian, and the neobanks N26, Revolut, Monzo, Wise and bunq; every entry
/// names its source and has a distinct name.
#[test]
fn the_catalogue_covers_the_regions() {
    use support::layouts::{Region, CATALOGUE};
    assert!(CATALOGUE.len() >= 40, "{} layouts", CATALOGUE.len());
    let count = |region: Region| CATALOGUE.iter().filter(|l| l.region == region).count();
    for (region, least) in [
        (Region::Dach, 8),
        (Region::UkIe, 6),
        (Region::NorthAmerica, 6),
        (Region::Benelux, 4),
        (Region::Nordic, 4),
        (Region::SouthWest, 4),
    ] {
        assert!(count(region) >= least, "{region:?}: {}", count(region));
    }
    let american = || {
        CATALOGUE
            .iter()
            .filter(|l| l.region == Region::NorthAmerica)
    };
    assert!(american().any(|l| l.card) && american().any(|l| !l.card));
    for bank in ["n26", "revolut", "monzo", "wise", "bunq"] {
        assert!(
            CATALOGUE.iter().any(|l| l.neobank && l.name.contains(bank)),
            "no {bank} layout"
        );
    }
    let mut names: Vec<&str> = CATALOGUE.iter().map(|l| l.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), CATALOGUE.len(), "duplicate layout names");
    for layout in CATALOGUE {
        assert!(
            layout.source.contains('@') || layout.source.contains("bank2ynab"),
            "{}: the source names no commit",
            layout.name
        );
        assert!(!layout.columns.is_empty(), "{}: no columns", layout.name);
    }
}

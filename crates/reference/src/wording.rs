//! The words of the texts a reference makes for the person to send or keep (the two messages
//! and the calendar reminder), as data: English by default, any other language when the page
//! passes its catalogue's words. Templates have `{name}` placeholders; an unknown placeholder
//! stays as written. No I/O.

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

/// Every template and form the messages and the reminder are made of.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wording {
    /// The twelve month names, January first, as they go in a date.
    pub months: Vec<String>,
    /// A date: `{day}`, `{month}`, `{year}` (`{day} {month} {year}`).
    pub date: String,
    /// The decimal mark of amounts (`.`).
    pub decimal: String,
    /// Between the totals of two currencies (` and `).
    pub and: String,
    /// `Subject: Refund request: … (reference {code})`.
    pub vendor_subject: String,
    /// `Subject: Dispute of charges from {name} … (reference {code})`.
    pub issuer_subject: String,
    /// The greeting.
    pub hello: String,
    /// What was cancelled, in the vendor message: `my {name} subscription`.
    pub vendor_what: String,
    /// What was cancelled, in the issuer message: `my subscription with {name}`.
    pub issuer_what: String,
    /// `I cancelled {what} on {date}{confirmation}.`
    pub cancelled: String,
    /// ` (confirmation number {confirmation})`.
    pub confirmation: String,
    /// `- {amount} on {date}` (one charge).
    pub charge: String,
    /// The vendor message without charges.
    pub vendor_confirm: String,
    /// The vendor message with charges: `{charges}` (the lines), `{total}`.
    pub vendor_refund: String,
    /// The issuer message without charges: `{cancelled}`, `{name}`.
    pub issuer_refuse: String,
    /// The issuer message's list: `{name}`, `{charges}`, `{total}`.
    pub issuer_dispute: String,
    /// The issuer message's reason: `{cancelled}`, `{name}`.
    pub issuer_unauthorised: String,
    /// `To cancel, I did the following:\n{steps}`.
    pub steps: String,
    /// The closing.
    pub thanks: String,
    /// The last paragraph: `{code}`, `{link}`.
    pub footer: String,
    /// The reminder's title: `{name}`.
    pub ics_summary: String,
    /// The reminder's text: `You cancelled {name} on {date}{confirmation}`.
    pub ics_cancelled: String,
    /// ` (confirmation {confirmation})` in the reminder.
    pub ics_confirmation: String,
    /// The reminder's advice: `{date}` (the look-again day), `{code}`, `{link}`.
    pub ics_advice: String,
}

impl Wording {
    /// The English words (what the page's English catalogue says too).
    pub fn english() -> Wording {
        let s = str::to_owned;
        Wording {
            months: [
                "January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December",
            ]
            .map(s)
            .to_vec(),
            date: s("{day} {month} {year}"),
            decimal: s("."),
            and: s(" and "),
            vendor_subject: s("Subject: Refund request: charges after I cancelled (reference {code})"),
            issuer_subject: s("Subject: Dispute of charges from {name} after I cancelled (reference {code})"),
            hello: s("Hello,"),
            vendor_what: s("my {name} subscription"),
            issuer_what: s("my subscription with {name}"),
            cancelled: s("I cancelled {what} on {date}{confirmation}."),
            confirmation: s(" (confirmation number {confirmation})"),
            charge: s("- {amount} on {date}"),
            vendor_confirm: s("Please confirm that my subscription is cancelled and that I will not be charged again."),
            vendor_refund: s("Since then you have charged me:\n{charges}\nThat is {total} in total. Please refund these charges and confirm that my subscription is cancelled and that I will not be charged again."),
            issuer_refuse: s("{cancelled} I would like you to refuse any further charges from {name} on my account."),
            issuer_dispute: s("I dispute the following charges from {name} on my account:\n{charges}\nThat is {total} in total."),
            issuer_unauthorised: s("{cancelled} These charges were made after that date, so I did not authorise them. I have asked {name} for a refund. Please reverse these charges and block further charges from {name}."),
            steps: s("To cancel, I did the following:\n{steps}"),
            thanks: s("Thank you."),
            footer: s("My record of the cancellation and the charges (reference {code}, made by me from my own statement): {link}"),
            ics_summary: s("Check your statement for {name} charges"),
            ics_cancelled: s("You cancelled {name} on {date}{confirmation}"),
            ics_confirmation: s(" (confirmation {confirmation})"),
            ics_advice: s(". Drop a statement that reaches past {date} into Spendrein to see whether the charges stopped.\nReference {code}: {link}"),
        }
    }

    /// A day in full (`1 April 2026`).
    pub fn date(&self, date: NaiveDate) -> String {
        let month = self
            .months
            .get(date.month0() as usize)
            .map_or("", String::as_str);
        fill(
            &self.date,
            &[
                ("day", &date.day().to_string()),
                ("month", month),
                ("year", &date.year().to_string()),
            ],
        )
    }

    /// A plain decimal number (`15.49`) with this wording's decimal mark.
    pub fn number(&self, plain: &str) -> String {
        plain.replacen('.', &self.decimal, 1)
    }
}

impl Default for Wording {
    fn default() -> Self {
        Wording::english()
    }
}

/// `template` with each `{name}` replaced by its value, in one pass (a value is never read
/// as a template).
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let known = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, value)| (*value, close))
        });
        match known {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_once_and_keeps_unknown_placeholders() {
        assert_eq!(
            fill("{a} and {b} {c}", &[("a", "{b}"), ("b", "2")]),
            "{b} and 2 {c}"
        );
        let date = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
        assert_eq!(Wording::english().date(date), "1 April 2026");
        let german = Wording {
            date: "{day}. {month} {year}".into(),
            decimal: ",".into(),
            ..Wording::english()
        };
        assert_eq!(german.date(date), "1. April 2026");
        assert_eq!(german.number("15.49"), "15,49");
    }
}

//! The compact transaction store every statement holds.
//!
//! A million-row statement must fit in less memory than three times its file, in wasm as much
//! as natively, and be built without an allocation per row. So transactions are kept as
//! fixed-size rows of numbers plus one text arena that holds every description, id, currency
//! and element path back to back; a row names its texts by offset and length. Readers add
//! [`Transaction`]s (or, for the CSV reader's hot path, rows written straight into the arena);
//! everything else reads [`TransactionView`]s, which borrow their text from the store.
//!
//! **Invariant:** every span in a row lies inside the arena and on `char` boundaries, so the
//! views can slice the arena without checks failing.

use crate::{Amount, Source, Transaction};
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The most text (descriptions, ids, currencies, element paths) one store holds: offsets are
/// 32-bit to keep rows small.
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize - 1;

/// A piece of the arena: `start == NONE` means "absent".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: u32,
    pub len: u32,
}

impl Span {
    const NONE_START: u32 = u32::MAX;
    /// No text at all (an absent id, currency or element).
    pub const NONE: Span = Span {
        start: Span::NONE_START,
        len: 0,
    };

    fn is_none(self) -> bool {
        self.start == Span::NONE_START
    }
}

/// Balance scale meaning "no balance".
const NO_BALANCE: u8 = u8::MAX;

/// One transaction as stored: 64 bytes of numbers and spans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Row {
    pub amount: i64,
    pub balance: i64,
    pub date: NaiveDate,
    pub posted: Option<NaiveDate>,
    pub line: u32,
    pub description: Span,
    pub id: Span,
    pub currency: Span,
    pub element: Span,
    pub amount_scale: u8,
    /// [`NO_BALANCE`] when the row has no balance.
    pub balance_scale: u8,
}

impl Row {
    /// A row with the given date, amount and line and no text yet.
    pub fn new(date: NaiveDate, amount: Amount, line: u32) -> Row {
        Row {
            amount: amount.minor,
            balance: 0,
            date,
            posted: None,
            line,
            description: Span { start: 0, len: 0 },
            id: Span::NONE,
            currency: Span::NONE,
            element: Span::NONE,
            amount_scale: amount.scale,
            balance_scale: NO_BALANCE,
        }
    }

    pub fn amount(&self) -> Amount {
        Amount::new(self.amount, self.amount_scale)
    }

    pub fn set_amount(&mut self, amount: Amount) {
        self.amount = amount.minor;
        self.amount_scale = amount.scale;
    }

    pub fn balance(&self) -> Option<Amount> {
        (self.balance_scale != NO_BALANCE).then(|| Amount::new(self.balance, self.balance_scale))
    }

    pub fn set_balance(&mut self, balance: Option<Amount>) {
        match balance {
            // A scale of 255 cannot occur: amounts carry at most 18 decimals.
            Some(amount) if amount.scale != NO_BALANCE => {
                self.balance = amount.minor;
                self.balance_scale = amount.scale;
            }
            _ => {
                self.balance = 0;
                self.balance_scale = NO_BALANCE;
            }
        }
    }
}

/// The separate text parts of a row (counterparty, booking type, purpose), for the files that
/// keep them apart. Held beside the rows, not in them, so statements without parts pay nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Parts {
    pub counterparty: Span,
    pub booking_type: Span,
    pub purpose: Span,
}

impl Parts {
    /// No parts at all.
    pub const NONE: Parts = Parts {
        counterparty: Span::NONE,
        booking_type: Span::NONE,
        purpose: Span::NONE,
    };
}

/// The store was full: its text would pass [`MAX_TEXT_BYTES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoreFull;

/// The transactions of one statement, in file order.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Transactions {
    rows: Vec<Row>,
    /// Empty, or one entry per row (a statement whose rows have no parts keeps none).
    parts: Vec<Parts>,
    text: String,
}

/// One transaction, borrowed from a [`Transactions`] store. The same fields as
/// [`Transaction`], with text as `&str` and the source line and element inline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TransactionView<'a> {
    /// The transaction (or booking) date: the day the engine reasons with.
    pub date: NaiveDate,
    /// The posting or value date when the file gives a second date.
    pub posted: Option<NaiveDate>,
    /// Signed amount; negative is money out.
    pub amount: Amount,
    /// ISO 4217 code when the row names one different from the statement's.
    pub currency: Option<&'a str>,
    /// Payee, counterparty, memo and reference combined into one line of text, merchant first.
    pub description: &'a str,
    /// The other party's name, when the file has a column for it.
    pub counterparty: Option<&'a str>,
    /// The bank's kind of booking (`Lastschrift`, `Card payment`); never in `description`.
    pub booking_type: Option<&'a str>,
    /// Purpose, reference and memo text, when kept apart from the counterparty.
    pub purpose: Option<&'a str>,
    /// The running balance after this transaction, when the file has one.
    pub balance: Option<Amount>,
    /// A bank-assigned id (OFX FITID, CAMT AcctSvcrRef) used to de-duplicate.
    pub id: Option<&'a str>,
    /// 1-based line the transaction was read from.
    pub line: u32,
    /// For structured formats, a short path to the element (`Ntry[3]`, `STMTTRN[12]`).
    pub element: Option<&'a str>,
}

impl TransactionView<'_> {
    /// An owned copy.
    pub fn to_transaction(&self) -> Transaction {
        Transaction {
            date: self.date,
            posted: self.posted,
            amount: self.amount,
            currency: self.currency.map(str::to_owned),
            description: self.description.to_owned(),
            counterparty: self.counterparty.map(str::to_owned),
            booking_type: self.booking_type.map(str::to_owned),
            purpose: self.purpose.map(str::to_owned),
            balance: self.balance,
            id: self.id.map(str::to_owned),
            source: Source {
                line: self.line,
                element: self.element.map(str::to_owned),
            },
        }
    }
}

impl Transactions {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty store with room for `rows` transactions and `text` bytes of text.
    pub fn with_capacity(rows: usize, text: usize) -> Self {
        Transactions {
            rows: Vec::with_capacity(rows),
            parts: Vec::new(),
            text: String::with_capacity(text.min(MAX_TEXT_BYTES)),
        }
    }

    /// How many transactions it holds.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when it holds none.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Bytes of text held (descriptions, ids, currencies, element paths).
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// The transaction at `index`.
    pub fn get(&self, index: usize) -> Option<TransactionView<'_>> {
        self.rows
            .get(index)
            .map(|row| view(&self.text, row, self.parts.get(index)))
    }

    /// The date and amount of the transaction at `index`, without building a view (for
    /// passes over many rows that need only these).
    #[inline]
    pub fn date_and_amount(&self, index: usize) -> Option<(NaiveDate, Amount)> {
        self.rows.get(index).map(|row| (row.date, row.amount()))
    }

    /// The first transaction.
    pub fn first(&self) -> Option<TransactionView<'_>> {
        self.get(0)
    }

    /// The last transaction.
    pub fn last(&self) -> Option<TransactionView<'_>> {
        self.get(self.rows.len().wrapping_sub(1))
    }

    /// The most decimals any amount carries, `None` when there are no transactions (one pass
    /// over the rows, no views).
    pub fn max_amount_scale(&self) -> Option<u8> {
        self.rows.iter().map(|row| row.amount_scale).max()
    }

    /// The first and last dates (one pass over the rows, no views).
    pub fn period(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first = self.rows.first()?.date;
        Some(self.rows.iter().fold((first, first), |(from, to), row| {
            (from.min(row.date), to.max(row.date))
        }))
    }

    /// The transactions in file order.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            rows: self.rows.iter(),
            parts: self.parts.iter(),
            text: &self.text,
        }
    }

    /// Owned copies of every transaction (for tests and small statements).
    pub fn to_vec(&self) -> Vec<Transaction> {
        self.iter().map(|view| view.to_transaction()).collect()
    }

    /// Adds a transaction; `Err` when its text would not fit (the store keeps what it had).
    pub fn try_push(&mut self, transaction: &Transaction) -> Result<(), StoreFull> {
        let text_needed = transaction.description.len()
            + transaction.id.as_ref().map_or(0, String::len)
            + transaction.currency.as_ref().map_or(0, String::len)
            + transaction.source.element.as_ref().map_or(0, String::len)
            + transaction.counterparty.as_ref().map_or(0, String::len)
            + transaction.booking_type.as_ref().map_or(0, String::len)
            + transaction.purpose.as_ref().map_or(0, String::len);
        if self.text.len() + text_needed > MAX_TEXT_BYTES {
            return Err(StoreFull);
        }
        let mut row = Row::new(
            transaction.date,
            transaction.amount,
            transaction.source.line,
        );
        row.posted = transaction.posted;
        row.set_balance(transaction.balance);
        row.description = self.put(&transaction.description);
        row.id = self.put_opt(transaction.id.as_deref());
        row.currency = self.put_opt(transaction.currency.as_deref());
        row.element = self.put_opt(transaction.source.element.as_deref());
        let parts = Parts {
            counterparty: self.put_opt(transaction.counterparty.as_deref()),
            booking_type: self.put_opt(transaction.booking_type.as_deref()),
            purpose: self.put_opt(transaction.purpose.as_deref()),
        };
        if parts == Parts::NONE {
            self.push_row(row);
        } else {
            self.push_row_with_parts(row, parts);
        }
        Ok(())
    }

    /// Adds a transaction. A store full of text (4 GiB) ignores it; readers that can reach
    /// that size use [`Transactions::try_push`] and report it.
    pub fn push(&mut self, transaction: Transaction) {
        let _ = self.try_push(&transaction);
    }

    /// Flips the sign of every amount (the "flip the sign" hint).
    pub fn negate_amounts(&mut self) {
        for row in &mut self.rows {
            row.amount = row.amount.saturating_neg();
        }
    }

    /// Appends text that fits (checked by the caller) and returns its span.
    fn put(&mut self, text: &str) -> Span {
        let start = self.text.len() as u32;
        self.text.push_str(text);
        Span {
            start,
            len: text.len() as u32,
        }
    }

    fn put_opt(&mut self, text: Option<&str>) -> Span {
        text.map_or(Span::NONE, |text| self.put(text))
    }

    // ---- For readers in this crate that build rows directly (the CSV hot path). ----

    /// The rows, for readers that resolve dates and signs after reading.
    pub(crate) fn rows_mut(&mut self) -> &mut Vec<Row> {
        &mut self.rows
    }

    /// The rows to edit, and the arena to read their text from.
    pub(crate) fn rows_and_text_mut(&mut self) -> (&mut [Row], &str) {
        (&mut self.rows, &self.text)
    }

    /// The arena, for appending a row's text in place. The caller records the span it wrote
    /// (on `char` boundaries) and keeps the total under [`MAX_TEXT_BYTES`].
    pub(crate) fn text_mut(&mut self) -> &mut String {
        &mut self.text
    }

    /// Reserves room for more rows and text.
    pub(crate) fn reserve(&mut self, rows: usize, text: usize) {
        self.rows.reserve(rows);
        self.text
            .reserve(text.min(MAX_TEXT_BYTES.saturating_sub(self.text.len())));
    }

    /// Adds a row whose spans already point into the arena.
    #[inline(always)]
    pub(crate) fn push_row(&mut self, row: Row) {
        self.rows.push(row);
        if !self.parts.is_empty() {
            self.parts.push(Parts::NONE);
        }
    }

    /// Adds a row and its parts, whose spans already point into the arena.
    #[inline(never)]
    pub(crate) fn push_row_with_parts(&mut self, row: Row, parts: Parts) {
        self.parts.resize(self.rows.len(), Parts::NONE);
        self.rows.push(row);
        self.parts.push(parts);
    }

    /// Keeps the rows (and their parts) for which `keep` says so, in order. One loop for both
    /// cases, so the caller's closure is compiled once.
    pub(crate) fn retain_rows(&mut self, mut keep: impl FnMut(&mut Row) -> bool) {
        let has_parts = self.parts.len() == self.rows.len();
        let mut kept = 0;
        for index in 0..self.rows.len() {
            if keep(&mut self.rows[index]) {
                if kept != index {
                    self.rows[kept] = self.rows[index];
                    if has_parts {
                        self.parts[kept] = self.parts[index];
                    }
                }
                kept += 1;
            }
        }
        self.rows.truncate(kept);
        self.parts.truncate(kept);
    }

    /// The text of a span in `text` (an arena from [`Transactions::rows_and_text_mut`]).
    pub(crate) fn text_of(text: &str, span: Span) -> &str {
        text_of(text, span).unwrap_or("")
    }

    /// Appends `separator` and `more` to the last row's description (a description continued
    /// on the next line of the file). Returns false when there is no row or no room.
    pub(crate) fn extend_last_description(&mut self, separator: &str, more: &str) -> bool {
        let Some(last) = self.rows.last().copied() else {
            return false;
        };
        let span = last.description;
        let at_end = span.start as usize + span.len as usize == self.text.len();
        let needed = separator.len() + more.len() + if at_end { 0 } else { span.len as usize };
        if self.text.len() + needed > MAX_TEXT_BYTES {
            return false;
        }
        let start = if at_end {
            span.start as usize
        } else {
            // Move the description to the end so it can grow in place.
            let start = self.text.len();
            let old = span.start as usize..span.start as usize + span.len as usize;
            self.text.extend_from_within(old);
            start
        };
        if start != self.text.len() {
            self.text.push_str(separator);
        }
        self.text.push_str(more);
        if let Some(row) = self.rows.last_mut() {
            row.description = Span {
                start: start as u32,
                len: (self.text.len() - start) as u32,
            };
        }
        true
    }
}

#[inline(always)]
fn text_of(text: &str, span: Span) -> Option<&str> {
    if span.is_none() {
        return None;
    }
    let start = span.start as usize;
    text.get(start..start + span.len as usize)
}

#[inline(always)]
fn view<'a>(text: &'a str, row: &Row, parts: Option<&Parts>) -> TransactionView<'a> {
    let [counterparty, booking_type, purpose] = match parts {
        None => [None; 3],
        Some(parts) => parts_text(text, parts),
    };
    TransactionView {
        date: row.date,
        posted: row.posted,
        amount: row.amount(),
        currency: text_of(text, row.currency),
        description: text_of(text, row.description).unwrap_or(""),
        counterparty,
        booking_type,
        purpose,
        balance: row.balance(),
        id: text_of(text, row.id),
        line: row.line,
        element: text_of(text, row.element),
    }
}

/// The texts of a row's parts, out of line: most statements have none.
#[inline(never)]
fn parts_text<'a>(text: &'a str, parts: &Parts) -> [Option<&'a str>; 3] {
    [parts.counterparty, parts.booking_type, parts.purpose].map(|span| text_of(text, span))
}

/// The iterator of [`Transactions::iter`].
#[derive(Clone)]
pub struct Iter<'a> {
    rows: std::slice::Iter<'a, Row>,
    /// Empty, or as long as `rows`.
    parts: std::slice::Iter<'a, Parts>,
    text: &'a str,
}

impl<'a> Iterator for Iter<'a> {
    type Item = TransactionView<'a>;

    // In line, with `view`: a reader of a million rows that uses two of the fields should not
    // pay for building the others (in wasm, a call per row and every span checked).
    #[inline(always)]
    fn next(&mut self) -> Option<TransactionView<'a>> {
        let row = self.rows.next()?;
        Some(view(self.text, row, self.parts.next()))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.rows.size_hint()
    }

    fn nth(&mut self, n: usize) -> Option<TransactionView<'a>> {
        let row = self.rows.nth(n)?;
        Some(view(self.text, row, self.parts.nth(n)))
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let row = self.rows.next_back()?;
        Some(view(self.text, row, self.parts.next_back()))
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a Transactions {
    type Item = TransactionView<'a>;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl FromIterator<Transaction> for Transactions {
    fn from_iter<I: IntoIterator<Item = Transaction>>(iter: I) -> Self {
        let mut store = Transactions::new();
        for transaction in iter {
            store.push(transaction);
        }
        store
    }
}

impl From<Vec<Transaction>> for Transactions {
    fn from(transactions: Vec<Transaction>) -> Self {
        let text = transactions
            .iter()
            .map(|t| {
                t.description.len()
                    + t.id.as_ref().map_or(0, String::len)
                    + t.currency.as_ref().map_or(0, String::len)
                    + t.source.element.as_ref().map_or(0, String::len)
                    + t.counterparty.as_ref().map_or(0, String::len)
                    + t.booking_type.as_ref().map_or(0, String::len)
                    + t.purpose.as_ref().map_or(0, String::len)
            })
            .sum();
        let mut store = Transactions::with_capacity(transactions.len(), text);
        for transaction in &transactions {
            // Text past 4 GiB cannot come from a buffered file (those stop at 256 MB).
            let _ = store.try_push(transaction);
        }
        store
    }
}

impl std::fmt::Debug for Transactions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// The JSON shape of a [`Transaction`], borrowed.
#[derive(Serialize)]
struct SourceJson<'a> {
    line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    element: Option<&'a str>,
}

#[derive(Serialize)]
struct TransactionJson<'a> {
    date: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    posted: Option<NaiveDate>,
    amount: Amount,
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<&'a str>,
    description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    counterparty: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    booking_type: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    purpose: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    balance: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    source: SourceJson<'a>,
}

impl Serialize for TransactionView<'_> {
    /// The same shape as [`Transaction`]'s.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        TransactionJson {
            date: self.date,
            posted: self.posted,
            amount: self.amount,
            currency: self.currency,
            description: self.description,
            counterparty: self.counterparty,
            booking_type: self.booking_type,
            purpose: self.purpose,
            balance: self.balance,
            id: self.id,
            source: SourceJson {
                line: self.line,
                element: self.element,
            },
        }
        .serialize(serializer)
    }
}

impl Serialize for Transactions {
    /// A list of transactions, each shaped like [`Transaction`].
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Transactions {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<Transaction>::deserialize(deserializer).map(Transactions::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    fn sample(description: &str, id: Option<&str>) -> Transaction {
        Transaction {
            date: d(2024, 3, 1),
            posted: Some(d(2024, 3, 2)),
            amount: Amount::new(-1550, 2),
            currency: Some("EUR".into()),
            description: description.into(),
            counterparty: None,
            booking_type: None,
            purpose: None,
            balance: Some(Amount::new(10_000, 2)),
            id: id.map(str::to_owned),
            source: Source {
                line: 7,
                element: Some("STMTTRN[1]".into()),
            },
        }
    }

    #[test]
    fn rows_stay_small() {
        assert!(
            std::mem::size_of::<Row>() <= 64,
            "{}",
            std::mem::size_of::<Row>()
        );
    }

    #[test]
    fn what_goes_in_comes_out() {
        let items = vec![
            sample("NETFLIX.COM", Some("F1")),
            sample("", None),
            sample("Café ü 東京", Some("")),
            Transaction {
                posted: None,
                currency: None,
                balance: None,
                source: Source {
                    line: 9,
                    element: None,
                },
                ..sample("X", None)
            },
            Transaction {
                counterparty: Some("PayPal Europe".into()),
                booking_type: Some("Lastschrift".into()),
                purpose: Some("Netflix".into()),
                ..sample("PAYPAL *Netflix", None)
            },
            sample("AFTER", None),
        ];
        let store = Transactions::from(items.clone());
        assert_eq!(store.to_vec(), items);
        assert_eq!(store.len(), 6);
        assert_eq!(store.get(3).map(|t| t.description), Some("X"));
        assert_eq!(
            store.get(4).and_then(|t| t.booking_type),
            Some("Lastschrift")
        );
        assert_eq!(store.get(5).and_then(|t| t.purpose), None);
        assert_eq!(
            store.iter().rev().nth(1).and_then(|t| t.counterparty),
            Some("PayPal Europe")
        );
        let mut kept = store.clone();
        let mut index = 0;
        kept.retain_rows(|_| {
            index += 1;
            index != 2
        });
        assert_eq!(kept.len(), 5);
        assert_eq!(kept.get(3).and_then(|t| t.purpose), Some("Netflix"));
        assert_eq!(kept.get(0).and_then(|t| t.purpose), None);
        assert_eq!(
            serde_json::to_value(&store).expect("serialises"),
            serde_json::to_value(&items).expect("serialises")
        );
        let back: Transactions =
            serde_json::from_str(&serde_json::to_string(&store).expect("serialises"))
                .expect("deserialises");
        assert_eq!(back, store);
    }

    #[test]
    fn a_continued_description_grows_wherever_it_sits() {
        let mut store = Transactions::from(vec![sample("FIRST", Some("ID-1"))]);
        // The id was written after the description, so it moves to the end first.
        assert!(store.extend_last_description(" | ", "SECOND"));
        assert!(store.extend_last_description(" | ", "THIRD"));
        assert_eq!(
            store.last().map(|t| t.description),
            Some("FIRST | SECOND | THIRD")
        );
        assert_eq!(store.last().and_then(|t| t.id), Some("ID-1"));
        let mut empty = Transactions::from(vec![sample("", None)]);
        assert!(empty.extend_last_description(" | ", "ONLY"));
        assert_eq!(empty.last().map(|t| t.description), Some("ONLY"));
        assert!(!Transactions::new().extend_last_description(" | ", "NONE"));
    }

    #[test]
    fn flipping_negates_amounts_only() {
        let mut store = Transactions::from(vec![sample("A", None)]);
        store.negate_amounts();
        let view = store.first().expect("one row");
        assert_eq!(view.amount, Amount::new(1550, 2));
        assert_eq!(view.balance, Some(Amount::new(10_000, 2)));
    }
}

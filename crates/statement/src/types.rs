//! The types every reader produces. They are the contract between the readers, the engine and
//! the report, so change them only with all three in mind.

use crate::Transactions;
use chrono::NaiveDate;
use messages::{Args, Message};
use serde::{Deserialize, Serialize};
use std::fmt;

/// An exact amount of money: integer minor units with the number of decimals they carry.
///
/// `Amount { minor: -1250, scale: 2 }` is `-12.50`. Money out of the account is negative.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Amount {
    /// The value in minor units (cents for a scale of 2).
    pub minor: i64,
    /// How many decimal digits `minor` carries (2 for EUR/USD, 0 for JPY or HUF).
    pub scale: u8,
}

impl Amount {
    /// An amount with the given minor units and scale.
    pub const fn new(minor: i64, scale: u8) -> Self {
        Amount { minor, scale }
    }

    /// The same amount expressed with `scale` decimals, or `None` when that would lose digits
    /// or overflow.
    #[inline(always)]
    pub fn rescale(self, scale: u8) -> Option<Amount> {
        // In line for the common case (readers rescale every row; most are already there).
        if scale == self.scale {
            Some(self)
        } else {
            self.rescale_other(scale)
        }
    }

    #[inline(never)]
    fn rescale_other(self, scale: u8) -> Option<Amount> {
        if scale > self.scale {
            let factor = 10i64.checked_pow(u32::from(scale - self.scale))?;
            Some(Amount::new(self.minor.checked_mul(factor)?, scale))
        } else {
            let factor = 10i64.checked_pow(u32::from(self.scale - scale))?;
            (self.minor % factor == 0).then(|| Amount::new(self.minor / factor, scale))
        }
    }

    /// The amount with its sign flipped.
    pub fn negated(self) -> Amount {
        Amount::new(self.minor.saturating_neg(), self.scale)
    }

    /// True for money leaving the account.
    pub fn is_outflow(self) -> bool {
        self.minor < 0
    }
}

impl fmt::Display for Amount {
    /// A signed decimal string with a dot: `-12.50`, `3`, `0.05`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.minor);
        }
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        let factor = 10u64.pow(u32::from(self.scale));
        write!(
            f,
            "{sign}{}.{:0width$}",
            abs / factor,
            abs % factor,
            width = usize::from(self.scale)
        )
    }
}

/// Where in the file a transaction or a problem came from.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Source {
    /// 1-based line number in the decoded text (for XML formats, the line where the entry starts).
    pub line: u32,
    /// For structured formats, a short path to the element (`Ntry[3]`, `STMTTRN[12]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub element: Option<String>,
}

/// One booked movement of money.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transaction {
    /// The transaction (or booking) date: the day the engine reasons with.
    pub date: NaiveDate,
    /// The posting or value date when the file gives a second date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub posted: Option<NaiveDate>,
    /// Signed amount; negative is money out.
    pub amount: Amount,
    /// ISO 4217 code when known (from a column, a tag, or the statement).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Payee, counterparty, memo and reference combined into one line of text, the merchant
    /// first: what the engine reads.
    pub description: String,
    /// The other party's name, when the file has a column for it (`Auftraggeber/Empfänger`,
    /// `Payee`, `Name`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counterparty: Option<String>,
    /// The bank's kind of booking (`Lastschrift`, `Kartenzahlung`, `POS`, `Card payment`), when
    /// the file has a column for it. Never part of `description`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub booking_type: Option<String>,
    /// Purpose, reference and memo text (`Verwendungszweck`, `Memo`, `Omschrijving`), when the
    /// file keeps them apart from the counterparty or the booking type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// The running balance after this transaction, when the file has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub balance: Option<Amount>,
    /// A bank-assigned id (OFX FITID, CAMT AcctSvcrRef) used to de-duplicate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Where the transaction was read from.
    pub source: Source,
}

/// The file formats the readers know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Delimited text: comma, semicolon, tab or pipe.
    Csv,
    /// OFX 1.x (SGML) or 2.x (XML), including QFX and QBO.
    Ofx,
    /// Quicken Interchange Format.
    Qif,
    /// ISO 20022 camt.052 (intraday report).
    Camt052,
    /// ISO 20022 camt.053 (statement).
    Camt053,
    /// ISO 20022 camt.054 (debit/credit notification).
    Camt054,
    /// SWIFT MT940 / MT942.
    Mt940,
}

impl Format {
    /// The lowercase name used in the report (`csv`, `camt053`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Ofx => "ofx",
            Format::Qif => "qif",
            Format::Camt052 => "camt052",
            Format::Camt053 => "camt053",
            Format::Camt054 => "camt054",
            Format::Mt940 => "mt940",
        }
    }
}

/// Day/month order of numeric dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// Year first (`2024-03-01`, `20240301`, `2024/03/01`).
    Ymd,
    /// Day first (`01/03/2024`, `01.03.24`).
    Dmy,
    /// Month first (`03/01/2024`).
    Mdy,
}

impl DateOrder {
    /// Every date order.
    pub const ALL: [DateOrder; 3] = [DateOrder::Ymd, DateOrder::Dmy, DateOrder::Mdy];

    /// The name used in the report and in hints (`ymd`, `dmy`, `mdy`).
    pub fn as_str(self) -> &'static str {
        match self {
            DateOrder::Ymd => "ymd",
            DateOrder::Dmy => "dmy",
            DateOrder::Mdy => "mdy",
        }
    }

    /// The date order with this name, as [`as_str`](Self::as_str) writes it.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|order| order.as_str() == name)
    }
}

/// How the file signs money out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignConvention {
    /// Money out is negative in the file (bank accounts).
    OutflowNegative,
    /// Money out is positive in the file (many card exports: purchases positive, payments negative).
    OutflowPositive,
    /// Separate debit and credit columns (paid out / paid in).
    SplitColumns,
    /// An unsigned amount with a debit/credit indicator (column, `CdtDbtInd`, `C`/`D` mark).
    Indicator,
}

impl SignConvention {
    /// Every sign convention.
    pub const ALL: [SignConvention; 4] = [
        SignConvention::OutflowNegative,
        SignConvention::OutflowPositive,
        SignConvention::SplitColumns,
        SignConvention::Indicator,
    ];

    /// The name used in the report and in hints (`outflow_negative`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            SignConvention::OutflowNegative => "outflow_negative",
            SignConvention::OutflowPositive => "outflow_positive",
            SignConvention::SplitColumns => "split_columns",
            SignConvention::Indicator => "indicator",
        }
    }

    /// The sign convention with this name, as [`as_str`](Self::as_str) writes it.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|sign| sign.as_str() == name)
    }
}

/// What a reader inferred about the file, reported so the page can show it and let the person
/// correct it through [`Hints`].
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Dialect {
    /// The text encoding used to decode the bytes (`utf-8`, `utf-16le`, `windows-1252`, …).
    pub encoding: String,
    /// Bytes that could not be decoded and were replaced with U+FFFD.
    pub replaced_bytes: u64,
    /// Format version or flavour (`OFX 1.02 SGML`, `camt.053.001.02`, `MT940`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// CSV: the field delimiter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<char>,
    /// CSV: the 1-based line of the header row, `None` when the file has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header_line: Option<u32>,
    /// Numeric date order, when dates were numeric.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_order: Option<DateOrder>,
    /// How the date order was decided, in English (`unambiguous: day 23 first on line 7`,
    /// `hint`, `locale: German headers`): `date_order_reason_message` rendered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_order_reason: Option<String>,
    /// The same reason as a code (`reason-…`) and typed arguments, for the page's languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_order_reason_message: Option<Message>,
    /// The decimal mark of amounts (`.` or `,`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decimal_mark: Option<char>,
    /// How money out was signed in the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sign_convention: Option<SignConvention>,
    /// How the sign convention was decided, in English: `sign_reason_message` rendered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sign_reason: Option<String>,
    /// The same reason as a code (`reason-…`) and typed arguments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign_reason_message: Option<Message>,
    /// CSV: the role given to each column, in file order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<Column>,
}

impl Dialect {
    /// Sets how the date order was decided: the reason's code and arguments, and its English.
    pub fn set_date_order_reason(&mut self, reason: Option<Message>) {
        self.date_order_reason = reason.as_ref().map(Message::english);
        self.date_order_reason_message = reason;
    }

    /// Sets how the sign convention was decided: the reason's code and arguments, and its
    /// English.
    pub fn set_sign_reason(&mut self, reason: Option<Message>) {
        self.sign_reason = reason.as_ref().map(Message::english);
        self.sign_reason_message = reason;
    }
}

/// A CSV column and the role the reader gave it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// 0-based column index.
    pub index: u32,
    /// The header text, when there is a header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The role the reader gave it.
    pub role: ColumnRole,
}

/// What a CSV column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    /// Transaction date.
    Date,
    /// Posting / value date.
    PostedDate,
    /// Payee or counterparty name.
    Payee,
    /// Free description, memo, purpose.
    Description,
    /// A reference or id shown to the person.
    Reference,
    /// The bank's kind of booking (`Lastschrift`, `Card payment`): kept, never the merchant.
    BookingType,
    /// Signed (or sign-by-convention) amount.
    Amount,
    /// Money out, in its own column.
    Debit,
    /// Money in, in its own column.
    Credit,
    /// Debit/credit indicator for an unsigned amount.
    DebitCreditFlag,
    /// Currency code.
    Currency,
    /// Running balance.
    Balance,
    /// A bank-assigned transaction id.
    Id,
    /// Read but not used.
    Ignored,
}

impl ColumnRole {
    /// Every column role.
    pub const ALL: [ColumnRole; 14] = [
        ColumnRole::Date,
        ColumnRole::PostedDate,
        ColumnRole::Payee,
        ColumnRole::Description,
        ColumnRole::Reference,
        ColumnRole::BookingType,
        ColumnRole::Amount,
        ColumnRole::Debit,
        ColumnRole::Credit,
        ColumnRole::DebitCreditFlag,
        ColumnRole::Currency,
        ColumnRole::Balance,
        ColumnRole::Id,
        ColumnRole::Ignored,
    ];

    /// The name used in the report and in hints (`date`, `posted_date`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnRole::Date => "date",
            ColumnRole::PostedDate => "posted_date",
            ColumnRole::Payee => "payee",
            ColumnRole::Description => "description",
            ColumnRole::Reference => "reference",
            ColumnRole::BookingType => "booking_type",
            ColumnRole::Amount => "amount",
            ColumnRole::Debit => "debit",
            ColumnRole::Credit => "credit",
            ColumnRole::DebitCreditFlag => "debit_credit_flag",
            ColumnRole::Currency => "currency",
            ColumnRole::Balance => "balance",
            ColumnRole::Id => "id",
            ColumnRole::Ignored => "ignored",
        }
    }

    /// The column role with this name, as [`as_str`](Self::as_str) writes it.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.as_str() == name)
    }
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// For information: a decision the reader made.
    Info,
    /// Something was skipped or guessed; the result may be incomplete.
    Warning,
    /// Something could not be read.
    Error,
}

/// A problem in the input, or a decision worth telling the person about. Problems in the input
/// are data, not exceptions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// A stable kebab-case code (`bad-date`, `ambiguous-date-order`, `skipped-row`).
    pub code: String,
    /// What was wrong and where, lowercase, no trailing period.
    pub message: String,
    /// 1-based line it refers to, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// How to fix it, when there is something the person can do.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The typed arguments `message` and `help` were rendered from (`messages::templates()`
    /// has the code's templates); absent in JSON when there are none.
    #[serde(default, skip_serializing_if = "Args::is_empty")]
    pub args: Args,
}

impl Diagnostic {
    /// The diagnostic `code` with these arguments: its message and help are the code's
    /// English templates rendered with them.
    #[inline(never)]
    pub fn new(severity: Severity, code: &'static str, args: Args) -> Self {
        Diagnostic {
            severity,
            code: code.to_owned(),
            message: messages::text(code, &args),
            line: None,
            help: messages::help(code, &args),
            args,
        }
    }

    /// The same diagnostic pointing at a line.
    pub fn at_line(mut self, line: u32) -> Self {
        self.line = Some(line);
        self
    }
}

/// Everything read from one file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// The detected format.
    pub format: Format,
    /// What was inferred about the file.
    pub dialect: Dialect,
    /// The statement's currency, when one currency dominates or the file declares it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Account identifier (IBAN, account number) when the file gives one. Shown only locally.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// The transactions, in file order, stored compactly.
    pub transactions: Transactions,
    /// Problems and decisions, in the order they were found.
    pub diagnostics: Vec<Diagnostic>,
}

impl Statement {
    /// An empty statement of the given format.
    pub fn new(format: Format) -> Self {
        Statement {
            format,
            dialect: Dialect::default(),
            currency: None,
            account: None,
            transactions: Transactions::new(),
            diagnostics: Vec::new(),
        }
    }

    /// The first and last transaction dates.
    pub fn period(&self) -> Option<(NaiveDate, NaiveDate)> {
        self.transactions.period()
    }
}

/// Overrides for what the reader would otherwise infer. Every field is optional; `None` means
/// "infer it".
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Hints {
    /// Force the numeric date order.
    pub date_order: Option<DateOrder>,
    /// Force the decimal mark (`.` or `,`).
    pub decimal_mark: Option<char>,
    /// Force how money out is signed in the file.
    pub sign_convention: Option<SignConvention>,
    /// Flip every amount's sign after reading (the page's "flip the sign" control).
    pub flip_sign: bool,
    /// Force the text encoding by its label (`windows-1252`, `utf-8`, …).
    pub encoding: Option<String>,
    /// CSV: force column roles by 0-based index; columns not listed are inferred.
    pub columns: Vec<(u32, ColumnRole)>,
    /// CSV: every dated row with an amount is a transaction, none is skipped as a balance or
    /// total row (for text a converter already reduced to its transactions, where a merchant
    /// may be called `TOTAL`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rows_are_transactions: bool,
}

/// Why a file could not be read as a statement at all. Problems *inside* a statement are
/// [`Diagnostic`]s instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadError {
    /// A stable kebab-case code (`empty-file`, `not-a-statement`, `unsupported-format`, `too-large`).
    pub code: String,
    /// What is wrong, lowercase, no trailing period.
    pub message: String,
    /// What to do instead (which export to choose at the bank).
    pub help: String,
    /// The typed arguments `message` and `help` were rendered from; absent when none.
    #[serde(default, skip_serializing_if = "Args::is_empty")]
    pub args: Args,
}

impl ReadError {
    /// The read error `code` with these arguments, its message and help rendered from the
    /// code's English templates.
    #[inline(never)]
    pub fn new(code: &'static str, args: Args) -> Self {
        ReadError {
            code: code.to_owned(),
            message: messages::text(code, &args),
            help: messages::help(code, &args).unwrap_or_default(),
            args,
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.help)
    }
}

impl std::error::Error for ReadError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_names_are_the_serde_names() {
        // The wasm crate reads hints by these names instead of through serde: they must agree.
        fn check<T: Serialize + Copy + PartialEq + fmt::Debug>(
            all: &[T],
            as_str: fn(T) -> &'static str,
            from_name: fn(&str) -> Option<T>,
        ) {
            for &value in all {
                assert_eq!(
                    serde_json::to_string(&value).unwrap(),
                    format!("\"{}\"", as_str(value))
                );
                assert_eq!(from_name(as_str(value)), Some(value));
            }
            assert_eq!(from_name("sideways"), None);
        }
        check(&DateOrder::ALL, DateOrder::as_str, DateOrder::from_name);
        check(
            &SignConvention::ALL,
            SignConvention::as_str,
            SignConvention::from_name,
        );
        check(&ColumnRole::ALL, ColumnRole::as_str, ColumnRole::from_name);
    }

    #[test]
    fn amount_display_keeps_every_digit() {
        assert_eq!(Amount::new(-1250, 2).to_string(), "-12.50");
        assert_eq!(Amount::new(5, 2).to_string(), "0.05");
        assert_eq!(Amount::new(-5, 2).to_string(), "-0.05");
        assert_eq!(Amount::new(1234, 0).to_string(), "1234");
        assert_eq!(
            Amount::new(i64::MIN, 2).to_string(),
            "-92233720368547758.08"
        );
    }

    #[test]
    fn rescale_refuses_to_lose_digits() {
        assert_eq!(Amount::new(125, 1).rescale(2), Some(Amount::new(1250, 2)));
        assert_eq!(Amount::new(1250, 2).rescale(1), Some(Amount::new(125, 1)));
        assert_eq!(Amount::new(1255, 2).rescale(1), None);
        assert_eq!(Amount::new(i64::MAX, 0).rescale(2), None);
    }
}

//! The OFX reader: OFX 1.x (SGML), OFX 2.x (XML), and the Intuit flavours QFX and QBO.
//!
//! One lenient tag walk reads both generations: a tag followed by text is a leaf whether or not
//! it is closed (SGML leaves never are), a tag followed by another tag opens an aggregate, and a
//! closing tag closes the innermost open aggregate of that name (a stray one is ignored). This
//! reads real-world files that mix the two styles or close leaves in the wrong order. Bank,
//! credit-card and the cash part of investment statements are read; several statements in one
//! file are read one after the other, and a FITID seen twice in one account is kept once.

use crate::sniff::text::{self, collapse_whitespace, join_description, parse_decimal};
use crate::xml::{Token, Tokenizer, XmlError};
use crate::Message;
use crate::{
    Amount, Args, Diagnostic, Format, Hints, ReadError, Severity, SignConvention, Source,
    Statement, Transaction,
};
use chrono::NaiveDate;
use std::collections::HashMap;

/// The OFX investment transaction aggregates; their `TOTAL` is the money they move.
const INVESTMENT_TRANSACTIONS: [&str; 20] = [
    "BUYDEBT",
    "BUYMF",
    "BUYOPT",
    "BUYOTHER",
    "BUYSTOCK",
    "CLOSUREOPT",
    "INCOME",
    "INVEXPENSE",
    "JRNLFUND",
    "JRNLSEC",
    "MARGININTEREST",
    "REINVEST",
    "RETOFCAP",
    "SELLDEBT",
    "SELLMF",
    "SELLOPT",
    "SELLOTHER",
    "SELLSTOCK",
    "SPLIT",
    "TRANSFER",
];

fn investment_label(tag: &str) -> &'static str {
    match tag {
        t if t.starts_with("BUY") => "buy",
        t if t.starts_with("SELL") => "sell",
        "INCOME" => "investment income",
        "REINVEST" => "reinvestment",
        "INVEXPENSE" => "investment expense",
        "MARGININTEREST" => "margin interest",
        "RETOFCAP" => "return of capital",
        "CLOSUREOPT" => "option closure",
        "SPLIT" => "split",
        "TRANSFER" => "transfer",
        _ => "journal",
    }
}

/// Deeper aggregate nesting than any OFX file has; beyond it the file is refused.
const MAX_OFX_DEPTH: usize = 64;

/// Reads a whole OFX, QFX or QBO file.
pub fn read(bytes: &[u8], hints: &Hints) -> Result<Statement, ReadError> {
    let header = Header::parse(bytes);
    let decoded = text::decode(bytes, header.charset(), hints.encoding.as_deref());
    let mut statement = Statement::new(Format::Ofx);
    statement.dialect.encoding = decoded.encoding.to_owned();
    statement.dialect.replaced_bytes = decoded.replaced;
    statement.dialect.decimal_mark = Some('.');
    if let Some(note) = header.encoding_note(decoded.encoding) {
        statement.diagnostics.push(note);
    }
    let mut walker = Walker::new(hints, &mut statement);
    let mut tokenizer = Tokenizer::new(&decoded.text);
    let mut saw_ofx = false;
    while let Some(token) = tokenizer.next_token() {
        let token = token.map_err(|XmlError::TooManyNodes { line }| {
            ReadError::new(
                "ofx-too-many-elements",
                Args::new()
                    .count("limit", crate::xml::MAX_NODES)
                    .line("line", line),
            )
        })?;
        match token {
            Token::Open {
                name,
                self_closing,
                line,
                ..
            } => {
                saw_ofx |= name.eq_ignore_ascii_case("OFX");
                walker.flush_leaf();
                walker.resolve_pending();
                if self_closing {
                    walker.leaf(name, "", line);
                } else {
                    walker.pending = Some((name.to_ascii_uppercase(), line));
                }
            }
            Token::Text { text, line } => walker.text(&text, line),
            Token::Close { name, line } => {
                walker.flush_leaf();
                let name = name.to_ascii_uppercase();
                match walker.pending.take() {
                    Some((pending, pending_line)) if pending == name => {
                        walker.leaf(&pending, "", pending_line)
                    }
                    Some(pending) => {
                        walker.pending = Some(pending);
                        walker.resolve_pending();
                        walker.close(&name, line)?;
                    }
                    None => walker.close(&name, line)?,
                }
            }
            Token::Doctype {
                declares_entities,
                external,
                line,
            } => {
                if declares_entities || external {
                    return Err(entity_error(line));
                }
                walker
                    .statement
                    .diagnostics
                    .push(crate::xml::doctype_ignored(line));
            }
            Token::Instruction { target, body, .. } => {
                if target.eq_ignore_ascii_case("OFX") {
                    walker.xml_version =
                        crate::xml::attribute(body, "VERSION").map(|v| v.into_owned());
                }
            }
        }
        if walker.depth_exceeded {
            return Err(ReadError::new(
                "ofx-too-deep",
                Args::new()
                    .count("limit", MAX_OFX_DEPTH)
                    .line("line", tokenizer.line()),
            ));
        }
    }
    walker.finish();
    statement
        .diagnostics
        .extend(tokenizer.unknown_entity_diagnostic());
    if !saw_ofx && statement.transactions.is_empty() {
        return Err(ReadError::new("not-a-statement-ofx", Args::new()));
    }
    let flavour = if header.intuit || decoded.text.contains("<INTU.") {
        " (Intuit QFX/QBO)"
    } else {
        ""
    };
    statement.dialect.version = Some(match (&header.version, header.xml) {
        (Some(v), false) => format!("OFX {} SGML{flavour}", dotted(v)),
        (Some(v), true) => format!("OFX {} XML{flavour}", dotted(v)),
        (None, _) => match statement.dialect.version.take() {
            Some(v) => format!("OFX {} XML{flavour}", dotted(&v)),
            None => format!("OFX (no header) SGML{flavour}"),
        },
    });
    apply_sign_hints(&mut statement, hints);
    text::report_nothing_read(&mut statement, "ofx-transactions");
    Ok(statement)
}

fn entity_error(line: u32) -> ReadError {
    ReadError::new("xml-entities", Args::new().line("line", line))
}

fn dotted(version: &str) -> String {
    let digits: String = version.chars().filter(char::is_ascii_digit).collect();
    if digits.len() >= 2 {
        format!("{}.{}", &digits[..1], &digits[1..])
    } else {
        version.to_owned()
    }
}

/// What the OFX 1.x `KEY:VALUE` header (or the OFX 2.x processing instructions) say.
#[derive(Default)]
struct Header {
    version: Option<String>,
    encoding: Option<String>,
    charset: Option<String>,
    xml: bool,
    intuit: bool,
}

impl Header {
    fn parse(bytes: &[u8]) -> Header {
        let head = &bytes[..bytes.len().min(4096)];
        let head = String::from_utf8_lossy(head);
        let mut header = Header::default();
        for line in head.lines() {
            let line = line.trim();
            if line.starts_with("<OFX") || line.starts_with("<ofx") {
                break;
            }
            if let Some((key, value)) = line.split_once(':') {
                let value = value.trim().to_owned();
                match key.trim().to_ascii_uppercase().as_str() {
                    "VERSION" => header.version = Some(value),
                    "ENCODING" => header.encoding = Some(value),
                    "CHARSET" => header.charset = Some(value),
                    _ => {}
                }
            }
            if line.starts_with("<?xml") {
                header.xml = true;
                if let Some(encoding) = crate::xml::attribute(line, "encoding") {
                    header.encoding = Some(encoding.into_owned());
                }
            }
            if line.starts_with("<?OFX") {
                header.xml = true;
                if let Some(version) = crate::xml::attribute(line, "VERSION") {
                    header.version = Some(version.into_owned());
                }
            }
        }
        header.intuit = head.contains("INTU.");
        header
    }

    /// The charset to fall back on when the bytes are not UTF-8.
    fn charset(&self) -> Option<&str> {
        match self.charset.as_deref() {
            Some(charset) if !charset.eq_ignore_ascii_case("NONE") => Some(charset),
            _ => self.encoding.as_deref(),
        }
    }

    fn encoding_note(&self, used: &str) -> Option<Diagnostic> {
        let declared = self.encoding.as_deref()?;
        let declared_is_utf8 =
            declared.eq_ignore_ascii_case("UTF-8") || declared.eq_ignore_ascii_case("UTF8");
        let used_utf8 = used == "utf-8";
        let ascii =
            declared.eq_ignore_ascii_case("USASCII") || declared.eq_ignore_ascii_case("US-ASCII");
        if declared_is_utf8 != used_utf8 && !(ascii && used_utf8) {
            return Some(Diagnostic::new(
                Severity::Info,
                "encoding-mismatch",
                Args::new().text("declared", declared).text("used", used),
            ));
        }
        None
    }
}

/// One statement aggregate (STMTRS, CCSTMTRS, INVSTMTRS).
#[derive(Default)]
struct Account {
    currency: Option<String>,
    id: Option<String>,
    credit_card: bool,
}

/// A STMTTRN being read.
#[derive(Default)]
struct Pending {
    line: u32,
    index: usize,
    /// `STMTTRN`, or the investment aggregate (`BUYMF`, `INCOME`, …).
    tag: String,
    kind: Option<String>,
    posted: Option<String>,
    user_date: Option<String>,
    amount: Option<String>,
    fitid: Option<String>,
    name: Option<String>,
    memo: Option<String>,
    check: Option<String>,
    currency: Option<String>,
}

struct Walker<'s> {
    statement: &'s mut Statement,
    comma_decimal: Option<bool>,
    stack: Vec<String>,
    pending: Option<(String, u32)>,
    leaf: Option<(String, String, u32)>,
    depth_exceeded: bool,
    account: Account,
    accounts: Vec<String>,
    transaction: Option<Pending>,
    n_transactions: usize,
    seen_ids: HashMap<(String, String), (NaiveDate, Amount)>,
    n_duplicates: usize,
    status: Option<(String, String, String)>,
    xml_version: Option<String>,
    /// Indices of transactions whose TRNTYPE says money out, for files that sign nothing.
    debit_typed: Vec<usize>,
    /// Investment buys and sells whose TOTAL had the wrong sign.
    n_resigned: usize,
    /// The first CURDEF in the file.
    first_currency: Option<String>,
}

impl<'s> Walker<'s> {
    fn new(hints: &Hints, statement: &'s mut Statement) -> Self {
        Walker {
            statement,
            comma_decimal: hints.decimal_mark.map(|mark| mark == ','),
            stack: Vec::new(),
            pending: None,
            leaf: None,
            depth_exceeded: false,
            account: Account::default(),
            accounts: Vec::new(),
            transaction: None,
            n_transactions: 0,
            seen_ids: HashMap::new(),
            n_duplicates: 0,
            status: None,
            xml_version: None,
            debit_typed: Vec::new(),
            n_resigned: 0,
            first_currency: None,
        }
    }

    fn in_stack(&self, name: &str) -> bool {
        self.stack.iter().any(|open| open == name)
    }

    fn text(&mut self, text: &str, line: u32) {
        if let Some((_, value, _)) = &mut self.leaf {
            value.push_str(text);
            return;
        }
        if text.trim().is_empty() {
            return;
        }
        if let Some((name, open_line)) = self.pending.take() {
            let _ = line;
            self.leaf = Some((name, text.to_owned(), open_line));
        }
    }

    fn flush_leaf(&mut self) {
        if let Some((name, value, line)) = self.leaf.take() {
            self.leaf(&name, value.trim(), line);
        }
    }

    /// A tag that was followed by another tag opens an aggregate.
    fn resolve_pending(&mut self) {
        if let Some((name, line)) = self.pending.take() {
            // No OFX aggregate nests inside itself, so an aggregate opening while one of the
            // same name is open means the earlier one was never closed (as SGML allows some
            // exporters to think): close it first instead of nesting ever deeper.
            if self.stack.contains(&name) {
                let _ = self.close(&name, line);
            }
            if self.stack.len() >= MAX_OFX_DEPTH {
                self.depth_exceeded = true;
                return;
            }
            self.begin(&name, line);
            self.stack.push(name);
        }
    }

    fn close(&mut self, name: &str, line: u32) -> Result<(), ReadError> {
        let _ = line;
        if let Some(position) = self.stack.iter().rposition(|open| open == name) {
            while self.stack.len() > position {
                if let Some(closed) = self.stack.pop() {
                    self.end(&closed);
                }
            }
        }
        Ok(())
    }

    fn begin(&mut self, name: &str, line: u32) {
        match name {
            "STMTRS" | "CCSTMTRS" | "INVSTMTRS" => {
                self.account = Account {
                    credit_card: name == "CCSTMTRS",
                    ..Account::default()
                };
            }
            "STMTTRN" => self.start_transaction(name, line),
            _ if INVESTMENT_TRANSACTIONS.contains(&name) => self.start_transaction(name, line),
            "STATUS" => self.status = None,
            _ => {}
        }
    }

    fn start_transaction(&mut self, tag: &str, line: u32) {
        self.finish_transaction();
        self.n_transactions += 1;
        self.transaction = Some(Pending {
            line,
            index: self.n_transactions,
            tag: tag.to_owned(),
            ..Pending::default()
        });
    }

    fn end(&mut self, name: &str) {
        match name {
            "STMTTRN" => self.finish_transaction(),
            _ if INVESTMENT_TRANSACTIONS.contains(&name) => self.finish_transaction(),
            "STMTTRNRS" | "CCSTMTTRNRS" | "INVSTMTTRNRS" | "SONRS" => self.check_status(name),
            _ => {}
        }
    }

    fn leaf(&mut self, name: &str, value: &str, line: u32) {
        let name = name.to_ascii_uppercase();
        let value = value.to_owned();
        if let Some(transaction) = &mut self.transaction {
            let slot = match name.as_str() {
                "TRNTYPE" => &mut transaction.kind,
                "DTPOSTED" => &mut transaction.posted,
                "DTUSER" | "DTTRADE" => &mut transaction.user_date,
                "DTSETTLE" => &mut transaction.posted,
                "TRNAMT" | "TOTAL" => &mut transaction.amount,
                "FITID" => &mut transaction.fitid,
                "NAME" => &mut transaction.name,
                "MEMO" => &mut transaction.memo,
                "CHECKNUM" => &mut transaction.check,
                "CURSYM"
                    if self
                        .stack
                        .iter()
                        .rev()
                        .take(2)
                        .any(|open| open == "CURRENCY") =>
                {
                    &mut transaction.currency
                }
                _ => return,
            };
            if slot.is_none() && !value.is_empty() {
                *slot = Some(value);
            }
            let _ = line;
            return;
        }
        match name.as_str() {
            "CURDEF" if !value.is_empty() => {
                let currency = value.to_ascii_uppercase();
                self.first_currency.get_or_insert_with(|| currency.clone());
                self.account.currency = Some(currency);
            }
            "ACCTID"
                if ["BANKACCTFROM", "CCACCTFROM", "INVACCTFROM"]
                    .iter()
                    .any(|from| self.in_stack(from))
                    && !value.is_empty() =>
            {
                self.account.id = Some(value);
            }
            "CODE" | "SEVERITY" | "MESSAGE" if self.in_stack("STATUS") => {
                let status = self.status.get_or_insert_with(Default::default);
                match name.as_str() {
                    "CODE" => status.0 = value,
                    "SEVERITY" => status.1 = value,
                    _ => status.2 = value,
                }
            }
            _ => {}
        }
    }

    fn check_status(&mut self, name: &str) {
        let Some((code, severity, message)) = self.status.take() else {
            return;
        };
        if severity.eq_ignore_ascii_case("ERROR")
            || (!code.is_empty() && code != "0" && severity.is_empty())
        {
            let request = if name == "SONRS" {
                "ofx-sign-on"
            } else {
                "ofx-statement"
            };
            let args = Args::new().term("request", request).text("status", code);
            self.statement.diagnostics.push(if message.is_empty() {
                Diagnostic::new(Severity::Error, "server-error", args)
            } else {
                Diagnostic::new(
                    Severity::Error,
                    "server-error-detail",
                    args.text("detail", message.to_lowercase()),
                )
            });
        }
    }

    fn finish_transaction(&mut self) {
        let Some(pending) = self.transaction.take() else {
            return;
        };
        let line = pending.line;
        let tag = pending.tag.clone();
        let element = Some(format!("{tag}[{}]", pending.index));
        let investment = tag != "STMTTRN";
        let at = || {
            Args::new()
                .text("element", element.clone().unwrap_or_default())
                .line("line", line)
        };
        let skip = |statement: &mut Statement, code: &'static str, args: Args| {
            statement
                .diagnostics
                .push(Diagnostic::new(Severity::Warning, code, args).at_line(line));
        };
        let date_text = pending.user_date.as_deref().or(pending.posted.as_deref());
        let Some(date_text) = date_text else {
            skip(self.statement, "ofx-missing-date", at());
            return;
        };
        let Some(date) = parse_date(date_text) else {
            skip(
                self.statement,
                "ofx-bad-date",
                at().text("value", date_text),
            );
            return;
        };
        let posted = match (&pending.user_date, &pending.posted) {
            (Some(_), Some(posted)) => parse_date(posted).filter(|&p| p != date),
            _ => None,
        };
        let currency = pending
            .currency
            .clone()
            .or_else(|| self.account.currency.clone());
        let Some(amount_text) = pending.amount.as_deref() else {
            if investment {
                self.statement
                    .diagnostics
                    .push(Diagnostic::new(Severity::Info, "no-cash-movement", at()).at_line(line));
                return;
            }
            skip(self.statement, "ofx-missing-amount", at());
            return;
        };
        let Some(mut amount) = self.parse_amount(amount_text, currency.as_deref(), line) else {
            skip(
                self.statement,
                "ofx-bad-amount",
                at().text("value", amount_text),
            );
            return;
        };
        // A FITID repeated with the same date and amount is the same transaction sent twice;
        // with a different date or amount it is a bank reusing ids, and both are kept.
        if let Some(fitid) = &pending.fitid {
            let key = (self.account.id.clone().unwrap_or_default(), fitid.clone());
            match self.seen_ids.get(&key) {
                Some(&(seen_date, seen_amount)) if seen_date == date && seen_amount == amount => {
                    self.n_duplicates += 1;
                    self.statement.diagnostics.push(
                        Diagnostic::new(Severity::Info, "duplicate-id", at().text("id", fitid))
                            .at_line(line),
                    );
                    return;
                }
                Some(_) => self.statement.diagnostics.push(
                    Diagnostic::new(Severity::Info, "reused-id", at().text("id", fitid))
                        .at_line(line),
                ),
                None => {
                    self.seen_ids.insert(key, (date, amount));
                }
            }
        }
        if let Some(id) = &self.account.id {
            if !self.accounts.contains(id) {
                self.accounts.push(id.clone());
            }
        }
        let check = pending
            .check
            .as_ref()
            .map(|n| format!("check {}", n.trim_start_matches('0')));
        let mut description = join_description(&[
            pending.name.as_deref().unwrap_or(""),
            pending.memo.as_deref().unwrap_or(""),
            if investment {
                investment_label(&tag)
            } else {
                ""
            },
        ]);
        if description.is_empty() {
            description = join_description(&[
                check.as_deref().unwrap_or(""),
                pending.kind.as_deref().unwrap_or(""),
            ]);
        }
        if investment {
            let sign_by_kind = if tag.starts_with("BUY") {
                Some(true)
            } else if tag.starts_with("SELL") {
                Some(false)
            } else {
                None
            };
            if let Some(outflow) = sign_by_kind {
                if amount.minor != 0 && amount.is_outflow() != outflow {
                    amount = amount.negated();
                    self.n_resigned += 1;
                }
            }
        }
        if pending.kind.as_deref().is_some_and(|kind| {
            matches!(
                kind.to_ascii_uppercase().as_str(),
                "DEBIT"
                    | "PAYMENT"
                    | "POS"
                    | "ATM"
                    | "FEE"
                    | "SRVCHG"
                    | "CHECK"
                    | "DIRECTDEBIT"
                    | "REPEATPMT"
            )
        }) {
            self.debit_typed.push(self.statement.transactions.len());
        }
        self.statement.transactions.push(Transaction {
            date,
            posted,
            amount,
            currency,
            description,
            counterparty: None,
            booking_type: None,
            purpose: None,
            balance: None,
            id: pending.fitid,
            source: Source { line, element },
        });
    }

    fn parse_amount(&mut self, raw: &str, currency: Option<&str>, line: u32) -> Option<Amount> {
        let cleaned = collapse_whitespace(raw).replace(' ', "");
        let symbol_free = cleaned.replace(['$', '€', '£', '¥'], "");
        if symbol_free != cleaned {
            self.statement.diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    "currency-symbol",
                    Args::new().text("value", raw).line("line", line),
                )
                .at_line(line),
            );
        }
        let comma = self.comma_decimal.unwrap_or_else(|| {
            // OFX allows a comma as the decimal mark; it is one when no dot is present.
            symbol_free.contains(',') && !symbol_free.contains('.')
        });
        if comma {
            self.statement.dialect.decimal_mark = Some(',');
        }
        parse_decimal(&symbol_free, comma, currency)
    }

    fn finish(&mut self) {
        self.flush_leaf();
        self.resolve_pending();
        while let Some(name) = self.stack.pop() {
            self.end(&name);
        }
        self.finish_transaction();
        if self.n_duplicates > 0 {
            self.statement.diagnostics.push(Diagnostic::new(
                Severity::Info,
                "duplicates-removed",
                Args::new().count("duplicates", self.n_duplicates),
            ));
        }
        self.statement.account = self
            .accounts
            .first()
            .cloned()
            .or_else(|| self.account.id.clone());
        if self.accounts.len() > 1 {
            self.statement.diagnostics.push(Diagnostic::new(
                Severity::Info,
                "several-accounts",
                Args::new().count("accounts", self.accounts.len()),
            ));
        }
        // The first statement's CURDEF is the file's currency; transactions in another
        // currency carry their own.
        self.statement.currency = self
            .first_currency
            .clone()
            .or_else(|| dominant_currency(&self.statement.transactions));
        if self.xml_version.is_some() {
            self.statement.dialect.version = self.xml_version.take();
        }
        if self.n_resigned > 0 {
            self.statement.diagnostics.push(Diagnostic::new(
                Severity::Info,
                "investment-sign",
                Args::new().count("resigned", self.n_resigned),
            ));
        }
        let any_negative = self
            .statement
            .transactions
            .iter()
            .any(|t| t.amount.is_outflow());
        let debit_typed_positive = self.debit_typed.iter().any(|&index| {
            self.statement
                .transactions
                .get(index)
                .is_some_and(|t| t.amount.minor > 0)
        });
        if !any_negative && debit_typed_positive {
            for &index in &self.debit_typed {
                if let Some(row) = self.statement.transactions.rows_mut().get_mut(index) {
                    row.amount = row.amount.saturating_neg();
                }
            }
            self.statement.dialect.sign_convention = Some(SignConvention::Indicator);
            self.statement
                .dialect
                .set_sign_reason(Some(Message::new("reason-ofx-type", Args::new())));
            self.statement.diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "sign-from-type",
                Args::new().count("typed", self.debit_typed.len()),
            ));
        } else {
            self.statement.dialect.sign_convention = Some(SignConvention::OutflowNegative);
            self.statement
                .dialect
                .set_sign_reason(Some(Message::new("reason-ofx-signs", Args::new())));
        }
        let _ = self.account.credit_card;
    }
}

fn apply_sign_hints(statement: &mut Statement, hints: &Hints) {
    if hints.sign_convention == Some(SignConvention::OutflowPositive) {
        statement.transactions.negate_amounts();
        statement.dialect.sign_convention = Some(SignConvention::OutflowPositive);
        statement
            .dialect
            .set_sign_reason(Some(Message::new("reason-hint", Args::new())));
    }
}

/// The currency most transactions carry.
pub(crate) fn dominant_currency(transactions: &crate::Transactions) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for currency in transactions.iter().filter_map(|t| t.currency) {
        match counts.iter_mut().find(|(c, _)| *c == currency) {
            Some((_, n)) => *n += 1,
            None => counts.push((currency, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .map(|(c, _)| c.to_owned())
}

/// Reads the date part of an OFX datetime: `YYYYMMDD[HHMMSS[.XXX]][[-5:EST]]`. The calendar
/// date is taken as written: the time zone says where that date is local, and the statement's
/// own days are what the person sees at the bank.
fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let digits = text.get(..8)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest = &text[8..];
    // The rest must look like a time and/or a zone; anything else is not an OFX date.
    if !rest
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "[]:.+-_ ".contains(c))
    {
        return None;
    }
    let year = digits[..4].parse().ok()?;
    let month = digits[4..6].parse().ok()?;
    let day = digits[6..8].parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unclosed_transaction_aggregates_do_not_nest() {
        let mut file = String::from("OFXHEADER:100\n\n<OFX><STMTRS><CURDEF>USD<BANKTRANLIST>");
        for i in 0..500 {
            file.push_str(&format!(
                "<STMTTRN><DTPOSTED>20240101<TRNAMT>-{i}.00<FITID>{i}<NAME>X\n"
            ));
        }
        file.push_str("</BANKTRANLIST></STMTRS></OFX>");
        let statement = read(file.as_bytes(), &Hints::default()).unwrap();
        assert_eq!(statement.transactions.len(), 500);
    }

    #[test]
    fn dates_with_time_zones() {
        let day = NaiveDate::from_ymd_opt(2013, 11, 24);
        assert_eq!(parse_date("20131124000000.000[-7:MST]"), day);
        assert_eq!(parse_date("20131124"), day);
        assert_eq!(parse_date("20131124120000[-5:EST]"), day);
        assert_eq!(parse_date("20240230"), None);
        assert_eq!(parse_date("2024"), None);
    }

    #[test]
    fn sgml_and_xml_leaves_mix() {
        let file = b"OFXHEADER:100\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR<BANKACCTFROM><ACCTID>1</BANKACCTFROM>\
<BANKTRANLIST><STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240102<TRNAMT>-1,50<FITID>a<NAME>Shop</NAME><MEMO>Card</STMTTRN>\
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240102<TRNAMT>-1,50<FITID>a<NAME>Shop</STMTTRN></BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>";
        let statement = read(file, &Hints::default()).unwrap();
        assert_eq!(statement.transactions.len(), 1);
        let t = statement.transactions.get(0).expect("a transaction");
        assert_eq!(t.amount, Amount::new(-150, 2));
        assert_eq!(t.description, "Shop / Card");
        assert_eq!(t.currency, Some("EUR"));
        assert_eq!(statement.account.as_deref(), Some("1"));
    }
}

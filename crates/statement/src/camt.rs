//! The CAMT reader: ISO 20022 camt.052 (account report), camt.053 (statement) and camt.054
//! (debit/credit notification), every version (001.02 to 001.13 share the elements read here).
//!
//! One transaction per entry (`Ntry`): the amount and `CdtDbtInd` of the entry, the booking date
//! as the date and the value date as the second date, and a description combining the
//! counterparty (the debtor of money in, the creditor of money out) with the remittance
//! information of the entry's details. The XML is walked without a tree, never expands entities,
//! refuses a DTD that declares any, and bounds nesting depth and element count.

use crate::ofx::dominant_currency;
use crate::sniff::text::{self, join_description, parse_decimal};
use crate::xml::{self, Token, Tokenizer, XmlError, MAX_DEPTH};
use crate::Message;
use crate::{
    Args, Diagnostic, Format, Hints, ReadError, Severity, SignConvention, Source, Statement,
    Transaction,
};
use chrono::NaiveDate;

/// How many text pieces of one kind an entry keeps (a batch entry can list thousands).
const MAX_PARTS: usize = 4;

/// Reads a whole camt.052, camt.053 or camt.054 file.
pub fn read(bytes: &[u8], hints: &Hints) -> Result<Statement, ReadError> {
    let declared = declared_encoding(bytes);
    let decoded = text::decode(bytes, declared.as_deref(), hints.encoding.as_deref());
    let mut statement = Statement::new(Format::Camt053);
    statement.dialect.encoding = decoded.encoding.to_owned();
    statement.dialect.replaced_bytes = decoded.replaced;
    statement.dialect.decimal_mark = Some('.');
    statement.dialect.date_order = Some(crate::DateOrder::Ymd);
    statement.dialect.sign_convention = Some(SignConvention::Indicator);
    statement
        .dialect
        .set_sign_reason(Some(Message::new("reason-camt", Args::new())));
    if let Some(declared) = &declared {
        let declared_utf8 =
            declared.eq_ignore_ascii_case("utf-8") || declared.eq_ignore_ascii_case("utf8");
        if declared_utf8 != (decoded.encoding == "utf-8") && !decoded.encoding.starts_with("utf-16")
        {
            statement.diagnostics.push(Diagnostic::new(
                Severity::Info,
                "xml-encoding-mismatch",
                Args::new()
                    .text("declared", declared)
                    .text("used", decoded.encoding),
            ));
        }
    }
    let mut walker = Walker::new(&mut statement);
    let mut tokenizer = Tokenizer::new(&decoded.text);
    while let Some(token) = tokenizer.next_token() {
        let token = token.map_err(|XmlError::TooManyNodes { line }| {
            ReadError::new(
                "too-many-elements",
                Args::new()
                    .count("limit", xml::MAX_NODES)
                    .line("line", line),
            )
        })?;
        match token {
            Token::Open {
                name,
                attrs,
                self_closing,
                line,
            } => {
                if walker.stack.len() >= MAX_DEPTH {
                    return Err(ReadError::new(
                        "too-deep",
                        Args::new().count("limit", MAX_DEPTH).line("line", line),
                    ));
                }
                walker.open(xml::local_name(name), attrs, line);
                if self_closing {
                    walker.close(xml::local_name(name));
                }
            }
            Token::Close { name, .. } => walker.close(xml::local_name(name)),
            Token::Text { text, .. } => {
                if walker.text.len() < 64 * 1024 {
                    walker.text.push_str(&text);
                }
            }
            Token::Doctype {
                declares_entities,
                external,
                line,
            } => {
                if declares_entities || external {
                    return Err(ReadError::new(
                        "camt-xml-entities",
                        Args::new().line("line", line),
                    ));
                }
                walker
                    .statement
                    .diagnostics
                    .push(crate::xml::doctype_ignored(line));
            }
            Token::Instruction { .. } => {}
        }
    }
    if !walker.stack.is_empty() {
        let line = tokenizer.line();
        walker.statement.diagnostics.push(
            Diagnostic::new(
                Severity::Warning,
                "truncated",
                Args::new()
                    .line("line", line)
                    .count("open", walker.stack.len()),
            )
            .at_line(line),
        );
    }
    let n_statements = walker.n_statements;
    let n_pending = walker.n_pending;
    let accounts = std::mem::take(&mut walker.accounts);
    let root_seen = walker.root_seen;
    let account_currency = walker.account_currency.take();
    let format = walker.format;
    let version = walker.version.take();
    drop(walker);
    if !root_seen {
        return Err(ReadError::new("not-a-statement-camt", Args::new()));
    }
    statement
        .diagnostics
        .extend(tokenizer.unknown_entity_diagnostic());
    statement.format = format;
    statement.dialect.version =
        version.or_else(|| Some(format.as_str().replace("camt05", "camt.05")));
    statement.account = accounts.first().cloned();
    if accounts.len() > 1 {
        statement.diagnostics.push(Diagnostic::new(
            Severity::Info,
            "several-accounts-entries",
            Args::new().count("accounts", accounts.len()),
        ));
    }
    if n_statements == 0 {
        statement.diagnostics.push(Diagnostic::new(
            Severity::Warning,
            "no-statement",
            Args::new(),
        ));
    }
    if n_pending > 0 {
        statement.diagnostics.push(Diagnostic::new(
            Severity::Info,
            "pending-entries",
            Args::new().count("pending", n_pending),
        ));
    }
    statement.currency = account_currency.or_else(|| dominant_currency(&statement.transactions));
    if hints.sign_convention == Some(SignConvention::OutflowPositive) {
        statement.transactions.negate_amounts();
    }
    text::report_nothing_read(&mut statement, "camt-entries");
    Ok(statement)
}

/// The `encoding` of the XML declaration, if any.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(256)]);
    let head = head.trim_start_matches('\u{FEFF}').trim_start();
    let declaration = head.strip_prefix("<?xml")?;
    let end = declaration.find("?>")?;
    xml::attribute(&declaration[..end], "encoding").map(|e| e.into_owned())
}

#[derive(Default)]
struct Entry {
    line: u32,
    element: String,
    amount: Option<String>,
    currency: Option<String>,
    indicator: Option<String>,
    reversal: bool,
    booked: Option<String>,
    value: Option<String>,
    reference: Option<String>,
    status: Option<String>,
    entry_info: Vec<String>,
    debtors: Vec<String>,
    creditors: Vec<String>,
    remittance: Vec<String>,
    structured: Vec<String>,
    detail_info: Vec<String>,
    n_details: usize,
}

struct Walker<'s> {
    statement: &'s mut Statement,
    stack: Vec<String>,
    text: String,
    format: Format,
    version: Option<String>,
    root_seen: bool,
    n_statements: usize,
    n_entries_in_statement: usize,
    n_pending: usize,
    accounts: Vec<String>,
    account_currency: Option<String>,
    entry: Option<Entry>,
    amount_currency: Option<String>,
}

impl<'s> Walker<'s> {
    fn new(statement: &'s mut Statement) -> Self {
        Walker {
            statement,
            stack: Vec::new(),
            text: String::new(),
            format: Format::Camt053,
            version: None,
            root_seen: false,
            n_statements: 0,
            n_entries_in_statement: 0,
            n_pending: 0,
            accounts: Vec::new(),
            account_currency: None,
            entry: None,
            amount_currency: None,
        }
    }

    fn open(&mut self, name: &str, attrs: &str, line: u32) {
        self.text.clear();
        match name {
            "Document" => {
                if let Some(version) = find_version(attrs) {
                    self.version = Some(version);
                }
            }
            "BkToCstmrStmt" | "BkToCstmrAcctRpt" | "BkToCstmrDbtCdtNtfctn" => {
                self.root_seen = true;
                self.format = match name {
                    "BkToCstmrStmt" => Format::Camt053,
                    "BkToCstmrAcctRpt" => Format::Camt052,
                    _ => Format::Camt054,
                };
                if let Some(version) = find_version(attrs) {
                    self.version = Some(version);
                }
            }
            "Stmt" | "Rpt" | "Ntfctn" if self.in_message() => {
                self.n_statements += 1;
                self.n_entries_in_statement = 0;
            }
            "Ntry" if self.n_statements > 0 => {
                self.n_entries_in_statement += 1;
                self.entry = Some(Entry {
                    line,
                    element: format!(
                        "{}[{}]/Ntry[{}]",
                        self.statement_element(),
                        self.n_statements,
                        self.n_entries_in_statement
                    ),
                    ..Entry::default()
                });
            }
            "Amt" => {
                self.amount_currency =
                    xml::attribute(attrs, "Ccy").map(|c| c.trim().to_ascii_uppercase())
            }
            "TxDtls" => {
                if let Some(entry) = &mut self.entry {
                    entry.n_details += 1;
                }
            }
            _ => {}
        }
        self.stack.push(name.to_owned());
    }

    fn in_message(&self) -> bool {
        self.stack.iter().any(|n| {
            matches!(
                n.as_str(),
                "BkToCstmrStmt" | "BkToCstmrAcctRpt" | "BkToCstmrDbtCdtNtfctn"
            )
        })
    }

    fn statement_element(&self) -> &'static str {
        match self.format {
            Format::Camt052 => "Rpt",
            Format::Camt054 => "Ntfctn",
            _ => "Stmt",
        }
    }

    /// True when the open elements end with `path` (innermost last).
    fn ends_with(&self, path: &[&str]) -> bool {
        self.stack.len() >= path.len()
            && self.stack[self.stack.len() - path.len()..]
                .iter()
                .zip(path)
                .all(|(open, want)| open == want)
    }

    fn close(&mut self, name: &str) {
        // Close the innermost element of that name; a stray closing tag is ignored.
        let Some(position) = self.stack.iter().rposition(|open| open == name) else {
            return;
        };
        while self.stack.len() > position + 1 {
            self.stack.pop();
        }
        let value = std::mem::take(&mut self.text);
        let value = value.trim();
        self.element_done(name, value);
        self.stack.pop();
        if name == "Ntry" {
            self.finish_entry();
        }
    }

    fn element_done(&mut self, name: &str, value: &str) {
        let in_entry = self.entry.is_some();
        if !in_entry {
            // Statement-level account and currency.
            let account_id = self.ends_with(&["Acct", "Id", "IBAN"])
                || self.ends_with(&["Acct", "Id", "Othr", "Id"]);
            if account_id && !value.is_empty() && !self.accounts.iter().any(|a| a == value) {
                self.accounts.push(value.to_owned());
            }
            if self.ends_with(&["Acct", "Ccy"])
                && self.account_currency.is_none()
                && !value.is_empty()
            {
                self.account_currency = Some(value.to_ascii_uppercase());
            }
            return;
        }
        let parent_is_entry = self.stack.len() >= 2 && self.stack[self.stack.len() - 2] == "Ntry";
        let in_details = self.stack.iter().any(|n| n == "TxDtls");
        let has = |party: &str| self.stack.iter().any(|n| n == party);
        let agent = self.stack.iter().any(|n| n.ends_with("Agt"));
        let debtor = (has("Dbtr") || has("UltmtDbtr")) && !agent;
        let creditor = (has("Cdtr") || has("UltmtCdtr")) && !agent;
        let booking_date = self.ends_with(&["Ntry", "BookgDt", name]);
        let value_date = self.ends_with(&["Ntry", "ValDt", name]);
        let status = self.ends_with(&["Ntry", "Sts"]) || self.ends_with(&["Ntry", "Sts", "Cd"]);
        let creditor_reference = self.ends_with(&["RmtInf", "Strd", "CdtrRefInf", "Ref"]);
        let amount_currency = self.amount_currency.take();
        let Some(entry) = self.entry.as_mut() else {
            return;
        };
        let push = |list: &mut Vec<String>, value: &str| {
            if !value.is_empty() && list.len() < MAX_PARTS && !list.iter().any(|v| v == value) {
                list.push(value.to_owned());
            }
        };
        match name {
            "Amt" if parent_is_entry => {
                entry.amount = Some(value.to_owned());
                entry.currency = amount_currency;
            }
            "CdtDbtInd" if parent_is_entry => entry.indicator = Some(value.to_ascii_uppercase()),
            "RvslInd" if parent_is_entry => entry.reversal = value.eq_ignore_ascii_case("true"),
            "Dt" | "DtTm" if booking_date && entry.booked.is_none() => {
                entry.booked = Some(value.to_owned());
            }
            "Dt" | "DtTm" if value_date && entry.value.is_none() => {
                entry.value = Some(value.to_owned());
            }
            "AcctSvcrRef" if parent_is_entry => entry.reference = Some(value.to_owned()),
            "Sts" | "Cd" if status && !value.is_empty() => {
                entry.status = Some(value.to_ascii_uppercase());
            }
            "AddtlNtryInf" if parent_is_entry => push(&mut entry.entry_info, value),
            "Nm" if in_details => {
                if debtor {
                    push(&mut entry.debtors, value);
                } else if creditor {
                    push(&mut entry.creditors, value);
                }
            }
            "Ustrd" if in_details => push(&mut entry.remittance, value),
            "Ref" if in_details && creditor_reference => push(&mut entry.structured, value),
            "AddtlRmtInf" if in_details => push(&mut entry.remittance, value),
            "AddtlTxInf" if in_details => push(&mut entry.detail_info, value),
            _ => {}
        }
    }

    fn finish_entry(&mut self) {
        let Some(entry) = self.entry.take() else {
            return;
        };
        let line = entry.line;
        let element = entry.element.clone();
        let warn = |statement: &mut Statement, code: &'static str, args: Args| {
            let args = args.text("element", element.clone()).line("line", line);
            statement
                .diagnostics
                .push(Diagnostic::new(Severity::Warning, code, args).at_line(line));
        };
        let currency = entry
            .currency
            .clone()
            .filter(|c| c.len() == 3 && c != "XXX")
            .or_else(|| self.account_currency.clone());
        let Some(amount) = entry
            .amount
            .as_deref()
            // ISO 20022 amounts are digits with a dot; anything else is not an amount.
            .filter(|a| a.trim().bytes().all(|b| b.is_ascii_digit() || b == b'.'))
            .and_then(|a| parse_decimal(a, false, currency.as_deref()))
        else {
            warn(
                self.statement,
                "camt-bad-amount",
                Args::new().text("value", entry.amount.as_deref().unwrap_or("")),
            );
            return;
        };
        let amount = match entry.indicator.as_deref() {
            Some("DBIT") => amount.negated(),
            Some("CRDT") => amount,
            other => {
                warn(
                    self.statement,
                    "bad-indicator",
                    Args::new().text("value", other.unwrap_or("")),
                );
                return;
            }
        };
        let booked = entry.booked.as_deref().and_then(parse_date);
        let value = entry.value.as_deref().and_then(parse_date);
        let Some(date) = booked.or(value) else {
            warn(self.statement, "camt-bad-date", Args::new());
            return;
        };
        let posted = value.filter(|&v| booked.is_some() && v != date);
        if matches!(entry.status.as_deref(), Some("PDNG" | "INFO")) {
            self.n_pending += 1;
        }
        let counterparties = if amount.is_outflow() {
            &entry.creditors
        } else {
            &entry.debtors
        };
        let mut parts: Vec<&str> = counterparties.iter().map(String::as_str).collect();
        parts.extend(entry.remittance.iter().map(String::as_str));
        if entry.remittance.is_empty() {
            parts.extend(entry.structured.iter().map(String::as_str));
        }
        parts.extend(entry.detail_info.iter().map(String::as_str));
        parts.extend(entry.entry_info.iter().map(String::as_str));
        let mut description = join_description(&parts);
        if entry.n_details > 1 {
            description = join_description(&[
                description,
                format!("batch of {} transactions", entry.n_details),
            ]);
        }
        if entry.reversal {
            description = join_description(&["reversal".to_owned(), description]);
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
            id: entry
                .reference
                .filter(|reference| !reference.eq_ignore_ascii_case("NONREF")),
            source: Source {
                line,
                element: Some(element),
            },
        });
    }
}

/// `camt.053.001.02` from a namespace attribute.
fn find_version(attrs: &str) -> Option<String> {
    let start = attrs.find("camt.05")?;
    let version: String = attrs[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect();
    (version.len() >= 8).then_some(version)
}

/// An ISO date or the date part of an ISO datetime.
fn parse_date(text: &str) -> Option<NaiveDate> {
    let date = text.trim().get(..10)?;
    crate::date::parse_iso(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debit_entry_with_creditor_and_remittance() {
        let file = br#"<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt>
<Acct><Id><IBAN>DE1</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Ntry><Amt Ccy="EUR">12.5</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2024-03-01</Dt></BookgDt><ValDt><Dt>2024-03-02</Dt></ValDt>
<NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>Me</Nm></Pty></Dbtr><Cdtr><Pty><Nm>Netflix</Nm></Pty></Cdtr></RltdPties>
<RmtInf><Ustrd>Abo 03/2024</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>"#;
        let statement = read(file, &Hints::default()).unwrap();
        assert_eq!(statement.format, Format::Camt053);
        assert_eq!(
            statement.dialect.version.as_deref(),
            Some("camt.053.001.08")
        );
        let t = statement.transactions.get(0).expect("a transaction");
        assert_eq!(t.amount, crate::Amount::new(-1250, 2));
        assert_eq!(t.description, "Netflix / Abo 03/2024");
        assert_eq!(t.posted, NaiveDate::from_ymd_opt(2024, 3, 2));
        assert_eq!(statement.account.as_deref(), Some("DE1"));
    }

    #[test]
    fn deep_nesting_is_refused_quickly() {
        let file = format!("<Document>{}", "<a>".repeat(100_000));
        let error = read(file.as_bytes(), &Hints::default()).unwrap_err();
        assert_eq!(error.code, "too-deep");
    }
}

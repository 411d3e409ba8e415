//! The MT940/MT942 reader (SWIFT customer statement and interim report).
//!
//! The file is a run of `:tag:` fields; a field continues on the following lines until the next
//! tag. Control bytes around messages (SOH/ETX), SWIFT block headers (`{1:…}{2:…}{4:`), the
//! `-}` trailer and bank header lines (`ABNANL2A`, `940`) are skipped. Each `:61:` line is a
//! transaction; the `:86:` field(s) after it describe it, either as free text, as German
//! `?20`-style sub-fields (or Dutch `>20`), or as `/NAME/…/REMI/…` tags. Several statements in
//! one file are read one after another.

use crate::ofx::dominant_currency;
use crate::sniff::text::{self, collapse_whitespace, join_description, parse_decimal};
use crate::{
    Amount, DateOrder, Diagnostic, Format, Hints, ReadError, Severity, SignConvention, Source,
    Statement, Transaction,
};
use crate::{Args, Message};
use chrono::{Datelike, NaiveDate};

/// One `:tag:` field with its continuation lines.
struct Field {
    tag: String,
    content: String,
    line: u32,
}

/// Reads a whole MT940 or MT942 file.
pub fn read(bytes: &[u8], hints: &Hints) -> Result<Statement, ReadError> {
    let decoded = text::decode(bytes, None, hints.encoding.as_deref());
    let mut statement = Statement::new(Format::Mt940);
    statement.dialect.encoding = decoded.encoding.to_owned();
    statement.dialect.replaced_bytes = decoded.replaced;
    statement.dialect.date_order = Some(DateOrder::Ymd);
    statement.dialect.sign_convention = Some(SignConvention::Indicator);
    statement
        .dialect
        .set_sign_reason(Some(Message::new("reason-mt940", Args::new())));
    let (fields, n_control, envelope) = split_fields(&decoded.text);
    if n_control > 0 {
        statement.diagnostics.push(Diagnostic::new(
            Severity::Info,
            "control-bytes",
            crate::Args::new().count("control", n_control),
        ));
    }
    let mut reader = Reader {
        statement: &mut statement,
        comma: hints.decimal_mark.map(|m| m == ','),
        currency: None,
        accounts: Vec::new(),
        pending: None,
        interim: false,
        n_statements: 0,
        first_currency: None,
    };
    for field in fields {
        reader.field(field);
    }
    reader.finish_pending();
    let accounts = std::mem::take(&mut reader.accounts);
    let interim = reader.interim;
    let n_statements = reader.n_statements;
    let first_currency = reader.first_currency.take();
    if n_statements == 0 {
        return Err(ReadError::new("not-a-statement-mt940", crate::Args::new()));
    }
    let kind = if interim { "MT942" } else { "MT940" };
    statement.dialect.version = Some(if envelope {
        format!("{kind} (SWIFT envelope)")
    } else {
        kind.to_owned()
    });
    statement.account = accounts.first().cloned();
    if accounts.len() > 1 {
        statement.diagnostics.push(Diagnostic::new(
            Severity::Info,
            "several-accounts",
            crate::Args::new().count("accounts", accounts.len()),
        ));
    }
    statement.currency = first_currency.or_else(|| dominant_currency(&statement.transactions));
    if hints.sign_convention == Some(SignConvention::OutflowPositive) {
        statement.transactions.negate_amounts();
    }
    text::report_nothing_read(&mut statement, "mt940-transactions");
    Ok(statement)
}

/// Splits the text into fields. Returns the fields, the number of control bytes dropped, and
/// whether SWIFT block headers were present.
fn split_fields(text: &str) -> (Vec<Field>, usize, bool) {
    let mut fields = Vec::new();
    let mut current: Option<Field> = None;
    let mut n_control = 0;
    let mut envelope = false;
    for (index, raw) in text.split('\n').enumerate() {
        let line_no = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let mut line = String::with_capacity(raw.len());
        for c in raw.chars() {
            if c.is_control() && c != '\t' || c == '\u{FEFF}' {
                n_control += 1;
            } else {
                line.push(c);
            }
        }
        let mut line = line.as_str();
        if line.starts_with('{') {
            envelope = true;
            match line.find("{4:") {
                Some(i) => line = &line[i + 3..],
                None => continue,
            }
        }
        let trimmed = line.trim();
        if trimmed == "-" || trimmed.starts_with("-}") {
            if let Some(field) = current.take() {
                fields.push(field);
            }
            continue;
        }
        if trimmed.is_empty() {
            if let Some(field) = &mut current {
                field.content.push('\n');
            }
            continue;
        }
        if let Some((tag, content)) = tag_of(line) {
            if let Some(field) = current.take() {
                fields.push(field);
            }
            current = Some(Field {
                tag: tag.to_owned(),
                content: content.to_owned(),
                line: line_no,
            });
        } else if let Some(field) = &mut current {
            // Bound one field's size so a file without line structure cannot grow it without
            // limit beyond the input itself.
            if field.content.len() < 64 * 1024 {
                field.content.push('\n');
                field.content.push_str(line);
            }
        }
    }
    if let Some(field) = current.take() {
        fields.push(field);
    }
    (fields, n_control, envelope)
}

/// `:61:rest` → (`61`, `rest`): two digits and an optional letter between colons.
fn tag_of(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix(':')?;
    let end = rest.find(':')?;
    let tag = &rest[..end];
    let bytes = tag.as_bytes();
    let valid = (bytes.len() == 2 || bytes.len() == 3)
        && bytes[0].is_ascii_digit()
        && bytes[1].is_ascii_digit()
        && bytes.get(2).is_none_or(|b| b.is_ascii_alphabetic());
    valid.then(|| (tag, &rest[end + 1..]))
}

struct PendingTransaction {
    line: u32,
    date: NaiveDate,
    posted: Option<NaiveDate>,
    amount: Amount,
    currency: Option<String>,
    lead: String,
    supplementary: String,
    customer_reference: String,
    bank_reference: String,
    info: Vec<String>,
}

struct Reader<'s> {
    statement: &'s mut Statement,
    comma: Option<bool>,
    currency: Option<String>,
    first_currency: Option<String>,
    accounts: Vec<String>,
    pending: Option<PendingTransaction>,
    interim: bool,
    n_statements: usize,
}

impl Reader<'_> {
    fn field(&mut self, field: Field) {
        let content = field.content.trim_end();
        match field.tag.as_str() {
            "86" => {
                if let Some(pending) = &mut self.pending {
                    pending.info.push(content.to_owned());
                }
            }
            "20" => {
                self.finish_pending();
                self.n_statements += 1;
            }
            "25" => {
                let account = collapse_whitespace(content);
                if !account.is_empty() && !self.accounts.contains(&account) {
                    self.accounts.push(account);
                }
            }
            "60F" | "60M" | "60" | "62F" | "62M" | "62" | "64" | "65" => {
                self.finish_pending();
                if let Some(currency) = balance_currency(content) {
                    if self.first_currency.is_none() {
                        self.first_currency = Some(currency.clone());
                    }
                    self.currency = Some(currency);
                }
            }
            "34F" | "13D" | "13" | "90D" | "90C" => {
                self.finish_pending();
                self.interim = true;
                if field.tag == "34F" {
                    if let Some(currency) = content
                        .get(..3)
                        .filter(|c| c.bytes().all(|b| b.is_ascii_alphabetic()))
                    {
                        self.currency = Some(currency.to_ascii_uppercase());
                    }
                }
            }
            "61" => {
                self.finish_pending();
                match self.parse_statement_line(content, field.line) {
                    Some(pending) => self.pending = Some(pending),
                    None => self.statement.diagnostics.push(
                        Diagnostic::new(
                            Severity::Warning,
                            "bad-statement-line",
                            crate::Args::new()
                                .line("line", field.line)
                                .text("value", first_line(content)),
                        )
                        .at_line(field.line),
                    ),
                }
            }
            _ => self.finish_pending(),
        }
    }

    fn parse_statement_line(&mut self, content: &str, line: u32) -> Option<PendingTransaction> {
        let (first, supplementary) = content.split_once('\n').unwrap_or((content, ""));
        let first = first.trim_start();
        let bytes = first.as_bytes();
        let digits = |from: usize, n: usize| {
            bytes
                .get(from..from + n)
                .filter(|d| d.iter().all(u8::is_ascii_digit))
                .map(|d| {
                    d.iter()
                        .fold(0u32, |acc, &b| acc * 10 + u32::from(b - b'0'))
                })
        };
        let yy = digits(0, 2)?;
        let value_date = NaiveDate::from_ymd_opt(pivot_year(yy), digits(2, 2)?, digits(4, 2)?)?;
        let mut i = 6;
        let mut entry_date = None;
        if let (Some(month), Some(day)) = (digits(6, 2), digits(8, 2)) {
            i = 10;
            entry_date = nearest_date(value_date, month, day);
            if entry_date.is_none() {
                self.statement.diagnostics.push(
                    Diagnostic::new(
                        Severity::Info,
                        "bad-entry-date",
                        crate::Args::new().line("line", line),
                    )
                    .at_line(line),
                );
            }
        }
        let rest = &first[i..];
        let (outflow, after_mark) = if let Some(after) = rest.strip_prefix("RC") {
            (true, after)
        } else if let Some(after) = rest.strip_prefix("RD") {
            (false, after)
        } else if let Some(after) = rest.strip_prefix("EC").or_else(|| rest.strip_prefix('C')) {
            (false, after)
        } else if let Some(after) = rest.strip_prefix("ED").or_else(|| rest.strip_prefix('D')) {
            (true, after)
        } else {
            return None;
        };
        // An optional funds code (the third letter of the currency) precedes the amount.
        let after_funds = match after_mark.chars().next() {
            Some(c) if c.is_ascii_alphabetic() => &after_mark[1..],
            _ => after_mark,
        };
        let amount_len = after_funds
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(after_funds.len());
        let amount_text = &after_funds[..amount_len];
        if !amount_text.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        let comma = self
            .comma
            .unwrap_or(amount_text.contains(',') || !amount_text.contains('.'));
        let amount = parse_decimal(amount_text, comma, self.currency.as_deref())?;
        let amount = if outflow { amount.negated() } else { amount };
        let after_amount = &after_funds[amount_len..];
        // The transaction type: one letter and three characters (`NTRF`, `N192`, `FMSC`).
        let type_len = after_amount
            .char_indices()
            .nth(4)
            .map_or(after_amount.len(), |(i, _)| i);
        let references = &after_amount[type_len..];
        let (customer, bank) = references.split_once("//").unwrap_or((references, ""));
        let (customer_reference, lead) = match customer.char_indices().nth(16) {
            Some((cut, _)) => (&customer[..cut], &customer[cut..]),
            None => (customer, ""),
        };
        let date = entry_date.unwrap_or(value_date);
        Some(PendingTransaction {
            line,
            date,
            posted: (date != value_date).then_some(value_date),
            amount,
            currency: self.currency.clone(),
            lead: lead.trim().to_owned(),
            supplementary: supplementary.trim().to_owned(),
            customer_reference: customer_reference.trim().to_owned(),
            bank_reference: bank.trim().to_owned(),
            info: Vec::new(),
        })
    }

    fn finish_pending(&mut self) {
        let Some(pending) = self.pending.take() else {
            return;
        };
        let info = pending.info.join("\n");
        let mut parts = vec![pending.lead.clone()];
        parts.extend(describe(&info));
        parts.push(pending.supplementary.replace('\n', " "));
        let mut description = join_description(&parts);
        if description.is_empty() && !pending.customer_reference.eq_ignore_ascii_case("NONREF") {
            description = collapse_whitespace(&pending.customer_reference);
        }
        let id = (!pending.bank_reference.is_empty()
            && !pending.bank_reference.eq_ignore_ascii_case("NONREF"))
        .then(|| collapse_whitespace(&pending.bank_reference));
        let index = self.statement.transactions.len() + 1;
        self.statement.transactions.push(Transaction {
            date: pending.date,
            posted: pending.posted,
            amount: pending.amount,
            currency: pending.currency,
            description,
            counterparty: None,
            booking_type: None,
            purpose: None,
            balance: None,
            id,
            source: Source {
                line: pending.line,
                element: Some(format!("61[{index}]")),
            },
        });
    }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}

/// The currency of a balance field: `C110614EUR000000000473,17`.
fn balance_currency(content: &str) -> Option<String> {
    let currency = content.trim().get(7..10)?;
    currency
        .bytes()
        .all(|b| b.is_ascii_alphabetic())
        .then(|| currency.to_ascii_uppercase())
}

/// Two-digit SWIFT years: 70–99 are 19xx, the rest 20xx.
fn pivot_year(yy: u32) -> i32 {
    let yy = yy as i32;
    if yy >= 70 {
        1900 + yy
    } else {
        2000 + yy
    }
}

/// The entry date (month and day only) nearest to the value date, across a year end if needed.
fn nearest_date(value_date: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    [
        value_date.year(),
        value_date.year() - 1,
        value_date.year() + 1,
    ]
    .into_iter()
    .filter_map(|year| NaiveDate::from_ymd_opt(year, month, day))
    .min_by_key(|date| (*date - value_date).num_days().abs())
}

/// Description parts from the `:86:` text.
fn describe(info: &str) -> Vec<String> {
    let compact: String = info.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    let separator = structured_separator(&compact);
    if let Some(separator) = separator {
        return subfields(&compact, separator);
    }
    let slash_tagged = compact.starts_with('/')
        && [
            "/NAME/", "/REMI/", "/CNTP/", "/TRTP/", "/EREF/", "/BENM/", "/ORDP/",
        ]
        .iter()
        .any(|tag| compact.contains(tag));
    if slash_tagged {
        return slash_tags(&compact);
    }
    vec![info.split('\n').collect::<Vec<_>>().join(" ")]
}

/// `166?20…` (German) or `000>20…` (Dutch) sub-fields: the separator character, if any.
fn structured_separator(compact: &str) -> Option<char> {
    let bytes = compact.as_bytes();
    let code_then_separator = bytes.len() > 5
        && bytes[..3].iter().all(u8::is_ascii_digit)
        && matches!(bytes[3], b'?' | b'>')
        && bytes[4].is_ascii_digit()
        && bytes[5].is_ascii_digit();
    if code_then_separator {
        return Some(bytes[3] as char);
    }
    let leading = bytes.len() > 3
        && bytes[0] == b'?'
        && bytes[1].is_ascii_digit()
        && bytes[2].is_ascii_digit();
    leading.then_some('?')
}

fn subfields(compact: &str, separator: char) -> Vec<String> {
    let mut pieces: Vec<(String, String)> = Vec::new();
    for (index, piece) in compact.split(separator).enumerate() {
        if index == 0 {
            continue;
        }
        let code = piece
            .get(..2)
            .filter(|c| c.bytes().all(|b| b.is_ascii_digit()));
        match (code, pieces.last_mut()) {
            (Some(code), _) => pieces.push((code.to_owned(), piece[2..].to_owned())),
            // A separator character inside a value: keep it as text.
            (None, Some((_, value))) => {
                value.push(separator);
                value.push_str(piece);
            }
            (None, None) => {}
        }
    }
    let joined = |codes: &dyn Fn(u32) -> bool| -> String {
        pieces
            .iter()
            .filter(|(code, _)| code.parse::<u32>().is_ok_and(codes))
            .map(|(_, value)| value.as_str())
            .collect()
    };
    let booking = joined(&|c| c == 0);
    let purpose = joined(&|c| (20..=29).contains(&c) || (60..=63).contains(&c));
    let name = joined(&|c| c == 32 || c == 33);
    let purpose = sepa_purpose(&purpose);
    if name.trim().is_empty() && purpose.trim().is_empty() {
        vec![booking]
    } else {
        vec![name, purpose]
    }
}

const SEPA_TAGS: [&str; 12] = [
    "EREF+", "KREF+", "MREF+", "CRED+", "DEBT+", "ABWA+", "ABWE+", "IBAN+", "BIC+", "COAM+",
    "OAMT+", "SVWZ+",
];

/// The free-text purpose (`SVWZ+`) of a SEPA purpose field, without the mandate and reference
/// tags; the whole field when it has no `SVWZ+`.
fn sepa_purpose(purpose: &str) -> String {
    let Some(start) = purpose.find("SVWZ+") else {
        return purpose.to_owned();
    };
    let text = &purpose[start + 5..];
    let end = SEPA_TAGS
        .iter()
        .filter_map(|tag| text.find(tag))
        .min()
        .unwrap_or(text.len());
    text[..end].to_owned()
}

/// `/TAG/value` descriptions (ING, Rabobank, bunq): the counterparty name and remittance text.
fn slash_tags(compact: &str) -> Vec<String> {
    const TAGS: [&str; 24] = [
        "TRTP",
        "IBAN",
        "BIC",
        "NAME",
        "REMI",
        "EREF",
        "MARF",
        "CSID",
        "CNTP",
        "ORDP",
        "BENM",
        "ADDR",
        "PURP",
        "RTRN",
        "ISDT",
        "USTD",
        "STRD",
        "CDTRREF",
        "CDTRREFTP",
        "ULTC",
        "ULTD",
        "ULTB",
        "SVCL",
        "ID",
    ];
    let mut values: Vec<(&str, Vec<&str>)> = Vec::new();
    for token in compact.split('/') {
        if TAGS.contains(&token) {
            values.push((token, Vec::new()));
        } else if let Some((_, value)) = values.last_mut() {
            value.push(token);
        }
    }
    let get = |tag: &str| {
        values
            .iter()
            .find(|(t, _)| *t == tag)
            .map(|(_, v)| v.join("/").trim_matches('/').to_owned())
            .unwrap_or_default()
    };
    let mut name = get("NAME");
    if name.is_empty() {
        for party in ["CNTP", "BENM", "ORDP"] {
            let value = get(party);
            if let Some(found) = value.split('/').nth(2).filter(|n| !n.is_empty()) {
                name = found.to_owned();
                break;
            }
        }
    }
    let mut remittance = get("REMI");
    for sub in ["USTD", "STRD"] {
        if remittance.is_empty() {
            remittance = get(sub);
        }
    }
    if name.is_empty() && remittance.is_empty() {
        return vec![compact.to_owned()];
    }
    vec![name, remittance]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_subfields_and_trailing_comma_amounts() {
        let file = "\u{1}\r\n:20:X\r\n:25:DE1\r\n:28C:1\r\n:60F:C240101EUR0,\r\n:61:2401020102DR39,NDDTKREF+\r\n:86:105?00Basislastschrift?20EREF+1?21SVWZ+Mega Deal Aktio?22n 2024?32RSG Group\r\n:62F:C240102EUR0,\r\n-\u{3}";
        let statement = read(file.as_bytes(), &Hints::default()).unwrap();
        let t = statement.transactions.get(0).expect("a transaction");
        assert_eq!(t.amount, Amount::new(-3900, 2));
        assert_eq!(t.description, "RSG Group / Mega Deal Aktion 2024");
        assert_eq!(t.currency, Some("EUR"));
        assert_eq!(statement.account.as_deref(), Some("DE1"));
    }

    #[test]
    fn entry_date_across_the_year_end() {
        let value = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
        assert_eq!(
            nearest_date(value, 1, 2),
            NaiveDate::from_ymd_opt(2025, 1, 2)
        );
    }
}

//! Shared by the scenario suite and the benchmark: a deterministic random source, generated
//! transactions, and writers that turn them into the bytes of real bank export layouts.
//!
//! Seven layouts are written by hand here (three CSV, OFX, QIF, camt.053, MT940); the bank
//! export catalogue in [`layouts`] adds the real CSV layouts, each rendered by one writer.
#![allow(dead_code)]

pub mod layouts;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use statement::{Amount, Format, Source, Statement, Transaction};
use std::fmt::Write as _;

/// SplitMix64: tiny, deterministic, good enough for test data.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when n is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }

    pub fn range(&mut self, low: i64, high_inclusive: i64) -> i64 {
        low + self.below((high_inclusive - low + 1) as u64) as i64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 > 1.0 - p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// How a payment was made: decides the booking phrase, purpose text and columns a bank uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A card payment (the descriptor is what the card network prints).
    Card,
    /// A direct debit (SEPA, ACH, Bacs): the descriptor names the creditor.
    Debit,
    /// A standing order or transfer out (rent).
    Standing,
    /// Money in from an employer.
    Salary,
    /// A card refund (money in).
    Refund,
    /// A payment to a card account (card statements only).
    Payment,
}

/// One generated transaction. `minor` is signed cents, negative = money out.
#[derive(Clone, Debug)]
pub struct Tx {
    pub date: NaiveDate,
    pub minor: i64,
    /// The card-network style descriptor (`NETFLIX.COM 866-579-7172 CA`) or the creditor's name.
    pub description: String,
    pub id: String,
    pub kind: Kind,
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid generator date")
}

pub fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        date + Days::new(days as u64)
    } else {
        date - Days::new((-days) as u64)
    }
}

/// `anchor` plus `k` months, keeping the anchor's day (clamped to the month's end).
pub fn add_months(anchor: NaiveDate, k: u32) -> NaiveDate {
    anchor.checked_add_months(Months::new(k)).expect("in range")
}

/// Weekend charges post on Monday.
pub fn next_business_day(date: NaiveDate) -> NaiveDate {
    match date.weekday() {
        Weekday::Sat => add_days(date, 2),
        Weekday::Sun => add_days(date, 1),
        _ => date,
    }
}

/// The layouts the suite writes: the seven written by hand, then the bank catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layout {
    /// `Date,Description,Amount` with ISO dates and signed amounts (whole amounts without decimals).
    CsvIso,
    /// A US card export: `MM/DD/YYYY`, purchases positive, a monthly `PAYMENT - THANK YOU`.
    CsvUsCard,
    /// A German bank: `;`, `DD.MM.YYYY`, decimal comma, thousands dot.
    CsvGerman,
    /// OFX 1.02 SGML with FITIDs.
    Ofx,
    /// QIF, `!Type:Bank`, US dates.
    Qif,
    /// ISO 20022 camt.053.001.02.
    Camt053,
    /// SWIFT MT940.
    Mt940,
    /// Entry `n` of [`layouts::CATALOGUE`].
    Bank(usize),
}

pub const LAYOUTS: [Layout; 7] = [
    Layout::CsvIso,
    Layout::CsvUsCard,
    Layout::CsvGerman,
    Layout::Ofx,
    Layout::Qif,
    Layout::Camt053,
    Layout::Mt940,
];

/// Every layout: the seven above, then each bank layout of the catalogue.
pub fn all_layouts() -> Vec<Layout> {
    let mut all = LAYOUTS.to_vec();
    all.extend((0..layouts::CATALOGUE.len()).map(Layout::Bank));
    all
}

impl Layout {
    pub fn bank(self) -> Option<&'static layouts::BankLayout> {
        match self {
            Layout::Bank(index) => layouts::CATALOGUE.get(index),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Layout::CsvIso => "csv-iso",
            Layout::CsvUsCard => "csv-us-card",
            Layout::CsvGerman => "csv-german",
            Layout::Ofx => "ofx",
            Layout::Qif => "qif",
            Layout::Camt053 => "camt053",
            Layout::Mt940 => "mt940",
            Layout::Bank(_) => self.bank().map_or("bank?", |b| b.name),
        }
    }

    /// Longest descriptor the layout carries whole (OFX `NAME` is 32 characters).
    pub fn max_descriptor(self) -> usize {
        match self {
            Layout::Ofx => 32,
            Layout::Mt940 => 120,
            _ => 200,
        }
    }

    /// A card statement: no salary or rent, purchases signed positive in the file.
    pub fn is_card(self) -> bool {
        match self {
            Layout::CsvUsCard => true,
            Layout::Bank(_) => self.bank().is_some_and(|b| b.card),
            _ => false,
        }
    }

    pub fn currency(self) -> &'static str {
        match self {
            Layout::CsvGerman | Layout::Camt053 | Layout::Mt940 => "EUR",
            Layout::Bank(_) => self.bank().map_or("EUR", |b| b.currency),
            _ => "USD",
        }
    }
}

fn decimal(minor: i64, mark: char, thousands: Option<char>, trim_whole: bool) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    let whole = abs / 100;
    let cents = abs % 100;
    let mut whole_text = whole.to_string();
    if let Some(separator) = thousands {
        let digits: Vec<char> = whole_text.chars().collect();
        let mut grouped = String::new();
        for (index, digit) in digits.iter().enumerate() {
            if index > 0 && (digits.len() - index).is_multiple_of(3) {
                grouped.push(separator);
            }
            grouped.push(*digit);
        }
        whole_text = grouped;
    }
    if trim_whole && cents == 0 {
        format!("{sign}{whole_text}")
    } else {
        format!("{sign}{whole_text}{mark}{cents:02}")
    }
}

fn csv_field(text: &str, delimiter: char) -> String {
    if text.contains(delimiter) || text.contains('"') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Writes `txs` (any order) as the bytes of `layout`.
pub fn render(layout: Layout, txs: &[Tx]) -> Vec<u8> {
    if let Some(bank) = layout.bank() {
        return layouts::render_bank(bank, txs).0;
    }
    let mut txs: Vec<&Tx> = txs.iter().collect();
    txs.sort_by_key(|tx| tx.date);
    let mut out = String::new();
    let first = txs.first().map_or(date(2026, 1, 1), |tx| tx.date);
    let last = txs.last().map_or(date(2026, 1, 1), |tx| tx.date);
    match layout {
        Layout::CsvIso => {
            out.push_str("Date,Description,Amount\n");
            for tx in &txs {
                let _ = writeln!(
                    out,
                    "{},{},{}",
                    tx.date.format("%Y-%m-%d"),
                    csv_field(&tx.description, ','),
                    decimal(tx.minor, '.', None, true)
                );
            }
        }
        Layout::CsvUsCard => {
            out.push_str("Transaction Date,Post Date,Description,Amount\n");
            // Newest first, as card sites export.
            for tx in txs.iter().rev() {
                let posted = add_days(tx.date, 1);
                let _ = writeln!(
                    out,
                    "{},{},{},{}",
                    tx.date.format("%m/%d/%Y"),
                    posted.format("%m/%d/%Y"),
                    csv_field(&tx.description, ','),
                    decimal(-tx.minor, '.', None, false)
                );
            }
        }
        Layout::CsvGerman => {
            out.push_str("Buchungstag;Wertstellung;Verwendungszweck;Betrag;Währung\n");
            for tx in &txs {
                let _ = writeln!(
                    out,
                    "{};{};{};{};EUR",
                    tx.date.format("%d.%m.%Y"),
                    tx.date.format("%d.%m.%Y"),
                    csv_field(&tx.description, ';'),
                    decimal(tx.minor, ',', Some('.'), false)
                );
            }
        }
        Layout::Ofx => {
            out.push_str("OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\nENCODING:USASCII\r\nCHARSET:1252\r\nCOMPRESSION:NONE\r\nOLDFILEUID:NONE\r\nNEWFILEUID:NONE\r\n\r\n");
            out.push_str("<OFX>\r\n<SIGNONMSGSRSV1>\r\n<SONRS>\r\n<STATUS>\r\n<CODE>0\r\n<SEVERITY>INFO\r\n</STATUS>\r\n");
            let _ = writeln!(
                out,
                "<DTSERVER>{}120000\r\n<LANGUAGE>ENG\r\n</SONRS>\r\n</SIGNONMSGSRSV1>\r",
                last.format("%Y%m%d")
            );
            out.push_str("<BANKMSGSRSV1>\r\n<STMTTRNRS>\r\n<TRNUID>1\r\n<STATUS>\r\n<CODE>0\r\n<SEVERITY>INFO\r\n</STATUS>\r\n<STMTRS>\r\n<CURDEF>USD\r\n");
            out.push_str("<BANKACCTFROM>\r\n<BANKID>121000248\r\n<ACCTID>000123456789\r\n<ACCTTYPE>CHECKING\r\n</BANKACCTFROM>\r\n");
            let _ = writeln!(
                out,
                "<BANKTRANLIST>\r\n<DTSTART>{}\r\n<DTEND>{}\r",
                first.format("%Y%m%d"),
                last.format("%Y%m%d")
            );
            for tx in &txs {
                let kind = if tx.minor < 0 { "DEBIT" } else { "CREDIT" };
                let name: String = tx.description.chars().take(32).collect();
                let _ = writeln!(out, "<STMTTRN>\r\n<TRNTYPE>{kind}\r\n<DTPOSTED>{}120000.000\r\n<TRNAMT>{}\r\n<FITID>{}\r\n<NAME>{}\r\n</STMTTRN>\r",
                    tx.date.format("%Y%m%d"),
                    decimal(tx.minor, '.', None, false),
                    tx.id,
                    xml_escape(&name)
                );
            }
            let _ = writeln!(out, "</BANKTRANLIST>\r\n<LEDGERBAL>\r\n<BALAMT>1000.00\r\n<DTASOF>{}\r\n</LEDGERBAL>\r\n</STMTRS>\r\n</STMTTRNRS>\r\n</BANKMSGSRSV1>\r\n</OFX>\r", last.format("%Y%m%d"));
        }
        Layout::Qif => {
            out.push_str("!Type:Bank\n");
            for tx in &txs {
                let _ = writeln!(
                    out,
                    "D{}\nT{}\nP{}\n^",
                    tx.date.format("%m/%d/%Y"),
                    decimal(tx.minor, '.', Some(','), false),
                    tx.description
                );
            }
        }
        Layout::Camt053 => {
            out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n<BkToCstmrStmt>\n");
            let _ = writeln!(
                out,
                "<GrpHdr><MsgId>MSG-{}</MsgId><CreDtTm>{}T18:00:00</CreDtTm></GrpHdr>",
                last.format("%Y%m%d"),
                last.format("%Y-%m-%d")
            );
            let _ = writeln!(out, "<Stmt>\n<Id>STMT-{}</Id>\n<ElctrncSeqNb>1</ElctrncSeqNb>\n<CreDtTm>{}T18:00:00</CreDtTm>", last.format("%Y%m%d"), last.format("%Y-%m-%d"));
            let _ = writeln!(
                out,
                "<FrToDt><FrDtTm>{}T00:00:00</FrDtTm><ToDtTm>{}T23:59:59</ToDtTm></FrToDt>",
                first.format("%Y-%m-%d"),
                last.format("%Y-%m-%d")
            );
            out.push_str(
                "<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>\n",
            );
            let _ = writeln!(out, "<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>{}</Dt></Dt></Bal>", first.format("%Y-%m-%d"));
            let _ = writeln!(out, "<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>{}</Dt></Dt></Bal>", last.format("%Y-%m-%d"));
            for tx in &txs {
                let indicator = if tx.minor < 0 { "DBIT" } else { "CRDT" };
                let _ = writeln!(out, "<Ntry>\n<Amt Ccy=\"EUR\">{}</Amt>\n<CdtDbtInd>{indicator}</CdtDbtInd>\n<Sts>BOOK</Sts>\n<BookgDt><Dt>{}</Dt></BookgDt>\n<ValDt><Dt>{}</Dt></ValDt>\n<AcctSvcrRef>{}</AcctSvcrRef>\n<BkTxCd><Prtry><Cd>NMSC</Cd></Prtry></BkTxCd>\n<NtryDtls><TxDtls><RmtInf><Ustrd>{}</Ustrd></RmtInf></TxDtls></NtryDtls>\n</Ntry>",
                    decimal(tx.minor.abs(), '.', None, false),
                    tx.date.format("%Y-%m-%d"),
                    tx.date.format("%Y-%m-%d"),
                    tx.id,
                    xml_escape(&tx.description)
                );
            }
            out.push_str("</Stmt>\n</BkToCstmrStmt>\n</Document>\n");
        }
        Layout::Bank(_) => {}
        Layout::Mt940 => {
            out.push_str(":20:STMT");
            let _ = writeln!(
                out,
                "{}\r\n:25:DE89370400440532013000\r\n:28C:1/1\r",
                last.format("%y%m%d")
            );
            let _ = writeln!(out, ":60F:C{}EUR1000,00\r", first.format("%y%m%d"));
            for tx in &txs {
                let mark = if tx.minor < 0 { 'D' } else { 'C' };
                let amount = decimal(tx.minor.abs(), ',', None, false);
                let _ = writeln!(
                    out,
                    ":61:{}{}{mark}{amount}NMSCNONREF\r",
                    tx.date.format("%y%m%d"),
                    tx.date.format("%m%d")
                );
                // :86: is up to six lines of 65 characters.
                let text: Vec<char> = tx.description.chars().collect();
                out.push_str(":86:");
                for (index, chunk) in text.chunks(65).take(6).enumerate() {
                    if index > 0 {
                        out.push_str("\r\n");
                    }
                    out.extend(chunk.iter());
                }
                out.push_str("\r\n");
            }
            let _ = writeln!(out, ":62F:C{}EUR1000,00\r\n-\r", last.format("%y%m%d"));
        }
    }
    out.into_bytes()
}

/// The same transactions as a `Statement`, without any reader (the engine-only pass).
pub fn direct_statement(txs: &[Tx], currency: &str) -> Statement {
    let mut statement = Statement::new(Format::Csv);
    statement.currency = Some(currency.to_owned());
    for (index, tx) in txs.iter().enumerate() {
        statement.transactions.push(Transaction {
            date: tx.date,
            posted: None,
            amount: Amount::new(tx.minor, 2),
            currency: Some(currency.to_owned()),
            description: tx.description.clone(),
            counterparty: None,
            booking_type: None,
            purpose: None,
            balance: None,
            id: Some(tx.id.clone()),
            source: Source {
                line: index as u32 + 2,
                element: None,
            },
        });
    }
    statement
}

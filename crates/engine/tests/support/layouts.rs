//! The layout catalogue: real bank export layouts, as data, and the one writer that renders
//! generated transactions into any of them.
//!
//! Every entry is taken from a published description of a real bank's export: a sample file in
//! `../shared/fixtures/csv` (see its MANIFEST.tsv), a bank2ynab bank configuration, a csv2ofx
//! mapping or test file, an hledger rules file, or a Firefly III importer configuration. Each
//! entry's `source` names the repository, the path and the commit it was taken from, and says
//! which parts of the entry (booking words, purpose texts) the source does not show and were
//! filled in from the bank family's published rows instead.
//!
//! The writer fills each column from the generated transaction: the card descriptor, the
//! bank's booking phrase for the kind of payment, and a purpose text as such banks print it
//! (often generic: `Karte1 2028-11`, `Debitk.12 VISA Debit`). Card payments billed through a
//! wallet (`PAYPAL *SPOTIFY`) become a direct debit from PayPal with the merchant in the
//! purpose, the way German, Dutch and Austrian banks show them.

use super::{add_days, Kind, Rng, Tx};
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};

/// How the bytes are encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Enc {
    Utf8,
    Utf8Bom,
    /// Windows-1252 (a superset of Latin-1 for the characters written here; `€` is 0x80).
    Cp1252,
    /// Windows-1250 (Central European: Czech `č ř ů ě`).
    Cp1250,
}

/// Which fields the bank puts in double quotes.
#[derive(Clone, Copy, Debug)]
pub struct Quoting {
    /// Text columns (names, purposes, descriptions, constants with letters).
    pub text: bool,
    /// Booking-type and code columns.
    pub booking: bool,
    /// Dates and amounts.
    pub other: bool,
    /// Empty fields as `""`.
    pub empty: bool,
    /// Quote any field that holds the delimiter or a quote (RFC 4180 writers).
    pub needed: bool,
}

pub const ALL: Quoting = Quoting {
    text: true,
    booking: true,
    other: true,
    empty: true,
    needed: true,
};
pub const ALL_BUT_EMPTY: Quoting = Quoting {
    empty: false,
    ..ALL
};
pub const TEXT: Quoting = Quoting {
    text: true,
    booking: false,
    other: false,
    empty: false,
    needed: true,
};
pub const NEEDED: Quoting = Quoting {
    text: false,
    ..TEXT
};
/// No quoting at all: a delimiter inside a text field is written as it is.
pub const NEVER: Quoting = Quoting {
    text: false,
    booking: false,
    other: false,
    empty: false,
    needed: false,
};

/// How amounts are printed.
#[derive(Clone, Copy, Debug)]
pub struct Num {
    pub decimal: char,
    pub thousands: Option<char>,
    /// `Trim`: `-62,3`, `200` (DKB, Commerzbank); `Float`: `29.5`, `512.0` (Python writers).
    pub minimal: Minimal,
    /// Currency symbol after the sign (`-£52.00`, `$1,036.47`).
    pub symbol: &'static str,
    /// `+12,10` for money in.
    pub plus: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Minimal {
    No,
    Trim,
    Float,
}

pub const DOT: Num = Num {
    decimal: '.',
    thousands: None,
    minimal: Minimal::No,
    symbol: "",
    plus: false,
};
pub const DOT_COMMA: Num = Num {
    thousands: Some(','),
    ..DOT
};
pub const COMMA: Num = Num {
    decimal: ',',
    ..DOT
};
pub const COMMA_DOT: Num = Num {
    decimal: ',',
    thousands: Some('.'),
    ..DOT
};

/// The parts of one row's text, as templates (see [`fill`] for the placeholders).
#[derive(Clone, Copy, Debug)]
pub struct Parts {
    /// The other party: merchant, payee, payer.
    pub counterparty: &'static str,
    /// The bank's booking-type phrase (`Lastschrift`, `Card payment`).
    pub booking: &'static str,
    /// A short transaction code (`DEB`, `BA`, `bc`, `ACH_DEBIT`).
    pub code: &'static str,
    /// The purpose or reference text.
    pub purpose: &'static str,
    /// The single description for banks with one text column.
    pub text: &'static str,
}

pub const PARTS: Parts = Parts {
    counterparty: "{D}",
    booking: "",
    code: "",
    purpose: "",
    text: "{D}",
};

/// How one bank family words each kind of payment.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub card: Parts,
    pub debit: Parts,
    pub standing: Parts,
    pub salary: Parts,
    pub refund: Parts,
    /// A payment to a card account (card statements only).
    pub payment: Parts,
    /// A card payment billed through PayPal, as the bank shows the PayPal direct debit.
    pub wallet: Option<Parts>,
}

pub const PLAIN: Style = Style {
    card: PARTS,
    debit: PARTS,
    standing: PARTS,
    salary: PARTS,
    refund: PARTS,
    payment: PARTS,
    wallet: None,
};

/// What goes in one column.
#[derive(Clone, Copy, Debug)]
pub enum Col {
    /// The transaction date (chrono format; time fields take a time of day derived from the row).
    Date(&'static str),
    /// The posting or value date: one day after a card payment, the same day otherwise.
    Posted(&'static str),
    Counterparty,
    /// Payer-name column: the account holder for money out, the counterparty for money in.
    Payer,
    /// Payee-name column: the counterparty for money out, the account holder for money in.
    Payee,
    /// The account number on the payer's side (own account for money out).
    PayerAcct,
    PayeeAcct,
    Booking,
    Code,
    Purpose,
    /// One of up to 14 purpose lines of 27 characters (GLS `VWZ1`..`VWZ14`).
    PurposeLine(usize),
    Text,
    /// Signed amount as the file shows it (card accounts may show purchases positive).
    Amount,
    /// Unsigned amount in a money-out column.
    Debit,
    /// Money out written with its minus sign in the money-out column.
    DebitNeg,
    /// Unsigned amount in a money-in column.
    Credit,
    /// Unsigned amount (the sign is in a flag column).
    Unsigned,
    /// The bank's words for money out and money in.
    Flag(&'static str, &'static str),
    Currency,
    /// Running balance after the row.
    Balance,
    /// Running balance before the row (ASN Bank).
    BalanceBefore,
    /// The counterparty's account number (empty for card payments).
    OtherIban,
    Lit(&'static str),
    /// A template filled per row.
    Tpl(&'static str),
    /// A column only card payments fill.
    IfCard(&'static Col),
    /// A column only payments other than card payments fill.
    IfNotCard(&'static Col),
    /// A column written without quotes whatever the layout's quoting says.
    Raw(&'static Col),
    Blank,
}

/// Regions the issue asks the catalogue to cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Region {
    Dach,
    UkIe,
    NorthAmerica,
    Benelux,
    Nordic,
    SouthWest,
    Other,
}

/// One real bank export layout.
#[derive(Clone, Copy, Debug)]
pub struct BankLayout {
    pub name: &'static str,
    pub bank: &'static str,
    pub region: Region,
    pub neobank: bool,
    /// Where the layout was taken from: repository, path, commit (and what was filled in).
    pub source: &'static str,
    pub delimiter: char,
    pub encoding: Enc,
    pub quoting: Quoting,
    pub line_end: &'static str,
    /// Lines before the header, as published (placeholders: see [`fill_statement`]).
    pub preamble: &'static [&'static str],
    /// The header row exactly as the bank writes it; `None` for headerless exports.
    pub header: Option<&'static str>,
    /// Lines between the header and the first row (Schwab's section lines, BNP's blank line).
    pub after_header: &'static [&'static str],
    pub footer: &'static [&'static str],
    pub columns: &'static [Col],
    /// Rows end with a delimiter (Swedbank).
    pub trailing_delimiter: bool,
    pub num: Num,
    pub balance_num: Num,
    pub newest_first: bool,
    /// A card account: no salary or rent, a monthly payment to the card.
    pub card: bool,
    /// On this card statement purchases are positive.
    pub purchases_positive: bool,
    pub currency: &'static str,
    pub style: &'static Style,
    /// A zero-amount notice row the bank writes now and then (written about monthly).
    pub notice: Option<Parts>,
    pub holder: &'static str,
    pub own_account: &'static str,
    /// What an unused money-out or money-in column holds (`0,00` at ING Austria).
    pub empty_money: &'static str,
}

const BASE: BankLayout = BankLayout {
    name: "",
    bank: "",
    region: Region::Other,
    neobank: false,
    source: "",
    delimiter: ',',
    encoding: Enc::Utf8,
    quoting: NEEDED,
    line_end: "\n",
    preamble: &[],
    header: None,
    after_header: &[],
    footer: &[],
    columns: &[],
    trailing_delimiter: false,
    num: DOT,
    balance_num: DOT,
    newest_first: false,
    card: false,
    purchases_positive: false,
    currency: "EUR",
    style: &PLAIN,
    notice: None,
    holder: "MAX MUSTERMANN",
    own_account: "DE89370400440532013000",
    empty_money: "",
};

// ---------------------------------------------------------------------------------------------
// Styles: how bank families word card payments, direct debits, standing orders, salaries.
// ---------------------------------------------------------------------------------------------

const PAYPAL_DE: Parts = Parts {
    counterparty: "PayPal Europe S.a.r.l. et Cie S.C.A",
    booking: "Lastschrift",
    code: "",
    purpose: "{N13} PP.{N4}.PP . {M}, Ihr Einkauf bei {M}",
    text: "PayPal Europe S.a.r.l. et Cie S.C.A {N13} PP.{N4}.PP . {M}, Ihr Einkauf bei {M}",
};

/// Sparkasse CSV-CAMT and CSV-MT940 (omarkohl/ofxstatement-sparkasse-freiburg simple2.csv,
/// RechnungsPilot sparkasse-lzo-mt940.csv): upper-case booking texts, card purpose
/// `2018-03-30T17:47:21 Karte1 2018-11`, direct debits with SEPA tags.
const SPARKASSE: Style = Style {
    card: Parts {
        booking: "KARTENZAHLUNG",
        purpose: "{ISO}T{HMS} Karte1 2028-11",
        ..PARTS
    },
    debit: Parts {
        booking: "FOLGELASTSCHRIFT",
        purpose: "EREF+{N12}MREF+{REF}CRED+DE{N2}ZZZ{N11}SVWZ+Kd-Nr. {N9} Rechnung {YM}",
        ..PARTS
    },
    standing: Parts {
        booking: "DAUERAUFTRAG",
        purpose: "Miete {YM}",
        ..PARTS
    },
    salary: Parts {
        booking: "GUTSCHR. UEBERWEISUNG",
        purpose: "SVWZ+Lohn/Gehalt {YM}",
        ..PARTS
    },
    refund: Parts {
        booking: "GUTSCHRIFT",
        purpose: "Erstattung {ISO}",
        ..PARTS
    },
    payment: PARTS,
    wallet: Some(Parts {
        booking: "FOLGELASTSCHRIFT",
        ..PAYPAL_DE
    }),
};

/// ING Germany: `Lastschrift`, `Gutschrift`, VISA debit card rows `VISA <merchant>` with a
/// `NR XXXX` purpose; PayPal as in fabolhak/ofxstatement-de-ing test_without_saldo_1.csv.
const ING_DE: Style = Style {
    card: Parts {
        counterparty: "VISA {D}",
        booking: "Lastschrift",
        purpose: "NR XXXX {N4} KAUFUMSATZ {DM} {N6} ARN{N23}",
        ..PARTS
    },
    debit: Parts {
        booking: "Lastschrift",
        purpose: "Kd-Nr. {N9} Rechnung {YM}",
        ..PARTS
    },
    standing: Parts {
        booking: "Dauerauftrag/Terminueberweisung",
        purpose: "Miete {YM}",
        ..PARTS
    },
    salary: Parts {
        booking: "Gehalt/Rente",
        purpose: "Lohn/Gehalt {YM}",
        ..PARTS
    },
    refund: Parts {
        counterparty: "VISA {D}",
        booking: "Gutschrift",
        purpose: "NR XXXX {N4} GUTSCHRIFT {DM}",
        ..PARTS
    },
    payment: PARTS,
    wallet: Some(Parts {
        counterparty: "PayPal (Europe) S.a.r.l. et Cie., S.C.A.",
        purpose: "PP.{N4}.PP . {M}, Ihr Einkauf bei {M}",
        ..PAYPAL_DE
    }),
};

/// DKB (2023 format): `Umsatztyp` says `Ausgang`/`Eingang`; card purpose `Debitk.` (Visa debit).
const DKB: Style = Style {
    card: Parts {
        booking: "Ausgang",
        purpose: "{ISO}      Debitk.{N2} VISA Debit",
        ..PARTS
    },
    debit: Parts {
        booking: "Ausgang",
        purpose: "KD.{N8} /{N12} Abschlag {YM}",
        ..PARTS
    },
    standing: Parts {
        booking: "Ausgang",
        purpose: "Miete {YM}",
        ..PARTS
    },
    salary: Parts {
        booking: "Eingang",
        purpose: "Lohn/Gehalt {YM}",
        ..PARTS
    },
    refund: Parts {
        booking: "Eingang",
        purpose: "{ISO}      Debitk.{N2} Gutschrift",
        ..PARTS
    },
    payment: PARTS,
    wallet: Some(Parts {
        booking: "Ausgang",
        ..PAYPAL_DE
    }),
};

/// Volksbanks (Atruvia export, RechnungsPilot vr-teilhaberbank.csv): `Basislastschrift`,
/// `Gutschrift`; unquoted, so a `;` in a purpose stays in the row.
const VR: Style = Style {
    card: Parts {
        booking: "Kartenzahlung",
        purpose: "{ISO}T{HM} Debitk.1 2028-12",
        ..PARTS
    },
    debit: Parts {
        booking: "Basislastschrift",
        purpose: "{N9}/Rechnung {YM}; Kundennr. {N8} EREF: {N12} MREF: {REF} CRED: DE{N2}ZZZ{N11}",
        ..PARTS
    },
    standing: Parts {
        booking: "Dauerauftrag",
        purpose: "Miete {YM}",
        ..PARTS
    },
    salary: Parts {
        booking: "Gutschrift",
        purpose: "Lohn/Gehalt {YM}",
        ..PARTS
    },
    refund: Parts {
        booking: "Gutschrift",
        purpose: "Erstattung {ISO}",
        ..PARTS
    },
    payment: PARTS,
    wallet: Some(Parts {
        counterparty: "PayPal Europe",
        booking: "Basislastschrift",
        purpose: "{N13}/. {M}, Ihr Einkauf bei {M}",
        ..PAYPAL_DE
    }),
};

/// Commerzbank (2024 format): one `Buchungstext` holding name, purpose and SEPA references.
const COMMERZ: Style = Style {
    card: Parts {
        booking: "Lastschrift",
        text: "Kartenzahlung {D} {N8}//Berlin {ISO}T{HMS} KFN 1 VJ 2812",
        ..PARTS
    },
    debit: Parts {
        booking: "Lastschrift",
        text: "{D} Kd-Nr. {N9} Rechnung {YM} End-to-End-Ref.: {N12} Mandatsref: {REF} Gläubiger-ID: DE{N2}ZZZ{N11} SEPA-BASISLASTSCHRIFT wiederholend",
        ..PARTS
    },
    standing: Parts {
        booking: "Überweisung",
        text: "{D} Miete {YM} Dauerauftrag",
        ..PARTS
    },
    salary: Parts {
        booking: "Gutschrift",
        text: "{D} Lohn/Gehalt {YM} End-to-End-Ref.: {N12}",
        ..PARTS
    },
    refund: Parts {
        booking: "Gutschrift",
        text: "Kartenzahlung Gutschrift {D} {N8}//Berlin {ISO}",
        ..PARTS
    },
    payment: PARTS,
    wallet: Some(Parts {
        booking: "Lastschrift",
        text: "PayPal Europe S.a.r.l. et Cie S.C.A {N13} PP.{N4}.PP . {M}, Ihr Einkauf bei {M} End-to-End-Ref.: {N13} Mandatsref: {REF} Gläubiger-ID: LU96ZZZ0000000000000000058 SEPA-BASISLASTSCHRIFT wiederholend",
        ..PAYPAL_DE
    }),
};

/// TARGOBANK: one text column, the booking phrase first, fields padded with three spaces.
const TARGO: Style = Style {
    card: Parts {
        text: "Kartenzahlung   {D}   Kartennummer: 439556XXXXXX009X",
        ..PARTS
    },
    debit: Parts {
        text: "Lastschrift   {D}   DE{N20}   Kd {N8} Rechnung {YM}   {N12}   DE{N16}   {REF}",
        ..PARTS
    },
    standing: Parts {
        text: "Dauerauftrag   {D}   DE{N20}   Miete {YM}",
        ..PARTS
    },
    salary: Parts {
        text: "Gutschrift   {D}   Lohn/Gehalt {YM}   B {N12}",
        ..PARTS
    },
    refund: Parts {
        text: "Gutschrift   {D}   Erstattung {ISO}",
        ..PARTS
    },
    payment: PARTS,
    wallet: Some(Parts {
        text: "Lastschrift   PayPal Europe S.a.r.l. et Cie S.C.A   LU{N20}   {N13} PP.{N4}.PP . {M}, Ihr Einkauf bei {M}",
        ..PAYPAL_DE
    }),
};

/// GLS Bank (csv2ofx data/test/gls.csv): `SEPA-Basislastschrift`, purpose split over VWZ lines.
const GLS: Style = Style {
    card: Parts {
        booking: "Kartenzahlung",
        purpose: "{ISO}T{HM} Karte 1 {N8}",
        ..PARTS
    },
    debit: Parts {
        booking: "SEPA-Basislastschrift",
        purpose: "B{N7} U{N9} B{N6} Rechnung {YM}",
        ..PARTS
    },
    standing: Parts {
        booking: "Dauerauftrag",
        purpose: "Miete {YM}",
        ..PARTS
    },
    salary: Parts {
        booking: "SEPA-Gutschrift",
        purpose: "Lohn/Gehalt {YM}",
        ..PARTS
    },
    refund: Parts {
        booking: "Gutschrift",
        purpose: "Erstattung {ISO}",
        ..PARTS
    },
    payment: PARTS,
    wallet: Some(Parts {
        booking: "SEPA-Basislastschrift",
        ..PAYPAL_DE
    }),
};

/// N26, German export of 2017 (bank2ynab test-data 20171001-20171106.csv): `MasterCard Zahlung`.
const N26_DE: Style = Style {
    card: Parts {
        booking: "MasterCard Zahlung",
        ..PARTS
    },
    debit: Parts {
        booking: "Lastschrift",
        purpose: "Kd-Nr. {N9} Rechnung {YM}",
        ..PARTS
    },
    standing: Parts {
        booking: "Überweisung",
        purpose: "Miete {YM}",
        ..PARTS
    },
    salary: Parts {
        booking: "Gutschrift",
        purpose: "Lohn/Gehalt {YM}",
        ..PARTS
    },
    refund: Parts {
        booking: "MasterCard Zahlung",
        ..PARTS
    },
    payment: PARTS,
    wallet: Some(Parts {
        booking: "Lastschrift",
        ..PAYPAL_DE
    }),
};

/// N26, 2020+ export (c-vigo/beancount-importers N26_Sample.csv): `Presentment` for card rows.
const N26_EN: Style = Style {
    card: Parts {
        booking: "Presentment",
        ..PARTS
    },
    debit: Parts {
        booking: "Direct Debit",
        purpose: "Invoice {YM} customer {N9}",
        ..PARTS
    },
    standing: Parts {
        booking: "Debit Transfer",
        purpose: "Rent {YM}",
        ..PARTS
    },
    salary: Parts {
        booking: "Credit Transfer",
        purpose: "Salary {YM}",
        ..PARTS
    },
    refund: Parts {
        booking: "Presentment",
        ..PARTS
    },
    payment: PARTS,
    wallet: Some(Parts {
        booking: "Direct Debit",
        purpose: "{N13} PP.{N4}.PP . {M}, Your purchase at {M}",
        ..PAYPAL_DE
    }),
};

/// easybank Austria (nblock/ofxstatement-austrian easybank-giro.csv): booking text padded to
/// 45 characters, a `XX/000000000` reference, then the counterparty.
const EASYBANK: Style = Style {
    card: Parts {
        text: "Bezahlung Maestro             {DM}         MC/{N9} {D}     K1 {DM}.UM {HM}",
        ..PARTS
    },
    debit: Parts {
        text: "Abbuchung Einzugsermächtigung                OG/{N9} {D}               {N5} {N11}",
        ..PARTS
    },
    standing: Parts {
        text: "Dauerauftrag                                 FE/{N9} ABCDEF1G235 AT{N18} {D}",
        ..PARTS
    },
    salary: Parts {
        text: "Gutschrift Überweisung                       VD/{N9} ABCDEF1G235 AT{N18} {D}",
        ..PARTS
    },
    refund: Parts {
        text: "Gutschrift Maestro                           MC/{N9} {D}",
        ..PARTS
    },
    payment: PARTS,
    wallet: None,
};

/// Raiffeisen ELBA (bank2ynab test-data test_raiffeisen_01.csv): the card descriptor then the
/// branch number, card and time: `HOFER DANKT  0527  K2   18.09. 17:20`.
const ELBA: Style = Style {
    card: Parts {
        text: "{D}  {N4}  K2   {DM}. {HM}",
        ..PARTS
    },
    debit: Parts {
        text: "{D}   Einzug {REF}",
        ..PARTS
    },
    ..PLAIN
};

/// Oberbank (nblock/ofxstatement-austrian oberbank.csv): a `Text` of comma-joined parts.
const OBERBANK: Style = Style {
    card: Parts {
        text: "{D}, POS {DM} {HM}",
        purpose: "",
        ..PARTS
    },
    debit: Parts {
        text: "{D}, Kd-Nr. {N9}, Rechnung {YM}",
        purpose: "Rechnung {YM}",
        ..PARTS
    },
    standing: Parts {
        text: "{D}, Miete {YM}",
        purpose: "Miete {YM}",
        ..PARTS
    },
    salary: Parts {
        text: "{D}, SCOR, Gehalt {YM}",
        purpose: "Gehalt {YM}",
        ..PARTS
    },
    ..PLAIN
};

/// Zürcher Kantonalbank (c-vigo/beancount-importers ZKB_Sample.csv): `Debit TWINT: <name>`.
const ZKB: Style = Style {
    card: Parts {
        text: "Debit TWINT: {D}",
        counterparty: "",
        ..PARTS
    },
    debit: Parts {
        text: "Debit eBill: {D}",
        ..PARTS
    },
    standing: Parts {
        text: "Debit Mobile Banking: {D}",
        ..PARTS
    },
    salary: Parts {
        text: "Credit salary: {D}",
        counterparty: "",
        ..PARTS
    },
    refund: Parts {
        text: "Credit TWINT: {D}",
        counterparty: "",
        ..PARTS
    },
    ..PLAIN
};

/// UBS, French-language export (csv2ofx data/test/ubs-ch-fr_trimmed.csv): booking type in
/// `Description 1`, counterparty in `Description 2`, address or purpose in `Description 3`.
const UBS_FR: Style = Style {
    card: Parts {
        booking: "Paiement carte de débit",
        purpose: "{DMY} Carte N° XXXX{N4}",
        ..PARTS
    },
    debit: Parts {
        booking: "Recouvrement LSV+",
        purpose: "Facture {YM} {N9}",
        ..PARTS
    },
    standing: Parts {
        booking: "Ordre permanent",
        purpose: "Loyer {YM}",
        ..PARTS
    },
    salary: Parts {
        booking: "Virement postal",
        purpose: "Salaire {YM}",
        ..PARTS
    },
    refund: Parts {
        booking: "Crédit carte de débit",
        ..PARTS
    },
    ..PLAIN
};

/// Neon (c-vigo/beancount-importers Neon_Sample.csv): `Description` names, `Subject` says what.
const NEON: Style = Style {
    debit: Parts {
        purpose: "Invoice {YM}",
        ..PARTS
    },
    standing: Parts {
        purpose: "Payment to Account {N10}",
        ..PARTS
    },
    salary: Parts {
        purpose: "Salary {YM}",
        ..PARTS
    },
    ..PLAIN
};

/// Lloyds (Metasaura/ofxstatement-lloyds sample-statement.csv): type codes, card rows `CD 1417`.
const LLOYDS: Style = Style {
    card: Parts {
        code: "DEB",
        text: "{D} CD 1417",
        ..PARTS
    },
    debit: Parts {
        code: "DD",
        text: "{D} {N12}",
        ..PARTS
    },
    standing: Parts {
        code: "SO",
        text: "{D} RENT {YM}",
        ..PARTS
    },
    salary: Parts {
        code: "BGC",
        text: "{D} {N18} {N6}     10 {HM}",
        ..PARTS
    },
    refund: Parts {
        code: "DEB",
        text: "{D} CD 1417",
        ..PARTS
    },
    ..PLAIN
};

/// Nationwide (WillOnGit/nationwide-transaction-parser fixtures): `Visa purchase`,
/// `Direct debit <name>`, `Payment to`.
const NATIONWIDE: Style = Style {
    card: Parts {
        booking: "Visa purchase",
        ..PARTS
    },
    debit: Parts {
        booking: "Direct debit {D}",
        ..PARTS
    },
    standing: Parts {
        booking: "Payment to",
        ..PARTS
    },
    salary: Parts {
        booking: "Bank credit {D}",
        ..PARTS
    },
    refund: Parts {
        booking: "Visa credit",
        ..PARTS
    },
    ..PLAIN
};

const NATIONWIDE_MIDATA: Style = Style {
    card: Parts {
        booking: "Visa purchase",
        ..PARTS
    },
    debit: Parts {
        booking: "Direct Debit",
        ..PARTS
    },
    standing: Parts {
        booking: "Standing order",
        ..PARTS
    },
    salary: Parts {
        booking: "Bank credit",
        ..PARTS
    },
    refund: Parts {
        booking: "Visa credit",
        ..PARTS
    },
    ..PLAIN
};

/// Monzo (hledger examples/csv/banking/monzo.csv.rules): `Card payment`, `Direct Debit`.
const MONZO: Style = Style {
    card: Parts {
        booking: "Card payment",
        ..PARTS
    },
    debit: Parts {
        booking: "Direct Debit",
        ..PARTS
    },
    standing: Parts {
        booking: "Faster payment",
        ..PARTS
    },
    salary: Parts {
        booking: "Faster payment",
        ..PARTS
    },
    refund: Parts {
        booking: "Card payment",
        ..PARTS
    },
    ..PLAIN
};

/// first direct (bank2ynab test-data 20180226_12345678.csv): card rows `MERCHANT NAME@12:34`.
const FIRST_DIRECT: Style = Style {
    card: Parts {
        text: "{D}@{HM}",
        ..PARTS
    },
    ..PLAIN
};

/// Bank of Ireland (bank2ynab test-data test_BOI_TransactionExport.csv): `POS31AUG Online`.
const BOI: Style = Style {
    card: Parts {
        text: "POS{DDMON} {D}",
        ..PARTS
    },
    salary: Parts {
        text: "{D}      GP",
        ..PARTS
    },
    ..PLAIN
};

/// Ulster Bank (bank2ynab.conf comment): `POS`, `'8656 30JUL19 C , LUAS TRANSDEV , DUBLIN`.
const ULSTER: Style = Style {
    card: Parts {
        code: "POS",
        text: "'{N4} {DDMONYY} C , {D} , DUBLIN , DUBLIN IE",
        ..PARTS
    },
    debit: Parts {
        code: "D/D",
        ..PARTS
    },
    standing: Parts {
        code: "S/O",
        ..PARTS
    },
    salary: Parts {
        code: "BAC",
        ..PARTS
    },
    refund: Parts {
        code: "POS",
        text: "'{N4} {DDMONYY} C , {D} , DUBLIN , DUBLIN IE",
        ..PARTS
    },
    ..PLAIN
};

/// Barclaycard (bank2ynab test-data statement_1.csv): `" Shop Name, AnyTown20.59 POUND ..."`.
const BARCLAYCARD: Style = Style {
    card: Parts {
        text: " {D} ",
        ..PARTS
    },
    ..PLAIN
};

/// John Lewis Partnership Card (bank2ynab test-data MS_JANE_SMITH_…csv): padded, country last.
const JOHN_LEWIS: Style = Style {
    card: Parts {
        text: "{D}          GBR",
        ..PARTS
    },
    ..PLAIN
};

/// Chase checking (beancount/beangulp examples csvbank statement.csv): `DEBIT`/`CREDIT` details,
/// ACH entries with `PPD ID:` / `WEB ID:`.
const CHASE: Style = Style {
    card: Parts {
        code: "DEBIT_CARD",
        ..PARTS
    },
    debit: Parts {
        code: "ACH_DEBIT",
        text: "{D}   WEB ID: {N10}",
        ..PARTS
    },
    standing: Parts {
        code: "ACH_DEBIT",
        text: "{D}   PPD ID: {N10}",
        ..PARTS
    },
    salary: Parts {
        code: "ACH_CREDIT",
        text: "{D}    DIRECT DEP                 PPD ID: {N10}",
        ..PARTS
    },
    refund: Parts {
        code: "DEBIT_CARD",
        ..PARTS
    },
    ..PLAIN
};

/// Chase card (jmcameron/csv2qif test1.csv): `Sale`, `Payment`, `Return`.
const CHASE_CARD: Style = Style {
    card: Parts {
        booking: "Sale",
        ..PARTS
    },
    refund: Parts {
        booking: "Return",
        ..PARTS
    },
    payment: Parts {
        booking: "Payment",
        ..PARTS
    },
    ..PLAIN
};

/// Schwab (csv2ofx schwab-checking*.csv, jbms/beancount-import EAC_Checking…CSV): type codes.
const SCHWAB: Style = Style {
    card: Parts {
        code: "VISA",
        ..PARTS
    },
    debit: Parts {
        code: "ACH",
        ..PARTS
    },
    standing: Parts {
        code: "ACH",
        ..PARTS
    },
    salary: Parts {
        code: "ACH",
        ..PARTS
    },
    refund: Parts {
        code: "VISA",
        ..PARTS
    },
    ..PLAIN
};

/// ING Netherlands (gpaulissen/ofxstatement-dutch ing_ok.csv): code + `MutatieSoort`, details
/// in `Mededelingen` (`Naam: … Omschrijving: … IBAN: … Valutadatum: …`).
const ING_NL: Style = Style {
    card: Parts {
        code: "BA",
        booking: "Betaalautomaat",
        purpose: "Pasvolgnr: 001 {DMYD} {HM} Transactie: {REF} Term: {REF} Valutadatum: {DMYD}",
        ..PARTS
    },
    debit: Parts {
        code: "IC",
        booking: "Incasso",
        purpose: "Naam: {D} Omschrijving: Factuur {YM} IBAN: {IBAN} Kenmerk: {N12} Machtiging ID: {REF} Incassant ID: NL{N2}ZZZ{N12} Doorlopende incasso Valutadatum: {DMYD}",
        ..PARTS
    },
    standing: Parts {
        code: "GT",
        booking: "Online bankieren",
        purpose: "Naam: {D} Omschrijving: Huur {YM} IBAN: {IBAN} Valutadatum: {DMYD}",
        ..PARTS
    },
    salary: Parts {
        code: "OV",
        booking: "Overschrijving",
        purpose: "Naam: {D} Omschrijving: Salaris {YM} IBAN: {IBAN} Valutadatum: {DMYD}",
        ..PARTS
    },
    refund: Parts {
        code: "BA",
        booking: "Betaalautomaat",
        purpose: "Pasvolgnr: 001 {DMYD} {HM} Terugboeking Valutadatum: {DMYD}",
        ..PARTS
    },
    payment: PARTS,
    wallet: Some(Parts {
        counterparty: "PayPal Europe S.a.r.l. et Cie S.C.A",
        code: "IC",
        booking: "Incasso",
        purpose: "Naam: PayPal Europe S.a.r.l. et Cie S.C.A Omschrijving: {N13} PAYPAL {M} IBAN: LU{N18} Kenmerk: {N13} Machtiging ID: {REF} Incassant ID: LU96ZZZ0000000000000000058 Doorlopende incasso Valutadatum: {DMYD}",
        text: "",
    }),
};

/// Rabobank (bank2ynab test-data CSV_A_20180414_112204.csv): lower-case codes `bc`, `ei`, `bg`.
const RABO: Style = Style {
    card: Parts {
        code: "bc",
        purpose: "Betaalautomaat {HM} pasnr. 021",
        ..PARTS
    },
    debit: Parts {
        code: "ei",
        purpose: "Factuur {YM} klantnummer {N9}",
        ..PARTS
    },
    standing: Parts {
        code: "bg",
        purpose: "Huur {YM}",
        ..PARTS
    },
    salary: Parts {
        code: "cb",
        purpose: "Salaris {YM}",
        ..PARTS
    },
    refund: Parts {
        code: "bc",
        purpose: "Terugboeking betaalautomaat",
        ..PARTS
    },
    payment: PARTS,
    wallet: Some(Parts {
        counterparty: "PayPal Europe S.a.r.l. et Cie S.C.A",
        code: "ei",
        purpose: "{N13} PAYPAL {M}",
        booking: "",
        text: "",
    }),
};

/// bunq (bank2ynab test-data 2019-03-02_11-50-46_bunq-statement.csv): merchant in `Name`,
/// the card line with place and country in `Description`.
const BUNQ: Style = Style {
    card: Parts {
        purpose: "{D}, NL",
        ..PARTS
    },
    debit: Parts {
        purpose: "Factuur {YM} {N9}",
        ..PARTS
    },
    standing: Parts {
        purpose: "Huur {YM}",
        ..PARTS
    },
    salary: Parts {
        purpose: "Salaris {YM}",
        ..PARTS
    },
    refund: Parts {
        purpose: "Refund: {D}",
        ..PARTS
    },
    ..PLAIN
};

/// ASN Bank (gpaulissen/ofxstatement-dutch transactie-historie_…csv): global codes, the
/// description in single quotes.
const ASN: Style = Style {
    card: Parts {
        // Card rows name no counterparty account holder; the merchant is in the description.
        counterparty: "",
        code: "BEA",
        purpose: "'{D} {DMYD} {HM} PASNR. 003'",
        ..PARTS
    },
    debit: Parts {
        code: "EIC",
        purpose: "'{N16} ABONNR {N8} {D} VANAF {DMYS}'",
        ..PARTS
    },
    standing: Parts {
        code: "NGI",
        purpose: "'Huur {YM}'",
        ..PARTS
    },
    salary: Parts {
        code: "OVS",
        purpose: "'SALARIS {YM}'",
        ..PARTS
    },
    refund: Parts {
        code: "BEA",
        purpose: "'TERUGBOEKING {D}'",
        ..PARTS
    },
    ..PLAIN
};

/// KBC (bank2ynab test-data export_BE…csv): card rows name the merchant only in `Omschrijving`.
const KBC: Style = Style {
    card: Parts {
        counterparty: "",
        text: "BETALING MET DEBETKAART NUMMER 4871 04XX XXXX 1234 {D} {DM}",
        ..PARTS
    },
    debit: Parts {
        text: "EUROPESE DOMICILIERING VAN {D}",
        purpose: "FACTUUR {YM} {N9}",
        ..PARTS
    },
    standing: Parts {
        text: "DOORLOPENDE OPDRACHT NAAR {D}",
        purpose: "HUUR {YM}",
        ..PARTS
    },
    salary: Parts {
        text: "OVERSCHRIJVING VAN {D}",
        purpose: "LOON {YM}",
        ..PARTS
    },
    refund: Parts {
        counterparty: "",
        text: "TERUGBETALING DEBETKAART {D} {DM}",
        ..PARTS
    },
    ..PLAIN
};

/// BNP Paribas Fortis (wimverstuyf/php-belgianbankstatement-parser sample1.csv).
const BNP: Style = Style {
    card: Parts {
        booking: "Betaling met bankkaart",
        code: "BETALING MET BANKKAART",
        purpose: "{N9}",
        text: "MET KAART 2131 02XX XXXX X318 2 {D} {DMYD} VALUTADATUM : {DMYS}",
        ..PARTS
    },
    debit: Parts {
        booking: "Europese domiciliëring",
        code: "{IBAN}",
        purpose: "{N12}",
        text: "{IBAN} BIC GEBABEBB EUROPESE DOMICILIERING {D} MEDEDELING : FACTUUR {YM} VALUTADATUM : {DMYS}",
        ..PARTS
    },
    standing: Parts {
        booking: "Doorlopende opdracht",
        code: "{IBAN}",
        purpose: "huur {YM}",
        text: "{IBAN} BIC GKCCBEBB VIA PC BANKING MEDEDELING : huur {YM} VALUTADATUM : {DMYS}",
        ..PARTS
    },
    salary: Parts {
        booking: "Overschrijving in euro",
        code: "{IBAN}",
        purpose: "loon {YM}",
        text: "{IBAN} BIC GEBABEBB MEDEDELING : loon {YM} VALUTADATUM : {DMYS}",
        ..PARTS
    },
    refund: Parts {
        booking: "Terugbetaling",
        code: "TERUGBETALING",
        purpose: "{N9}",
        text: "MET KAART 2131 02XX XXXX X318 2 {D} {DMYD} VALUTADATUM : {DMYS}",
        ..PARTS
    },
    ..PLAIN
};

/// Belfius (wimverstuyf/php-belgianbankstatement-parser sample6_belfius.csv).
const BELFIUS: Style = Style {
    card: Parts {
        text: "AANKOOP BANCONTACT CONTACTLESS MET KAART NR 6703 XXXX XXXX 1234 - {D} OP {DMYD} REF. : {N9} VAL. {DM}",
        ..PARTS
    },
    debit: Parts {
        text: "EUROPESE DOMICILIERING VAN {D} REF. : {N12} VAL. {DM}",
        purpose: "FACTUUR {YM}",
        ..PARTS
    },
    standing: Parts {
        text: "DOORLOPENDE BETALINGSOPDRACHT NAAR {IBAN} {D} REF. : {N12} VAL. {DM}",
        purpose: "HUUR {YM}",
        ..PARTS
    },
    salary: Parts {
        text: "STORTING VAN {IBAN} {D} /A/ Loon / wedde REF. : {N9} VAL. {DM}",
        purpose: "/A/ Loon / wedde",
        ..PARTS
    },
    ..PLAIN
};

/// Triodos Belgium (wimverstuyf/php-belgianbankstatement-parser sample9_triodos.csv): SEPA codes.
const TRIODOS_BE: Style = Style {
    card: Parts {
        code: "BCC",
        purpose: "{D} {DMYD} {HM}",
        ..PARTS
    },
    debit: Parts {
        code: "SDD",
        purpose: "{N3}/{N4}/{N5}",
        ..PARTS
    },
    standing: Parts {
        code: "SCT",
        purpose: "Huur {YM}",
        ..PARTS
    },
    salary: Parts {
        code: "SCT",
        purpose: "Loon {YM}",
        ..PARTS
    },
    refund: Parts {
        code: "BCC",
        purpose: "Terugbetaling {D}",
        ..PARTS
    },
    ..PLAIN
};

/// Crelan (wimverstuyf/php-belgianbankstatement-parser sample10_crelan.csv), French.
const CRELAN: Style = Style {
    card: Parts {
        booking: "Paiement Bancontact contactless",
        purpose: "{D} {DMYD} {HM} 123456******1234",
        ..PARTS
    },
    debit: Parts {
        booking: "Domiciliation",
        purpose: "Facture {YM} {N9}",
        ..PARTS
    },
    standing: Parts {
        booking: "Ordre permanent",
        purpose: "Loyer {YM}",
        ..PARTS
    },
    salary: Parts {
        booking: "Virement en votre faveur",
        purpose: "Salaire {YM}",
        ..PARTS
    },
    refund: Parts {
        booking: "Remboursement Bancontact",
        purpose: "{D} {DMYD}",
        ..PARTS
    },
    ..PLAIN
};

/// Triodos Netherlands (hledger examples/csv/banking/triodos.rules): transaction types.
const TRIODOS_NL: Style = Style {
    card: Parts {
        code: "BA",
        purpose: "Betaalautomaat {DMYD} {HM}",
        ..PARTS
    },
    debit: Parts {
        code: "IC",
        purpose: "Factuur {YM} {N9}",
        ..PARTS
    },
    standing: Parts {
        code: "OV",
        purpose: "Huur {YM}",
        ..PARTS
    },
    salary: Parts {
        code: "OV",
        purpose: "Salaris {YM}",
        ..PARTS
    },
    ..PLAIN
};

/// Knab (bank2ynab.conf NL KNAB): `Betaalwijze` and `Type betaling`.
const KNAB: Style = Style {
    card: Parts {
        booking: "Betaalautomaat",
        code: "Betaling",
        purpose: "{D} {DMYD} {HM}",
        ..PARTS
    },
    debit: Parts {
        booking: "Incasso",
        code: "Incasso",
        purpose: "Factuur {YM} {N9}",
        ..PARTS
    },
    standing: Parts {
        booking: "Overboeking",
        code: "Periodieke overboeking",
        purpose: "Huur {YM}",
        ..PARTS
    },
    salary: Parts {
        booking: "Overboeking",
        code: "Ontvangen betaling",
        purpose: "Salaris {YM}",
        ..PARTS
    },
    ..PLAIN
};

/// Nordea Sweden (bank2ynab.conf SE Nordea netbank, hledger nordea.rules): card rows leave
/// `Namn` empty and put `Kortköp 200504 <merchant>` in `Rubrik`.
const NORDEA_SE: Style = Style {
    card: Parts {
        counterparty: "",
        purpose: "Kortköp {YYMMDD} {D}",
        ..PARTS
    },
    debit: Parts {
        purpose: "Autogiro {D}",
        ..PARTS
    },
    standing: Parts {
        purpose: "Betalning BG {N4}-{N4} {D}",
        ..PARTS
    },
    salary: Parts {
        purpose: "Lön {D}",
        ..PARTS
    },
    refund: Parts {
        counterparty: "",
        purpose: "Kortköp retur {YYMMDD} {D}",
        ..PARTS
    },
    ..PLAIN
};

const SWEDISH_TYPES: Style = Style {
    card: Parts {
        booking: "Kortköp",
        text: "{D}",
        ..PARTS
    },
    debit: Parts {
        booking: "Autogiro",
        ..PARTS
    },
    standing: Parts {
        booking: "Betalning",
        ..PARTS
    },
    salary: Parts {
        booking: "Insättning",
        ..PARTS
    },
    refund: Parts {
        booking: "Kortköp retur",
        ..PARTS
    },
    ..PLAIN
};

const SWEDISH_TEXT: Style = Style {
    card: Parts {
        text: "Kortköp {D}",
        ..PARTS
    },
    debit: Parts {
        text: "Autogiro {D}",
        ..PARTS
    },
    standing: Parts {
        text: "Swish {D}",
        ..PARTS
    },
    salary: Parts {
        text: "Lön {D}",
        ..PARTS
    },
    ..PLAIN
};

/// Swedbank Lithuania, English export (bank2ynab test-data test_swedebank_statement.xls).
const SWEDBANK_LT: Style = Style {
    card: Parts {
        code: "K",
        purpose: "PIRKINYS {N16} {ISO} {AMT} EUR ({N6}) {D}",
        ..PARTS
    },
    debit: Parts {
        code: "MK",
        purpose: "Invoice {YM} {N9}",
        ..PARTS
    },
    standing: Parts {
        code: "MK",
        purpose: "Rent {YM}",
        ..PARTS
    },
    salary: Parts {
        code: "MK",
        purpose: "Salary",
        ..PARTS
    },
    refund: Parts {
        code: "K",
        purpose: "GRAZINIMAS {ISO} {D}",
        ..PARTS
    },
    ..PLAIN
};

/// Raiffeisenbank Czech Republic (bank2ynab test-data Movements_…csv): `Jednorázová platba`.
const RAIFFEISEN_CZ: Style = Style {
    card: Parts {
        booking: "Platba kartou",
        purpose: "{D}",
        ..PARTS
    },
    debit: Parts {
        booking: "Inkaso",
        purpose: "Faktura {YM}",
        ..PARTS
    },
    standing: Parts {
        booking: "Trvalý příkaz",
        purpose: "Nájem {YM}",
        ..PARTS
    },
    salary: Parts {
        booking: "Příchozí platba",
        purpose: "Mzda {YM}",
        ..PARTS
    },
    refund: Parts {
        booking: "Platba kartou",
        purpose: "Vrácení {D}",
        ..PARTS
    },
    ..PLAIN
};

/// Česká spořitelna (bank2ynab test-data TH_…_page_1.csv): `Item` holds the kind of payment
/// (`PLATBA KARTOU  1234`, masked as `XXXXXX XXXXXX  1111` in the sample), `Bank account
/// details` the other party.
const CESKA: Style = Style {
    card: Parts {
        booking: "PLATBA KARTOU  {N4}",
        ..PARTS
    },
    debit: Parts {
        booking: "INKASO  {N4}",
        purpose: "FAKTURA {YM}",
        ..PARTS
    },
    standing: Parts {
        booking: "TRVALY PRIKAZ  {N4}",
        purpose: "NAJEM {YM}",
        ..PARTS
    },
    salary: Parts {
        booking: "PRICHOZI PLATBA  {N4}",
        purpose: "MZDA {YM}",
        ..PARTS
    },
    refund: Parts {
        booking: "PLATBA KARTOU  {N4}",
        ..PARTS
    },
    ..PLAIN
};

/// French banks: `CB` card rows, `PRLV SEPA` direct debits, `VIR SEPA` transfers.
const FRENCH: Style = Style {
    card: Parts {
        text: "CARTE {DMYS2} {D}",
        purpose: "CB {D}",
        ..PARTS
    },
    debit: Parts {
        text: "PRLV SEPA {D}",
        purpose: "ECH/{DMYS2} ID EMETTEUR/FR{N2}ZZZ{N6} MDT/{REF} REF/{N12}",
        ..PARTS
    },
    standing: Parts {
        text: "VIR PERMANENT {D}",
        purpose: "LOYER {YM}",
        ..PARTS
    },
    salary: Parts {
        text: "VIR SEPA {D}",
        purpose: "SALAIRE {YM}",
        ..PARTS
    },
    refund: Parts {
        text: "AVOIR CARTE {DMYS2} {D}",
        purpose: "CB {D}",
        ..PARTS
    },
    ..PLAIN
};

/// ING Spain (csv2ofx data/test/ingesp.csv): `Nomina recibida …`.
const ING_ES: Style = Style {
    card: Parts {
        text: "Pago en {D}",
        ..PARTS
    },
    debit: Parts {
        text: "Recibo {D}",
        ..PARTS
    },
    standing: Parts {
        text: "Transferencia emitida a {D}",
        ..PARTS
    },
    salary: Parts {
        text: "Nomina recibida {D}",
        ..PARTS
    },
    refund: Parts {
        text: "Devolución Tarjeta {D}",
        ..PARTS
    },
    ..PLAIN
};

/// Norma 43 common concepts: 12 cards, 03 direct debits, 04 transfers, 02 credits.
const CSB43: Style = Style {
    card: Parts {
        code: "12",
        ..PARTS
    },
    debit: Parts {
        code: "03",
        ..PARTS
    },
    standing: Parts {
        code: "04",
        ..PARTS
    },
    salary: Parts {
        code: "02",
        ..PARTS
    },
    refund: Parts {
        code: "12",
        ..PARTS
    },
    ..PLAIN
};

/// Revolut (mlaitinen/ofxstatement-revolut 2022-january.csv): `CARD_PAYMENT`, `To <name>`.
const REVOLUT: Style = Style {
    card: Parts {
        code: "CARD_PAYMENT",
        ..PARTS
    },
    debit: Parts {
        code: "CARD_PAYMENT",
        ..PARTS
    },
    standing: Parts {
        code: "TRANSFER",
        text: "To {D}",
        ..PARTS
    },
    salary: Parts {
        code: "TRANSFER",
        text: "Payment from {D}",
        ..PARTS
    },
    refund: Parts {
        code: "CARD_REFUND",
        ..PARTS
    },
    ..PLAIN
};

/// Wise statement export: `Card transaction of 15.49 EUR issued by <merchant>`.
const WISE: Style = Style {
    card: Parts {
        code: "CARD",
        text: "Card transaction of {AMT} EUR issued by {D}",
        ..PARTS
    },
    debit: Parts {
        code: "DIRECT_DEBIT",
        text: "Direct debit payment to {D}",
        purpose: "{REF}",
        ..PARTS
    },
    standing: Parts {
        code: "TRANSFER",
        text: "Sent money to {D}",
        purpose: "Rent {YM}",
        ..PARTS
    },
    salary: Parts {
        code: "TRANSFER",
        text: "Received money from {D} with reference Salary {YM}",
        purpose: "Salary {YM}",
        ..PARTS
    },
    refund: Parts {
        code: "CARD",
        text: "Card transaction refund from {D}",
        ..PARTS
    },
    ..PLAIN
};

// ---------------------------------------------------------------------------------------------
// The catalogue.
// ---------------------------------------------------------------------------------------------

pub static CATALOGUE: &[BankLayout] = &[
    // ---- Germany, Austria, Switzerland -------------------------------------------------------
    BankLayout {
        name: "de-ing",
        bank: "ING Deutschland, Girokonto Umsatzanzeige (with balance)",
        region: Region::Dach,
        source: "fabolhak/ofxstatement-de-ing test/test_with_saldo_1.csv @ 107839bad89cd4e8289732020b303a1ce716c85f (preamble, header, PayPal row); bank2ynab.conf [DE ING-DiBa] (13 header rows); VISA card purpose wording not in the sample",
        delimiter: ';',
        encoding: Enc::Cp1252,
        quoting: NEVER,
        preamble: &[
            "Umsatzanzeige;Datei erstellt am: {TO_DMY} 16:57",
            ";Letztes Update: aktuell",
            "",
            "IBAN;DE12 3456 7890 1234 5678 90",
            "Kontoname;Girokonto",
            "Bank;ING",
            "Kunde;Max Mustermann",
            "Zeitraum;{FROM_DMY} - {TO_DMY}",
            "Saldo;{BAL};EUR",
            "",
            "Sortierung;Datum absteigend",
            "",
            "In der CSV-Datei finden Sie alle bereits gebuchten Umsätze. Die vorgemerkten Umsätze werden nicht aufgenommen, auch wenn sie in Ihrem Internetbanking angezeigt werden.",
            "",
        ],
        header: Some("Buchung;Wertstellungsdatum;Auftraggeber/Empfänger;Buchungstext;Verwendungszweck;Saldo;Währung;Betrag;Währung"),
        columns: &[
            Col::Date("%d.%m.%Y"),
            Col::Posted("%d.%m.%Y"),
            Col::Counterparty,
            Col::Booking,
            Col::Purpose,
            Col::Balance,
            Col::Currency,
            Col::Amount,
            Col::Currency,
        ],
        num: COMMA_DOT,
        balance_num: COMMA_DOT,
        newest_first: true,
        style: &ING_DE,
        ..BASE
    },
    BankLayout {
        name: "de-ing-nobalance",
        bank: "ING Deutschland, Umsatzanzeige without the balance columns",
        region: Region::Dach,
        source: "fabolhak/ofxstatement-de-ing test/test_without_saldo_1.csv @ 107839bad89cd4e8289732020b303a1ce716c85f",
        delimiter: ';',
        encoding: Enc::Cp1252,
        quoting: NEVER,
        preamble: &[
            "Umsatzanzeige;Datei erstellt am: {TO_DMY} 16:57",
            ";Letztes Update: aktuell",
            "",
            "IBAN;DE12 3456 7890 1234 5678 90",
            "Kontoname;Girokonto",
            "Bank;ING",
            "Kunde;Max Mustermann",
            "Zeitraum;{FROM_DMY} - {TO_DMY}",
            "",
            "Sortierung;Datum absteigend",
            "",
            "In der CSV-Datei finden Sie alle bereits gebuchten Umsätze. Die vorgemerkten Umsätze werden nicht aufgenommen, auch wenn sie in Ihrem Internetbanking angezeigt werden.",
            "",
        ],
        header: Some("Buchung;Wertstellungsdatum;Auftraggeber/Empfänger;Buchungstext;Verwendungszweck;Betrag;Währung"),
        columns: &[
            Col::Date("%d.%m.%Y"),
            Col::Posted("%d.%m.%Y"),
            Col::Counterparty,
            Col::Booking,
            Col::Purpose,
            Col::Amount,
            Col::Currency,
        ],
        num: COMMA_DOT,
        balance_num: COMMA_DOT,
        newest_first: true,
        style: &ING_DE,
        ..BASE
    },
    BankLayout {
        name: "de-sparkasse-camt",
        bank: "Sparkasse, CSV-CAMT export",
        region: Region::Dach,
        source: "omarkohl/ofxstatement-sparkasse-freiburg tests/data/simple2.csv @ 9e3213ce80bd73084b233cea2b925fd0b93d3a04 (header, KARTENZAHLUNG purpose `…T17:47:21 Karte1 2018-11`, FOLGELASTSCHRIFT, DAUERAUFTRAG)",
        delimiter: ';',
        encoding: Enc::Cp1252,
        quoting: ALL_BUT_EMPTY,
        header: Some("\"Auftragskonto\";\"Buchungstag\";\"Valutadatum\";\"Buchungstext\";\"Verwendungszweck\";\"Glaeubiger ID\";\"Mandatsreferenz\";\"Kundenreferenz (End-to-End)\";\"Sammlerreferenz\";\"Lastschrift Ursprungsbetrag\";\"Auslagenersatz Ruecklastschrift\";\"Beguenstigter/Zahlungspflichtiger\";\"Kontonummer/IBAN\";\"BIC (SWIFT-Code)\";\"Betrag\";\"Waehrung\";\"Info\""),
        columns: &[
            Col::Lit("12345678"),
            Col::Date("%d.%m.%y"),
            Col::Posted("%d.%m.%y"),
            Col::Booking,
            Col::Purpose,
            Col::IfNotCard(&Col::Tpl("DE{N2}ZZZ{N11}")),
            Col::IfNotCard(&Col::Tpl("{N14}")),
            Col::Blank,
            Col::Blank,
            Col::Blank,
            Col::Blank,
            Col::Counterparty,
            Col::OtherIban,
            Col::Lit("ABCDABCD"),
            Col::Amount,
            Col::Currency,
            Col::Lit("Umsatz gebucht"),
        ],
        num: COMMA,
        balance_num: COMMA,
        newest_first: true,
        style: &SPARKASSE,
        ..BASE
    },
    BankLayout {
        name: "de-sparkasse-mt940",
        bank: "Sparkasse, CSV-MT940 export",
        region: Region::Dach,
        source: "nicolettas-muggelbude/RechnungsPilot vorlagen/bank-csv/sparkasse-lzo-mt940.csv @ cec3c176613e08d834e30a29ea71440ac68aff8f; bank2ynab test/test-data/20180226-1000594757-umsatz.CSV @ 3fbdbc51 (Ostseesparkasse)",
        delimiter: ';',
        encoding: Enc::Cp1252,
        quoting: ALL,
        header: Some("\"Auftragskonto\";\"Buchungstag\";\"Valutadatum\";\"Buchungstext\";\"Verwendungszweck\";\"Beguenstigter/Zahlungspflichtiger\";\"Kontonummer\";\"BLZ\";\"Betrag\";\"Waehrung\";\"Info\""),
        columns: &[
            Col::Lit("DE89370400440532013000"),
            Col::Date("%d.%m.%y"),
            Col::Posted("%d.%m.%y"),
            Col::Booking,
            Col::Purpose,
            Col::Counterparty,
            Col::OtherIban,
            Col::Lit("SLZODE2XXXX"),
            Col::Amount,
            Col::Currency,
            Col::Lit("Umsatz gebucht"),
        ],
        num: COMMA,
        balance_num: COMMA,
        newest_first: true,
        style: &SPARKASSE,
        ..BASE
    },
    BankLayout {
        name: "de-dkb",
        bank: "DKB Deutsche Kreditbank, Girokonto (2023 format)",
        region: Region::Dach,
        source: "nicolettas-muggelbude/RechnungsPilot vorlagen/bank-csv/dkb.csv @ cec3c176613e08d834e30a29ea71440ac68aff8f (preamble, header, Ausgang/Eingang, amounts `-62,3`); Firefly III de/dkb/csv-giro.json @ 50adfe7c; the `Debitk.` card purpose is not in the sample",
        delimiter: ';',
        encoding: Enc::Utf8Bom,
        quoting: ALL,
        preamble: &[
            "\"Girokonto\";\"DE42120300001033738756\"",
            "",
            "\"Kontostand vom {TO_DMY}:\";\"{BAL}\u{a0}€\"",
            "\"\"",
        ],
        header: Some("\"Buchungsdatum\";\"Wertstellung\";\"Status\";\"Zahlungspflichtige*r\";\"Zahlungsempfänger*in\";\"Verwendungszweck\";\"Umsatztyp\";\"IBAN\";\"Betrag (€)\";\"Gläubiger-ID\";\"Mandatsreferenz\";\"Kundenreferenz\""),
        columns: &[
            Col::Date("%d.%m.%y"),
            Col::Posted("%d.%m.%y"),
            Col::Lit("Gebucht"),
            Col::Payer,
            Col::Payee,
            Col::Purpose,
            Col::Booking,
            Col::OtherIban,
            Col::Amount,
            Col::Blank,
            Col::Blank,
            Col::Blank,
        ],
        num: Num {
            minimal: Minimal::Trim,
            ..COMMA
        },
        balance_num: COMMA_DOT,
        newest_first: true,
        style: &DKB,
        holder: "Max Mustermann",
        ..BASE
    },
    BankLayout {
        name: "de-vr-atruvia",
        bank: "Volksbanken Raiffeisenbanken (Atruvia export, VR-Teilhaberbank)",
        region: Region::Dach,
        source: "nicolettas-muggelbude/RechnungsPilot vorlagen/bank-csv/vr-teilhaberbank.csv @ cec3c176613e08d834e30a29ea71440ac68aff8f (header, Basislastschrift, PayPal Europe row); Firefly III de/volksbank/stuttgart/import.json @ 50adfe7c",
        delimiter: ';',
        encoding: Enc::Utf8Bom,
        quoting: NEVER,
        header: Some("Bezeichnung Auftragskonto;IBAN Auftragskonto;BIC Auftragskonto;Bankname Auftragskonto;Buchungstag;Valutadatum;Name Zahlungsbeteiligter;IBAN Zahlungsbeteiligter;BIC (SWIFT-Code) Zahlungsbeteiligter;Buchungstext;Verwendungszweck;Betrag;Waehrung;Saldo nach Buchung;Bemerkung;Gekennzeichneter Umsatz;Glaeubiger ID;Mandatsreferenz"),
        columns: &[
            Col::Lit("GiroKonto Online"),
            Col::Lit("DE89370400440532013000"),
            Col::Lit("GENODEF1NEA"),
            Col::Lit("VR Bank"),
            Col::Date("%d.%m.%Y"),
            Col::Posted("%d.%m.%Y"),
            Col::Counterparty,
            Col::OtherIban,
            Col::IfNotCard(&Col::Lit("GENODEF1S05")),
            Col::Booking,
            Col::Purpose,
            Col::Amount,
            Col::Currency,
            Col::Balance,
            Col::Blank,
            Col::Blank,
            Col::Blank,
            Col::Blank,
        ],
        num: COMMA,
        balance_num: COMMA,
        newest_first: true,
        style: &VR,
        ..BASE
    },
    BankLayout {
        name: "de-commerzbank",
        bank: "Commerzbank (2024 format)",
        region: Region::Dach,
        source: "nicolettas-muggelbude/RechnungsPilot vorlagen/bank-csv/commerzbank.csv @ cec3c176613e08d834e30a29ea71440ac68aff8f (header, one Buchungstext with SEPA references, amounts `-10,7`, a zero-amount Rechnungsabschluss row)",
        delimiter: ';',
        encoding: Enc::Utf8Bom,
        quoting: NEVER,
        header: Some("Buchungstag;Wertstellung;Umsatzart;Buchungstext;Betrag;Währung;IBAN Kontoinhaber;Kategorie"),
        columns: &[
            Col::Date("%d.%m.%Y"),
            Col::Posted("%d.%m.%Y"),
            Col::Booking,
            Col::Text,
            Col::Amount,
            Col::Currency,
            Col::Lit("DE79500400000123456700"),
            Col::Blank,
        ],
        num: Num {
            minimal: Minimal::Trim,
            ..COMMA
        },
        balance_num: COMMA,
        style: &COMMERZ,
        notice: Some(Parts {
            booking: "Zinsen/Entgelte",
            text: "Rechnungsabschluss Konto  123456700 EUR BLZ   500 400 00 vom {FIRST} bis {DMY} w/ Genehmigung des Abschlusses",
            ..PARTS
        }),
        ..BASE
    },
    BankLayout {
        name: "de-commerzbank-2018",
        bank: "Commerzbank (2018 format)",
        region: Region::Dach,
        source: "bank2ynab test/test-data/Umsaetze_KtoNr538917600_EUR_02-03-2018_1503.CSV @ 3fbdbc51f31c6130edbecaf22f7e24757154f830 (header, `Kartenzahlung REWE SAGT DANKE. 41400673//Hamburg 2018-03-01T11:33:59 KFN 1 VJ 1812` under Umsatzart Lastschrift)",
        delimiter: ';',
        quoting: TEXT,
        header: Some("Buchungstag;Wertstellung;Umsatzart;Buchungstext;Betrag;Währung;Auftraggeberkonto;Bankleitzahl Auftraggeberkonto;IBAN Auftraggeberkonto"),
        columns: &[
            Col::Date("%d.%m.%Y"),
            Col::Posted("%d.%m.%Y"),
            Col::Booking,
            Col::Text,
            Col::Amount,
            Col::Currency,
            Col::Lit("538917600"),
            Col::Lit("20040000"),
            Col::Lit("DE44200400000538917600"),
        ],
        num: COMMA,
        balance_num: COMMA,
        newest_first: true,
        style: &COMMERZ,
        ..BASE
    },
    BankLayout {
        name: "de-targobank",
        bank: "TARGOBANK (no header)",
        region: Region::Dach,
        source: "nicolettas-muggelbude/RechnungsPilot vorlagen/bank-csv/targobank-duesseldorf.csv @ cec3c176613e08d834e30a29ea71440ac68aff8f (no header; money out signed in column 3, money in in column 4; `Kartenzahlung   SCORE-SB-STATION …`)",
        delimiter: ';',
        quoting: NEVER,
        columns: &[
            Col::Date("%d.%m.%Y"),
            Col::Text,
            Col::DebitNeg,
            Col::Credit,
            Col::Blank,
            Col::Blank,
            Col::Lit("'DE67000000000000000000'"),
        ],
        num: COMMA,
        balance_num: COMMA,
        style: &TARGO,
        ..BASE
    },
    BankLayout {
        name: "de-gls",
        bank: "GLS Bank (purpose over 14 VWZ columns)",
        region: Region::Dach,
        source: "reubano/csv2ofx data/test/gls.csv @ 675a4417c49e126b6dfd71078111ac1c9f198a16 (header, `\"SEPA-Basislastschrift\"` quoted alone, balance `1.234,56`); csv2ofx mappings/gls.py",
        delimiter: ';',
        encoding: Enc::Cp1252,
        quoting: Quoting {
            booking: true,
            ..NEVER
        },
        header: Some("Kontonummer;Buchungstag;Wertstellung;Auftraggeber/Empfänger;Buchungstext;VWZ1;VWZ2;VWZ3;VWZ4;VWZ5;VWZ6;VWZ7;VWZ8;VWZ9;VWZ10;VWZ11;VWZ12;VWZ13;VWZ14;Betrag;Kontostand;Währung"),
        columns: &[
            Col::Lit("1234567890"),
            Col::Date("%d.%m.%Y"),
            Col::Posted("%d.%m.%Y"),
            Col::Counterparty,
            Col::Booking,
            Col::PurposeLine(0),
            Col::PurposeLine(1),
            Col::PurposeLine(2),
            Col::PurposeLine(3),
            Col::PurposeLine(4),
            Col::PurposeLine(5),
            Col::PurposeLine(6),
            Col::PurposeLine(7),
            Col::PurposeLine(8),
            Col::PurposeLine(9),
            Col::PurposeLine(10),
            Col::PurposeLine(11),
            Col::PurposeLine(12),
            Col::PurposeLine(13),
            Col::Amount,
            Col::Balance,
            Col::Currency,
        ],
        num: COMMA_DOT,
        balance_num: COMMA_DOT,
        style: &GLS,
        ..BASE
    },
    BankLayout {
        name: "de-n26-2017",
        bank: "N26, German export (2017)",
        region: Region::Dach,
        neobank: true,
        source: "bank2ynab test/test-data/20171001-20171106.csv @ 3fbdbc51f31c6130edbecaf22f7e24757154f830 (header, `MasterCard Zahlung`); hledger examples/csv/banking/n26-main.rules @ 2b28a75d",
        header: Some("Datum,Empfänger,Kontonummer,Transaktionstyp,Verwendungszweck,Kategorie,Betrag (EUR),Betrag (Fremdwährung),Fremdwährung,Wechselkurs"),
        columns: &[
            Col::Date("%Y-%m-%d"),
            Col::Counterparty,
            Col::OtherIban,
            Col::Booking,
            Col::Purpose,
            Col::Blank,
            Col::Amount,
            Col::Amount,
            Col::Currency,
            Col::Lit("1.0"),
        ],
        style: &N26_DE,
        ..BASE
    },
    BankLayout {
        name: "de-n26",
        bank: "N26 (2020+ export)",
        region: Region::Dach,
        neobank: true,
        source: "c-vigo/beancount-importers tests/n26/N26_Sample.csv @ a7b9190209391b2152cef9016c9ff3d388407661 (header, `Presentment`, empty Partner Iban on card rows); reubano/csv2ofx data/test/n26-fr.csv @ 675a4417",
        quoting: TEXT,
        header: Some("\"Booking Date\",\"Value Date\",\"Partner Name\",\"Partner Iban\",Type,\"Payment Reference\",\"Account Name\",\"Amount (EUR)\",\"Original Amount\",\"Original Currency\",\"Exchange Rate\""),
        columns: &[
            Col::Date("%Y-%m-%d"),
            Col::Posted("%Y-%m-%d"),
            Col::Counterparty,
            Col::OtherIban,
            Col::Booking,
            Col::Purpose,
            Col::Lit("Main Account"),
            Col::Amount,
            Col::IfCard(&Col::Unsigned),
            Col::IfCard(&Col::Currency),
            Col::IfCard(&Col::Lit("1")),
        ],
        style: &N26_EN,
        ..BASE
    },
    BankLayout {
        name: "de-sparkasse-creditcard",
        bank: "Ostseesparkasse Rostock, credit card",
        region: Region::Dach,
        source: "bank2ynab test/test-data/umsatz-1234________1234-20180227.CSV @ 3fbdbc51f31c6130edbecaf22f7e24757154f830 (header, all fields quoted, purchases negative)",
        delimiter: ';',
        encoding: Enc::Cp1252,
        quoting: ALL,
        header: Some("\"Umsatz getätigt von\";\"Belegdatum\";\"Buchungsdatum\";\"Originalbetrag\";\"Originalwährung\";\"Umrechnungskurs\";\"Buchungsbetrag\";\"Buchungswährung\";\"Transaktionsbeschreibung\";\"Transaktionsbeschreibung Zusatz\";\"Buchungsreferenz\";\"Gebührenschlüssel\";\"Länderkennzeichen\";\"BAR-Entgelt+Buchungsreferenz\";\"AEE+Buchungsreferenz\";\"Abrechnungskennzeichen\""),
        columns: &[
            Col::Lit("51_5 4400 7700 9222443"),
            Col::Date("%d.%m.%y"),
            Col::Posted("%d.%m.%y"),
            Col::Amount,
            Col::Currency,
            Col::Lit("1,00"),
            Col::Amount,
            Col::Currency,
            Col::Text,
            Col::Blank,
            Col::Tpl("{N11}"),
            Col::Blank,
            Col::Blank,
            Col::Blank,
            Col::Blank,
            Col::Lit("201800000"),
        ],
        num: COMMA,
        balance_num: COMMA,
        card: true,
        ..BASE
    },
    BankLayout {
        name: "at-easybank",
        bank: "easybank (Austria), giro account (no header)",
        region: Region::Dach,
        source: "nblock/ofxstatement-austrian src/ofxstatement/plugins/tests/samples/easybank-giro.csv @ 5ab80683ff76d6627de3d14f83a14e76467bce13 (no header, CRLF, `+12,10`, padded booking text with `OG/000000004`); bank2ynab.conf [AT easybank]",
        delimiter: ';',
        encoding: Enc::Cp1252,
        quoting: NEVER,
        line_end: "\r\n",
        columns: &[
            Col::Lit("AT123456789012345678"),
            Col::Text,
            Col::Posted("%d.%m.%Y"),
            Col::Date("%d.%m.%Y"),
            Col::Amount,
            Col::Currency,
        ],
        num: Num {
            plus: true,
            ..COMMA_DOT
        },
        balance_num: COMMA_DOT,
        style: &EASYBANK,
        ..BASE
    },
    BankLayout {
        name: "at-raiffeisen-elba",
        bank: "Raiffeisen Austria, ELBA export (no header)",
        region: Region::Dach,
        source: "bank2ynab test/test-data/test_raiffeisen_01.csv @ 3fbdbc51f31c6130edbecaf22f7e24757154f830 (no header, text quoted, booking date then value date); bank2ynab.conf [AT Raiffeisen Bank 2018]",
        delimiter: ';',
        quoting: TEXT,
        columns: &[
            Col::Posted("%d.%m.%Y"),
            Col::Text,
            Col::Date("%d.%m.%Y"),
            Col::Amount,
            Col::Currency,
            Col::Blank,
            Col::Blank,
        ],
        num: COMMA_DOT,
        balance_num: COMMA_DOT,
        style: &ELBA,
        ..BASE
    },
    BankLayout {
        name: "at-oberbank",
        bank: "Oberbank (Austria)",
        region: Region::Dach,
        source: "nblock/ofxstatement-austrian src/ofxstatement/plugins/tests/samples/oberbank.csv @ 5ab80683ff76d6627de3d14f83a14e76467bce13 (header, payer and payee columns, comma-joined Text)",
        delimiter: ';',
        encoding: Enc::Cp1252,
        quoting: NEVER,
        header: Some("Buchungsdatum;Wertstellung;Betrag;Währung;Auftraggebername;Auftraggeber IBAN/Kto.Nr.;Auftraggeber BIC/BLZ;Empfängername;Empfänger IBAN/Kto.Nr.;Empfänger BIC/BLZ;Text;Verwendungszweck"),
        columns: &[
            Col::Date("%d.%m.%Y"),
            Col::Posted("%d.%m.%Y"),
            Col::Amount,
            Col::Currency,
            Col::IfNotCard(&Col::Payer),
            Col::IfNotCard(&Col::PayerAcct),
            Col::Blank,
            Col::IfNotCard(&Col::Payee),
            Col::IfNotCard(&Col::PayeeAcct),
            Col::Blank,
            Col::Text,
            Col::Purpose,
        ],
        num: COMMA_DOT,
        balance_num: COMMA_DOT,
        style: &OBERBANK,
        own_account: "AT022050302101023600",
        ..BASE
    },
    BankLayout {
        name: "at-ing",
        bank: "ING-DiBa Austria (Soll/Haben columns)",
        region: Region::Dach,
        source: "nblock/ofxstatement-austrian src/ofxstatement/plugins/tests/samples/ing-diba.csv @ 5ab80683ff76d6627de3d14f83a14e76467bce13 (header, `0,00` in the unused Soll/Haben column)",
        delimiter: ';',
        encoding: Enc::Cp1252,
        quoting: NEVER,
        header: Some("Kontonummer;Text;Datum;Währung;Soll;Haben"),
        columns: &[
            Col::Lit("12345678001"),
            Col::Text,
            Col::Date("%d.%m.%Y"),
            Col::Currency,
            Col::Debit,
            Col::Credit,
        ],
        num: COMMA_DOT,
        balance_num: COMMA_DOT,
        empty_money: "0,00",
        ..BASE
    },
    BankLayout {
        name: "ch-zkb",
        bank: "Zürcher Kantonalbank",
        region: Region::Dach,
        source: "c-vigo/beancount-importers tests/zkb/ZKB_Sample.csv @ a7b9190209391b2152cef9016c9ff3d388407661 (BOM, header, `Debit TWINT: …`, `Debit eBill: …`, Debit/Credit CHF)",
        delimiter: ';',
        encoding: Enc::Utf8Bom,
        quoting: ALL,
        header: Some("\"Date\";\"Booking text\";\"Curr\";\"Amount details\";\"ZKB reference\";\"Reference number\";\"Debit CHF\";\"Credit CHF\";\"Value date\";\"Balance CHF\";\"Payment purpose\";\"Details\""),
        columns: &[
            Col::Date("%d.%m.%Y"),
            Col::Text,
            Col::Blank,
            Col::Blank,
            Col::Tpl("Z{N6}"),
            Col::Blank,
            Col::Debit,
            Col::Credit,
            Col::Posted("%d.%m.%Y"),
            Col::Balance,
            Col::Purpose,
            Col::Counterparty,
        ],
        currency: "CHF",
        style: &ZKB,
        ..BASE
    },
    BankLayout {
        name: "ch-ubs-fr",
        bank: "UBS Switzerland, French-language export",
        region: Region::Dach,
        source: "reubano/csv2ofx data/test/ubs-ch-fr_trimmed.csv @ 675a4417c49e126b6dfd71078111ac1c9f198a16 (header, balance `11'373.94`, Débit/Crédit); booking phrases for card and LSV+ rows are not in the sample",
        delimiter: ';',
        quoting: NEVER,
        header: Some("Produit;Monn.;Description;Date de valeur;Description 1;Description 2;Description 3;N° de transaction;Débit;Crédit;Solde"),
        columns: &[
            Col::Lit("0123 45678901.23A"),
            Col::Currency,
            Col::Lit("Compte personnel UBS"),
            Col::Date("%d.%m.%Y"),
            Col::Booking,
            Col::Counterparty,
            Col::Purpose,
            Col::Tpl("{N7}TI{N7}"),
            Col::Debit,
            Col::Credit,
            Col::Balance,
        ],
        balance_num: Num {
            thousands: Some('\''),
            ..DOT
        },
        newest_first: true,
        currency: "CHF",
        style: &UBS_FR,
        ..BASE
    },
    BankLayout {
        name: "ch-neon",
        bank: "Neon (Swiss neobank), monthly account statement",
        region: Region::Dach,
        neobank: true,
        source: "c-vigo/beancount-importers tests/neon/Neon_Sample.csv @ a7b9190209391b2152cef9016c9ff3d388407661; bank2ynab.conf [CH Neon Monthly Account Statement]",
        delimiter: ';',
        quoting: ALL,
        header: Some("\"Date\";\"Amount\";\"Original amount\";\"Original currency\";\"Exchange rate\";\"Description\";\"Subject\";\"Category\";\"Tags\";\"Wise\";\"Spaces\""),
        columns: &[
            Col::Date("%Y-%m-%d"),
            Col::Amount,
            Col::Blank,
            Col::Blank,
            Col::Blank,
            Col::Counterparty,
            Col::Purpose,
            Col::Lit("finances"),
            Col::Blank,
            Col::Lit("no"),
            Col::Lit("no"),
        ],
        newest_first: true,
        currency: "CHF",
        style: &NEON,
        ..BASE
    },
    // ---- United Kingdom, Ireland -------------------------------------------------------------
    BankLayout {
        name: "uk-lloyds",
        bank: "Lloyds Bank (unquoted: a comma in a name splits the field)",
        region: Region::UkIe,
        source: "Metasaura/ofxstatement-lloyds tests/sample-statement.csv @ bd7491d2e221666a8dd95901acdceac8537e073d (header with trailing comma, no quoting, DEB/DD/BGC codes, `CD 1417`); Firefly III gb/lloyds/default.json @ 50adfe7c",
        quoting: NEVER,
        header: Some("Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount,Balance,"),
        columns: &[
            Col::Date("%d/%m/%Y"),
            Col::Code,
            Col::Lit("'99-88-74"),
            Col::Lit("1515152252"),
            Col::Text,
            Col::Debit,
            Col::Credit,
            Col::Balance,
        ],
        newest_first: true,
        currency: "GBP",
        style: &LLOYDS,
        holder: "J SMITH",
        ..BASE
    },
    BankLayout {
        name: "uk-nationwide",
        bank: "Nationwide Building Society, statement CSV",
        region: Region::UkIe,
        source: "WillOnGit/nationwide-transaction-parser fixtures/statement-with-interest.csv @ 50cb87126eda7c90d3e0ef597ee567672278d4a3 (preamble, header, `13 May 2025`, `£30.00`, `Direct debit ABC WATER BILL`)",
        quoting: ALL,
        preamble: &[
            "\"Account Name:\",\"Foo current ****12345\"",
            "\"Account Balance:\",\"£{BAL}\"",
            "\"Available Balance: \",\"£{BAL}\"",
            "",
        ],
        header: Some("\"Date\",\"Transaction type\",\"Description\",\"Paid out\",\"Paid in\",\"Balance\""),
        columns: &[
            Col::Date("%d %b %Y"),
            Col::Booking,
            Col::Counterparty,
            Col::Debit,
            Col::Credit,
            Col::Balance,
        ],
        num: Num {
            symbol: "£",
            ..DOT_COMMA
        },
        balance_num: Num {
            symbol: "£",
            ..DOT_COMMA
        },
        currency: "GBP",
        style: &NATIONWIDE,
        holder: "J SMITH",
        ..BASE
    },
    BankLayout {
        name: "uk-nationwide-midata",
        bank: "Nationwide Building Society, midata CSV",
        region: Region::UkIe,
        source: "WillOnGit/nationwide-transaction-parser fixtures/test-midata.csv @ 50cb87126eda7c90d3e0ef597ee567672278d4a3 (preamble, header, `-£52.00`)",
        quoting: ALL,
        preamble: &["\"Account Number:\",\"****12345\"", ""],
        header: Some("\"Date\",\"Type\",\"Merchant/Description\",\"Debit/Credit\",\"Balance\""),
        columns: &[
            Col::Date("%d/%m/%Y"),
            Col::Booking,
            Col::Counterparty,
            Col::Amount,
            Col::Balance,
        ],
        num: Num {
            symbol: "£",
            ..DOT_COMMA
        },
        balance_num: Num {
            symbol: "£",
            ..DOT_COMMA
        },
        newest_first: true,
        currency: "GBP",
        style: &NATIONWIDE_MIDATA,
        holder: "J SMITH",
        ..BASE
    },
    BankLayout {
        name: "uk-monzo",
        bank: "Monzo (2024 export)",
        region: Region::UkIe,
        neobank: true,
        source: "simonmichael/hledger examples/csv/banking/monzo.csv.rules @ 2b28a75dcc78af2fe1e1e1d26d1d08158b9091f3 (header and sample row in its comments: `Card payment`, Name and raw Description, Money Out `-13.75`)",
        header: Some("Transaction ID,Date,Time,Type,Name,Emoji,Category,Amount,Currency,Local amount,Local currency,Notes and #tags,Address,Receipt,Description,Category split,Money Out,Money In,Balance,Balance currency"),
        columns: &[
            Col::Tpl("tx_0000{REF}{N6}"),
            Col::Date("%d/%m/%Y"),
            Col::Date("%H:%M:%S"),
            Col::Booking,
            Col::Counterparty,
            Col::Blank,
            Col::Lit("General"),
            Col::Amount,
            Col::Currency,
            Col::Amount,
            Col::Currency,
            Col::Blank,
            Col::Blank,
            Col::Blank,
            Col::Text,
            Col::Blank,
            Col::DebitNeg,
            Col::Credit,
            Col::Balance,
            Col::Currency,
        ],
        currency: "GBP",
        style: &MONZO,
        holder: "J SMITH",
        ..BASE
    },
    BankLayout {
        name: "uk-monzo-2018",
        bank: "Monzo (2018 export)",
        region: Region::UkIe,
        neobank: true,
        source: "bank2ynab test/test-data/MonzoDataExport_February2018_2018-02-26_174335.csv @ 3fbdbc51f31c6130edbecaf22f7e24757154f830 (header, `2018-02-25 12:34:56 +0000`, amount `-10`)",
        header: Some("id,created,amount,currency,local_amount,local_currency,category,emoji,description,address,notes,receipt"),
        columns: &[
            Col::Tpl("tx_00009{REF}{N6}"),
            Col::Date("%Y-%m-%d %H:%M:%S +0000"),
            Col::Amount,
            Col::Currency,
            Col::Amount,
            Col::Currency,
            Col::Lit("general"),
            Col::Blank,
            Col::Counterparty,
            Col::Blank,
            Col::Blank,
            Col::Blank,
        ],
        num: Num {
            minimal: Minimal::Trim,
            ..DOT
        },
        currency: "GBP",
        holder: "J SMITH",
        ..BASE
    },
    BankLayout {
        name: "uk-first-direct",
        bank: "first direct",
        region: Region::UkIe,
        source: "bank2ynab test/test-data/20180226_12345678.csv @ 3fbdbc51f31c6130edbecaf22f7e24757154f830 (header, `\"MERCHANT NAME@12:34\"`)",
        quoting: TEXT,
        header: Some("Date,Description,Amount,Balance"),
        columns: &[
            Col::Date("%d/%m/%Y"),
            Col::Text,
            Col::Amount,
            Col::Balance,
        ],
        newest_first: true,
        currency: "GBP",
        style: &FIRST_DIRECT,
        holder: "J SMITH",
        ..BASE
    },
    BankLayout {
        name: "uk-barclaycard",
        bank: "Barclaycard, credit card (no header)",
        region: Region::UkIe,
        source: "bank2ynab test/test-data/statement_1.csv @ 3fbdbc51f31c6130edbecaf22f7e24757154f830 (no header, `10 Feb 18`, purchases positive in the last column); bank2ynab.conf [UK Barclaycard credit card]",
        quoting: TEXT,
        columns: &[
            Col::Date("%d %b %y"),
            Col::Text,
            Col::Lit("Visa"),
            Col::Lit("MR A SURNAME"),
            Col::Lit("Household"),
            Col::Credit,
            Col::Debit,
        ],
        newest_first: true,
        card: true,
        purchases_positive: true,
        currency: "GBP",
        style: &BARCLAYCARD,
        holder: "J SMITH",
        ..BASE
    },
    BankLayout {
        name: "uk-john-lewis",
        bank: "John Lewis Partnership Card (NewDay), credit card",
        region: Region::UkIe,
        source: "bank2ynab test/test-data/MS_JANE_SMITH_01-12-2019_14-12-2019.csv @ 3fbdbc51f31c6130edbecaf22f7e24757154f830 (BOM, header with trailing comma, `12-Dec-2019`, `\"£1,183.23\"` positive purchases)",
        encoding: Enc::Utf8Bom,
        header: Some("Date Processed,Description,Amount,"),
        columns: &[
            Col::Date("%d-%b-%Y"),
            Col::Text,
            Col::Amount,
            Col::Blank,
        ],
        num: Num {
            symbol: "£",
            ..DOT_COMMA
        },
        newest_first: true,
        card: true,
        purchases_positive: true,
        currency: "GBP",
        style: &JOHN_LEWIS,
        holder: "J SMITH",
        ..BASE
    },
    BankLayout {
        name: "ie-boi",
        bank: "Bank of Ireland",
        region: Region::UkIe,
        source: "bank2ynab test/test-data/test_BOI_TransactionExport.csv @ 3fbdbc51f31c6130edbecaf22f7e24757154f830 (header, Debit/Credit, amounts `29.5` and `512.0`, `POS31AUG Online`); hledger examples/csv/banking/bankofireland-checking.csv.rules @ 2b28a75d",
        header: Some("Date,Details,Debit,Credit,Balance"),
        columns: &[
            Col::Date("%d/%m/%Y"),
            Col::Text,
            Col::Debit,
            Col::Credit,
            Col::Balance,
        ],
        num: Num {
            minimal: Minimal::Float,
            ..DOT
        },
        balance_num: Num {
            minimal: Minimal::Float,
            ..DOT
        },
        style: &BOI,
        holder: "J SMITH",
        ..BASE
    },
    BankLayout {
        name: "ie-ulster",
        bank: "Ulster Bank Ireland (header with spaces after the commas)",
        region: Region::UkIe,
        source: "bank2ynab.conf [IE Ulster Bank, savings] @ 3fbdbc51f31c6130edbecaf22f7e24757154f830 (header `Date, Type, Description, Value, Balance, Account Name, Account Number` and a sample POS row)",
        quoting: TEXT,
        header: Some("Date, Type, Description, Value, Balance, Account Name, Account Number"),
        columns: &[
            Col::Date("%d/%m/%Y"),
            Col::Code,
            Col::Text,
            Col::Amount,
            Col::Balance,
            Col::Lit("ACCOUNT NAME"),
            Col::Lit("12345678"),
        ],
        style: &ULSTER,
        holder: "J SMITH",
        ..BASE
    },
    // ---- United States, Canada ---------------------------------------------------------------
    BankLayout {
        name: "us-chase-checking",
        bank: "Chase, checking account",
        region: Region::NorthAmerica,
        source: "beancount/beangulp examples/tests/csvbank/statement.csv @ 1f315a62afc5160bb1d62759451f3610186e293f (header, DEBIT/CREDIT details with signed amounts, ACH_DEBIT, `PPD ID:`)",
        quoting: Quoting {
            text: true,
            ..NEVER
        },
        header: Some("Details,Posting Date,\"Description\",Amount,Type,Balance,Check or Slip #,"),
        columns: &[
            Col::Flag("DEBIT", "CREDIT"),
            Col::Date("%-m/%-d/%Y"),
            Col::Text,
            Col::Amount,
            Col::Code,
            Col::Balance,
            Col::Blank,
            Col::Blank,
        ],
        newest_first: true,
        currency: "USD",
        style: &CHASE,
        holder: "JOHN DOE",
        ..BASE
    },
    BankLayout {
        name: "us-chase-card",
        bank: "Chase, credit card (purchases negative)",
        region: Region::NorthAmerica,
        source: "jmcameron/csv2qif test/test1.csv @ e514888a4f5612d69878304320824eb25fceef01 (header, CRLF, `Sale`, purchases negative); bank2ynab.conf [US Chase Credit Card 2019]",
        line_end: "\r\n",
        header: Some("Transaction Date,Post Date,Description,Category,Type,Amount,Memo"),
        columns: &[
            Col::Date("%-m/%-d/%Y"),
            Col::Posted("%-m/%-d/%Y"),
            Col::Text,
            Col::Lit("Shopping"),
            Col::Booking,
            Col::Amount,
            Col::Blank,
        ],
        newest_first: true,
        card: true,
        currency: "USD",
        style: &CHASE_CARD,
        holder: "JOHN DOE",
        ..BASE
    },
    BankLayout {
        name: "us-amex",
        bank: "American Express, simple export (purchases positive)",
        region: Region::NorthAmerica,
        source: "jmcameron/csv2qif test/test2.csv @ e514888a4f5612d69878304320824eb25fceef01 (header `Date,Description,Amount`, CRLF, charges positive; the issuer is inferred by the fixture manifest)",
        line_end: "\r\n",
        header: Some("Date,Description,Amount"),
        columns: &[Col::Date("%-m/%-d/%Y"), Col::Text, Col::Amount],
        newest_first: true,
        card: true,
        purchases_positive: true,
        currency: "USD",
        holder: "JOHN DOE",
        ..BASE
    },
    BankLayout {
        name: "us-boa-checking",
        bank: "Bank of America, checking (summary preamble)",
        region: Region::NorthAmerica,
        source: "jmcameron/csv2qif test/test4.csv @ e514888a4f5612d69878304320824eb25fceef01 (summary preamble, header `Date,Description,Amount,Running Bal.`, CRLF); bank2ynab.conf [US Bank of America] (7 header rows)",
        line_end: "\r\n",
        preamble: &[
            "Description,,Summary Amt.,",
            "Beginning balance as of {FROM_MDY},,,",
            "Total credits,,,",
            "Total debits,,,",
            "Ending balance as of {TO_MDY},,,",
            ",,,",
        ],
        header: Some("Date,Description,Amount,Running Bal."),
        columns: &[
            Col::Date("%-m/%-d/%Y"),
            Col::Text,
            Col::Amount,
            Col::Blank,
        ],
        num: DOT_COMMA,
        currency: "USD",
        holder: "JOHN DOE",
        ..BASE
    },
    BankLayout {
        name: "us-schwab-checking",
        bank: "Charles Schwab Bank, checking",
        region: Region::NorthAmerica,
        source: "reubano/csv2ofx data/test/schwab-checking-baltest-case2.csv @ 675a4417c49e126b6dfd71078111ac1c9f198a16 (header, all quoted, `$1,036.47`)",
        quoting: ALL,
        header: Some("\"Date\",\"Status\",\"Type\",\"CheckNumber\",\"Description\",\"Withdrawal\",\"Deposit\",\"RunningBalance\""),
        columns: &[
            Col::Date("%m/%d/%Y"),
            Col::Lit("Posted"),
            Col::Code,
            Col::Blank,
            Col::Text,
            Col::Debit,
            Col::Credit,
            Col::Balance,
        ],
        num: Num {
            symbol: "$",
            ..DOT_COMMA
        },
        balance_num: Num {
            symbol: "$",
            ..DOT_COMMA
        },
        newest_first: true,
        currency: "USD",
        style: &SCHWAB,
        holder: "JOHN DOE",
        ..BASE
    },
    BankLayout {
        name: "us-schwab-eac",
        bank: "Charles Schwab, checking (older export with section lines after the header)",
        region: Region::NorthAmerica,
        source: "jbms/beancount-import testdata/source/schwab_csv/test_basic/transactions/EAC_Checking_Transactions_20201223-160009.CSV @ 0447ba9053ccf6ce29cef112500d64e3200048cd (title line, header, `Pending Transactions …` and `Posted Transactions` lines)",
        quoting: ALL,
        preamble: &["Transactions  for Checking account EAC as of {TO_MDY} 16:00:10 ET"],
        header: Some("\"Date\",\"Type\",\"Check #\",\"Description\",\"Withdrawal (-)\",\"Deposit (+)\",\"RunningBalance\""),
        after_header: &[
            "\"Pending Transactions are not reflected within this sort criterion.\"",
            "\"Posted Transactions\"",
        ],
        columns: &[
            Col::Date("%m/%d/%Y"),
            Col::Code,
            Col::Blank,
            Col::Text,
            Col::Debit,
            Col::Credit,
            Col::Balance,
        ],
        num: Num {
            symbol: "$",
            ..DOT_COMMA
        },
        balance_num: Num {
            symbol: "$",
            ..DOT_COMMA
        },
        newest_first: true,
        currency: "USD",
        style: &SCHWAB,
        holder: "JOHN DOE",
        ..BASE
    },
    BankLayout {
        name: "us-capital-one",
        bank: "Capital One, credit card (Debit/Credit columns)",
        region: Region::NorthAmerica,
        source: "reubano/csv2ofx data/test/capitalone.csv @ 675a4417c49e126b6dfd71078111ac1c9f198a16 (header, ISO dates, purchases in Debit); hledger examples/csv/banking/capital-one.csv.rules @ 2b28a75d",
        header: Some("Transaction Date,Posted Date,Card No.,Description,Category,Debit,Credit"),
        columns: &[
            Col::Date("%Y-%m-%d"),
            Col::Posted("%Y-%m-%d"),
            Col::Lit("1234"),
            Col::Text,
            Col::Lit("Other"),
            Col::Debit,
            Col::Credit,
        ],
        newest_first: true,
        card: true,
        purchases_positive: true,
        currency: "USD",
        holder: "JOHN DOE",
        ..BASE
    },
    BankLayout {
        name: "us-wells-fargo",
        bank: "Wells Fargo, checking (no header)",
        region: Region::NorthAmerica,
        source: "simonmichael/hledger examples/csv/banking/wellsfargo-checking.csv.rules @ 2b28a75dcc78af2fe1e1e1d26d1d08158b9091f3 (no header: date, amount, `*`, check number, description); bank2ynab.conf; Firefly III us/wellsfargo/default.json (headers false)",
        quoting: ALL,
        columns: &[
            Col::Date("%m/%d/%Y"),
            Col::Amount,
            Col::Lit("*"),
            Col::Blank,
            Col::Text,
        ],
        newest_first: true,
        currency: "USD",
        holder: "JOHN DOE",
        ..BASE
    },
    BankLayout {
        name: "us-mint",
        bank: "Mint (aggregator export: unsigned amounts, `Transaction Type` debit/credit)",
        region: Region::NorthAmerica,
        source: "reubano/csv2ofx data/test/mint.csv @ 675a4417c49e126b6dfd71078111ac1c9f198a16 (header, `6/12/15`, `\"1,000.00\"`, debit/credit words; the sample's CR-only line ends are not reproduced); Firefly III other-software/mint.json",
        header: Some("Date,Description,Original Description,Amount,Transaction Type,Category,Account Name,Labels,Notes"),
        columns: &[
            Col::Date("%-m/%d/%y"),
            Col::Counterparty,
            Col::Text,
            Col::Unsigned,
            Col::Flag("debit", "credit"),
            Col::Lit("Uncategorized"),
            Col::Lit("Checking"),
            Col::Blank,
            Col::Blank,
        ],
        num: DOT_COMMA,
        newest_first: true,
        currency: "USD",
        holder: "JOHN DOE",
        ..BASE
    },
    BankLayout {
        name: "ca-pc-mastercard",
        bank: "PC Financial Mastercard (Canada), credit card",
        region: Region::NorthAmerica,
        source: "reubano/csv2ofx data/test/pcmastercard.csv @ 675a4417c49e126b6dfd71078111ac1c9f198a16 (header, all quoted, `06:50 PM`, purchases positive); csv2ofx mappings/pcmastercard.py",
        quoting: ALL,
        header: Some("\"Merchant Name\",\"Card Used For Transaction\",\"Date\",\"Time\",\"Amount\""),
        columns: &[
            Col::Text,
            Col::Lit("**** 1234"),
            Col::Date("%m/%d/%Y"),
            Col::Date("%I:%M %p"),
            Col::Amount,
        ],
        newest_first: true,
        card: true,
        purchases_positive: true,
        currency: "CAD",
        holder: "JOHN DOE",
        ..BASE
    },
    BankLayout {
        name: "ca-td",
        bank: "TD Canada Trust, checking (no header)",
        region: Region::NorthAmerica,
        source: "bank2ynab.conf [CA TD Canada Trust, checking+Visa] @ 3fbdbc51f31c6130edbecaf22f7e24757154f830 (no header: Date, Payee, Outflow, Inflow, balance; `%m/%d/%Y`); Firefly III ca/td/default.json @ 50adfe7c",
        columns: &[
            Col::Date("%m/%d/%Y"),
            Col::Text,
            Col::Debit,
            Col::Credit,
            Col::Balance,
        ],
        currency: "CAD",
        holder: "JOHN DOE",
        ..BASE
    },
    // ---- Netherlands, Belgium ----------------------------------------------------------------
    BankLayout {
        name: "nl-ing",
        bank: "ING Netherlands (Af/Bij column, decimal comma in a comma file)",
        region: Region::Benelux,
        source: "gpaulissen/ofxstatement-dutch tests/samples/ing_ok.csv @ 03a09889ca972c990a3d3aa99813518ac5c826af (header, `20200213`, Af/Bij, `Valutadatum:` details, a zero-amount Kwijtschelding row); hledger examples/csv/banking/ING.rules",
        quoting: ALL,
        header: Some("\"Datum\",\"Naam / Omschrijving\",\"Rekening\",\"Tegenrekening\",\"Code\",\"Af Bij\",\"Bedrag (EUR)\",\"MutatieSoort\",\"Mededelingen\""),
        columns: &[
            Col::Date("%Y%m%d"),
            Col::Counterparty,
            Col::Lit("NL99INGB9999999999"),
            Col::OtherIban,
            Col::Code,
            Col::Flag("Af", "Bij"),
            Col::Unsigned,
            Col::Booking,
            Col::Purpose,
        ],
        num: COMMA,
        balance_num: COMMA,
        newest_first: true,
        style: &ING_NL,
        notice: Some(Parts {
            counterparty: "Kwijtschelding",
            code: "VZ",
            booking: "Verzamelbetaling",
            purpose: "Valutadatum: {DMYD}",
            text: "Kwijtschelding",
        }),
        holder: "J JANSEN",
        own_account: "NL99INGB9999999999",
        ..BASE
    },
    BankLayout {
        name: "nl-rabobank",
        bank: "Rabobank (2018 CSV format)",
        region: Region::Benelux,
        source: "bank2ynab test/test-data/CSV_A_20180414_112204.csv @ 3fbdbc51f31c6130edbecaf22f7e24757154f830 (26-column header, Latin-1, CRLF, `+50,00`, codes db/cb/bg); bank2ynab.conf [NL Rabobank-2018]",
        encoding: Enc::Cp1252,
        quoting: ALL,
        line_end: "\r\n",
        header: Some("\"IBAN/BBAN\",\"Munt\",\"BIC\",\"Volgnr\",\"Datum\",\"Rentedatum\",\"Bedrag\",\"Saldo na trn\",\"Tegenrekening IBAN/BBAN\",\"Naam tegenpartij\",\"Naam uiteindelijke partij\",\"Naam initiërende partij\",\"BIC tegenpartij\",\"Code\",\"Batch ID\",\"Transactiereferentie\",\"Machtigingskenmerk\",\"Incassant ID\",\"Betalingskenmerk\",\"Omschrijving-1\",\"Omschrijving-2\",\"Omschrijving-3\",\"Reden retour\",\"Oorspr bedrag\",\"Oorspr munt\",\"Koers\""),
        columns: &[
            Col::Lit("NL77RABO0311467415"),
            Col::Currency,
            Col::Lit("RABONL2U"),
            Col::Tpl("{N18}"),
            Col::Date("%Y-%m-%d"),
            Col::Posted("%Y-%m-%d"),
            Col::Amount,
            Col::Balance,
            Col::OtherIban,
            Col::Counterparty,
            Col::Blank,
            Col::Blank,
            Col::Blank,
            Col::Code,
            Col::Blank,
            Col::Blank,
            Col::Blank,
            Col::Blank,
            Col::Blank,
            Col::Purpose,
            Col::Lit(" "),
            Col::Blank,
            Col::Blank,
            Col::Blank,
            Col::Blank,
            Col::Blank,
        ],
        num: Num {
            plus: true,
            ..COMMA
        },
        balance_num: Num {
            plus: true,
            ..COMMA
        },
        style: &RABO,
        holder: "J JANSEN",
        own_account: "NL77RABO0311467415",
        ..BASE
    },
    BankLayout {
        name: "nl-bunq",
        bank: "bunq (English export)",
        region: Region::Benelux,
        neobank: true,
        source: "bank2ynab test/test-data/2019-03-02_11-50-46_bunq-statement.csv @ 3fbdbc51f31c6130edbecaf22f7e24757154f830 (header, `\"-8,78\"` in a comma file, merchant in Name, `CLOUDFLARE 650-3198939, US …` in Description)",
        quoting: ALL,
        header: Some("\"Date\",\"Amount\",\"Account\",\"Counterparty\",\"Name\",\"Description\""),
        columns: &[
            Col::Date("%Y-%m-%d"),
            Col::Amount,
            Col::Lit("NL26BUNQ2025126409"),
            Col::OtherIban,
            Col::Counterparty,
            Col::Purpose,
        ],
        num: COMMA,
        balance_num: COMMA,
        style: &BUNQ,
        holder: "J JANSEN",
        own_account: "NL26BUNQ2025126409",
        ..BASE
    },
    BankLayout {
        name: "nl-asn",
        bank: "ASN Bank (no header, 19 columns, balance before the row)",
        region: Region::Benelux,
        source: "gpaulissen/ofxstatement-dutch tests/samples/transactie-historie_NL00ASNB9999999999_20220717204133.csv @ 03a09889ca972c990a3d3aa99813518ac5c826af (no header, balance before, global codes NGM/EIC/OVS, `'…'` descriptions); Firefly III nl/asnbank/default.json",
        quoting: NEVER,
        columns: &[
            Col::Date("%d-%m-%Y"),
            Col::Lit("NL00ASNB9999999999"),
            Col::OtherIban,
            Col::Counterparty,
            Col::Blank,
            Col::Blank,
            Col::Blank,
            Col::Currency,
            Col::BalanceBefore,
            Col::Currency,
            Col::Amount,
            Col::Date("%d-%m-%Y"),
            Col::Posted("%d-%m-%Y"),
            Col::Tpl("{N4}"),
            Col::Code,
            Col::Tpl("{N8}"),
            Col::Blank,
            Col::Purpose,
            Col::Lit("26"),
        ],
        style: &ASN,
        holder: "J JANSEN",
        own_account: "NL00ASNB9999999999",
        ..BASE
    },
    BankLayout {
        name: "nl-triodos",
        bank: "Triodos Bank Netherlands (no header, Debet/Credit word column)",
        region: Region::Benelux,
        source: "simonmichael/hledger examples/csv/banking/triodos.rules @ 2b28a75dcc78af2fe1e1e1d26d1d08158b9091f3 (no skip: date, account, amount, Debet/Credit, payee, account, type, description, balance; `%d-%m-%Y`, decimal comma); transaction type codes are not in the rules",
        quoting: ALL,
        columns: &[
            Col::Date("%d-%m-%Y"),
            Col::Lit("NL12TRIO0123456789"),
            Col::Unsigned,
            Col::Flag("Debet", "Credit"),
            Col::Counterparty,
            Col::OtherIban,
            Col::Code,
            Col::Purpose,
            Col::Balance,
        ],
        num: COMMA,
        balance_num: COMMA,
        style: &TRIODOS_NL,
        holder: "J JANSEN",
        own_account: "NL12TRIO0123456789",
        ..BASE
    },
    BankLayout {
        name: "nl-knab",
        bank: "Knab (CreditDebet C/D column)",
        region: Region::Benelux,
        source: "bank2ynab.conf [NL KNAB] @ 3fbdbc51f31c6130edbecaf22f7e24757154f830 (header with trailing `;`, CreditDebet `C`/`D`, `%d-%m-%Y`; the one line before the header is not published and is left out)",
        delimiter: ';',
        header: Some("Rekeningnummer;Transactiedatum;Valutacode;CreditDebet;Bedrag;Tegenrekeningnummer;Tegenrekeninghouder;Valutadatum;Betaalwijze;Omschrijving;Type betaling;Machtigingsnummer;Incassant ID;Adres;Referentie;Boekdatum;"),
        columns: &[
            Col::Lit("NL12KNAB0123456789"),
            Col::Date("%d-%m-%Y"),
            Col::Currency,
            Col::Flag("D", "C"),
            Col::Unsigned,
            Col::OtherIban,
            Col::Counterparty,
            Col::Posted("%d-%m-%Y"),
            Col::Booking,
            Col::Purpose,
            Col::Code,
            Col::Blank,
            Col::Blank,
            Col::Blank,
            Col::Blank,
            Col::Posted("%d-%m-%Y"),
            Col::Blank,
        ],
        num: COMMA,
        balance_num: COMMA,
        style: &KNAB,
        holder: "J JANSEN",
        own_account: "NL12KNAB0123456789",
        ..BASE
    },
    BankLayout {
        name: "be-kbc",
        bank: "KBC (Belgium), signed amount plus credit/debet columns",
        region: Region::Benelux,
        source: "bank2ynab test/test-data/export_BE11123456789012_20180304_1422.csv @ 3fbdbc51f31c6130edbecaf22f7e24757154f830 (header, padded fields, `-3,40` in both Bedrag and debet); card merchant wording not in the sample",
        delimiter: ';',
        quoting: NEVER,
        header: Some("Rekeningnummer;Rubrieknaam;Naam;Munt;Afschriftnummer;Datum;Omschrijving;Valuta;Bedrag;Saldo;credit;debet;rekeningnummer tegenpartij;BIC tegenpartij;Naam tegenpartij;Adres tegenpartij;gestructureerde mededeling;Vrije mededeling"),
        columns: &[
            Col::Lit("BE11123456789012"),
            Col::Lit("                                                  "),
            Col::Lit("SMITH JOHN"),
            Col::Currency,
            Col::Tpl("  0{N7}"),
            Col::Date("%d/%m/%Y"),
            Col::Text,
            Col::Posted("%d/%m/%Y"),
            Col::Amount,
            Col::Balance,
            Col::Credit,
            Col::DebitNeg,
            Col::OtherIban,
            Col::Blank,
            Col::Counterparty,
            Col::Blank,
            Col::Blank,
            Col::Purpose,
        ],
        num: COMMA,
        balance_num: COMMA,
        style: &KBC,
        holder: "SMITH JOHN",
        own_account: "BE11123456789012",
        ..BASE
    },
    BankLayout {
        name: "be-bnp",
        bank: "BNP Paribas Fortis (blank line after the header)",
        region: Region::Benelux,
        source: "wimverstuyf/php-belgianbankstatement-parser tests/Samples/sample1.csv @ 9aaccae53bc2a3b102772742606f654321aebc09 (header, blank line, `Betaling met bankkaart`, `MET KAART … VALUTADATUM :`); bank2ynab.conf [BE BNP Paribas Fortis Export]",
        delimiter: ';',
        quoting: NEVER,
        header: Some("Volgnummer;Uitvoeringsdatum;Valutadatum;Bedrag;Valuta rekening;Rekeningnummer;Type verrichting;Tegenpartij;Naam van de tegenpartij;Mededeling;Details;Status;Reden van weigering"),
        after_header: &[""],
        columns: &[
            Col::Tpl("2026-{N4}"),
            Col::Date("%d/%m/%Y"),
            Col::Posted("%d/%m/%Y"),
            Col::Amount,
            Col::Currency,
            Col::Lit("BE58213532153215"),
            Col::Booking,
            Col::Code,
            Col::Counterparty,
            Col::Purpose,
            Col::Text,
            Col::Lit("Geaccepteerd"),
            Col::Blank,
        ],
        num: COMMA,
        balance_num: COMMA,
        newest_first: true,
        style: &BNP,
        holder: "J PEETERS",
        own_account: "BE58213532153215",
        ..BASE
    },
    BankLayout {
        name: "be-belfius",
        bank: "Belfius (search-filter preamble)",
        region: Region::Benelux,
        source: "wimverstuyf/php-belgianbankstatement-parser tests/Samples/sample6_belfius.csv @ 9aaccae53bc2a3b102772742606f654321aebc09 (filter preamble, `Laatste saldo`, header)",
        delimiter: ';',
        quoting: NEVER,
        preamble: &[
            "Boekingsdatum vanaf;",
            "Boekingsdatum tot en met;",
            "Bedrag vanaf;",
            "Bedrag tot en met;",
            "Afschriftnummer vanaf;",
            "Afschriftnummer tot en met;",
            "Mededeling;",
            "Naam tegenpartij bevat;",
            "Rekening tegenpartij;",
            "Laatste saldo;{BAL} EUR",
            "Datum/uur van het laatste saldo;{TO_DMYS} 17:32:28",
            ";",
        ],
        header: Some("Rekening;Boekingsdatum;Afschriftnummer;Transactienummer;Rekening tegenpartij;Naam tegenpartij bevat;Straat en nummer;Postcode en plaats;Transactie;Valutadatum;Bedrag;Devies;BIC;Landcode;Mededelingen"),
        columns: &[
            Col::Lit("BE25 1548 2158 2158"),
            Col::Date("%d/%m/%Y"),
            Col::Tpl("00006"),
            Col::Tpl("{N3}"),
            Col::OtherIban,
            Col::Counterparty,
            Col::Blank,
            Col::Blank,
            Col::Text,
            Col::Posted("%d/%m/%Y"),
            Col::Amount,
            Col::Currency,
            Col::Lit("GKCCBEBB"),
            Col::Blank,
            Col::Purpose,
        ],
        num: COMMA,
        balance_num: COMMA_DOT,
        style: &BELFIUS,
        holder: "J PEETERS",
        own_account: "BE25154821582158",
        ..BASE
    },
    BankLayout {
        name: "be-triodos",
        bank: "Triodos Bank Belgium",
        region: Region::Benelux,
        source: "wimverstuyf/php-belgianbankstatement-parser tests/Samples/sample9_triodos.csv @ 9aaccae53bc2a3b102772742606f654321aebc09 (header, `\"-74,74\"`, SCT/SCTIB types)",
        quoting: ALL,
        header: Some("\"Date\",\"Account\",\"Amount\",\"CounterpartyAccount\",\"BIC\",\"CounterpartyName\",\"Address\",\"TransactionType\",\"Communication\",\"Balance\""),
        columns: &[
            Col::Date("%d-%m-%Y"),
            Col::Lit("BE11111111111111"),
            Col::Amount,
            Col::OtherIban,
            Col::Lit("GEBABEBB"),
            Col::Counterparty,
            Col::Lit(" "),
            Col::Code,
            Col::Purpose,
            Col::Balance,
        ],
        num: COMMA,
        balance_num: COMMA,
        style: &TRIODOS_BE,
        holder: "J PEETERS",
        own_account: "BE11111111111111",
        ..BASE
    },
    BankLayout {
        name: "be-crelan",
        bank: "Crelan (Belgium, French)",
        region: Region::Benelux,
        source: "wimverstuyf/php-belgianbankstatement-parser tests/Samples/sample10_crelan.csv @ 9aaccae53bc2a3b102772742606f654321aebc09 (header, `Paiement Bancontact contactless`, decimal dot)",
        delimiter: ';',
        quoting: NEVER,
        header: Some("Date;Montant;Solde apres operation;Devise;Contrepartie;Compte contrepartie;Type d'operation;Communication;Compte donneur d'ordre"),
        columns: &[
            Col::Date("%d/%m/%Y"),
            Col::Amount,
            Col::Balance,
            Col::Currency,
            Col::Counterparty,
            Col::OtherIban,
            Col::Booking,
            Col::Purpose,
            Col::Lit("BE00 0000 1111 2222"),
        ],
        style: &CRELAN,
        holder: "J PEETERS",
        own_account: "BE00000011112222",
        ..BASE
    },
    // ---- Nordic, Baltic ----------------------------------------------------------------------
    BankLayout {
        name: "dk-danske",
        bank: "Danske Bank (Denmark)",
        region: Region::Nordic,
        source: "bank2ynab.conf [DK Danske Bank] @ 3fbdbc51f31c6130edbecaf22f7e24757154f830 (header `\"Dato\";\"Kategori\";\"Underkategori\";\"Tekst\";\"Beløb\";\"Saldo\";\"Status\";\"Afstemt\"` shown in a non-UTF-8 encoding, `%d.%m.%Y`); status words are not published",
        delimiter: ';',
        encoding: Enc::Cp1252,
        quoting: ALL,
        header: Some("\"Dato\";\"Kategori\";\"Underkategori\";\"Tekst\";\"Beløb\";\"Saldo\";\"Status\";\"Afstemt\""),
        columns: &[
            Col::Date("%d.%m.%Y"),
            Col::Blank,
            Col::Blank,
            Col::Text,
            Col::Amount,
            Col::Balance,
            Col::Lit("Udført"),
            Col::Lit("Nej"),
        ],
        num: COMMA_DOT,
        balance_num: COMMA_DOT,
        currency: "DKK",
        holder: "J HANSEN",
        ..BASE
    },
    BankLayout {
        name: "se-nordea",
        bank: "Nordea Sweden (netbank.nordea.se)",
        region: Region::Nordic,
        source: "bank2ynab.conf [SE Nordea - netbank.nordea.se] @ 3fbdbc51f31c6130edbecaf22f7e24757154f830 (header, `%Y-%m-%d`); simonmichael/hledger examples/csv/banking/nordea.rules @ 2b28a75d (decimal comma, newest first, from/to/name/note columns); the `Kortköp` wording is not in either",
        delimiter: ';',
        quoting: NEVER,
        header: Some("Bokföringsdag;Belopp;Avsändare;Mottagare;Namn;Rubrik;Saldo;Valuta"),
        columns: &[
            Col::Date("%Y-%m-%d"),
            Col::Amount,
            Col::PayerAcct,
            Col::PayeeAcct,
            Col::Counterparty,
            Col::Purpose,
            Col::Balance,
            Col::Currency,
        ],
        num: COMMA,
        balance_num: COMMA,
        newest_first: true,
        currency: "SEK",
        style: &NORDEA_SE,
        holder: "J ANDERSSON",
        own_account: "3300 12 34567",
        ..BASE
    },
    BankLayout {
        name: "se-lansforsakringar",
        bank: "Länsförsäkringar Bank (Sweden)",
        region: Region::Nordic,
        source: "bank2ynab.conf [SE Länsförsäkringar checking] @ 3fbdbc51f31c6130edbecaf22f7e24757154f830 (header, `%Y-%m-%d`; the three lines before the header are not published and are left out)",
        delimiter: ';',
        quoting: ALL,
        header: Some("\"Bokföringsdatum\";\"Transaktionsdatum\";\"Transaktionstyp\";\"Meddelande\";\"Belopp\""),
        columns: &[
            Col::Posted("%Y-%m-%d"),
            Col::Date("%Y-%m-%d"),
            Col::Booking,
            Col::Text,
            Col::Amount,
        ],
        num: COMMA,
        balance_num: COMMA,
        newest_first: true,
        currency: "SEK",
        style: &SWEDISH_TYPES,
        holder: "J ANDERSSON",
        ..BASE
    },
    BankLayout {
        name: "se-sparbanken-tanum",
        bank: "Sparbanken Tanum (Sweden, no header, space thousands)",
        region: Region::Nordic,
        source: "bank2ynab.conf [SE Sparbanken Tanum] @ 3fbdbc51f31c6130edbecaf22f7e24757154f830 (no header; sample row `Swish VÄSTTRAFIK AB;2019-07-14;2019-07-15;-28,00;24 207,40`)",
        delimiter: ';',
        quoting: NEVER,
        columns: &[
            Col::Text,
            Col::Date("%Y-%m-%d"),
            Col::Posted("%Y-%m-%d"),
            Col::Amount,
            Col::Balance,
        ],
        num: Num {
            thousands: Some(' '),
            ..COMMA
        },
        balance_num: Num {
            thousands: Some(' '),
            ..COMMA
        },
        newest_first: true,
        currency: "SEK",
        style: &SWEDISH_TEXT,
        holder: "J ANDERSSON",
        ..BASE
    },
    BankLayout {
        name: "lt-swedbank",
        bank: "Swedbank Lithuania, English export (D/K column, rows shorter than the header)",
        region: Region::Other,
        source: "bank2ynab test/test-data/test_swedebank_statement.xls (a CSV) @ 3fbdbc51f31c6130edbecaf22f7e24757154f830 (header with trailing comma, D/K flag, `PIRKINYS …` details); kedder/ofxstatement-lithuanian swedbank.csv @ 36fe102d",
        quoting: ALL,
        header: Some("\"Account No\",\"\",\"Date\",\"Beneficiary\",\"Details\",\"Amount\",\"Currency\",\"D/K\",\"Record ID\",\"Code\",\"Reference No\",\"Doc. No\",\"Code in payer IS\",\"Client code\",\"Originator\",\"Beneficiary party\","),
        columns: &[
            Col::Lit("LT357300000000000000"),
            Col::Lit("20"),
            Col::Date("%Y-%m-%d"),
            Col::Counterparty,
            Col::Purpose,
            Col::Unsigned,
            Col::Currency,
            Col::Flag("D", "K"),
            Col::Tpl("{N16}"),
            Col::Code,
            Col::Blank,
            Col::Blank,
            Col::Blank,
        ],
        trailing_delimiter: true,
        style: &SWEDBANK_LT,
        holder: "J JONAITIS",
        ..BASE
    },
    BankLayout {
        name: "cz-raiffeisen",
        bank: "Raiffeisenbank Czech Republic (Windows-1250, mixed quoting)",
        region: Region::Other,
        source: "bank2ynab test/test-data/Movements_1234512345_201805271848.csv @ 3fbdbc51f31c6130edbecaf22f7e24757154f830 (Windows-1250 header ending in `Id transakce,`, first and last fields unquoted, `\"-1,00\"`, `Jednorázová platba`); bank2ynab.conf [CZ Raiffeisen bank]; the card and direct-debit booking words are not in the sample",
        delimiter: ';',
        encoding: Enc::Cp1250,
        quoting: ALL,
        header: Some("Datum provedení;Datum zaúčtování;Číslo účtu;Název účtu;Kategorie transakce;Číslo protiúčtu;Název protiúčtu;Typ transakce;Zpráva;Poznámka;VS;KS;SS;Zaúčtovaná částka;Měna účtu;Původní částka a měna;Původní částka a měna;Poplatek;Id transakce,"),
        columns: &[
            Col::Raw(&Col::Date("%d.%m.%Y")),
            Col::Posted("%d.%m.%Y"),
            Col::Lit("123456789/1234"),
            Col::Lit("Name Surname"),
            Col::Lit("Platba"),
            Col::OtherIban,
            Col::Counterparty,
            Col::Booking,
            Col::Purpose,
            Col::Lit(" "),
            Col::Blank,
            Col::Blank,
            Col::Blank,
            Col::Amount,
            Col::Currency,
            Col::Blank,
            Col::Blank,
            Col::Blank,
            Col::Raw(&Col::Tpl("{N10}")),
        ],
        num: COMMA,
        balance_num: COMMA,
        currency: "CZK",
        style: &RAIFFEISEN_CZ,
        holder: "Name Surname",
        own_account: "CZ6555000000001234512345",
        ..BASE
    },
    BankLayout {
        name: "cz-ceska-sporitelna",
        bank: "Česká spořitelna, English export (a sentence of prose as the last header cell)",
        region: Region::Other,
        source: "bank2ynab test/test-data/TH_20180101-20180523_page_1.csv @ 3fbdbc51f31c6130edbecaf22f7e24757154f830 (header with the prose cell, `1111/11/11` dates, `\"-111,11\"`, empty fields unquoted, rows ending `;;;;`; the sample is masked with X and 1, so the payment-kind words are filled in); bank2ynab.conf [CZ Ceska Sporitelna]",
        delimiter: ';',
        encoding: Enc::Cp1250,
        quoting: ALL_BUT_EMPTY,
        header: Some("\"Item\";\"Posting date\";\"Amount CZK\";\"Bank account details\";\"Execution date\";\"Variable symbol 1\";\"Cancellation\";\"Counteraccount name\";\"Constant symbol\";\"Specific symbol\";\"Message for payee\";\"Message for me\";\"Transaction reference number\";\"Client note\";\"Payment reference\";\"Reason for non-execution\";\"This export contains a list of transactions displayed on the main internetbanking screen.  It is not a complete list of transactions meeting the entered filter criteria.\""),
        columns: &[
            Col::Booking,
            Col::Posted("%Y/%m/%d"),
            Col::Amount,
            Col::Counterparty,
            Col::Date("%Y/%m/%d"),
            Col::Tpl("{N8}"),
            Col::Blank,
            Col::IfNotCard(&Col::OtherIban),
            Col::Tpl("{N4}"),
            Col::Tpl("{N10}"),
            Col::Purpose,
            Col::Blank,
            Col::Tpl("{N13}"),
            Col::Blank,
            Col::Blank,
            Col::Blank,
            Col::Blank,
        ],
        num: COMMA,
        balance_num: COMMA,
        currency: "CZK",
        style: &CESKA,
        holder: "J NOVAK",
        own_account: "CZ6508000000192000145399",
        ..BASE
    },
    // ---- France, Spain, Italy ----------------------------------------------------------------
    BankLayout {
        name: "fr-boursorama",
        bank: "BoursoBank (Boursorama)",
        region: Region::SouthWest,
        source: "reubano/csv2ofx csv2ofx/mappings/boursorama.py @ 675a4417c49e126b6dfd71078111ac1c9f198a16 (`;`, dateOp, label, amount with spaces and decimal comma, accountNum, accountbalance); Firefly III fr/boursorama/default.json @ 50adfe7c; the full header as quoted by public importers",
        delimiter: ';',
        quoting: TEXT,
        header: Some("dateOp;dateVal;label;category;categoryParent;supplierFound;amount;comment;accountNum;accountLabel;accountbalance"),
        columns: &[
            Col::Date("%Y-%m-%d"),
            Col::Posted("%Y-%m-%d"),
            Col::Text,
            Col::Lit("Divers"),
            Col::Lit("Divers"),
            Col::Counterparty,
            Col::Amount,
            Col::Blank,
            Col::Lit("00012345678"),
            Col::Lit("BoursoBank"),
            Col::Balance,
        ],
        num: Num {
            thousands: Some(' '),
            ..COMMA
        },
        balance_num: COMMA,
        newest_first: true,
        style: &FRENCH,
        holder: "J DUPONT",
        ..BASE
    },
    BankLayout {
        name: "fr-oca-sample",
        bank: "French bank statement with metadata preamble and a footer line",
        region: Region::SouthWest,
        source: "OCA/bank-statement-import account_statement_import_sheet_file/tests/fixtures/meta_data_separated_credit_debit.csv @ 16f9266b9d50b1dea021c31732e6b2c409f12f24 (metadata lines, `Balance at end of period`, header, `\"-50,00\"` debits, footer `Balance at start of period`)",
        preamble: &[
            "Bank code : 1001010101,Agency Code : 10000,Download start date : {FROM_DMYS},Download end date : {TO_DMYS},,",
            "Account Number : 08088804068,Account Name : Account Owner,: EUR,,,",
            ",,,,,",
            "Balance at end of period,,,,\"+{BAL}\",",
        ],
        header: Some("Date,Operation Number,Label,Debit,Credit,Detail"),
        footer: &["Balance at start of period,,,,\"+{OPEN}\","],
        columns: &[
            Col::Date("%d/%m/%y"),
            Col::Tpl("OP {N8}"),
            Col::Text,
            Col::DebitNeg,
            Col::Credit,
            Col::Purpose,
        ],
        num: COMMA,
        balance_num: COMMA,
        style: &FRENCH,
        holder: "J DUPONT",
        ..BASE
    },
    BankLayout {
        name: "es-ing",
        bank: "ING España",
        region: Region::SouthWest,
        source: "reubano/csv2ofx data/test/ingesp.csv @ 675a4417c49e126b6dfd71078111ac1c9f198a16 (header, `24/03/2022`, CRLF, `Nomina recibida …`); csv2ofx mappings/ingesp.py",
        line_end: "\r\n",
        header: Some("date,class,subcategory,desc,notes,image,amount,balance"),
        columns: &[
            Col::Date("%d/%m/%Y"),
            Col::Lit("Compras"),
            Col::Lit("Compras (otros)"),
            Col::Text,
            Col::Blank,
            Col::Lit("No"),
            Col::Amount,
            Col::Balance,
        ],
        newest_first: true,
        style: &ING_ES,
        holder: "J GARCIA",
        ..BASE
    },
    BankLayout {
        name: "es-csb43",
        bank: "Spanish banks, Norma 43 (CSB43) statement as CSV",
        region: Region::SouthWest,
        source: "simonmichael/hledger examples/csv/banking/csb43.csv @ 2b28a75dcc78af2fe1e1e1d26d1d08158b9091f3 (28-column header, CRLF, statement fields repeated on every row) and csb43.csv.rules",
        line_end: "\r\n",
        header: Some("bank_code,branch_code,account_key,account_number,information_mode,short_name,currency,initial_date,final_date,initial_balance,final_balance,income,expenses,income_entries,expenses_entries,branch_code,document_number,shared_item,own_item,item1,item2,reference1,reference2,transaction_date,value_date,amount,original_currency,original_amount"),
        columns: &[
            Col::Lit("1234"),
            Col::Lit("5678"),
            Col::Lit("90"),
            Col::Lit("1234567890"),
            Col::Lit("3"),
            Col::Lit("N.SURNAME"),
            Col::Currency,
            Col::Tpl("{FROM_ISO}"),
            Col::Tpl("{TO_ISO}"),
            Col::Lit("000.00"),
            Col::Lit("1000.00"),
            Col::Lit("1500.00"),
            Col::Lit("500.0"),
            Col::Lit("1"),
            Col::Lit("1"),
            Col::Lit("1234"),
            Col::Tpl("{N9}"),
            Col::Code,
            Col::Lit("000"),
            Col::Text,
            Col::Blank,
            Col::Tpl("{N12}"),
            Col::Blank,
            Col::Date("%Y-%m-%d"),
            Col::Posted("%Y-%m-%d"),
            Col::Amount,
            Col::Blank,
            Col::Blank,
        ],
        style: &CSB43,
        holder: "J GARCIA",
        ..BASE
    },
    // ---- Neobanks operating across Europe ----------------------------------------------------
    BankLayout {
        name: "revolut",
        bank: "Revolut (2021+ export)",
        region: Region::Other,
        neobank: true,
        source: "mlaitinen/ofxstatement-revolut tests/samples/2022-january.csv @ 18d04cb6e2f8a9e06f282cf5a4ae3eb5be467333 (header, CARD_PAYMENT/TRANSFER, `To …`, zero-amount `Google *temporary Hold` rows); bank2ynab.conf [Revolut]",
        header: Some("Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance"),
        columns: &[
            Col::Code,
            Col::Lit("Current"),
            Col::Date("%Y-%m-%d %H:%M:%S"),
            Col::Posted("%Y-%m-%d %H:%M:%S"),
            Col::Text,
            Col::Amount,
            Col::Lit("0.00"),
            Col::Currency,
            Col::Lit("COMPLETED"),
            Col::Balance,
        ],
        style: &REVOLUT,
        notice: Some(Parts {
            code: "CARD_PAYMENT",
            text: "Google *temporary Hold",
            ..PARTS
        }),
        holder: "J SMITH",
        ..BASE
    },
    BankLayout {
        name: "wise",
        bank: "Wise (TransferWise) account statement",
        region: Region::Other,
        neobank: true,
        source: "ovidiugabriel/csv2sepa StatementRow.py @ 6d4a7fad544434af471c7f6d3403703ad6e7372d (the statement's columns in order, TransferWise ID … Merchant, Total fees) and csv2sepa.py @ 0a31e93d94e2d439dfcdb31788d322e3532547c5 (comma, `\"` quotes, `%d-%m-%Y` dates, signed amounts); the `Card transaction of … issued by …` wording is not in the sources",
        header: Some("\"TransferWise ID\",Date,Amount,Currency,Description,\"Payment Reference\",\"Running Balance\",\"Exchange From\",\"Exchange To\",\"Exchange Rate\",\"Payer Name\",\"Payee Name\",\"Payee Account Number\",Merchant,\"Total fees\""),
        columns: &[
            Col::Tpl("{CODE}-{N9}"),
            Col::Date("%d-%m-%Y"),
            Col::Amount,
            Col::Currency,
            Col::Text,
            Col::Purpose,
            Col::Balance,
            Col::Blank,
            Col::Blank,
            Col::Blank,
            Col::IfNotCard(&Col::Payer),
            Col::IfNotCard(&Col::Payee),
            Col::IfNotCard(&Col::OtherIban),
            Col::IfCard(&Col::Counterparty),
            Col::Lit("0.00"),
        ],
        style: &WISE,
        holder: "J SMITH",
        ..BASE
    },
];

// ---------------------------------------------------------------------------------------------
// The writer.
// ---------------------------------------------------------------------------------------------

/// Everything a template can refer to for one row.
struct Ctx<'a> {
    tx: &'a Tx,
    descriptor: &'a str,
    merchant: &'a str,
    code: &'a str,
    iban: String,
    time: NaiveTime,
    first: NaiveDate,
    last: NaiveDate,
    opening: i64,
    closing: i64,
    layout: &'a BankLayout,
}

fn hash(text: &str) -> u64 {
    // FNV-1a: stable across runs and platforms.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Formats `minor` (signed cents) with `num`.
pub fn money(minor: i64, num: &Num) -> String {
    let sign = if minor < 0 {
        "-"
    } else if num.plus && minor > 0 {
        "+"
    } else {
        ""
    };
    let abs = minor.unsigned_abs();
    let digits = (abs / 100).to_string();
    let mut whole = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            if let Some(separator) = num.thousands {
                whole.push(separator);
            }
        }
        whole.push(digit);
    }
    let cents = abs % 100;
    let fraction = match num.minimal {
        Minimal::No => format!("{}{cents:02}", num.decimal),
        Minimal::Trim if cents == 0 => String::new(),
        // `-62,3`, and for Python floats `512.0`.
        Minimal::Trim | Minimal::Float if cents.is_multiple_of(10) => {
            format!("{}{}", num.decimal, cents / 10)
        }
        _ => format!("{}{cents:02}", num.decimal),
    };
    format!("{sign}{}{whole}{fraction}", num.symbol)
}

/// Fills the placeholders of a template.
///
/// Row placeholders: `{D}` the descriptor, `{M}` the merchant behind a wallet prefix, `{CODE}`,
/// `{IBAN}` the counterparty's account, `{Nk}` k random digits, `{REF}` a random reference,
/// `{AMT}` the amount (unsigned), dates of the row: `{ISO}` 2026-03-14, `{DMY}` 14.03.2026,
/// `{DMYD}` 14-03-2026, `{DMYS}` 14/03/2026, `{DMYS2}` 14/03/26, `{DM}` 14.03, `{YM}` 03/2026,
/// `{YYMMDD}`, `{DDMON}` 14MAR, `{DDMONYY}` 14MAR26, `{HM}`, `{HMS}`, `{FIRST}` 01.03.2026.
/// Statement placeholders: `{FROM_DMY}`, `{TO_DMY}`, `{FROM_DMYS}`, `{TO_DMYS}`, `{FROM_MDY}`,
/// `{TO_MDY}`, `{FROM_ISO}`, `{TO_ISO}`, `{BAL}` closing balance, `{OPEN}` opening balance.
fn fill(template: &str, ctx: &Ctx, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let key = &rest[open + 1..open + close];
        rest = &rest[open + close + 1..];
        let date = ctx.tx.date;
        let time = date.and_time(ctx.time);
        match key {
            "D" => out.push_str(ctx.descriptor),
            "M" => out.push_str(ctx.merchant),
            "CODE" => out.push_str(ctx.code),
            "IBAN" => out.push_str(&ctx.iban),
            "REF" => {
                for _ in 0..10 {
                    let alphabet = b"ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
                    out.push(alphabet[rng.below(alphabet.len() as u64) as usize] as char);
                }
            }
            "AMT" => out.push_str(&money(ctx.tx.minor.abs(), &DOT)),
            "ISO" => out.push_str(&date.format("%Y-%m-%d").to_string()),
            "DMY" => out.push_str(&date.format("%d.%m.%Y").to_string()),
            "DMYD" => out.push_str(&date.format("%d-%m-%Y").to_string()),
            "DMYS" => out.push_str(&date.format("%d/%m/%Y").to_string()),
            "DMYS2" => out.push_str(&date.format("%d/%m/%y").to_string()),
            "DM" => out.push_str(&date.format("%d.%m").to_string()),
            "YM" => out.push_str(&date.format("%m/%Y").to_string()),
            "YYMMDD" => out.push_str(&date.format("%y%m%d").to_string()),
            "DDMON" => out.push_str(&date.format("%d%b").to_string().to_uppercase()),
            "DDMONYY" => out.push_str(&date.format("%d%b%y").to_string().to_uppercase()),
            "HM" => out.push_str(&time.format("%H:%M").to_string()),
            "HMS" => out.push_str(&time.format("%H:%M:%S").to_string()),
            "FIRST" => out.push_str(
                &date
                    .with_day(1)
                    .unwrap_or(date)
                    .format("%d.%m.%Y")
                    .to_string(),
            ),
            "FROM_DMY" => out.push_str(&ctx.first.format("%d.%m.%Y").to_string()),
            "TO_DMY" => out.push_str(&ctx.last.format("%d.%m.%Y").to_string()),
            "FROM_DMYS" => out.push_str(&ctx.first.format("%d/%m/%Y").to_string()),
            "TO_DMYS" => out.push_str(&ctx.last.format("%d/%m/%Y").to_string()),
            "FROM_MDY" => out.push_str(&ctx.first.format("%m/%d/%Y").to_string()),
            "TO_MDY" => out.push_str(&ctx.last.format("%m/%d/%Y").to_string()),
            "FROM_ISO" => out.push_str(&ctx.first.format("%Y-%m-%d").to_string()),
            "TO_ISO" => out.push_str(&ctx.last.format("%Y-%m-%d").to_string()),
            "BAL" => out.push_str(&money(ctx.closing, &ctx.layout.balance_num)),
            "OPEN" => out.push_str(&money(ctx.opening, &ctx.layout.balance_num)),
            _ if key.starts_with('N') && key[1..].parse::<usize>().is_ok() => {
                let count: usize = key[1..].parse().unwrap_or(0);
                for _ in 0..count {
                    out.push(char::from(b'0' + rng.below(10) as u8));
                }
            }
            _ => {
                out.push('{');
                out.push_str(key);
                out.push('}');
            }
        }
    }
    out.push_str(rest);
    out
}

/// The descriptor without a wallet prefix, or `None` when it is not billed via a wallet.
fn wallet_merchant(descriptor: &str) -> Option<&str> {
    for prefix in ["PAYPAL *", "PP*", "PAYPAL*"] {
        if let Some(rest) = descriptor.strip_prefix(prefix) {
            return Some(rest.trim());
        }
    }
    None
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FieldKind {
    Text,
    Booking,
    Other,
}

fn quote(text: &str, kind: FieldKind, layout: &BankLayout) -> String {
    let q = layout.quoting;
    let wanted = if text.is_empty() {
        q.empty
    } else {
        match kind {
            FieldKind::Text => q.text,
            FieldKind::Booking => q.booking,
            FieldKind::Other => q.other,
        }
    };
    let needed = q.needed
        && (text.contains(layout.delimiter)
            || text.contains('"')
            || text.contains('\n')
            || text.contains('\r'));
    if wanted || needed {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn encode(text: &str, encoding: Enc) -> Vec<u8> {
    match encoding {
        Enc::Utf8 => text.as_bytes().to_vec(),
        Enc::Utf8Bom => {
            let mut out = vec![0xEF, 0xBB, 0xBF];
            out.extend_from_slice(text.as_bytes());
            out
        }
        Enc::Cp1252 => text
            .chars()
            .map(|c| match c {
                '€' => 0x80,
                c if (c as u32) < 0x100 => c as u32 as u8,
                _ => b'?',
            })
            .collect(),
        Enc::Cp1250 => text
            .chars()
            .map(|c| match c {
                c if c.is_ascii() => c as u8,
                'Š' => 0x8A,
                'Ť' => 0x8D,
                'Ž' => 0x8E,
                'š' => 0x9A,
                'ť' => 0x9D,
                'ž' => 0x9E,
                'Á' => 0xC1,
                'Č' => 0xC8,
                'É' => 0xC9,
                'Ě' => 0xCC,
                'Í' => 0xCD,
                'Ď' => 0xCF,
                'Ň' => 0xD2,
                'Ó' => 0xD3,
                'Ř' => 0xD8,
                'Ů' => 0xD9,
                'Ú' => 0xDA,
                'Ý' => 0xDD,
                'á' => 0xE1,
                'č' => 0xE8,
                'é' => 0xE9,
                'ě' => 0xEC,
                'í' => 0xED,
                'ď' => 0xEF,
                'ň' => 0xF2,
                'ó' => 0xF3,
                'ř' => 0xF8,
                'ů' => 0xF9,
                'ú' => 0xFA,
                'ý' => 0xFD,
                '\u{a0}' => 0xA0,
                _ => b'?',
            })
            .collect(),
    }
}

/// A zero-amount notice row's place in the generated rows.
fn notices(first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut day = first.with_day(1).unwrap_or(first);
    while day <= last {
        let notice = add_days(day, 14);
        if notice >= first && notice <= last {
            out.push(notice);
        }
        day = day
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(last);
        if day == last {
            break;
        }
    }
    out
}

/// Renders `txs` (any order) as the bytes of `layout`. Returns the bytes and the number of
/// zero-amount notice rows written.
pub fn render_bank(layout: &BankLayout, txs: &[Tx]) -> (Vec<u8>, usize) {
    let mut rows: Vec<(Tx, Option<Parts>)> = txs.iter().map(|tx| (tx.clone(), None)).collect();
    rows.sort_by(|a, b| a.0.date.cmp(&b.0.date).then(a.0.id.cmp(&b.0.id)));
    let first = rows.first().map_or(super::date(2026, 1, 1), |r| r.0.date);
    let last = rows.last().map_or(super::date(2026, 1, 1), |r| r.0.date);
    let mut notice_count = 0;
    if let Some(parts) = layout.notice {
        for day in notices(first, last) {
            let tx = Tx {
                date: day,
                minor: 0,
                description: String::new(),
                id: format!("N{}", day.format("%Y%m%d")),
                kind: Kind::Debit,
            };
            let at = rows.partition_point(|r| r.0.date <= day);
            rows.insert(at, (tx, Some(parts)));
            notice_count += 1;
        }
    }
    let opening: i64 = 250_000;
    let closing = opening + rows.iter().map(|r| r.0.minor).sum::<i64>();
    let mut balances = Vec::with_capacity(rows.len());
    let mut running = opening;
    for (tx, _) in &rows {
        let before = running;
        running += tx.minor;
        balances.push((before, running));
    }
    let blank = Tx {
        date: last,
        minor: 0,
        description: String::new(),
        id: String::new(),
        kind: Kind::Debit,
    };
    let statement_ctx = Ctx {
        tx: &blank,
        descriptor: "",
        merchant: "",
        code: "",
        iban: String::new(),
        time: NaiveTime::from_hms_opt(16, 57, 0).unwrap_or_default(),
        first,
        last,
        opening,
        closing,
        layout,
    };
    let mut rng = Rng(hash(layout.name) ^ hash(&first.to_string()));
    let mut out = String::new();
    let end = layout.line_end;
    for line in layout.preamble {
        out.push_str(&fill(line, &statement_ctx, &mut rng));
        out.push_str(end);
    }
    if let Some(header) = layout.header {
        out.push_str(header);
        out.push_str(end);
    }
    for line in layout.after_header {
        out.push_str(line);
        out.push_str(end);
    }
    let order: Vec<usize> = if layout.newest_first {
        (0..rows.len()).rev().collect()
    } else {
        (0..rows.len()).collect()
    };
    let delimiter = layout.delimiter.to_string();
    for index in order {
        let (tx, notice) = &rows[index];
        let (before, after) = balances[index];
        let mut row_rng = Rng(hash(&tx.id) ^ hash(layout.name));
        let wallet = if tx.kind == Kind::Card {
            wallet_merchant(&tx.description).and_then(|m| layout.style.wallet.map(|w| (m, w)))
        } else {
            None
        };
        let (parts, merchant, is_card) = match (notice, wallet) {
            (Some(parts), _) => (*parts, "", false),
            (None, Some((merchant, parts))) => (parts, merchant, false),
            (None, None) => {
                let style = layout.style;
                let parts = match tx.kind {
                    Kind::Card => style.card,
                    Kind::Debit => style.debit,
                    Kind::Standing => style.standing,
                    Kind::Salary => style.salary,
                    Kind::Refund => style.refund,
                    Kind::Payment => style.payment,
                };
                (
                    parts,
                    tx.description.as_str(),
                    matches!(tx.kind, Kind::Card | Kind::Refund),
                )
            }
        };
        let seconds = (hash(&tx.id) % 86_400) as u32;
        let iban = if is_card {
            String::new()
        } else {
            let h = hash(&tx.description);
            format!(
                "{}{:02}{:018}",
                &layout.own_account[..2],
                h % 97,
                (h >> 8) % 1_000_000_000_000_000_000
            )
        };
        let code = fill(
            parts.code,
            &Ctx {
                tx,
                descriptor: &tx.description,
                merchant,
                code: "",
                iban: iban.clone(),
                time: NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0).unwrap_or_default(),
                first,
                last,
                opening,
                closing,
                layout,
            },
            &mut row_rng,
        );
        let ctx = Ctx {
            tx,
            descriptor: &tx.description,
            merchant,
            code: &code,
            iban,
            time: NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0).unwrap_or_default(),
            first,
            last,
            opening,
            closing,
            layout,
        };
        let counterparty = fill(parts.counterparty, &ctx, &mut row_rng);
        let booking = fill(parts.booking, &ctx, &mut row_rng);
        let purpose = fill(parts.purpose, &ctx, &mut row_rng);
        let text = fill(parts.text, &ctx, &mut row_rng);
        let shown = if layout.purchases_positive {
            -tx.minor
        } else {
            tx.minor
        };
        let posted = if is_card {
            add_days(tx.date, 1)
        } else {
            tx.date
        };
        let datetime = |date: NaiveDate| NaiveDateTime::new(date, ctx.time);
        let mut fields: Vec<String> = Vec::with_capacity(layout.columns.len());
        for column in layout.columns {
            let mut column = column;
            let mut raw = false;
            loop {
                match column {
                    Col::IfCard(inner) if is_card => column = inner,
                    Col::IfNotCard(inner) if !is_card => column = inner,
                    Col::Raw(inner) => {
                        raw = true;
                        column = inner;
                    }
                    _ => break,
                }
            }
            let (value, kind) = match column {
                Col::IfCard(_) | Col::IfNotCard(_) | Col::Raw(_) | Col::Blank => {
                    (String::new(), FieldKind::Other)
                }
                Col::Date(format) => (
                    datetime(tx.date).format(format).to_string(),
                    FieldKind::Other,
                ),
                Col::Posted(format) => (
                    datetime(posted).format(format).to_string(),
                    FieldKind::Other,
                ),
                Col::Counterparty => (counterparty.clone(), FieldKind::Text),
                Col::Payer => (
                    if tx.minor < 0 {
                        layout.holder.to_owned()
                    } else {
                        counterparty.clone()
                    },
                    FieldKind::Text,
                ),
                Col::Payee => (
                    if tx.minor < 0 {
                        counterparty.clone()
                    } else {
                        layout.holder.to_owned()
                    },
                    FieldKind::Text,
                ),
                Col::PayerAcct => (
                    if tx.minor < 0 {
                        layout.own_account.to_owned()
                    } else {
                        ctx.iban.clone()
                    },
                    FieldKind::Other,
                ),
                Col::PayeeAcct => (
                    if tx.minor < 0 {
                        ctx.iban.clone()
                    } else {
                        layout.own_account.to_owned()
                    },
                    FieldKind::Other,
                ),
                Col::Booking => (booking.clone(), FieldKind::Booking),
                Col::Code => (code.clone(), FieldKind::Booking),
                Col::Purpose => (purpose.clone(), FieldKind::Text),
                Col::PurposeLine(line) => (
                    purpose.chars().skip(line * 27).take(27).collect::<String>(),
                    FieldKind::Text,
                ),
                Col::Text => (text.clone(), FieldKind::Text),
                Col::Amount => (money(shown, &layout.num), FieldKind::Other),
                Col::Debit => (
                    if tx.minor < 0 {
                        money(-tx.minor, &layout.num)
                    } else {
                        layout.empty_money.to_owned()
                    },
                    FieldKind::Other,
                ),
                Col::DebitNeg => (
                    if tx.minor < 0 {
                        money(tx.minor, &layout.num)
                    } else {
                        String::new()
                    },
                    FieldKind::Other,
                ),
                Col::Credit => (
                    if tx.minor > 0 {
                        money(tx.minor, &layout.num)
                    } else {
                        layout.empty_money.to_owned()
                    },
                    FieldKind::Other,
                ),
                Col::Unsigned => (money(tx.minor.abs(), &layout.num), FieldKind::Other),
                Col::Flag(out_word, in_word) => (
                    if tx.minor < 0 {
                        (*out_word).to_owned()
                    } else {
                        (*in_word).to_owned()
                    },
                    FieldKind::Booking,
                ),
                Col::Currency => (layout.currency.to_owned(), FieldKind::Other),
                Col::Balance => (money(after, &layout.balance_num), FieldKind::Other),
                Col::BalanceBefore => (money(before, &layout.balance_num), FieldKind::Other),
                Col::OtherIban => (ctx.iban.clone(), FieldKind::Other),
                Col::Lit(text) => (
                    (*text).to_owned(),
                    if text.chars().any(char::is_alphabetic) {
                        FieldKind::Text
                    } else {
                        FieldKind::Other
                    },
                ),
                Col::Tpl(template) => (fill(template, &ctx, &mut row_rng), FieldKind::Other),
            };
            fields.push(if raw {
                value
            } else {
                quote(&value, kind, layout)
            });
        }
        out.push_str(&fields.join(&delimiter));
        if layout.trailing_delimiter {
            out.push_str(&delimiter);
        }
        out.push_str(end);
    }
    for line in layout.footer {
        out.push_str(&fill(line, &statement_ctx, &mut rng));
        out.push_str(end);
    }
    (encode(&out, layout.encoding), notice_count)
}

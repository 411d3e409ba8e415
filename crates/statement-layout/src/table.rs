//! The transaction table of positioned lines: header columns, rows (a date at the start, one to
//! three amounts at the end), wrapped descriptions, balance rows, repeated page furniture, then
//! the document's conventions (date order, year, sign) decided from all rows together.

use crate::words::{self, leading_date, tail, Mark, Money, RawDate, Word};
use crate::{Kind, Line, Origin, Page};
use chrono::{Datelike, NaiveDate};
use statement::{Args, DateOrder, Diagnostic, Hints, Message, ReadError, Severity, SignConvention};
use std::collections::HashMap;

/// The most rows a document may hold.
pub const MAX_ROWS: usize = 200_000;
/// The most lines of a wrapped description joined onto its row.
const MAX_CONTINUATION: usize = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Date,
    Description,
    Amount,
    Debit,
    Credit,
    Balance,
    Foreign,
}

fn role_of(word: &str) -> Option<Role> {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '/' && c != '\'')
        .to_lowercase();
    let w = w.as_str();
    Some(match w {
        "date" | "datum" | "fecha" | "data" | "buchungstag" | "bu-tag" | "buchung" | "valuta"
        | "wert" | "valeur" | "posted" | "transactiedatum" | "boekdatum" => Role::Date,
        "description"
        | "details"
        | "omschrijving"
        | "libellé"
        | "libelle"
        | "libelle/reference"
        | "libellé/référence"
        | "beschreibung"
        | "vorgang"
        | "verwendungszweck"
        | "buchungstext"
        | "concepto"
        | "particulars"
        | "narrative"
        | "merchant"
        | "naam"
        | "opérations"
        | "operations"
        | "transaktion"
        | "transaction"
        | "umsatz/text" => Role::Description,
        "amount" | "betrag" | "montant" | "importe" | "bedrag" | "umsatz" | "amount(£)"
        | "amount(€)" | "amount($)" | "betrag(eur)" | "euro" => Role::Amount,
        "debit" | "débit" | "debits" | "débits" | "soll" | "af" | "withdrawals" | "withdrawal"
        | "lastschrift" | "belastung" | "cargo" | "cargos" | "ausgang" | "retiros" | "debet"
        | "charges" => Role::Debit,
        "credit" | "crédit" | "credits" | "crédits" | "haben" | "bij" | "deposits" | "deposit"
        | "gutschrift" | "abono" | "abonos" | "eingang" | "ingresos" => Role::Credit,
        "balance" | "saldo" | "solde" | "kontostand" => Role::Balance,
        "vreemde" | "foreign" | "fremdwährung" | "originalbetrag" | "devise" | "devises"
        | "währung" => Role::Foreign,
        _ => return None,
    })
}

fn bigram_role(a: &str, b: &str) -> Option<Role> {
    let a = a.to_lowercase();
    let b = b
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    match (a.as_str(), b.as_str()) {
        ("paid" | "money", "out") => Some(Role::Debit),
        ("paid" | "money", "in") => Some(Role::Credit),
        _ => None,
    }
}

#[derive(Clone, Debug, Default)]
struct Header {
    cols: Vec<(f32, f32, Role)>,
    page: u32,
    y: f32,
}

impl Header {
    fn has(&self, role: Role) -> bool {
        self.cols.iter().any(|c| c.2 == role)
    }

    /// The amount role of the column nearest to `[x0, x1]`.
    fn column(&self, x0: f32, x1: f32) -> Option<Role> {
        let amountish = |r: Role| {
            matches!(
                r,
                Role::Amount | Role::Debit | Role::Credit | Role::Balance | Role::Foreign
            )
        };
        self.cols
            .iter()
            .filter(|c| amountish(c.2))
            .map(|&(c0, c1, role)| {
                let gap = if x1 < c0 {
                    c0 - x1
                } else if x0 > c1 {
                    x0 - c1
                } else {
                    0.0
                };
                (gap, (x1 - c1).abs(), role)
            })
            .min_by(|a, b| {
                a.0.partial_cmp(&b.0)
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then(a.1.partial_cmp(&b.1).unwrap_or(std::cmp::Ordering::Equal))
            })
            .map(|c| c.2)
    }
}

/// Header roles found on a line: `(x0, x1, role)` for each keyword.
fn header_words(words: &[Word]) -> Vec<(f32, f32, Role)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if i + 1 < words.len() {
            if let Some(role) = bigram_role(&words[i].text, &words[i + 1].text) {
                out.push((words[i].x0, words[i + 1].x1, role));
                i += 2;
                continue;
            }
        }
        if let Some(role) = role_of(&words[i].text) {
            out.push((words[i].x0, words[i].x1, role));
        }
        i += 1;
    }
    out
}

fn is_header(words: &[Word], found: &[(f32, f32, Role)]) -> bool {
    let mut roles: Vec<Role> = found.iter().map(|c| c.2).collect();
    roles.dedup();
    let distinct = {
        let mut r = roles.clone();
        r.sort_by_key(|r| *r as u8);
        r.dedup();
        r.len()
    };
    let money = found.iter().any(|c| {
        matches!(
            c.2,
            Role::Amount | Role::Debit | Role::Credit | Role::Balance
        )
    });
    distinct >= 2 && (money || distinct >= 3) && found.len() * 5 >= words.len() * 2
}

const BALANCE_WORDS: &[&str] = &[
    "brought forward",
    "carried forward",
    "balance forward",
    "b/f",
    "c/f",
    "previous balance",
    "opening balance",
    "closing balance",
    "new balance",
    "start balance",
    "end balance",
    "balance at",
    "übertrag",
    "uebertrag",
    "alter kontostand",
    "neuer kontostand",
    "alter saldo",
    "neuer saldo",
    "saldo vorige",
    "vorig saldo",
    "vorig openstaand saldo",
    "nieuw saldo",
    "nieuw openstaand saldo",
    "beginsaldo",
    "eindsaldo",
    "saldo vorig",
    "solde précédent",
    "solde precedent",
    "ancien solde",
    "nouveau solde",
    "solde crediteur",
    "solde créditeur",
    "solde debiteur",
    "solde débiteur",
    "solde au",
    "solde en",
    "à reporter",
    "a reporter",
    "saldo anterior",
    "saldo inicial",
    "saldo final",
    "saldo al",
];

const TOTAL_WORDS: &[&str] = &[
    "total",
    "totaal",
    "totale",
    "summe",
    "gesamt",
    "sous-total",
    "totaux",
    "totals",
];

fn is_balance_text(text: &str) -> bool {
    let lower = text.to_lowercase();
    BALANCE_WORDS.iter().any(|w| lower.contains(w))
        || lower.starts_with("report ")
        || lower == "report"
        || lower.starts_with("balance ")
}

/// Balance rows that carry the balance over a page break rather than close the statement.
fn is_carry_text(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "forward",
        "b/f",
        "c/f",
        "übertrag",
        "uebertrag",
        "report",
        "vorig",
        "précédent",
        "precedent",
        "ancien",
        "alter ",
        "anterior",
        "inicial",
        "opening",
        "previous",
        "start",
        "beginsaldo",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

fn is_total_text(text: &str) -> bool {
    let lower = text.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    let first = first.trim_end_matches(|c: char| !c.is_alphanumeric());
    TOTAL_WORDS.contains(&first)
        || lower.contains("total ")
        || lower.contains(" total")
        || lower.starts_with("summe ")
}

fn is_negative_balance_text(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("debiteur") || lower.contains("débiteur") || lower.contains("overdrawn")
}

#[derive(Clone, Debug)]
struct Row {
    origin: Origin,
    y: f32,
    date: Option<RawDate>,
    posted: Option<RawDate>,
    description: String,
    desc_x0: f32,
    amounts: Vec<Money>,
    header: Option<usize>,
    balance_row: bool,
    negative_balance_text: bool,
    continuation: usize,
    /// The date was taken from the row above (banks print a day's date once).
    inherited: bool,
    /// The line right above was part of a transaction row.
    after_row: bool,
    /// Bytes of `description` that came from the row's own line (the rest is continuation).
    head_len: usize,
}

/// What the reconstruction produced, before it is written out.
pub(crate) struct Reconstructed {
    pub rows: Vec<Output>,
    pub diagnostics: Vec<Diagnostic>,
    pub date_order: Option<DateOrder>,
    pub date_order_reason: Option<Message>,
    pub decimal_mark: Option<char>,
    pub sign_convention: SignConvention,
    pub sign_reason: Message,
    pub currency: Option<String>,
    pub pages: usize,
}

/// One transaction, ready to be written as CSV.
pub(crate) struct Output {
    pub origin: Origin,
    pub date: NaiveDate,
    pub posted: Option<NaiveDate>,
    pub description: String,
    /// The bank's kind of booking, when the row's own line holds only that (`Basislastschrift
    /// PN:931`) and the merchant is on the lines below.
    pub booking: Option<String>,
    /// Signed minor units (scale 2), money out negative.
    pub amount: i64,
    pub balance: Option<i64>,
}

/// "unambiguous: day above 12 on [page P,] line L".
fn day_over_12(pages: usize, origin: Origin) -> Message {
    if pages > 1 {
        Message::new(
            "reason-day-over-12-page",
            Args::new()
                .count("page", origin.page)
                .line("line", origin.line),
        )
    } else {
        Message::new(
            "reason-day-over-12-line",
            Args::new().line("line", origin.line),
        )
    }
}

fn hint() -> Message {
    Message::new("reason-hint", Args::new())
}

fn furniture_key(line: &Line) -> String {
    let mut key = format!("{}:", line.spans.first().map_or(0, |s| s.x0.round() as i64));
    for span in &line.spans {
        for ch in span.text.chars() {
            key.push(if ch.is_ascii_digit() { '#' } else { ch });
        }
        key.push(' ');
    }
    key
}

fn median_gap(lines: &[Line]) -> f32 {
    let mut gaps: Vec<f32> = lines
        .windows(2)
        .map(|w| w[1].y - w[0].y)
        .filter(|g| g.is_finite() && *g > 0.0)
        .collect();
    if gaps.is_empty() {
        return 1.0;
    }
    gaps.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    gaps[gaps.len() / 2]
}

fn strip_trailing_dates(words: &[Word]) -> (usize, Option<RawDate>) {
    let mut end = words.len();
    let mut last = None;
    while end > 0 {
        let text = &words[end - 1].text;
        // `DD.MM` only as a value date after the description (BNP's Valeur column).
        match words::word_date(text).or_else(|| words::day_dot_month(text)) {
            Some(date) => {
                last = Some(date);
                end -= 1;
            }
            None => break,
        }
    }
    (end, last)
}

fn join(words: &[Word]) -> String {
    let mut out = String::new();
    for word in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.text);
    }
    out
}

/// Finds the rows of every page.
pub(crate) fn reconstruct(
    pages: &[Page],
    kind: Kind,
    hints: &Hints,
) -> Result<Reconstructed, ReadError> {
    let page_count = pages.len();
    let decimal_hint = hints.decimal_mark.and_then(|c| u8::try_from(c).ok());
    // Lines repeated at the same place on most pages (letterhead, footers) are not part of the
    // table: the same text within two lines of the same distance from the page's top or bottom.
    // (text, distance from the top or, negated, from the bottom) → pages it is on.
    let mut furniture: HashMap<(String, i64), u32> = HashMap::new();
    if pages.len() >= 2 {
        for page in pages {
            let n = page.lines.len();
            for (index, line) in page.lines.iter().enumerate() {
                if index >= n / 5 + 3 && index + n / 5 + 3 < n {
                    continue;
                }
                let key = furniture_key(line);
                *furniture.entry((key.clone(), index as i64)).or_default() += 1;
                *furniture
                    .entry((key, -1 - (n - 1 - index) as i64))
                    .or_default() += 1;
            }
        }
    }
    let repeated = |page: &Page, index: usize| {
        if pages.len() < 2 {
            return false;
        }
        let n = page.lines.len();
        let key = furniture_key(&page.lines[index]);
        let count = |at: i64| {
            (at - 2..=at + 2)
                .map(|p| furniture.get(&(key.clone(), p)).copied().unwrap_or(0) as usize)
                .sum::<usize>()
        };
        let seen = count(index as i64).max(count(-1 - (n - 1 - index) as i64));
        seen >= 2 && seen * 2 >= pages.len()
    };

    let mut rows: Vec<Row> = Vec::new();
    let mut headers: Vec<Header> = Vec::new();
    let mut diagnostics = Vec::new();
    let mut context_dates: Vec<(u32, RawDate)> = Vec::new();
    let mut currency_votes: HashMap<&'static str, usize> = HashMap::new();
    let mut unread: Vec<(Origin, String)> = Vec::new();

    for page in pages {
        let gap = median_gap(&page.lines);
        // The row that continuation lines may still join, as an index into `rows`.
        let mut open: Option<usize> = None;
        let mut last_y = f32::NEG_INFINITY;
        for (line_index, line) in page.lines.iter().enumerate() {
            let words = words::words(line);
            if words.is_empty() {
                continue;
            }
            let close = line.y - last_y <= gap * 1.6;
            last_y = line.y;
            let origin = Origin {
                page: page.number,
                line: line.line,
            };
            for word in &words {
                let symbol = match word.text.as_str() {
                    t if t.contains('€') || t == "EUR" => Some("EUR"),
                    t if t.contains('£') || t == "GBP" => Some("GBP"),
                    t if t.contains('$') || t == "USD" => Some("USD"),
                    "CHF" => Some("CHF"),
                    _ => None,
                };
                if let Some(code) = symbol {
                    *currency_votes.entry(code).or_default() += 1;
                }
            }
            let found = header_words(&words);
            let dated = leading_date(&words);
            if dated.is_none() && is_header(&words, &found) {
                // A header line right below another one adds to it (`Bedrag in` / `vreemde valuta`).
                match headers.last_mut() {
                    Some(h) if h.page == page.number && line.y - h.y <= gap * 3.5 => {
                        merge_header(h, &found);
                        h.y = line.y;
                    }
                    _ => headers.push(Header {
                        cols: found,
                        page: page.number,
                        y: line.y,
                    }),
                }
                open = None;
                continue;
            }
            if dated.is_none() && !found.is_empty() {
                if let Some(h) = headers.last_mut() {
                    if h.page == page.number
                        && line.y - h.y <= gap * 2.5
                        && !rows
                            .iter()
                            .any(|r| r.origin.page == page.number && r.y > h.y)
                    {
                        merge_header(h, &found);
                        h.y = line.y;
                        continue;
                    }
                }
            }
            let header = headers.len().checked_sub(1);
            match dated {
                Some((date, used))
                    if !repeated(page, line_index)
                        || !tail(&words, used, decimal_hint).amounts.is_empty() =>
                {
                    let tail = tail(&words, used, decimal_hint);
                    if tail.amounts.is_empty() {
                        for date in words::dates_with_year(&words) {
                            context_dates.push((page.number, date));
                        }
                    }
                    let mut desc_from = used;
                    let mut posted = None;
                    if let Some((second, n)) = leading_date(&words[used..]) {
                        if used + n <= tail.start {
                            posted = Some(second);
                            desc_from = used + n;
                        }
                    }
                    let desc_end = tail.start.max(desc_from);
                    let (desc_end, trailing_date) =
                        strip_trailing_dates(&words[desc_from..desc_end]);
                    let desc_words = &words[desc_from..desc_from + desc_end];
                    if posted.is_none() {
                        posted = trailing_date;
                    }
                    let description = join(desc_words);
                    if let Some(bad) = &tail.unreadable {
                        unread.push((origin, bad.to_string()));
                        open = None;
                        continue;
                    }
                    let desc_x0 = desc_words
                        .first()
                        .map_or_else(|| words.get(used).map_or(0.0, |w| w.x0), |w| w.x0);
                    push_row(
                        &mut rows,
                        Row {
                            origin,
                            y: line.y,
                            date: Some(date),
                            posted,
                            balance_row: is_balance_text(&description),
                            negative_balance_text: is_negative_balance_text(&description),
                            description,
                            desc_x0,
                            amounts: tail.amounts,
                            header,
                            continuation: 0,
                            inherited: false,
                            after_row: open.is_some() && close,
                            head_len: usize::MAX,
                        },
                    )?;
                    open = Some(rows.len() - 1);
                }
                _ => {
                    for date in words::dates_with_year(&words) {
                        context_dates.push((page.number, date));
                    }
                    // A line repeated at the same place on most pages is letterhead or footer,
                    // unless it is a plausible continuation of the row above (a merchant may
                    // recur at the same place of every page).
                    let furniture = repeated(page, line_index);
                    let tail = tail(&words, 0, decimal_hint);
                    let text = join(&words[..tail.start]);
                    if !tail.amounts.is_empty() && is_balance_text(&text) {
                        push_row(
                            &mut rows,
                            Row {
                                origin,
                                y: line.y,
                                date: None,
                                posted: None,
                                negative_balance_text: is_negative_balance_text(&text),
                                description: text,
                                desc_x0: words[0].x0,
                                amounts: tail.amounts,
                                header,
                                balance_row: true,
                                continuation: 0,
                                inherited: false,
                                after_row: false,
                                head_len: usize::MAX,
                            },
                        )?;
                        open = None;
                        continue;
                    }
                    let Some(index) = open else { continue };
                    if !close {
                        open = None;
                        continue;
                    }
                    let width = char_width(&words);
                    // A sign marker alone under the row's amount (`CR` on the line below).
                    if let ([word], Some(last)) = (words.as_slice(), rows[index].amounts.last()) {
                        if let Some(mark @ (Mark::Credit | Mark::Debit | Mark::Minus)) =
                            words::marker(&word.text)
                        {
                            if (word.x1 - last.x1).abs() <= width * 3.0 && last.mark == Mark::None {
                                if let Some(last) = rows[index].amounts.last_mut() {
                                    last.mark = mark;
                                }
                                continue;
                            }
                        }
                    }
                    let row = &rows[index];
                    let right_of_date = words[0].x0 >= row.desc_x0 - width * 2.5;
                    if !tail.amounts.is_empty() {
                        if row.amounts.is_empty() && !row.balance_row {
                            // The amounts of a dated line that carried none.
                            let row = &mut rows[index];
                            row.amounts = tail.amounts;
                            if !text.is_empty() {
                                row.description.push(' ');
                                row.description.push_str(&text);
                            }
                            continue;
                        }
                        if !row.balance_row
                            && !furniture
                            && (words[0].x0 - row.desc_x0).abs() <= width * 2.5
                            && !is_total_text(&text)
                            && !text.is_empty()
                        {
                            // A second transaction of the same day, its date left out.
                            let row = Row {
                                origin,
                                y: line.y,
                                date: row.date,
                                posted: row.posted,
                                description: text,
                                desc_x0: words[0].x0,
                                amounts: tail.amounts,
                                header,
                                balance_row: false,
                                negative_balance_text: false,
                                continuation: 0,
                                inherited: true,
                                after_row: true,
                                head_len: usize::MAX,
                            };
                            push_row(&mut rows, row)?;
                            open = Some(rows.len() - 1);
                            continue;
                        }
                        open = None;
                        continue;
                    }
                    if right_of_date && row.continuation < MAX_CONTINUATION && !row.balance_row {
                        let row = &mut rows[index];
                        if !row.description.is_empty() {
                            row.description.push(' ');
                        }
                        row.description.push_str(&text);
                        row.continuation += 1;
                    } else {
                        open = None;
                    }
                }
            }
        }
    }
    decide(
        rows,
        headers,
        context_dates,
        currency_votes,
        unread,
        std::mem::take(&mut diagnostics),
        kind,
        page_count,
        hints,
    )
}

fn char_width(words: &[Word]) -> f32 {
    let (width, chars) = words.iter().fold((0.0f32, 0usize), |(w, c), word| {
        (w + (word.x1 - word.x0), c + word.text.chars().count())
    });
    if chars == 0 || !width.is_finite() || width <= 0.0 {
        1.0
    } else {
        width / chars as f32
    }
}

fn merge_header(header: &mut Header, found: &[(f32, f32, Role)]) {
    for &(x0, x1, role) in found {
        let overlapping = header
            .cols
            .iter_mut()
            .find(|c| x0 <= c.1 + 1.0 && x1 + 1.0 >= c.0);
        match overlapping {
            Some(col) if role == Role::Foreign => col.2 = Role::Foreign,
            Some(col)
                if col.2 == Role::Amount
                    && matches!(role, Role::Debit | Role::Credit | Role::Balance) =>
            {
                col.2 = role
            }
            Some(col)
                if matches!(
                    role,
                    Role::Amount | Role::Debit | Role::Credit | Role::Balance
                ) =>
            {
                col.0 = col.0.min(x0);
                col.1 = col.1.max(x1);
            }
            Some(_) => {}
            None => header.cols.push((x0, x1, role)),
        }
    }
}

fn push_row(rows: &mut Vec<Row>, mut row: Row) -> Result<(), ReadError> {
    row.head_len = row.description.len();
    if rows.len() >= MAX_ROWS {
        return Err(ReadError::new(
            "too-large-rows",
            Args::new().count("limit", MAX_ROWS),
        ));
    }
    rows.push(row);
    Ok(())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Out,
    In,
    Minus,
    Plus,
    Unsigned,
}

fn resolve_date(
    raw: RawDate,
    order: DateOrder,
    end: Option<NaiveDate>,
) -> Result<NaiveDate, &'static str> {
    let (day, month) = if raw.numeric {
        match order {
            DateOrder::Mdy => (raw.b, raw.a),
            _ => (raw.a, raw.b),
        }
    } else {
        (raw.a, raw.b)
    };
    match raw.year {
        Some(year) => NaiveDate::from_ymd_opt(year, month, day).ok_or("no such day"),
        None => {
            let end = end.ok_or("no year")?;
            let this = NaiveDate::from_ymd_opt(end.year(), month, day);
            let last = NaiveDate::from_ymd_opt(end.year() - 1, month, day);
            match (this, last) {
                (Some(date), _) if date <= end + chrono::Duration::days(7) => Ok(date),
                (_, Some(date)) => Ok(date),
                (Some(date), None) => Ok(date),
                (None, None) => Err("reason-no-such-day"),
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn decide(
    rows: Vec<Row>,
    headers: Vec<Header>,
    context_dates: Vec<(u32, RawDate)>,
    currency_votes: HashMap<&'static str, usize>,
    unread: Vec<(Origin, String)>,
    mut diagnostics: Vec<Diagnostic>,
    kind: Kind,
    pages: usize,
    hints: &Hints,
) -> Result<Reconstructed, ReadError> {
    let transactions = rows
        .iter()
        .filter(|r| !r.balance_row && !r.amounts.is_empty())
        .count();
    if transactions == 0 {
        let what = match kind {
            Kind::Text => "document-text",
            Kind::Pdf => "document-pdf",
        };
        return Err(ReadError::new(
            "not-a-statement-table",
            Args::new().term("document", what),
        ));
    }
    // Date order of numeric dates.
    let (date_order, date_order_reason) = match hints.date_order {
        Some(order) => (order, Message::new("reason-hint", Args::new())),
        None => {
            let mut dmy = None;
            let mut mdy = None;
            for row in &rows {
                for date in row.date.iter().chain(row.posted.iter()) {
                    if date.numeric {
                        if date.a > 12 && dmy.is_none() {
                            dmy = Some(row.origin);
                        }
                        if date.b > 12 && mdy.is_none() {
                            mdy = Some(row.origin);
                        }
                    }
                }
            }
            let usd = currency_votes.get("USD").copied().unwrap_or(0);
            let other = currency_votes.get("EUR").copied().unwrap_or(0)
                + currency_votes.get("GBP").copied().unwrap_or(0);
            match (dmy, mdy) {
                (Some(at), None) => (DateOrder::Dmy, day_over_12(pages, at)),
                (None, Some(at)) => (DateOrder::Mdy, day_over_12(pages, at)),
                _ if usd > other => (
                    DateOrder::Mdy,
                    Message::new("reason-us-dollar", Args::new()),
                ),
                _ => (
                    DateOrder::Dmy,
                    Message::new("reason-outside-us", Args::new()),
                ),
            }
        }
    };
    // The statement's end, for dates without a year: the latest full date on the first page
    // that has one (statement date, period end), or on any page.
    let resolve_full = |d: &RawDate| resolve_date(*d, date_order, None).ok();
    let first_page = context_dates.iter().map(|(p, _)| *p).min();
    let end = context_dates
        .iter()
        .filter(|(p, _)| Some(*p) == first_page)
        .filter_map(|(_, d)| resolve_full(d))
        .max()
        .or_else(|| {
            rows.iter()
                .filter_map(|r| r.date.filter(|d| d.year.is_some()))
                .filter_map(|d| resolve_full(&d))
                .max()
        });
    let needs_year = rows
        .iter()
        .any(|r| r.date.is_some_and(|d| d.year.is_none()));
    if needs_year && end.is_none() {
        return Err(ReadError::new("no-statement-year", Args::new()));
    }
    // Decimal mark: what most amounts use.
    let (dots, commas) = rows
        .iter()
        .flat_map(|r| r.amounts.iter())
        .fold((0, 0), |(d, c), m| {
            if m.decimal == b'.' {
                (d + 1, c)
            } else {
                (d, c + 1)
            }
        });
    let decimal_mark = hints
        .decimal_mark
        .or(Some(if commas > dots { ',' } else { '.' }));

    // Pick each row's amount and balance.
    struct Picked {
        amount: Option<Money>,
        column: Option<Role>,
        balance: Option<i64>,
    }
    let signed_balance = |m: &Money, negative_text: bool| {
        let negative = matches!(m.mark, Mark::Minus | Mark::Debit) || negative_text;
        if negative {
            -m.minor
        } else {
            m.minor
        }
    };
    let pick = |row: &Row| -> Picked {
        let mut amounts: Vec<Money> = row.amounts.clone();
        if amounts.iter().any(|m| !m.foreign) {
            amounts.retain(|m| !m.foreign);
        }
        let header = row.header.and_then(|h| headers.get(h));
        if let Some(header) = header.filter(|h| {
            h.has(Role::Debit)
                || h.has(Role::Credit)
                || h.has(Role::Balance)
                || h.has(Role::Foreign)
        }) {
            let mut amount = None;
            let mut column = None;
            let mut balance = None;
            for m in &amounts {
                match header.column(m.x0, m.x1) {
                    Some(Role::Balance) => balance = Some(signed_balance(m, false)),
                    Some(Role::Foreign) => {}
                    Some(role) if amount.is_none() => {
                        amount = Some(*m);
                        column = Some(role);
                    }
                    _ => {}
                }
            }
            if amount.is_some() || row.balance_row {
                if row.balance_row && balance.is_none() {
                    balance = amounts
                        .last()
                        .map(|m| signed_balance(m, row.negative_balance_text));
                }
                return Picked {
                    amount,
                    column,
                    balance,
                };
            }
        }
        if row.balance_row {
            return Picked {
                amount: None,
                column: None,
                balance: amounts
                    .last()
                    .map(|m| signed_balance(m, row.negative_balance_text)),
            };
        }
        match amounts.len() {
            0 => Picked {
                amount: None,
                column: None,
                balance: None,
            },
            1 => Picked {
                amount: Some(amounts[0]),
                column: None,
                balance: None,
            },
            n => Picked {
                amount: Some(amounts[n - 2]),
                column: None,
                balance: Some(signed_balance(&amounts[n - 1], false)),
            },
        }
    };

    // First pass: classes, and the running balance's say where there is one.
    let mut picked = Vec::with_capacity(rows.len());
    let mut previous: Option<i64> = None;
    // (class, balance went down) votes for calibrating relative classes.
    let mut votes: HashMap<(u8, bool), usize> = HashMap::new();
    for row in &rows {
        let p = pick(row);
        let mut class = None;
        let mut delta_down = None;
        if let Some(m) = p.amount {
            class = Some(match (p.column, m.mark) {
                (_, Mark::Debit) => Class::Out,
                (_, Mark::Credit) => Class::In,
                (Some(Role::Debit), Mark::Minus) => Class::In,
                (Some(Role::Debit), _) => Class::Out,
                (Some(Role::Credit), Mark::Minus) => Class::Out,
                (Some(Role::Credit), _) => Class::In,
                (_, Mark::Minus) => Class::Minus,
                (_, Mark::Plus) => Class::Plus,
                (_, Mark::None) => Class::Unsigned,
            });
            if let (Some(before), Some(after)) = (previous, p.balance) {
                if (after - before).abs() == m.minor && m.minor != 0 {
                    delta_down = Some(after < before);
                }
            }
            if let (Some(c), Some(down)) = (class, delta_down) {
                *votes.entry((c as u8, down)).or_default() += 1;
            }
        }
        if row.balance_row || p.balance.is_some() {
            previous = p.balance;
        } else if p.amount.is_some() {
            previous = None;
        }
        picked.push((p, class, delta_down));
    }
    // Does a falling balance mean money out (an account) or money in (a card's balance owed)?
    let absolute_down_out = votes.get(&(Class::Out as u8, true)).copied().unwrap_or(0)
        + votes.get(&(Class::In as u8, false)).copied().unwrap_or(0);
    let absolute_down_in = votes.get(&(Class::Out as u8, false)).copied().unwrap_or(0)
        + votes.get(&(Class::In as u8, true)).copied().unwrap_or(0);
    let count = |c: Class| picked.iter().filter(|(_, k, _)| *k == Some(c)).count();
    let down_count = picked.iter().filter(|(_, _, d)| *d == Some(true)).count();
    let up_count = picked.iter().filter(|(_, _, d)| *d == Some(false)).count();
    let down_is_out = if absolute_down_out + absolute_down_in > 0 {
        absolute_down_out >= absolute_down_in
    } else {
        down_count >= up_count
    };
    let (unsigned, minus) = (count(Class::Unsigned), count(Class::Minus));
    let (absolute, plus) = (count(Class::Out) + count(Class::In), count(Class::Plus));
    // Relative marks: what an unsigned amount and a minus mean in this document.
    let (unsigned_out, mut sign_convention, mut sign_reason) = match hints.sign_convention {
        Some(SignConvention::OutflowNegative) => (false, SignConvention::OutflowNegative, hint()),
        Some(SignConvention::OutflowPositive) => (true, SignConvention::OutflowPositive, hint()),
        _ => {
            // Learn it from rows whose balance moved.
            let unsigned_down = votes
                .get(&(Class::Unsigned as u8, true))
                .copied()
                .unwrap_or(0);
            let unsigned_up = votes
                .get(&(Class::Unsigned as u8, false))
                .copied()
                .unwrap_or(0);
            let minus_down = votes.get(&(Class::Minus as u8, true)).copied().unwrap_or(0);
            let minus_up = votes
                .get(&(Class::Minus as u8, false))
                .copied()
                .unwrap_or(0);
            let by_balance_unsigned_out = if down_is_out {
                unsigned_down
            } else {
                unsigned_up
            };
            let by_balance_unsigned_in = if down_is_out {
                unsigned_up
            } else {
                unsigned_down
            };
            let by_balance_minus_out = if down_is_out { minus_down } else { minus_up };
            let by_balance_minus_in = if down_is_out { minus_up } else { minus_down };
            let out_votes = by_balance_unsigned_out + by_balance_minus_in;
            let in_votes = by_balance_unsigned_in + by_balance_minus_out;
            if out_votes + in_votes > 0 {
                let unsigned_out = out_votes > in_votes;
                (
                    unsigned_out,
                    if unsigned_out {
                        SignConvention::OutflowPositive
                    } else {
                        SignConvention::OutflowNegative
                    },
                    Message::new("reason-running-balance", Args::new()),
                )
            } else if minus == 0 {
                (
                    true,
                    SignConvention::OutflowPositive,
                    Message::new("reason-unsigned-out", Args::new()),
                )
            } else if unsigned == 0 {
                (
                    false,
                    SignConvention::OutflowNegative,
                    Message::new("reason-minus-out", Args::new()),
                )
            } else if unsigned >= minus {
                (
                    true,
                    SignConvention::OutflowPositive,
                    Message::new(
                        "reason-mostly-unsigned",
                        Args::new()
                            .count("unsigned", unsigned)
                            .count("count", unsigned + minus),
                    ),
                )
            } else {
                (
                    false,
                    SignConvention::OutflowNegative,
                    Message::new(
                        "reason-mostly-minus",
                        Args::new()
                            .count("minus", minus)
                            .count("count", unsigned + minus),
                    ),
                )
            }
        }
    };
    if absolute > 0 && absolute >= unsigned + minus + plus {
        let columns = picked
            .iter()
            .any(|(p, _, _)| matches!(p.column, Some(Role::Debit | Role::Credit)));
        if columns {
            sign_convention = SignConvention::SplitColumns;
            sign_reason = Message::new("reason-debit-credit-columns", Args::new());
        } else {
            sign_convention = SignConvention::Indicator;
            sign_reason = Message::new("reason-markers", Args::new());
        }
    }

    // Second pass: write the rows. A dated line without an amount is reported only inside the
    // table (between the first and the last row with one); outside it is a heading.
    let with_amount = |r: &Row| !r.balance_row && !r.amounts.is_empty();
    let first = rows.iter().position(with_amount).unwrap_or(0);
    let last = rows.iter().rposition(with_amount).unwrap_or(0);
    let mut out = Vec::new();
    // After the closing balance, rows that repeat an earlier one (same day, same amount) are a
    // summary (a list of direct debits, of fees), not new transactions. Same amount within a week
    // counts: the summary may give the value date.
    let closing = rows
        .iter()
        .rposition(|r| r.balance_row && !is_carry_text(&r.description))
        .filter(|&i| i > first);
    let mut seen: std::collections::HashSet<(NaiveDate, i64)> = std::collections::HashSet::new();
    let mut repeats: Vec<Origin> = Vec::new();
    for (index, (row, (p, class, delta_down))) in rows.iter().zip(picked).enumerate() {
        if row.balance_row {
            continue;
        }
        let closed = closing.is_some_and(|c| index > c);
        let Some(m) = p.amount else {
            if !row.inherited && row.after_row && index > first && index <= last {
                unread_row(
                    &mut diagnostics,
                    row.origin,
                    "unreadable-row-no-amount",
                    Args::new(),
                );
            }
            continue;
        };
        let outflow = match class.expect("a picked amount has a class") {
            Class::Out => true,
            Class::In => false,
            Class::Plus => false,
            relative => match (delta_down, hints.sign_convention) {
                (Some(down), None)
                    if sign_reason.code == "reason-running-balance"
                        || absolute_down_out + absolute_down_in > 0 =>
                {
                    down == down_is_out
                }
                _ => match relative {
                    Class::Unsigned => unsigned_out,
                    _ => !unsigned_out,
                },
            },
        };
        let date = match row.date.map(|d| resolve_date(d, date_order, end)) {
            Some(Ok(date)) => date,
            Some(Err(why)) => {
                unread_row(
                    &mut diagnostics,
                    row.origin,
                    "unreadable-row-date",
                    Args::new().message("reason", Message::new(why, Args::new())),
                );
                continue;
            }
            None => continue,
        };
        let posted = row.posted.and_then(|d| {
            resolve_date(d, date_order, Some(date + chrono::Duration::days(31))).ok()
        });
        if closed {
            let near =
                (-7..=7).any(|d| seen.contains(&(date + chrono::Duration::days(d), m.minor)));
            if near {
                repeats.push(row.origin);
                continue;
            }
        } else {
            seen.insert((date, m.minor));
        }
        let (booking, description) = split_booking(row);
        out.push(Output {
            origin: row.origin,
            date,
            posted,
            booking,
            description,
            amount: if outflow { -m.minor } else { m.minor },
            balance: p.balance,
        });
    }
    if let Some(first) = repeats.first() {
        diagnostics.push(Diagnostic::new(
            Severity::Info,
            "summary-rows",
            Args::new()
                .count("rows", repeats.len())
                .count("page", first.page)
                .line("line", first.line),
        ));
    }
    for (origin, value) in unread {
        unread_row(
            &mut diagnostics,
            origin,
            "unreadable-row-digits",
            Args::new().text("value", value),
        );
    }
    let currency = currency_votes
        .iter()
        .max_by_key(|(code, n)| (**n, **code))
        .map(|(code, _)| (*code).to_owned());
    Ok(Reconstructed {
        rows: out,
        diagnostics,
        date_order: Some(date_order),
        date_order_reason: Some(date_order_reason),
        decimal_mark,
        sign_convention,
        sign_reason,
        currency,
        pages,
    })
}

/// Words that name a kind of booking, not a party (German statements put them on the row's own
/// line and the counterparty below).
const BOOKING_WORDS: &[&str] = &[
    "lastschrift",
    "basislastschrift",
    "folgelastschrift",
    "erstlastschrift",
    "sepa-lastschrift",
    "gutschrift",
    "überweisung",
    "ueberweisung",
    "überweisungsauftrag",
    "überweisungsgutschr",
    "überweisungsgutschr.",
    "echtzeitüberweisung",
    "dauerauftrag",
    "dauerauftragsgutschr",
    "kartenzahlung",
    "zahlungseingang",
    "einzahlung",
    "auszahlung",
    "bargeldauszahlung",
    "gehalt/rente",
    "lohn/gehalt",
    "entgelt",
    "abschluss",
];

fn split_booking(row: &Row) -> (Option<String>, String) {
    let head = row
        .description
        .get(..row.head_len.min(row.description.len()))
        .unwrap_or("");
    let rest = row.description.get(head.len()..).unwrap_or("").trim();
    let mut words = head.split_whitespace().filter(|w| !w.starts_with("PN:"));
    let booking = words
        .next()
        .is_some_and(|w| BOOKING_WORDS.contains(&w.to_lowercase().as_str()))
        && words.all(|w| w.chars().all(|c| c.is_alphabetic() || c == '.') && w.len() <= 12);
    if booking && !rest.is_empty() {
        (Some(head.trim().to_owned()), rest.to_owned())
    } else {
        (None, row.description.clone())
    }
}

/// A row that looks like a transaction but was not read: `code` says why, `args` the rest;
/// every one names the row's page and line.
fn unread_row(diagnostics: &mut Vec<Diagnostic>, origin: Origin, code: &'static str, args: Args) {
    let args = args.count("page", origin.page).line("line", origin.line);
    diagnostics.push(Diagnostic::new(Severity::Warning, code, args));
}

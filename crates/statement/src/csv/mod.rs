//! The CSV reader: any bank's delimited export, streamed.
//!
//! The first [`SNIFF_BYTES`](crate::SNIFF_BYTES) are buffered to decide the encoding, the
//! delimiter, the preamble and header, the column roles and the decimal mark. From then on the
//! input streams through the splitter (direct for plain one-line records, csv-core for the rest)
//! with memory bounded by the longest row (at most [`MAX_ROW_BYTES`]); each row goes straight
//! into the compact transaction store, its description into the store's text arena. Decisions
//! that need every row — day/month order, the sign convention and the amount scale — are made in
//! [`CsvReader::finish`] over the rows kept so far.
//!
//! **Invariant:** no input makes the reader panic, loop or hold more than one row of text
//! beyond the transactions it returns.

mod infer;
mod names;
mod split;

pub use split::{MAX_FIELDS, MAX_ROW_BYTES};

use crate::date::{self, OrderEvidence, RawDate};
use crate::encoding::{self, Decoder, Encoding};
use crate::number;
use crate::store::{Parts, Row, Span, MAX_TEXT_BYTES};
use crate::{
    Amount, Args, Column, DateOrder, Diagnostic, Format, Hints, Message, ReadError, Severity,
    SignConvention, Statement, Transactions,
};
use chrono::{Datelike, NaiveDate};
use infer::Layout;
use names::Language;
use split::{Overflow, Record, Span as FieldSpan, Splitter};

/// The most transactions one file may yield; more is reported, not kept.
pub const MAX_TRANSACTIONS: usize = 5_000_000;

/// How many per-row diagnostics are listed before the rest are only counted.
const MAX_ROW_DIAGNOSTICS: usize = 100;

/// A streaming CSV reader. Feed chunks with [`CsvReader::push`], then [`CsvReader::finish`].
pub struct CsvReader {
    hints: Hints,
    phase: Phase,
    expected_bytes: u64,
}

enum Phase {
    /// Collecting the first bytes for inference.
    Sniffing(Vec<u8>),
    /// Streaming rows.
    Streaming(Box<Stream>),
    /// Rejected; further input is ignored.
    Failed(ReadError),
}

struct Stream {
    encoding: Encoding,
    encoding_reason: &'static str,
    decoder: Decoder,
    scratch: Vec<u8>,
    splitter: Splitter,
    rows: Rows,
    /// Bytes of byte-order mark still to skip at the start of the input.
    skip_bom: usize,
}

/// What a row needs beyond its [`Transaction`] until the end, when the date order, the sign
/// and the scale are known. Kept small: it lives for every row of the file.
struct Extra {
    date: RawDate,
    posted: Option<RawDate>,
    /// The debit/credit flag: `Some(true)` for money out.
    outflow_flag: Option<bool>,
    currency: Option<[u8; 3]>,
}

/// The last date text read and what it parsed to: consecutive rows mostly share their date,
/// and comparing a few bytes is far cheaper than parsing them again.
#[derive(Default)]
struct DateCache {
    text: [u8; 24],
    len: usize,
    date: Option<RawDate>,
}

impl DateCache {
    #[inline(always)]
    fn parse(&mut self, field: &[u8]) -> Option<RawDate> {
        if same_bytes(&self.text[..self.len], field) {
            return self.date;
        }
        let date = date::parse(field);
        if let Some(slot) = self.text.get_mut(..field.len()) {
            slot.copy_from_slice(field);
            self.len = field.len();
            self.date = date;
        }
        date
    }
}

/// `a == b`, as two word compares for the lengths dates have (a slice compare is a `memcmp`
/// call, a byte loop in wasm).
#[inline(always)]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if !(8..=16).contains(&n) {
        return a == b;
    }
    let word = |bytes: &[u8], at: usize| {
        let mut word = [0; 8];
        word.copy_from_slice(&bytes[at..at + 8]);
        u64::from_ne_bytes(word)
    };
    word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8)
}

/// What is collected row by row.
struct Rows {
    layout: Layout,
    dates: DateCache,
    posted_dates: DateCache,
    /// Transactions as read: amounts in the file's sign and scale, dates not yet resolved.
    transactions: Transactions,
    extras: Vec<Extra>,
    diagnostics: Vec<Diagnostic>,
    row_diagnostics: usize,
    more_row_problems: usize,
    validate_utf8: bool,
    replaced_utf8: u64,
    day_first: (usize, u32),
    month_first: (usize, u32),
    numeric_dates: usize,
    year_first_dates: usize,
    max_scale: u8,
    symbol_currency: Option<[u8; 3]>,
    negatives: usize,
    last_record_line: u32,
    header_bytes: Option<Vec<u8>>,
    /// The parts of the row being read and the bytes replaced in them (see `write_parts`).
    parts: (Parts, u64),
    /// Buffers for a row whose text held the delimiter, joined back (see `over_long`).
    joined: (Vec<u8>, Vec<FieldSpan>),
    unterminated_quote: Option<u32>,
    full: bool,
}

impl CsvReader {
    /// A reader applying `hints`.
    pub fn new(hints: Hints) -> Self {
        CsvReader {
            hints,
            phase: Phase::Sniffing(Vec::new()),
            expected_bytes: 0,
        }
    }

    /// Tells the reader the size of the whole input (the page knows the file's size), so the
    /// transaction list is sized once from the average row length instead of growing and
    /// copying as rows arrive. Only a performance hint; call it before the first push.
    pub fn expect_bytes(&mut self, total: u64) {
        self.expected_bytes = total;
    }

    /// Feeds the next chunk.
    pub fn push(&mut self, chunk: &[u8]) {
        match &mut self.phase {
            Phase::Sniffing(prefix) => {
                prefix.extend_from_slice(chunk);
                if prefix.len() >= crate::SNIFF_BYTES {
                    let prefix = std::mem::take(prefix);
                    self.start(prefix, false);
                }
            }
            Phase::Streaming(stream) => stream.push(chunk),
            Phase::Failed(_) => {}
        }
    }

    /// Rows read so far, for progress reporting (counts every record, including skipped ones;
    /// 0 until the first 64 KiB have been seen).
    pub fn rows_read(&self) -> u64 {
        match &self.phase {
            Phase::Streaming(stream) => stream.splitter.n_records,
            _ => 0,
        }
    }

    /// Ends the input.
    pub fn finish(mut self) -> Result<Statement, ReadError> {
        if let Phase::Sniffing(prefix) = &mut self.phase {
            let prefix = std::mem::take(prefix);
            self.start(prefix, true);
        }
        match self.phase {
            Phase::Sniffing(_) => Err(ReadError::new("empty-file", Args::new())),
            Phase::Failed(error) => Err(error),
            Phase::Streaming(stream) => stream.finish(&self.hints),
        }
    }

    fn start(&mut self, prefix: Vec<u8>, complete: bool) {
        self.phase = match Stream::start(&prefix, complete, &self.hints) {
            Ok(mut stream) => {
                stream.push(&prefix);
                stream.reserve_for(self.expected_bytes, prefix.len() as u64);
                Phase::Streaming(Box::new(stream))
            }
            Err(error) => Phase::Failed(error),
        };
    }
}

impl Stream {
    fn start(prefix: &[u8], complete: bool, hints: &Hints) -> Result<Stream, ReadError> {
        if prefix.is_empty() {
            return Err(ReadError::new("empty-file", Args::new()));
        }
        if infer::is_known_binary(prefix) {
            return Err(infer::not_a_statement(prefix, None));
        }
        let mut diagnostics = Vec::new();
        let detected = encoding::detect(prefix);
        let (encoding, reason) = match hints.encoding.as_deref() {
            Some(label) => match Encoding::from_label(label) {
                Some(encoding) => (encoding, "reason-hint"),
                None => {
                    diagnostics.push(Diagnostic::new(
                        Severity::Warning,
                        "unknown-encoding",
                        Args::new()
                            .text("hint", label)
                            .text("used", detected.encoding.label()),
                    ));
                    (detected.encoding, detected.reason)
                }
            },
            None => (detected.encoding, detected.reason),
        };
        // A BOM is skipped only when it belongs to the encoding in use.
        let bom_len = if encoding == detected.encoding {
            detected.bom_len
        } else {
            0
        };
        // Inference needs only the first part; decoding the whole input here would hold a
        // second copy of a file pushed in one piece.
        let body = &prefix[bom_len..];
        let sniff_len = body.len().min(crate::SNIFF_BYTES);
        let complete = complete && sniff_len == body.len();
        let mut decoder = Decoder::new(encoding);
        let mut text = Vec::new();
        decoder.decode(&body[..sniff_len], &mut text);
        if complete {
            decoder.finish(&mut text);
        }
        let nul_count = text.iter().filter(|&&b| b == 0).count();
        if nul_count * 100 > text.len().max(1) {
            return Err(infer::not_a_statement(prefix, None));
        }
        let layout = infer::infer(&text, complete, hints, &mut diagnostics)?;
        let header_bytes = layout.header.as_ref().map(|h| h.concat().into_bytes());
        let rows = Rows {
            validate_utf8: encoding == Encoding::Utf8,
            layout,
            dates: DateCache::default(),
            posted_dates: DateCache::default(),
            transactions: Transactions::new(),
            extras: Vec::new(),
            diagnostics,
            row_diagnostics: 0,
            more_row_problems: 0,
            replaced_utf8: 0,
            day_first: (0, 0),
            month_first: (0, 0),
            numeric_dates: 0,
            year_first_dates: 0,
            max_scale: 0,
            symbol_currency: None,
            negatives: 0,
            last_record_line: 0,
            header_bytes,
            parts: (Parts::NONE, 0),
            joined: (Vec::new(), Vec::new()),
            unterminated_quote: None,
            full: false,
        };
        let splitter = Splitter::new(rows.layout.delimiter);
        Ok(Stream {
            encoding,
            encoding_reason: reason,
            decoder: Decoder::new(encoding),
            scratch: Vec::new(),
            splitter,
            rows,
            skip_bom: bom_len,
        })
    }

    /// Sizes the transaction store for `total` bytes of input from what the first `read`
    /// bytes gave (bounded by [`MAX_TRANSACTIONS`]), with 1/16 to spare: growing by doubling
    /// would make the peak, since wasm memory never shrinks.
    fn reserve_for(&mut self, total: u64, read: u64) {
        let store = &self.rows.transactions;
        if total <= read || read == 0 || store.is_empty() {
            return;
        }
        let rest = total - read;
        let scale = |per_sample: u64| {
            let estimate = (rest as u128 * u128::from(per_sample) / u128::from(read)) as u64;
            estimate + estimate / 16
        };
        let rows = scale(store.len() as u64).min(MAX_TRANSACTIONS as u64) as usize;
        let text = scale(store.text_len() as u64).min(MAX_TEXT_BYTES as u64) as usize;
        self.rows.transactions.reserve(rows, text);
        self.rows.extras.reserve(rows);
    }

    fn push(&mut self, chunk: &[u8]) {
        let mut chunk = chunk;
        if self.skip_bom > 0 {
            let skip = self.skip_bom.min(chunk.len());
            chunk = &chunk[skip..];
            self.skip_bom -= skip;
        }
        let rows = &mut self.rows;
        if self.decoder.is_passthrough() {
            self.splitter.feed(chunk, false, |record| rows.row(record));
        } else {
            // Decode in slices so a file pushed in one piece is not copied whole.
            for slice in chunk.chunks(64 * 1024) {
                self.scratch.clear();
                self.decoder.decode(slice, &mut self.scratch);
                self.splitter
                    .feed(&self.scratch, false, |record| rows.row(record));
            }
        }
    }

    fn finish(mut self, hints: &Hints) -> Result<Statement, ReadError> {
        self.scratch.clear();
        self.decoder.finish(&mut self.scratch);
        let rows = &mut self.rows;
        self.splitter
            .feed(&self.scratch, true, |record| rows.row(record));
        if self.rows.validate_utf8 {
            self.rows.replaced_utf8 += self.rows.parts.1;
        }
        let replaced = self.decoder.replaced + self.rows.replaced_utf8;
        let mut statement = self.rows.finish(hints)?;
        statement.dialect.encoding = self.encoding.label().to_owned();
        statement.dialect.replaced_bytes = replaced;
        if self.encoding != Encoding::Utf8 || self.encoding_reason != "reason-utf8" {
            statement.diagnostics.insert(
                0,
                Diagnostic::new(
                    Severity::Info,
                    "encoding",
                    Args::new()
                        .text("encoding", self.encoding.label())
                        .message("reason", Message::new(self.encoding_reason, Args::new())),
                ),
            );
        }
        if replaced > 0 {
            statement.diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "replaced-bytes",
                Args::new()
                    .count("replaced", replaced)
                    .text("encoding", self.encoding.label()),
            ));
        }
        Ok(statement)
    }
}

/// Trims spaces and quote marks used as Excel guards.
fn trim(bytes: &[u8]) -> &[u8] {
    number::trim(bytes)
}

/// True when `text` starts (case-insensitively) with a summary phrase such as
/// `Opening balance` or `Turnover`.
fn starts_like_summary(text: &[u8]) -> bool {
    let text = trim(text);
    match text.first() {
        Some(first) if first.is_ascii_alphabetic() => names::is_summary_text(text),
        _ => false,
    }
}

impl Rows {
    fn diagnose(&mut self, diagnostic: Diagnostic) {
        if self.row_diagnostics < MAX_ROW_DIAGNOSTICS {
            self.row_diagnostics += 1;
            self.diagnostics.push(diagnostic);
        } else {
            self.more_row_problems += 1;
        }
    }

    fn column_name(&self, index: usize) -> String {
        match self
            .layout
            .header
            .as_ref()
            .and_then(|h| h.get(index))
            .filter(|n| !n.is_empty())
        {
            Some(name) => format!("column {} ({name})", index + 1),
            None => format!("column {}", index + 1),
        }
    }

    /// `args` with the 1-based `column` and its `header` name (empty when the file has none).
    fn column_args(&self, args: Args, index: usize) -> Args {
        let header = self
            .layout
            .header
            .as_ref()
            .and_then(|h| h.get(index))
            .cloned()
            .unwrap_or_default();
        args.count("column", index + 1).text("header", header)
    }

    fn skip(&mut self, line: u32, code: &'static str, args: Args) {
        self.diagnose(
            Diagnostic::new(Severity::Warning, code, args.line("line", line)).at_line(line),
        );
    }

    fn is_summary_row(&self, record: &Record<'_>) -> bool {
        !self.layout.rows_are_transactions
            && self.layout.text.iter().any(|&column| {
                let field = record.field(column);
                match field {
                    // Most descriptions start with two letters no summary phrase starts with.
                    [first, second, ..]
                        if first.is_ascii_alphabetic() && second.is_ascii_alphabetic() =>
                    {
                        names::may_start_summary(*first, *second) && starts_like_summary(field)
                    }
                    _ => starts_like_summary(field),
                }
            })
    }

    /// For a row that already failed: a footer often puts `Total` where the date would be.
    fn is_summary_footer(&self, record: &Record<'_>) -> bool {
        self.is_summary_row(record) || starts_like_summary(record.field(self.layout.date))
    }

    fn row(&mut self, record: &Record<'_>) {
        let line = record.line;
        match record.overflow {
            Overflow::None => {}
            Overflow::TooLong => {
                self.diagnose(
                    Diagnostic::new(
                        Severity::Warning,
                        "row-too-long",
                        Args::new()
                            .count("megabytes", MAX_ROW_BYTES / (1024 * 1024))
                            .line("line", line),
                    )
                    .at_line(line),
                );
                return;
            }
            Overflow::TooManyFields => {
                self.diagnose(
                    Diagnostic::new(
                        Severity::Warning,
                        "too-many-columns",
                        Args::new().count("limit", MAX_FIELDS).line("line", line),
                    )
                    .at_line(line),
                );
                return;
            }
        }
        if line < self.layout.data_line || record.is_blank() {
            return;
        }
        if record.unterminated && record.has_line_break() {
            self.unterminated_quote = Some(line);
        }
        if let Some(header) = &self.header_bytes {
            if record.content_len() == header.len()
                && trimmed_equal(record, self.layout.header.as_deref().unwrap_or(&[]))
            {
                self.diagnose(
                    Diagnostic::new(
                        Severity::Info,
                        "repeated-header",
                        Args::new().line("line", line),
                    )
                    .at_line(line),
                );
                return;
            }
        }
        if self.full {
            self.more_row_problems += 1;
            return;
        }
        if record.len() > self.layout.width && self.over_long(record) {
            return;
        }
        let layout = &self.layout;
        let date_field = trim(record.field(layout.date));
        if date_field.is_empty() {
            if self.try_continuation(record) {
                return;
            }
            if self.is_summary_footer(record) {
                self.summary(line);
                return;
            }
            let args = self.column_args(Args::new(), self.layout.date);
            self.skip(line, "skipped-row-no-date", args);
            return;
        }
        let Some(date) = self.dates.parse(date_field) else {
            if self.is_summary_footer(record) {
                self.summary(line);
                return;
            }
            let args = Args::new().text("value", shorten(date_field));
            let args = self.column_args(args, self.layout.date);
            self.skip(line, "skipped-row-bad-date", args);
            return;
        };
        let mark = layout.decimal_mark;
        // Most amounts are a plain `-12.34` in one column: read in line, the rest by
        // `read_amount`.
        let plain = layout
            .amount
            .and_then(|column| number::parse_plain(record.field(column), mark));
        let found = match plain {
            Some(number) => Ok((number.minor, number.scale, None)),
            None => self.read_amount(record, mark),
        };
        let (amount, scale, marked_currency) = match found {
            Ok(found) if found.0 != 0 => found,
            Ok(found) => {
                if !self.is_summary_row(record) {
                    self.notice(line, true);
                }
                found
            }
            Err((code, args)) => {
                if self.is_summary_footer(record) {
                    self.summary(line);
                    return;
                } else if self.is_notice(record) {
                    self.notice(line, false);
                    return;
                } else {
                    self.skip(line, code, args);
                    return;
                }
            }
        };
        if self.is_summary_row(record) {
            self.summary(line);
            return;
        }
        let layout = &self.layout;
        let posted = match layout.posted {
            Some(column) => self.posted_dates.parse(trim(record.field(column))),
            None => None,
        };
        let layout = &self.layout;
        let outflow_flag = layout
            .flag
            .and_then(|column| std::str::from_utf8(trim(record.field(column))).ok())
            .and_then(names::flag_value);
        let balance = layout
            .balance
            .or(layout.balance_before)
            .and_then(|column| number::parse(record.field(column), mark).ok().flatten())
            .map(|n| (n.minor, n.scale));
        let currency = layout
            .currency
            .and_then(|column| {
                let code = trim(record.field(column));
                (code.len() == 3 && code.iter().all(u8::is_ascii_alphabetic)).then(|| {
                    let mut out = [0u8; 3];
                    for (slot, byte) in out.iter_mut().zip(code) {
                        *slot = byte.to_ascii_uppercase();
                    }
                    out
                })
            })
            .or(marked_currency);
        let id = layout
            .id
            .map(|column| trim(record.field(column)))
            .filter(|id| !id.is_empty());
        // The id goes in first so that the description ends the arena and a continuation
        // line can extend it in place.
        let store = &mut self.transactions;
        let text = store.text_mut();
        let id_start = text.len();
        if let Some(id) = id {
            encoding::utf8_lossy(id, text);
        }
        let id_end = text.len();
        let mut description_start = text.len();
        let mut replaced = 0;
        if layout.parts {
            // Out of line, its results kept in `self.parts` so the common path keeps its
            // locals in registers.
            let outflow = outflow_flag.unwrap_or(amount < 0);
            description_start = write_parts(text, layout, record, outflow, &mut self.parts);
        } else {
            for &column in &layout.text {
                replaced += append_part(text, description_start, record.field(column));
            }
        }
        let end = text.len();
        if text.len() > MAX_TEXT_BYTES {
            text.truncate(id_start);
            self.full = true;
            self.more_row_problems += 1;
            return;
        }
        if self.validate_utf8 {
            self.replaced_utf8 += replaced;
        }
        let span = |start: usize, end: usize| Span {
            start: start as u32,
            len: (end - start) as u32,
        };
        for raw in std::iter::once(date).chain(posted) {
            match raw.evidence() {
                OrderEvidence::DayFirst => {
                    if self.day_first.0 == 0 {
                        self.day_first.1 = line;
                    }
                    self.day_first.0 += 1;
                }
                OrderEvidence::MonthFirst => {
                    if self.month_first.0 == 0 {
                        self.month_first.1 = line;
                    }
                    self.month_first.0 += 1;
                }
                OrderEvidence::None => {}
            }
        }
        match date {
            RawDate::Numeric { .. } => self.numeric_dates += 1,
            RawDate::Known(_) => {
                if date_field.len() >= 4 && date_field[..4].iter().all(u8::is_ascii_digit) {
                    self.year_first_dates += 1;
                }
            }
        }
        self.max_scale = self.max_scale.max(scale);
        if let Some((_, balance_scale)) = balance {
            self.max_scale = self.max_scale.max(balance_scale);
        }
        if amount < 0 {
            self.negatives += 1;
        }
        self.last_record_line = line;
        // The date is set when the order is known (a constant: `default()` is a call in wasm).
        let mut row = Row::new(NaiveDate::MIN, Amount::new(amount, scale), line);
        row.set_balance(balance.map(|(minor, scale)| Amount::new(minor, scale)));
        if id.is_some() {
            row.id = span(id_start, id_end);
        }
        row.description = span(description_start, end);
        if layout.parts {
            self.transactions.push_row_with_parts(row, self.parts.0);
        } else {
            self.transactions.push_row(row);
        }
        self.extras.push(Extra {
            date,
            posted,
            outflow_flag,
            currency,
        });
        if self.transactions.len() >= MAX_TRANSACTIONS {
            self.full = true;
        }
    }

    /// True when every money column of the row is empty.
    #[inline(never)]
    fn money_empty(&self, record: &Record<'_>) -> bool {
        let layout = &self.layout;
        [layout.amount, layout.debit, layout.credit]
            .into_iter()
            .flatten()
            .all(|column| trim(record.field(column)).is_empty())
    }

    /// A row with a date and text but no money at all: a notice.
    #[cold]
    #[inline(never)]
    fn is_notice(&self, record: &Record<'_>) -> bool {
        self.money_empty(record)
            && !record.unterminated
            && self
                .layout
                .text
                .iter()
                .any(|&c| !trim(record.field(c)).is_empty())
    }

    /// A dated row without money: with no amount at all (`Verständigung`, a card-renewal
    /// notice) it is left out, with a zero amount it is kept (the engine counts only money out
    /// as charges); either way the line is named.
    #[cold]
    #[inline(never)]
    fn notice(&mut self, line: u32, kept: bool) {
        let code = if kept {
            "zero-amount-row"
        } else {
            "notice-row"
        };
        self.diagnose(
            Diagnostic::new(Severity::Info, code, Args::new().line("line", line)).at_line(line),
        );
    }

    /// A row with more fields than the header whose extra fields are not all empty: a text
    /// field that held the delimiter unquoted. When the dates and amounts line up (counting
    /// from both ends) with exactly one text column taking the extra fields, they are joined
    /// back; otherwise the row is skipped, saying why. Returns false for a row to read as it is.
    #[cold]
    #[inline(never)]
    fn over_long(&mut self, record: &Record<'_>) -> bool {
        let width = self.layout.width;
        let extra = record.len() - width;
        // Empty extra fields (a trailing delimiter) are no harm when the row reads as it is.
        if (width..record.len()).all(|i| trim(record.field(i)).is_empty())
            && self.lines_up(record, usize::MAX, 0)
        {
            return false;
        }
        let line = record.line;
        // The text columns that fit, and of those the ones whose extra part starts with a
        // space, as text cut at an unquoted delimiter does (`GITHUB, INC.`).
        let (mut fit, mut fits, mut spaced, mut n_spaced) = (0, 0, 0, 0);
        let mut names = String::new();
        for index in 0..self.layout.text.len() {
            let at = self.layout.text[index];
            if self.lines_up(record, at, extra) {
                if fits > 0 {
                    names.push_str(" or ");
                }
                names.push_str(&self.column_name(at));
                fit = at;
                fits += 1;
                if record.field(at + 1).first() == Some(&b' ') {
                    spaced = at;
                    n_spaced += 1;
                }
            }
        }
        let at = if fits == 1 {
            fit
        } else if n_spaced == 1 {
            spaced
        } else {
            let args = Args::new().count("extra", extra);
            if fits == 0 {
                self.skip(line, "skipped-row-misaligned", args);
            } else {
                self.skip(line, "skipped-row-ambiguous", args.text("columns", names));
            }
            return true;
        };
        let delimiter = self.layout.delimiter;
        let args = Args::new()
            .line("line", line)
            .count("extra", extra)
            .text("delimiter", char::from(delimiter).to_string());
        self.diagnose(
            Diagnostic::new(Severity::Info, "joined-fields", self.column_args(args, at))
                .at_line(line),
        );
        let (mut data, mut spans) = std::mem::take(&mut self.joined);
        let joined = record.joined(at, extra, delimiter, &mut data, &mut spans);
        self.row(&joined);
        self.joined = (data, spans);
        true
    }

    /// Whether the row reads as a transaction when the fields `at..=at + extra` are one: the
    /// date, amounts, balance, currency, flag and booking phrases all in their places.
    #[inline(never)]
    fn lines_up(&self, record: &Record<'_>, at: usize, extra: usize) -> bool {
        let layout = &self.layout;
        let mark = layout.decimal_mark;
        let mut money = false;
        // Kinds: 0 date, 1 date or empty, 2 money, 3 number or empty, 4 currency, 5 flag,
        // 6 booking phrase.
        let checks = [
            (Some(layout.date), 0u8),
            (layout.posted, 1),
            (layout.amount, 2),
            (layout.debit, 2),
            (layout.credit, 2),
            (layout.balance, 3),
            (layout.currency, 4),
            (layout.flag, 5),
        ];
        let booking = layout.booking.iter().map(|&column| (Some(column), 6));
        for (column, kind) in checks.into_iter().chain(booking) {
            let Some(column) = column else { continue };
            let field = trim(record.field(if column > at { column + extra } else { column }));
            let text = std::str::from_utf8(field).unwrap_or("");
            let ok = match kind {
                0 | 1 => (kind == 1 && field.is_empty()) || date::parse(field).is_some(),
                2 | 3 => match number::parse(field, mark) {
                    Ok(number) => {
                        money |= kind == 2 && number.is_some();
                        true
                    }
                    Err(_) => false,
                },
                4 => {
                    field.is_empty()
                        || (field.len() == 3 && field.iter().all(u8::is_ascii_alphabetic))
                }
                5 => field.is_empty() || names::flag_value(text).is_some(),
                _ => !layout.booking_phrases || field.is_empty() || names::is_booking_phrase(text),
            };
            if !ok {
                return false;
            }
        }
        money
    }

    fn summary(&mut self, line: u32) {
        self.diagnose(
            Diagnostic::new(
                Severity::Info,
                "summary-row",
                Args::new().line("line", line),
            )
            .at_line(line),
        );
    }

    /// The signed amount of a row in minor units, from one column or a debit/credit pair.
    fn read_amount(
        &mut self,
        record: &Record<'_>,
        mark: u8,
    ) -> Result<(i64, u8, Option<[u8; 3]>), RowProblem> {
        let layout = &self.layout;
        let parse = |column: usize| -> Result<Option<number::Number>, RowProblem> {
            number::parse(record.field(column), mark).map_err(|error| {
                let code = match error {
                    number::NumberError::Invalid => "skipped-row-bad-amount",
                    number::NumberError::TooLarge => "skipped-row-large-amount",
                };
                let args = Args::new()
                    .text("value", shorten(trim(record.field(column))))
                    .count("column", column + 1);
                (code, args)
            })
        };
        let number = if let Some(column) = layout.amount {
            match parse(column)? {
                Some(number) => number,
                None => {
                    return Err((
                        "skipped-row-no-amount",
                        self.column_args(Args::new(), column),
                    ))
                }
            }
        } else {
            let debit = layout.debit.map(parse).transpose()?.flatten();
            let credit = layout.credit.map(parse).transpose()?.flatten();
            match (debit, credit) {
                (None, None) => return Err(("skipped-row-no-debit-credit", Args::new())),
                (Some(debit), None) => number::Number {
                    minor: -debit.minor.saturating_abs(),
                    ..debit
                },
                (None, Some(credit)) => number::Number {
                    minor: credit.minor.saturating_abs(),
                    ..credit
                },
                (Some(debit), Some(credit)) => {
                    let scale = debit.scale.max(credit.scale);
                    let up = |n: number::Number| {
                        Amount::new(n.minor.saturating_abs(), n.scale).rescale(scale)
                    };
                    match (up(debit), up(credit)) {
                        (Some(d), Some(c)) => number::Number {
                            minor: c.minor - d.minor,
                            scale,
                            signed: false,
                            currency: debit.currency.or(credit.currency),
                        },
                        _ => return Err(("skipped-row-large-debit-credit", Args::new())),
                    }
                }
            }
        };
        if let Some(code) = number.currency {
            self.symbol_currency.get_or_insert(code);
        }
        Ok((number.minor, number.scale, number.currency))
    }

    /// A row with an empty date and amount but some text continues the previous transaction's
    /// description (OCBC puts the merchant on a second line).
    fn try_continuation(&mut self, record: &Record<'_>) -> bool {
        if !self.money_empty(record) {
            return false;
        }
        let layout = &self.layout;
        let text = describe_all(record, layout.date);
        if text.is_empty() {
            return false;
        }
        if self.transactions.is_empty()
            || (self.last_record_line + 1 != record.line
                && self.last_record_line + 2 != record.line)
        {
            return false;
        }
        if !self.transactions.extend_last_description(" | ", &text) {
            return false;
        }
        self.last_record_line = record.line;
        true
    }

    fn finish(mut self, hints: &Hints) -> Result<Statement, ReadError> {
        let mut statement = Statement::new(Format::Csv);
        if let Some(line) = self.unterminated_quote {
            self.diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    "unclosed-quote",
                    Args::new().line("line", line),
                )
                .at_line(line),
            );
        }
        if self.more_row_problems > 0 {
            self.diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "more-skipped-rows",
                Args::new().count("rows", self.more_row_problems),
            ));
        }
        if self.full {
            self.diagnostics.push(Diagnostic::new(
                Severity::Error,
                "too-many-rows",
                Args::new().count("kept", self.transactions.len()),
            ));
        }
        let layout = &self.layout;

        // Day/month order.
        let (order, why) = self.decide_order(hints);
        let dialect = &mut statement.dialect;
        dialect.delimiter = Some(char::from(layout.delimiter));
        dialect.header_line = layout.header_line;
        dialect.decimal_mark = Some(char::from(layout.decimal_mark));
        dialect.date_order = order.as_ref().map(|(o, _)| *o);
        dialect.set_date_order_reason(why);
        dialect.columns = layout
            .roles
            .iter()
            .enumerate()
            .map(|(index, &role)| Column {
                index: index as u32,
                name: layout
                    .header
                    .as_ref()
                    .and_then(|h| h.get(index))
                    .filter(|n| !n.is_empty())
                    .cloned(),
                role,
            })
            .collect();
        let order_value = order.as_ref().map_or(DateOrder::Dmy, |(o, _)| *o);

        // Scale: the most decimals seen, at least the currency's usual two.
        let currency = self.statement_currency();
        let minimum = currency.map_or(2, |code| minor_digits(&code));
        let scale = self.max_scale.max(minimum);

        // Resolve dates, rescale and drop the rows that do not survive, in place.
        let mut problems = Vec::new();
        let mut transactions = std::mem::take(&mut self.transactions);
        let extras = std::mem::take(&mut self.extras);
        // The debit/credit flags of the kept rows, when the file has a flag column.
        let has_flags = self.layout.flag.is_some();
        let mut flags: Vec<Option<bool>> =
            Vec::with_capacity(if has_flags { transactions.len() } else { 0 });
        let mut kept = 0;
        // (kept row, code) for the rows whose currency differs from the statement's.
        let mut row_currencies: Vec<(usize, [u8; 3])> = Vec::new();
        let mut index = 0;
        // Consecutive rows mostly share a date: resolve each distinct run once.
        let mut last_date: Option<(RawDate, Option<NaiveDate>)> = None;
        transactions.retain_rows(|transaction| {
            let extra = &extras[index];
            index += 1;
            let line = transaction.line;
            let resolved = match last_date {
                Some((raw, resolved)) if raw == extra.date => resolved,
                _ => {
                    let resolved = extra.date.resolve(order_value);
                    last_date = Some((extra.date, resolved));
                    resolved
                }
            };
            let Some(date) = resolved else {
                problems.push(
                    Diagnostic::new(
                        Severity::Warning,
                        "bad-date",
                        Args::new()
                            .line("line", line)
                            .term("order", order_value.as_str()),
                    )
                    .at_line(line),
                );
                return false;
            };
            let Some(amount) = transaction.amount().rescale(scale) else {
                problems.push(
                    Diagnostic::new(
                        Severity::Warning,
                        "bad-amount",
                        Args::new().line("line", line),
                    )
                    .at_line(line),
                );
                return false;
            };
            transaction.date = date;
            transaction.posted = extra.posted.and_then(|p| p.resolve(order_value));
            transaction.set_amount(amount);
            transaction.set_balance(transaction.balance().and_then(|b| b.rescale(scale)));
            // The statement's currency is not repeated on every row.
            if let Some(code) = extra.currency.filter(|_| extra.currency != currency) {
                row_currencies.push((kept, code));
            }
            if has_flags {
                flags.push(extra.outflow_flag);
            }
            kept += 1;
            true
        });
        drop(extras);
        for (row, code) in row_currencies {
            // Codes are three ASCII letters (checked when read); a full arena keeps none.
            let text = transactions.text_mut();
            if text.len() + 3 > MAX_TEXT_BYTES {
                break;
            }
            let start = text.len();
            text.extend(code.iter().map(|&b| char::from(b)));
            let span = Span {
                start: start as u32,
                len: (text.len() - start) as u32,
            };
            if let Some(row) = transactions.rows_mut().get_mut(row) {
                row.currency = span;
            }
        }
        // Sign convention.
        let (convention, sign_reason, guessed) =
            self.decide_sign(hints, &mut transactions, &flags, &mut problems);
        for problem in problems {
            self.diagnose(problem);
        }
        statement.dialect.sign_convention = Some(convention);
        statement.dialect.set_sign_reason(Some(sign_reason.clone()));
        if guessed {
            self.diagnostics.push(Diagnostic::new(
                Severity::Info,
                match convention {
                    SignConvention::OutflowPositive => "sign-inferred-positive",
                    _ => "sign-inferred",
                },
                Args::new().message("reason", sign_reason),
            ));
        }
        if let Some((_, Some(diagnostic))) = order {
            self.diagnostics.push(diagnostic);
        }
        statement.transactions = transactions;
        statement.currency = currency.map(|c| String::from_utf8_lossy(&c).into_owned());
        statement.account = self.layout.account.take();
        statement.diagnostics = self.diagnostics;
        Ok(statement)
    }

    fn statement_currency(&self) -> Option<[u8; 3]> {
        let mut counts: Vec<([u8; 3], usize)> = Vec::new();
        for extra in &self.extras {
            if let Some(code) = extra.currency {
                match counts.iter_mut().find(|(c, _)| *c == code) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((code, 1)),
                }
            }
        }
        // Marks in the amounts of different currencies name no single statement currency.
        if self.layout.currency.is_none() && counts.len() > 1 {
            return self.layout.header_currency;
        }
        counts
            .into_iter()
            .max_by_key(|(_, n)| *n)
            .map(|(c, _)| c)
            .or(self.layout.header_currency)
            .or(self.symbol_currency)
    }

    /// Decides the day/month order: a day over 12 settles it, then locale clues, then the
    /// order of the rows; failing all, day first with a warning.
    #[allow(clippy::type_complexity)]
    fn decide_order(
        &self,
        hints: &Hints,
    ) -> (Option<(DateOrder, Option<Diagnostic>)>, Option<Message>) {
        if let Some(order) = hints.date_order {
            return (
                Some((order, None)),
                Some(Message::new("reason-hint", Args::new())),
            );
        }
        let (day_first, day_line) = self.day_first;
        let (month_first, month_line) = self.month_first;
        if self.numeric_dates == 0 {
            if self.year_first_dates > 0 {
                return (
                    Some((DateOrder::Ymd, None)),
                    Some(Message::new("reason-year-first", Args::new())),
                );
            }
            return (None, None);
        }
        match (day_first > 0, month_first > 0) {
            (true, false) => {
                return (
                    Some((DateOrder::Dmy, None)),
                    Some(Message::new(
                        "reason-day-over-12-first",
                        Args::new().line("line", day_line),
                    )),
                )
            }
            (false, true) => {
                return (
                    Some((DateOrder::Mdy, None)),
                    Some(Message::new(
                        "reason-day-over-12-second",
                        Args::new().line("line", month_line),
                    )),
                )
            }
            (true, true) => {
                let order = if day_first >= month_first {
                    DateOrder::Dmy
                } else {
                    DateOrder::Mdy
                };
                let diagnostic = Diagnostic::new(
                    Severity::Warning,
                    "conflicting-date-order",
                    Args::new()
                        .count("day_first", day_first)
                        .line("day_line", day_line)
                        .count("month_first", month_first)
                        .line("month_line", month_line)
                        .term("order", order.as_str()),
                );
                return (
                    Some((order, Some(diagnostic))),
                    Some(Message::new("reason-majority", Args::new())),
                );
            }
            (false, false) => {}
        }
        if let Language::Continental(code) = self.layout.language {
            return (
                Some((DateOrder::Dmy, None)),
                Some(Message::new(
                    "reason-locale-headers",
                    Args::new().term("language", names::language_term(code)),
                )),
            );
        }
        if self.layout.decimal_mark == b',' {
            return (
                Some((DateOrder::Dmy, None)),
                Some(Message::new("reason-decimal-comma", Args::new())),
            );
        }
        match self.statement_currency().as_ref().map(|c| &c[..]) {
            Some(b"USD") | Some(b"CAD") => {
                return (
                    Some((DateOrder::Mdy, None)),
                    Some(Message::new("reason-dollar", Args::new())),
                )
            }
            Some(b"GBP") | Some(b"EUR") | Some(b"AUD") | Some(b"NZD") | Some(b"SGD")
            | Some(b"INR") | Some(b"ZAR") => {
                return (
                    Some((DateOrder::Dmy, None)),
                    Some(Message::new("reason-day-first-currency", Args::new())),
                )
            }
            _ => {}
        }
        // Row order is a guess, not a locale: the person is still told it was ambiguous.
        if let Some(order) = self.order_from_sequence() {
            let diagnostic = Diagnostic::new(
                Severity::Warning,
                "ambiguous-date-order",
                Args::new().term("order", order.as_str()),
            );
            return (
                Some((order, Some(diagnostic))),
                Some(Message::new("reason-rows-in-order", Args::new())),
            );
        }
        let diagnostic = Diagnostic::new(
            Severity::Warning,
            "ambiguous-date-order-assumed",
            Args::new(),
        );
        (
            Some((DateOrder::Dmy, Some(diagnostic))),
            Some(Message::new("reason-assumed-day-first", Args::new())),
        )
    }

    /// Statements are sorted by date: the reading under which the rows step by days rather
    /// than months wins, when it wins clearly.
    fn order_from_sequence(&self) -> Option<DateOrder> {
        if self.extras.len() < 3 {
            return None;
        }
        let cost = |order: DateOrder| -> Option<(usize, i64)> {
            let days: Vec<i64> = self
                .extras
                .iter()
                .map(|p| {
                    p.date
                        .resolve(order)
                        .map(|d| i64::from(d.num_days_from_ce()))
                })
                .collect::<Option<Vec<_>>>()?;
            let steps: Vec<i64> = days.windows(2).map(|w| w[1] - w[0]).collect();
            let up = steps.iter().filter(|&&s| s > 0).count();
            let down = steps.iter().filter(|&&s| s < 0).count();
            let jumps: i64 = steps.iter().map(|s| s.abs()).sum();
            Some((up.min(down), jumps))
        };
        let (dmy, mdy) = (cost(DateOrder::Dmy)?, cost(DateOrder::Mdy)?);
        if dmy.0 < mdy.0 || (dmy.0 == mdy.0 && dmy.1 * 4 < mdy.1) {
            Some(DateOrder::Dmy)
        } else if mdy.0 < dmy.0 || (mdy.0 == dmy.0 && mdy.1 * 4 < dmy.1) {
            Some(DateOrder::Mdy)
        } else {
            None
        }
    }

    /// Decides how money out is signed and makes it negative. Returns the convention, the
    /// reason and whether it was a guess worth telling the person about.
    fn decide_sign(
        &self,
        hints: &Hints,
        store: &mut Transactions,
        flags: &[Option<bool>],
        problems: &mut Vec<Diagnostic>,
    ) -> (SignConvention, Message, bool) {
        let layout = &self.layout;
        let flip = |transactions: &mut [Row]| {
            for t in transactions.iter_mut() {
                t.amount = t.amount.saturating_neg();
            }
        };
        let finish_balances = |transactions: &mut [Row]| {
            if layout.balance_before.is_some() {
                for t in transactions.iter_mut() {
                    let after = t.balance().and_then(|b| {
                        b.minor
                            .checked_add(t.amount)
                            .map(|m| Amount::new(m, b.scale))
                    });
                    t.set_balance(after);
                }
            }
        };
        let (transactions, text) = store.rows_and_text_mut();
        if layout.debit.is_some() || layout.credit.is_some() {
            finish_balances(transactions);
            if hints.sign_convention == Some(SignConvention::OutflowPositive) {
                flip(transactions);
                return (
                    SignConvention::OutflowPositive,
                    Message::new("reason-hint", Args::new()),
                    false,
                );
            }
            return (
                SignConvention::SplitColumns,
                Message::new("reason-split", Args::new()),
                false,
            );
        }
        if let Some(hint) = hints.sign_convention {
            if hint == SignConvention::OutflowPositive {
                flip(transactions);
            }
            finish_balances(transactions);
            return (hint, Message::new("reason-hint", Args::new()), false);
        }
        // A debit/credit flag column decides the sign, even over a minus in the amount (Odoo
        // writes `-1,533.50` with `C`, and the running balance agrees with the flag).
        let flagged = flags.iter().filter(|f| f.is_some()).count();
        if layout.flag.is_some() && flagged > 0 {
            let mut unflagged = Vec::new();
            for (t, flag) in transactions.iter_mut().zip(flags) {
                match flag {
                    Some(out) => {
                        let magnitude = t.amount.saturating_abs();
                        t.amount = if *out { -magnitude } else { magnitude };
                    }
                    None => unflagged.push(t.line),
                }
            }
            let column = self.column_args(Args::new(), layout.flag.unwrap_or(0));
            for line in unflagged {
                problems.push(
                    Diagnostic::new(
                        Severity::Warning,
                        "missing-flag",
                        column.clone().line("line", line),
                    )
                    .at_line(line),
                );
            }
            finish_balances(transactions);
            return (
                SignConvention::Indicator,
                Message::new(
                    "reason-flag-column",
                    self.column_args(Args::new(), layout.flag.unwrap_or(0)),
                ),
                false,
            );
        }
        // Balance arithmetic: which sign makes the running balance add up?
        // One pass counts the pairs that add up with the file's sign and with it flipped.
        let (straight, flipped) = {
            let before = layout.balance_before.is_some();
            // [sign][forward, backward]
            let mut counts = [[0usize; 2]; 2];
            for pair in transactions.windows(2) {
                let (a, b) = (&pair[0], &pair[1]);
                let (Some(balance_a), Some(balance_b)) = (a.balance(), b.balance()) else {
                    continue;
                };
                for (slot, sign) in counts.iter_mut().zip([1i64, -1]) {
                    let (amount_a, amount_b) = (sign * a.amount, sign * b.amount);
                    let (forward, backward) = if before {
                        (
                            balance_a.minor.wrapping_add(amount_a) == balance_b.minor,
                            balance_b.minor.wrapping_add(amount_b) == balance_a.minor,
                        )
                    } else {
                        (
                            balance_a.minor.wrapping_add(amount_b) == balance_b.minor,
                            balance_b.minor.wrapping_add(amount_a) == balance_a.minor,
                        )
                    };
                    slot[0] += usize::from(forward);
                    slot[1] += usize::from(backward);
                }
            }
            (
                counts[0][0].max(counts[0][1]),
                counts[1][0].max(counts[1][1]),
            )
        };
        // One pair can add up by chance; two or more cannot reasonably.
        if flipped > straight && flipped >= 2 {
            flip(transactions);
            finish_balances(transactions);
            return (
                SignConvention::OutflowPositive,
                Message::new(
                    "reason-balance-flipped",
                    Args::new().count("count", flipped),
                ),
                true,
            );
        }
        if straight > 0 {
            finish_balances(transactions);
            return (
                SignConvention::OutflowNegative,
                Message::new("reason-balance", Args::new().count("count", straight)),
                false,
            );
        }
        let (n_nonzero, positives, n_payments, negative_payments, payment_line) = {
            let n_nonzero = transactions.iter().filter(|t| t.amount != 0).count();
            let positives = transactions.iter().filter(|t| t.amount > 0).count();
            let payments: Vec<&Row> = transactions
                .iter()
                .filter(|t| {
                    t.amount != 0
                        && names::is_card_payment_text(Transactions::text_of(text, t.description))
                })
                .collect();
            let negative_payments = payments.iter().filter(|t| t.amount < 0).count();
            let line = payments.iter().find(|t| t.amount < 0).map_or(0, |t| t.line);
            (
                n_nonzero,
                positives,
                payments.len(),
                negative_payments,
                line,
            )
        };
        let others = n_nonzero - n_payments;
        let positive_others = positives - (n_payments - negative_payments);
        if negative_payments > 0
            && negative_payments * 2 > n_payments
            && positive_others * 5 >= others * 4
            && others > 0
        {
            let line = payment_line;
            flip(transactions);
            finish_balances(transactions);
            return (
                SignConvention::OutflowPositive,
                Message::new("reason-card-payment", Args::new().line("line", line)),
                true,
            );
        }
        if n_nonzero > 0 && positives == n_nonzero && !layout.merchant_clue {
            flip(transactions);
            finish_balances(transactions);
            return (
                SignConvention::OutflowPositive,
                Message::new("reason-all-positive", Args::new()),
                true,
            );
        }
        // Without balances to check, a statement where nearly every row is money in is far
        // more likely a card export of purchases than an account that only receives.
        if straight == 0
            && n_nonzero >= 3
            && positives * 5 >= n_nonzero * 4
            && !layout.merchant_clue
        {
            flip(transactions);
            finish_balances(transactions);
            return (
                SignConvention::OutflowPositive,
                Message::new(
                    "reason-mostly-positive",
                    Args::new()
                        .count("positives", positives)
                        .count("count", n_nonzero),
                ),
                true,
            );
        }
        if layout.card_clue
            && !layout.merchant_clue
            && n_nonzero > 0
            && positives * 5 >= n_nonzero * 4
        {
            flip(transactions);
            finish_balances(transactions);
            return (
                SignConvention::OutflowPositive,
                Message::new("reason-card-header", Args::new()),
                true,
            );
        }
        finish_balances(transactions);
        (
            SignConvention::OutflowNegative,
            if n_nonzero == 0 {
                Message::new("reason-no-amounts", Args::new())
            } else {
                Message::new("reason-minus", Args::new())
            },
            false,
        )
    }
}

fn trimmed_equal(record: &Record<'_>, header: &[String]) -> bool {
    record.len() == header.len()
        && header
            .iter()
            .enumerate()
            .all(|(i, name)| trim(record.field(i)) == trim(name.as_bytes()))
}

/// Why a row was skipped: a `skipped-row-*` code and its arguments.
type RowProblem = (&'static str, Args);

/// The usual number of decimals of a currency.
fn minor_digits(code: &[u8; 3]) -> u8 {
    match code {
        b"JPY" | b"KRW" | b"ISK" | b"CLP" | b"VND" | b"XOF" | b"XAF" | b"UGX" | b"PYG" => 0,
        _ => 2,
    }
}

fn shorten(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(60)]).into_owned();
    text.replace(['\n', '\r'], " ")
}

/// Appends a field to a description: whitespace runs collapse to one space, Excel-guard quotes
/// go, and a part already contained in the text is not repeated. Returns the number of bytes
/// that were not valid UTF-8 and were replaced. The description being built starts at `base`.
#[inline(always)]
fn append_part(out: &mut String, base: usize, field: &[u8]) -> u64 {
    let field = trim(field);
    if field.is_empty() {
        return 0;
    }
    let start = out.len();
    if start > base {
        out.push_str(" | ");
    }
    let body = out.len();
    let mut replaced = 0;
    let (ascii, collapsed) = ascii_and_collapsed(field);
    if ascii && collapsed {
        // Most fields are plain ASCII with single spaces: copy them whole.
        // SAFETY: every byte is below 0x80, so the bytes are valid UTF-8.
        out.push_str(unsafe { std::str::from_utf8_unchecked(field) });
    } else {
        append_decoded(out, field, ascii, &mut replaced);
    }
    // The first part is kept unless empty; a later one unless the text already holds it.
    if out.len() == body || (start > base && out[base..start].contains(&out[body..])) {
        out.truncate(start);
    }
    replaced
}

/// Writes the text of a row that keeps its parts apart: the booking type, then the description
/// (merchant first) with the counterparty and purpose as spans inside it where they can be.
/// Returns where the description starts (it always ends the text); the parts and the bytes
/// replaced as invalid UTF-8 go to `out`.
#[cold]
#[inline(never)]
fn write_parts(
    text: &mut String,
    layout: &Layout,
    record: &Record<'_>,
    outflow: bool,
    out: &mut (Parts, u64),
) -> usize {
    let mut replaced = 0;
    let span = |start: usize, end: usize| Span {
        start: start as u32,
        len: (end - start) as u32,
    };
    let some = |start: usize, end: usize| {
        if end > start {
            span(start, end)
        } else {
            Span::NONE
        }
    };
    let mut join = |text: &mut String, columns: &[usize], base: usize| {
        replaced += append_columns(text, base, record, columns);
    };
    let booking_start = text.len();
    join(text, &layout.booking, booking_start);
    let booking_type = some(booking_start, text.len());
    let start = text.len();
    match layout.payer {
        Some(payer) if !outflow => join(text, &[payer], start),
        _ => join(text, &layout.counterparty, start),
    }
    let counterparty_end = text.len();
    let counterparty = some(start, counterparty_end);
    let counterparty_text = &text[start..counterparty_end];
    let via = names::intermediary(counterparty_text).or_else(|| {
        let bank = layout.own_bank.as_deref()?;
        names::starts_with_word(counterparty_text, bank).then_some(names::Intermediary::Acquirer)
    });
    let purpose_first = text.len();
    let mut description = start;
    let purpose;
    if via.is_none() {
        // The description is `counterparty | purpose`, both spans inside it.
        join(text, &layout.purpose, start);
        let end = text.len();
        let purpose_start = if purpose_first > start && end > purpose_first {
            purpose_first + 3
        } else {
            purpose_first
        };
        let mut found = some(purpose_start, end);
        if found == Span::NONE
            && layout
                .purpose
                .iter()
                .any(|&c| !trim(record.field(c)).is_empty())
        {
            // The purpose repeats the counterparty: kept on its own, and the description
            // copied after it so that it ends the text (a continuation line extends it).
            let again = text.len();
            join(text, &layout.purpose, again);
            found = some(again, text.len());
            description = text.len();
            text.extend_from_within(start..end);
        }
        purpose = found;
    } else {
        // A wallet or acquirer collected the money: the merchant is in the purpose.
        join(text, &layout.purpose, purpose_first);
        let purpose_end = text.len();
        purpose = some(purpose_first, purpose_end);
        if purpose_end > purpose_first {
            description = text.len();
            match via {
                Some(names::Intermediary::Wallet(word)) => {
                    // `PAYPAL *Netflix …`, without the wallet's leading reference numbers.
                    let skip = merchant_start(&text[purpose_first..purpose_end]);
                    text.push_str(word);
                    text.push_str(" *");
                    text.extend_from_within(purpose_first + skip..purpose_end);
                }
                _ => {
                    text.extend_from_within(purpose_first..purpose_end);
                    text.push_str(" | ");
                    text.extend_from_within(start..counterparty_end);
                }
            }
        }
    }
    out.0 = Parts {
        counterparty,
        booking_type,
        purpose,
    };
    out.1 += replaced;
    description
}

/// Appends the fields of `columns` to the text being built from `base` (see [`append_part`]),
/// out of line: the rare paths share one copy.
#[inline(never)]
fn append_columns(out: &mut String, base: usize, record: &Record<'_>, columns: &[usize]) -> u64 {
    let mut replaced = 0;
    for &column in columns {
        replaced += append_part(out, base, record.field(column));
    }
    replaced
}

/// Where the merchant starts in a wallet's purpose: after the leading words that hold no letters
/// besides a `PP` reference mark (`1038157939420 PP.2351.PP . Netflix` → `Netflix`). The whole
/// text when nothing would be left.
#[inline(never)]
fn merchant_start(purpose: &str) -> usize {
    let bytes = purpose.as_bytes();
    let (mut at, mut word) = (0, 0);
    while at < bytes.len() {
        let byte = bytes[at];
        if byte == b' ' || byte == b'/' {
            word = at + 1;
        } else if byte.is_ascii_alphabetic() || byte >= 0x80 {
            let pp = bytes[at..].starts_with(b"PP")
                && bytes.get(at + 2).is_none_or(|b| !b.is_ascii_alphabetic());
            if !pp {
                return if word < bytes.len() { word } else { 0 };
            }
            at += 1;
        }
        at += 1;
    }
    0
}

/// One pass over a field: is every byte ASCII, and is it already collapsed (see
/// [`is_collapsed`])?
#[inline(always)]
fn ascii_and_collapsed(text: &[u8]) -> (bool, bool) {
    // Eight bytes at a time (it runs on every description): a word with no byte of 0x80 or
    // above, no control byte and no two adjacent spaces is plain. `previous_space` carries a
    // space at the end of one word to the start of the next.
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let n = text.len();
    if n < 8 {
        return (text.is_ascii(), is_collapsed(text));
    }
    let mut previous_space = true;
    let mut at = 0;
    loop {
        let word = if at + 8 <= n {
            let mut bytes = [0u8; 8];
            bytes.copy_from_slice(&text[at..at + 8]);
            u64::from_le_bytes(bytes)
        } else {
            // The last bytes, from the last eight, as the low bytes of a word whose other
            // bytes are letters (plain): no byte loop for the tail.
            let rest = n - at;
            let mut bytes = [0u8; 8];
            bytes.copy_from_slice(&text[n - 8..]);
            (u64::from_le_bytes(bytes) >> (8 * (8 - rest))) | (ONES * u64::from(b'a')) << (8 * rest)
        };
        // High bit set exactly on the bytes equal to 0x20 (exact: no borrow between bytes).
        let spaces = word ^ (ONES * 0x20);
        let spaces = !(((spaces & LOW7) + LOW7) | spaces | LOW7);
        // Any byte below 0x20 (a control) or of 0x80 and above.
        let controls = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
        if word & HIGH != 0 || controls != 0 {
            return (text.is_ascii(), is_collapsed(text));
        }
        let adjacent = spaces & ((spaces << 8) | u64::from(previous_space) << 7);
        if adjacent != 0 {
            return (text.is_ascii(), false);
        }
        previous_space = spaces >> 63 != 0;
        at += 8;
        if at >= n {
            return (true, text[n - 1] != b' ');
        }
    }
}

/// The slow half of [`append_part`]: decode (replacing invalid UTF-8) and collapse spaces.
fn append_decoded(out: &mut String, field: &[u8], ascii: bool, replaced: &mut u64) {
    let decoded;
    let text: &str = if ascii {
        // SAFETY: every byte is below 0x80, so the bytes are valid UTF-8.
        unsafe { std::str::from_utf8_unchecked(field) }
    } else {
        match std::str::from_utf8(field) {
            Ok(text) => text,
            Err(_) => {
                let mut lossy = String::with_capacity(field.len() + 8);
                *replaced = encoding::utf8_lossy(field, &mut lossy);
                decoded = lossy;
                &decoded
            }
        }
    };
    if is_collapsed(text.as_bytes()) {
        out.push_str(text);
    } else {
        for (index, word) in text.split_ascii_whitespace().enumerate() {
            if index > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
}

/// True when `text` is already what `split_ascii_whitespace` joined by single spaces gives:
/// no ASCII whitespace at either end, and none inside except single spaces.
fn is_collapsed(text: &[u8]) -> bool {
    let mut previous_space = true;
    let mut ok = true;
    for &byte in text {
        let space = byte == b' ';
        ok &= !(byte.is_ascii_whitespace() && (!space || previous_space));
        previous_space = space;
    }
    ok && !previous_space
}

/// All text of a continuation row.
fn describe_all(record: &Record<'_>, skip: usize) -> String {
    let mut out = String::new();
    for column in 0..record.len() {
        if column != skip {
            append_columns(&mut out, 0, record, &[column]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_at_a_time_check_agrees_with_the_byte_loop() {
        // Every length up to 40 over an alphabet of the cases that matter, from a fixed seed.
        let alphabet: &[u8] = b"  ab\t\n\x01\xC3\xA9.-";
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 41) as usize;
            let mut seed = state;
            let text: Vec<u8> = (0..len)
                .map(|_| {
                    seed = seed.rotate_left(5).wrapping_mul(0x9E37_79B9_7F4A_7C15);
                    alphabet[(seed >> 59) as usize % alphabet.len()]
                })
                .collect();
            assert_eq!(
                ascii_and_collapsed(&text),
                (text.is_ascii(), is_collapsed(&text)),
                "{text:?}"
            );
        }
        assert_eq!(ascii_and_collapsed(b"NETFLIX.COM LOS GATOS"), (true, true));
        assert_eq!(
            ascii_and_collapsed(b"NETFLIX.COM  LOS GATOS"),
            (true, false)
        );
        assert_eq!(ascii_and_collapsed(b"NETFLIX "), (true, false));
        assert_eq!(ascii_and_collapsed(b" NETFLIX"), (true, false));
        assert_eq!(
            ascii_and_collapsed("CAFÉ DU MONDE".as_bytes()),
            (false, true)
        );
    }
}

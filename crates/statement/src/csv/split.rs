//! Splits decoded text into records the way csv-core does, counting lines the way a person sees
//! them (`\r\n`, `\n` and a lone `\r` each end one line) and bounding memory by the longest row.
//!
//! Most records are one line whole in the chunk at hand, with plain or simply quoted fields; those
//! are split directly, eight bytes at a time, with the line counted on the way (about 2.5x
//! csv-core's speed natively and 3x as wasm). A record whose fields are the input's own bytes
//! (no `""` inside quotes, nothing after a closing quote) is not even copied: its fields are
//! spans of the input. One with such a field is copied into csv-core's output layout. Every other
//! record (a field spanning lines, a line cut by the chunk end, a row near the size limits) goes
//! through csv-core from its first byte. `tests/split_equivalence.rs` checks that all three give
//! exactly the records csv-core alone gives.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

/// The longest row kept; a longer one is skipped with a diagnostic instead of growing memory.
pub const MAX_ROW_BYTES: usize = 1024 * 1024;
/// The most fields a row may have.
pub const MAX_FIELDS: usize = 1024;

/// Why a record's fields were not kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overflow {
    /// The record fit.
    None,
    /// The record was longer than [`MAX_ROW_BYTES`].
    TooLong,
    /// The record had more than [`MAX_FIELDS`] fields.
    TooManyFields,
}

/// Where a field lies in its record's bytes.
#[derive(Clone, Copy, Debug, Default)]
pub struct Span {
    start: u32,
    end: u32,
}

/// One record, borrowed from the input or the splitter's buffers.
pub struct Record<'a> {
    /// 1-based line where the record starts.
    pub line: u32,
    data: &'a [u8],
    spans: &'a [Span],
    /// Set when the fields were dropped for being too large.
    pub overflow: Overflow,
    /// True for the last record of the input when it was not ended by a line break.
    pub unterminated: bool,
}

impl<'a> Record<'a> {
    /// How many fields the record has.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// The field at `index`, or an empty slice past the end.
    #[inline(always)]
    pub fn field(&self, index: usize) -> &'a [u8] {
        match self.spans.get(index) {
            Some(span) => self
                .data
                .get(span.start as usize..span.end as usize)
                .unwrap_or(&[]),
            None => &[],
        }
    }

    fn fields(&self) -> impl Iterator<Item = &'a [u8]> + '_ {
        (0..self.len()).map(|index| self.field(index))
    }

    /// How many bytes the fields hold together.
    pub fn content_len(&self) -> usize {
        self.fields().map(<[u8]>::len).sum()
    }

    /// True when a field holds a line break (a quoted field spanning lines).
    pub fn has_line_break(&self) -> bool {
        self.fields().any(|field| field.contains(&b'\n'))
    }

    /// This record with the fields `at..=at + extra` joined back into one with `delimiter`
    /// between them (a text field that held the delimiter unquoted). The new record's bytes
    /// and spans are written to `data` and `spans`.
    pub fn joined<'b>(
        &self,
        at: usize,
        extra: usize,
        delimiter: u8,
        data: &'b mut Vec<u8>,
        spans: &'b mut Vec<Span>,
    ) -> Record<'b> {
        data.clear();
        spans.clear();
        let mut index = 0;
        while index < self.len() {
            let start = data.len() as u32;
            data.extend_from_slice(self.field(index));
            if index == at {
                for more in index + 1..=(at + extra).min(self.len().saturating_sub(1)) {
                    data.push(delimiter);
                    data.extend_from_slice(self.field(more));
                }
                index = at + extra;
            }
            spans.push(Span {
                start,
                end: data.len() as u32,
            });
            index += 1;
        }
        Record {
            line: self.line,
            data,
            spans,
            overflow: self.overflow,
            unterminated: self.unterminated,
        }
    }

    /// True when every field is empty or blank.
    pub fn is_blank(&self) -> bool {
        self.fields()
            .all(|field| field.iter().all(u8::is_ascii_whitespace))
    }
}

/// A chunked record splitter.
pub struct Splitter {
    parser: Reader,
    out: Vec<u8>,
    out_len: usize,
    ends: Vec<usize>,
    ends_len: usize,
    /// The fields of the record being handed over.
    spans: Vec<Span>,
    line: u32,
    pending_cr: bool,
    at_start: bool,
    record_line: u32,
    overflow: Overflow,
    /// Whether the direct splitter may be tried: off for a delimiter csv-core would read as a
    /// quote or a line end, where only csv-core's own rules are right.
    fast: bool,
    delimiter: u8,
    /// Whether csv-core has been called yet. It drops a UTF-8 byte order mark at the start of its
    /// first input only, so the direct splitter leaves a first record starting with one to it,
    /// and after the first direct record marks csv-core as started (see `start_core`).
    core_started: bool,
    /// Records produced so far.
    pub n_records: u64,
}

impl Splitter {
    /// A splitter for `delimiter` with `"` quotes.
    pub fn new(delimiter: u8) -> Self {
        Splitter {
            parser: ReaderBuilder::new().delimiter(delimiter).build(),
            out: vec![0; 1024],
            out_len: 0,
            ends: vec![0; 32],
            ends_len: 0,
            spans: vec![Span::default(); 32],
            line: 1,
            pending_cr: false,
            at_start: true,
            record_line: 1,
            overflow: Overflow::None,
            fast: !matches!(delimiter, b'"' | b'\r' | b'\n'),
            delimiter,
            core_started: false,
            n_records: 0,
        }
    }

    /// A splitter that leaves every record to csv-core, as before the direct path existed: the
    /// benchmark compiles this file in to show what the direct path gains.
    #[allow(dead_code)]
    pub fn csv_core_only(delimiter: u8) -> Self {
        Splitter {
            fast: false,
            ..Splitter::new(delimiter)
        }
    }

    /// Feeds text; `on_record` sees each completed record. Pass `eof = true` with the last call
    /// (its input may be empty) to flush a final record without a line break.
    pub fn feed(&mut self, mut input: &[u8], eof: bool, mut on_record: impl FnMut(&Record<'_>)) {
        while !input.is_empty() {
            if self.at_start {
                let skip = input
                    .iter()
                    .take_while(|&&b| b == b'\n' || b == b'\r')
                    .count();
                self.count_lines(&input[..skip]);
                input = &input[skip..];
                if input.is_empty() {
                    break;
                }
                self.record_line = self.line;
                self.at_start = false;
                if self.fast {
                    if let Some(used) = self.split_line(input, eof, &mut on_record) {
                        input = &input[used..];
                        continue;
                    }
                }
            }
            self.core_started = true;
            let (result, n_in, n_out, n_ends) = self.parser.read_record(
                input,
                &mut self.out[self.out_len..],
                &mut self.ends[self.ends_len..],
            );
            self.count_lines(&input[..n_in]);
            input = &input[n_in..];
            self.out_len += n_out;
            self.ends_len += n_ends;
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => self.grow_output(),
                ReadRecordResult::OutputEndsFull => self.grow_ends(),
                ReadRecordResult::Record => self.emit(false, &mut on_record),
                ReadRecordResult::End => return,
            }
        }
        if eof && !self.at_start {
            // Empty input tells csv-core the file ended; it hands over the unterminated record.
            for _ in 0..64 {
                let (result, _, n_out, n_ends) = self.parser.read_record(
                    &[],
                    &mut self.out[self.out_len..],
                    &mut self.ends[self.ends_len..],
                );
                self.out_len += n_out;
                self.ends_len += n_ends;
                match result {
                    ReadRecordResult::Record => {
                        self.emit(true, &mut on_record);
                        break;
                    }
                    ReadRecordResult::OutputFull => self.grow_output(),
                    ReadRecordResult::OutputEndsFull => self.grow_ends(),
                    _ => break,
                }
            }
        }
    }

    /// Splits the record at the start of `input` directly when it is a plain one-line record that
    /// is whole in `input`, hands it to `on_record` and returns the bytes used (the line end
    /// included). The fields are the ones csv-core would write: spans of `input` when they are
    /// its bytes unchanged, else copied into `out` and `ends` as csv-core would copy them.
    /// Anything else (a quoted field running past the line end, a line not whole in this chunk, a
    /// row near the size limits) returns `None` with no record state changed (the buffers may
    /// have grown), and csv-core reads the record from its start, in the state it was left in
    /// after the last record it read, which behaves like a fresh start for a record's first byte.
    fn split_line(
        &mut self,
        input: &[u8],
        eof: bool,
        on_record: &mut impl FnMut(&Record<'_>),
    ) -> Option<usize> {
        if !self.core_started {
            if input.first() == Some(&0xEF) {
                return None;
            }
            self.start_core();
        }
        let line = loop {
            match split_spans(input, eof, self.delimiter, &mut self.spans) {
                Direct::Record {
                    used,
                    out_len: line_len,
                    n_ends,
                    pending_cr,
                    unterminated,
                } => {
                    // A row this long may be one csv-core drops; the copying path decides.
                    if line_len >= MAX_ROW_BYTES {
                        break None;
                    }
                    break Some((used, line_len, n_ends, pending_cr, unterminated));
                }
                Direct::EndsFull if self.spans.len() < MAX_FIELDS => {
                    let grown = (self.spans.len() * 2).min(MAX_FIELDS);
                    self.spans.resize(grown, Span::default());
                }
                Direct::EndsFull | Direct::OutputFull | Direct::Unusual => break None,
            }
        };
        if let Some((used, line_len, n_spans, pending_cr, unterminated)) = line {
            self.finish_line(pending_cr, unterminated);
            self.n_records += 1;
            self.at_start = true;
            let record = Record {
                line: self.record_line,
                data: &input[..line_len],
                spans: &self.spans[..n_spans],
                overflow: Overflow::None,
                unterminated,
            };
            on_record(&record);
            return Some(used);
        }
        loop {
            match split_direct(input, eof, self.delimiter, &mut self.out, &mut self.ends) {
                Direct::Record {
                    used,
                    out_len,
                    n_ends,
                    pending_cr,
                    unterminated,
                } => {
                    // A row of `MAX_ROW_BYTES` or more is dropped or not by csv-core's path
                    // depending on how the text was cut; left to it.
                    if out_len >= MAX_ROW_BYTES {
                        return None;
                    }
                    self.out_len = out_len;
                    self.ends_len = n_ends;
                    self.finish_line(pending_cr, unterminated);
                    self.emit(unterminated, on_record);
                    return Some(used);
                }
                // The buffers grow as csv-core's path grows them, and the record is split again
                // from its start (rare: only until they fit the longest row).
                Direct::OutputFull if self.out.len() < MAX_ROW_BYTES => {
                    let grown = (self.out.len() * 2).min(MAX_ROW_BYTES);
                    self.out.resize(grown, 0);
                }
                Direct::EndsFull if self.ends.len() < MAX_FIELDS => {
                    let grown = (self.ends.len() * 2).min(MAX_FIELDS);
                    self.ends.resize(grown, 0);
                }
                Direct::OutputFull | Direct::EndsFull | Direct::Unusual => return None,
            }
        }
    }

    /// Counts the line a directly split record ended.
    fn finish_line(&mut self, pending_cr: bool, unterminated: bool) {
        if !unterminated {
            self.line = self.line.saturating_add(1);
        }
        self.pending_cr = pending_cr;
    }

    /// Marks csv-core as started without moving it, as the first record it would have read
    /// would: a call with no room for output returns at once, but counts as a read, so a byte
    /// order mark later in the text stays text for csv-core as it would have. (That is how
    /// csv-core 0.1 behaves; the byte-order-mark cases in `tests/split_equivalence.rs` fail if a
    /// later version changes it.)
    fn start_core(&mut self) {
        let _ = self.parser.read_record(b"x", &mut [], &mut []);
        self.core_started = true;
    }

    fn grow_output(&mut self) {
        if self.out.len() < MAX_ROW_BYTES {
            let grown = (self.out.len() * 2).min(MAX_ROW_BYTES);
            self.out.resize(grown, 0);
        } else {
            self.overflow = Overflow::TooLong;
            self.out_len = 0;
            self.ends_len = 0;
        }
    }

    fn grow_ends(&mut self) {
        if self.ends.len() < MAX_FIELDS {
            let grown = (self.ends.len() * 2).min(MAX_FIELDS);
            self.ends.resize(grown, 0);
        } else {
            if self.overflow == Overflow::None {
                self.overflow = Overflow::TooManyFields;
            }
            self.ends_len = 0;
            self.out_len = 0;
        }
    }

    /// Hands over the record csv-core (or the copying direct path) wrote to `out` and `ends`.
    fn emit(&mut self, unterminated: bool, on_record: &mut impl FnMut(&Record<'_>)) {
        let overflow = self.overflow;
        let (data, n_spans): (&[u8], usize) = if overflow == Overflow::None {
            if self.spans.len() < self.ends_len {
                self.spans.resize(self.ends_len, Span::default());
            }
            let mut start = 0;
            for (span, &end) in self.spans.iter_mut().zip(&self.ends[..self.ends_len]) {
                // Both below `MAX_ROW_BYTES`, which fits a `u32`.
                *span = Span {
                    start: start as u32,
                    end: end as u32,
                };
                start = end;
            }
            (&self.out[..self.out_len], self.ends_len)
        } else {
            (&[], 0)
        };
        let record = Record {
            line: self.record_line,
            data,
            spans: &self.spans[..n_spans],
            overflow,
            unterminated,
        };
        self.n_records += 1;
        on_record(&record);
        self.out_len = 0;
        self.ends_len = 0;
        self.overflow = Overflow::None;
        self.at_start = true;
        // A record that ended in `\r` may be followed by `\n` in the next chunk.
    }

    fn count_lines(&mut self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        if !self.pending_cr {
            // One pass that counts line feeds and notices carriage returns; the careful loop
            // below only runs for files that have them.
            let (newlines, returns) = bytes.iter().fold((0u32, 0u32), |(n, r), &b| {
                (n + u32::from(b == b'\n'), r + u32::from(b == b'\r'))
            });
            if returns == 0 {
                self.line = self.line.saturating_add(newlines);
                return;
            }
        }
        for &byte in bytes {
            match byte {
                b'\n' => {
                    if !self.pending_cr {
                        self.line = self.line.saturating_add(1);
                    }
                    self.pending_cr = false;
                }
                b'\r' => {
                    self.line = self.line.saturating_add(1);
                    self.pending_cr = true;
                }
                _ => self.pending_cr = false,
            }
        }
    }
}

/// What [`split_direct`] made of the record at the start of its input.
enum Direct {
    /// The record, in `out[..out_len]` and `ends[..n_ends]`.
    Record {
        used: usize,
        out_len: usize,
        n_ends: usize,
        pending_cr: bool,
        unterminated: bool,
    },
    /// `out` is too small for the record.
    OutputFull,
    /// `ends` is too small for the record.
    EndsFull,
    /// Something only csv-core reads right: a field spanning lines, a line not whole in the
    /// input, a row at the field limit.
    Unusual,
}

/// Splits the record at the start of `input` (which does not start with a line end) into `out`
/// and `ends` as csv-core would, when it is a one-line record whole in `input`.
///
/// csv-core's states, reduced to what a one-line record needs: outside quotes a field ends at
/// the delimiter and the record at the first `\r` or `\n`; a quote is special only as a
/// field's first byte; inside quotes only `"` matters (`""` stands for one quote), and a line end
/// there is a field spanning lines, left to csv-core; text after a closing quote is kept as it
/// is, quotes included, up to the next delimiter.
fn split_direct(
    input: &[u8],
    eof: bool,
    delimiter: u8,
    out: &mut [u8],
    ends: &mut [usize],
) -> Direct {
    let mut i = 0;
    let mut o = 0;
    let mut n_ends = 0;
    loop {
        if input.get(i) == Some(&b'"') {
            i += 1;
            loop {
                match scan(input, &mut i, out, &mut o, b'"') {
                    Stop::At(b'"') => {}
                    Stop::OutputFull => return Direct::OutputFull,
                    _ => return Direct::Unusual,
                }
                if input.get(i + 1) != Some(&b'"') {
                    i += 1;
                    break;
                }
                let Some(slot) = out.get_mut(o) else {
                    return Direct::OutputFull;
                };
                *slot = b'"';
                o += 1;
                i += 2;
            }
        }
        let stop = scan(input, &mut i, out, &mut o, delimiter);
        if let Stop::OutputFull = stop {
            return Direct::OutputFull;
        }
        if n_ends + 1 >= MAX_FIELDS {
            // Far fewer fields than the limit are kept here, so csv-core's path decides every
            // row near it.
            return Direct::Unusual;
        }
        let Some(end) = ends.get_mut(n_ends) else {
            return Direct::EndsFull;
        };
        *end = o;
        n_ends += 1;
        let (used, pending_cr, unterminated) = match stop {
            Stop::At(b'\n') => (i + 1, false, false),
            Stop::At(b'\r') => match input.get(i + 1) {
                Some(&b'\n') => (i + 2, false, false),
                // A lone `\r`, or one at the end of the chunk whose `\n` may come next: the
                // line is counted now, and a `\n` right after is skipped as a blank line.
                _ => (i + 1, true, false),
            },
            Stop::At(_) => {
                i += 1;
                continue;
            }
            Stop::InputEnd if eof => (i, false, true),
            Stop::InputEnd | Stop::OutputFull => return Direct::Unusual,
        };
        return Direct::Record {
            used,
            out_len: o,
            n_ends,
            pending_cr,
            unterminated,
        };
    }
}

/// Splits the record at the start of `input` (which does not start with a line end) into spans
/// of `input` when every field is its bytes unchanged: the fields, the line end and the results
/// are those of [`split_direct`], with `out_len` the length of the line before its end.
/// `Unusual` when a field would need copying (a `""` inside quotes, text after a closing
/// quote) or when [`split_direct`] would not take the record either.
fn split_spans(input: &[u8], eof: bool, delimiter: u8, spans: &mut [Span]) -> Direct {
    // A line this long is left to the copying path, which decides it as csv-core would; the
    // scan stops here so that a file with no line breaks is not scanned whole for each try.
    let limited = input.len() > MAX_ROW_BYTES;
    let input = &input[..input.len().min(MAX_ROW_BYTES)];
    let mut i = 0;
    let mut n = 0;
    loop {
        let (start, end, stop);
        if input.get(i) == Some(&b'"') {
            i += 1;
            start = i;
            if !matches!(find(input, &mut i, b'"'), Stop::At(b'"')) {
                return Direct::Unusual;
            }
            end = i;
            i += 1;
            stop = match input.get(i) {
                Some(&byte) if byte == delimiter || byte == b'\r' || byte == b'\n' => {
                    Stop::At(byte)
                }
                Some(_) => return Direct::Unusual,
                None => Stop::InputEnd,
            };
        } else {
            start = i;
            stop = find(input, &mut i, delimiter);
            end = i;
        }
        if n + 1 >= MAX_FIELDS {
            return Direct::Unusual;
        }
        let Some(span) = spans.get_mut(n) else {
            return Direct::EndsFull;
        };
        // Below `MAX_ROW_BYTES`, which fits a `u32`.
        *span = Span {
            start: start as u32,
            end: end as u32,
        };
        n += 1;
        let (used, pending_cr, unterminated) = match stop {
            Stop::At(b'\n') => (i + 1, false, false),
            Stop::At(b'\r') => match input.get(i + 1) {
                Some(&b'\n') => (i + 2, false, false),
                _ if limited && i + 1 == input.len() => return Direct::Unusual,
                _ => (i + 1, true, false),
            },
            Stop::At(_) => {
                i += 1;
                continue;
            }
            Stop::InputEnd if eof && !limited => (i, false, true),
            Stop::InputEnd | Stop::OutputFull => return Direct::Unusual,
        };
        return Direct::Record {
            used,
            out_len: i,
            n_ends: n,
            pending_cr,
            unterminated,
        };
    }
}

/// Advances `*i` to the first `stop`, `\r` or `\n` byte of `input` from `*i`: [`scan`] without
/// the copy.
#[inline(always)]
fn find(input: &[u8], i: &mut usize, stop: u8) -> Stop {
    let stops = ONES * u64::from(stop);
    loop {
        while let Some(from) = input.get(*i..*i + 8) {
            let mut word = [0; 8];
            word.copy_from_slice(from);
            let word = u64::from_le_bytes(word);
            let found = candidates(word, stops);
            if found == 0 {
                *i += 8;
                continue;
            }
            *i += (found.trailing_zeros() / 8) as usize;
            let byte = input[*i];
            if byte == stop || byte == b'\r' || byte == b'\n' {
                return Stop::At(byte);
            }
            *i += 1;
        }
        let Some(&byte) = input.get(*i) else {
            return Stop::InputEnd;
        };
        if byte == stop || byte == b'\r' || byte == b'\n' {
            return Stop::At(byte);
        }
        *i += 1;
    }
}

/// Where [`scan`] stopped.
#[derive(Clone, Copy)]
enum Stop {
    /// At this byte: the one looked for, `\r` or `\n`.
    At(u8),
    InputEnd,
    OutputFull,
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `word` that may be a stop: equal to the byte repeated in
/// `stops`, or below 0x0E (`\r` and `\n` among them). Borrows can flag bytes above a real
/// candidate, never below one, so the lowest flag is exact; callers check the byte all the same.
#[inline(always)]
fn candidates(word: u64, stops: u64) -> u64 {
    let equal = word ^ stops;
    ((equal.wrapping_sub(ONES) & !equal) | (word.wrapping_sub(ONES * 0x0E) & !word)) & HIGH
}

/// Copies `input[*i..]` to `out[*o..]` up to the first `stop`, `\r` or `\n` byte, advancing both.
#[inline(always)]
fn scan(input: &[u8], i: &mut usize, out: &mut [u8], o: &mut usize, stop: u8) -> Stop {
    let stops = ONES * u64::from(stop);
    loop {
        // Eight bytes at a time: the word is copied whole and `o` then advanced past only the
        // bytes before the first candidate (what `out` holds past the record is never read).
        while let (Some(from), Some(to)) = (input.get(*i..*i + 8), out.get_mut(*o..*o + 8)) {
            to.copy_from_slice(from);
            let mut word = [0; 8];
            word.copy_from_slice(from);
            let word = u64::from_le_bytes(word);
            let found = candidates(word, stops);
            if found == 0 {
                *i += 8;
                *o += 8;
                continue;
            }
            let skip = (found.trailing_zeros() / 8) as usize;
            *i += skip;
            *o += skip;
            let byte = input[*i];
            if byte == stop || byte == b'\r' || byte == b'\n' {
                return Stop::At(byte);
            }
            // Another control byte (a tab, say), copied already.
            *i += 1;
            *o += 1;
        }
        let Some(&byte) = input.get(*i) else {
            return Stop::InputEnd;
        };
        if byte == stop || byte == b'\r' || byte == b'\n' {
            return Stop::At(byte);
        }
        let Some(slot) = out.get_mut(*o) else {
            return Stop::OutputFull;
        };
        *slot = byte;
        *i += 1;
        *o += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &[u8], chunk: usize) -> Vec<(u32, Vec<String>)> {
        let mut splitter = Splitter::new(b',');
        let mut rows = Vec::new();
        let mut collect = |record: &Record<'_>| {
            rows.push((
                record.line,
                (0..record.len())
                    .map(|i| String::from_utf8_lossy(record.field(i)).into_owned())
                    .collect(),
            ))
        };
        for piece in text.chunks(chunk.max(1)) {
            splitter.feed(piece, false, &mut collect);
        }
        splitter.feed(&[], true, &mut collect);
        rows
    }

    #[test]
    fn lines_count_cr_lf_and_crlf_once_each() {
        let text = b"a,b\r\nc,d\re,f\n\ng,\"h\nh\"\r\ni,j";
        for chunk in [1, 2, 3, 100] {
            let rows = split(text, chunk);
            let lines: Vec<u32> = rows.iter().map(|r| r.0).collect();
            assert_eq!(lines, vec![1, 2, 3, 5, 7], "chunk {chunk}");
            assert_eq!(rows[3].1, vec!["g", "h\nh"]);
            assert_eq!(rows[4].1, vec!["i", "j"]);
        }
    }

    #[test]
    fn a_huge_row_is_dropped_not_kept() {
        let mut text = vec![b'x'; MAX_ROW_BYTES + 10];
        text.extend_from_slice(b"\na,b\n");
        let mut splitter = Splitter::new(b',');
        let mut seen = Vec::new();
        splitter.feed(&text, true, |record| {
            seen.push((record.overflow, record.len()))
        });
        assert_eq!(seen, vec![(Overflow::TooLong, 0), (Overflow::None, 2)]);
    }
}

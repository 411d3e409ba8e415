//! Splits decoded text into records with csv-core, counting lines the way a person sees them
//! (`\r\n`, `\n` and a lone `\r` each end one line) and bounding memory by the longest row.

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

/// One record, borrowed from the splitter's buffers.
pub struct Record<'a> {
    /// 1-based line where the record starts.
    pub line: u32,
    data: &'a [u8],
    ends: &'a [usize],
    /// Set when the fields were dropped for being too large.
    pub overflow: Overflow,
    /// True for the last record of the input when it was not ended by a line break.
    pub unterminated: bool,
}

impl<'a> Record<'a> {
    /// How many fields the record has.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The field at `index`, or an empty slice past the end.
    pub fn field(&self, index: usize) -> &'a [u8] {
        if index >= self.ends.len() {
            return &[];
        }
        let start = if index == 0 { 0 } else { self.ends[index - 1] };
        let end = self.ends[index];
        self.data.get(start..end).unwrap_or(&[])
    }

    /// All the field bytes of the record, back to back.
    pub fn bytes(&self) -> &'a [u8] {
        self.data
    }

    /// True when every field is empty or blank.
    pub fn is_blank(&self) -> bool {
        self.data.iter().all(|b| b.is_ascii_whitespace())
    }
}

/// A chunked record splitter.
pub struct Splitter {
    parser: Reader,
    out: Vec<u8>,
    out_len: usize,
    ends: Vec<usize>,
    ends_len: usize,
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
                    if let Some((used, unterminated)) = self.split_line(input, eof) {
                        input = &input[used..];
                        self.emit(unterminated, &mut on_record);
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
    /// is whole in `input`: returns the bytes used (the line end included) and whether the record
    /// ended at the end of the file without a line break. The fields and ends written are the ones
    /// csv-core would write. Anything else (a quoted field running past the line end, a line not
    /// whole in this chunk, a row near the size limits) returns `None` with nothing changed, and
    /// csv-core reads the record from its start, in the state it was left in after the last
    /// record it read, which behaves like a fresh start for a record's first byte.
    fn split_line(&mut self, input: &[u8], eof: bool) -> Option<(usize, bool)> {
        // csv-core ends a record at the first `\r` or `\n` outside quotes; a quoted field that
        // holds one is found below (its closing quote is missing from the line) and left to it.
        let (line, used, pending_cr, unterminated) = match memchr::memchr2(b'\n', b'\r', input) {
            Some(end) if input[end] == b'\n' => (&input[..end], end + 1, false, false),
            Some(end) => match input.get(end + 1) {
                Some(b'\n') => (&input[..end], end + 2, false, false),
                // A lone `\r`, or one at the end of the chunk whose `\n` may come next: the
                // line is counted now and a following `\n` is skipped as part of it.
                _ => (&input[..end], end + 1, true, false),
            },
            None if eof => (input, input.len(), false, true),
            None => return None,
        };
        // Every output byte comes from the line, so a shorter line cannot reach the limit where
        // csv-core's path drops the row; a longer one is left to that path.
        if line.len() >= MAX_ROW_BYTES {
            return None;
        }
        if !self.core_started {
            if line.first() == Some(&0xEF) {
                return None;
            }
            self.start_core();
        }
        if self.out.len() < line.len() {
            self.out
                .resize(line.len().next_power_of_two().min(MAX_ROW_BYTES), 0);
        }
        let delimiter = self.delimiter;
        let mut out_len = 0;
        let mut n_ends = 0;
        let mut pos = 0;
        loop {
            let mut rest = &line[pos..];
            if rest.first() == Some(&b'"') {
                // A quoted field: its text up to the closing quote, `""` standing for one quote.
                let mut at = 1;
                loop {
                    let close = at + memchr::memchr(b'"', &rest[at..])?;
                    self.out[out_len..out_len + close - at].copy_from_slice(&rest[at..close]);
                    out_len += close - at;
                    if rest.get(close + 1) == Some(&b'"') {
                        self.out[out_len] = b'"';
                        out_len += 1;
                        at = close + 2;
                    } else {
                        at = close + 1;
                        break;
                    }
                }
                // Text after the closing quote is kept as it is, quotes included, up to the next
                // delimiter (csv-core's "in field" state).
                pos += at;
                rest = &rest[at..];
            }
            let (field, next) = match memchr::memchr(delimiter, rest) {
                Some(i) => (&rest[..i], Some(pos + i + 1)),
                None => (rest, None),
            };
            self.out[out_len..out_len + field.len()].copy_from_slice(field);
            out_len += field.len();
            // Far fewer fields than the limit are kept here, so csv-core's path decides every
            // row near it.
            if n_ends + 1 >= MAX_FIELDS {
                return None;
            }
            if n_ends == self.ends.len() {
                let grown = (self.ends.len() * 2).min(MAX_FIELDS);
                self.ends.resize(grown, 0);
            }
            self.ends[n_ends] = out_len;
            n_ends += 1;
            match next {
                Some(next) => pos = next,
                None => break,
            }
        }
        self.out_len = out_len;
        self.ends_len = n_ends;
        if !unterminated {
            self.line = self.line.saturating_add(1);
        }
        self.pending_cr = pending_cr;
        Some((used, unterminated))
    }

    /// Marks csv-core as started without moving it, as the first record it would have read
    /// would: a call with no room for output returns at once, but counts as a read, so a byte
    /// order mark later in the text stays text for csv-core as it would have.
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

    fn emit(&mut self, unterminated: bool, on_record: &mut impl FnMut(&Record<'_>)) {
        let overflow = self.overflow;
        let (data, ends): (&[u8], &[usize]) = if overflow == Overflow::None {
            (&self.out[..self.out_len], &self.ends[..self.ends_len])
        } else {
            (&[], &[])
        };
        let record = Record {
            line: self.record_line,
            data,
            ends,
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

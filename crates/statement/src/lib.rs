//! Reads bank and card statement exports into [`Statement`]s.
//!
//! The format is sniffed from the bytes, never the file name. Input is fed in chunks through a
//! [`Reader`] (or all at once with [`read`]); CSV streams with memory bounded by the longest row,
//! the structured formats are buffered up to [`MAX_BUFFERED_BYTES`].
//!
//! **Invariant:** no input makes a reader panic or hang. A file that is not a statement at all is
//! a [`ReadError`]; a problem inside a statement is a [`Diagnostic`] next to the transactions.
#![deny(missing_docs)]

mod store;
mod types;

pub mod date;
pub mod encoding;
pub mod number;

pub mod camt;
pub mod csv;
pub mod mt940;
pub mod ofx;
pub mod qif;
pub mod sniff;
mod xml;

pub use messages::{self, Arg, Args, Message};
pub use store::{
    Iter as TransactionIter, StoreFull, TransactionView, Transactions, MAX_TEXT_BYTES,
};
pub use types::*;

/// The largest file a buffered (non-CSV) reader accepts. Larger files get a `too-large` error
/// rather than exhausting memory.
pub const MAX_BUFFERED_BYTES: usize = 256 * 1024 * 1024;

/// How many bytes the sniffer wants to see before it decides (less when the file is shorter).
pub const SNIFF_BYTES: usize = 64 * 1024;

enum State {
    /// Collecting the first bytes until the format can be decided.
    Sniffing(Vec<u8>),
    /// Streaming CSV.
    Csv(Box<csv::CsvReader>),
    /// A structured format, buffered whole.
    Buffered(Format, Vec<u8>),
    /// The file was rejected; further input is ignored.
    Failed(ReadError),
}

/// A streaming statement reader: feed it chunks with [`Reader::push`], then call
/// [`Reader::finish`].
pub struct Reader {
    hints: Hints,
    state: State,
    bytes_read: u64,
    expected_bytes: u64,
}

impl Reader {
    /// A reader that will apply `hints` over what it infers.
    pub fn new(hints: Hints) -> Self {
        Reader {
            hints,
            state: State::Sniffing(Vec::new()),
            bytes_read: 0,
            expected_bytes: 0,
        }
    }

    /// Tells the reader the size of the whole file when the caller knows it (the page does),
    /// so the transaction list is sized once instead of growing and copying — in wasm, whose
    /// memory never shrinks, that copy would otherwise set the peak. Only a hint: any size
    /// reads correctly. Call it before the first push.
    pub fn expect_bytes(&mut self, total: u64) {
        self.expected_bytes = total;
    }

    /// How many bytes have been pushed so far (for progress reporting).
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    /// Feeds the next chunk of the file.
    pub fn push(&mut self, chunk: &[u8]) {
        self.bytes_read += chunk.len() as u64;
        match &mut self.state {
            State::Sniffing(prefix) => {
                prefix.extend_from_slice(chunk);
                if prefix.len() >= SNIFF_BYTES {
                    let prefix = std::mem::take(prefix);
                    self.decide(prefix, false);
                }
            }
            State::Csv(reader) => reader.push(chunk),
            State::Buffered(_, bytes) => {
                if bytes.len() + chunk.len() > MAX_BUFFERED_BYTES {
                    self.state = State::Failed(too_large());
                } else {
                    bytes.extend_from_slice(chunk);
                }
            }
            State::Failed(_) => {}
        }
    }

    /// Ends the input and returns what was read.
    pub fn finish(mut self) -> Result<Statement, ReadError> {
        if let State::Sniffing(prefix) = &mut self.state {
            let prefix = std::mem::take(prefix);
            self.decide(prefix, true);
        }
        let mut statement = match self.state {
            State::Sniffing(_) => unreachable!("decide always leaves the sniffing state"),
            State::Csv(reader) => reader.finish()?,
            State::Buffered(format, bytes) => read_buffered(format, &bytes, &self.hints)?,
            State::Failed(error) => return Err(error),
        };
        if self.hints.flip_sign {
            statement.transactions.negate_amounts();
        }
        Ok(statement)
    }

    fn decide(&mut self, prefix: Vec<u8>, complete: bool) {
        self.state = match sniff::sniff(&prefix, complete) {
            Err(error) => State::Failed(error),
            Ok(Format::Csv) => {
                let mut reader = Box::new(csv::CsvReader::new(self.hints.clone()));
                if self.expected_bytes > 0 {
                    reader.expect_bytes(self.expected_bytes);
                }
                reader.push(&prefix);
                State::Csv(reader)
            }
            Ok(format) => State::Buffered(format, prefix),
        };
    }
}

fn read_buffered(format: Format, bytes: &[u8], hints: &Hints) -> Result<Statement, ReadError> {
    match format {
        Format::Csv => {
            let mut reader = csv::CsvReader::new(hints.clone());
            reader.push(bytes);
            reader.finish()
        }
        Format::Ofx => ofx::read(bytes, hints),
        Format::Qif => qif::read(bytes, hints),
        Format::Camt052 | Format::Camt053 | Format::Camt054 => camt::read(bytes, hints),
        Format::Mt940 => mt940::read(bytes, hints),
    }
}

fn too_large() -> ReadError {
    ReadError::new(
        "too-large",
        Args::new().count("megabytes", MAX_BUFFERED_BYTES / (1024 * 1024)),
    )
}

/// Reads a whole file at once. Equivalent to one [`Reader::push`] and [`Reader::finish`].
pub fn read(bytes: &[u8], hints: &Hints) -> Result<Statement, ReadError> {
    let mut reader = Reader::new(hints.clone());
    reader.expect_bytes(bytes.len() as u64);
    reader.push(bytes);
    reader.finish()
}

/// Rewrites every `line N` in `message` (the word `line` at a word start, then digits) with
/// `place(N)`; a number `place` does not know is left as it was. Readers that turn another
/// document into CSV text (spreadsheets, PDFs, text statements) use it to name their own places.
pub fn replace_line_numbers(message: &str, place: impl Fn(u32) -> Option<String>) -> String {
    let mut out = String::with_capacity(message.len() + 8);
    let mut rest = message;
    while let Some(at) = rest.find("line ") {
        let word_start = at == 0 || !rest.as_bytes()[at - 1].is_ascii_alphanumeric();
        let digits = rest[at + 5..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        out.push_str(&rest[..at]);
        let named = rest[at + 5..at + 5 + digits]
            .parse::<u32>()
            .ok()
            .filter(|_| word_start)
            .and_then(&place);
        match named {
            Some(named) => {
                out.push_str(&named);
                rest = &rest[at + 5 + digits..];
            }
            None => {
                out.push_str("line ");
                rest = &rest[at + 5..];
            }
        }
    }
    out.push_str(rest);
    out
}

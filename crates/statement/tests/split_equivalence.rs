//! The direct record splitter against csv-core: `src/csv/split.rs` splits plain one-line records
//! itself and leaves everything else to csv-core, and must give exactly the records the splitter
//! built only on csv-core gave (copied below as `reference`), whatever the input and however it
//! is cut into chunks.
//!
//! Fixtures are read in place from `../shared/fixtures` next to the repository, or from the
//! folder in `SPENDREIN_FIXTURES` when set (a git worktree elsewhere has no `../shared`).

use proptest::prelude::*;
use std::path::{Path, PathBuf};

// The splitter under test, compiled into this test from its source: it is private to the crate.
#[allow(dead_code)]
#[path = "../src/csv/split.rs"]
mod split;

/// The splitter as it was before the direct path: every byte through csv-core.
#[allow(dead_code)]
mod reference {
    // Splits decoded text into records with csv-core, counting lines the way a person sees them
    // (`\r\n`, `\n` and a lone `\r` each end one line) and bounding memory by the longest row.

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

        /// How many bytes the fields hold together.
        pub fn content_len(&self) -> usize {
            self.data.len()
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
                n_records: 0,
            }
        }

        /// Feeds text; `on_record` sees each completed record. Pass `eof = true` with the last call
        /// (its input may be empty) to flush a final record without a line break.
        pub fn feed(
            &mut self,
            mut input: &[u8],
            eof: bool,
            mut on_record: impl FnMut(&Record<'_>),
        ) {
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
                }
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
}

/// One record as both splitters report it: line, fields, unterminated, overflow.
#[derive(Debug, PartialEq, Eq)]
struct Seen {
    line: u32,
    fields: Vec<Vec<u8>>,
    unterminated: bool,
    overflow: String,
}

/// How the text is handed over: pieces of `chunk` bytes (0 = whole), and whether the last piece
/// carries `eof` itself or an empty call after it does.
#[derive(Clone, Copy, Debug)]
struct Cut {
    chunk: usize,
    eof_with_last: bool,
}

const CHUNKS: [usize; 7] = [1, 2, 3, 7, 64, 1000, 0];

fn cuts() -> impl Iterator<Item = Cut> {
    CHUNKS.into_iter().flat_map(|chunk| {
        [false, true].map(|eof_with_last| Cut {
            chunk,
            eof_with_last,
        })
    })
}

fn pieces(text: &[u8], chunk: usize) -> Vec<&[u8]> {
    if chunk == 0 || text.is_empty() {
        vec![text]
    } else {
        text.chunks(chunk).collect()
    }
}

macro_rules! run_splitter {
    ($splitter:expr, $text:expr, $cut:expr) => {{
        let mut splitter = $splitter;
        let mut seen: Vec<Seen> = Vec::new();
        let pieces = pieces($text, $cut.chunk);
        let last = pieces.len() - 1;
        for (i, piece) in pieces.into_iter().enumerate() {
            let eof = $cut.eof_with_last && i == last;
            splitter.feed(piece, eof, |record| {
                seen.push(Seen {
                    line: record.line,
                    fields: (0..record.len())
                        .map(|f| record.field(f).to_vec())
                        .collect(),
                    unterminated: record.unterminated,
                    overflow: format!("{:?}", record.overflow),
                });
                // The accessors agree with the fields.
                assert_eq!(
                    record.content_len(),
                    (0..record.len())
                        .map(|f| record.field(f).len())
                        .sum::<usize>()
                );
                assert!(record.field(record.len()).is_empty());
            });
        }
        if !$cut.eof_with_last {
            splitter.feed(&[], true, |record| {
                seen.push(Seen {
                    line: record.line,
                    fields: (0..record.len())
                        .map(|f| record.field(f).to_vec())
                        .collect(),
                    unterminated: record.unterminated,
                    overflow: format!("{:?}", record.overflow),
                });
            });
        }
        (seen, splitter.n_records)
    }};
}

fn new_records(text: &[u8], delimiter: u8, cut: Cut) -> (Vec<Seen>, u64) {
    run_splitter!(split::Splitter::new(delimiter), text, cut)
}

fn reference_records(text: &[u8], delimiter: u8, cut: Cut) -> (Vec<Seen>, u64) {
    run_splitter!(reference::Splitter::new(delimiter), text, cut)
}

/// Fails with the first record that differs, naming the input and the cut.
fn check(name: &str, text: &[u8], delimiter: u8, cut: Cut) -> Result<(), String> {
    let (want, want_n) = reference_records(text, delimiter, cut);
    let (got, got_n) = new_records(text, delimiter, cut);
    if want == got && want_n == got_n {
        return Ok(());
    }
    let at = want
        .iter()
        .zip(&got)
        .position(|(a, b)| a != b)
        .unwrap_or(want.len().min(got.len()));
    Err(format!(
        "{name}, delimiter {:?}, {cut:?}: {} records from csv-core, {} from the splitter; first \
         difference at record {at}:\n  csv-core: {:?}\n  splitter: {:?}",
        char::from(delimiter),
        want.len(),
        got.len(),
        want.get(at),
        got.get(at)
    ))
}

fn check_all_cuts(name: &str, text: &[u8], delimiters: &[u8]) -> Result<(), String> {
    for &delimiter in delimiters {
        for cut in cuts() {
            check(name, text, delimiter, cut)?;
        }
    }
    Ok(())
}

const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

fn files_under(root: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn check_files(files: &[PathBuf]) {
    let mut failures = Vec::new();
    for path in files {
        let text = std::fs::read(path).expect("a test file reads");
        if let Err(message) = check_all_cuts(&path.display().to_string(), &text, &DELIMITERS) {
            failures.push(message);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn fixtures_split_as_csv_core_splits_them() {
    let root = std::env::var_os("SPENDREIN_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures"));
    if !root.is_dir() {
        println!("skipping: ../shared/fixtures absent");
        return;
    }
    // Every fixture, not only the CSV and TSV ones: the splitter sees whatever text it is given.
    let mut files = Vec::new();
    files_under(&root, &mut files);
    assert!(files.len() > 50, "only {} fixtures found", files.len());
    check_files(&files);
}

#[test]
fn corpus_splits_as_csv_core_splits_it() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/statement");
    let mut files = Vec::new();
    files_under(&data.join("ok/csv"), &mut files);
    files_under(&data.join("err/csv"), &mut files);
    assert!(files.len() > 50, "only {} corpus files found", files.len());
    check_files(&files);
}

#[test]
fn hand_picked_edges_split_as_csv_core_splits_them() {
    let cases: &[&[u8]] = &[
        b"",
        b"\n",
        b"\r\n\r\n",
        b"a",
        b"a,",
        b",",
        b"\"",
        b"\"a",
        b"\"a\"",
        b"\"a\"b,c\n",
        b"\"a\"\"b\",c\r\n",
        b"\"a\"\"\",\"\"\"\"\n",
        b"a\"b,\"c\"\"\"d\"e\n",
        b"\"a\nb\",c\r\nd\re\r\rf\n\ng",
        b"a,b\r",
        b"a,b\r\n",
        b"a,\"b\r\nc\"\r\n",
        b"\xEF\xBB\xBFa,b\nc\n",
        b"\n\xEF\xBB\xBFa,b\n\xEF\xBB\xBFc\n",
        b"x\n\xEF\xBB\xBFa,b\n",
        b"\xEF\xBB\xBF",
        b"\xEF\xBB",
        b"  ,\t, \n",
        b"a,b,c\n\"q\",\"r,s\",t\n",
    ];
    for (i, text) in cases.iter().enumerate() {
        if let Err(message) = check_all_cuts(&format!("case {i}"), text, &DELIMITERS) {
            panic!("{message}");
        }
    }
}

/// Rows around the size limits, where csv-core's path drops the fields.
#[test]
fn rows_at_the_limits_split_as_csv_core_splits_them() {
    let max = split::MAX_ROW_BYTES;
    let mut cases = Vec::new();
    for length in [max - 2, max - 1, max, max + 1] {
        let mut text = b"a,b\n".to_vec();
        text.extend(std::iter::repeat_n(b'x', length));
        text.extend_from_slice(b"\nc,d\n");
        cases.push((format!("a {length}-byte row"), text.clone()));
        let mut quoted = b"a,b\n\"".to_vec();
        quoted.extend(std::iter::repeat_n(b'x', length));
        quoted.extend_from_slice(b"\",y\nc,d");
        cases.push((format!("a quoted {length}-byte field"), quoted));
        // Line ends at and around the limit, where the direct path stops scanning.
        let mut crlf = b"a,b\n".to_vec();
        crlf.extend(std::iter::repeat_n(b'x', length));
        crlf.extend_from_slice(b"\r\nc,d\r\n");
        cases.push((format!("a {length}-byte CRLF file"), crlf));
        let mut last = b"a,b\n".to_vec();
        last.extend(std::iter::repeat_n(b'x', length));
        cases.push((format!("a last {length}-byte row without a line end"), last));
    }
    for fields in [
        split::MAX_FIELDS - 2,
        split::MAX_FIELDS - 1,
        split::MAX_FIELDS,
        split::MAX_FIELDS + 1,
    ] {
        let mut text = b"a,b\n".to_vec();
        text.extend_from_slice(&vec![b','; fields - 1]);
        text.extend_from_slice(b"\nc,d\n");
        cases.push((format!("a row of {fields} empty fields"), text.clone()));
        text.truncate(text.len() - 5);
        cases.push((format!("a last row of {fields} empty fields"), text));
    }
    for (name, text) in &cases {
        for chunk in [7, 1000, 64 * 1024, 0] {
            for eof_with_last in [false, true] {
                if let Err(message) = check(
                    name,
                    text,
                    b',',
                    Cut {
                        chunk,
                        eof_with_last,
                    },
                ) {
                    panic!("{message}");
                }
            }
        }
    }
}

/// Pieces that CSV text is made of, weighted towards the ones that switch parser states.
fn token() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => prop::sample::select(vec![
            &b"a"[..], b"bc", b"12.50", b" ", b"\xC3\xA9", b"\xEF\xBB\xBF", b"#",
        ])
        .prop_map(<[u8]>::to_vec),
        4 => prop::sample::select(vec![&b","[..], b";", b"\t", b"|"]).prop_map(<[u8]>::to_vec),
        3 => prop::sample::select(vec![&b"\""[..], b"\"\""]).prop_map(<[u8]>::to_vec),
        3 => prop::sample::select(vec![&b"\n"[..], b"\r", b"\r\n", b"\n\n", b"\r\n\r\n"])
            .prop_map(<[u8]>::to_vec),
        1 => (1usize..3000).prop_map(|n| vec![b'x'; n]),
        1 => "[a-z ,\"]{0,20}".prop_map(|s| format!("\"{s}\"").into_bytes()),
    ]
}

/// Lines that look like a statement, with now and then something unusual in them.
fn statement_line() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::collection::vec(
            prop_oneof![
                3 => "[A-Za-z0-9 .-]{0,12}",
                1 => "[A-Za-z0-9 ,.\"-]{0,12}".prop_map(|s| format!("\"{s}\"")),
                1 => "[A-Za-z\" ]{0,6}".prop_map(|s| format!("\"{}\"", s.replace('"', "\"\""))),
            ],
            1..8,
        ),
        prop::sample::select(vec!["\n", "\r\n", "\r", ""]),
    )
        .prop_map(|(fields, end)| format!("{}{end}", fields.join(",")).into_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_text_splits_as_csv_core_splits_it(
        tokens in prop::collection::vec(token(), 0..60),
        delimiter in prop::sample::select(vec![b',', b';', b'\t', b'|']),
    ) {
        let text = tokens.concat();
        if let Err(message) = check_all_cuts("random text", &text, &[delimiter]) {
            prop_assert!(false, "{}\ntext: {:?}", message, String::from_utf8_lossy(&text));
        }
    }

    #[test]
    fn random_statements_split_as_csv_core_splits_them(
        lines in prop::collection::vec(statement_line(), 0..40),
    ) {
        let text = lines.concat();
        if let Err(message) = check_all_cuts("random statement", &text, b",") {
            prop_assert!(false, "{}\ntext: {:?}", message, String::from_utf8_lossy(&text));
        }
    }
}

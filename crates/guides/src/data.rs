//! Decodes the compact guide data written by build.rs into `&'static` guides, once.
//!
//! Nothing here parses text: build.rs has already split every string and counted every list,
//! so decoding only cuts each of the three `TEXTS` at the recorded lengths and reads counts
//! and enum codes from `SHAPE` (the layout is described in build.rs). Why not static `&str`
//! tables: in wasm each costs 8 bytes of near-random pointer, which gzip cannot shrink;
//! measured on 93 guides, that form added 138,365 bytes gzipped to the wasm and this one
//! 115,283. The guides and the pattern index are built on first use (about 0.3 ms) and kept
//! for the life of the program (a few hundred kilobytes, allocated once).

use crate::matching::Pattern;
#[cfg(feature = "bodies")]
use crate::{Alternative, Evidence, Faq, Grade, Owner, Source};
use crate::{Billing, Cadence, Category, Channel, Descriptors, Gotcha, Guide, Severity, Step};
use std::sync::OnceLock;

mod generated {
    use crate::{Billing, Cadence, Category, Channel, Severity};
    #[cfg(feature = "bodies")]
    use crate::{Grade, Owner};
    include!(concat!(env!("OUT_DIR"), "/guides_data.rs"));
}

pub(crate) struct Decoded {
    pub guides: &'static [Guide],
    pub patterns: &'static [Pattern<'static, &'static str>],
    /// Whether every string and shape entry was read exactly: false means build.rs and this
    /// decoder disagree (a bug, caught by the tests, which are its only reader).
    #[cfg_attr(not(test), allow(dead_code))]
    pub exact: bool,
}

/// The compiled-in guides, sorted by id.
pub(crate) fn guides() -> &'static [Guide] {
    decoded().guides
}

/// The descriptor index, sorted by pattern words.
pub(crate) fn patterns() -> &'static [Pattern<'static, &'static str>] {
    decoded().patterns
}

pub(crate) fn decoded() -> &'static Decoded {
    static DECODED: OnceLock<Decoded> = OnceLock::new();
    DECODED.get_or_init(decode)
}

/// The string streams, as build.rs numbers them.
#[derive(Clone, Copy)]
enum Kind {
    Url = 0,
    Short = 1,
    Prose = 2,
}

/// One string stream: its text and the LEB128 byte lengths of its pieces.
struct Stream {
    text: &'static str,
    lengths: Leb128,
    position: usize,
}

/// Unsigned LEB128 numbers, one after another.
struct Leb128 {
    bytes: &'static [u8],
    position: usize,
}

impl Leb128 {
    fn next(&mut self) -> Option<usize> {
        let mut value = 0usize;
        let mut shift = 0u32;
        loop {
            let byte = *self.bytes.get(self.position)?;
            self.position += 1;
            value |= usize::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(value);
            }
            shift += 7;
            if shift >= usize::BITS {
                return None;
            }
        }
    }

    fn at_end(&self) -> bool {
        self.position == self.bytes.len()
    }

    fn bytes_left(&self) -> usize {
        self.bytes.len().saturating_sub(self.position)
    }
}

/// Reads strings and numbers in order. Running out or a bad cut yields empty values and
/// clears `exact` instead of panicking.
struct Reader {
    streams: [Stream; 3],
    shape: Leb128,
    exact: bool,
}

impl Reader {
    fn new(
        texts: &'static [&'static str; 3],
        lengths: &'static [&'static [u8]; 3],
        shape: &'static [u8],
    ) -> Reader {
        let stream = |kind: Kind| Stream {
            text: texts[kind as usize],
            lengths: Leb128 {
                bytes: lengths[kind as usize],
                position: 0,
            },
            position: 0,
        };
        Reader {
            streams: [stream(Kind::Url), stream(Kind::Short), stream(Kind::Prose)],
            shape: Leb128 {
                bytes: shape,
                position: 0,
            },
            exact: true,
        }
    }

    fn string(&mut self, kind: Kind) -> &'static str {
        let stream = &mut self.streams[kind as usize];
        let text: &'static str = stream.text;
        let piece = stream.lengths.next().and_then(|length| {
            let end = stream.position.checked_add(length)?;
            let piece = text.get(stream.position..end)?;
            stream.position = end;
            Some(piece)
        });
        piece.unwrap_or_else(|| {
            self.exact = false;
            ""
        })
    }

    fn number(&mut self) -> usize {
        self.shape.next().unwrap_or_else(|| {
            self.exact = false;
            0
        })
    }

    fn code<T: Copy>(&mut self, codes: &[T], fallback: T) -> T {
        let index = self.number();
        match codes.get(index) {
            Some(value) => *value,
            None => {
                self.exact = false;
                fallback
            }
        }
    }

    /// A count then that many strings. The count comes from build.rs, but it is capped by
    /// what is left to read, so even corrupt data cannot make this allocate without bound.
    fn strings(&mut self, kind: Kind) -> &'static [&'static str] {
        let count = self.count();
        let values: Vec<&'static str> = (0..count).map(|_| self.string(kind)).collect();
        leak(values)
    }

    fn codes<T: Copy>(&mut self, codes: &[T], fallback: T) -> &'static [T] {
        let count = self.count();
        let values: Vec<T> = (0..count).map(|_| self.code(codes, fallback)).collect();
        leak(values)
    }

    /// A list length, at most the number of shape and length bytes left: every list entry
    /// reads at least one of them, so a larger count can only come from corrupt data.
    fn count(&mut self) -> usize {
        let count = self.number();
        let left = self.shape.bytes_left()
            + self
                .streams
                .iter()
                .map(|stream| stream.lengths.bytes_left())
                .sum::<usize>();
        if count > left {
            self.exact = false;
            return 0;
        }
        count
    }

    fn at_end(&self) -> bool {
        self.shape.at_end()
            && self
                .streams
                .iter()
                .all(|stream| stream.lengths.at_end() && stream.position == stream.text.len())
    }
}

/// Empty lists cost no allocation; others live as long as the program, like static data.
fn leak<T>(values: Vec<T>) -> &'static [T] {
    if values.is_empty() {
        return &[];
    }
    Vec::leak(values)
}

fn decode() -> Decoded {
    let mut reader = Reader::new(&generated::TEXTS, &generated::LENGTHS, generated::SHAPE);
    #[cfg(feature = "bodies")]
    let mut body = Reader::new(
        &generated::BODY_TEXTS,
        &generated::BODY_LENGTHS,
        generated::BODY_SHAPE,
    );
    let mut guides = Vec::with_capacity(generated::GUIDE_COUNT);
    for _ in 0..generated::GUIDE_COUNT {
        guides.push(read_guide(
            &mut reader,
            #[cfg(feature = "bodies")]
            &mut body,
        ));
    }
    let pattern_count = reader.count();
    let mut patterns = Vec::with_capacity(pattern_count);
    for _ in 0..pattern_count {
        let guide = reader.number();
        let exclude = reader.number() != 0;
        let text = reader.string(Kind::Short);
        let words = reader.strings(Kind::Short);
        let chars = words.iter().map(|word| word.chars().count()).sum();
        patterns.push(Pattern {
            words,
            guide,
            exclude,
            text,
            chars,
        });
    }
    let exact = reader.exact && pattern_count == generated::PATTERN_COUNT && reader.at_end();
    #[cfg(feature = "bodies")]
    let exact = exact && body.exact && body.at_end();
    Decoded {
        guides: leak(guides),
        patterns: leak(patterns),
        exact,
    }
}

/// One guide: its head from `reader` and, with the `bodies` feature, its body from `body`
/// (the order of build.rs's `emit_head` and `emit_body`).
fn read_guide(reader: &mut Reader, #[cfg(feature = "bodies")] body: &mut Reader) -> Guide {
    use Kind::Short;
    let id = reader.string(Short);
    let name = reader.string(Short);
    let summary = reader.string(Kind::Prose);
    let last_reviewed = reader.string(Short);
    let category = reader.code(generated::CATEGORY_CODES, Category::Other);
    let billing = reader.code(generated::BILLING_CODES, Billing::Prepaid);
    let aliases = reader.strings(Short);
    let cadences = reader.codes(generated::CADENCE_CODES, Cadence::Monthly);
    let billed_via = reader.codes(generated::CHANNEL_CODES, Channel::Direct);
    let match_patterns = reader.strings(Short);
    let exclude = reader.strings(Short);
    let step_count = reader.count();
    let step_titles: Vec<&'static str> = (0..step_count).map(|_| reader.string(Short)).collect();
    let gotcha_count = reader.count();
    let gotcha_heads: Vec<GotchaHead> = (0..gotcha_count)
        .map(|_| GotchaHead {
            id: reader.string(Short),
            title: reader.string(Short),
            severity: reader.code(generated::SEVERITY_CODES, Severity::Caution),
            step: u32::try_from(reader.number())
                .ok()
                .filter(|step| *step != 0),
            explains_charges: reader.number() != 0,
        })
        .collect();
    let legacy = reader.number() != 0;

    #[cfg(feature = "bodies")]
    let parts = read_body(body, legacy, step_count, gotcha_count);
    let steps: Vec<Step> = step_titles
        .iter()
        .enumerate()
        .map(|(_index, title)| Step {
            title,
            #[cfg(feature = "bodies")]
            text: parts.steps.get(_index).map_or("", |step| step.0),
            #[cfg(feature = "bodies")]
            url: parts.steps.get(_index).and_then(|step| step.1),
            #[cfg(feature = "bodies")]
            src: parts.steps.get(_index).map_or(&[], |step| step.2),
        })
        .collect();
    let gotchas: Vec<Gotcha> = gotcha_heads
        .iter()
        .enumerate()
        .map(|(_index, head)| Gotcha {
            id: head.id,
            severity: head.severity,
            title: head.title,
            step: head.step,
            explains_charges: head.explains_charges,
            #[cfg(feature = "bodies")]
            text: parts.gotchas.get(_index).map_or("", |gotcha| gotcha.0),
            #[cfg(feature = "bodies")]
            src: parts.gotchas.get(_index).map_or(&[], |gotcha| gotcha.1),
        })
        .collect();
    Guide {
        id,
        name,
        aliases,
        category,
        summary,
        billing,
        cadences,
        billed_via,
        last_reviewed,
        descriptors: Descriptors {
            match_patterns,
            exclude,
            #[cfg(feature = "bodies")]
            examples: parts.examples,
            #[cfg(feature = "bodies")]
            evidence: parts.evidence,
        },
        steps: leak(steps),
        gotchas: leak(gotchas),
        legacy,
        #[cfg(feature = "bodies")]
        before_you_start: parts.before_you_start,
        #[cfg(feature = "bodies")]
        data: parts.data,
        #[cfg(feature = "bodies")]
        data_src: parts.data_src,
        #[cfg(feature = "bodies")]
        refunds: parts.refunds,
        #[cfg(feature = "bodies")]
        refunds_src: parts.refunds_src,
        #[cfg(feature = "bodies")]
        alternatives: parts.alternatives,
        #[cfg(feature = "bodies")]
        faq: parts.faq,
        #[cfg(feature = "bodies")]
        related: parts.related,
        #[cfg(feature = "bodies")]
        sources: parts.sources,
    }
}

struct GotchaHead {
    id: &'static str,
    title: &'static str,
    severity: Severity,
    step: Option<u32>,
    explains_charges: bool,
}

/// A guide's body as read from the body streams, before it is joined to its head.
#[cfg(feature = "bodies")]
struct Body {
    examples: &'static [&'static str],
    evidence: &'static [Evidence],
    data: &'static str,
    data_src: &'static [&'static str],
    refunds: &'static str,
    refunds_src: &'static [&'static str],
    before_you_start: &'static [&'static str],
    /// Per step: text, url, src.
    steps: Vec<(&'static str, Option<&'static str>, &'static [&'static str])>,
    /// Per gotcha: text, src.
    gotchas: Vec<(&'static str, &'static [&'static str])>,
    alternatives: &'static [Alternative],
    faq: &'static [Faq],
    related: &'static [&'static str],
    sources: &'static [Source],
}

#[cfg(feature = "bodies")]
fn read_body(reader: &mut Reader, legacy: bool, step_count: usize, gotcha_count: usize) -> Body {
    use Kind::{Prose, Short, Url};
    let examples = reader.strings(Short);
    let evidence_count = reader.count();
    let evidence: Vec<Evidence> = (0..evidence_count)
        .map(|_| Evidence {
            pattern: reader.string(Short),
            example: reader.string(Short),
            grade: reader.code(generated::GRADE_CODES, Grade::Guess),
            src: reader.strings(Short),
        })
        .collect();
    let data = reader.string(Prose);
    let data_src = reader.strings(Short);
    let refunds = reader.string(Prose);
    let refunds_src = reader.strings(Short);
    let before_you_start = reader.strings(Prose);
    let body_steps = reader.count();
    if body_steps != step_count {
        reader.exact = false;
    }
    let steps = (0..body_steps)
        .map(|_| {
            let text = reader.string(Prose);
            let url = (reader.number() != 0).then(|| reader.string(Url));
            (text, url, reader.strings(Short))
        })
        .collect();
    let body_gotchas = reader.count();
    if body_gotchas != gotcha_count {
        reader.exact = false;
    }
    let gotchas = (0..body_gotchas)
        .map(|_| (reader.string(Prose), reader.strings(Short)))
        .collect();
    let alternative_count = reader.count();
    let alternatives: Vec<Alternative> = (0..alternative_count)
        .map(|_| Alternative {
            title: reader.string(Short),
            text: reader.string(Prose),
        })
        .collect();
    let faq_count = reader.count();
    let faq: Vec<Faq> = (0..faq_count)
        .map(|_| Faq {
            q: reader.string(Short),
            a: reader.string(Prose),
            src: reader.strings(Short),
        })
        .collect();
    let related = reader.strings(Short);
    let source_count = reader.count();
    let sources: Vec<Source> = (0..source_count)
        .map(|_| {
            let url = reader.string(Url);
            if legacy {
                return Source {
                    id: "",
                    url,
                    title: "",
                    read: "",
                    owner: None,
                };
            }
            Source {
                id: reader.string(Short),
                url,
                title: reader.string(Short),
                read: reader.string(Short),
                owner: Some(reader.code(generated::OWNER_CODES, Owner::ThirdParty)),
            }
        })
        .collect();
    Body {
        examples,
        evidence: leak(evidence),
        data,
        data_src,
        refunds,
        refunds_src,
        before_you_start,
        steps,
        gotchas,
        alternatives: leak(alternatives),
        faq: leak(faq),
        related,
        sources: leak(sources),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leb128_reads_what_build_rs_writes() {
        let mut numbers = Leb128 {
            bytes: &[0, 0x7f, 0x80, 0x01, 0xe5, 0x8e, 0x26, 0x80],
            position: 0,
        };
        assert_eq!(
            [
                numbers.next(),
                numbers.next(),
                numbers.next(),
                numbers.next()
            ],
            [Some(0), Some(127), Some(128), Some(624_485)]
        );
        assert_eq!(
            numbers.next(),
            None,
            "a truncated number is none, not a panic"
        );
        let mut endless = Leb128 {
            bytes: &[0xff; 20],
            position: 0,
        };
        assert_eq!(endless.next(), None);
    }

    /// gzip -9 of generated data, streams in the order the binary holds them.
    fn gzipped(texts: &[&str; 3], lengths: &[&[u8]; 3], shape: &[u8]) -> usize {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let mut write = |bytes: &[u8]| encoder.write_all(bytes).is_ok();
        let written = texts.iter().all(|text| write(text.as_bytes()))
            && lengths.iter().all(|lengths| write(lengths))
            && write(shape);
        assert!(written);
        encoder
            .finish()
            .map(|bytes| bytes.len())
            .unwrap_or(usize::MAX)
    }

    /// Issue 5 set a budget of 120 KB (taken as 120,000 bytes) gzipped for the guides in the
    /// wasm; issue 16 moved the guide bodies out of the wasm (the page loads them from
    /// `pkg/guides/<id>.js`), so what counts is the head data, the only part the checker's
    /// wasm holds. Building the wasm twice is too slow for a unit test, so this gzips the
    /// generated head natively and adds the overhead measured once against the real wasm: on
    /// 92 guides the wasm-release build after wasm-bindgen grew by 115,028 bytes gzipped
    /// (against the one-guide stand-in of `SPENDREIN_GUIDES_EMPTY=1`) while this estimate gave
    /// 113,327. Re-measure as `crates/guides/README.md` shows before trusting a near miss.
    /// The bodies' size is printed; it is what the guide pages load, one guide at a time.
    #[test]
    fn the_guides_fit_the_wasm_size_budget() {
        const BUDGET: usize = 120_000;
        const MEASURED_OVERHEAD: usize = 115_028 - 113_327;
        let estimate =
            gzipped(&generated::TEXTS, &generated::LENGTHS, generated::SHAPE) + MEASURED_OVERHEAD;
        let bodies = gzipped(
            &generated::BODY_TEXTS,
            &generated::BODY_LENGTHS,
            generated::BODY_SHAPE,
        );
        println!(
            "{} guides: about {estimate} bytes gzipped in the wasm (budget {BUDGET}); bodies, outside the wasm: {bodies} bytes gzipped together",
            generated::GUIDE_COUNT
        );
        assert!(
            estimate <= BUDGET,
            "the {} guides would add about {estimate} bytes gzipped to the wasm, over the {BUDGET}-byte budget of issue 5; shorten guide names, aliases or descriptors",
            generated::GUIDE_COUNT
        );
    }

    #[test]
    fn the_data_decodes_exactly() {
        let decoded = decoded();
        assert!(
            decoded.exact,
            "build.rs and src/data.rs disagree on the layout of the guide data"
        );
        assert_eq!(decoded.guides.len(), generated::GUIDE_COUNT);
        assert_eq!(decoded.patterns.len(), generated::PATTERN_COUNT);
    }
}

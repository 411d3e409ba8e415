//! PDF objects and the tokenizer shared by the file structure, content streams and CMaps.
//!
//! Nesting is bounded by [`MAX_DEPTH`]; every loop consumes at least one byte, so a parse over
//! `n` bytes takes `O(n)` steps.

use crate::Error;

/// The deepest nesting of arrays and dictionaries accepted.
pub const MAX_DEPTH: usize = 64;

/// A dictionary: keys in file order (small, so a linear search is the fastest look-up).
pub type Dict = Vec<(Vec<u8>, Obj)>;

/// One PDF object.
#[derive(Clone, Debug, PartialEq)]
pub enum Obj {
    /// `null`, and anything missing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A real number.
    Real(f64),
    /// A name, without the slash, `#xx` escapes decoded.
    Name(Vec<u8>),
    /// A literal or hex string, escapes decoded.
    Str(Vec<u8>),
    /// An array.
    Array(Vec<Obj>),
    /// A dictionary.
    Dict(Dict),
    /// An indirect reference `n g R`.
    Ref(u32, u16),
    /// A stream: its dictionary and the byte range of its raw data in the file.
    Stream(Dict, usize, usize),
    /// A bare keyword (content-stream operators, `obj`, `endobj`, `stream` …).
    Keyword(Vec<u8>),
}

impl Obj {
    /// The number, for `Int` and `Real`.
    pub fn num(&self) -> Option<f64> {
        match self {
            Obj::Int(i) => Some(*i as f64),
            Obj::Real(r) => Some(*r),
            _ => None,
        }
    }
    /// The integer, for `Int` (and a `Real` with no fraction).
    pub fn int(&self) -> Option<i64> {
        match self {
            Obj::Int(i) => Some(*i),
            Obj::Real(r) if r.fract() == 0.0 && r.abs() < 1e15 => Some(*r as i64),
            _ => None,
        }
    }
    /// The name's bytes.
    pub fn name(&self) -> Option<&[u8]> {
        match self {
            Obj::Name(n) => Some(n),
            _ => None,
        }
    }
    /// The dictionary, of a `Dict` or a `Stream`.
    pub fn dict(&self) -> Option<&Dict> {
        match self {
            Obj::Dict(d) | Obj::Stream(d, _, _) => Some(d),
            _ => None,
        }
    }
    /// The array's items.
    pub fn array(&self) -> Option<&[Obj]> {
        match self {
            Obj::Array(a) => Some(a),
            _ => None,
        }
    }
}

/// The value of `key` in `dict`, `Null` when absent.
pub fn get<'a>(dict: &'a Dict, key: &[u8]) -> &'a Obj {
    const NULL: Obj = Obj::Null;
    dict.iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
        .unwrap_or(&NULL)
}

/// A whitespace byte (PDF 7.2.3).
pub fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\0')
}

/// A delimiter byte (PDF 7.2.3).
pub fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(b: u8) -> bool {
    !is_white(b) && !is_delim(b)
}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// A cursor over bytes that reads PDF tokens and objects.
pub struct Parser<'a> {
    /// The bytes.
    pub data: &'a [u8],
    /// The position of the next byte.
    pub pos: usize,
}

impl<'a> Parser<'a> {
    /// A parser at `pos`.
    pub fn new(data: &'a [u8], pos: usize) -> Self {
        Parser { data, pos }
    }

    /// Skips whitespace and comments.
    pub fn skip_white(&mut self) {
        while let Some(&b) = self.data.get(self.pos) {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(&c) = self.data.get(self.pos) {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// True at the end of the data (after whitespace).
    pub fn at_end(&mut self) -> bool {
        self.skip_white();
        self.pos >= self.data.len()
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    /// Reads one object (a bare keyword becomes `Obj::Keyword`). `n g R` is read as a reference.
    /// Streams are not recognised here (the caller looks for the `stream` keyword).
    pub fn object(&mut self, depth: usize) -> Result<Obj, Error> {
        if depth > MAX_DEPTH {
            return Err(Error::damaged(format!(
                "objects nested more than {MAX_DEPTH} deep at byte {}",
                self.pos
            )));
        }
        self.skip_white();
        let Some(b) = self.peek() else {
            return Err(Error::damaged("the file ends in the middle of an object"));
        };
        match b {
            b'/' => {
                self.pos += 1;
                Ok(Obj::Name(self.name_body()))
            }
            b'(' => {
                self.pos += 1;
                Ok(Obj::Str(self.literal_string()))
            }
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                let mut dict = Dict::new();
                loop {
                    self.skip_white();
                    match self.peek() {
                        None => return Err(Error::damaged("a dictionary is not closed")),
                        Some(b'>') => {
                            self.pos += 1;
                            if self.peek() == Some(b'>') {
                                self.pos += 1;
                            }
                            return Ok(Obj::Dict(dict));
                        }
                        Some(b'/') => {
                            self.pos += 1;
                            let key = self.name_body();
                            let value = self.object(depth + 1)?;
                            if let Obj::Keyword(k) = &value {
                                if k == b"endobj" || k == b"stream" {
                                    return Err(Error::damaged("a dictionary is not closed"));
                                }
                            }
                            dict.push((key, value));
                        }
                        Some(_) => {
                            // A stray token (a broken writer): skip it.
                            let before = self.pos;
                            let value = self.object(depth + 1)?;
                            if let Obj::Keyword(k) = &value {
                                if k == b"endobj" || k == b"stream" {
                                    return Err(Error::damaged("a dictionary is not closed"));
                                }
                            }
                            if self.pos == before {
                                self.pos += 1;
                            }
                        }
                    }
                }
            }
            b'<' => {
                self.pos += 1;
                Ok(Obj::Str(self.hex_string()))
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_white();
                    match self.peek() {
                        None => return Err(Error::damaged("an array is not closed")),
                        Some(b']') => {
                            self.pos += 1;
                            return Ok(Obj::Array(items));
                        }
                        Some(_) => {
                            let value = self.object(depth + 1)?;
                            if let Obj::Keyword(k) = &value {
                                if k == b"endobj" || k == b"stream" {
                                    return Err(Error::damaged("an array is not closed"));
                                }
                            }
                            items.push(value);
                        }
                    }
                }
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                let number = self.number();
                if let Obj::Int(n) = number {
                    if (0..=u32::MAX as i64).contains(&n) {
                        let save = self.pos;
                        if let Some(r) = self.reference_tail(n as u32) {
                            return Ok(r);
                        }
                        self.pos = save;
                    }
                }
                Ok(number)
            }
            b')' | b'>' | b']' | b'}' | b'{' => {
                self.pos += 1;
                Ok(Obj::Keyword(vec![b]))
            }
            _ => {
                let start = self.pos;
                while self.peek().is_some_and(is_regular) {
                    self.pos += 1;
                }
                let word = &self.data[start..self.pos];
                Ok(match word {
                    b"true" => Obj::Bool(true),
                    b"false" => Obj::Bool(false),
                    b"null" => Obj::Null,
                    _ => Obj::Keyword(word.to_vec()),
                })
            }
        }
    }

    /// After an integer `n`: ` g R` → a reference.
    fn reference_tail(&mut self, n: u32) -> Option<Obj> {
        self.skip_white();
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        if self.pos == start || self.pos - start > 5 {
            return None;
        }
        let g: u32 = std::str::from_utf8(&self.data[start..self.pos])
            .ok()?
            .parse()
            .ok()?;
        self.skip_white();
        if self.peek() == Some(b'R') && !self.data.get(self.pos + 1).is_some_and(|&b| is_regular(b))
        {
            self.pos += 1;
            return Some(Obj::Ref(n, g.min(u16::MAX as u32) as u16));
        }
        None
    }

    /// Reads a number token.
    pub fn number(&mut self) -> Obj {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.'))
        {
            self.pos += 1;
        }
        let text = &self.data[start..self.pos];
        let s = std::str::from_utf8(text).unwrap_or("0");
        if !s.contains('.') {
            if let Ok(i) = s.parse::<i64>() {
                return Obj::Int(i);
            }
        }
        // Lenient: "--5", "5-", "1.2.3" read as far as they make sense.
        let cleaned: String = {
            let mut out = String::new();
            let mut seen_dot = false;
            for (i, c) in s.chars().enumerate() {
                match c {
                    '-' | '+' if i == 0 => out.push(c),
                    '.' if !seen_dot => {
                        seen_dot = true;
                        out.push('.')
                    }
                    '0'..='9' => out.push(c),
                    _ => {}
                }
            }
            out
        };
        match cleaned.parse::<f64>() {
            Ok(r) if r.is_finite() => Obj::Real(r),
            _ => Obj::Int(0),
        }
    }

    fn name_body(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        while let Some(b) = self.peek().filter(|&b| is_regular(b)) {
            self.pos += 1;
            if b == b'#' {
                let hi = self.data.get(self.pos).copied().and_then(hex_val);
                let lo = self.data.get(self.pos + 1).copied().and_then(hex_val);
                if let (Some(hi), Some(lo)) = (hi, lo) {
                    out.push(hi << 4 | lo);
                    self.pos += 2;
                    continue;
                }
            }
            out.push(b);
        }
        out
    }

    fn literal_string(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut depth = 1usize;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return out;
                    }
                    out.push(b);
                }
                b'\\' => {
                    let Some(e) = self.peek() else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = (e - b'0') as u32;
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + (d - b'0') as u32;
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(v as u8);
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(b),
            }
        }
        out
    }

    fn hex_string(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(b) = self.peek() {
            self.pos += 1;
            if b == b'>' {
                break;
            }
            if let Some(v) = hex_val(b) {
                match high.take() {
                    Some(h) => out.push(h << 4 | v),
                    None => high = Some(v),
                }
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }

    /// Reads an unsigned integer token at the cursor (after whitespace), for the xref table.
    pub fn uint(&mut self) -> Option<u64> {
        self.skip_white();
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        if self.pos == start || self.pos - start > 15 {
            return None;
        }
        std::str::from_utf8(&self.data[start..self.pos])
            .ok()?
            .parse()
            .ok()
    }

    /// True (and consumes it) when the next token is the keyword `word`.
    pub fn keyword(&mut self, word: &[u8]) -> bool {
        self.skip_white();
        let end = self.pos + word.len();
        if self.data.get(self.pos..end) == Some(word)
            && !self.data.get(end).is_some_and(|&b| is_regular(b))
        {
            self.pos = end;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Obj {
        Parser::new(s.as_bytes(), 0).object(0).unwrap()
    }

    #[test]
    fn reads_the_basic_objects() {
        assert_eq!(parse("12"), Obj::Int(12));
        assert_eq!(parse("-.5"), Obj::Real(-0.5));
        assert_eq!(parse("/A#20B"), Obj::Name(b"A B".to_vec()));
        assert_eq!(parse("(a\\(b\\)\\101)"), Obj::Str(b"a(b)A".to_vec()));
        assert_eq!(parse("<48 65 6>"), Obj::Str(b"He`".to_vec()));
        assert_eq!(parse("3 0 R"), Obj::Ref(3, 0));
        assert_eq!(
            parse("[1 2 R 3]"),
            Obj::Array(vec![Obj::Ref(1, 2), Obj::Int(3)])
        );
        let d = parse("<</Type/Page/Kids[4 0 R]/N 1>>");
        assert_eq!(
            get(d.dict().unwrap(), b"Type"),
            &Obj::Name(b"Page".to_vec())
        );
        assert_eq!(get(d.dict().unwrap(), b"N"), &Obj::Int(1));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = "[".repeat(100_000);
        assert!(Parser::new(deep.as_bytes(), 0).object(0).is_err());
        let deep = "<</A ".repeat(100_000);
        assert!(Parser::new(deep.as_bytes(), 0).object(0).is_err());
    }

    #[test]
    fn unclosed_containers_are_errors() {
        assert!(Parser::new(b"[1 2", 0).object(0).is_err());
        assert!(Parser::new(b"<</A 1", 0).object(0).is_err());
    }
}

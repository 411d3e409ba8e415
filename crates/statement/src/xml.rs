//! A minimal, lenient tag tokenizer for OFX (SGML and XML) and CAMT (XML).
//!
//! It never expands entities or reads a DTD: only the five predefined entities and numeric
//! character references are decoded, anything else stays as literal text. A DOCTYPE is skipped
//! and reported (with whether it declares entities) so the readers can refuse entity tricks
//! such as billion laughs with a clear error. It does not build a tree: the readers keep what
//! they need, so memory stays bounded by the input. It accepts SGML leaf tags without closing
//! tags, which OFX 1.x needs, and leaves nesting checks to the readers.

use std::borrow::Cow;

/// How many tags a file may hold before reading stops with an error. Generous for real
/// statements (a CAMT entry is about 30 elements) and a bound on the work any input can cause.
pub(crate) const MAX_NODES: u64 = 20_000_000;

/// The deepest element nesting the readers accept; real statements nest about 15 levels.
pub(crate) const MAX_DEPTH: usize = 256;

/// One piece of markup.
#[derive(Debug, PartialEq)]
pub(crate) enum Token<'a> {
    /// `<name attrs>` or `<name attrs/>`.
    Open {
        name: &'a str,
        attrs: &'a str,
        self_closing: bool,
        line: u32,
    },
    /// `</name>`.
    Close { name: &'a str, line: u32 },
    /// Character data between tags, entities already decoded (CDATA is passed through).
    Text { text: Cow<'a, str>, line: u32 },
    /// A `<!DOCTYPE …>` declaration (skipped, never interpreted).
    Doctype {
        declares_entities: bool,
        external: bool,
        line: u32,
    },
    /// `<?target body?>`.
    Instruction {
        target: &'a str,
        body: &'a str,
        line: u32,
    },
}

/// A problem the tokenizer cannot read past.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum XmlError {
    /// More than [`MAX_NODES`] tags.
    TooManyNodes { line: u32 },
}

/// Splits text into [`Token`]s.
pub(crate) struct Tokenizer<'a> {
    text: &'a str,
    pos: usize,
    line: u32,
    nodes: u64,
    /// Set when a text token held an entity reference that was left unexpanded.
    pub unknown_entity_line: Option<u32>,
}

/// The note for a DOCTYPE that declares no entities and no external DTD: it is skipped, never
/// read (OFX and CAMT both accept it this way).
pub fn doctype_ignored(line: u32) -> crate::Diagnostic {
    crate::Diagnostic::new(
        crate::Severity::Info,
        "doctype-ignored",
        crate::Args::new().line("line", line),
    )
    .at_line(line)
}

impl<'a> Tokenizer<'a> {
    /// The note for the first entity reference that is not one of XML's five, which the
    /// tokenizer kept as written instead of expanding (it never expands entities).
    pub fn unknown_entity_diagnostic(&self) -> Option<crate::Diagnostic> {
        let line = self.unknown_entity_line?;
        Some(
            crate::Diagnostic::new(
                crate::Severity::Info,
                "unknown-entity",
                crate::Args::new().line("line", line),
            )
            .at_line(line),
        )
    }

    pub(crate) fn new(text: &'a str) -> Self {
        Tokenizer {
            text,
            pos: 0,
            line: 1,
            nodes: 0,
            unknown_entity_line: None,
        }
    }

    /// The current 1-based line.
    pub(crate) fn line(&self) -> u32 {
        self.line
    }

    fn advance_to(&mut self, end: usize) {
        let end = end.min(self.text.len());
        let newlines = self.text.as_bytes()[self.pos..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.line = self.line.saturating_add(newlines as u32);
        self.pos = end;
    }

    fn find_from(&self, start: usize, needle: &str) -> Option<usize> {
        self.text.get(start..)?.find(needle).map(|i| start + i)
    }

    /// The next token, `None` at the end of the text.
    pub(crate) fn next_token(&mut self) -> Option<Result<Token<'a>, XmlError>> {
        loop {
            let rest = self.text.get(self.pos..)?;
            if rest.is_empty() {
                return None;
            }
            let line = self.line;
            if !rest.starts_with('<') {
                return Some(Ok(self.text_token(line)));
            }
            let bytes = rest.as_bytes();
            let second = bytes.get(1).copied().unwrap_or(b' ');
            if rest.starts_with("<!--") {
                let end = self
                    .find_from(self.pos + 4, "-->")
                    .map_or(self.text.len(), |i| i + 3);
                self.advance_to(end);
                continue;
            }
            if rest.starts_with("<![CDATA[") {
                let start = self.pos + 9;
                let (inner_end, end) = match self.find_from(start, "]]>") {
                    Some(i) => (i, i + 3),
                    None => (self.text.len(), self.text.len()),
                };
                let inner = &self.text[start..inner_end];
                self.advance_to(end);
                return Some(Ok(Token::Text {
                    text: Cow::Borrowed(inner),
                    line,
                }));
            }
            if second == b'!' {
                let is_doctype = rest
                    .get(2..9)
                    .is_some_and(|word| word.eq_ignore_ascii_case("DOCTYPE"));
                let end = self.declaration_end(self.pos + 2);
                let body = &self.text[self.pos..end];
                self.advance_to(end);
                if is_doctype {
                    return Some(Ok(Token::Doctype {
                        declares_entities: body.contains("<!ENTITY"),
                        external: contains_word(body, "SYSTEM") || contains_word(body, "PUBLIC"),
                        line,
                    }));
                }
                continue;
            }
            if second == b'?' {
                let (inner_end, end) = match self.find_from(self.pos + 2, "?>") {
                    Some(i) => (i, i + 2),
                    None => (self.text.len(), self.text.len()),
                };
                let inner = &self.text[self.pos + 2..inner_end];
                let (target, body) = inner
                    .split_once(|c: char| c.is_ascii_whitespace())
                    .unwrap_or((inner, ""));
                self.advance_to(end);
                return Some(Ok(Token::Instruction { target, body, line }));
            }
            let closing = second == b'/';
            let name_start = self.pos + if closing { 2 } else { 1 };
            let starts_name = self
                .text
                .as_bytes()
                .get(name_start)
                .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'_' || b >= 0x80);
            if !starts_name {
                // A lone `<` in SGML text, or `</>`: read it as text rather than give up.
                return Some(Ok(self.text_token(line)));
            }
            let end = self.tag_end(name_start);
            let inner_end = if self.text.as_bytes().get(end.wrapping_sub(1)) == Some(&b'>') {
                end - 1
            } else {
                end
            };
            let inner = &self.text[name_start..inner_end.max(name_start)];
            self.advance_to(end);
            self.nodes += 1;
            if self.nodes > MAX_NODES {
                return Some(Err(XmlError::TooManyNodes { line }));
            }
            let name_len = inner
                .find(|c: char| c.is_ascii_whitespace() || c == '/')
                .unwrap_or(inner.len());
            let name = &inner[..name_len];
            if closing {
                return Some(Ok(Token::Close { name, line }));
            }
            let attrs_part = &inner[name_len..];
            let self_closing = attrs_part.trim_end().ends_with('/');
            let attrs = attrs_part.trim().trim_end_matches('/').trim();
            return Some(Ok(Token::Open {
                name,
                attrs,
                self_closing,
                line,
            }));
        }
    }

    /// Reads character data up to the next tag.
    fn text_token(&mut self, line: u32) -> Token<'a> {
        let start = self.pos;
        // Skip a leading `<` that did not start a tag, then run to the next `<`.
        let from = if self.text[start..].starts_with('<') {
            start + 1
        } else {
            start
        };
        let end = self.find_from(from, "<").unwrap_or(self.text.len());
        let raw = &self.text[start..end];
        self.advance_to(end);
        let (text, unknown) = decode_entities(raw);
        if unknown && self.unknown_entity_line.is_none() {
            self.unknown_entity_line = Some(line);
        }
        Token::Text { text, line }
    }

    /// The end (exclusive) of a tag whose name starts at `from`: the first `>` outside quotes.
    fn tag_end(&self, from: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut quote = None;
        let mut i = from;
        while i < bytes.len() {
            let b = bytes[i];
            match quote {
                Some(q) if b == q => quote = None,
                Some(_) => {}
                None if b == b'"' || b == b'\'' => quote = Some(b),
                None if b == b'>' => return i + 1,
                // An SGML tag never spans a `<`; stop there so one stray `<` cannot swallow the
                // rest of the file.
                None if b == b'<' => return i,
                None => {}
            }
            i += 1;
        }
        bytes.len()
    }

    /// The end (exclusive) of a `<!…>` declaration, skipping a bracketed internal subset and
    /// quoted strings.
    fn declaration_end(&self, from: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut quote = None;
        let mut brackets = 0usize;
        let mut i = from;
        while i < bytes.len() {
            let b = bytes[i];
            match quote {
                Some(q) if b == q => quote = None,
                Some(_) => {}
                None => match b {
                    b'"' | b'\'' => quote = Some(b),
                    b'[' => brackets += 1,
                    b']' => brackets = brackets.saturating_sub(1),
                    b'>' if brackets == 0 => return i + 1,
                    _ => {}
                },
            }
            i += 1;
        }
        bytes.len()
    }
}

fn contains_word(haystack: &str, word: &str) -> bool {
    haystack
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w == word)
}

/// Decodes the predefined entities and numeric character references. Returns whether an
/// unknown entity was left as it was (never expanded: there is no DTD to expand it from).
pub(crate) fn decode_entities(raw: &str) -> (Cow<'_, str>, bool) {
    if !raw.contains('&') {
        return (Cow::Borrowed(raw), false);
    }
    let mut out = String::with_capacity(raw.len());
    let mut unknown = false;
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i);
        let replacement = semi.and_then(|semi| {
            let entity = &after[..semi];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{A0}'),
                _ => {
                    let number = entity.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code).filter(|&c| c != '\0')
                }
            }?;
            Some((c, semi))
        });
        match replacement {
            Some((c, semi)) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                if semi.is_some_and(|semi| {
                    semi > 0
                        && after[..semi]
                            .chars()
                            .all(|c| c.is_alphanumeric() || c == '.' || c == '_' || c == '-')
                }) {
                    unknown = true;
                }
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    (Cow::Owned(out), unknown)
}

/// The value of attribute `name` in an attribute string, entities decoded.
pub(crate) fn attribute<'a>(attrs: &'a str, name: &str) -> Option<Cow<'a, str>> {
    let mut rest = attrs;
    loop {
        let eq = rest.find('=')?;
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next()?;
        let (value, remainder) = if quote == '"' || quote == '\'' {
            let close = after[1..].find(quote)?;
            (&after[1..1 + close], &after[2 + close..])
        } else {
            let end = after.find(char::is_whitespace).unwrap_or(after.len());
            (&after[..end], &after[end..])
        };
        let key = key.rsplit(char::is_whitespace).next().unwrap_or(key);
        if key == name {
            return Some(decode_entities(value).0);
        }
        rest = remainder;
    }
}

/// The element name without a namespace prefix (`ns2:Ntry` → `Ntry`).
pub(crate) fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<Token<'_>> {
        let mut tokenizer = Tokenizer::new(text);
        let mut out = Vec::new();
        while let Some(token) = tokenizer.next_token() {
            out.push(token.unwrap());
        }
        out
    }

    #[test]
    fn sgml_leaves_without_closing_tags() {
        let got = tokens("<STMTTRN><TRNAMT>-1.50\n</STMTTRN>");
        assert!(matches!(
            got[0],
            Token::Open {
                name: "STMTTRN",
                ..
            }
        ));
        assert!(matches!(got[1], Token::Open { name: "TRNAMT", .. }));
        assert!(matches!(&got[2], Token::Text { text, .. } if text == "-1.50\n"));
        assert!(matches!(
            got[3],
            Token::Close {
                name: "STMTTRN",
                line: 2
            }
        ));
    }

    #[test]
    fn entities_are_never_expanded_beyond_the_predefined_ones() {
        let got = tokens("<a>&lt;&#65;&#x42;&lol9;</a>");
        assert!(matches!(&got[1], Token::Text { text, .. } if text == "<AB&lol9;"));
    }

    #[test]
    fn doctype_with_internal_subset_is_skipped_and_reported() {
        let got = tokens("<!DOCTYPE x [<!ENTITY a \"]>\">]><x/>");
        assert!(matches!(
            got[0],
            Token::Doctype {
                declares_entities: true,
                ..
            }
        ));
        assert!(matches!(
            got[1],
            Token::Open {
                name: "x",
                self_closing: true,
                ..
            }
        ));
    }

    #[test]
    fn attributes_and_cdata() {
        let got = tokens("<Amt Ccy=\"EUR\">1</Amt><M><![CDATA[a<b]]></M>");
        let Token::Open { attrs, .. } = &got[0] else {
            panic!()
        };
        assert_eq!(attribute(attrs, "Ccy").as_deref(), Some("EUR"));
        assert!(matches!(&got[4], Token::Text { text, .. } if text == "a<b"));
    }
}

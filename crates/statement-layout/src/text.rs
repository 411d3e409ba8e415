//! Plain-text statements: decoding, pages (form feeds) and spans (runs of text separated by two
//! or more spaces, `x` in character columns).

use crate::{Line, Page, Span};
use statement::{Args, ReadError};

/// The largest text file read (it is held whole in memory).
pub const MAX_TEXT_BYTES: usize = 32 * 1024 * 1024;
/// The most lines read from one text file.
pub const MAX_LINES: usize = 400_000;
/// The longest line kept, in characters; longer lines are cut there (and reported).
pub const MAX_LINE_CHARS: usize = 2_000;
/// The most pages.
pub const MAX_PAGES: usize = 5_000;

/// Decodes a text file as the CSV reader would (byte-order marks, UTF-16, Windows code pages).
pub(crate) fn decode(bytes: &[u8], label: Option<&str>) -> Result<(String, String), ReadError> {
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(ReadError::new(
            "too-large-text",
            Args::new()
                .count("megabytes", bytes.len() / (1024 * 1024))
                .count("limit", MAX_TEXT_BYTES / (1024 * 1024)),
        ));
    }
    let detected = statement::encoding::detect(&bytes[..bytes.len().min(64 * 1024)]);
    let encoding = label
        .and_then(statement::encoding::Encoding::from_label)
        .unwrap_or(detected.encoding);
    let body = if label.is_none() {
        &bytes[detected.bom_len..]
    } else {
        bytes
    };
    let mut decoder = statement::encoding::Decoder::new(encoding);
    let mut out = Vec::with_capacity(body.len());
    decoder.decode(body, &mut out);
    decoder.finish(&mut out);
    let text = match String::from_utf8(out) {
        Ok(text) => text,
        Err(error) => String::from_utf8_lossy(error.as_bytes()).into_owned(),
    };
    Ok((text, encoding.label().to_owned()))
}

/// One text line as a [`Line`]: spans are runs separated by two or more spaces (tabs count to
/// the next multiple of eight).
pub(crate) fn line_of(page: u32, line: u32, text: &str) -> Line {
    let mut spans = Vec::new();
    let mut column = 0usize;
    let mut current: Option<(usize, String)> = None;
    let mut spaces = 0usize;
    for ch in text.chars().take(MAX_LINE_CHARS) {
        let width = if ch == '\t' { 8 - column % 8 } else { 1 };
        if ch == ' ' || ch == '\t' || ch == '\u{a0}' || ch.is_control() {
            spaces += width;
            if spaces >= 2 {
                if let Some((start, text)) = current.take() {
                    let end = start + text.trim_end().chars().count();
                    spans.push(Span {
                        x0: start as f32,
                        x1: end as f32,
                        text: text.trim_end().to_owned(),
                    });
                }
            } else if let Some((_, text)) = current.as_mut() {
                text.push(' ');
            }
        } else {
            spaces = 0;
            match current.as_mut() {
                Some((_, text)) => text.push(ch),
                None => current = Some((column, ch.to_string())),
            }
        }
        column += width;
    }
    if let Some((start, text)) = current {
        let trimmed = text.trim_end();
        spans.push(Span {
            x0: start as f32,
            x1: (start + trimmed.chars().count()) as f32,
            text: trimmed.to_owned(),
        });
    }
    Line {
        page,
        line,
        y: line as f32,
        spans,
    }
}

/// What [`pages`] noticed while splitting the text.
#[derive(Default)]
pub(crate) struct Cut {
    pub long_lines: Vec<u32>,
}

/// Splits decoded text into pages (form feed) and lines. Line numbers count from each page's
/// first line; blank lines are counted but not kept.
pub(crate) fn pages(text: &str, cut: &mut Cut) -> Result<Vec<Page>, ReadError> {
    let mut pages = vec![Page {
        number: 1,
        width: 0.0,
        lines: Vec::new(),
    }];
    let mut line_on_page = 0u32;
    for (index, raw) in text.split('\n').enumerate() {
        if index >= MAX_LINES {
            return Err(ReadError::new(
                "too-large-lines",
                Args::new().count("limit", MAX_LINES),
            ));
        }
        let mut raw = raw.strip_suffix('\r').unwrap_or(raw);
        while let Some(rest) = raw.strip_prefix('\u{c}') {
            raw = rest;
            if pages.len() >= MAX_PAGES {
                return Err(ReadError::new(
                    "too-large-pages",
                    Args::new().count("limit", MAX_PAGES),
                ));
            }
            let number = pages.len() as u32 + 1;
            pages.push(Page {
                number,
                width: 0.0,
                lines: Vec::new(),
            });
            line_on_page = 0;
        }
        line_on_page += 1;
        if raw.chars().count() > MAX_LINE_CHARS {
            cut.long_lines.push(index as u32 + 1);
        }
        let page = pages.last_mut().expect("one page at least");
        let line = line_of(page.number, line_on_page, raw);
        if !line.spans.is_empty() {
            page.width = page.width.max(line.spans.last().map_or(0.0, |s| s.x1));
            page.lines.push(line);
        }
    }
    // A final form feed opens no page of its own.
    if pages.len() > 1 && pages.last().is_some_and(|p| p.lines.is_empty()) {
        pages.pop();
    }
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_split_on_two_spaces() {
        let line = line_of(1, 3, "21 feb   22 feb  APPLE.COM/BILL   0,99 Af");
        let texts: Vec<&str> = line.spans.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["21 feb", "22 feb", "APPLE.COM/BILL", "0,99 Af"]);
        assert_eq!(line.spans[1].x0, 9.0);
        assert_eq!(line.spans[3].x1, 41.0);
    }

    #[test]
    fn form_feeds_start_pages_and_lines_count_per_page() {
        let mut cut = Cut::default();
        let pages = pages("a\n\nb\n\u{c}c\nd\n\u{c}", &mut cut).unwrap();
        assert_eq!(pages.len(), 2);
        assert_eq!(
            pages[0].lines.iter().map(|l| l.line).collect::<Vec<_>>(),
            [1, 3]
        );
        assert_eq!(
            pages[1]
                .lines
                .iter()
                .map(|l| (l.page, l.line))
                .collect::<Vec<_>>(),
            [(2, 1), (2, 2)]
        );
    }
}

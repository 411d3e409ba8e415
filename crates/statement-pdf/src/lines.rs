//! Glyphs → lines and spans: glyphs whose baselines lie within a fraction of the font size
//! form a line (top to bottom), a line's glyphs are ordered by x, a gap wider than
//! [`SPAN_GAP`] em starts a new span and a smaller one (or a space glyph) becomes one space.

use crate::content::Glyph;
use statement_layout::{Line, Page, Span};

/// A gap (in em of the font size) that separates spans (about two space widths).
pub const SPAN_GAP: f32 = 0.6;
/// A gap (in em) read as a word space when no space glyph was drawn.
pub const WORD_GAP: f32 = 0.15;
/// Baselines closer than this (in em) are one line.
pub const LINE_TOLERANCE: f32 = 0.35;

/// Builds page `number` from its glyphs (page space, y up), flipping y to grow downwards
/// from `top` and x to start at `left`.
pub fn build_page(number: u32, left: f32, top: f32, width: f32, glyphs: Vec<Glyph>) -> Page {
    let mut glyphs: Vec<Glyph> = glyphs
        .into_iter()
        .map(|mut g| {
            g.y = top - g.y;
            g.x0 -= left;
            g.x1 -= left;
            g
        })
        .collect();
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut groups: Vec<(f32, Vec<Glyph>)> = Vec::new();
    for g in glyphs {
        let size = g.size.max(1.0);
        match groups.last_mut() {
            Some((y, members)) if (g.y - *y).abs() <= LINE_TOLERANCE * size => members.push(g),
            _ => groups.push((g.y, vec![g])),
        }
    }
    let mut lines = Vec::new();
    for (y, mut members) in groups {
        members.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let spans = spans(&members);
        if spans.is_empty() {
            continue;
        }
        lines.push(Line {
            page: number,
            line: lines.len() as u32 + 1,
            y,
            spans,
        });
    }
    Page {
        number,
        width,
        lines,
    }
}

fn spans(glyphs: &[Glyph]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut current: Option<Span> = None;
    let mut last: Option<&Glyph> = None;
    let mut pending_space = false;
    for g in glyphs {
        if g.text.chars().all(char::is_whitespace) {
            pending_space = true;
            continue;
        }
        let size = g.size.max(1.0);
        if let Some(prev) = last {
            // A glyph drawn twice over itself (fake bold): keep one.
            if prev.text == g.text && (g.x0 - prev.x0).abs() < 0.1 * size {
                continue;
            }
        }
        let gap = last.map(|prev| g.x0 - prev.x1);
        match (&mut current, gap) {
            (Some(span), Some(gap)) if gap <= SPAN_GAP * size => {
                if pending_space || gap > WORD_GAP * size {
                    span.text.push(' ');
                }
                span.text.push_str(&g.text);
                span.x1 = span.x1.max(g.x1);
            }
            _ => {
                if let Some(span) = current.take() {
                    out.push(span);
                }
                current = Some(Span {
                    x0: g.x0,
                    x1: g.x1,
                    text: g.text.clone(),
                });
            }
        }
        pending_space = false;
        last = Some(g);
    }
    if let Some(span) = current {
        out.push(span);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(x: f32, y: f32, t: &str) -> Glyph {
        Glyph {
            x0: x,
            x1: x + 5.0,
            y,
            size: 10.0,
            text: t.into(),
        }
    }

    #[test]
    fn clusters_lines_and_splits_spans_at_wide_gaps() {
        let glyphs = vec![
            glyph(100.0, 700.0, "B"),
            glyph(10.0, 700.5, "A"),
            glyph(15.0, 700.0, "b"),
            glyph(22.0, 700.0, "c"),
            glyph(10.0, 680.0, "Z"),
        ];
        let page = build_page(1, 0.0, 800.0, 600.0, glyphs);
        assert_eq!(page.lines.len(), 2);
        let texts: Vec<&str> = page.lines[0]
            .spans
            .iter()
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(texts, ["Ab c", "B"]);
        assert_eq!(page.lines[0].line, 1);
        assert!(page.lines[0].y < page.lines[1].y);
        assert_eq!(page.lines[1].spans[0].text, "Z");
    }
}

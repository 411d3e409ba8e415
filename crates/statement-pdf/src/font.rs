//! Fonts as far as text extraction needs them: how a shown string splits into codes, each
//! code's Unicode text (ToUnicode CMap, else the simple font's encoding and `/Differences`),
//! and each code's advance width.

use crate::doc::Document;
use crate::object::{get, Dict, Obj, Parser};
use std::collections::HashMap;

/// The most mappings one ToUnicode CMap may define (ranges count their size).
const MAX_CMAP_ENTRIES: usize = 200_000;

/// A font ready for decoding shown strings.
#[derive(Debug)]
pub struct Font {
    /// Composite (Type0): codes are read by the codespace ranges (2 bytes by default).
    composite: bool,
    /// (byte length, low, high) code ranges; empty = 1 byte (simple) or 2 bytes (composite).
    codespace: Vec<(usize, u32, u32)>,
    to_unicode: HashMap<u32, String>,
    /// Simple fonts: code → character from the encoding.
    encoding: [char; 256],
    /// Simple fonts: `/Widths` from `/FirstChar`, in glyph units.
    widths: Vec<f32>,
    first_char: u32,
    default_width: f32,
    /// Composite fonts: CID → width.
    cid_widths: HashMap<u32, f32>,
    /// Glyph space → text space (1/1000, or a Type3 font's matrix).
    scale: f32,
}

impl Font {
    /// A stand-in for a missing font resource (WinAnsi, half-em widths).
    pub fn fallback() -> Font {
        Font {
            composite: false,
            codespace: Vec::new(),
            to_unicode: HashMap::new(),
            encoding: table(Base::WinAnsi),
            widths: Vec::new(),
            first_char: 0,
            default_width: 500.0,
            cid_widths: HashMap::new(),
            scale: 0.001,
        }
    }

    /// Reads a font dictionary. Never fails: what cannot be read falls back to defaults.
    pub fn load(doc: &Document, dict: &Dict) -> Font {
        let mut font = Font::fallback();
        let subtype = get(dict, b"Subtype").name().unwrap_or(b"");
        let resolve = |o: &Obj| doc.resolve(o).ok();
        if subtype == b"Type0" {
            font.composite = true;
            font.default_width = 1000.0;
            if let Some(desc) = resolve(get(dict, b"DescendantFonts"))
                .and_then(|a| a.array().and_then(|a| a.first().cloned()))
                .and_then(|d| resolve(&d))
            {
                if let Some(desc) = desc.dict() {
                    if let Some(dw) = resolve(get(desc, b"DW")).and_then(|o| o.num()) {
                        font.default_width = dw as f32;
                    }
                    if let Some(w) = resolve(get(desc, b"W")) {
                        font.cid_widths = cid_widths(doc, w.array().unwrap_or(&[]));
                        doc.spend_font_budget(font.cid_widths.len());
                    }
                }
            }
            // A named CMap other than Identity: its codespace is unknown here; assume 2
            // bytes (Identity-H/V and most CJK-free statement fonts).
        } else {
            let base = match subtype {
                b"Type1" | b"MMType1" => Base::Standard,
                _ => Base::WinAnsi,
            };
            let mut encoding = table(base);
            match resolve(get(dict, b"Encoding")).as_deref() {
                Some(Obj::Name(n)) => {
                    if let Some(b) = Base::named(n) {
                        encoding = table(b);
                    }
                }
                Some(Obj::Dict(e)) => {
                    if let Some(b) = get(e, b"BaseEncoding").name().and_then(Base::named) {
                        encoding = table(b);
                    }
                    if let Some(diffs) = resolve(get(e, b"Differences")) {
                        let mut code: i64 = 0;
                        for item in diffs.array().unwrap_or(&[]) {
                            match item {
                                Obj::Int(c) => code = *c,
                                Obj::Name(name) => {
                                    if (0..256).contains(&code) {
                                        if let Some(c) = glyph_char(name) {
                                            encoding[code as usize] = c;
                                        }
                                    }
                                    code += 1;
                                }
                                _ => {}
                            }
                        }
                    }
                }
                _ => {}
            }
            font.encoding = encoding;
            font.first_char = resolve(get(dict, b"FirstChar"))
                .and_then(|o| o.int())
                .unwrap_or(0)
                .clamp(0, 255) as u32;
            if let Some(w) = resolve(get(dict, b"Widths")) {
                font.widths = w
                    .array()
                    .unwrap_or(&[])
                    .iter()
                    .take(256)
                    .map(|o| resolve(o).and_then(|o| o.num()).unwrap_or(0.0) as f32)
                    .collect();
            }
            if let Some(desc) = resolve(get(dict, b"FontDescriptor")) {
                if let Some(mw) = desc
                    .dict()
                    .and_then(|d| resolve(get(d, b"MissingWidth")))
                    .and_then(|o| o.num())
                {
                    if mw > 0.0 {
                        font.default_width = mw as f32;
                    }
                }
            }
            if subtype == b"Type3" {
                if let Some(m) = resolve(get(dict, b"FontMatrix")) {
                    if let Some(a) = m.array().and_then(|a| a.first()).and_then(|o| o.num()) {
                        font.scale = a as f32;
                    }
                }
            }
        }
        if let Some(stream) = resolve(get(dict, b"ToUnicode")) {
            if matches!(&*stream, Obj::Stream(..)) {
                if let Ok(data) = doc.stream_data(&stream) {
                    let (codespace, map) = parse_cmap_limited(&data, doc.font_budget());
                    doc.spend_font_budget(map.len());
                    font.codespace = codespace;
                    font.to_unicode = map;
                }
            }
        }
        font
    }

    /// Splits a shown string into `(code, byte length)`.
    pub fn codes(&self, bytes: &[u8]) -> Vec<(u32, usize)> {
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let mut len = if self.composite { 2 } else { 1 };
            if !self.codespace.is_empty() {
                'find: for n in 1..=4 {
                    if i + n > bytes.len() {
                        break;
                    }
                    let code = be(&bytes[i..i + n]);
                    for &(l, lo, hi) in &self.codespace {
                        if l == n && (lo..=hi).contains(&code) {
                            len = n;
                            break 'find;
                        }
                    }
                }
            }
            let len = len.min(bytes.len() - i);
            out.push((be(&bytes[i..i + len]), len));
            i += len;
        }
        out
    }

    /// The text of one code (may be empty or several characters).
    pub fn text(&self, code: u32, out: &mut String) {
        if let Some(s) = self.to_unicode.get(&code) {
            out.push_str(s);
            return;
        }
        if self.composite {
            out.push('\u{FFFD}');
        } else {
            out.push(self.encoding[(code & 0xff) as usize]);
        }
    }

    /// The advance of one code in text space units (before the font size).
    pub fn width(&self, code: u32) -> f32 {
        let w = if self.composite {
            self.cid_widths
                .get(&code)
                .copied()
                .unwrap_or(self.default_width)
        } else {
            code.checked_sub(self.first_char)
                .and_then(|i| self.widths.get(i as usize).copied())
                .filter(|&w| w > 0.0)
                .unwrap_or(self.default_width)
        };
        w * self.scale
    }

    /// Whether a 1-byte code 32 (where word spacing applies).
    pub fn is_single_byte(&self) -> bool {
        !self.composite
    }
}

fn be(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0u32, |a, &b| a << 8 | b as u32)
}

fn cid_widths(doc: &Document, items: &[Obj]) -> HashMap<u32, f32> {
    let mut out = HashMap::new();
    let num = |o: &Obj| doc.resolve(o).ok().and_then(|o| o.num());
    let max = MAX_CMAP_ENTRIES.min(doc.font_budget());
    let mut i = 0;
    while i < items.len() && out.len() < max {
        let Some(first) = num(&items[i]) else {
            i += 1;
            continue;
        };
        let first = first.max(0.0) as u32;
        match items.get(i + 1).map(|o| doc.resolve(o)) {
            Some(Ok(list)) if list.array().is_some() => {
                for (k, w) in list.array().unwrap_or(&[]).iter().enumerate() {
                    if let Some(w) = num(w) {
                        out.insert(first.saturating_add(k as u32), w as f32);
                    }
                }
                i += 2;
            }
            Some(Ok(last)) => {
                let (Some(last), Some(w)) = (last.num(), items.get(i + 2).and_then(num)) else {
                    break;
                };
                let last = (last.max(0.0) as u32).min(first.saturating_add(65_535));
                for cid in first..=last {
                    out.insert(cid, w as f32);
                    if out.len() >= max {
                        break;
                    }
                }
                i += 3;
            }
            _ => break,
        }
    }
    out
}

fn utf16(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|c| {
            if c.len() == 2 {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                c[0] as u16
            }
        })
        .collect();
    char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect()
}

/// A CMap's codespace ranges `(byte length, low, high)` and its code → text map.
pub type CMap = (Vec<(usize, u32, u32)>, HashMap<u32, String>);

/// Parses a ToUnicode CMap: codespace ranges and code → text.
pub fn parse_cmap(data: &[u8]) -> CMap {
    parse_cmap_limited(data, MAX_CMAP_ENTRIES)
}

/// [`parse_cmap`] keeping at most `limit` mappings.
fn parse_cmap_limited(data: &[u8], limit: usize) -> CMap {
    let limit = limit.min(MAX_CMAP_ENTRIES);
    let mut codespace = Vec::new();
    let mut map = HashMap::new();
    let mut p = Parser::new(data, 0);
    let mut operands: Vec<Obj> = Vec::new();
    let mut count = 0usize;
    while !p.at_end() && count < limit {
        let before = p.pos;
        let Ok(obj) = p.object(0) else { break };
        if p.pos == before {
            p.pos += 1;
            continue;
        }
        match obj {
            Obj::Keyword(k) => {
                match k.as_slice() {
                    b"endcodespacerange" => {
                        for pair in operands.chunks(2) {
                            if let [Obj::Str(lo), Obj::Str(hi)] = pair {
                                if (1..=4).contains(&lo.len()) {
                                    codespace.push((lo.len(), be(lo), be(hi)));
                                }
                            }
                        }
                    }
                    b"endbfchar" => {
                        for pair in operands.chunks(2) {
                            match pair {
                                [Obj::Str(src), Obj::Str(dst)] if src.len() <= 4 => {
                                    map.insert(be(src), utf16(dst));
                                    count += 1;
                                }
                                [Obj::Str(src), Obj::Name(name)] if src.len() <= 4 => {
                                    if let Some(c) = glyph_char(name) {
                                        map.insert(be(src), c.to_string());
                                        count += 1;
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                    b"endbfrange" => {
                        for triple in operands.chunks(3) {
                            let [Obj::Str(lo), Obj::Str(hi), dst] = triple else {
                                continue;
                            };
                            if lo.len() > 4 || hi.len() > 4 {
                                continue;
                            }
                            let (lo, hi) = (be(lo), be(hi));
                            if hi < lo || hi - lo > 65_535 {
                                continue;
                            }
                            match dst {
                                Obj::Str(base) => {
                                    let units: Vec<u16> = base
                                        .chunks(2)
                                        .map(|c| {
                                            if c.len() == 2 {
                                                u16::from_be_bytes([c[0], c[1]])
                                            } else {
                                                c[0] as u16
                                            }
                                        })
                                        .collect();
                                    for (k, code) in (lo..=hi).enumerate() {
                                        let mut u = units.clone();
                                        if let Some(last) = u.last_mut() {
                                            *last = last.wrapping_add(k as u16);
                                        }
                                        map.insert(
                                            code,
                                            char::decode_utf16(u)
                                                .map(|r| r.unwrap_or('\u{FFFD}'))
                                                .collect(),
                                        );
                                        count += 1;
                                        if count >= limit {
                                            break;
                                        }
                                    }
                                }
                                Obj::Array(items) => {
                                    for (code, item) in (lo..=hi).zip(items) {
                                        if let Obj::Str(s) = item {
                                            map.insert(code, utf16(s));
                                            count += 1;
                                        }
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                    _ => {}
                }
                operands.clear();
            }
            other => {
                if operands.len() < 3 * 100 + 3 {
                    operands.push(other);
                }
            }
        }
    }
    (codespace, map)
}

/// The simple-font base encodings.
#[derive(Clone, Copy)]
enum Base {
    Standard,
    WinAnsi,
    MacRoman,
}

impl Base {
    fn named(name: &[u8]) -> Option<Base> {
        match name {
            b"WinAnsiEncoding" => Some(Base::WinAnsi),
            b"MacRomanEncoding" => Some(Base::MacRoman),
            b"StandardEncoding" => Some(Base::Standard),
            _ => None,
        }
    }
}

/// Windows-1252's 0x80–0x9F (PDF WinAnsiEncoding); 0xA0–0xFF are Latin-1.
const WIN_80: &str = "€\u{FFFD}‚ƒ„…†‡ˆ‰Š‹Œ\u{FFFD}Ž\u{FFFD}\u{FFFD}‘’“”•–—˜™š›œ\u{FFFD}žŸ";
/// Mac OS Roman's 0x80–0xFF.
const MAC_80: &str = "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»… ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\u{F8FF}ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";
/// StandardEncoding's defined codes above 0x7F: (code, char).
#[rustfmt::skip]
const STD_HIGH: &[(u8, char)] = &[
    (0xA1, '¡'), (0xA2, '¢'), (0xA3, '£'), (0xA4, '⁄'), (0xA5, '¥'), (0xA6, 'ƒ'), (0xA7, '§'),
    (0xA8, '¤'), (0xA9, '\''), (0xAA, '“'), (0xAB, '«'), (0xAC, '‹'), (0xAD, '›'), (0xAE, 'ﬁ'),
    (0xAF, 'ﬂ'), (0xB1, '–'), (0xB2, '†'), (0xB3, '‡'), (0xB4, '·'), (0xB6, '¶'), (0xB7, '•'),
    (0xB8, '‚'), (0xB9, '„'), (0xBA, '”'), (0xBB, '»'), (0xBC, '…'), (0xBD, '‰'), (0xBF, '¿'),
    (0xC1, '`'), (0xC2, '´'), (0xC3, 'ˆ'), (0xC4, '˜'), (0xC5, '¯'), (0xC6, '˘'), (0xC7, '˙'),
    (0xC8, '¨'), (0xCA, '˚'), (0xCB, '¸'), (0xCD, '˝'), (0xCE, '˛'), (0xCF, 'ˇ'), (0xD0, '—'),
    (0xE1, 'Æ'), (0xE3, 'ª'), (0xE8, 'Ł'), (0xE9, 'Ø'), (0xEA, 'Œ'), (0xEB, 'º'), (0xF1, 'æ'),
    (0xF5, 'ı'), (0xF8, 'ł'), (0xF9, 'ø'), (0xFA, 'œ'), (0xFB, 'ß'),
];

fn table(base: Base) -> [char; 256] {
    let mut t = ['\u{FFFD}'; 256];
    for (c, slot) in t.iter_mut().enumerate().take(0x7f).skip(0x20) {
        *slot = c as u8 as char;
    }
    match base {
        Base::WinAnsi => {
            for (i, c) in WIN_80.chars().enumerate() {
                t[0x80 + i] = c;
            }
            for (c, slot) in t.iter_mut().enumerate().skip(0xA0) {
                *slot = char::from_u32(c as u32).unwrap_or('\u{FFFD}');
            }
            t[0xAD] = '-';
        }
        Base::MacRoman => {
            for (i, c) in MAC_80.chars().enumerate().take(128) {
                t[0x80 + i] = c;
            }
        }
        Base::Standard => {
            t[0x27] = '’';
            t[0x60] = '‘';
            for &(code, c) in STD_HIGH {
                t[code as usize] = c;
            }
        }
    }
    t
}

/// Glyph names (Adobe Glyph List) common in Latin text → character.
#[rustfmt::skip]
const GLYPHS: &[(&str, char)] = &[
    ("space", ' '), ("exclam", '!'), ("quotedbl", '"'), ("numbersign", '#'), ("dollar", '$'),
    ("percent", '%'), ("ampersand", '&'), ("quotesingle", '\''), ("quoteright", '’'),
    ("parenleft", '('), ("parenright", ')'), ("asterisk", '*'), ("plus", '+'), ("comma", ','),
    ("hyphen", '-'), ("minus", '−'), ("period", '.'), ("slash", '/'), ("zero", '0'), ("one", '1'),
    ("two", '2'), ("three", '3'), ("four", '4'), ("five", '5'), ("six", '6'), ("seven", '7'),
    ("eight", '8'), ("nine", '9'), ("colon", ':'), ("semicolon", ';'), ("less", '<'),
    ("equal", '='), ("greater", '>'), ("question", '?'), ("at", '@'), ("bracketleft", '['),
    ("backslash", '\\'), ("bracketright", ']'), ("asciicircum", '^'), ("underscore", '_'),
    ("grave", '`'), ("quoteleft", '‘'), ("braceleft", '{'), ("bar", '|'), ("braceright", '}'),
    ("asciitilde", '~'), ("Euro", '€'), ("euro", '€'), ("sterling", '£'), ("yen", '¥'),
    ("cent", '¢'), ("section", '§'), ("degree", '°'), ("endash", '–'), ("emdash", '—'),
    ("quotedblleft", '“'), ("quotedblright", '”'), ("quotesinglbase", '‚'),
    ("quotedblbase", '„'), ("guillemotleft", '«'), ("guillemotright", '»'), ("bullet", '•'),
    ("ellipsis", '…'), ("nbspace", ' '), ("uni00A0", ' '), ("periodcentered", '·'),
    ("multiply", '×'), ("divide", '÷'), ("registered", '®'), ("copyright", '©'),
    ("trademark", '™'), ("fi", 'ﬁ'), ("fl", 'ﬂ'), ("germandbls", 'ß'), ("AE", 'Æ'), ("ae", 'æ'),
    ("OE", 'Œ'), ("oe", 'œ'), ("Oslash", 'Ø'), ("oslash", 'ø'), ("Aring", 'Å'), ("aring", 'å'),
    ("dotlessi", 'ı'), ("Lslash", 'Ł'), ("lslash", 'ł'), ("ordfeminine", 'ª'),
    ("ordmasculine", 'º'), ("exclamdown", '¡'), ("questiondown", '¿'), ("paragraph", '¶'),
    ("dagger", '†'), ("daggerdbl", '‡'), ("perthousand", '‰'), ("florin", 'ƒ'),
    ("currency", '¤'), ("brokenbar", '¦'), ("mu", 'µ'), ("plusminus", '±'),
    ("onehalf", '½'), ("onequarter", '¼'), ("threequarters", '¾'),
];

/// Accent suffixes for composed letters: `eacute` → é.
#[rustfmt::skip]
const ACCENTS: &[(&str, char)] = &[
    ("acute", '\u{301}'), ("grave", '\u{300}'), ("circumflex", '\u{302}'),
    ("dieresis", '\u{308}'), ("tilde", '\u{303}'), ("cedilla", '\u{327}'), ("caron", '\u{30C}'),
    ("ring", '\u{30A}'), ("macron", '\u{304}'), ("breve", '\u{306}'), ("ogonek", '\u{328}'),
    ("dotaccent", '\u{307}'), ("hungarumlaut", '\u{30B}'),
];

/// The character a glyph name stands for, if known.
pub fn glyph_char(name: &[u8]) -> Option<char> {
    let name = std::str::from_utf8(name).ok()?;
    let name = name.split('.').next().unwrap_or(name);
    if name.len() == 1 {
        return name.chars().next();
    }
    if let Some((_, c)) = GLYPHS.iter().find(|(n, _)| *n == name) {
        return Some(*c);
    }
    for prefix in ["uni", "u"] {
        if let Some(hex) = name.strip_prefix(prefix) {
            if (4..=6).contains(&hex.len()) {
                if let Some(c) = u32::from_str_radix(
                    &hex[..hex.len().min(if prefix == "uni" { 4 } else { 6 })],
                    16,
                )
                .ok()
                .and_then(char::from_u32)
                {
                    return Some(c);
                }
            }
        }
    }
    for (suffix, mark) in ACCENTS {
        if let Some(base) = name.strip_suffix(suffix) {
            let mut chars = base.chars();
            if let (Some(b), None) = (chars.next(), chars.next()) {
                return compose(b, *mark);
            }
        }
    }
    None
}

/// Composes a Latin letter with a combining mark for the letters statements use.
fn compose(base: char, mark: char) -> Option<char> {
    #[rustfmt::skip]
    const TABLE: &[(char, char, char)] = &[
        ('a', '\u{301}', 'á'), ('e', '\u{301}', 'é'), ('i', '\u{301}', 'í'), ('o', '\u{301}', 'ó'),
        ('u', '\u{301}', 'ú'), ('y', '\u{301}', 'ý'), ('A', '\u{301}', 'Á'), ('E', '\u{301}', 'É'),
        ('I', '\u{301}', 'Í'), ('O', '\u{301}', 'Ó'), ('U', '\u{301}', 'Ú'), ('a', '\u{300}', 'à'),
        ('e', '\u{300}', 'è'), ('i', '\u{300}', 'ì'), ('o', '\u{300}', 'ò'), ('u', '\u{300}', 'ù'),
        ('A', '\u{300}', 'À'), ('E', '\u{300}', 'È'), ('a', '\u{302}', 'â'), ('e', '\u{302}', 'ê'),
        ('i', '\u{302}', 'î'), ('o', '\u{302}', 'ô'), ('u', '\u{302}', 'û'), ('A', '\u{302}', 'Â'),
        ('E', '\u{302}', 'Ê'), ('O', '\u{302}', 'Ô'), ('a', '\u{308}', 'ä'), ('e', '\u{308}', 'ë'),
        ('i', '\u{308}', 'ï'), ('o', '\u{308}', 'ö'), ('u', '\u{308}', 'ü'), ('y', '\u{308}', 'ÿ'),
        ('A', '\u{308}', 'Ä'), ('O', '\u{308}', 'Ö'), ('U', '\u{308}', 'Ü'), ('n', '\u{303}', 'ñ'),
        ('N', '\u{303}', 'Ñ'), ('a', '\u{303}', 'ã'), ('o', '\u{303}', 'õ'), ('c', '\u{327}', 'ç'),
        ('C', '\u{327}', 'Ç'), ('s', '\u{30C}', 'š'), ('S', '\u{30C}', 'Š'), ('z', '\u{30C}', 'ž'),
        ('Z', '\u{30C}', 'Ž'), ('c', '\u{30C}', 'č'), ('C', '\u{30C}', 'Č'), ('e', '\u{30C}', 'ě'),
        ('r', '\u{30C}', 'ř'), ('a', '\u{30A}', 'å'), ('A', '\u{30A}', 'Å'), ('u', '\u{30A}', 'ů'),
    ];
    TABLE
        .iter()
        .find(|(b, m, _)| *b == base && *m == mark)
        .map(|(_, _, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_tounicode_cmap() {
        let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <0011> <00660069> endbfchar
1 beginbfrange <0024> <0026> <0041> endbfrange
1 beginbfrange <0030> <0031> [<0078> <0079>] endbfrange
endcmap";
        let (cs, map) = parse_cmap(cmap);
        assert_eq!(cs, vec![(2, 0, 0xFFFF)]);
        assert_eq!(map[&3], " ");
        assert_eq!(map[&0x11], "fi");
        assert_eq!(map[&0x25], "B");
        assert_eq!(map[&0x31], "y");
    }

    #[test]
    fn knows_glyph_names_and_encodings() {
        assert_eq!(glyph_char(b"eacute"), Some('é'));
        assert_eq!(glyph_char(b"uni20AC"), Some('€'));
        assert_eq!(glyph_char(b"Euro"), Some('€'));
        assert_eq!(glyph_char(b"a.sc"), Some('a'));
        assert_eq!(table(Base::WinAnsi)[0x80], '€');
        assert_eq!(table(Base::WinAnsi)[0xE9], 'é');
        assert_eq!(table(Base::MacRoman)[0x8E], 'é');
        assert_eq!(table(Base::MacRoman)[0xDB], '€');
        assert_eq!(table(Base::Standard)[0x27], '’');
    }
}

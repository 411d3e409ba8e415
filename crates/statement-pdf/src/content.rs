//! Runs a page's content stream far enough to place text: the graphics state (`q`/`Q`/`cm`),
//! the text state (`BT`/`ET`, `Tf`, `Tc`, `Tw`, `Tz`, `TL`, `Ts`, `Td`/`TD`/`Tm`/`T*`) and
//! the text-showing operators (`Tj`, `TJ`, `'`, `"`), into positioned glyphs. Form XObjects
//! are followed (bounded depth, no cycles); images are counted, to tell a scan apart.

use crate::doc::Document;
use crate::font::Font;
use crate::object::{get, Dict, Obj, Parser};
use crate::Error;
use std::collections::HashMap;
use std::rc::Rc;

/// The deepest nesting of form XObjects followed.
pub const MAX_FORM_DEPTH: usize = 8;
/// The most operators run on one page (content and forms together).
pub const MAX_OPERATORS: usize = 4_000_000;
/// The most glyphs kept from one page.
pub const MAX_GLYPHS: usize = 400_000;
/// The deepest `q` nesting honoured.
const MAX_SAVE_DEPTH: usize = 256;

/// One placed glyph, in page space (PDF points, y up).
#[derive(Clone, Debug)]
pub struct Glyph {
    /// Left edge.
    pub x0: f32,
    /// Right edge (after the advance).
    pub x1: f32,
    /// Baseline.
    pub y: f32,
    /// The font size in page space.
    pub size: f32,
    /// The glyph's text.
    pub text: String,
}

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    char_space: f32,
    word_space: f32,
    scale: f32,
    leading: f32,
    rise: f32,
}

/// What one page yielded.
#[derive(Default)]
pub struct PageContent {
    /// The glyphs in content order.
    pub glyphs: Vec<Glyph>,
    /// Images painted (XObjects and inline images).
    pub images: usize,
}

/// A font resource: its object, or (a font dictionary written inline) its resource name.
#[derive(Clone, PartialEq, Eq, Hash)]
enum FontKey {
    Object(u32),
    Inline(Vec<u8>),
}

/// Interprets content streams for one page.
pub struct Interpreter<'d, 'a> {
    doc: &'d Document<'a>,
    fonts: HashMap<FontKey, Rc<Font>>,
    out: PageContent,
    operators: usize,
    forms: Vec<u32>,
}

impl<'d, 'a> Interpreter<'d, 'a> {
    /// A new interpreter over `doc`.
    pub fn new(doc: &'d Document<'a>) -> Self {
        Interpreter {
            doc,
            fonts: HashMap::new(),
            out: PageContent::default(),
            operators: 0,
            forms: Vec::new(),
        }
    }

    /// Runs `content` with `resources`, returns the page's glyphs and image count.
    pub fn run_page(
        mut self,
        content: &[u8],
        resources: Option<&Dict>,
    ) -> Result<PageContent, Error> {
        let state = State {
            ctm: IDENTITY,
            font: None,
            size: 0.0,
            char_space: 0.0,
            word_space: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        let empty = Dict::new();
        self.run(content, resources.unwrap_or(&empty), state, 0)?;
        Ok(self.out)
    }

    fn font(&mut self, resources: &Dict, name: &[u8]) -> Rc<Font> {
        let fonts = self.doc.get_in(resources, b"Font").ok();
        let entry = fonts
            .as_ref()
            .and_then(|f| f.dict())
            .map(|d| get(d, name).clone());
        let key = match &entry {
            Some(Obj::Ref(n, _)) => FontKey::Object(*n),
            _ => FontKey::Inline(name.to_vec()),
        };
        if let Some(f) = self.fonts.get(&key) {
            return f.clone();
        }
        // A font object is read once per document, whichever page uses it.
        if let FontKey::Object(n) = key {
            if let Some(f) = self.doc.fonts.borrow().get(&n) {
                self.fonts.insert(key, f.clone());
                return f.clone();
            }
        }
        let font = match entry.and_then(|e| self.doc.resolve(&e).ok()) {
            Some(obj) if obj.dict().is_some() => {
                Font::load(self.doc, obj.dict().unwrap_or(&Dict::new()))
            }
            _ => Font::fallback(),
        };
        let font = Rc::new(font);
        if let FontKey::Object(n) = key {
            self.doc.fonts.borrow_mut().insert(n, font.clone());
        }
        self.fonts.insert(key, font.clone());
        font
    }

    fn run(
        &mut self,
        content: &[u8],
        resources: &Dict,
        mut gs: State,
        depth: usize,
    ) -> Result<(), Error> {
        let mut stack: Vec<State> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        let mut operands: Vec<Obj> = Vec::new();
        let mut p = Parser::new(content, 0);
        loop {
            p.skip_white();
            if p.pos >= content.len() {
                break;
            }
            let before = p.pos;
            let obj = match p.object(0) {
                Ok(o) => o,
                Err(_) => {
                    // Damaged content: keep what was read before it.
                    break;
                }
            };
            if p.pos == before {
                p.pos += 1;
                continue;
            }
            let Obj::Keyword(op) = obj else {
                if operands.len() < 64 {
                    operands.push(obj);
                }
                continue;
            };
            self.operators += 1;
            if self.operators > MAX_OPERATORS {
                return Err(Error::TooLarge(format!(
                    "a page has more than {MAX_OPERATORS} drawing operators"
                )));
            }
            let n = |i: usize| -> f32 {
                operands
                    .len()
                    .checked_sub(i + 1)
                    .and_then(|k| operands.get(k))
                    .and_then(Obj::num)
                    .map(|v| v as f32)
                    .filter(|v| v.is_finite())
                    .unwrap_or(0.0)
            };
            match op.as_slice() {
                b"q" if stack.len() < MAX_SAVE_DEPTH => stack.push(gs.clone()),
                b"Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                b"cm" => {
                    let m = [n(5), n(4), n(3), n(2), n(1), n(0)];
                    gs.ctm = mul(&m, &gs.ctm);
                }
                b"BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                b"ET" => {}
                b"Tf" => {
                    if let Some(Obj::Name(name)) =
                        operands.len().checked_sub(2).and_then(|k| operands.get(k))
                    {
                        let name = name.clone();
                        gs.font = Some(self.font(resources, &name));
                    }
                    gs.size = n(0);
                }
                b"Tc" => gs.char_space = n(0),
                b"Tw" => gs.word_space = n(0),
                b"Tz" => gs.scale = n(0) / 100.0,
                b"TL" => gs.leading = n(0),
                b"Ts" => gs.rise = n(0),
                b"Td" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(1), n(0)], &tlm);
                    tm = tlm;
                }
                b"TD" => {
                    gs.leading = -n(0);
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(1), n(0)], &tlm);
                    tm = tlm;
                }
                b"Tm" => {
                    tlm = [n(5), n(4), n(3), n(2), n(1), n(0)];
                    tm = tlm;
                }
                b"T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" => {
                    if op.as_slice() != b"Tj" {
                        if op.as_slice() == b"\"" {
                            gs.word_space = n(2);
                            gs.char_space = n(1);
                        }
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                        tm = tlm;
                    }
                    if let Some(Obj::Str(s)) = operands.last() {
                        let s = s.clone();
                        self.show(&gs, &mut tm, &s);
                    }
                }
                b"TJ" => {
                    if let Some(Obj::Array(items)) = operands.last() {
                        let items = items.clone();
                        for item in &items {
                            match item {
                                Obj::Str(s) => self.show(&gs, &mut tm, s),
                                other => {
                                    if let Some(adj) = other.num() {
                                        let tx = -(adj as f32) / 1000.0 * gs.size * gs.scale;
                                        tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                                    }
                                }
                            }
                        }
                    }
                }
                b"Do" => {
                    if let Some(Obj::Name(name)) = operands.last() {
                        let name = name.clone();
                        self.xobject(resources, &name, &gs, depth)?;
                    }
                }
                b"BI" => {
                    // Inline image: skip its dictionary and data up to `EI`.
                    self.out.images += 1;
                    match crate::doc::find(content, p.pos, b"ID") {
                        Some(id) => {
                            let mut i = id + 2;
                            loop {
                                match crate::doc::find(content, i, b"EI") {
                                    Some(ei) => {
                                        let before_ok =
                                            ei > 0 && crate::object::is_white(content[ei - 1]);
                                        let after_ok = content
                                            .get(ei + 2)
                                            .is_none_or(|&b| crate::object::is_white(b));
                                        i = ei + 2;
                                        if before_ok && after_ok {
                                            break;
                                        }
                                    }
                                    None => {
                                        i = content.len();
                                        break;
                                    }
                                }
                            }
                            p.pos = i;
                        }
                        None => p.pos = content.len(),
                    }
                }
                _ => {}
            }
            operands.clear();
        }
        Ok(())
    }

    fn xobject(
        &mut self,
        resources: &Dict,
        name: &[u8],
        gs: &State,
        depth: usize,
    ) -> Result<(), Error> {
        let Ok(xobjects) = self.doc.get_in(resources, b"XObject") else {
            return Ok(());
        };
        let Some(entry) = xobjects.dict().map(|d| get(d, name).clone()) else {
            return Ok(());
        };
        let num = match entry {
            Obj::Ref(n, _) => Some(n),
            _ => None,
        };
        let Ok(obj) = self.doc.resolve(&entry) else {
            return Ok(());
        };
        let Some(dict) = obj.dict() else {
            return Ok(());
        };
        match get(dict, b"Subtype").name() {
            Some(b"Image") => self.out.images += 1,
            Some(b"Form") => {
                if depth >= MAX_FORM_DEPTH {
                    return Err(Error::damaged(format!(
                        "form XObjects are nested more than {MAX_FORM_DEPTH} deep"
                    )));
                }
                if let Some(n) = num {
                    if self.forms.contains(&n) {
                        return Err(Error::damaged("a form XObject draws itself"));
                    }
                    self.forms.push(n);
                }
                let data = self.doc.stream_data(&obj)?;
                let own = self.doc.get_in(dict, b"Resources")?;
                let mut inner = gs.clone();
                if let Some(m) = self.doc.get_in(dict, b"Matrix")?.array() {
                    if m.len() == 6 {
                        let v: Vec<f32> = m.iter().map(|o| o.num().unwrap_or(0.0) as f32).collect();
                        inner.ctm = mul(&[v[0], v[1], v[2], v[3], v[4], v[5]], &gs.ctm);
                    }
                }
                let res = own.dict().cloned().unwrap_or_else(|| resources.clone());
                let result = self.run(&data, &res, inner, depth + 1);
                if num.is_some() {
                    self.forms.pop();
                }
                result?;
            }
            _ => {}
        }
        Ok(())
    }

    fn show(&mut self, gs: &State, tm: &mut Matrix, bytes: &[u8]) {
        let Some(font) = gs.font.clone() else {
            return;
        };
        for (code, len) in font.codes(bytes) {
            let w0 = font.width(code);
            let spacing = gs.char_space
                + if font.is_single_byte() && len == 1 && code == 32 {
                    gs.word_space
                } else {
                    0.0
                };
            let tx = (w0 * gs.size + spacing) * gs.scale;
            if self.out.glyphs.len() < MAX_GLYPHS {
                let trm = mul(
                    &[gs.size * gs.scale, 0.0, 0.0, gs.size, 0.0, gs.rise],
                    &mul(tm, &gs.ctm),
                );
                let full = mul(tm, &gs.ctm);
                let end_x = (w0 * gs.size * gs.scale) * full[0] + full[4];
                let size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
                let mut text = String::new();
                font.text(code, &mut text);
                let (x0, x1) = if end_x >= trm[4] {
                    (trm[4], end_x)
                } else {
                    (end_x, trm[4])
                };
                if x0.is_finite() && x1.is_finite() && trm[5].is_finite() {
                    self.out.glyphs.push(Glyph {
                        x0,
                        x1,
                        y: trm[5],
                        size: if size.is_finite() { size } else { 0.0 },
                        text,
                    });
                }
            }
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
        }
    }
}

//! The file structure: cross-reference tables and streams (with `/Prev` chains), object
//! streams, indirect objects, stream filters, and the page tree.
//!
//! Bounds: xref sections are followed at most [`MAX_XREF_SECTIONS`] deep and never twice;
//! a reference chain is followed [`MAX_REF_CHAIN`] deep; every stream inflates into at most
//! [`MAX_STREAM_BYTES`] and the whole document into [`MAX_TOTAL_INFLATED`]; the page tree is
//! walked with a visited set (no `/Count` is trusted) and at most [`MAX_PAGES`] pages.

use crate::object::{get, Dict, Obj, Parser};
use crate::Error;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// The most cross-reference sections (`/Prev` links) followed.
pub const MAX_XREF_SECTIONS: usize = 64;
/// The longest chain of references to references followed.
pub const MAX_REF_CHAIN: usize = 32;
/// The most bytes one stream may inflate into.
pub const MAX_STREAM_BYTES: usize = 32 * 1024 * 1024;
/// The most bytes all streams of a document may inflate into together.
pub const MAX_TOTAL_INFLATED: usize = 256 * 1024 * 1024;
/// The most pages read.
pub const MAX_PAGES: usize = 2_000;
/// The deepest page tree accepted.
pub const MAX_TREE_DEPTH: usize = 32;

#[derive(Clone, Copy, Debug)]
enum Entry {
    /// Byte offset of `n g obj`.
    Offset(usize),
    /// Object `index` of object stream `stream`.
    InStream(u32, u32),
}

struct ObjStm {
    data: Vec<u8>,
    /// (object number, offset in `data` after `/First`).
    offsets: Vec<(u32, usize)>,
}

/// An opened PDF.
pub struct Document<'a> {
    data: &'a [u8],
    xref: HashMap<u32, Entry>,
    /// The trailer dictionary.
    pub trailer: Dict,
    objstms: RefCell<HashMap<u32, Rc<ObjStm>>>,
    cache: RefCell<HashMap<u32, Rc<Obj>>>,
    busy: RefCell<HashSet<u32>>,
    inflated: Cell<usize>,
    /// The decryption of an encrypted document opened with the empty password.
    crypt: Option<crate::crypt::Decryptor>,
    /// Stream data start → the stream's object number and generation (for decryption).
    stream_ids: RefCell<HashMap<usize, (u32, u16)>>,
    /// Fonts read so far, by object number, shared by all pages.
    pub fonts: RefCell<HashMap<u32, Rc<crate::font::Font>>>,
    /// What is left of the document's budget of font map entries (ToUnicode, `/W`).
    font_budget: Cell<usize>,
    /// A search for `endstream` from here on found none (so later ones need not look again).
    no_endstream_after: Cell<usize>,
}

/// The most ToUnicode and width entries all fonts of a document may hold together.
pub const MAX_FONT_ENTRIES: usize = 2_000_000;

impl<'a> Document<'a> {
    /// Opens a PDF from its bytes: reads the cross-reference data, or rebuilds it by scanning
    /// for `n g obj` when it is missing or damaged.
    pub fn open(data: &'a [u8]) -> Result<Self, Error> {
        let head = &data[..data.len().min(1024)];
        if !head.windows(5).any(|w| w == b"%PDF-") {
            return Err(Error::damaged("there is no %PDF- header"));
        }
        let mut doc = Document {
            data,
            xref: HashMap::new(),
            trailer: Dict::new(),
            objstms: RefCell::new(HashMap::new()),
            cache: RefCell::new(HashMap::new()),
            busy: RefCell::new(HashSet::new()),
            inflated: Cell::new(0),
            crypt: None,
            stream_ids: RefCell::new(HashMap::new()),
            fonts: RefCell::new(HashMap::new()),
            font_budget: Cell::new(MAX_FONT_ENTRIES),
            no_endstream_after: Cell::new(usize::MAX),
        };
        let read = doc.read_xref_chain();
        let root_ok = read.is_ok()
            && matches!(get(&doc.trailer, b"Root"), Obj::Ref(..))
            && doc
                .resolve(get(&doc.trailer, b"Root"))
                .ok()
                .and_then(|r| r.dict().cloned())
                .is_some();
        if !root_ok {
            doc.xref.clear();
            doc.cache.borrow_mut().clear();
            doc.rebuild_xref()?;
        }
        Ok(doc)
    }

    fn read_xref_chain(&mut self) -> Result<(), Error> {
        let tail_start = self.data.len().saturating_sub(2048);
        let tail = &self.data[tail_start..];
        let at = tail
            .windows(9)
            .rposition(|w| w == b"startxref")
            .ok_or_else(|| Error::damaged("there is no startxref (the file may be truncated)"))?;
        let mut p = Parser::new(self.data, tail_start + at + 9);
        let mut offset =
            p.uint()
                .ok_or_else(|| Error::damaged("startxref has no offset"))? as usize;
        let mut seen = HashSet::new();
        let mut first = true;
        for _ in 0..MAX_XREF_SECTIONS {
            if !seen.insert(offset) {
                break; // a /Prev loop: what was read so far stands
            }
            let trailer = self.read_xref_section(offset)?;
            if let Obj::Int(stm) = get(&trailer, b"XRefStm") {
                if *stm >= 0 && seen.insert(*stm as usize) {
                    let _ = self.read_xref_section(*stm as usize);
                }
            }
            let prev = get(&trailer, b"Prev").int();
            if first {
                self.trailer = trailer;
                first = false;
            }
            match prev {
                Some(p) if p >= 0 => offset = p as usize,
                _ => return Ok(()),
            }
        }
        Ok(())
    }

    /// Reads one xref table + trailer or one xref stream at `offset`; returns its trailer.
    fn read_xref_section(&mut self, offset: usize) -> Result<Dict, Error> {
        if offset >= self.data.len() {
            return Err(Error::damaged("the cross-reference offset is past the end"));
        }
        let mut p = Parser::new(self.data, offset);
        if p.keyword(b"xref") {
            loop {
                let save = p.pos;
                let (Some(start), Some(count)) = (p.uint(), p.uint()) else {
                    p.pos = save;
                    break;
                };
                if count > (self.data.len() / 18) as u64 + 1 {
                    return Err(Error::damaged(
                        "a cross-reference section is longer than the file",
                    ));
                }
                for i in 0..count {
                    let (Some(off), Some(_gen)) = (p.uint(), p.uint()) else {
                        return Err(Error::damaged("a cross-reference entry is cut short"));
                    };
                    p.skip_white();
                    let kind = p.data.get(p.pos).copied();
                    p.pos += 1;
                    let num = start + i;
                    if kind == Some(b'n') && num <= u32::MAX as u64 && off > 0 {
                        self.xref
                            .entry(num as u32)
                            .or_insert(Entry::Offset(off as usize));
                    }
                }
            }
            if !p.keyword(b"trailer") {
                return Err(Error::damaged("the cross-reference table has no trailer"));
            }
            return match p.object(0)? {
                Obj::Dict(d) => Ok(d),
                _ => Err(Error::damaged("the trailer is not a dictionary")),
            };
        }
        // A cross-reference stream.
        let (_, obj) = self.parse_indirect_at(offset)?;
        let Obj::Stream(dict, ..) = &obj else {
            return Err(Error::damaged(
                "startxref does not point at cross-reference data",
            ));
        };
        let data = self.stream_data(&obj)?;
        let widths: Vec<usize> = get(dict, b"W")
            .array()
            .unwrap_or(&[])
            .iter()
            .map(|w| w.int().unwrap_or(0).clamp(0, 8) as usize)
            .collect();
        if widths.len() != 3 {
            return Err(Error::damaged(
                "the cross-reference stream has no /W [a b c]",
            ));
        }
        let row = widths.iter().sum::<usize>();
        if row == 0 {
            return Err(Error::damaged("the cross-reference stream has empty rows"));
        }
        let size = get(dict, b"Size").int().unwrap_or(0).max(0);
        let index: Vec<i64> = match get(dict, b"Index").array() {
            Some(items) => items.iter().map(|i| i.int().unwrap_or(0)).collect(),
            None => vec![0, size],
        };
        let field = |bytes: &[u8], default: u64| -> u64 {
            if bytes.is_empty() {
                return default;
            }
            bytes.iter().fold(0u64, |acc, &b| acc << 8 | b as u64)
        };
        let mut rows = data.chunks_exact(row);
        for pair in index.chunks(2) {
            let [start, count] = pair else { break };
            for i in 0..(*count).max(0) {
                let Some(r) = rows.next() else { break };
                let kind = field(&r[..widths[0]], 1);
                let a = field(&r[widths[0]..widths[0] + widths[1]], 0);
                let b = field(&r[widths[0] + widths[1]..], 0);
                let num = start + i;
                if !(0..=u32::MAX as i64).contains(&num) {
                    continue;
                }
                let entry = match kind {
                    1 => Entry::Offset(a as usize),
                    2 => Entry::InStream(a.min(u32::MAX as u64) as u32, b as u32),
                    _ => continue,
                };
                self.xref.entry(num as u32).or_insert(entry);
            }
        }
        Ok(dict.clone())
    }

    /// Rebuilds the object table by scanning for `n g obj`, for files whose xref is damaged.
    fn rebuild_xref(&mut self) -> Result<(), Error> {
        let data = self.data;
        let mut i = 0;
        let mut trailer: Option<Dict> = None;
        while let Some(found) = find(data, i, b"obj") {
            i = found + 3;
            // Walk back over "n g " before "obj".
            let mut j = found;
            let back = |j: &mut usize, digits: bool| -> bool {
                let end = *j;
                if digits {
                    while *j > 0 && data[*j - 1].is_ascii_digit() {
                        *j -= 1;
                    }
                    *j < end
                } else {
                    while *j > 0 && crate::object::is_white(data[*j - 1]) {
                        *j -= 1;
                    }
                    *j < end
                }
            };
            if !(back(&mut j, false) && back(&mut j, true) && back(&mut j, false)) {
                continue;
            }
            let gen_start = j;
            let _ = gen_start;
            if !back(&mut j, true) {
                continue;
            }
            if j > 0 && !crate::object::is_white(data[j - 1]) && data[j - 1] != b'>' {
                continue;
            }
            let mut p = Parser::new(data, j);
            let Some(num) = p.uint() else { continue };
            if num > u32::MAX as u64 {
                continue;
            }
            self.xref.insert(num as u32, Entry::Offset(j)); // later definitions win
        }
        // The trailer: the last `trailer` dictionary, else the catalog found among objects.
        let mut k = 0;
        while let Some(found) = find(data, k, b"trailer") {
            k = found + 7;
            if let Ok(Obj::Dict(d)) = Parser::new(data, k).object(0) {
                if matches!(get(&d, b"Root"), Obj::Ref(..)) {
                    trailer = Some(d);
                }
            }
        }
        if trailer.is_none() {
            let mut nums: Vec<u32> = self.xref.keys().copied().collect();
            nums.sort_unstable();
            for num in nums {
                if let Ok(obj) = self.get(num) {
                    if let Some(d) = obj.dict() {
                        if get(d, b"Type").name() == Some(b"Catalog") {
                            trailer = Some(vec![(b"Root".to_vec(), Obj::Ref(num, 0))]);
                        } else if get(d, b"Type").name() == Some(b"XRef")
                            && matches!(get(d, b"Root"), Obj::Ref(..))
                            && trailer.is_none()
                        {
                            trailer = Some(d.clone());
                        }
                    }
                }
                if trailer.is_some() {
                    break;
                }
            }
        }
        // Object streams hold objects the scan cannot see: index them too.
        let nums: Vec<u32> = self.xref.keys().copied().collect();
        for num in nums {
            let Ok(obj) = self.get(num) else { continue };
            if obj.dict().and_then(|d| get(d, b"Type").name()) == Some(b"ObjStm") {
                if let Ok(stm) = self.objstm(num) {
                    for (index, (n, _)) in stm.offsets.iter().enumerate() {
                        self.xref
                            .entry(*n)
                            .or_insert(Entry::InStream(num, index as u32));
                    }
                }
            }
        }
        self.trailer = trailer.ok_or_else(|| {
            Error::damaged("no document catalog was found (the file may be truncated or not a PDF)")
        })?;
        Ok(())
    }

    /// Parses `n g obj … endobj` at `offset`: the object number and the object (streams
    /// as `Obj::Stream` with their data range).
    fn parse_indirect_at(&self, offset: usize) -> Result<(u32, Obj), Error> {
        let mut p = Parser::new(self.data, offset);
        let num = p
            .uint()
            .ok_or_else(|| Error::damaged("an object offset is wrong"))?;
        let gen = p
            .uint()
            .ok_or_else(|| Error::damaged("an object offset is wrong"))?
            .min(u16::MAX as u64) as u16;
        if !p.keyword(b"obj") {
            return Err(Error::damaged(
                "an object offset does not point at an object",
            ));
        }
        let obj = p.object(0)?;
        if let Obj::Dict(dict) = obj {
            if p.keyword(b"stream") {
                // The data starts after the EOL that follows `stream`.
                if p.data.get(p.pos) == Some(&b'\r') {
                    p.pos += 1;
                }
                if p.data.get(p.pos) == Some(&b'\n') {
                    p.pos += 1;
                }
                let start = p.pos;
                let declared = match get(&dict, b"Length") {
                    Obj::Int(n) => Some(*n),
                    Obj::Ref(n, _) if *n as u64 != num => {
                        self.get_plain(*n).ok().and_then(|o| o.int())
                    }
                    _ => None,
                };
                let end = declared
                    .filter(|&n| n >= 0)
                    .and_then(|n| start.checked_add(n as usize))
                    .filter(|&end| end <= self.data.len())
                    .filter(|&end| {
                        let mut q = Parser::new(self.data, end);
                        q.keyword(b"endstream")
                    })
                    .or_else(|| {
                        if start >= self.no_endstream_after.get() {
                            return None;
                        }
                        let found = find(self.data, start, b"endstream");
                        if found.is_none() {
                            self.no_endstream_after.set(start);
                        }
                        found.map(|e| {
                            let mut e = e;
                            if e > start && self.data[e - 1] == b'\n' {
                                e -= 1;
                            }
                            if e > start && self.data[e - 1] == b'\r' {
                                e -= 1;
                            }
                            e
                        })
                    })
                    .ok_or_else(|| {
                        Error::damaged("a stream has no end (the file may be truncated)")
                    })?;
                self.stream_ids
                    .borrow_mut()
                    .insert(start, (num.min(u32::MAX as u64) as u32, gen));
                return Ok((num as u32, Obj::Stream(dict, start, end)));
            }
            return Ok((num as u32, Obj::Dict(dict)));
        }
        Ok((num as u32, obj))
    }

    /// How many more font map entries the document may hold.
    pub fn font_budget(&self) -> usize {
        self.font_budget.get()
    }

    /// Spends `n` entries of the font budget.
    pub fn spend_font_budget(&self, n: usize) {
        self.font_budget
            .set(self.font_budget.get().saturating_sub(n));
    }

    fn generation_at(&self, offset: usize) -> u16 {
        let mut p = Parser::new(self.data, offset);
        p.uint();
        p.uint().unwrap_or(0).min(u16::MAX as u64) as u16
    }

    /// True when the trailer names an `/Encrypt` dictionary.
    pub fn is_encrypted(&self) -> bool {
        !matches!(get(&self.trailer, b"Encrypt"), Obj::Null)
    }

    /// Opens an encrypted document with the empty user password (what a PDF that only locks
    /// editing or copying has): from then on strings and streams are decrypted as read.
    pub fn unlock(&mut self) -> Result<(), crate::crypt::CryptError> {
        let encrypt = self
            .resolve(get(&self.trailer, b"Encrypt"))
            .ok()
            .and_then(|e| e.dict().cloned())
            .unwrap_or_default();
        let id0 = match get(&self.trailer, b"ID") {
            Obj::Array(items) => match items.first() {
                Some(Obj::Str(s)) => s.clone(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        self.crypt = Some(crate::crypt::Decryptor::new(&encrypt, &id0)?);
        // Objects read before (the catalog, for the trailer check) were read undecrypted.
        self.cache.borrow_mut().clear();
        self.objstms.borrow_mut().clear();
        Ok(())
    }

    /// The object `num` without following object streams' Length references (used for a
    /// stream's indirect /Length, which is never a stream).
    fn get_plain(&self, num: u32) -> Result<Obj, Error> {
        match self.xref.get(&num) {
            Some(Entry::Offset(off)) => {
                let mut p = Parser::new(self.data, *off);
                p.uint();
                p.uint();
                if !p.keyword(b"obj") {
                    return Err(Error::damaged("an object offset is wrong"));
                }
                p.object(0)
            }
            Some(Entry::InStream(..)) => self.get(num).map(|o| (*o).clone()),
            None => Ok(Obj::Null),
        }
    }

    /// The object numbered `num` (`Null` if it does not exist).
    pub fn get(&self, num: u32) -> Result<Rc<Obj>, Error> {
        if let Some(obj) = self.cache.borrow().get(&num) {
            return Ok(obj.clone());
        }
        if !self.busy.borrow_mut().insert(num) {
            return Err(Error::damaged(format!("object {num} refers to itself")));
        }
        let obj = self.load(num);
        self.busy.borrow_mut().remove(&num);
        let obj = Rc::new(obj?);
        self.cache.borrow_mut().insert(num, obj.clone());
        Ok(obj)
    }

    fn load(&self, num: u32) -> Result<Obj, Error> {
        Ok(match self.xref.get(&num).copied() {
            None => Obj::Null,
            Some(Entry::Offset(off)) => {
                let (found, mut obj) = self.parse_indirect_at(off)?;
                if found != num {
                    return Err(Error::damaged(format!(
                        "the cross-reference table points object {num} at object {found}"
                    )));
                }
                if let Some(crypt) = &self.crypt {
                    let gen = self.generation_at(off);
                    crypt.strings(num, gen, &mut obj);
                }
                obj
            }
            Some(Entry::InStream(stm, index)) => {
                if stm == num {
                    return Err(Error::damaged("an object stream contains itself"));
                }
                let stm = self.objstm(stm)?;
                let (n, off) = stm
                    .offsets
                    .get(index as usize)
                    .copied()
                    .ok_or_else(|| Error::damaged("an object stream index is out of range"))?;
                if n != num {
                    // Some writers number entries loosely: look the number up instead.
                    match stm.offsets.iter().find(|(m, _)| *m == num) {
                        Some(&(_, off)) => Parser::new(&stm.data, off).object(0)?,
                        None => Obj::Null,
                    }
                } else {
                    Parser::new(&stm.data, off).object(0)?
                }
            }
        })
    }

    fn objstm(&self, num: u32) -> Result<Rc<ObjStm>, Error> {
        if let Some(s) = self.objstms.borrow().get(&num) {
            return Ok(s.clone());
        }
        let Some(Entry::Offset(off)) = self.xref.get(&num).copied() else {
            return Err(Error::damaged(
                "an object stream is itself inside an object stream",
            ));
        };
        if !self
            .busy
            .borrow_mut()
            .insert(u32::MAX - num.min(u32::MAX - 1))
        {
            return Err(Error::damaged("an object stream refers to itself"));
        }
        let parsed = self.parse_indirect_at(off);
        self.busy
            .borrow_mut()
            .remove(&(u32::MAX - num.min(u32::MAX - 1)));
        let (_, obj) = parsed?;
        let Obj::Stream(dict, ..) = &obj else {
            return Err(Error::damaged("an object stream is not a stream"));
        };
        let data = self.stream_data(&obj)?;
        let n = get(dict, b"N").int().unwrap_or(0).clamp(0, 1_000_000) as usize;
        let first = get(dict, b"First").int().unwrap_or(0).max(0) as usize;
        let mut p = Parser::new(&data, 0);
        let mut offsets = Vec::with_capacity(n.min(data.len() / 4 + 1));
        for _ in 0..n {
            let (Some(obj_num), Some(rel)) = (p.uint(), p.uint()) else {
                break;
            };
            let at = first.saturating_add(rel as usize).min(data.len());
            offsets.push((obj_num.min(u32::MAX as u64) as u32, at));
        }
        let stm = Rc::new(ObjStm { data, offsets });
        self.objstms.borrow_mut().insert(num, stm.clone());
        Ok(stm)
    }

    /// Follows references until a direct object.
    pub fn resolve(&self, obj: &Obj) -> Result<Rc<Obj>, Error> {
        let mut current = match obj {
            Obj::Ref(n, _) => self.get(*n)?,
            other => return Ok(Rc::new(other.clone())),
        };
        for _ in 0..MAX_REF_CHAIN {
            match &*current {
                Obj::Ref(n, _) => {
                    let next = self.get(*n)?;
                    current = next;
                }
                _ => return Ok(current),
            }
        }
        Err(Error::damaged("a chain of references loops"))
    }

    /// The resolved value of `key` in `dict`.
    pub fn get_in(&self, dict: &Dict, key: &[u8]) -> Result<Rc<Obj>, Error> {
        self.resolve(get(dict, key))
    }

    /// A stream's data with its filters applied.
    pub fn stream_data(&self, obj: &Obj) -> Result<Vec<u8>, Error> {
        let Obj::Stream(dict, start, end) = obj else {
            return Err(Error::damaged("expected a stream"));
        };
        let decrypted;
        let mut raw = &self.data[*start..*end];
        if let Some(crypt) = &self.crypt {
            let id = self.stream_ids.borrow().get(start).copied();
            if let Some((num, gen)) = id {
                if get(dict, b"Type").name() != Some(b"XRef") {
                    decrypted = crypt.stream(num, gen, raw);
                    raw = &decrypted;
                }
            }
        }
        let filters: Vec<Vec<u8>> = match &*self.get_in(dict, b"Filter")? {
            Obj::Name(n) => vec![n.clone()],
            Obj::Array(items) => items
                .iter()
                .filter_map(|i| i.name().map(<[u8]>::to_vec))
                .collect(),
            _ => Vec::new(),
        };
        let parms_obj = self.get_in(dict, b"DecodeParms")?;
        let parms_list: Vec<Option<Dict>> = match &*parms_obj {
            Obj::Dict(d) => vec![Some(d.clone())],
            Obj::Array(items) => items
                .iter()
                .map(|i| self.resolve(i).ok().and_then(|o| o.dict().cloned()))
                .collect(),
            _ => Vec::new(),
        };
        let mut data = raw.to_vec();
        for (i, filter) in filters.iter().enumerate() {
            let parms = parms_list.get(i).cloned().flatten();
            data = match filter.as_slice() {
                b"FlateDecode" | b"Fl" => {
                    let budget = MAX_TOTAL_INFLATED.saturating_sub(self.inflated.get());
                    let limit = MAX_STREAM_BYTES.min(budget);
                    let out = inflate(&data, limit)?;
                    self.inflated.set(self.inflated.get() + out.len());
                    match parms {
                        Some(p) => predict(out, &p)?,
                        None => out,
                    }
                }
                b"ASCIIHexDecode" | b"AHx" => ascii_hex(&data),
                b"ASCII85Decode" | b"A85" => ascii85(&data)?,
                other => {
                    return Err(Error::Unsupported(format!(
                        "a stream uses the {} filter, which this reader does not decode",
                        String::from_utf8_lossy(other)
                    )))
                }
            };
        }
        Ok(data)
    }

    /// The pages in order: each page dictionary with its inherited `/Resources`, `/MediaBox`.
    pub fn pages(&self) -> Result<Vec<PageRef>, Error> {
        let root = self.get_in(&self.trailer, b"Root")?;
        let root = root
            .dict()
            .ok_or_else(|| Error::damaged("the document catalog is missing"))?;
        let top = get(root, b"Pages");
        let mut pages = Vec::new();
        let mut seen = HashSet::new();
        self.walk(top, None, None, 0, &mut seen, &mut pages)?;
        Ok(pages)
    }

    fn walk(
        &self,
        node: &Obj,
        resources: Option<Rc<Obj>>,
        media_box: Option<Rc<Obj>>,
        depth: usize,
        seen: &mut HashSet<u32>,
        out: &mut Vec<PageRef>,
    ) -> Result<(), Error> {
        if depth > MAX_TREE_DEPTH {
            return Err(Error::damaged(format!(
                "the page tree is nested more than {MAX_TREE_DEPTH} deep"
            )));
        }
        if let Obj::Ref(n, _) = node {
            if !seen.insert(*n) {
                return Err(Error::damaged("the page tree loops back on itself"));
            }
        }
        let obj = self.resolve(node)?;
        let Some(dict) = obj.dict() else {
            return Ok(()); // a missing kid: nothing to read
        };
        let own_resources = match get(dict, b"Resources") {
            Obj::Null => resources,
            r => Some(self.resolve(r)?),
        };
        let own_box = match get(dict, b"MediaBox") {
            Obj::Null => media_box,
            r => Some(self.resolve(r)?),
        };
        let is_pages =
            get(dict, b"Type").name() == Some(b"Pages") || !matches!(get(dict, b"Kids"), Obj::Null);
        if is_pages {
            let kids = self.get_in(dict, b"Kids")?;
            for kid in kids.array().unwrap_or(&[]) {
                self.walk(
                    kid,
                    own_resources.clone(),
                    own_box.clone(),
                    depth + 1,
                    seen,
                    out,
                )?;
            }
        } else {
            if out.len() >= MAX_PAGES {
                return Err(Error::TooLarge(format!(
                    "the PDF has more than {MAX_PAGES} pages"
                )));
            }
            out.push(PageRef {
                dict: dict.clone(),
                resources: own_resources,
                media_box: own_box,
            });
        }
        Ok(())
    }
}

/// One page: its dictionary and what it inherits.
pub struct PageRef {
    /// The page dictionary.
    pub dict: Dict,
    /// The resources (own or inherited).
    pub resources: Option<Rc<Obj>>,
    /// The media box (own or inherited).
    pub media_box: Option<Rc<Obj>>,
}

/// The first position of `needle` in `data` at or after `from`.
pub fn find(data: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= data.len() || needle.is_empty() {
        return None;
    }
    let first = needle[0];
    let mut i = from;
    while i + needle.len() <= data.len() {
        let rel = data[i..].iter().position(|&b| b == first)?;
        i += rel;
        if data.get(i..i + needle.len()) == Some(needle) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Inflates zlib (or raw deflate) data into at most `limit` bytes; past that the stream is
/// refused without inflating the rest.
pub fn inflate(data: &[u8], limit: usize) -> Result<Vec<u8>, Error> {
    use miniz_oxide::inflate::{self, TINFLStatus};
    let zlib = data.len() >= 2
        && (data[0] & 0x0f) == 8
        && (u16::from(data[0]) << 8 | u16::from(data[1])) % 31 == 0;
    let result = if zlib {
        inflate::decompress_to_vec_zlib_with_limit(data, limit)
    } else {
        inflate::decompress_to_vec_with_limit(data, limit)
    };
    match result {
        Ok(out) => Ok(out),
        Err(e) if e.status == TINFLStatus::HasMoreOutput => Err(Error::TooLarge(format!(
            "a compressed stream inflates to more than {} MB (a decompression bomb?)",
            limit / (1024 * 1024)
        ))),
        // A damaged or cut-off stream: keep what inflated (as other readers do).
        Err(e) if !e.output.is_empty() => Ok(e.output),
        Err(_) => Err(Error::damaged("a compressed stream is damaged")),
    }
}

/// PNG (10–15) and no (1) predictors of /FlateDecode's /DecodeParms.
fn predict(data: Vec<u8>, parms: &Dict) -> Result<Vec<u8>, Error> {
    let predictor = get(parms, b"Predictor").int().unwrap_or(1);
    if predictor < 10 {
        if predictor == 2 {
            return Err(Error::Unsupported(
                "a stream uses the TIFF predictor, which this reader does not decode".into(),
            ));
        }
        return Ok(data);
    }
    let colors = get(parms, b"Colors").int().unwrap_or(1).clamp(1, 32) as usize;
    let bpc = get(parms, b"BitsPerComponent")
        .int()
        .unwrap_or(8)
        .clamp(1, 16) as usize;
    let columns = get(parms, b"Columns").int().unwrap_or(1).clamp(1, 1 << 20) as usize;
    let bpp = (colors * bpc).div_ceil(8).max(1);
    let row_len = (colors * bpc * columns).div_ceil(8);
    let mut out = Vec::with_capacity(data.len());
    let mut prev = vec![0u8; row_len];
    for chunk in data.chunks(row_len + 1) {
        if chunk.len() < 2 {
            break;
        }
        let kind = chunk[0];
        let mut row = chunk[1..].to_vec();
        row.resize(row_len, 0);
        for i in 0..row_len {
            let left = if i >= bpp { row[i - bpp] } else { 0 };
            let up = prev[i];
            let up_left = if i >= bpp { prev[i - bpp] } else { 0 };
            row[i] = match kind {
                1 => row[i].wrapping_add(left),
                2 => row[i].wrapping_add(up),
                3 => row[i].wrapping_add(((left as u16 + up as u16) / 2) as u8),
                4 => {
                    let p = left as i16 + up as i16 - up_left as i16;
                    let (pa, pb, pc) = (
                        (p - left as i16).abs(),
                        (p - up as i16).abs(),
                        (p - up_left as i16).abs(),
                    );
                    let pred = if pa <= pb && pa <= pc {
                        left
                    } else if pb <= pc {
                        up
                    } else {
                        up_left
                    };
                    row[i].wrapping_add(pred)
                }
                _ => row[i],
            };
        }
        out.extend_from_slice(&row);
        prev = row;
    }
    Ok(out)
}

fn ascii_hex(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 2);
    let mut high = None;
    for &b in data {
        if b == b'>' {
            break;
        }
        let v = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            _ => continue,
        };
        match high.take() {
            Some(h) => out.push(h << 4 | v),
            None => high = Some(v),
        }
    }
    if let Some(h) = high {
        out.push(h << 4);
    }
    out
}

fn ascii85(data: &[u8]) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(data.len() * 4 / 5);
    let mut group = [0u32; 5];
    let mut n = 0;
    let mut iter = data.iter();
    if data.starts_with(b"<~") {
        iter.next();
        iter.next();
    }
    for &b in iter {
        match b {
            b'~' => break,
            b'z' if n == 0 => out.extend_from_slice(&[0, 0, 0, 0]),
            b'!'..=b'u' => {
                group[n] = (b - b'!') as u32;
                n += 1;
                if n == 5 {
                    let v = group.iter().fold(0u64, |a, &d| a * 85 + d as u64);
                    out.extend_from_slice(&(v as u32).to_be_bytes());
                    n = 0;
                }
            }
            _ => {}
        }
    }
    if n > 1 {
        for g in group.iter_mut().skip(n) {
            *g = 84;
        }
        let v = group.iter().fold(0u64, |a, &d| a * 85 + d as u64);
        out.extend_from_slice(&(v as u32).to_be_bytes()[..n - 1]);
    }
    Ok(out)
}

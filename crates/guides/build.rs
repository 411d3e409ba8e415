//! Compiles `guides/*.toml` into Rust `static` data, so the wasm never parses text at run time.
//!
//! A file that is not valid TOML, has a field of the wrong type, an unknown field or an unknown
//! enum value, or no `category`, `billing` or gotcha `severity`, fails the build with a message
//! naming the file and the field. Other missing or empty required fields do NOT fail the
//! build: they become empty values that the validation test (`cargo test -p guides`) reports,
//! so one half-written guide never blocks every other crate.
//!
//! Setting `SPENDREIN_GUIDES_EMPTY=1` compiles one tiny stand-in guide instead of the files; it
//! exists only to measure how much the guide data adds to the wasm. The stand-in has one of
//! every part (step, gotcha, pattern...) so the optimiser keeps the same code in both builds
//! and the difference is the data alone.

#[path = "src/words.rs"]
mod words;

// Statutory rights by region (guides/rights/*.toml): its own small step, see build_rights.rs.
#[path = "build_rights.rs"]
mod rights;

use serde::Deserialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileGuide {
    #[serde(default)]
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    category: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    billing: String,
    #[serde(default)]
    cadences: Vec<String>,
    #[serde(default)]
    billed_via: Vec<String>,
    #[serde(default)]
    last_reviewed: String,
    #[serde(default)]
    descriptors: FileDescriptors,
    #[serde(default)]
    before_you_start: Vec<String>,
    #[serde(default)]
    steps: Vec<FileStep>,
    #[serde(default)]
    gotchas: Vec<FileGotcha>,
    #[serde(default)]
    data: FileText,
    #[serde(default)]
    refunds: FileText,
    #[serde(default)]
    alternatives: Vec<FileAlternative>,
    #[serde(default)]
    faq: Vec<FileFaq>,
    #[serde(default)]
    related: Vec<String>,
    #[serde(default)]
    sources: Vec<FileSourceEntry>,
}

/// A `sources` entry: a bare URL in a legacy guide, a `[[sources]]` table otherwise.
#[derive(Deserialize)]
#[serde(untagged)]
enum FileSourceEntry {
    Url(String),
    Table(FileSource),
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileSource {
    #[serde(default)]
    id: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    read: String,
    #[serde(default)]
    owner: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileEvidence {
    #[serde(default)]
    pattern: String,
    #[serde(default)]
    example: String,
    #[serde(default)]
    grade: String,
    #[serde(default)]
    src: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileDescriptors {
    #[serde(default, rename = "match")]
    match_patterns: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    examples: Vec<String>,
    #[serde(default)]
    evidence: Vec<FileEvidence>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileStep {
    #[serde(default)]
    title: String,
    #[serde(default)]
    text: String,
    url: Option<String>,
    #[serde(default)]
    src: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileGotcha {
    #[serde(default)]
    id: String,
    #[serde(default)]
    severity: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    text: String,
    step: Option<u32>,
    #[serde(default)]
    explains_charges: bool,
    #[serde(default)]
    src: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileText {
    #[serde(default)]
    text: String,
    #[serde(default)]
    src: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileAlternative {
    #[serde(default)]
    title: String,
    #[serde(default)]
    text: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileFaq {
    #[serde(default)]
    q: String,
    #[serde(default)]
    a: String,
    #[serde(default)]
    src: Vec<String>,
}

/// The allowed TOML spellings of each enum and the Rust variant each becomes.
const CATEGORIES: &[(&str, &str)] = &[
    ("ai-and-developer", "AiAndDeveloper"),
    ("video", "Video"),
    ("music-and-audio", "MusicAndAudio"),
    ("stores-and-bundles", "StoresAndBundles"),
    ("productivity", "Productivity"),
    ("gaming", "Gaming"),
    ("learning-news-creators", "LearningNewsCreators"),
    ("dating-wellness-fitness", "DatingWellnessFitness"),
    ("memberships-delivery", "MembershipsDelivery"),
    ("security-and-vpn", "SecurityAndVpn"),
    ("cloud-storage", "CloudStorage"),
    ("other", "Other"),
];
const BILLINGS: &[(&str, &str)] = &[
    ("prepaid", "Prepaid"),
    ("usage", "Usage"),
    ("prepaid-credits", "PrepaidCredits"),
];
const CADENCES: &[(&str, &str)] = &[
    ("weekly", "Weekly"),
    ("biweekly", "Biweekly"),
    ("monthly", "Monthly"),
    ("quarterly", "Quarterly"),
    ("semiannual", "Semiannual"),
    ("annual", "Annual"),
];
const CHANNELS: &[(&str, &str)] = &[
    ("direct", "Direct"),
    ("apple", "Apple"),
    ("google-play", "GooglePlay"),
    ("paypal", "Paypal"),
    ("amazon", "Amazon"),
    ("roku", "Roku"),
];
const SEVERITIES: &[(&str, &str)] = &[("critical", "Critical"), ("caution", "Caution")];
const OWNERS: &[(&str, &str)] = &[("vendor", "Vendor"), ("third-party", "ThirdParty")];
const GRADES: &[(&str, &str)] = &[
    ("real", "Real"),
    ("official", "Official"),
    ("guess", "Guess"),
];

fn main() {
    println!("cargo:rerun-if-env-changed=SPENDREIN_GUIDES_EMPTY");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/words.rs");
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let guides_dir = manifest_dir.join("../../guides");
    println!("cargo:rerun-if-changed={}", guides_dir.display());

    let empty = std::env::var("SPENDREIN_GUIDES_EMPTY").is_ok_and(|value| value == "1");
    let files = match read_dir_sorted(&guides_dir) {
        Ok(files) => files,
        Err(message) => fail(&message),
    };
    let mut guides = Vec::new();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        if empty {
            continue;
        }
        match load(path) {
            Ok(guide) => guides.push(guide),
            Err(message) => fail(&message),
        }
    }
    if empty {
        guides.push(stand_in());
    }
    let source = generate(&guides);
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("guides_data.rs");
    if let Err(error) = std::fs::write(&out, source) {
        fail(&format!("cannot write {}: {error}", out.display()));
    }
    write_rights(&manifest_dir);
}

/// The rights step: `guides/rights/*.toml` into `$OUT_DIR/rights_data.rs`.
fn write_rights(manifest_dir: &Path) {
    println!("cargo:rerun-if-changed=build_rights.rs");
    let dir = manifest_dir.join("../../guides/rights");
    println!("cargo:rerun-if-changed={}", dir.display());
    let source = rights::generate(&dir).unwrap_or_else(|message| fail(&message));
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("rights_data.rs");
    if let Err(error) = std::fs::write(&out, source) {
        fail(&format!("cannot write {}: {error}", out.display()));
    }
}

/// The one guide compiled under `SPENDREIN_GUIDES_EMPTY=1`.
fn stand_in() -> Loaded {
    const TEXT: &str = r#"
name = "X"
aliases = ["Y"]
category = "other"
summary = "S"
billing = "usage"
cadences = ["monthly"]
billed_via = ["direct"]
last_reviewed = "2026-01-01"
before_you_start = ["B"]
related = []
[descriptors]
match = ["X"]
exclude = ["Z"]
examples = ["X"]
[[descriptors.evidence]]
pattern = "X"
example = "X"
grade = "real"
src = ["s"]
[[steps]]
title = "T"
text = "T"
url = "https://x.example/"
src = ["s"]
[[gotchas]]
id = "g"
severity = "caution"
title = "G"
text = "G"
step = 1
explains_charges = true
src = ["s"]
[data]
text = "D"
src = ["s"]
[refunds]
text = "R"
src = ["s"]
[[alternatives]]
title = "A"
text = "A"
[[faq]]
q = "Q"
a = "A"
src = ["s"]
[[sources]]
id = "s"
url = "https://x.example/"
title = "S"
read = "2026-01-01"
owner = "vendor"
"#;
    match toml::from_str(TEXT) {
        Ok(guide) => Loaded {
            id: "x".to_owned(),
            guide,
        },
        Err(error) => fail(&format!(
            "the stand-in guide in build.rs is invalid: {error}"
        )),
    }
}

fn fail(message: &str) -> ! {
    // Cargo shows build-script stderr on failure; `cargo:warning` lines would be truncated.
    eprintln!("error: {message}");
    std::process::exit(1);
}

fn read_dir_sorted(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|error| format!("cannot read {}: {error}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|error| format!("cannot read {}: {error}", dir.display()))?
            .path();
        if path
            .extension()
            .is_some_and(|extension| extension == "toml")
        {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

struct Loaded {
    id: String,
    guide: FileGuide,
}

fn load(path: &Path) -> Result<Loaded, String> {
    let file = format!(
        "guides/{}",
        path.file_name()
            .map(|name| name.to_string_lossy())
            .unwrap_or_default()
    );
    let id = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !is_kebab(&id) {
        return Err(format!(
            "{file}: the file name is the guide id and must be lowercase-kebab (a-z, 0-9, single dashes), like netflix.toml"
        ));
    }
    let text =
        std::fs::read_to_string(path).map_err(|error| format!("{file}: cannot read: {error}"))?;
    // toml's message quotes the offending line and points at the field, with line and column.
    let guide: FileGuide = match toml::from_str(&text) {
        Ok(guide) => guide,
        Err(first_error) => {
            // guides/README.md shows `before_you_start`, `related` and `sources` after a
            // [table] header, which in TOML puts them inside that table. Accept that layout:
            // move such keys back to the top level, then try again.
            let mut table: toml::Table =
                toml::from_str(&text).map_err(|error| format!("{file}: {error}"))?;
            hoist_top_level_keys(&file, &mut table)?;
            let sources = table.get("sources").cloned();
            toml::Value::Table(table).try_into().map_err(|error| {
                if error.to_string().contains("FileSourceEntry") {
                    if let Some(message) = source_error(&file, sources.as_ref()) {
                        return message;
                    }
                }
                format!("{file}: {error}\n(first reading: {first_error})")
            })?
        }
    };
    let tables = guide
        .sources
        .iter()
        .filter(|entry| matches!(entry, FileSourceEntry::Table(_)))
        .count();
    if tables != 0 && tables != guide.sources.len() {
        return Err(format!("{file}: field `sources` mixes URL strings (the legacy form) with [[sources]] tables; convert every entry to a [[sources]] table (see guides/README.md)"));
    }
    for (index, entry) in guide.sources.iter().enumerate() {
        if let FileSourceEntry::Table(source) = entry {
            let field = format!("sources[{index}].owner");
            check_enum(&file, &field, std::slice::from_ref(&source.owner), OWNERS)?;
        }
    }
    for (index, evidence) in guide.descriptors.evidence.iter().enumerate() {
        let field = format!("descriptors.evidence[{index}].grade");
        check_enum(&file, &field, std::slice::from_ref(&evidence.grade), GRADES)?;
    }
    check_enum(
        &file,
        "category",
        std::slice::from_ref(&guide.category),
        CATEGORIES,
    )?;
    check_enum(
        &file,
        "billing",
        std::slice::from_ref(&guide.billing),
        BILLINGS,
    )?;
    check_enum(&file, "cadences", &guide.cadences, CADENCES)?;
    check_enum(&file, "billed_via", &guide.billed_via, CHANNELS)?;
    for (index, gotcha) in guide.gotchas.iter().enumerate() {
        let field = format!("gotchas[{index}].severity");
        check_enum(
            &file,
            &field,
            std::slice::from_ref(&gotcha.severity),
            SEVERITIES,
        )?;
    }
    Ok(Loaded { id, guide })
}

/// serde's message for a bad `sources` entry names no field ("did not match any variant"):
/// read each entry again as a table to say which one is wrong and why.
fn source_error(file: &str, sources: Option<&toml::Value>) -> Option<String> {
    let entries = sources?.as_array()?;
    for (index, entry) in entries.iter().enumerate() {
        match entry {
            toml::Value::String(_) => {}
            toml::Value::Table(_) => {
                if let Err(error) = entry.clone().try_into::<FileSource>() {
                    return Some(format!("{file}: field `sources[{index}]`: {error}\nA [[sources]] table has only id, url, title, read and owner (see guides/README.md)."));
                }
            }
            _ => {
                return Some(format!("{file}: field `sources[{index}]` is neither a URL string (the legacy form) nor a [[sources]] table (see guides/README.md)"));
            }
        }
    }
    None
}

/// The top-level fields of a guide. None of them is also a field of a table inside a guide,
/// so finding one inside a table can only mean it was written after that table's header.
const TOP_LEVEL_FIELDS: &[&str] = &[
    "name",
    "aliases",
    "category",
    "summary",
    "billing",
    "cadences",
    "billed_via",
    "last_reviewed",
    "descriptors",
    "before_you_start",
    "steps",
    "gotchas",
    "data",
    "refunds",
    "alternatives",
    "faq",
    "related",
    "sources",
];

fn hoist_top_level_keys(file: &str, table: &mut toml::Table) -> Result<(), String> {
    let mut hoisted: Vec<(String, String, toml::Value)> = Vec::new();
    for (parent, value) in table.iter_mut() {
        let inner_tables: Vec<&mut toml::Table> = match value {
            toml::Value::Table(inner) => vec![inner],
            toml::Value::Array(items) => items
                .iter_mut()
                .filter_map(|item| item.as_table_mut())
                .collect(),
            _ => Vec::new(),
        };
        for inner in inner_tables {
            let keys: Vec<String> = inner
                .keys()
                .filter(|key| TOP_LEVEL_FIELDS.contains(&key.as_str()))
                .cloned()
                .collect();
            for key in keys {
                if let Some(moved) = inner.remove(&key) {
                    hoisted.push((parent.clone(), key, moved));
                }
            }
        }
    }
    for (parent, key, value) in hoisted {
        if table.contains_key(&key) {
            return Err(format!("{file}: field `{key}` is given twice (once inside [{parent}]); keep one, before the first [table]"));
        }
        table.insert(key, value);
    }
    Ok(())
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
}

/// Every value must be one of the allowed spellings. A missing single-valued enum (category,
/// billing, a gotcha's severity) fails here, because the generated data has no "missing" value.
fn check_enum(
    file: &str,
    field: &str,
    values: &[String],
    allowed: &[(&str, &str)],
) -> Result<(), String> {
    for value in values {
        if value.is_empty() {
            return Err(format!("{file}: field `{field}` is missing or empty; it is required (see guides/README.md)"));
        }
        if !allowed.iter().any(|(spelling, _)| spelling == value) {
            let spellings: Vec<&str> = allowed.iter().map(|(spelling, _)| *spelling).collect();
            return Err(format!(
                "{file}: field `{field}` has unknown value {value:?}; use one of {}",
                spellings.join(", ")
            ));
        }
    }
    Ok(())
}

/// The generated data, in the compact form the library decodes once at start-up. Strings go
/// to one of three streams (urls, short names and titles, prose), each one string of text plus
/// the byte length of every piece; every count and enum code goes to a "shape" stream. Lengths
/// and shape are unsigned LEB128 bytes. Everything is in the exact order `src/data.rs` reads
/// it. Measured on 93 guides, static `&str` tables (8 bytes of near-random pointer per string
/// in wasm) added 138 KB gzipped; this form adds 115 KB, partly because grouping like with like
/// lets gzip find more repeats.
struct Emitter {
    texts: [String; 3],
    lengths: [Vec<u8>; 3],
    shape: Vec<u8>,
}

/// The string streams; the numbers index `Emitter::texts` and the generated `TEXTS`.
#[derive(Clone, Copy)]
enum Kind {
    Url = 0,
    Short = 1,
    Prose = 2,
}

fn push_leb128(out: &mut Vec<u8>, mut value: usize) {
    while value >= 0x80 {
        out.push((value & 0x7f) as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

impl Emitter {
    fn string(&mut self, kind: Kind, value: &str) {
        push_leb128(&mut self.lengths[kind as usize], value.len());
        self.texts[kind as usize].push_str(value);
    }

    fn strings(&mut self, kind: Kind, values: &[String]) {
        self.number(values.len());
        for value in values {
            self.string(kind, value);
        }
    }

    fn number(&mut self, value: usize) {
        push_leb128(&mut self.shape, value);
    }

    fn code(&mut self, allowed: &[(&str, &str)], value: &str) {
        self.number(
            allowed
                .iter()
                .position(|(spelling, _)| *spelling == value)
                .unwrap_or(0),
        );
    }
}

fn generate(guides: &[Loaded]) -> String {
    let new_emitter = || Emitter {
        texts: Default::default(),
        lengths: Default::default(),
        shape: Vec::new(),
    };
    let mut emit = new_emitter();
    let mut body = new_emitter();
    for loaded in guides {
        emit_head(&mut emit, loaded);
        emit_body(&mut body, loaded);
    }

    // The descriptor index: every non-empty pattern, pre-normalised and sorted by its words,
    // so matching a descriptor is a binary search per descriptor word.
    let mut patterns: Vec<(Vec<String>, usize, bool, &str)> = Vec::new();
    for (guide_index, loaded) in guides.iter().enumerate() {
        let descriptors = &loaded.guide.descriptors;
        for (list, exclude) in [
            (&descriptors.match_patterns, false),
            (&descriptors.exclude, true),
        ] {
            for pattern in list {
                let pattern_words = words::words(pattern);
                if !pattern_words.is_empty() {
                    patterns.push((pattern_words, guide_index, exclude, pattern.as_str()));
                }
            }
        }
    }
    patterns.sort_by(|left, right| (&left.0, left.1, left.2).cmp(&(&right.0, right.1, right.2)));
    emit.number(patterns.len());
    for (pattern_words, guide_index, exclude, text) in &patterns {
        emit.number(*guide_index);
        emit.number(usize::from(*exclude));
        emit.string(Kind::Short, text);
        emit.strings(Kind::Short, pattern_words);
    }

    let mut out = String::new();
    out.push_str("// Generated by crates/guides/build.rs from guides/*.toml. Do not edit.\n\n");
    let _ = writeln!(
        out,
        "pub(crate) const GUIDE_COUNT: usize = {};",
        guides.len()
    );
    let _ = writeln!(
        out,
        "pub(crate) const PATTERN_COUNT: usize = {};",
        patterns.len()
    );
    // The enum tables in the order of the codes in SHAPE, so the two can never disagree.
    for (name, rust_type, allowed) in [
        ("CATEGORY_CODES", "Category", CATEGORIES),
        ("BILLING_CODES", "Billing", BILLINGS),
        ("CADENCE_CODES", "Cadence", CADENCES),
        ("CHANNEL_CODES", "Channel", CHANNELS),
        ("SEVERITY_CODES", "Severity", SEVERITIES),
    ] {
        emit_codes(&mut out, name, rust_type, allowed);
    }
    let _ = writeln!(
        out,
        "pub(crate) static TEXTS: [&str; 3] = {:?};",
        emit.texts
    );
    let _ = writeln!(
        out,
        "pub(crate) static LENGTHS: [&[u8]; 3] = [&{:?}, &{:?}, &{:?}];",
        emit.lengths[0], emit.lengths[1], emit.lengths[2]
    );
    let _ = writeln!(out, "pub(crate) static SHAPE: &[u8] = &{:?};", emit.shape);
    // Guide bodies only with the `bodies` feature: the wasm leaves them out (the page loads
    // them from `pkg/guides/<id>.js`), the CLI and the tests keep them.
    if std::env::var_os("CARGO_FEATURE_BODIES").is_some() {
        for (name, rust_type, allowed) in [
            ("OWNER_CODES", "Owner", OWNERS),
            ("GRADE_CODES", "Grade", GRADES),
        ] {
            emit_codes(&mut out, name, rust_type, allowed);
        }
        let _ = writeln!(
            out,
            "pub(crate) static BODY_TEXTS: [&str; 3] = {:?};",
            body.texts
        );
        let _ = writeln!(
            out,
            "pub(crate) static BODY_LENGTHS: [&[u8]; 3] = [&{:?}, &{:?}, &{:?}];",
            body.lengths[0], body.lengths[1], body.lengths[2]
        );
        let _ = writeln!(
            out,
            "pub(crate) static BODY_SHAPE: &[u8] = &{:?};",
            body.shape
        );
    }
    out
}

/// Writes the head of one guide (what the wasm keeps: search, matching, the engine's likely
/// causes, the reference's step titles) in the order `src/data.rs` reads it.
fn emit_head(emit: &mut Emitter, loaded: &Loaded) {
    use Kind::{Prose, Short};
    let guide = &loaded.guide;
    emit.string(Short, &loaded.id);
    emit.string(Short, &guide.name);
    emit.string(Prose, &guide.summary);
    emit.string(Short, &guide.last_reviewed);
    emit.code(CATEGORIES, &guide.category);
    emit.code(BILLINGS, &guide.billing);
    emit.strings(Short, &guide.aliases);
    emit.number(guide.cadences.len());
    for cadence in &guide.cadences {
        emit.code(CADENCES, cadence);
    }
    emit.number(guide.billed_via.len());
    for channel in &guide.billed_via {
        emit.code(CHANNELS, channel);
    }
    emit.strings(Short, &guide.descriptors.match_patterns);
    emit.strings(Short, &guide.descriptors.exclude);
    emit.number(guide.steps.len());
    for step in &guide.steps {
        emit.string(Short, &step.title);
    }
    emit.number(guide.gotchas.len());
    for gotcha in &guide.gotchas {
        emit.string(Short, &gotcha.id);
        emit.string(Short, &gotcha.title);
        emit.code(SEVERITIES, &gotcha.severity);
        // 0 means no step; steps are 1-based.
        emit.number(gotcha.step.map_or(0, |step| step as usize));
        emit.number(usize::from(gotcha.explains_charges));
    }
    emit.number(usize::from(is_legacy(guide)));
}

/// Legacy guides list their sources as URL strings (and cite nothing).
fn is_legacy(guide: &FileGuide) -> bool {
    !guide.sources.is_empty()
        && guide
            .sources
            .iter()
            .all(|entry| matches!(entry, FileSourceEntry::Url(_)))
}

/// Writes the body of one guide (everything else), in the order `src/data.rs` reads it.
fn emit_body(emit: &mut Emitter, loaded: &Loaded) {
    use Kind::{Prose, Short, Url};
    let guide = &loaded.guide;
    emit.strings(Short, &guide.descriptors.examples);
    emit.number(guide.descriptors.evidence.len());
    for evidence in &guide.descriptors.evidence {
        emit.string(Short, &evidence.pattern);
        emit.string(Short, &evidence.example);
        emit.code(GRADES, &evidence.grade);
        emit.strings(Short, &evidence.src);
    }
    emit.string(Prose, &guide.data.text);
    emit.strings(Short, &guide.data.src);
    emit.string(Prose, &guide.refunds.text);
    emit.strings(Short, &guide.refunds.src);
    emit.strings(Prose, &guide.before_you_start);
    emit.number(guide.steps.len());
    for step in &guide.steps {
        emit.string(Prose, &step.text);
        emit.number(usize::from(step.url.is_some()));
        if let Some(url) = &step.url {
            emit.string(Url, url);
        }
        emit.strings(Short, &step.src);
    }
    emit.number(guide.gotchas.len());
    for gotcha in &guide.gotchas {
        emit.string(Prose, &gotcha.text);
        emit.strings(Short, &gotcha.src);
    }
    emit.number(guide.alternatives.len());
    for alternative in &guide.alternatives {
        emit.string(Short, &alternative.title);
        emit.string(Prose, &alternative.text);
    }
    emit.number(guide.faq.len());
    for faq in &guide.faq {
        emit.string(Short, &faq.q);
        emit.string(Prose, &faq.a);
        emit.strings(Short, &faq.src);
    }
    emit.strings(Short, &guide.related);
    // A legacy guide's entries are URLs; the others' are [[sources]] tables, whose owner code
    // is its position in OWNERS. Which one is in the head (`legacy`).
    emit.number(guide.sources.len());
    for entry in &guide.sources {
        match entry {
            FileSourceEntry::Url(url) => emit.string(Url, url),
            FileSourceEntry::Table(source) => {
                emit.string(Url, &source.url);
                emit.string(Short, &source.id);
                emit.string(Short, &source.title);
                emit.string(Short, &source.read);
                emit.code(OWNERS, &source.owner);
            }
        }
    }
}

/// One enum table in the order of the codes in SHAPE: `pub(crate) const NAME: &[Type] = &[…];`.
fn emit_codes(out: &mut String, name: &str, rust_type: &str, allowed: &[(&str, &str)]) {
    let variants: Vec<String> = allowed
        .iter()
        .map(|(_, variant)| format!("{rust_type}::{variant}"))
        .collect();
    let _ = writeln!(
        out,
        "pub(crate) const {name}: &[{rust_type}] = &[{}];",
        variants.join(", ")
    );
}

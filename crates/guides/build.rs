//! Compiles `guides/*.toml` into Rust `static` data, so the wasm never parses text at run time.
//!
//! A file that is not valid TOML, has a field of the wrong type, an unknown field or an unknown
//! enum value, or no `category`, `billing` or gotcha `severity`, fails the build with a message
//! naming the file and the field. Other missing or empty required fields do NOT fail the build: they become empty values that the validation test
//! (`cargo test -p guides`) reports, so one half-written guide never blocks every other crate.
//!
//! Setting `SPENDREIN_GUIDES_EMPTY=1` compiles no guides at all; it exists only to measure how
//! much the guide data adds to the wasm.

#[path = "src/words.rs"]
mod words;

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
    sources: Vec<String>,
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
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileStep {
    #[serde(default)]
    title: String,
    #[serde(default)]
    text: String,
    url: Option<String>,
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
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileText {
    #[serde(default)]
    text: String,
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
    let source = generate(&guides);
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("guides_data.rs");
    if let Err(error) = std::fs::write(&out, source) {
        fail(&format!("cannot write {}: {error}", out.display()));
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
            toml::Value::Table(table)
                .try_into()
                .map_err(|error| format!("{file}: {error}\n(first reading: {first_error})"))?
        }
    };
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

fn variant(allowed: &[(&str, &'static str)], value: &str, fallback: &'static str) -> &'static str {
    allowed
        .iter()
        .find(|(spelling, _)| *spelling == value)
        .map_or(fallback, |(_, variant)| variant)
}

fn generate(guides: &[Loaded]) -> String {
    let mut out = String::new();
    out.push_str("// Generated by crates/guides/build.rs from guides/*.toml. Do not edit.\n\n");
    out.push_str("pub(crate) static GUIDES: &[Guide] = &[\n");
    for loaded in guides {
        write_guide(&mut out, loaded);
    }
    out.push_str("];\n\n");

    // The descriptor index: every non-empty pattern, pre-normalised and sorted by its first
    // word, so matching a descriptor is a binary search per descriptor word.
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
    out.push_str("pub(crate) static PATTERNS: &[Pattern<'static, &'static str>] = &[\n");
    for (pattern_words, guide_index, exclude, text) in &patterns {
        let chars: usize = pattern_words.iter().map(|word| word.chars().count()).sum();
        let _ = writeln!(
            out,
            "    Pattern {{ words: &{pattern_words:?}, guide: {guide_index}, exclude: {exclude}, text: {text:?}, chars: {chars} }},"
        );
    }
    out.push_str("];\n");
    out
}

fn string_slice(values: &[String]) -> String {
    format!("&{values:?}")
}

fn write_guide(out: &mut String, loaded: &Loaded) {
    let guide = &loaded.guide;
    let _ = writeln!(out, "    Guide {{");
    let _ = writeln!(out, "        id: {:?},", loaded.id);
    let _ = writeln!(out, "        name: {:?},", guide.name);
    let _ = writeln!(out, "        aliases: {},", string_slice(&guide.aliases));
    let category = variant(CATEGORIES, &guide.category, "Missing");
    let _ = writeln!(out, "        category: Category::{category},");
    let _ = writeln!(out, "        summary: {:?},", guide.summary);
    let billing = variant(BILLINGS, &guide.billing, "Missing");
    let _ = writeln!(out, "        billing: Billing::{billing},");
    let cadences: Vec<String> = guide
        .cadences
        .iter()
        .map(|value| format!("Cadence::{}", variant(CADENCES, value, "Monthly")))
        .collect();
    let _ = writeln!(out, "        cadences: &[{}],", cadences.join(", "));
    let channels: Vec<String> = guide
        .billed_via
        .iter()
        .map(|value| format!("Channel::{}", variant(CHANNELS, value, "Direct")))
        .collect();
    let _ = writeln!(out, "        billed_via: &[{}],", channels.join(", "));
    let _ = writeln!(out, "        last_reviewed: {:?},", guide.last_reviewed);
    let descriptors = &guide.descriptors;
    let _ = writeln!(
        out,
        "        descriptors: Descriptors {{ match_patterns: {}, exclude: {}, examples: {} }},",
        string_slice(&descriptors.match_patterns),
        string_slice(&descriptors.exclude),
        string_slice(&descriptors.examples)
    );
    let _ = writeln!(
        out,
        "        before_you_start: {},",
        string_slice(&guide.before_you_start)
    );
    out.push_str("        steps: &[\n");
    for step in &guide.steps {
        let _ = writeln!(
            out,
            "            Step {{ title: {:?}, text: {:?}, url: {:?} }},",
            step.title,
            step.text,
            step.url.as_deref()
        );
    }
    out.push_str("        ],\n        gotchas: &[\n");
    for gotcha in &guide.gotchas {
        let severity = variant(SEVERITIES, &gotcha.severity, "Missing");
        let _ = writeln!(
            out,
            "            Gotcha {{ id: {:?}, severity: Severity::{severity}, title: {:?}, text: {:?}, step: {:?}, explains_charges: {:?} }},",
            gotcha.id, gotcha.title, gotcha.text, gotcha.step, gotcha.explains_charges
        );
    }
    out.push_str("        ],\n");
    let _ = writeln!(out, "        data: {:?},", guide.data.text);
    let _ = writeln!(out, "        refunds: {:?},", guide.refunds.text);
    out.push_str("        alternatives: &[\n");
    for alternative in &guide.alternatives {
        let _ = writeln!(
            out,
            "            Alternative {{ title: {:?}, text: {:?} }},",
            alternative.title, alternative.text
        );
    }
    out.push_str("        ],\n        faq: &[\n");
    for faq in &guide.faq {
        let _ = writeln!(out, "            Faq {{ q: {:?}, a: {:?} }},", faq.q, faq.a);
    }
    out.push_str("        ],\n");
    let _ = writeln!(out, "        related: {},", string_slice(&guide.related));
    let _ = writeln!(out, "        sources: {},", string_slice(&guide.sources));
    let _ = writeln!(out, "    }},");
}

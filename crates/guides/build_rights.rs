//! Compiles `guides/rights/*.toml` (statutory rights by region, see `guides/rights/README.md`)
//! into plain `static` Rust data for `src/rights.rs`. Included by build.rs as a module.
//!
//! The rights are read natively (the CLI, the tests that write `web/rights-data.js`) and never
//! by the wasm, so plain `&str` tables are fine here: the compact encoding of the guides exists
//! for the wasm's size. A file that is not valid TOML, has an unknown field or an unknown
//! `owner` fails the build naming the file; every other rule is the validation test's.

use serde::Deserialize;
use std::fmt::Write as _;
use std::path::Path;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileRegion {
    #[serde(default)]
    name: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    currencies: Vec<String>,
    #[serde(default)]
    last_reviewed: String,
    #[serde(default)]
    topics: Vec<FileTopic>,
    #[serde(default)]
    sources: Vec<FileSource>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileTopic {
    #[serde(default)]
    id: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    points: Vec<FileClaim>,
    #[serde(default)]
    needs: Vec<FileClaim>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileClaim {
    #[serde(default)]
    text: String,
    #[serde(default)]
    src: Vec<String>,
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
    owner: String,
}

/// Reads every `*.toml` in `dir` (sorted by name) and returns the generated Rust source, or a
/// message naming the file and what is wrong.
pub fn generate(dir: &Path) -> Result<String, String> {
    let mut paths = Vec::new();
    if dir.exists() {
        let entries = std::fs::read_dir(dir)
            .map_err(|error| format!("cannot read {}: {error}", dir.display()))?;
        for entry in entries {
            let path = entry
                .map_err(|error| format!("cannot read {}: {error}", dir.display()))?
                .path();
            if path
                .extension()
                .is_some_and(|extension| extension == "toml")
            {
                paths.push(path);
            }
        }
    }
    paths.sort();
    let mut out = String::from("pub(crate) static REGIONS: &[Region] = &[\n");
    for path in &paths {
        println!("cargo:rerun-if-changed={}", path.display());
        let file = format!(
            "guides/rights/{}",
            path.file_name().and_then(|n| n.to_str()).unwrap_or("?")
        );
        let id = path
            .file_stem()
            .and_then(|stem| stem.to_str())
            .ok_or_else(|| format!("{file}: the file name is not UTF-8"))?;
        let text = std::fs::read_to_string(path).map_err(|error| format!("{file}: {error}"))?;
        let region: FileRegion = toml::from_str(&text).map_err(|error| {
            format!("{file}: not a valid rights file (see guides/rights/README.md): {error}")
        })?;
        write_region(&mut out, &file, id, &region)?;
    }
    out.push_str("];\n");
    Ok(out)
}

fn write_region(out: &mut String, file: &str, id: &str, region: &FileRegion) -> Result<(), String> {
    let _ = writeln!(
        out,
        "Region {{ id: {id:?}, name: {:?}, summary: {:?}, currencies: &{:?}, last_reviewed: {:?}, topics: &[",
        region.name, region.summary, region.currencies, region.last_reviewed
    );
    for topic in &region.topics {
        let _ = write!(
            out,
            "Topic {{ id: {:?}, title: {:?}, points: &[",
            topic.id, topic.title
        );
        for point in &topic.points {
            let _ = write!(
                out,
                "Claim {{ text: {:?}, src: &{:?} }},",
                point.text, point.src
            );
        }
        out.push_str("], needs: &[");
        for need in &topic.needs {
            let _ = write!(
                out,
                "Claim {{ text: {:?}, src: &{:?} }},",
                need.text, need.src
            );
        }
        out.push_str("] },\n");
    }
    out.push_str("], sources: &[\n");
    for (index, source) in region.sources.iter().enumerate() {
        let owner = match source.owner.as_str() {
            "law" => "Law",
            "regulator" => "Regulator",
            "third-party" => "ThirdParty",
            other => {
                return Err(format!(
                    "{file}: field `sources[{index}].owner`: {other:?} is not one of law, regulator, third-party"
                ))
            }
        };
        let _ = writeln!(
            out,
            "Source {{ id: {:?}, url: {:?}, title: {:?}, read: {:?}, owner: Owner::{owner} }},",
            source.id, source.url, source.title, source.read
        );
    }
    out.push_str("] },\n");
    Ok(())
}

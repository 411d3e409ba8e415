//! `web/i18n/codes.json` is generated from the templates: every catalogue key the page needs
//! (each code, `<code>.help`, `term.<value>`) with the names and kinds of its arguments. This
//! test regenerates it and fails when the committed copy differs; `UPDATE_CODES=1 cargo test
//! -p messages --test codes` writes it.

use std::path::Path;

fn generated() -> String {
    let mut out = String::from("{\n");
    let keys = messages::catalogue_keys();
    for (index, (key, args)) in keys.iter().enumerate() {
        let args: Vec<String> = args
            .iter()
            .map(|(name, kind)| format!("\"{name}\": \"{kind}\""))
            .collect();
        out.push_str(&format!("  \"{key}\": {{{}}}", args.join(", ")));
        out.push_str(if index + 1 < keys.len() { ",\n" } else { "\n" });
    }
    out.push_str("}\n");
    out
}

#[test]
fn codes_json_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../web/i18n/codes.json");
    let fresh = generated();
    // It must be valid JSON with one entry per key.
    let parsed: serde_json::Value = serde_json::from_str(&fresh).unwrap();
    assert_eq!(
        parsed.as_object().unwrap().len(),
        messages::catalogue_keys().len()
    );
    if std::env::var_os("UPDATE_CODES").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "web/i18n/codes.json is stale: run `UPDATE_CODES=1 cargo test -p messages --test codes`"
    );
}

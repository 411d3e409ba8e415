//! Runs in headless Chrome through `wasm-pack test --headless --chrome`.

use spendrein_wasm::Workspace;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &key.into()).expect("property exists")
}

#[wasm_bindgen_test]
fn a_small_csv_reads_in_the_browser() {
    let mut workspace = Workspace::new();
    workspace.begin("a.csv".into(), JsValue::UNDEFINED).unwrap();
    workspace
        .push(b"Date,Description,Amount\n2026-05-01,NETFLIX.COM,-15.49\n")
        .unwrap();
    workspace.push(b"2026-06-01,NETFLIX.COM,-15.49\n").unwrap();
    let ended = workspace.end().unwrap();
    assert_eq!(get(&ended, "ok"), JsValue::TRUE);
    let report = workspace.analyse(JsValue::UNDEFINED, "2026-07-01").unwrap();
    let statements = get(&report, "statements");
    let first = js_sys::Reflect::get_u32(&statements, 0).unwrap();
    assert_eq!(get(&first, "n_transactions").as_f64(), Some(2.0));
    assert_eq!(get(&first, "format").as_string().as_deref(), Some("csv"));
}

#[wasm_bindgen_test]
fn misuse_throws_an_error_with_a_code() {
    let mut workspace = Workspace::new();
    let error = workspace.push(b"x").unwrap_err();
    assert_eq!(
        get(&error, "code").as_string().as_deref(),
        Some("no-file-open")
    );
    let error = workspace
        .analyse(JsValue::UNDEFINED, "yesterday")
        .unwrap_err();
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("bad-date"));
}

fn read(workspace: &mut Workspace, name: &str, bytes: &[u8]) -> JsValue {
    workspace.begin(name.into(), JsValue::UNDEFINED).unwrap();
    workspace.push(bytes).unwrap();
    workspace.end().unwrap()
}

fn first_transaction_amount(workspace: &Workspace, recurring_index: u32) -> String {
    let report = workspace.analyse(JsValue::UNDEFINED, "2026-07-01").unwrap();
    let recurring = js_sys::Reflect::get_u32(&get(&report, "recurring"), recurring_index).unwrap();
    get(&get(&recurring, "amount"), "typical")
        .as_string()
        .unwrap()
}

const MONTHLY: &[u8] = b"Date,Description,Amount\n2026-03-01,NETFLIX.COM,-15.49\n2026-04-01,NETFLIX.COM,-15.49\n2026-05-01,NETFLIX.COM,-15.49\n";

#[wasm_bindgen_test]
fn a_reread_with_hints_replaces_the_statement_in_place() {
    let mut workspace = Workspace::new();
    read(&mut workspace, "a.csv", MONTHLY);
    read(
        &mut workspace,
        "b.csv",
        b"Date,Description,Amount\n2026-03-02,SPOTIFY,-9.99\n",
    );
    assert_eq!(first_transaction_amount(&workspace, 0), "-15.49");
    let hints = js_sys::JSON::parse(r#"{"flip_sign":true}"#).unwrap();
    workspace.begin_reread(0, "a.csv".into(), hints).unwrap();
    workspace.push(MONTHLY).unwrap();
    let ended = workspace.end().unwrap();
    assert_eq!(get(&ended, "index").as_f64(), Some(0.0));
    assert_eq!(workspace.len(), 2);
    let report = workspace.analyse(JsValue::UNDEFINED, "2026-07-01").unwrap();
    let first = js_sys::Reflect::get_u32(&get(&report, "statements"), 0).unwrap();
    assert_eq!(get(&first, "file").as_string().as_deref(), Some("a.csv"));
    // Flipped, the Netflix rows are money in: no stream charges -15.49 any more.
    let recurring = js_sys::Array::from(&get(&report, "recurring"));
    for stream in recurring.iter() {
        let typical = get(&get(&stream, "amount"), "typical").as_string();
        assert_ne!(typical.as_deref(), Some("-15.49"));
    }
}

#[wasm_bindgen_test]
fn a_reread_of_a_missing_statement_throws_bad_index() {
    let mut workspace = Workspace::new();
    let error = workspace
        .begin_reread(3, "a.csv".into(), JsValue::UNDEFINED)
        .unwrap_err();
    assert_eq!(
        get(&error, "code").as_string().as_deref(),
        Some("bad-index")
    );
    let hints = js_sys::JSON::parse(r#"{"date_order":"sideways"}"#).unwrap();
    read(&mut workspace, "a.csv", MONTHLY);
    let error = workspace
        .begin_reread(0, "a.csv".into(), hints)
        .unwrap_err();
    assert_eq!(
        get(&error, "code").as_string().as_deref(),
        Some("bad-hints")
    );
}

#[wasm_bindgen_test]
fn guide_search_index_and_categories_cross_as_plain_objects() {
    let ids = js_sys::Array::from(&spendrein_wasm::search_guides("netf").unwrap());
    assert_eq!(ids.get(0).as_string().as_deref(), Some("netflix"));
    let fuzzy = js_sys::Array::from(&spendrein_wasm::search_guides("spotfy").unwrap());
    assert_eq!(fuzzy.get(0).as_string().as_deref(), Some("spotify"));
    let index = js_sys::Array::from(&spendrein_wasm::guide_index().unwrap());
    assert!(index.length() >= 60);
    let first = index.get(0);
    assert!(get(&first, "name").is_string());
    assert!(get(&first, "category").is_string());
    let categories = js_sys::Array::from(&spendrein_wasm::guide_categories().unwrap());
    assert_eq!(
        get(&categories.get(0), "label").as_string().as_deref(),
        Some("AI and developer tools")
    );
}

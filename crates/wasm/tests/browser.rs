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

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

fn json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).expect("test JSON is valid")
}

#[wasm_bindgen_test]
fn every_hint_reaches_the_reader() {
    let mut workspace = Workspace::new();
    let hints = json(
        r#"{"date_order":"mdy","decimal_mark":",","sign_convention":"outflow_positive",
            "flip_sign":false,"encoding":"windows-1252",
            "columns":[[0,"date"],[1,"description"],[2,"amount"],[3,"ignored"]]}"#,
    );
    workspace.begin("hinted.csv".into(), hints).unwrap();
    workspace
        .push(b"When;What;How much;Note\n03/04/2026;NETFLIX;15,49;x\n04/04/2026;CAF\xC9;3,10;y\n")
        .unwrap();
    assert_eq!(get(&workspace.end().unwrap(), "ok"), JsValue::TRUE);
    let report = workspace.analyse(JsValue::NULL, "2026-07-01").unwrap();
    let first = js_sys::Reflect::get_u32(&get(&report, "statements"), 0).unwrap();
    let dialect = get(&first, "dialect");
    let text = |key: &str| get(&dialect, key).as_string();
    assert_eq!(text("date_order").as_deref(), Some("mdy"));
    assert_eq!(text("decimal_mark").as_deref(), Some(","));
    assert_eq!(text("sign_convention").as_deref(), Some("outflow_positive"));
    assert_eq!(text("encoding").as_deref(), Some("windows-1252"));
    let columns = js_sys::Array::from(&get(&dialect, "columns"));
    let roles: Vec<String> = columns
        .iter()
        .map(|column| get(&column, "role").as_string().unwrap())
        .collect();
    assert_eq!(roles, ["date", "description", "amount", "ignored"]);
    // March 4 (month first), and the purchase is money out.
    let period = get(&first, "period");
    assert_eq!(
        get(&period, "from").as_string().as_deref(),
        Some("2026-03-04")
    );
}

#[wasm_bindgen_test]
fn a_mistake_in_the_hints_names_the_field() {
    let cases = [
        (r#""dmy""#, "hints must be an object, got \"dmy\""),
        (
            r#"{"date_order":"sideways"}"#,
            "date_order must be one of ymd, dmy, mdy, got \"sideways\"",
        ),
        (
            r#"{"decimal_mark":";"}"#,
            "decimal_mark must be \".\" or \",\"",
        ),
        (
            r#"{"flip_sign":"yes"}"#,
            "flip_sign must be true or false, got \"yes\"",
        ),
        (
            r#"{"encoding":1252}"#,
            "encoding must be a string, got a number",
        ),
        (
            r#"{"columns":{"0":"date"}}"#,
            "columns must be an array of [index, role] pairs",
        ),
        (
            r#"{"columns":[[0]]}"#,
            "columns[0] must be an [index, role] pair, got an array",
        ),
        (
            r#"{"columns":[[-1,"date"]]}"#,
            "columns[0][0] must be a column index",
        ),
        (
            r#"{"columns":[[0,"date"],[1,"when"]]}"#,
            "columns[1][1] must be one of date, posted_date,",
        ),
    ];
    for (hints, expected) in cases {
        let mut workspace = Workspace::new();
        let error = workspace.begin("a.csv".into(), json(hints)).unwrap_err();
        assert_eq!(
            get(&error, "code").as_string().as_deref(),
            Some("bad-hints"),
            "{hints}"
        );
        let message = get(&error, "message").as_string().unwrap();
        assert!(message.starts_with(expected), "{hints}: {message}");
    }
}

#[wasm_bindgen_test]
fn a_mistake_in_the_cancellations_names_the_record() {
    let mut workspace = Workspace::new();
    read(&mut workspace, "a.csv", MONTHLY);
    let cases = [
        (r#"{"vendor":"netflix"}"#, "cancellations must be an array"),
        (r#"["netflix"]"#, "cancellations[0] must be an object"),
        (
            r#"[{"vendor":"netflix","cancelled_on":"2026-03-01"},{"cancelled_on":"2026-01-01"}]"#,
            "cancellations[1].vendor must be a string",
        ),
        (
            r#"[{"vendor":"netflix","cancelled_on":"2026-02-30"}]"#,
            "cancellations[0].cancelled_on must be a date written YYYY-MM-DD, got \"2026-02-30\"",
        ),
    ];
    for (records, expected) in cases {
        let error = workspace.analyse(json(records), "2026-07-01").unwrap_err();
        assert_eq!(
            get(&error, "code").as_string().as_deref(),
            Some("bad-cancellations")
        );
        let message = get(&error, "message").as_string().unwrap();
        assert!(message.starts_with(expected), "{records}: {message}");
    }
    let report = workspace
        .analyse(
            json(r#"[{"vendor":"netflix","cancelled_on":"2026-04-15"}]"#),
            "2026-07-01",
        )
        .unwrap();
    let verdict = js_sys::Reflect::get_u32(&get(&report, "cancellations"), 0).unwrap();
    assert_eq!(
        get(&verdict, "cancelled_on").as_string().as_deref(),
        Some("2026-04-15")
    );
    assert_eq!(
        get(&verdict, "verdict").as_string().as_deref(),
        Some("still_charging")
    );
}

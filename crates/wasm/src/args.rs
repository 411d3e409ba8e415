//! Reads the page's arguments (hints, cancellation records) from plain JS objects by hand.
//!
//! Hand-read rather than through serde: serde-wasm-bindgen's deserializer and the derived
//! `Deserialize` code for these types cost 17 KB of the gzipped module, which the page's first
//! load pays for. The names are the serde names (`statement`'s `from_name` functions, tested to
//! agree with serde), and every mistake names the field at fault.

use chrono::NaiveDate;
use engine::Cancellation;
use js_sys::{Array, Reflect};
use statement::{ColumnRole, DateOrder, Hints, SignConvention};
use wasm_bindgen::JsValue;

/// A mistake in an argument: the field and what is wrong with it.
pub struct ArgError(pub String);

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

fn describe(value: &JsValue) -> String {
    match value.as_string() {
        Some(text) => format!("{:?}", text.chars().take(40).collect::<String>()),
        None if value.as_bool().is_some() => format!("{}", value.as_bool() == Some(true)),
        None if value.as_f64().is_some() => "a number".to_owned(),
        None if Array::is_array(value) => "an array".to_owned(),
        None if value.is_object() => "an object".to_owned(),
        None => "a value of another type".to_owned(),
    }
}

fn string(value: &JsValue, field: &str) -> Result<String, ArgError> {
    value
        .as_string()
        .ok_or_else(|| ArgError(format!("{field} must be a string, got {}", describe(value))))
}

fn named<T>(
    value: &JsValue,
    field: &str,
    all: &[T],
    as_str: fn(T) -> &'static str,
    from_name: fn(&str) -> Option<T>,
) -> Result<T, ArgError>
where
    T: Copy,
{
    let text = string(value, field)?;
    from_name(&text).ok_or_else(|| {
        let names: Vec<&str> = all.iter().map(|value| as_str(*value)).collect();
        ArgError(format!(
            "{field} must be one of {}, got {}",
            names.join(", "),
            describe(value)
        ))
    })
}

/// `undefined`, `null` or `{ date_order, decimal_mark, sign_convention, flip_sign, encoding,
/// columns: [[index, role], …] }`, every field optional.
pub fn hints(value: &JsValue) -> Result<Hints, ArgError> {
    let mut hints = Hints::default();
    if absent(value) {
        return Ok(hints);
    }
    if !value.is_object() || Array::is_array(value) {
        return Err(ArgError(format!(
            "hints must be an object, got {}",
            describe(value)
        )));
    }
    let field = get(value, "date_order");
    if !absent(&field) {
        hints.date_order = Some(named(
            &field,
            "date_order",
            &DateOrder::ALL,
            DateOrder::as_str,
            DateOrder::from_name,
        )?);
    }
    let field = get(value, "decimal_mark");
    if !absent(&field) {
        let text = string(&field, "decimal_mark")?;
        hints.decimal_mark = match text.as_str() {
            "." => Some('.'),
            "," => Some(','),
            _ => {
                return Err(ArgError(format!(
                    "decimal_mark must be \".\" or \",\", got {}",
                    describe(&field)
                )))
            }
        };
    }
    let field = get(value, "sign_convention");
    if !absent(&field) {
        hints.sign_convention = Some(named(
            &field,
            "sign_convention",
            &SignConvention::ALL,
            SignConvention::as_str,
            SignConvention::from_name,
        )?);
    }
    let field = get(value, "flip_sign");
    if !absent(&field) {
        hints.flip_sign = field.as_bool().ok_or_else(|| {
            ArgError(format!(
                "flip_sign must be true or false, got {}",
                describe(&field)
            ))
        })?;
    }
    let field = get(value, "encoding");
    if !absent(&field) {
        hints.encoding = Some(string(&field, "encoding")?);
    }
    let field = get(value, "columns");
    if !absent(&field) {
        if !Array::is_array(&field) {
            return Err(ArgError(format!(
                "columns must be an array of [index, role] pairs, got {}",
                describe(&field)
            )));
        }
        for (position, pair) in Array::from(&field).iter().enumerate() {
            let at = format!("columns[{position}]");
            let pair = Array::is_array(&pair)
                .then(|| Array::from(&pair))
                .filter(|pair| pair.length() == 2)
                .ok_or_else(|| {
                    ArgError(format!(
                        "{at} must be an [index, role] pair, got {}",
                        describe(&pair)
                    ))
                })?;
            let index = pair
                .get(0)
                .as_f64()
                .filter(|index| index.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(index))
                .ok_or_else(|| {
                    ArgError(format!(
                        "{at}[0] must be a column index (0, 1, …), got {}",
                        describe(&pair.get(0))
                    ))
                })?;
            let role = named(
                &pair.get(1),
                &format!("{at}[1]"),
                &ColumnRole::ALL,
                ColumnRole::as_str,
                ColumnRole::from_name,
            )?;
            hints.columns.push((index as u32, role));
        }
    }
    Ok(hints)
}

/// `undefined`, `null` or `[{ vendor, cancelled_on: "YYYY-MM-DD" }, …]`.
pub fn cancellations(value: &JsValue) -> Result<Vec<Cancellation>, ArgError> {
    if absent(value) {
        return Ok(Vec::new());
    }
    if !Array::is_array(value) {
        return Err(ArgError(format!(
            "cancellations must be an array of {{ vendor, cancelled_on }}, got {}",
            describe(value)
        )));
    }
    Array::from(value)
        .iter()
        .enumerate()
        .map(|(position, record)| {
            if !record.is_object() {
                return Err(ArgError(format!(
                    "cancellations[{position}] must be an object {{ vendor, cancelled_on }}, got {}",
                    describe(&record)
                )));
            }
            let vendor = string(&get(&record, "vendor"), &format!("cancellations[{position}].vendor"))?;
            let field = format!("cancellations[{position}].cancelled_on");
            let text = string(&get(&record, "cancelled_on"), &field)?;
            let cancelled_on: NaiveDate = statement::date::parse_iso(&text).ok_or_else(|| {
                ArgError(format!("{field} must be a date written YYYY-MM-DD, got {text:?}"))
            })?;
            Ok(Cancellation {
                vendor,
                cancelled_on,
            })
        })
        .collect()
}

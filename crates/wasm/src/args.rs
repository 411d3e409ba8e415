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

fn absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// The field `key` of `object`, or `None` when it is missing, `undefined` or `null`.
fn optional(object: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(object, &JsValue::from_str(key))
        .ok()
        .filter(|value| !absent(value))
}

fn describe(value: &JsValue) -> String {
    if let Some(text) = value.as_string() {
        format!("{:?}", text.chars().take(40).collect::<String>())
    } else if let Some(flag) = value.as_bool() {
        flag.to_string()
    } else if value.as_f64().is_some() {
        "a number".to_owned()
    } else if Array::is_array(value) {
        "an array".to_owned()
    } else if value.is_object() {
        "an object".to_owned()
    } else {
        "a value of another type".to_owned()
    }
}

fn string(value: &JsValue, field: &str) -> Result<String, ArgError> {
    value
        .as_string()
        .ok_or_else(|| ArgError(format!("{field} must be a string, got {}", describe(value))))
}

/// The enums a hint names by their serde name.
trait Named: Copy + 'static {
    const ALL: &'static [Self];
    fn as_str(self) -> &'static str;
    fn from_name(name: &str) -> Option<Self>;
}

macro_rules! named {
    ($($kind:ty),*) => {$(
        impl Named for $kind {
            const ALL: &'static [Self] = &<$kind>::ALL;
            fn as_str(self) -> &'static str {
                <$kind>::as_str(self)
            }
            fn from_name(name: &str) -> Option<Self> {
                <$kind>::from_name(name)
            }
        }
    )*};
}
named!(DateOrder, SignConvention, ColumnRole);

fn named<T: Named>(value: &JsValue, field: &str) -> Result<T, ArgError> {
    let text = string(value, field)?;
    T::from_name(&text).ok_or_else(|| {
        let names: Vec<&str> = T::ALL.iter().map(|value| value.as_str()).collect();
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
    if let Some(field) = optional(value, "date_order") {
        hints.date_order = Some(named(&field, "date_order")?);
    }
    if let Some(field) = optional(value, "decimal_mark") {
        hints.decimal_mark = match string(&field, "decimal_mark")?.as_str() {
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
    if let Some(field) = optional(value, "sign_convention") {
        hints.sign_convention = Some(named(&field, "sign_convention")?);
    }
    if let Some(field) = optional(value, "flip_sign") {
        hints.flip_sign = field.as_bool().ok_or_else(|| {
            ArgError(format!(
                "flip_sign must be true or false, got {}",
                describe(&field)
            ))
        })?;
    }
    if let Some(field) = optional(value, "encoding") {
        hints.encoding = Some(string(&field, "encoding")?);
    }
    // Set by the office module's text tables only; any truthy value.
    hints.rows_are_transactions =
        optional(value, "rows_are_transactions").is_some_and(|v| v.is_truthy());
    if let Some(field) = optional(value, "columns") {
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
            let role = named(&pair.get(1), &format!("{at}[1]"))?;
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
            let field_of = |key: &str| optional(&record, key).unwrap_or(JsValue::UNDEFINED);
            let vendor = string(&field_of("vendor"), &format!("cancellations[{position}].vendor"))?;
            let field = format!("cancellations[{position}].cancelled_on");
            let text = string(&field_of("cancelled_on"), &field)?;
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

//! Person-facing messages as data. Every sentence the readers and the engine write for the
//! person has a stable `code` and typed arguments ([`Args`]); its English text is *rendered*
//! from the code's template ([`templates`]), so the text and the arguments cannot drift, and
//! the page can render the same code and arguments in another language.
//!
//! A template is plain text with placeholders `{name:kind}`, where `kind` is one of the
//! [`Arg`] kinds (`date`, `money`, `count`, `line`, `text`, `term`, `message`). A count may choose the
//! English form: `{rows:count|# row|# rows}` (`#` is the number; the first form is for 1); a
//! text may be empty: `{header:text|| (#)}` (the first form when empty, else the second with
//! `#` the text); `{amount:money|signed}` writes the signed number without the currency.
//! One code is one sentence template (and at most one help template).
//!
//! No I/O, no clock; rendering never panics (a missing argument renders as `{name}`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

mod english;

/// Every code's template, in the order of the English file.
pub fn templates() -> impl Iterator<Item = Template> {
    english::TEMPLATE_TEXT.lines().map(|line| {
        let mut parts = line.split('\t');
        let code = parts.next().unwrap_or("");
        let text = parts.next().unwrap_or("");
        let help = parts.next().filter(|help| !help.is_empty());
        Template { code, text, help }
    })
}

/// Every term with its English.
pub fn terms() -> impl Iterator<Item = (&'static str, &'static str)> {
    english::TERM_TEXT
        .lines()
        .map(|line| line.split_once('\t').unwrap_or((line, line)))
}

/// One typed argument of a message. Serialized as an object with exactly one key, the kind:
/// `{"date": "2026-04-01"}`, `{"count": 3}`, `{"term": "monthly"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Arg {
    /// A calendar day (ISO `YYYY-MM-DD` in JSON).
    Date(NaiveDate),
    /// An amount of money.
    Money(Money),
    /// A number of things; drives plurals.
    Count(u64),
    /// A 1-based line of the file.
    Line(u32),
    /// Text from the file (a header, a descriptor, a cell) or a name: shown as is, never
    /// translated.
    Text(String),
    /// A value of a closed set ([`terms`]); the page translates `term.<value>`.
    Term(Cow<'static, str>),
    /// Another message (a reader's reason inside a diagnostic): rendered in its own words,
    /// `{"message": {"code": …, "args": {…}}}` in JSON.
    Message(Box<Message>),
}

impl Arg {
    /// The kind's name, as templates and `codes.json` write it.
    pub fn kind(&self) -> &'static str {
        match self {
            Arg::Date(_) => "date",
            Arg::Money(_) => "money",
            Arg::Count(_) => "count",
            Arg::Line(_) => "line",
            Arg::Text(_) => "text",
            Arg::Term(_) => "term",
            Arg::Message(_) => "message",
        }
    }
}

/// Money as the report carries it: integer minor units, the number of decimals they carry,
/// and the ISO 4217 currency when known. Negative is money out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    /// The value in minor units.
    pub minor: i64,
    /// How many decimal digits `minor` carries.
    pub scale: u8,
    /// ISO 4217 code, or `None` when the statement does not say.
    pub currency: Option<String>,
}

/// The named arguments of one message, in the order they were given.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Args(Vec<(Cow<'static, str>, Arg)>);

impl Args {
    /// No arguments.
    pub const fn new() -> Self {
        Args(Vec::new())
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The argument with this name.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, arg)| arg)
    }

    /// Every argument with its name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Arg)> {
        self.0.iter().map(|(name, arg)| (name.as_ref(), arg))
    }

    /// These arguments and one more.
    #[inline(never)]
    pub fn with(mut self, name: &'static str, arg: Arg) -> Self {
        self.0.push((Cow::Borrowed(name), arg));
        self
    }

    /// Adds a line number.
    #[inline(never)]
    pub fn line(self, name: &'static str, line: u32) -> Self {
        self.with(name, Arg::Line(line))
    }

    /// Adds a count.
    pub fn count(self, name: &'static str, count: impl TryInto<u64>) -> Self {
        self.count_u64(name, count.try_into().unwrap_or(u64::MAX))
    }

    #[inline(never)]
    fn count_u64(self, name: &'static str, count: u64) -> Self {
        self.with(name, Arg::Count(count))
    }

    /// Adds verbatim text.
    pub fn text(self, name: &'static str, text: impl Into<String>) -> Self {
        self.with(name, Arg::Text(text.into()))
    }

    /// Adds verbatim text, copied.
    #[inline(never)]
    pub fn text_str(self, name: &'static str, text: &str) -> Self {
        self.with(name, Arg::Text(text.to_owned()))
    }

    /// Adds a term (a value of a closed set listed by [`terms`]).
    #[inline(never)]
    pub fn term(self, name: &'static str, term: &'static str) -> Self {
        self.with(name, Arg::Term(Cow::Borrowed(term)))
    }

    /// Adds a day.
    #[inline(never)]
    pub fn date(self, name: &'static str, date: NaiveDate) -> Self {
        self.with(name, Arg::Date(date))
    }

    /// Adds another message.
    #[inline(never)]
    pub fn message(self, name: &'static str, message: Message) -> Self {
        self.with(name, Arg::Message(Box::new(message)))
    }

    /// Adds an amount of money.
    #[inline(never)]
    pub fn money(self, name: &'static str, minor: i64, scale: u8, currency: Option<&str>) -> Self {
        self.with(
            name,
            Arg::Money(Money {
                minor,
                scale,
                currency: currency.map(str::to_owned),
            }),
        )
    }
}

impl Serialize for Args {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(name, arg)| (name.as_ref(), arg)))
    }
}

impl<'de> Deserialize<'de> for Args {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let map = std::collections::BTreeMap::<String, Arg>::deserialize(deserializer)?;
        Ok(Args(
            map.into_iter()
                .map(|(name, arg)| (Cow::Owned(name), arg))
                .collect(),
        ))
    }
}

/// A code with its arguments: what the page renders in the person's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// A code of [`templates`].
    pub code: Cow<'static, str>,
    /// Its arguments.
    #[serde(default)]
    pub args: Args,
}

impl Message {
    /// The message with this code and these arguments.
    pub fn new(code: &'static str, args: Args) -> Self {
        Message {
            code: Cow::Borrowed(code),
            args,
        }
    }

    /// Its English sentence.
    pub fn english(&self) -> String {
        text(&self.code, &self.args)
    }
}

/// The English of one code: its sentence and, when there is something to do, its help.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Template {
    /// The stable kebab-case code.
    pub code: &'static str,
    /// The sentence.
    pub text: &'static str,
    /// How to fix it, when the person can do something.
    pub help: Option<&'static str>,
}

/// The template of a code.
pub fn template(code: &str) -> Option<Template> {
    templates().find(|template| template.code == code)
}

/// The English sentence of a code with these arguments (the code itself for an unknown code,
/// which a test rules out).
pub fn text(code: &str, args: &Args) -> String {
    match template(code) {
        Some(template) => render(template.text, args),
        None => code.to_owned(),
    }
}

/// The English help of a code with these arguments, when it has one.
pub fn help(code: &str, args: &Args) -> Option<String> {
    template(code)?.help.map(|help| render(help, args))
}

/// The English of a term.
pub fn term_english(term: &str) -> &str {
    terms()
        .find(|(id, _)| *id == term)
        .map_or(term, |(_, english)| english)
}

/// A placeholder of a template: `{name:kind}` or `{name:count|one|other}`.
struct Placeholder<'t> {
    name: &'t str,
    kind: &'t str,
    forms: Option<(&'t str, &'t str)>,
    style: &'t str,
}

/// Splits a template into literal text and placeholders, calling `literal` and `placeholder`
/// in order.
fn walk<'t>(
    template: &'t str,
    mut literal: impl FnMut(&'t str),
    mut placeholder: impl FnMut(Placeholder<'t>),
) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        literal(&rest[..open]);
        let inner = &rest[open + 1..open + close];
        let (spec, style) = inner.split_once('|').unwrap_or((inner, ""));
        let forms = style.split_once('|');
        let (name, kind) = spec.split_once(':').unwrap_or((spec, "text"));
        placeholder(Placeholder {
            name,
            kind,
            forms,
            style,
        });
        rest = &rest[open + close + 1..];
    }
    literal(rest);
}

/// Renders a template in English.
pub fn render(template: &str, args: &Args) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut pieces: Vec<Placeholder<'_>> = Vec::new();
    let mut literals: Vec<&str> = Vec::new();
    walk(template, |l| literals.push(l), |p| pieces.push(p));
    for (index, literal) in literals.iter().enumerate() {
        out.push_str(literal);
        if let Some(placeholder) = pieces.get(index) {
            push_arg(&mut out, placeholder, args.get(placeholder.name));
        }
    }
    out
}

fn push_arg(out: &mut String, placeholder: &Placeholder<'_>, arg: Option<&Arg>) {
    use std::fmt::Write;
    match arg {
        None => {
            out.push('{');
            out.push_str(placeholder.name);
            out.push('}');
        }
        Some(Arg::Count(n)) => match placeholder.forms {
            Some((one, other)) => {
                let form = if *n == 1 { one } else { other };
                let mut parts = form.split('#');
                out.push_str(parts.next().unwrap_or(""));
                for part in parts {
                    let _ = write!(out, "{n}");
                    out.push_str(part);
                }
            }
            None => {
                let _ = write!(out, "{n}");
            }
        },
        Some(Arg::Line(n)) => {
            let _ = write!(out, "{n}");
        }
        Some(Arg::Date(date)) => {
            let _ = write!(out, "{date}");
        }
        Some(Arg::Text(text)) => match placeholder.forms {
            Some((empty, _)) if text.is_empty() => out.push_str(empty),
            Some((_, set)) => out.push_str(&set.replace('#', text)),
            None => out.push_str(text),
        },
        Some(Arg::Term(term)) => out.push_str(term_english(term)),
        Some(Arg::Message(message)) => out.push_str(&text(&message.code, &message.args)),
        Some(Arg::Money(money)) if placeholder.style == "signed" => {
            if money.minor < 0 {
                out.push('-');
            }
            push_magnitude(
                out,
                &Money {
                    currency: None,
                    ..money.clone()
                },
            );
        }
        Some(Arg::Money(money)) => push_magnitude(out, money),
    }
}

/// `15.49 EUR` (the magnitude: English sentences say "charged you", not "-15.49").
fn push_magnitude(out: &mut String, money: &Money) {
    use std::fmt::Write;
    let abs = money.minor.unsigned_abs();
    if money.scale == 0 {
        let _ = write!(out, "{abs}");
    } else {
        let factor = 10u64.saturating_pow(u32::from(money.scale));
        let _ = write!(
            out,
            "{}.{:0width$}",
            abs / factor,
            abs % factor,
            width = usize::from(money.scale)
        );
    }
    if let Some(currency) = &money.currency {
        out.push(' ');
        out.push_str(currency);
    }
}

/// Every catalogue key with the names and kinds of its arguments, sorted by key: each code,
/// `<code>.help` where the code has help, and `term.<value>` for every term. This is what
/// `web/i18n/codes.json` holds.
pub fn catalogue_keys() -> Vec<(String, Vec<(&'static str, &'static str)>)> {
    let mut keys = Vec::new();
    for template in templates() {
        keys.push((template.code.to_owned(), placeholders(template.text)));
        if let Some(help) = template.help {
            keys.push((format!("{}.help", template.code), placeholders(help)));
        }
    }
    for (term, _) in terms() {
        keys.push((format!("term.{term}"), Vec::new()));
    }
    keys.sort();
    keys
}

/// The distinct placeholders of a template with their kinds, sorted by name.
pub fn placeholders(template: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut out: Vec<(&'static str, &'static str)> = Vec::new();
    walk(
        template,
        |_| {},
        |p| {
            if !out.iter().any(|(name, _)| *name == p.name) {
                out.push((p.name, p.kind));
            }
        },
    );
    out.sort();
    out
}

/// Checks a message's arguments against its code's templates: the same names, each of the
/// declared kind, each term known. Returns what is wrong.
pub fn check(code: &str, args: &Args) -> Result<(), String> {
    let template = template(code).ok_or_else(|| format!("unknown code `{code}`"))?;
    let mut wanted = placeholders(template.text);
    if let Some(help) = template.help {
        for placeholder in placeholders(help) {
            if let Some((_, kind)) = wanted.iter().find(|(name, _)| *name == placeholder.0) {
                if *kind != placeholder.1 {
                    return Err(format!(
                        "`{code}`: `{}` is {kind} in the text, {} in the help",
                        placeholder.0, placeholder.1
                    ));
                }
            } else {
                wanted.push(placeholder);
            }
        }
    }
    for (name, arg) in args.iter() {
        match wanted.iter().find(|(n, _)| *n == name) {
            None => return Err(format!("`{code}` has an argument `{name}` it does not use")),
            Some((_, kind)) if *kind != arg.kind() => {
                return Err(format!(
                    "`{code}`: `{name}` should be {kind}, is {}",
                    arg.kind()
                ))
            }
            _ => {}
        }
        if let Arg::Term(term) = arg {
            if !terms().any(|(id, _)| id == term) {
                return Err(format!("`{code}`: `{name}` has the unknown term `{term}`"));
            }
        }
        if let Arg::Message(inner) = arg {
            check(&inner.code, &inner.args)
                .map_err(|error| format!("`{code}`: `{name}`: {error}"))?;
        }
    }
    for (name, _) in &wanted {
        if args.get(name).is_none() {
            return Err(format!("`{code}` lacks its argument `{name}`"));
        }
    }
    Ok(())
}

/// Checks a message as a report carries it: [`check`] on the code and arguments, and that its
/// English text (and help, when given) is the code's template rendered with those arguments.
pub fn check_rendered(
    code: &str,
    args: &Args,
    message: &str,
    help: Option<&str>,
) -> Result<(), String> {
    check(code, args)?;
    let template = template(code).ok_or_else(|| format!("unknown code `{code}`"))?;
    let expected = render(template.text, args);
    if message != expected {
        return Err(format!(
            "`{code}`: the text {message:?} is not the template's {expected:?}"
        ));
    }
    let expected_help = template.help.map(|help| render(help, args));
    if help.is_some() && help.map(str::to_owned) != expected_help {
        return Err(format!(
            "`{code}`: the help {help:?} is not {expected_help:?}"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_each_kind_and_plural_forms() {
        let args = Args::new()
            .line("line", 12)
            .count("rows", 1)
            .count("bytes", 3)
            .text("name", "Betrag")
            .term("order", "dmy")
            .money("amount", -1549, 2, Some("EUR"))
            .date("on", NaiveDate::from_ymd_opt(2026, 4, 1).unwrap());
        assert_eq!(
            render(
                "line {line:line}: {rows:count|# row|# rows}, {bytes:count|# byte|# bytes} in {name:text} read {order:term}, {amount:money} on {on:date}",
                &args
            ),
            "line 12: 1 row, 3 bytes in Betrag read day first (D/M/Y), 15.49 EUR on 2026-04-01"
        );
        assert_eq!(
            render("no {missing:count} here", &args),
            "no {missing} here"
        );
        assert_eq!(
            render("{amount:money}", &Args::new().money("amount", 5, 3, None)),
            "0.005"
        );
    }

    #[test]
    fn every_template_is_well_formed() {
        let mut codes: Vec<&str> = templates().map(|t| t.code).collect();
        codes.sort_unstable();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n, "a code is listed twice");
        const KINDS: [&str; 7] = ["date", "money", "count", "line", "text", "term", "message"];
        for template in templates() {
            assert!(
                template
                    .code
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{}",
                template.code
            );
            for text in [Some(template.text), template.help].into_iter().flatten() {
                assert_eq!(
                    text.matches('{').count(),
                    text.matches('}').count(),
                    "{}: unbalanced braces",
                    template.code
                );
                walk(
                    text,
                    |_| {},
                    |p| {
                        assert!(
                            KINDS.contains(&p.kind),
                            "{}: kind {}",
                            template.code,
                            p.kind
                        );
                        assert!(
                            p.forms.is_none() || p.kind == "count" || p.kind == "text",
                            "{}: forms on a {}",
                            template.code,
                            p.kind
                        );
                        assert!(
                            p.style.is_empty() || p.forms.is_some() || p.style == "signed",
                            "{}: style {}",
                            template.code,
                            p.style
                        );
                    },
                );
            }
        }
    }

    #[test]
    fn args_serialize_as_the_seam_shape() {
        let args = Args::new()
            .money("amount", -1549, 2, Some("EUR"))
            .count("charges", 3)
            .term("cadence", "monthly");
        let json = serde_json::to_value(&args).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "amount": {"money": {"minor": -1549, "scale": 2, "currency": "EUR"}},
                "charges": {"count": 3},
                "cadence": {"term": "monthly"},
            })
        );
        let back: Args = serde_json::from_value(json).unwrap();
        assert_eq!(back.get("charges"), Some(&Arg::Count(3)));
    }

    #[test]
    fn a_message_arg_renders_in_its_own_words_and_is_checked() {
        let reason = Message::new("reason-balance", Args::new().count("count", 3));
        let args = Args::new().message("reason", reason.clone());
        assert_eq!(
            text("sign-inferred", &args),
            "read money out as negative amounts in the file: balance arithmetic: 3 running balances add up"
        );
        assert_eq!(check("sign-inferred", &args), Ok(()));
        let json = serde_json::to_value(&args).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"reason": {"message": {"code": "reason-balance", "args": {"count": {"count": 3}}}}})
        );
        let bad = Args::new().message("reason", Message::new("reason-balance", Args::new()));
        assert!(check("sign-inferred", &bad).is_err());
        assert!(check("sign-inferred", &Args::new().text("reason", "free text")).is_err());
    }

    #[test]
    fn check_finds_wrong_missing_and_extra_args() {
        let code = templates()
            .find(|t| placeholders(t.text).iter().any(|(_, kind)| *kind == "line"))
            .unwrap()
            .code;
        assert!(check(code, &Args::new()).is_err());
        assert!(check("no-such-code", &Args::new()).is_err());
    }
}

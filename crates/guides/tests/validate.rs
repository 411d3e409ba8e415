//! Every compiled-in guide against the rules of `guides/README.md`. Fails naming the file and
//! the field; prints warnings (reviews older than 90 days) without failing.
//!
//! The date `last_reviewed` is judged against is `SPENDREIN_TODAY` (YYYY-MM-DD) when set, else
//! today's date from the clock (the library itself never reads a clock).

use chrono::NaiveDate;
use guides::validate::{coverage, guesses, is_https_url, is_source_url, validate, Level};
use std::time::{SystemTime, UNIX_EPOCH};

fn today() -> NaiveDate {
    if let Ok(text) = std::env::var("SPENDREIN_TODAY") {
        return NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .unwrap_or_else(|error| panic!("SPENDREIN_TODAY={text:?} is not YYYY-MM-DD: {error}"));
    }
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs())
        .unwrap_or(0);
    let days = i64::try_from(seconds / 86_400).unwrap_or(0);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_signed(chrono::TimeDelta::days(days)))
        .unwrap_or_default()
}

/// Every guide is in the sourced form: `[[sources]]` tables, cited by `src` on every claim.
/// The legacy form (`sources` a list of URLs) was kept only while issue 16 migrated the files;
/// a guide written in it now fails here, naming the file.
#[test]
fn no_guide_is_in_the_legacy_form() {
    let legacy: Vec<String> = guides::all()
        .iter()
        .filter(|guide| guide.legacy)
        .map(|guide| format!("{}: field `sources`: is the legacy list of urls; write [[sources]] tables and cite them in `src` on every claim (see guides/README.md)", guide.file()))
        .collect();
    assert!(
        legacy.is_empty(),
        "guides in the legacy form:\n{}",
        legacy.join("\n")
    );
}

/// Issue 16's figures: per converted guide, how many claims rest on the vendor's own pages,
/// and every descriptor pattern graded `guess`. Printed (run with `--nocapture`); the rules
/// behind them fail in `every_guide_is_valid`.
#[test]
fn claim_sources_and_descriptor_guesses_are_reported() {
    println!("guide | claims | vendor-backed | third-party only | unsourced | vendor share");
    let (mut claims, mut vendor) = (0, 0);
    for guide in guides::all().iter().filter(|guide| !guide.legacy) {
        let counts = coverage(guide);
        claims += counts.claims;
        vendor += counts.vendor_backed;
        println!(
            "{} | {} | {} | {} | {} | {:.0}%",
            guide.id,
            counts.claims,
            counts.vendor_backed,
            counts.third_party_only,
            counts.unsourced,
            percent(counts.vendor_backed, counts.claims)
        );
        assert_eq!(
            counts.claims,
            counts.vendor_backed + counts.third_party_only + counts.unsourced
        );
    }
    println!(
        "all converted guides: {vendor} of {claims} claims vendor-backed ({:.0}%)",
        percent(vendor, claims)
    );
    let guessed = guesses(guides::all());
    for (id, pattern) in &guessed {
        println!("guess: guides/{id}.toml: {pattern:?}");
    }
    let ungraded: usize = guides::all()
        .iter()
        .filter(|guide| guide.legacy)
        .map(|guide| guide.descriptors.match_patterns.len())
        .sum();
    println!(
        "{} descriptor patterns graded guess; {ungraded} patterns of legacy guides not graded yet",
        guessed.len()
    );
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    100.0 * part as f64 / whole as f64
}

#[test]
fn every_guide_is_valid() {
    let today = today();
    let problems = validate(guides::all(), guides::ENGINE_GOTCHAS, today);
    for problem in &problems {
        println!("{problem}");
    }
    let errors: Vec<String> = problems
        .iter()
        .filter(|problem| problem.level == Level::Error)
        .map(ToString::to_string)
        .collect();
    println!(
        "{} guides checked against {today}: {} errors, {} warnings",
        guides::all().len(),
        errors.len(),
        problems.len() - errors.len()
    );
    assert!(
        errors.is_empty(),
        "{} guide problems:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

#[test]
fn every_step_url_is_https_and_every_source_is_an_http_or_https_address() {
    let mut bad = Vec::new();
    for guide in guides::all() {
        for (index, step) in guide.steps.iter().enumerate() {
            if let Some(url) = step.url {
                if !is_https_url(url) {
                    bad.push(format!(
                        "{}: field `steps[{index}].url`: {url:?}",
                        guide.file()
                    ));
                }
            }
        }
        for (index, source) in guide.sources.iter().enumerate() {
            if !is_source_url(source.url) {
                bad.push(format!(
                    "{}: field `sources[{index}]`: {:?}",
                    guide.file(),
                    source.url
                ));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "step urls that are not https, or source urls that are not http(s), with a host:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_engine_gotchas_exist_and_explain_charges() {
    for (guide_id, gotcha_id) in guides::ENGINE_GOTCHAS {
        let guide = guides::get(guide_id).unwrap_or_else(|| {
            panic!("guides/{guide_id}.toml: the engine cites it but it does not exist")
        });
        let gotcha = guide.gotcha(gotcha_id).unwrap_or_else(|| {
            panic!("{}: field `gotchas`: no gotcha {gotcha_id:?}", guide.file())
        });
        assert!(gotcha.explains_charges, "{}: gotcha {gotcha_id:?}: the engine cites it as a cause of charges, so explains_charges must be true", guide.file());
    }
}

/// The model guide: the points issue 5 requires, checked so an edit cannot silently drop one.
#[test]
fn the_openai_api_guide_covers_the_required_points() {
    let guide = guides::get("openai-api").expect("guides/openai-api.toml exists");
    assert_eq!(guide.billing, guides::Billing::Usage);
    let all_text: String = guide
        .steps
        .iter()
        .flat_map(|step| [step.title, step.text])
        .chain(
            guide
                .gotchas
                .iter()
                .flat_map(|gotcha| [gotcha.title, gotcha.text]),
        )
        .chain(
            guide
                .alternatives
                .iter()
                .flat_map(|alternative| [alternative.title, alternative.text]),
        )
        .chain([guide.data, guide.refunds])
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    for needle in [
        "monthly budget",
        "legacy",
        "user api keys",
        "members",
        "third-party",
        "payment method",
        "past due",
        "final invoice",
        "chatgpt",
        "billing history",
        "not refunded",
        "project budget",
    ] {
        assert!(
            all_text.contains(needle),
            "guides/openai-api.toml: no mention of {needle:?}"
        );
    }
    let urls: Vec<&str> = guide.steps.iter().filter_map(|step| step.url).collect();
    for page in [
        "/settings/organization/limits",
        "/settings/profile/api-keys",
        "/settings/organization/members",
        "/billing/payment-methods",
    ] {
        assert!(
            urls.iter().any(|url| url.ends_with(page)),
            "guides/openai-api.toml: no step links to {page}"
        );
    }
}

#[test]
fn openai_api_and_chatgpt_descriptors_are_told_apart() {
    let api = guides::match_descriptor("OPENAI *API").expect("matches");
    assert_eq!(api.guide.id, "openai-api");
    let openai =
        guides::match_descriptor("RECURRING PAYMENT AUTHORIZED ON 11/03 OPENAI OPENAI.COM CA")
            .expect("matches");
    assert_eq!(openai.guide.id, "openai-api");
    // Whoever owns the ChatGPT forms, it is never the API guide.
    for chatgpt in [
        "OPENAI *CHATGPT SUBSCR",
        "OpenAI *ChatGPT Subscr",
        "CHATGPT SUBSCRIPTION",
    ] {
        assert_ne!(
            guides::match_descriptor(chatgpt).map(|found| found.guide.id),
            Some("openai-api"),
            "{chatgpt}"
        );
    }
}

//! `spendrein guides [QUERY]` and `spendrein guide ID`.

use guides::{Billing, Cadence, Category, Guide, Severity};
use std::fmt::Write as _;

/// Text is wrapped to this many columns, so a guide reads well in an ordinary terminal.
const WIDTH: usize = 88;

/// Lists every guide grouped by category, or the guides matching a query, best first.
pub fn list(args: &[String]) -> Result<(), String> {
    print!("{}", render_list(&args.join(" ")));
    Ok(())
}

/// Prints one guide with all its sections.
pub fn show(args: &[String]) -> Result<(), String> {
    let id = args.first().ok_or("usage: spendrein guide ID")?;
    match guides::get(id) {
        Some(guide) => {
            print!("{}", render_guide(guide));
            Ok(())
        }
        None => {
            let suggestions: Vec<&str> = guides::search(id)
                .iter()
                .take(5)
                .map(|guide| guide.id)
                .collect();
            if suggestions.is_empty() {
                Err(format!("no guide with id {id:?}; see `spendrein guides`"))
            } else {
                Err(format!(
                    "no guide with id {id:?}; did you mean {}?",
                    suggestions.join(", ")
                ))
            }
        }
    }
}

fn render_list(query: &str) -> String {
    let mut out = String::new();
    if query.trim().is_empty() {
        for category in Category::ALL {
            let in_category = guides::by_category(*category);
            if in_category.is_empty() {
                continue;
            }
            let _ = writeln!(out, "{} ({})", category.label(), in_category.len());
            for guide in in_category {
                let _ = writeln!(out, "  {:<26} {}", guide.id, guide.name);
            }
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "{} guides. Show one with `spendrein guide ID`.",
            guides::all().len()
        );
    } else {
        let found = guides::search(query);
        if found.is_empty() {
            let _ = writeln!(
                out,
                "no guide matches {query:?}; list them all with `spendrein guides`"
            );
        }
        for guide in found {
            let _ = writeln!(
                out,
                "{:<26} {:<32} {}",
                guide.id,
                guide.name,
                guide.category.label()
            );
        }
    }
    out
}

fn billing_label(billing: Billing) -> &'static str {
    match billing {
        Billing::Prepaid => "prepaid for each period",
        Billing::Usage => "billed for usage, in arrears",
        Billing::PrepaidCredits => "prepaid credits",
    }
}

fn cadence_label(cadence: Cadence) -> &'static str {
    match cadence {
        Cadence::Weekly => "weekly",
        Cadence::Biweekly => "every two weeks",
        Cadence::Monthly => "monthly",
        Cadence::Quarterly => "quarterly",
        Cadence::Semiannual => "every six months",
        Cadence::Annual => "annual",
    }
}

/// Appends `text` wrapped to `WIDTH`, the first line after `first_prefix` and the rest
/// indented to the same column.
fn wrap(out: &mut String, first_prefix: &str, text: &str) {
    let indent = " ".repeat(first_prefix.chars().count());
    let mut line = first_prefix.to_owned();
    let mut line_has_words = false;
    for word in text.split_whitespace() {
        if line_has_words && line.chars().count() + 1 + word.chars().count() > WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = indent.clone();
            line_has_words = false;
        }
        if line_has_words {
            line.push(' ');
        }
        line.push_str(word);
        line_has_words = true;
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// The sources one claim cites, by id (the Sources list at the end gives each one's page),
/// and the mark for a claim that rests only on third parties' pages. Nothing for legacy guides.
fn cited(out: &mut String, indent: &str, guide: &guides::Guide, src: &[&str]) {
    if src.is_empty() {
        return;
    }
    let ids: Vec<String> = src.iter().map(|id| format!("[{id}]")).collect();
    let mut line = format!("Sources: {}", ids.join(" "));
    if guide.third_party_only(src) {
        line.push_str(" (not confirmed on the vendor's own help pages)");
    }
    wrap(out, indent, &line);
}

fn heading(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n{title}\n{}", "-".repeat(title.chars().count()));
}

fn render_guide(guide: &Guide) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}\n{}",
        guide.name,
        "=".repeat(guide.name.chars().count())
    );
    if !guide.aliases.is_empty() {
        wrap(&mut out, "Also known as: ", &guide.aliases.join(", "));
    }
    let _ = writeln!(
        out,
        "Category: {}   Guide id: {}   Last reviewed: {}",
        guide.category.label(),
        guide.id,
        guide.last_reviewed
    );
    out.push('\n');
    wrap(&mut out, "", guide.summary);

    heading(&mut out, "Billing");
    let cadences: Vec<&str> = guide
        .cadences
        .iter()
        .map(|cadence| cadence_label(*cadence))
        .collect();
    let channels: Vec<&str> = guide
        .billed_via
        .iter()
        .map(|channel| channel.label())
        .collect();
    let _ = writeln!(
        out,
        "How: {} ({})",
        billing_label(guide.billing),
        cadences.join(", ")
    );
    let _ = writeln!(out, "Billed via: {}", channels.join(", "));
    if let Some(store) = guide.store() {
        wrap(&mut out, "", &format!("This is a store: apps billed through {} show its name on your statement, not their own.", store.label()));
    }
    let descriptors = &guide.descriptors;
    if !descriptors.examples.is_empty() {
        wrap(
            &mut out,
            "On statements: ",
            &descriptors.examples.join(" | "),
        );
    }
    if !descriptors.match_patterns.is_empty() {
        wrap(
            &mut out,
            "Matched by: ",
            &descriptors.match_patterns.join(" | "),
        );
    }
    if !descriptors.exclude.is_empty() {
        wrap(&mut out, "Except: ", &descriptors.exclude.join(" | "));
    }

    if !guide.before_you_start.is_empty() {
        heading(&mut out, "Before you start");
        for item in guide.before_you_start {
            wrap(&mut out, "- ", item);
        }
    }

    heading(&mut out, "Steps");
    for (index, step) in guide.steps.iter().enumerate() {
        let number = format!("{}. ", index + 1);
        wrap(&mut out, &number, step.title);
        let indent = " ".repeat(number.len());
        wrap(&mut out, &indent, step.text);
        if let Some(url) = step.url {
            let _ = writeln!(out, "{indent}{url}");
        }
        cited(&mut out, &indent, guide, step.src);
    }

    heading(&mut out, "Gotchas");
    for gotcha in guide.gotchas {
        let severity = match gotcha.severity {
            Severity::Critical => "CRITICAL",
            Severity::Caution => "caution",
        };
        wrap(&mut out, &format!("[{severity}] "), gotcha.title);
        wrap(&mut out, "    ", gotcha.text);
        cited(&mut out, "    ", guide, gotcha.src);
        let mut notes = Vec::new();
        if let Some(step) = gotcha.step {
            notes.push(format!("fixed by step {step}"));
        }
        if gotcha.explains_charges {
            notes.push("can explain charges after cancelling".to_owned());
        }
        if !notes.is_empty() {
            let _ = writeln!(out, "    ({}; id {})", notes.join("; "), gotcha.id);
        }
    }

    heading(&mut out, "Your data after cancelling");
    wrap(&mut out, "", guide.data);
    cited(&mut out, "", guide, guide.data_src);
    heading(&mut out, "Refunds");
    wrap(&mut out, "", guide.refunds);
    cited(&mut out, "", guide, guide.refunds_src);

    if !guide.alternatives.is_empty() {
        heading(&mut out, "Alternatives to cancelling");
        for alternative in guide.alternatives {
            wrap(&mut out, "- ", alternative.title);
            wrap(&mut out, "  ", alternative.text);
        }
    }
    if !guide.faq.is_empty() {
        heading(&mut out, "Questions");
        for faq in guide.faq {
            wrap(&mut out, "Q: ", faq.q);
            wrap(&mut out, "A: ", faq.a);
            cited(&mut out, "   ", guide, faq.src);
        }
    }
    if !guide.related.is_empty() {
        heading(&mut out, "Other guides");
        for id in guide.related {
            let name = guides::get(id).map_or("", |related| related.name);
            let _ = writeln!(out, "- {id:<26} {name}");
        }
    }
    heading(&mut out, "Sources");
    for source in guide.sources {
        match source.owner {
            None => {
                let _ = writeln!(out, "- {}", source.url);
            }
            Some(owner) => {
                let owner = match owner {
                    guides::Owner::Vendor => "vendor's page",
                    guides::Owner::ThirdParty => "third party",
                };
                wrap(
                    &mut out,
                    "- ",
                    &format!(
                        "[{}] {} ({owner}, read {})",
                        source.id, source.title, source.read
                    ),
                );
                let _ = writeln!(out, "  {}", source.url);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_groups_every_guide_by_category() {
        let listing = render_list("");
        for guide in guides::all() {
            assert!(
                listing.contains(guide.id),
                "{} missing from the list",
                guide.id
            );
        }
        assert!(listing.contains("AI and developer tools ("));
    }

    #[test]
    fn a_query_lists_search_results() {
        let listing = render_list("openai");
        assert!(listing.starts_with("openai-api"), "{listing}");
        assert!(render_list("zzzzzzzz").starts_with("no guide matches"));
    }

    #[test]
    fn a_sourced_guide_names_each_claims_sources() {
        let guide = guides::get("netflix").expect("the netflix guide exists");
        assert!(
            !guide.legacy,
            "netflix is the worked example of [[sources]]"
        );
        let text = render_guide(guide);
        let cited = text.matches("Sources: [").count();
        assert_eq!(cited, guide.claims().len(), "{text}");
        assert!(text.contains("Sources: [unrecognized-charges]\n"), "{text}");
        assert!(text.contains("(not confirmed on the vendor's own help pages)"));
        for source in guide.sources {
            // Titles wrap at the line width; the id starts the entry.
            assert!(text.contains(&format!("- [{}] ", source.id)));
            assert!(text.contains(source.url));
        }
    }

    #[test]
    fn a_guide_shows_every_section() {
        let guide = guides::get("openai-api").expect("the openai-api guide exists");
        let text = render_guide(guide);
        for section in [
            "Billing",
            "Before you start",
            "Steps",
            "Gotchas",
            "Your data after cancelling",
            "Refunds",
            "Alternatives to cancelling",
            "Questions",
            "Other guides",
            "Sources",
            "Last reviewed: ",
        ] {
            assert!(text.contains(section), "no {section:?} in\n{text}");
        }
        for step in guide.steps {
            assert!(text.contains(step.url.unwrap_or(step.title)));
        }
        assert!(text.contains("[CRITICAL] Old user keys"));
        assert!(
            text.lines()
                .all(|line| line.chars().count() <= WIDTH || !line.trim_start().contains(' ')),
            "a line is longer than {WIDTH}"
        );
    }

    #[test]
    fn wrapping_keeps_every_word_and_the_indent() {
        let mut out = String::new();
        let text = "word ".repeat(60);
        wrap(&mut out, "- ", &text);
        assert_eq!(
            out.split_whitespace()
                .filter(|word| *word == "word")
                .count(),
            60
        );
        assert!(out.lines().skip(1).all(|line| line.starts_with("  word")));
        assert!(out.lines().all(|line| line.chars().count() <= WIDTH));
    }
}

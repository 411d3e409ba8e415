//! The research file `../shared/research/vendor-descriptors.tsv` as the tests read it: which
//! guide each research vendor is, the grade of each descriptor variant (real R…, official D…;
//! see `vendor-descriptors-sources.md` beside it), and what each variant must match. Shared by
//! `crates/guides/tests/research_matching.rs` (raw matching) and
//! `crates/engine/tests/descriptor_forms.rs` (the engine's path, in the forms banks print).
#![allow(dead_code)]

/// The research file, or `None` when `../shared` is absent.
pub fn research_text() -> Option<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/research/vendor-descriptors.tsv"
    );
    std::fs::read_to_string(path).ok()
}

/// Research vendor name (first column) → guide id. `None`: the row is not one vendor (a
/// payment processor or a wrapper), so there is nothing to match it to.
pub const VENDOR_TO_GUIDE: &[(&str, Option<&str>)] = &[
    ("Netflix", Some("netflix")),
    ("Hulu", Some("hulu")),
    ("Disney+", Some("disney-plus")),
    ("Max (HBO Max)", Some("max")),
    ("Paramount+", Some("paramount-plus")),
    ("Peacock", Some("peacock")),
    ("YouTube Premium / YouTube Music", Some("youtube-premium")),
    ("YouTube TV", Some("youtube-tv")),
    ("Apple TV+", Some("apple")),
    ("Apple Music", Some("apple")),
    ("iCloud+", Some("apple")),
    ("Apple One", Some("apple")),
    (
        "App Store in-app subscriptions (any third-party app)",
        Some("apple"),
    ),
    (
        "Google Play in-app subscriptions (any Android app)",
        Some("google-play"),
    ),
    ("Spotify", Some("spotify")),
    ("Amazon Music Unlimited", Some("amazon-music-unlimited")),
    ("Pandora", Some("pandora")),
    ("SiriusXM", Some("siriusxm")),
    ("Crunchyroll", Some("crunchyroll")),
    ("Audible", Some("audible")),
    ("Kindle Unlimited", Some("kindle-unlimited")),
    ("Amazon Prime", Some("amazon-prime")),
    ("Prime Video channels / rentals", Some("amazon-prime")),
    ("ChatGPT (Plus/Pro/Business)", Some("chatgpt")),
    ("OpenAI API (platform.openai.com)", Some("openai-api")),
    ("Claude (Pro/Max/Team)", Some("claude")),
    ("Anthropic API (Console)", Some("anthropic-api")),
    ("GitHub (Pro/Team/Copilot/Actions)", Some("github")),
    ("Cursor", Some("cursor")),
    ("Midjourney", Some("midjourney")),
    ("Perplexity Pro", Some("perplexity")),
    ("Amazon Web Services", Some("aws")),
    ("Google Cloud", Some("google-cloud")),
    ("Google Workspace", Some("google-workspace")),
    ("Google One (incl. AI plans)", Some("google-one")),
    ("Microsoft Azure", Some("azure")),
    ("Vercel", Some("vercel")),
    ("Netlify", Some("netlify")),
    ("Heroku", Some("heroku")),
    ("DigitalOcean", Some("digitalocean")),
    ("Cloudflare", Some("cloudflare")),
    ("JetBrains", Some("jetbrains")),
    ("Paddle-billed software (e.g. Obsidian)", None),
    ("FastSpring-billed software", None),
    ("GoDaddy", Some("godaddy")),
    ("Namecheap", Some("namecheap")),
    ("Squarespace", Some("squarespace")),
    (
        "Adobe Creative Cloud / Acrobat",
        Some("adobe-creative-cloud"),
    ),
    ("Microsoft 365", Some("microsoft-365")),
    ("Dropbox", Some("dropbox")),
    ("Notion", Some("notion")),
    ("Slack", Some("slack")),
    ("Zoom", Some("zoom")),
    ("Canva", Some("canva")),
    ("Figma", Some("figma")),
    ("Grammarly", Some("grammarly")),
    ("1Password", Some("1password")),
    ("Bitwarden", Some("bitwarden")),
    ("LastPass", Some("lastpass")),
    ("NordVPN", Some("nordvpn")),
    ("ExpressVPN", Some("expressvpn")),
    ("LinkedIn Premium", Some("linkedin-premium")),
    ("Duolingo (Super/Max)", Some("duolingo")),
    ("Coursera Plus", Some("coursera")),
    ("Chegg", Some("chegg")),
    ("MasterClass", Some("masterclass")),
    ("Patreon", Some("patreon")),
    ("Substack", Some("substack")),
    ("Medium", Some("medium")),
    ("The New York Times", Some("nytimes")),
    ("Wall Street Journal", Some("wsj")),
    ("Washington Post", Some("washington-post")),
    ("Xbox Game Pass", Some("xbox-game-pass")),
    ("PlayStation Plus", Some("playstation-plus")),
    ("Nintendo Switch Online", Some("nintendo-switch-online")),
    ("Discord Nitro", Some("discord-nitro")),
    ("Tinder / Hinge / Match", Some("tinder")),
    ("Bumble", Some("bumble")),
    ("Planet Fitness", Some("planet-fitness")),
    ("Life Time Fitness", Some("life-time-fitness")),
    ("24 Hour Fitness", Some("24-hour-fitness")),
    ("Crunch Fitness", Some("crunch-fitness")),
    ("ClassPass", Some("classpass")),
    ("Peloton App/All-Access", Some("peloton")),
    ("Headspace", Some("headspace")),
    ("Calm", Some("calm")),
    ("Strava", Some("strava")),
    ("MyFitnessPal", Some("myfitnesspal")),
    ("WeightWatchers", Some("weightwatchers")),
    ("BetterHelp", Some("betterhelp")),
    ("Costco membership", Some("costco")),
    ("Walmart+", Some("walmart-plus")),
    ("DoorDash DashPass", Some("doordash-dashpass")),
    ("Uber One", Some("uber-one")),
    ("Instacart+", Some("instacart-plus")),
    ("Ring Protect", Some("ring-protect")),
    ("PayPal-wrapped merchants (any vendor)", None),
    ("Roku channel billing", Some("roku")),
];

/// Descriptors (normalised words) that name a platform's generic billing rather than one
/// vendor, with why. A graded variant among them is reported and skipped, not failed: no guide
/// can own it without misreporting the platform's other products.
pub const GENERIC: &[(&str, &str)] = &[(
    "AMZN DIGITAL",
    "Amazon's descriptor for any digital purchase (music, Kindle books, video rentals); only one person's rewrite rules (R2) map it to Amazon Music",
)];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grade {
    Real,
    Official,
}

/// The grade of one `source_or_guess` segment's keys: official (D…) beats real (R…); a
/// segment saying GUESS is neither, whatever key it mentions ("GUESS via D2 format").
pub fn segment_grade(keys: &str) -> Option<Grade> {
    if keys.contains("GUESS") {
        return None;
    }
    // Drop explanations: parentheses (which may hold commas) and anything after a dash.
    let mut plain = String::new();
    let mut depth = 0usize;
    for character in keys.chars() {
        match character {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(character),
            _ => {}
        }
    }
    let plain = plain.split('—').next().unwrap_or("");
    let mut grade = None;
    for token in plain.split(|character: char| {
        character == ',' || character == '+' || character == '/' || character.is_whitespace()
    }) {
        let (letter, number) = token.split_at(token.len().min(1));
        let numbered = number.is_empty() || number.bytes().all(|byte| byte.is_ascii_digit());
        match letter {
            "D" if numbered => return Some(Grade::Official),
            "R" if numbered => grade = Some(Grade::Real),
            _ => {}
        }
    }
    grade
}

/// Variant numbers (1-based) named by a spec like `1`, `2-3`, `1,3` or `1-2`.
pub fn variant_numbers(spec: &str) -> Option<Vec<usize>> {
    let mut numbers = Vec::new();
    for part in spec.split(',') {
        let part = part.trim();
        if let Some((from, to)) = part.split_once('-') {
            let (from, to): (usize, usize) = (from.trim().parse().ok()?, to.trim().parse().ok()?);
            numbers.extend(from..=to);
        } else {
            numbers.push(part.parse().ok()?);
        }
    }
    Some(numbers)
}

/// The grade of each variant. Segments without a variant number apply to every variant only
/// when they are the only segment; otherwise they cannot be attributed and grade nothing.
pub fn grades(source: &str, variant_count: usize) -> Vec<Option<Grade>> {
    let mut out = vec![None; variant_count];
    let segments: Vec<&str> = source
        .split(';')
        .map(str::trim)
        .filter(|segment| !segment.is_empty())
        .collect();
    for segment in &segments {
        let numbered = segment
            .split_once(':')
            .and_then(|(spec, keys)| Some((variant_numbers(spec)?, keys)));
        let (numbers, keys) = match numbered {
            Some(found) => found,
            None if segments.len() == 1 => ((1..=variant_count).collect(), *segment),
            None => continue,
        };
        let Some(grade) = segment_grade(keys) else {
            continue;
        };
        for number in numbers {
            if let Some(slot) = number.checked_sub(1).and_then(|index| out.get_mut(index)) {
                // Official outranks real when two segments name the same variant.
                if *slot != Some(Grade::Official) {
                    *slot = Some(grade);
                }
            }
        }
    }
    out
}

/// A variant whose placeholder stands for the vendor itself (`GOOGLE *<app name>`,
/// `PAYPAL *<MERCHANT>`) is a format, not one vendor's descriptor: which guide it belongs to
/// depends on the app, so it is reported and skipped. Placeholders for references
/// (`AMZN PRIME*<ref>`) keep the vendor's name and are tested.
pub fn is_format_only(variant: &str) -> bool {
    ["*<app", "*<content", "*<MERCHANT", "* <COMPANY"]
        .iter()
        .any(|format| variant.contains(format))
}

/// What a variant must match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expect {
    Guide(&'static str),
    NotGuide(&'static str),
    /// The same descriptor is graded real for several vendors (`ANTHROPIC` for both Claude and
    /// the Anthropic API): the research itself cannot tell them apart, so either is right.
    AnyOf(Vec<&'static str>),
}

/// Turns a research variant into a descriptor and says what it must match. Placeholders like
/// `<ref>` become a made-up reference; notes in parentheses are dropped.
pub fn expectation(vendor_guide: &'static str, variant: &str) -> (String, Expect) {
    let (text, note) = match variant.find(" (") {
        Some(at) => (&variant[..at], variant[at..].to_lowercase()),
        None => (variant, String::new()),
    };
    let mut descriptor = String::new();
    let mut in_placeholder = false;
    for character in text.chars() {
        match character {
            '<' => {
                in_placeholder = true;
                descriptor.push_str("QX7K2");
            }
            '>' => in_placeholder = false,
            _ if !in_placeholder => descriptor.push(character),
            _ => {}
        }
    }
    let words = guides::words(&descriptor).join(" ");
    let apple_store = ["APPLE COM BILL", "ITUNES COM BILL", "APL ITUNES COM"]
        .iter()
        .any(|store| words.contains(store));
    let not_subscription = [
        "orders",
        "rides",
        "food",
        "apparel",
        "not membership",
        "purchases",
    ]
    .iter()
    .any(|marker| note.contains(marker));
    let expect = if apple_store {
        Expect::Guide("apple")
    } else if not_subscription {
        Expect::NotGuide(vendor_guide)
    } else {
        Expect::Guide(vendor_guide)
    };
    (descriptor, expect)
}

/// One graded research variant, ready to test: the descriptor and what it must match, or why
/// it is skipped (not one vendor, a format, a platform-generic descriptor, no guide yet).
#[derive(Clone, Debug)]
pub struct Case {
    pub vendor: String,
    pub descriptor: String,
    pub grade: Grade,
    pub expect: Result<Expect, String>,
}

/// Which guides each graded descriptor (as its words) is claimed for: a descriptor the research
/// grades for several vendors may match any of them.
pub fn claimed_owners(text: &str) -> std::collections::BTreeMap<String, Vec<&'static str>> {
    use std::collections::BTreeMap;
    let mapping: BTreeMap<&str, Option<&'static str>> = VENDOR_TO_GUIDE.iter().copied().collect();
    let mut claimed: BTreeMap<String, Vec<&'static str>> = BTreeMap::new();
    for line in text.lines().skip(1) {
        let columns: Vec<&str> = line.split('\t').collect();
        let [vendor, _, _, variants, source, ..] = columns[..] else {
            continue;
        };
        let Some(Some(guide_id)) = mapping.get(vendor).copied() else {
            continue;
        };
        let variants: Vec<&str> = variants.split('|').map(str::trim).collect();
        for (variant, grade) in variants.iter().zip(grades(source, variants.len())) {
            if let (Some(_), (descriptor, Expect::Guide(id))) =
                (grade, expectation(guide_id, variant))
            {
                let owners = claimed
                    .entry(guides::words(&descriptor).join(" "))
                    .or_default();
                if !owners.contains(&id) {
                    owners.push(id);
                }
            }
        }
    }
    claimed
}

/// Every variant graded real or official, in file order, with the same rules as
/// `research_matching.rs`: a descriptor graded for several vendors may match any of them.
pub fn graded_cases(text: &str) -> Vec<Case> {
    use std::collections::BTreeMap;
    let mapping: BTreeMap<&str, Option<&'static str>> = VENDOR_TO_GUIDE.iter().copied().collect();
    let claimed = claimed_owners(text);
    let mut cases = Vec::new();
    for line in text.lines().skip(1) {
        let columns: Vec<&str> = line.split('\t').collect();
        let [vendor, _, _, variants, source, ..] = columns[..] else {
            continue;
        };
        let Some(guide_id) = mapping.get(vendor).copied() else {
            continue;
        };
        let variants: Vec<&str> = variants.split('|').map(str::trim).collect();
        for (variant, grade) in variants.iter().zip(grades(source, variants.len())) {
            let Some(grade) = grade else { continue };
            let mut case = Case {
                vendor: vendor.to_owned(),
                descriptor: variant.to_string(),
                grade,
                expect: Err(String::new()),
            };
            let Some(guide_id) = guide_id else {
                case.expect = Err("not one vendor".into());
                cases.push(case);
                continue;
            };
            if is_format_only(variant) {
                case.expect = Err("a format, not one vendor's descriptor".into());
                cases.push(case);
                continue;
            }
            let (descriptor, mut expect) = expectation(guide_id, variant);
            case.descriptor = descriptor.clone();
            let words = guides::words(&descriptor).join(" ");
            if let Some((_, why)) = GENERIC
                .iter()
                .find(|(generic, _)| words.starts_with(generic))
            {
                case.expect = Err(format!("generic: {why}"));
                cases.push(case);
                continue;
            }
            if let Some(owners) = claimed.get(&words) {
                if owners.len() > 1 {
                    expect = Expect::AnyOf(owners.clone());
                }
            }
            let has_guide = match &expect {
                Expect::Guide(id) | Expect::NotGuide(id) => guides::get(id).is_some(),
                Expect::AnyOf(ids) => ids.iter().any(|id| guides::get(id).is_some()),
            };
            case.expect = if has_guide {
                Ok(expect)
            } else {
                Err("no guide yet".into())
            };
            cases.push(case);
        }
    }
    cases
}

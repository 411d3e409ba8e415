//! Descriptor matching, exactly as `guides/README.md` defines it: words equal and consecutive
//! (the last word of a pattern of two or more may be cut short at the descriptor's end), the
//! most specific pattern (most words, then most characters) wins, an exclude removes its
//! vendor outright.

use crate::{data, Guide};
use serde::Serialize;

/// One pre-normalised pattern. The compiled-in index (`data::patterns()`, from build.rs)
/// uses `&'static str` words; the validator builds the same index at run time from any guides,
/// with owned words, so both go through one matcher.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Pattern<'a, S> {
    /// The pattern's words (non-empty); the index is sorted by them.
    pub words: &'a [S],
    /// Index of the guide in the guide list the index was built from.
    pub guide: usize,
    /// An `exclude` pattern rather than a `match` pattern.
    pub exclude: bool,
    /// The pattern as written in the guide.
    pub text: &'a str,
    /// Characters in all words, the second measure of specificity.
    pub chars: usize,
}

/// How sure a match is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// Two vendors matched equally specific patterns (the guides' validation test forbids
    /// that, so this comes from odd descriptors); the first guide by id is returned.
    Low,
    /// Another vendor also matched but lost on specificity, or the pattern is one short word
    /// (four characters or fewer) in the middle of the descriptor.
    Medium,
    /// Only this vendor matched, with a pattern of two or more words, a word of five or more
    /// characters, or a word at the start of the descriptor.
    High,
}

/// The guide a descriptor belongs to.
#[derive(Clone, Debug, Serialize)]
pub struct DescriptorMatch {
    /// The winning guide. When it is a store's guide (`guide.store()` is `Some`), the charge
    /// is "billed via" that store and the vendor behind it is unknown.
    pub guide: &'static Guide,
    /// The winning pattern, as written in the guide.
    pub pattern: &'static str,
    /// How sure the match is.
    pub confidence: Confidence,
}

/// The guide whose descriptor patterns match a bank-statement descriptor best, if any.
///
/// ```
/// assert!(guides::match_descriptor("").is_none());
/// assert!(guides::match_descriptor("NO SUCH VENDOR 12345").is_none());
/// ```
pub fn match_descriptor(descriptor: &str) -> Option<DescriptorMatch> {
    let (upper, ranges) = upper_words(descriptor);
    let descriptor_words: Vec<&str> = ranges
        .iter()
        .filter_map(|range| upper.get(range.clone()))
        .collect();
    let patterns = data::patterns();
    let outcome = best_match(patterns, &descriptor_words)?;
    let pattern = patterns.get(outcome.pattern)?;
    Some(DescriptorMatch {
        guide: data::guides().get(pattern.guide)?,
        pattern: pattern.text,
        confidence: outcome.confidence,
    })
}

/// The same words as `crate::words`, as ranges of one upper-cased string: two allocations per
/// descriptor instead of one per word, since the engine calls this for every descriptor.
fn upper_words(text: &str) -> (String, Vec<std::ops::Range<usize>>) {
    let mut upper = String::with_capacity(text.len());
    let mut ranges = Vec::new();
    let mut start = None;
    for character in text.chars() {
        if character.is_alphanumeric() {
            start.get_or_insert(upper.len());
            upper.extend(character.to_uppercase());
        } else if let Some(word_start) = start.take() {
            ranges.push(word_start..upper.len());
        }
    }
    if let Some(word_start) = start {
        ranges.push(word_start..upper.len());
    }
    (upper, ranges)
}

/// The result of matching against an index: positions, not references, so it works for the
/// compiled-in index and for one built at run time alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Outcome {
    /// Index of the winning guide.
    pub guide: usize,
    /// Index of the winning pattern in the index.
    pub pattern: usize,
    /// How sure the match is.
    pub confidence: Confidence,
}

#[derive(Clone, Copy)]
struct Candidate {
    guide: usize,
    /// (pattern index, word position in the descriptor, specificity).
    best: Option<(usize, usize, Specificity)>,
    excluded: bool,
}

/// Most words, then matched in full rather than cut short, then most characters.
type Specificity = (usize, bool, usize);

fn specificity<S>(pattern: &Pattern<'_, S>, cut: bool) -> Specificity {
    (pattern.words.len(), !cut, pattern.chars)
}

/// Matches normalised descriptor words against an index sorted by pattern words.
pub(crate) fn best_match<S: AsRef<str>, D: AsRef<str>>(
    patterns: &[Pattern<'_, S>],
    descriptor_words: &[D],
) -> Option<Outcome> {
    // Few vendors ever match one descriptor, so a linear list beats a map here.
    let mut candidates: Vec<Candidate> = Vec::new();
    for (position, word) in descriptor_words.iter().enumerate() {
        let word = word.as_ref();
        let first = patterns.partition_point(|pattern| first_word(pattern) < word);
        for (pattern_index, pattern) in patterns.iter().enumerate().skip(first) {
            if first_word(pattern) != word {
                break;
            }
            let Some(window) = descriptor_words.get(position..position + pattern.words.len())
            else {
                continue;
            };
            let at_end = position + pattern.words.len() == descriptor_words.len();
            let last = pattern.words.len() - 1;
            let mut cut = false;
            if !window
                .iter()
                .zip(pattern.words)
                .enumerate()
                .all(|(index, (have, want))| {
                    let (have, want) = (have.as_ref(), want.as_ref());
                    have == want
                        || (at_end && index == last && index > 0 && {
                            cut = cut_short(have, want);
                            cut
                        })
                })
            {
                continue;
            }
            let candidate = match candidates
                .iter_mut()
                .find(|candidate| candidate.guide == pattern.guide)
            {
                Some(candidate) => candidate,
                None => {
                    candidates.push(Candidate {
                        guide: pattern.guide,
                        best: None,
                        excluded: false,
                    });
                    candidates.last_mut()?
                }
            };
            if pattern.exclude {
                candidate.excluded = true;
            } else {
                let here = specificity(pattern, cut);
                if candidate.best.is_none_or(|(_, _, best)| here > best) {
                    candidate.best = Some((pattern_index, position, here));
                }
            }
        }
    }

    let mut ranked: Vec<(usize, usize, usize, Specificity)> = candidates
        .iter()
        .filter(|candidate| !candidate.excluded)
        .filter_map(|candidate| {
            let (pattern_index, position, specificity) = candidate.best?;
            Some((candidate.guide, pattern_index, position, specificity))
        })
        .collect();
    // Most specific first; among equals the lowest guide index (the first by id) first.
    lean_sort::sort_by(&mut ranked, |left, right| {
        right.3.cmp(&left.3).then(left.0.cmp(&right.0))
    });
    let &(guide, pattern_index, position, best_specificity) = ranked.first()?;
    let pattern = patterns.get(pattern_index)?;
    let confidence = match ranked.get(1) {
        Some(runner_up) if runner_up.3 == best_specificity => Confidence::Low,
        Some(_) => Confidence::Medium,
        None if pattern.words.len() == 1 && pattern.chars <= 4 && position > 0 => {
            Confidence::Medium
        }
        None => Confidence::High,
    };
    Some(Outcome {
        guide,
        pattern: pattern_index,
        confidence,
    })
}

/// A descriptor's last word cut off by the bank's column width (`INSTACART SUBSCRIPT` for
/// `INSTACART SUBSCRIPTION`, cut at 22 characters): four or more characters that begin the
/// pattern's last word. Only a pattern's last word after one matched in full, and only at
/// the end of the descriptor, may be cut.
fn cut_short(have: &str, want: &str) -> bool {
    have.len() >= 4 && want.len() > have.len() && want.starts_with(have)
}

fn first_word<'p, S: AsRef<str>>(pattern: &'p Pattern<'_, S>) -> &'p str {
    pattern.words.first().map_or("", AsRef::as_ref)
}

/// Owned words for an index built at run time (by the validator and the tests).
#[cfg(any(test, feature = "bodies"))]
pub(crate) struct OwnedPattern {
    pub words: Vec<String>,
    pub guide: usize,
    pub exclude: bool,
    pub text: String,
}

#[cfg(any(test, feature = "bodies"))]
/// Normalises every pattern of `guides` the way build.rs does, skipping patterns with no words.
pub(crate) fn owned_patterns(guides: &[Guide]) -> Vec<OwnedPattern> {
    let mut owned = Vec::new();
    for (guide_index, guide) in guides.iter().enumerate() {
        for (list, exclude) in [
            (guide.descriptors.match_patterns, false),
            (guide.descriptors.exclude, true),
        ] {
            for text in list {
                let words = crate::words(text);
                if !words.is_empty() {
                    owned.push(OwnedPattern {
                        words,
                        guide: guide_index,
                        exclude,
                        text: (*text).to_owned(),
                    });
                }
            }
        }
    }
    lean_sort::sort_by(&mut owned, |left, right| {
        (&left.words, left.guide, left.exclude).cmp(&(&right.words, right.guide, right.exclude))
    });
    owned
}

#[cfg(any(test, feature = "bodies"))]
/// Borrows an owned index in the shape the matcher takes.
pub(crate) fn borrow_patterns(owned: &[OwnedPattern]) -> Vec<Pattern<'_, String>> {
    owned
        .iter()
        .map(|pattern| Pattern {
            words: &pattern.words,
            guide: pattern.guide,
            exclude: pattern.exclude,
            text: &pattern.text,
            chars: pattern.words.iter().map(|word| word.chars().count()).sum(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny index independent of the guide files: (guide, exclude, pattern).
    fn index(rows: &[(usize, bool, &str)]) -> Vec<OwnedPattern> {
        let mut owned: Vec<OwnedPattern> = rows
            .iter()
            .map(|(guide, exclude, text)| OwnedPattern {
                words: crate::words(text),
                guide: *guide,
                exclude: *exclude,
                text: (*text).to_owned(),
            })
            .collect();
        lean_sort::sort_by(&mut owned, |left, right| {
            (&left.words, left.guide, left.exclude).cmp(&(&right.words, right.guide, right.exclude))
        });
        owned
    }

    fn winner(owned: &[OwnedPattern], descriptor: &str) -> Option<(usize, String, Confidence)> {
        let patterns = borrow_patterns(owned);
        let outcome = best_match(&patterns, &crate::words(descriptor))?;
        Some((
            outcome.guide,
            patterns[outcome.pattern].text.to_owned(),
            outcome.confidence,
        ))
    }

    const API: usize = 0;
    const CHAT: usize = 1;
    const NETFLIX: usize = 2;
    const APPLE: usize = 3;

    fn sample() -> Vec<OwnedPattern> {
        index(&[
            (API, false, "OPENAI"),
            (API, true, "CHATGPT"),
            (CHAT, false, "OPENAI *CHATGPT"),
            (CHAT, false, "CHATGPT SUBSCRIPTION"),
            (NETFLIX, false, "NETFLIX"),
            (NETFLIX, false, "NETFLIXCOM"),
            (APPLE, false, "APPLE.COM/BILL"),
            (APPLE, false, "ITUNES.COM/BILL"),
        ])
    }

    #[test]
    fn the_longest_pattern_wins() {
        let owned = sample();
        assert_eq!(
            winner(&owned, "OPENAI *CHATGPT SUBSCR"),
            Some((CHAT, "OPENAI *CHATGPT".into(), Confidence::High))
        );
        assert_eq!(
            winner(&owned, "OPENAI *API"),
            Some((API, "OPENAI".into(), Confidence::High))
        );
        assert_eq!(
            winner(
                &owned,
                "RECURRING PAYMENT AUTHORIZED ON 01/02 OPENAI OPENAI.COM CA"
            ),
            Some((API, "OPENAI".into(), Confidence::High))
        );
    }

    #[test]
    fn an_exclude_removes_the_vendor() {
        let owned = sample();
        // CHATGPT alone is not a ChatGPT pattern here, but it rules out the API.
        assert_eq!(
            winner(&owned, "OPENAI CHATGPT"),
            Some((CHAT, "OPENAI *CHATGPT".into(), Confidence::High))
        );
        assert_eq!(winner(&owned, "CHATGPT OPENAI"), None);
    }

    #[test]
    fn words_must_be_equal_not_prefixes() {
        let owned = sample();
        assert_eq!(
            winner(&owned, "NETFLIX.COM 866-579-7172 CA").map(|won| won.0),
            Some(NETFLIX)
        );
        assert_eq!(
            winner(&owned, "NETFLIXCOM*").map(|won| won.1),
            Some("NETFLIXCOM".into())
        );
        assert_eq!(winner(&owned, "NETFLIXX"), None);
        assert_eq!(winner(&owned, "OPENAIX"), None);
        assert_eq!(
            winner(&owned, "apple.com bill"),
            Some((APPLE, "APPLE.COM/BILL".into(), Confidence::High))
        );
        assert_eq!(winner(&owned, "APPLE.COM"), None);
    }

    #[test]
    fn a_last_word_cut_short_matches_only_at_the_end() {
        let owned = index(&[
            (0, false, "INSTACART SUBSCRIPTION"),
            (1, false, "INSTACART"),
        ]);
        assert_eq!(
            winner(&owned, "IC*INSTACART SUBSCRIPT").map(|won| won.0),
            Some(0)
        );
        // Too short, not at the end, or the only word of the pattern: no cut match.
        assert_eq!(winner(&owned, "INSTACART SUB").map(|won| won.0), Some(1));
        assert_eq!(
            winner(&owned, "INSTACART SUBSCRIPT 12").map(|won| won.0),
            Some(1)
        );
        assert_eq!(winner(&owned, "INSTA"), None);
        // A full match beats a cut one of the same length in words.
        let owned = index(&[(0, false, "ACME SUBSCRIPTION"), (1, false, "ACME SUBS")]);
        assert_eq!(winner(&owned, "ACME SUBS").map(|won| won.0), Some(1));
    }

    #[test]
    fn equal_patterns_of_two_vendors_are_low_confidence() {
        let owned = index(&[(0, false, "MAX"), (1, false, "HBO"), (1, false, "MAX")]);
        assert_eq!(
            winner(&owned, "HBO MAX").map(|won| (won.0, won.2)),
            Some((0, Confidence::Low))
        );
        assert_eq!(
            winner(&owned, "SOME SHOP MAX").map(|won| won.2),
            Some(Confidence::Low)
        );
        let owned = index(&[(0, false, "MAX")]);
        assert_eq!(
            winner(&owned, "SOME SHOP MAX").map(|won| won.2),
            Some(Confidence::Medium)
        );
        assert_eq!(
            winner(&owned, "MAX 888").map(|won| won.2),
            Some(Confidence::High)
        );
    }

    #[test]
    fn a_loser_on_specificity_lowers_confidence() {
        let owned = index(&[(0, false, "GOOGLE"), (1, false, "GOOGLE YOUTUBE")]);
        assert_eq!(
            winner(&owned, "GOOGLE *YouTube TV").map(|won| (won.0, won.2)),
            Some((1, Confidence::Medium))
        );
    }

    #[test]
    fn empty_and_huge_descriptors_are_fine() {
        let owned = sample();
        assert_eq!(winner(&owned, ""), None);
        assert_eq!(winner(&owned, "*** /// ---"), None);
        let huge = "X ".repeat(20_000) + "NETFLIX";
        assert_eq!(
            winner(&owned, &huge).map(|won| (won.0, won.2)),
            Some((NETFLIX, Confidence::High))
        );
    }

    #[test]
    fn upper_words_equals_words() {
        for text in [
            "",
            "  ",
            "OPENAI *CHATGPT SUBSCR",
            "netflix.com 866-579-7172",
            "straße ǆ ﬁ",
            "Ünïcödé*x1",
            "a",
            "*a*",
            "\u{202e}evil\u{200b}x",
        ] {
            let (upper, ranges) = upper_words(text);
            let split: Vec<&str> = ranges.iter().map(|range| &upper[range.clone()]).collect();
            assert_eq!(split, crate::words(text), "{text:?}");
        }
    }

    #[test]
    fn the_compiled_index_equals_one_built_at_run_time() {
        let owned = owned_patterns(crate::all());
        let built = borrow_patterns(&owned);
        assert_eq!(built.len(), data::patterns().len());
        for (runtime, compiled) in built.iter().zip(data::patterns()) {
            assert_eq!(runtime.words, compiled.words);
            assert_eq!(
                (runtime.guide, runtime.exclude, runtime.text, runtime.chars),
                (
                    compiled.guide,
                    compiled.exclude,
                    compiled.text,
                    compiled.chars
                )
            );
        }
    }
}

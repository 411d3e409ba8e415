//! Search by id, name or alias: exact, prefix, word-prefix, substring and fuzzy (small edit
//! distance), ranked by how well the best name matched.

use crate::{all, Guide};
use std::sync::OnceLock;

/// Queries longer than this are cut, so a pasted paragraph cannot make the edit distance slow.
const MAX_QUERY_CHARS: usize = 64;

/// Guides whose id, name or an alias matches `query`, best first.
///
/// Case, spaces and punctuation are ignored (`disney plus` finds "Disney+"), a prefix is
/// enough (`netf`), and words of five or more letters may have one typo (two from nine
/// letters): `spotfy` finds Spotify. An empty query gives no results.
///
/// ```
/// let found = guides::search("openai");
/// assert!(found.iter().all(|guide| !guide.id.is_empty()));
/// ```
pub fn search(query: &str) -> Vec<&'static Guide> {
    // Names are lower-cased and split once, on the first search.
    static INDEX: OnceLock<Vec<Entry>> = OnceLock::new();
    let guides = all();
    let index = INDEX.get_or_init(|| build_index(guides));
    search_with(guides, index, query)
}

/// Search over any guides (the tests use in-memory ones).
#[cfg(test)]
fn search_in<'g>(guides: &'g [Guide], query: &str) -> Vec<&'g Guide> {
    search_with(guides, &build_index(guides), query)
}

/// One searchable name (the name, an alias or the id), lower-cased.
struct Name {
    words: Vec<Vec<char>>,
    joined: Vec<char>,
}

struct Entry {
    names: Vec<Name>,
}

fn build_index(guides: &[Guide]) -> Vec<Entry> {
    guides
        .iter()
        .map(|guide| Entry {
            names: std::iter::once(guide.name)
                .chain(guide.aliases.iter().copied())
                .chain(std::iter::once(guide.id))
                .map(|name| {
                    let words = lower_words(name);
                    let joined = words.concat();
                    Name { words, joined }
                })
                .collect(),
        })
        .collect()
}

fn search_with<'g>(guides: &'g [Guide], index: &[Entry], query: &str) -> Vec<&'g Guide> {
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let query_words = lower_words(&query);
    if query_words.is_empty() {
        return Vec::new();
    }
    let query_joined = query_words.concat();
    let mut scored: Vec<(u32, &Guide)> = guides
        .iter()
        .zip(index)
        .filter_map(|(guide, entry)| {
            let best = entry
                .names
                .iter()
                .map(|name| score(&query_words, &query_joined, name))
                .max()
                .unwrap_or(0);
            (best > 0).then_some((best, guide))
        })
        .collect();
    lean_sort::sort_by(&mut scored, |left, right| {
        right.0.cmp(&left.0).then(left.1.name.cmp(right.1.name))
    });
    scored.into_iter().map(|(_, guide)| guide).collect()
}

fn lower_words(text: &str) -> Vec<Vec<char>> {
    crate::words(text)
        .into_iter()
        .map(|word| word.to_lowercase().chars().collect())
        .collect()
}

/// How well the query matches one name; 0 when it does not.
fn score(query_words: &[Vec<char>], query_joined: &[char], name: &Name) -> u32 {
    let name_joined = &name.joined;
    if name_joined.is_empty() {
        return 0;
    }
    if query_joined == name_joined.as_slice() {
        return 100;
    }
    if name_joined.starts_with(query_joined) {
        // The less of the name is left over, the better: "openai" is closer to "OpenAI API"
        // than to "OpenAI ChatGPT".
        let left_over = name_joined.len() - query_joined.len();
        return 90 - (left_over / 2).min(9) as u32;
    }
    // Every query word must find a name word; the weakest one decides the score.
    let mut weakest = u32::MAX;
    for query_word in query_words {
        let best = name
            .words
            .iter()
            .map(|name_word| word_score(query_word, name_word))
            .max()
            .unwrap_or(0);
        weakest = weakest.min(best);
    }
    if weakest > 0 {
        return weakest;
    }
    if query_joined.len() >= 3
        && name_joined
            .windows(query_joined.len())
            .any(|window| window == query_joined)
    {
        return 40;
    }
    if within_typos(query_joined, name_joined) {
        return 30;
    }
    0
}

fn word_score(query_word: &[char], name_word: &[char]) -> u32 {
    if query_word == name_word {
        80
    } else if name_word.starts_with(query_word) {
        70
    } else if within_typos(query_word, name_word) {
        50
    } else if query_word.len() >= 5
        && name_word.len() > query_word.len()
        && within_typos(query_word, &name_word[..query_word.len()])
    {
        // A misspelt prefix of a long word ("spotif" typed as "spotf").
        45
    } else {
        0
    }
}

/// Whether `left` is within the typo budget of `right`: one edit from five characters, two
/// from nine; shorter words must be exact.
fn within_typos(left: &[char], right: &[char]) -> bool {
    let budget = match left.len().min(right.len()) {
        0..=4 => return false,
        5..=8 => 1,
        _ => 2,
    };
    edit_distance(left, right, budget) <= budget
}

/// Levenshtein distance, giving up (returning `budget + 1`) once it must exceed `budget`.
fn edit_distance(left: &[char], right: &[char], budget: usize) -> usize {
    if left.len().abs_diff(right.len()) > budget {
        return budget + 1;
    }
    // Two rows on the stack for the usual short names; long ones (rare) allocate.
    const STACK: usize = 64;
    let mut previous_stack = [0usize; STACK + 1];
    let mut current_stack = [0usize; STACK + 1];
    let (mut previous_heap, mut current_heap);
    let (mut previous, mut current): (&mut [usize], &mut [usize]) = if right.len() <= STACK {
        (
            &mut previous_stack[..=right.len()],
            &mut current_stack[..=right.len()],
        )
    } else {
        previous_heap = vec![0; right.len() + 1];
        current_heap = vec![0; right.len() + 1];
        (&mut previous_heap, &mut current_heap)
    };
    for (column, cell) in previous.iter_mut().enumerate() {
        *cell = column;
    }
    for (row, left_char) in left.iter().enumerate() {
        current[0] = row + 1;
        let mut row_minimum = current[0];
        for (column, right_char) in right.iter().enumerate() {
            let substitution = previous[column] + usize::from(left_char != right_char);
            current[column + 1] = substitution
                .min(previous[column + 1] + 1)
                .min(current[column] + 1);
            row_minimum = row_minimum.min(current[column + 1]);
        }
        if row_minimum > budget {
            return budget + 1;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[right.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Billing, Category, Descriptors};

    const fn guide(
        id: &'static str,
        name: &'static str,
        aliases: &'static [&'static str],
    ) -> Guide {
        Guide {
            id,
            name,
            aliases,
            category: Category::Other,
            summary: "",
            billing: Billing::Prepaid,
            cadences: &[],
            billed_via: &[],
            last_reviewed: "",
            descriptors: Descriptors {
                match_patterns: &[],
                exclude: &[],
                examples: &[],
                evidence: &[],
            },
            before_you_start: &[],
            steps: &[],
            gotchas: &[],
            data: "",
            refunds: "",
            alternatives: &[],
            faq: &[],
            related: &[],
            sources: &[],
            data_src: &[],
            refunds_src: &[],
            legacy: false,
        }
    }

    static GUIDES: &[Guide] = &[
        guide("disney-plus", "Disney+", &["Disney Plus"]),
        guide("netflix", "Netflix", &[]),
        guide("openai-api", "OpenAI API", &["OpenAI Platform", "GPT API"]),
        guide("chatgpt", "ChatGPT", &["ChatGPT Plus", "OpenAI ChatGPT"]),
        guide("spotify", "Spotify", &[]),
        guide("youtube-premium", "YouTube Premium", &["YouTube Music"]),
    ];

    fn ids(query: &str) -> Vec<&'static str> {
        search_in(GUIDES, query)
            .iter()
            .map(|guide| guide.id)
            .collect()
    }

    #[test]
    fn exact_prefix_and_alias() {
        assert_eq!(ids("netflix"), ["netflix"]);
        assert_eq!(ids("NETF"), ["netflix"]);
        assert_eq!(ids("disney plus"), ["disney-plus"]);
        assert_eq!(ids("disney+"), ["disney-plus"]);
        assert_eq!(ids("gpt api"), ["openai-api"]);
        assert_eq!(ids("youtube-premium"), ["youtube-premium"]);
        assert_eq!(ids("music"), ["youtube-premium"]);
    }

    #[test]
    fn ranking_puts_the_exact_name_first() {
        assert_eq!(ids("chatgpt"), ["chatgpt"]);
        assert_eq!(ids("openai"), ["openai-api", "chatgpt"]);
    }

    #[test]
    fn typos_in_longer_words() {
        assert_eq!(ids("spotfy"), ["spotify"]);
        assert_eq!(ids("netflx"), ["netflix"]);
        assert_eq!(ids("youtub premum"), ["youtube-premium"]);
        assert_eq!(ids("spotf"), ["spotify"]);
        // Short words must be exact or a prefix: "nex" is not "net".
        assert!(ids("nex").is_empty());
    }

    #[test]
    fn empty_and_hostile_queries() {
        assert!(ids("").is_empty());
        assert!(ids("   ***  ").is_empty());
        assert!(ids(&"z".repeat(100_000)).is_empty());
    }

    #[test]
    fn edit_distance_is_bounded() {
        let chars = |text: &str| text.chars().collect::<Vec<char>>();
        assert_eq!(edit_distance(&chars("kitten"), &chars("sitting"), 3), 3);
        assert_eq!(edit_distance(&chars("kitten"), &chars("sitting"), 1), 2);
        assert_eq!(edit_distance(&chars(""), &chars("abc"), 5), 3);
        let long = chars(&"ab".repeat(50));
        assert_eq!(edit_distance(&long, &long[1..], 2), 1);
    }
}

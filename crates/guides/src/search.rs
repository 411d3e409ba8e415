//! Search by id, name or alias: exact, prefix, word-prefix, substring and fuzzy (small edit
//! distance), ranked by how well the best name matched.

use crate::{all, Guide};

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
    search_in(all(), query)
}

pub(crate) fn search_in<'g>(guides: &'g [Guide], query: &str) -> Vec<&'g Guide> {
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let query_words = lower_words(&query);
    if query_words.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(u32, &Guide)> = guides
        .iter()
        .filter_map(|guide| {
            let names = std::iter::once(guide.name)
                .chain(guide.aliases.iter().copied())
                .chain(std::iter::once(guide.id));
            let best = names
                .map(|name| score(&query_words, name))
                .max()
                .unwrap_or(0);
            (best > 0).then_some((best, guide))
        })
        .collect();
    scored.sort_by(|left, right| right.0.cmp(&left.0).then(left.1.name.cmp(right.1.name)));
    scored.into_iter().map(|(_, guide)| guide).collect()
}

fn lower_words(text: &str) -> Vec<String> {
    crate::words(text)
        .into_iter()
        .map(|word| word.to_lowercase())
        .collect()
}

/// How well the query matches one name; 0 when it does not.
fn score(query_words: &[String], name: &str) -> u32 {
    let name_words = lower_words(name);
    let query_joined: String = query_words.concat();
    let name_joined: String = name_words.concat();
    if name_joined.is_empty() {
        return 0;
    }
    if query_joined == name_joined {
        return 100;
    }
    if name_joined.starts_with(&query_joined) {
        // The less of the name is left over, the better: "openai" is closer to "OpenAI API"
        // than to "OpenAI ChatGPT".
        let left_over = name_joined.chars().count() - query_joined.chars().count();
        return 90 - (left_over / 2).min(9) as u32;
    }
    // Every query word must find a name word; the weakest one decides the score.
    let mut weakest = u32::MAX;
    for query_word in query_words {
        let best = name_words
            .iter()
            .map(|name_word| word_score(query_word, name_word))
            .max()
            .unwrap_or(0);
        weakest = weakest.min(best);
    }
    if weakest > 0 {
        return weakest;
    }
    if query_joined.chars().count() >= 3 && name_joined.contains(&query_joined) {
        return 40;
    }
    if within_typos(&query_joined, &name_joined) {
        return 30;
    }
    0
}

fn word_score(query_word: &str, name_word: &str) -> u32 {
    if query_word == name_word {
        80
    } else if name_word.starts_with(query_word) {
        70
    } else if within_typos(query_word, name_word) {
        50
    } else if query_word.chars().count() >= 5
        && name_word.chars().count() > query_word.chars().count()
    {
        // A misspelt prefix of a long word ("spotif" typed as "spotf").
        let prefix: String = name_word.chars().take(query_word.chars().count()).collect();
        if within_typos(query_word, &prefix) {
            45
        } else {
            0
        }
    } else {
        0
    }
}

/// Whether `left` is within the typo budget of `right`: one edit from five characters, two
/// from nine; shorter words must be exact.
fn within_typos(left: &str, right: &str) -> bool {
    let length = left.chars().count().min(right.chars().count());
    let budget = match length {
        0..=4 => return false,
        5..=8 => 1,
        _ => 2,
    };
    edit_distance(left, right, budget) <= budget
}

/// Levenshtein distance, giving up (returning `budget + 1`) once it must exceed `budget`.
fn edit_distance(left: &str, right: &str, budget: usize) -> usize {
    let left: Vec<char> = left.chars().collect();
    let right: Vec<char> = right.chars().collect();
    if left.len().abs_diff(right.len()) > budget {
        return budget + 1;
    }
    let mut previous: Vec<usize> = (0..=right.len()).collect();
    let mut current = vec![0; right.len() + 1];
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
        assert_eq!(edit_distance("kitten", "sitting", 3), 3);
        assert_eq!(edit_distance("kitten", "sitting", 1), 2);
        assert_eq!(edit_distance("", "abc", 5), 3);
    }
}

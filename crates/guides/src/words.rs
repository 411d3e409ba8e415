// Shared between build.rs (which pre-normalises every pattern) and the library (which
// normalises descriptors at run time): one function, so the two can never disagree.

/// Splits `text` into upper-cased words on every character that is not a letter or a digit,
/// as `guides/README.md` defines for descriptors and patterns.
///
/// `OPENAI *CHATGPT SUBSCR` gives `["OPENAI", "CHATGPT", "SUBSCR"]`; `NETFLIX.COM` gives
/// `["NETFLIX", "COM"]`.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for character in text.chars() {
        if character.is_alphanumeric() {
            // Some characters upper-case to several (ß -> SS); they stay in one word.
            current.extend(character.to_uppercase());
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

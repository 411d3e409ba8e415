//! Descriptor normalisation: from what the bank printed to a merchant.
//!
//! A descriptor such as `RECURRING PAYMENT AUTHORIZED ON 06/01 PAYPAL *SPOTIFY P43C314821 CA`
//! carries three kinds of text: what the bank added (`RECURRING PAYMENT AUTHORIZED ON 06/01`),
//! a processor that collected the money for the merchant (`PAYPAL *`), and the merchant with
//! noise that changes from month to month (reference numbers, phone numbers, a city and state).
//! [`normalise`] separates them so that the variants of one merchant land on one key.

/// A descriptor taken apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalised {
    /// The text the guides' patterns are matched against: the processor's words and the
    /// merchant's words, without bank text, reference numbers or phone numbers. A trailing
    /// state or country stays (`ZOOM.US CA` must keep the `US` of `ZOOM US`; patterns match
    /// anywhere, so trailing words never hide one). Stable from month to month, so it is also
    /// the cache key for vendor matching.
    pub match_text: String,
    /// The merchant's words after the processor prefix, as matched (same cleaning as
    /// `match_text`): what a vendor billed through a processor is matched by.
    pub merchant_match_text: String,
    /// The merchant's words without a trailing state, country or city: the text free-text
    /// cancellations are compared with.
    pub merchant_text: String,
    /// The merchant key variants cluster on: at most two significant words (`NETFLIX`,
    /// `BLUE BOTTLE`), without domain endings, legal forms, cities or states.
    pub key: String,
    /// The processor that collected the money (`paypal`, `square`, `google-play`, `apple`, …).
    pub processor: Option<&'static str>,
}

/// Phrases banks put in front of the merchant, one a line (US, UK, German, Dutch, French,
/// Finnish, Swedish; longer ones first). Matched word by word at the start; a date or number
/// right after them (`ON 06/01`, `CHECKCARD 0601`) goes too.
const BANK_PREFIXES: &str = "\
    RECURRING PAYMENT AUTHORIZED ON\n\
    RECURRING PAYMENT\n\
    RECURRING DEBIT\n\
    PURCHASE AUTHORIZED ON\n\
    AUTHORIZED ON\n\
    RECURRING\n\
    CHECKCARD\n\
    CHECK CARD\n\
    POS DEBIT\n\
    POS PURCHASE\n\
    POS WITHDRAWAL\n\
    POS\n\
    DEBIT CARD PURCHASE\n\
    DEBIT CARD\n\
    DBT CRD\n\
    CARD PURCHASE\n\
    CARD PAYMENT TO\n\
    CARD PAYMENT\n\
    VISA PURCHASE\n\
    PURCHASE\n\
    ACH DEBIT\n\
    ACH WITHDRAWAL\n\
    ELECTRONIC PAYMENT\n\
    PREAUTHORIZED DEBIT\n\
    DIRECT DEBIT PAYMENT TO\n\
    DIRECT DEBIT\n\
    SEPA-LASTSCHRIFT\n\
    SEPA-BASISLASTSCHRIFT\n\
    SEPA LASTSCHRIFT\n\
    SEPA BASISLASTSCHRIFT\n\
    BASISLASTSCHRIFT\n\
    FOLGELASTSCHRIFT\n\
    ERSTLASTSCHRIFT\n\
    LASTSCHRIFT\n\
    ABBUCHUNG EINZUGSERMÄCHTIGUNG\n\
    ABBUCHUNG\n\
    EINZUGSERMÄCHTIGUNG\n\
    SEPA-FIRMENLASTSCHRIFT\n\
    EINMALLASTSCHRIFT\n\
    LASTSCHRIFTEINZUG\n\
    KARTENZAHLUNG\n\
    KARTENZAHLUNG/-ABRECHNUNG\n\
    DAUERAUFTRAG\n\
    BEZAHLUNG MAESTRO\n\
    BEZAHLUNG KARTE\n\
    BETALING MET BANKKAART\n\
    EUROPESE DOMICILIERING\n\
    DOMICILIERING\n\
    BEA BETAALPAS\n\
    BEA\n\
    BETAALAUTOMAAT\n\
    BETAALPAS\n\
    SEPA INCASSO ALGEMEEN DOORLOPEND\n\
    SEPA INCASSO\n\
    INCASSO\n\
    PAIEMENT PAR CARTE\n\
    PAIEMENT CB\n\
    PAIEMENT CARTE\n\
    CB\n\
    CARTE\n\
    PRLV SEPA\n\
    PRLV\n\
    PRELEVEMENT SEPA\n\
    PRÉLÈVEMENT SEPA\n\
    PRELEVEMENT\n\
    PRÉLÈVEMENT\n\
    KORTTIOSTO\n\
    KORTTIMAKSU\n\
    KORTKÖP\n\
    KORTKOP\n\
    AUTOGIRO\n\
    SWISH\n\
    VIR PERMANENT\n\
    VIR SEPA\n\
    VIR\n\
    RECIBO\n\
    PAGO EN\n\
    TRANSFERENCIA EMITIDA A\n\
    TRANSFERENCIA RECIBIDA DE\n\
    DEBIT EBILL\n\
    DEBIT MOBILE BANKING\n\
    DEBIT TWINT\n\
    CREDIT SALARY\n\
    DEBIT\n\
    CREDIT\n\
    SENT MONEY TO\n\
    RECEIVED MONEY FROM\n\
    CARD TRANSACTION OF\n\
    EUR ISSUED BY\n\
    USD ISSUED BY\n\
    GBP ISSUED BY\n\
    ISSUED BY\n\
    VISA\n\
    C\n\
";

/// Processor prefixes, as they start the text after the bank's phrases, and the channel kept
/// as "billed via", one `prefix|channel` a line. Longer spellings come first so
/// `AMZN MKTP US*` wins over nothing.
const PROCESSORS: &str = "\
    AMZN MKTP US*|amazon\n\
    AMZN MKTP US |amazon\n\
    AMAZON MKTPL*|amazon\n\
    AMAZON.COM*|amazon\n\
    AMZN DIGITAL*|amazon\n\
    PAYPAL *|paypal\n\
    PAYPAL*|paypal\n\
    PAYPAL |paypal\n\
    PP *|paypal\n\
    PP*|paypal\n\
    GOOGLE *|google-play\n\
    GOOGLE*|google-play\n\
    APL *|apple\n\
    APL*|apple\n\
    SQ *|square\n\
    SQ*|square\n\
    TST *|toast\n\
    TST*|toast\n\
    DD *|doordash\n\
    DD*|doordash\n\
    SP *|shopify\n\
    SP*|shopify\n\
    PADDLE.NET *|paddle\n\
    PADDLE.NET*|paddle\n\
    FSPRG.COM|fastspring\n\
    FSPRG*|fastspring\n\
    FS *|fastspring\n\
    FS*|fastspring\n\
    2CO.COM*|2checkout\n\
    2CO.COM |2checkout\n\
    DRI *|digital-river\n\
    DRI*|digital-river\n\
    SL.NORD *|nord-security\n\
    SL.NORD*|nord-security\n\
    2CO*|2checkout\n\
    CKO*|checkout\n\
    STRIPE *|stripe\n\
    STRIPE*|stripe\n\
    KLARNA *|klarna\n\
    KLARNA*|klarna\n\
";

/// Words dropped from the merchant key only (they are kept for vendor matching, where
/// `APPLE.COM/BILL` needs its `COM` and `BILL`).
const KEY_NOISE: &str = "\
    COM NET ORG IO AI CO TV APP WWW HTTP HTTPS BILL INC LLC LTD CORP CORPORATION \
    GMBH PBC AB BV SA SARL PLC THE";

/// US states, Canadian provinces and a few country codes that banks append at the end.
const REGION_CODES: &str = "\
    AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO \
    MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY ON \
    QC BC AB MB NS US USA GB GBR UK IE IRL NL NLD LU LUX SE DEU FR FRA";

/// Cities that card networks print after the merchant (Amex glues them to the last word).
const CITIES: &str = "\
    SAN FRANCISCO\n\
    LOS GATOS\n\
    LOS ANGELES\n\
    NEW YORK\n\
    SAN JOSE\n\
    SAN MATEO\n\
    SAN DIEGO\n\
    MOUNTAIN VIEW\n\
    MENLO PARK\n\
    PALO ALTO\n\
    SANTA MONICA\n\
    SUNNYVALE\n\
    CUPERTINO\n\
    OAKLAND\n\
    SEATTLE\n\
    REDMOND\n\
    BURBANK\n\
    CHICAGO\n\
    BOSTON\n\
    AUSTIN\n\
    DENVER\n\
    ATLANTA\n\
    MIAMI\n\
    DALLAS\n\
    HOUSTON\n\
    PHOENIX\n\
    PORTLAND\n\
    DUBLIN\n\
    LONDON\n\
    AMSTERDAM\n\
    LUXEMBOURG\n\
    STOCKHOLM\n\
    BERLIN\n\
    MUNICH\n\
    MUENCHEN\n\
    PARIS\n\
    TORONTO\n\
    VANCOUVER\n\
";

/// Takes a descriptor apart. Never fails; an empty or all-noise descriptor gives empty keys.
pub fn normalise(descriptor: &str) -> Normalised {
    // The shape, not the descriptor: the engine normalises once per shape, so nothing here may
    // depend on the reference words the shape leaves out.
    let mut shaped = String::new();
    shape(descriptor, &mut shaped);
    let upper = shaped.to_uppercase();
    let mut tokens: Vec<&str> = upper.split_whitespace().collect();
    strip_bank_prefixes(&mut tokens);
    let cleaned = tokens.join(" ");

    // Processor prefixes may be stacked (`PP*FS*ADOBE`); the outermost is the one that billed.
    let mut rest: &str = &cleaned;
    let mut processor: Option<&'static str> = None;
    let mut processor_words = String::new();
    'outer: loop {
        let mut lines = PROCESSORS;
        while let Some(mut line) = cut(&mut lines, b'\n') {
            let (Some(prefix), Some(channel)) = (cut(&mut line, b'|'), cut(&mut line, b'|')) else {
                continue;
            };
            if let Some(after) = rest.strip_prefix(prefix) {
                if processor.is_none() {
                    processor = Some(channel);
                }
                push_words(&mut processor_words, prefix);
                rest = after.trim_start();
                continue 'outer;
            }
        }
        break;
    }

    let (mut words, mut first_part) = significant_words(rest);
    if processor == Some("paypal") {
        paypal_purpose(&mut words);
        first_part = words.len();
    }
    let regions = region_tail_len(&words[..first_part]);
    if unglue_city(&mut words, first_part - regions) {
        first_part += 1;
    }
    let merchant_match_text = words.join(" ");
    let match_text = if processor_words.is_empty() {
        merchant_match_text.clone()
    } else if merchant_match_text.is_empty() {
        processor_words.clone()
    } else {
        format!("{processor_words} {merchant_match_text}")
    };
    // The merchant: the first part, without its trailing states and countries.
    words.truncate(first_part - regions);
    let merchant_text = words.join(" ");

    strip_city_tail(&mut words);
    let mut key_words: Vec<&str> = Vec::with_capacity(2);
    for &word in &words {
        if listed(KEY_NOISE, word) || (word.len() == 1 && !key_words.is_empty()) {
            continue;
        }
        if key_words.last() == Some(&word) {
            continue;
        }
        key_words.push(word);
        if key_words.len() == 2 {
            break;
        }
    }
    let key = if key_words.is_empty() {
        // A descriptor that is all processor (`PAYPAL *`) is that processor's merchant.
        processor_words.clone()
    } else {
        key_words.join(" ")
    };
    Normalised {
        match_text,
        merchant_match_text,
        merchant_text,
        key,
        processor,
    }
}

/// True when `word` is one of the space-separated words of `list`. The tables here are text,
/// not slices of `&str`: a slice costs 8 bytes of incompressible pointer per word in the wasm.
fn listed(list: &'static str, word: &str) -> bool {
    let mut rest = list;
    while let Some(listed) = cut(&mut rest, b' ') {
        if listed == word {
            return true;
        }
    }
    false
}

/// The next piece of a text table: the text before `separator` (or all that is left), with
/// `rest` moved past it. A byte loop: `str::split` and `lines` bring their searchers into the
/// wasm module.
fn cut(rest: &mut &'static str, separator: u8) -> Option<&'static str> {
    let text: &'static str = rest;
    if text.is_empty() {
        return None;
    }
    let end = text
        .bytes()
        .position(|byte| byte == separator)
        .unwrap_or(text.len());
    *rest = text.get(end + 1..).unwrap_or("");
    text.get(..end)
}

/// How many words a table phrase has.
fn word_count(phrase: &str) -> usize {
    1 + phrase.bytes().filter(|byte| *byte == b' ').count()
}

/// True when `words` are exactly the words of `phrase` (a word's trailing `,` or `:` aside:
/// `BEA, Betaalpas`).
fn words_are<S: AsRef<str>>(words: &[S], phrase: &'static str) -> bool {
    let mut rest = phrase;
    let mut words = words.iter();
    loop {
        match (cut(&mut rest, b' '), words.next()) {
            (None, None) => return true,
            (Some(want), Some(have)) => {
                let have = have.as_ref();
                let have = match have.as_bytes().last() {
                    Some(b',' | b':') => &have[..have.len() - 1],
                    _ => have,
                };
                if have != want {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// Splits words on every character that is not a letter or a digit (one function, so that
/// every such split shares one instance of the splitting code).
fn not_alphanumeric(character: char) -> bool {
    !character.is_alphanumeric()
}

/// True when a token of the shape has a word: the shape has no reference words left, so any
/// letter or digit is part of a name, except the two letters of a reference's prefix whose
/// number the shape dropped (easybank's `FE/167004811`, `MC/123456789` → `FE/`, `MC/`).
fn has_name_word(token: &str) -> bool {
    let reference_prefix = matches!(token.as_bytes(), [a, b, b'/'] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic());
    !reference_prefix && token.chars().any(char::is_alphanumeric)
}

fn push_words(out: &mut String, text: &str) {
    for word in text.split(not_alphanumeric).filter(|word| !word.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
}

fn strip_bank_prefixes(tokens: &mut Vec<&str>) {
    let mut start = 0;
    // Marks and dates in front (`'2345 17APR26 C , SQ *ZUMBA`: any token of references only,
    // as shapes omit references).
    while tokens.get(start).is_some_and(|token| !has_name_word(token)) {
        start += 1;
    }
    loop {
        let mut matched = None;
        let mut phrases = BANK_PREFIXES;
        while let Some(phrase) = cut(&mut phrases, b'\n') {
            let length = word_count(phrase);
            if tokens
                .get(start..start + length)
                .is_some_and(|window| words_are(window, phrase))
            {
                matched = Some(length);
                break;
            }
        }
        // `POS31AUG`: the bank's phrase with the date glued to it.
        if tokens.get(start).is_some_and(|token| {
            token.len() > 3 && token.starts_with("POS") && token.as_bytes()[3].is_ascii_digit()
        }) {
            matched = Some(1);
        }
        let Some(length) = matched else {
            break;
        };
        start += length;
        // The date or card digits the bank adds right after its phrase.
        while tokens.get(start).is_some_and(|token| !has_name_word(token)) {
            start += 1;
        }
        if start >= tokens.len() {
            // Nothing but bank text: keep it rather than returning nothing.
            start = 0;
            break;
        }
    }
    tokens.drain(..start);
    // Card numbers and references the bank appends anywhere (`XXXX1234`, `CARD 1234`).
    let mut index = 0;
    while index < tokens.len() {
        let token = tokens[index];
        let masked = token.starts_with("XX")
            && token
                .trim_start_matches('X')
                .chars()
                .all(|c| c.is_ascii_digit());
        if masked && tokens.len() > 1 {
            tokens.remove(index);
            if index > 0 && tokens.get(index - 1) == Some(&"CARD") {
                tokens.remove(index - 1);
                index -= 1;
            }
            continue;
        }
        index += 1;
    }
}

/// The words of `text` (a shape: reference, phone and store numbers are already gone) that
/// name the merchant (Google's help links left out; the `WWW` and `HTTPS` of a web address
/// stay, and only the merchant key drops them).
///
/// Also how many words come before a ` | ` (the CSV reader's line is `counterparty | purpose`:
/// the merchant is the first part), or all of them.
fn significant_words(text: &str) -> (Vec<&str>, usize) {
    let mut out = Vec::new();
    let mut first_part = None;
    for token in text.split_whitespace() {
        if token == "|" && !out.is_empty() {
            first_part.get_or_insert(out.len());
        }
        if token.contains("HELPPAY") {
            continue;
        }
        for word in token
            .split(not_alphanumeric)
            .filter(|word| !word.is_empty())
        {
            // No word of a shape is a reference any more (`shape` dropped them).
            out.push(word);
        }
    }
    let first_part = first_part.unwrap_or(out.len());
    (out, first_part)
}

/// PayPal's purpose line (`PAYPAL *Spotify AB, Ihr Einkauf bei Spotify AB`, as the CSV reader
/// writes a PayPal Europe counterparty): the phrase `Ihr Einkauf bei` and what follows go when
/// the merchant came before it, else the phrase alone.
fn paypal_purpose(words: &mut Vec<&str>) {
    if let Some(at) = (0..words.len().saturating_sub(2))
        .find(|at| words[*at] == "IHR" && words[at + 1] == "EINKAUF" && words[at + 2] == "BEI")
    {
        if at > 0 {
            words.truncate(at);
        } else {
            words.drain(..3);
        }
    }
}

/// How many words at the end are states or country codes. Only when something is left:
/// `CA` alone might be a name.
fn region_tail_len(words: &[&str]) -> usize {
    let mut count = 0;
    while count + 1 < words.len() && listed(REGION_CODES, words[words.len() - 1 - count]) {
        count += 1;
    }
    count
}

/// Splits a known city's first word off the merchant word it is glued to, the city ending at
/// word `end` (`SUBSSAN FRANCISCO CA` → `SUBS SAN FRANCISCO CA`): card networks print the
/// name in 25 columns and the city straight after it. True when it split one.
fn unglue_city(words: &mut Vec<&str>, end: usize) -> bool {
    let mut cities = CITIES;
    while let Some(city) = cut(&mut cities, b'\n') {
        let mut rest = city;
        let Some(first) = cut(&mut rest, b' ') else {
            continue;
        };
        let n = word_count(city);
        if rest.is_empty() || end < n {
            continue;
        }
        let tail_start = end - n;
        let glued = words[tail_start];
        let rest_equal = words_are(&words[tail_start + 1..end], rest);
        if rest_equal && glued.len() > first.len() && glued.ends_with(first) {
            let (kept, city_word) = glued.split_at(glued.len() - first.len());
            words[tail_start] = city_word;
            words.insert(tail_start, kept);
            return true;
        }
    }
    false
}

/// Drops a known city at the end (glued ones were split off by [`unglue_city`]).
fn strip_city_tail(words: &mut Vec<&str>) {
    let mut cities = CITIES;
    while let Some(city) = cut(&mut cities, b'\n') {
        let n = word_count(city);
        let tail_start = words.len().saturating_sub(n);
        if words.len() > n && words_are(&words[tail_start..], city) {
            words.truncate(tail_start);
            return;
        }
    }
}

/// The descriptor with its reference words left out (the words [`normalise`] drops anyway:
/// numbers, and words with three or more digits), written into `out`. Two descriptors with the
/// same shape normalise alike, so the shape is a cheap cache key; it allocates nothing once
/// `out` has grown.
pub fn shape(descriptor: &str, out: &mut String) {
    let mut bytes = std::mem::take(out).into_bytes();
    shape_bytes(descriptor, &mut bytes);
    // Whole words and whole characters of a `str`: always UTF-8.
    *out = String::from_utf8(bytes).unwrap_or_default();
}

/// [`shape`] as bytes, the form the engine keys its per-shape cache with.
pub(crate) fn shape_bytes(descriptor: &str, out: &mut Vec<u8>) {
    out.clear();
    if descriptor.is_ascii() {
        ascii_shape(descriptor.as_bytes(), out);
    } else {
        general_shape(descriptor, out);
    }
}

/// [`shape`] for any text, a character at a time.
fn general_shape(descriptor: &str, out: &mut Vec<u8>) {
    let mut word_start: Option<usize> = None;
    let mut digits = 0usize;
    let mut letters = 0usize;
    let flush =
        |out: &mut Vec<u8>, start: Option<usize>, end: usize, digits: usize, letters: usize| {
            if let Some(start) = start {
                let is_reference = letters == 0 || digits >= 3;
                if !is_reference {
                    out.extend_from_slice(&descriptor.as_bytes()[start..end]);
                }
            }
        };
    for (position, character) in descriptor.char_indices() {
        if character.is_alphanumeric() {
            if word_start.is_none() {
                word_start = Some(position);
                digits = 0;
                letters = 0;
            }
            if character.is_ascii_digit() {
                digits += 1;
            } else {
                letters += 1;
            }
        } else {
            flush(out, word_start, position, digits, letters);
            word_start = None;
            let mut encoded = [0u8; 4];
            out.extend_from_slice(character.encode_utf8(&mut encoded).as_bytes());
        }
    }
    flush(out, word_start, descriptor.len(), digits, letters);
}

/// [`shape`] of an ASCII descriptor (nearly all of them). Up to 64 bytes, the words are found
/// with bit masks (a bit per byte for "letter or digit" and for "digit"), eight bytes per step:
/// a byte-at-a-time loop mispredicts at every word boundary.
fn ascii_shape(bytes: &[u8], out: &mut Vec<u8>) {
    let Some((words, count)) = load_words(bytes) else {
        ascii_shape_bytewise(bytes, out);
        return;
    };
    let (alphanumeric, digit) = ascii_masks(words.get(..count).unwrap_or_default());
    // Copy everything but the reference words, in as few pieces as there are such words.
    let dropped = reference_words(alphanumeric, digit);
    let mut copied_to = 0usize;
    let mut rest = dropped;
    while rest != 0 {
        let start = rest.trailing_zeros();
        let length = (!(rest >> start)).trailing_zeros();
        let (start, end) = (start as usize, (start + length) as usize);
        out.extend_from_slice(bytes.get(copied_to..start).unwrap_or_default());
        copied_to = end;
        rest &= ones_from(end);
    }
    out.extend_from_slice(bytes.get(copied_to..).unwrap_or_default());
}

/// Bits from `position` up (none when `position` is 64).
fn ones_from(position: usize) -> u64 {
    u64::MAX.checked_shl(position as u32).unwrap_or(0)
}

/// The bytes of the reference words (all digits, or three or more digits), as a bit per byte,
/// from the masks of [`ascii_masks`].
#[inline(always)]
fn reference_words(alphanumeric: u64, digit: u64) -> u64 {
    // Only words with a digit can be references: visit those, from their lowest digit.
    let mut dropped = 0u64;
    let mut digits_left = digit;
    while digits_left != 0 {
        let position = digits_left.trailing_zeros();
        let below = (1u64 << position) - 1;
        let separators_below = !alphanumeric & below;
        let start = 64 - separators_below.leading_zeros();
        let length = (!(alphanumeric >> start)).trailing_zeros();
        let word = if length >= 64 {
            u64::MAX
        } else {
            ((1u64 << length) - 1) << start
        };
        // All digits, or three or more (the lowest two digit bits cleared, one is left).
        let digits = digit & word;
        let third_digit = digits & digits.wrapping_sub(1);
        let third_digit = third_digit & third_digit.wrapping_sub(1);
        if digits == word || third_digit != 0 {
            dropped |= word;
        }
        digits_left &= !word;
    }
    dropped
}

/// Words of a [`ShapeKey`].
const SHAPE_KEY_WORDS: usize = 10;

/// A key with the same use as [`shape`] for an ASCII descriptor of at most 64 bytes, built in
/// registers: the length, which bytes are reference words, and the descriptor's eight-byte
/// words with those bytes zeroed (zero words after the end). Equal keys mean equal shapes (the
/// converse need not hold: references of other lengths give other keys, which only costs a
/// cache entry).
///
/// Why not hash the shape itself: it is written a piece at a time and read back at once, and
/// reads that straddle several recent writes stall the processor; this was a quarter of the
/// analysis loop. Equality and hashing are written out word by word because the derived ones
/// call `memcmp`, a byte loop in wasm.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ShapeKey([u64; SHAPE_KEY_WORDS]);

impl PartialEq for ShapeKey {
    #[inline(always)]
    fn eq(&self, other: &Self) -> bool {
        self.0
            .iter()
            .zip(&other.0)
            .fold(0, |difference, (a, b)| difference | (a ^ b))
            == 0
    }
}

impl Eq for ShapeKey {}

impl std::hash::Hash for ShapeKey {
    #[inline(always)]
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // The length, the mask and the words the text covers; the rest are zero in every key
        // of that length.
        let used = (2 + self.0[0].div_ceil(8) as usize).min(SHAPE_KEY_WORDS);
        for word in &self.0[..used] {
            state.write_u64(*word);
        }
    }
}

/// The [`ShapeKey`] of a descriptor, or `None` when it is not ASCII or longer than 64 bytes.
/// Always in line (in the shape cache's lookup, once per row): as a call its key went out
/// through memory and was read back for hashing (in wasm, 11% of the analysis).
#[inline(always)]
pub(crate) fn shape_key(descriptor: &str) -> Option<ShapeKey> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = descriptor.as_bytes();
    let (words, count) = load_words(bytes)?;
    let words = words.get(..count).unwrap_or_default();
    // Not ASCII: some byte has its high bit set (bytes past the end are zero).
    if words.iter().fold(0, |all, word| all | word) & HIGH != 0 {
        return None;
    }
    let (alphanumeric, digit) = ascii_masks(words);
    let kept = !reference_words(alphanumeric, digit);
    let mut key = [0u64; SHAPE_KEY_WORDS];
    key[0] = bytes.len() as u64;
    key[1] = kept;
    for (index, (word, slot)) in words.iter().zip(&mut key[2..]).enumerate() {
        *slot = word & BYTE_MASKS[((kept >> (index * 8)) & 0xff) as usize];
    }
    Some(ShapeKey(key))
}

/// For each 8-bit mask, the 64-bit mask with byte `i` all ones where bit `i` is set.
const BYTE_MASKS: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut bits = 0;
    while bits < 256 {
        let mut mask = 0u64;
        let mut byte = 0;
        while byte < 8 {
            if bits & (1 << byte) != 0 {
                mask |= 0xff << (8 * byte);
            }
            byte += 1;
        }
        table[bits] = mask;
        bits += 1;
    }
    table
};

/// A text of at most 64 bytes as little-endian eight-byte words (zero past the end), and how
/// many there are; `None` for longer texts.
#[inline(always)]
fn load_words(bytes: &[u8]) -> Option<([u64; 8], usize)> {
    let length = bytes.len();
    if length > 64 {
        return None;
    }
    // `first_chunk` is a plain eight-byte load; `copy_from_slice` stays a call in the
    // size-optimised wasm build.
    let mut words = [0u64; 8];
    let mut count = 0;
    let mut rest = bytes;
    while let Some((chunk, after)) = rest.split_first_chunk::<8>() {
        words[count] = u64::from_le_bytes(*chunk);
        count += 1;
        rest = after;
    }
    if !rest.is_empty() {
        words[count] = match bytes.last_chunk::<8>() {
            // The last eight bytes, shifted down past the ones already loaded.
            Some(last) => u64::from_le_bytes(*last) >> (8 * (8 - rest.len())),
            None => {
                let mut word = 0u64;
                for (position, byte) in rest.iter().enumerate() {
                    word |= u64::from(*byte) << (8 * position);
                }
                word
            }
        };
        count += 1;
    }
    Some((words, count))
}

/// Bit `i` set where byte `i` of an ASCII text (as [`load_words`] gives it) is a letter or
/// digit, and where it is a digit.
#[inline(always)]
fn ascii_masks(words: &[u64]) -> (u64, u64) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    /// High bit of each byte set where `low <= byte <= high` (every byte below 0x80, so the
    /// additions never carry into the next byte).
    #[inline(always)]
    fn in_range(word: u64, low: u8, high: u8) -> u64 {
        let at_least_low = word.wrapping_add(ONES * u64::from(0x80 - low));
        let above_high = word.wrapping_add(ONES * u64::from(0x7f - high));
        at_least_low & !above_high & HIGH
    }
    /// The high bits of the eight bytes gathered into the low eight bits, byte `i` to bit `i`.
    #[inline(always)]
    fn gather(high_bits: u64) -> u64 {
        ((high_bits >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
    }
    let (mut alphanumeric, mut digit) = (0u64, 0u64);
    for (index, word) in words.iter().enumerate() {
        let digits = in_range(*word, b'0', b'9');
        // Setting bit 5 folds upper case onto lower case and nothing else onto `a..=z`.
        let letters = in_range(*word | 0x2020_2020_2020_2020, b'a', b'z');
        let shift = index * 8;
        alphanumeric |= gather(digits | letters) << shift;
        digit |= gather(digits) << shift;
    }
    (alphanumeric, digit)
}

/// [`ascii_shape`] a byte at a time, for long descriptors.
fn ascii_shape_bytewise(bytes: &[u8], out: &mut Vec<u8>) {
    let mut position = 0;
    while let Some(&byte) = bytes.get(position) {
        if !byte.is_ascii_alphanumeric() {
            out.push(byte);
            position += 1;
            continue;
        }
        let start = position;
        let mut digits = 0usize;
        while let Some(&byte) = bytes.get(position) {
            if !byte.is_ascii_alphanumeric() {
                break;
            }
            digits += usize::from(byte.is_ascii_digit());
            position += 1;
        }
        let letters = position - start - digits;
        if letters != 0 && digits < 3 {
            out.extend_from_slice(&bytes[start..position]);
        }
    }
}

/// Title case for a display name: `BLUE BOTTLE` → `Blue Bottle`.
pub fn display_name(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for (index, word) in key.split(' ').enumerate() {
        if index > 0 {
            out.push(' ');
        }
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first);
            out.extend(chars.flat_map(char::to_lowercase));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> String {
        normalise(text).key
    }

    #[test]
    fn netflix_variants_cluster() {
        assert_eq!(key("NETFLIX.COM"), "NETFLIX");
        assert_eq!(key("NETFLIX.COM 866-579-7172 CA"), "NETFLIX");
        assert_eq!(key("Netflix.com Los Gatos CA"), "NETFLIX");
        assert_eq!(
            key("RECURRING PAYMENT AUTHORIZED ON 06/01 NETFLIX.COM 866-579-7172 CA"),
            "NETFLIX"
        );
        assert_eq!(key("CHECKCARD 0601 NETFLIX.COM"), "NETFLIX");
        assert_eq!(key("POS DEBIT NETFLIX.COM NETFLIX.COM CA"), "NETFLIX");
    }

    #[test]
    fn bank_text_goes_and_processor_is_kept() {
        let n = normalise("RECURRING PAYMENT AUTHORIZED ON 06/01 PAYPAL *SPOTIFY P43C314821");
        assert_eq!(n.processor, Some("paypal"));
        assert_eq!(n.key, "SPOTIFY");
        assert_eq!(n.match_text, "PAYPAL SPOTIFY");
        let n = normalise("SQ *BLUE BOTTLE COFFEE #1234");
        assert_eq!(
            (n.processor, n.key.as_str()),
            (Some("square"), "BLUE BOTTLE")
        );
        let n = normalise("TST* JOES DINER 555-123-4567");
        assert_eq!((n.processor, n.key.as_str()), (Some("toast"), "JOES DINER"));
        let n = normalise("AMZN Mktp US*2K4AB12C3");
        assert_eq!(n.processor, Some("amazon"));
        let n = normalise("PP*FS*ADOBE SYSTEMS");
        assert_eq!(
            (n.processor, n.key.as_str()),
            (Some("paypal"), "ADOBE SYSTEMS")
        );
        let n = normalise("APL*ITUNES.COM/BILL");
        assert_eq!(
            (n.processor, n.match_text.as_str()),
            (Some("apple"), "APL ITUNES COM BILL")
        );
        let n = normalise("GOOGLE *YouTubePremium g.co/helppay# CA");
        assert_eq!(
            (n.processor, n.key.as_str()),
            (Some("google-play"), "YOUTUBEPREMIUM")
        );
    }

    #[test]
    fn amex_glued_city_is_cut() {
        assert_eq!(
            key("OPENAI *CHATGPT SUBSSAN FRANCISCO CA"),
            "OPENAI CHATGPT"
        );
        let n = normalise("OPENAI *CHATGPT SUBSSAN FRANCISCO CA");
        assert!(n.match_text.starts_with("OPENAI CHATGPT"));
    }

    #[test]
    fn references_and_numbers_are_dropped_but_names_with_digits_stay() {
        assert_eq!(key("AMAZON PRIME*591NQ1G33"), "AMAZON PRIME");
        assert_eq!(
            key("AMAZON PRIME*RT4EE2113 AMZN.COM/BILL WA"),
            "AMAZON PRIME"
        );
        assert_eq!(key("1PASSWORD"), "1PASSWORD");
        assert_eq!(key("HULU 848481221211-U 877-8244858 CA"), "HULU");
        assert_eq!(
            key("SEPA-LASTSCHRIFT Stadtwerke Musterstadt"),
            "STADTWERKE MUSTERSTADT"
        );
    }

    #[test]
    fn domain_endings_and_states_stay_for_matching() {
        let n = normalise("ZOOM.US 888-799-9666 CA");
        assert_eq!(n.match_text, "ZOOM US CA");
        assert_eq!((n.merchant_text.as_str(), n.key.as_str()), ("ZOOM", "ZOOM"));
        assert_eq!(normalise("WWW.ZOOM.US").match_text, "WWW ZOOM US");
        assert_eq!(key("WWW.ZOOM.US"), "ZOOM");
        assert_eq!(normalise("https://netflix.com/ca").key, "NETFLIX");
        assert_eq!(normalise("BBC.CO.UK").key, "BBC");
    }

    #[test]
    fn european_bank_phrases_go() {
        for text in [
            "SEPA-Basislastschrift NETFLIX INTERNATIONAL B.V.",
            "Folgelastschrift NETFLIX INTERNATIONAL B.V.",
            "BEA, Betaalpas NETFLIX INTERNATIONAL B.V.",
            "Betaalautomaat NETFLIX INTERNATIONAL B.V.",
            "Paiement par carte NETFLIX INTERNATIONAL B.V.",
            "CB NETFLIX INTERNATIONAL B.V. 12/03",
            "Prélèvement SEPA NETFLIX INTERNATIONAL B.V.",
            "PRLV SEPA NETFLIX INTERNATIONAL B.V.",
            "Korttiosto NETFLIX INTERNATIONAL B.V.",
        ] {
            assert_eq!(key(text), "NETFLIX INTERNATIONAL", "{text}");
        }
        // Nothing but bank text is kept rather than lost.
        assert_eq!(key("Lastschrift"), "LASTSCHRIFT");
    }

    #[test]
    fn real_layouts_booking_words_go() {
        // Lines of the bank layouts in tests/support (easybank, ZKB, Sparbanken Tanum,
        // Boursorama, ING Spain, Wise, Bank of Ireland, Ulster Bank, ING Germany).
        for (text, want) in [
            (
                "Abbuchung Einzugsermächtigung                OG/123456789 METRO POWER AND LIGHT               12345 12345678901",
                "METRO POWER",
            ),
            ("Debit eBill: METRO POWER AND LIGHT", "METRO POWER"),
            ("Debit TWINT: OAKWOOD PROPERTY MGMT", "OAKWOOD PROPERTY"),
            ("Autogiro METRO POWER AND LIGHT", "METRO POWER"),
            ("Swish OAKWOOD PROPERTY MGMT", "OAKWOOD PROPERTY"),
            ("VIR PERMANENT OAKWOOD PROPERTY MGMT", "OAKWOOD PROPERTY"),
            ("CARTE 14/03/26 NETFLIX.COM", "NETFLIX"),
            ("Recibo METRO POWER AND LIGHT", "METRO POWER"),
            ("Pago en NETFLIX.COM", "NETFLIX"),
            ("Transferencia emitida a OAKWOOD PROPERTY MGMT", "OAKWOOD PROPERTY"),
            ("Direct debit payment to METRO POWER AND LIGHT", "METRO POWER"),
            ("Sent money to OAKWOOD PROPERTY MGMT", "OAKWOOD PROPERTY"),
            ("Card transaction of 15.49 EUR issued by NETFLIX.COM", "NETFLIX"),
            ("POS31AUG NETFLIX.COM", "NETFLIX"),
            ("'2345 17APR26 C , SQ *ZUMBA STUDIO , DUBLIN , DUBLIN IE", "ZUMBA STUDIO"),
            (
                "VISA SQ *ZUMBA STUDIO | NR XXXX 1234 KAUFUMSATZ 14.03 123456 ARN12345678901",
                "ZUMBA STUDIO",
            ),
            ("VISA FRESHBOX MEALS | NR XXXX 1234 KAUFUMSATZ 14.03", "FRESHBOX MEALS"),
            (
                "Dauerauftrag FE/167004811 ABCDEF1G235 AT529122069146174733 OAKWOOD PROPERTY MGMT",
                "OAKWOOD PROPERTY",
            ),
            (
                "Bezahlung Maestro 14.03 MC/123456789 NETFLIX.COM K1 14.03.UM 12:34",
                "NETFLIX K1",
            ),
            (
                "BETALING MET BANKKAART | FRESHBOX MEALS | 940200241 | MET KAART 2131 02XX XXXX X318 2 FRESHBOX MEALS 28-09-2026 VALUTADATUM : 28/09/2026 | 2026-3323",
                "FRESHBOX MEALS",
            ),
        ] {
            assert_eq!(key(text), want, "{text}");
        }
        let n = normalise("VISA FRESHBOX MEALS | NR XXXX 1234 KAUFUMSATZ 14.03");
        assert_eq!(n.merchant_text, "FRESHBOX MEALS");
        assert_eq!(n.match_text, "FRESHBOX MEALS NR KAUFUMSATZ");
        assert_eq!(
            normalise("'2345 17APR26 C , SQ *ZUMBA").processor,
            Some("square")
        );
    }

    #[test]
    fn wallets_keep_the_merchant_and_the_channel() {
        let n = normalise("PAYPAL *Spotify AB, Ihr Einkauf bei Spotify AB");
        assert_eq!(n.processor, Some("paypal"));
        assert_eq!(n.merchant_match_text, "SPOTIFY AB");
        assert_eq!(n.key, "SPOTIFY");
        let n = normalise("PAYPAL *Ihr Einkauf bei ACME TOOLS");
        assert_eq!(
            (n.processor, n.key.as_str()),
            (Some("paypal"), "ACME TOOLS")
        );
        // PayPal Europe's own line, should it reach the engine unwrapped: still billed via
        // PayPal and matched by the merchant in it.
        let n =
            normalise("PayPal Europe S.a.r.l. et Cie S.C.A 1041592837465 PP.8376.PP . Spotify AB");
        assert_eq!(n.processor, Some("paypal"));
        assert!(n.match_text.ends_with("SPOTIFY AB"));
        let n = normalise("KLARNA*NETFLIX.COM");
        assert_eq!((n.processor, n.key.as_str()), (Some("klarna"), "NETFLIX"));
    }

    #[test]
    fn a_glued_city_is_split_off_for_matching() {
        let n = normalise("IC*INSTACART SUBSCRIPTIONSAN FRANCISCO CA");
        assert_eq!(n.match_text, "IC INSTACART SUBSCRIPTION SAN FRANCISCO CA");
        assert_eq!(n.key, "IC INSTACART");
    }

    #[test]
    fn equal_shapes_normalise_alike() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let pieces = [
            "PAYPAL *",
            "ZOOM.US",
            " ",
            "888-799-9666",
            "CA",
            "24",
            "#0123",
            "*AB12CD345",
            "SAN FRANCISCO",
            "SUBSSAN",
            "PP.8376.PP",
            "Ihr Einkauf bei",
            "EUROPE",
            "Kartenzahlung",
            "06/01",
            "XXXX1234",
            "1PASSWORD",
            "HOUR",
            "P43C314821",
            "WWW.",
            "é",
            ",",
        ];
        let mut by_shape: std::collections::HashMap<String, (String, Normalised)> =
            Default::default();
        for _ in 0..50_000 {
            let count = 1 + (next() % 7) as usize;
            let text: String = (0..count)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect::<Vec<_>>()
                .join(if next() % 3 == 0 { "" } else { " " });
            let mut shaped = String::new();
            shape(&text, &mut shaped);
            let normalised = normalise(&text);
            let (first, seen) = by_shape
                .entry(shaped)
                .or_insert_with(|| (text.clone(), normalised.clone()));
            assert_eq!(*seen, normalised, "{first:?} and {text:?}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            " ",
            "***",
            "PAYPAL *",
            "CA",
            "RECURRING PAYMENT",
            "ß",
            "\u{202e}x",
            "XXXX1234",
        ] {
            let _ = normalise(text);
        }
        assert_eq!(key("PAYPAL *"), "PAYPAL");
        assert_eq!(key(&"A ".repeat(10_000)), "A");
    }

    #[test]
    fn shapes_drop_references_only() {
        let mut out = String::new();
        shape("AMZN Mktp US*2K4AB12C3", &mut out);
        assert_eq!(out, "AMZN Mktp US*");
        shape("SPOTIFY P43C314821", &mut out);
        assert_eq!(out, "SPOTIFY ");
        shape("1PASSWORD 866-579-7172", &mut out);
        assert_eq!(out, "1PASSWORD --");
        // Same shape, same normalisation.
        for (a, b) in [
            ("AMAZON PRIME*591NQ1G33", "AMAZON PRIME*RT4EE2113"),
            ("CHECKCARD 0601 NETFLIX.COM", "CHECKCARD 0702 NETFLIX.COM"),
        ] {
            let (mut shape_a, mut shape_b) = (String::new(), String::new());
            shape(a, &mut shape_a);
            shape(b, &mut shape_b);
            assert_eq!(shape_a, shape_b);
            assert_eq!(normalise(a), normalise(b));
        }
    }

    #[test]
    fn ascii_shapes_agree_with_the_general_path() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        // Mostly letters, digits and spaces (long words and runs of digits), and every byte.
        let common = b"AZaz0919 PX09 ";
        for round in 0..100_000 {
            let length = (next() % 80) as usize;
            let text: Vec<u8> = (0..length)
                .map(|_| {
                    if round % 2 == 0 {
                        common[(next() % common.len() as u64) as usize]
                    } else {
                        (next() % 128) as u8
                    }
                })
                .collect();
            let text = String::from_utf8(text).expect("ASCII");
            let (mut fast, mut general, mut bytewise) = (Vec::new(), Vec::new(), Vec::new());
            ascii_shape(text.as_bytes(), &mut fast);
            ascii_shape_bytewise(text.as_bytes(), &mut bytewise);
            general_shape(&text, &mut general);
            assert_eq!(fast, general, "{text:?}");
            assert_eq!(bytewise, general, "{text:?}");
        }
    }

    #[test]
    fn equal_shape_keys_mean_equal_shapes() {
        let mut state = 0x6a09_e667_f3bc_c909u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut seen: std::collections::HashMap<Vec<u64>, Vec<u8>> = Default::default();
        let pieces: [&[u8]; 9] = [
            b"AB", b"1", b"1234", b"X9", b" ", b"\0", b"*", b"12", b"P43C3",
        ];
        for _ in 0..200_000 {
            let count = (next() % 8) as usize;
            let text: Vec<u8> = (0..count)
                .flat_map(|_| {
                    pieces[(next() % pieces.len() as u64) as usize]
                        .iter()
                        .copied()
                })
                .collect();
            let text = String::from_utf8(text).expect("ASCII");
            let mut shaped = String::new();
            shape(&text, &mut shaped);
            match shape_key(&text) {
                Some(key) => {
                    let previous = seen
                        .entry(key.0.to_vec())
                        .or_insert_with(|| shaped.clone().into_bytes());
                    assert_eq!(previous, shaped.as_bytes(), "{text:?}");
                }
                None => assert!(text.len() > 64),
            }
        }
        assert!(seen.len() > 1000);
    }

    #[test]
    fn display_names_are_title_case() {
        assert_eq!(display_name("BLUE BOTTLE"), "Blue Bottle");
    }
}

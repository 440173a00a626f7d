//! Languages: what of a word's treatment depends on the language it is
//! written in (its stem, and whether it is a stop word), and how an
//! article's BCP 47 tag names that language.
//!
//! The rules go by a tag's primary language subtag, in lower case
//! ([`language_key`]): `zh-Hans` and `zh-TW` are `zh`, `pt-BR` is `pt`.
//! Stemmers are Snowball's (BSD-3-Clause), through `rust-stemmers` (MIT);
//! the stop lists are in [`crate::text::lexicon`].

use rust_stemmers::{Algorithm, Stemmer};

/// The key the engine's language rules go by: the primary language subtag
/// of a BCP 47 tag, in lower case, with Norwegian Bokmål and Nynorsk
/// (`nb`, `nn`) as Norwegian (`no`: one Snowball stemmer and stop list) and
/// the retired codes `iw`, `in`, `ji` as `he`, `id`, `yi`.
pub fn language_key(tag: &str) -> String {
    let primary = tag.split(['-', '_']).next().unwrap_or("").trim();
    let key = primary.to_ascii_lowercase();
    match key.as_str() {
        "nb" | "nn" => "no".into(),
        "iw" => "he".into(),
        "in" => "id".into(),
        "ji" => "yi".into(),
        "" => "und".into(),
        _ => key,
    }
}

/// Every language with a Snowball stemmer: (key, its algorithm), sorted by
/// key. Not Greek: rust-stemmers' Greek stemmer panics on some words (and
/// a panic ends the page).
const STEMMERS: &[(&str, Algorithm)] = &[
    ("ar", Algorithm::Arabic),
    ("da", Algorithm::Danish),
    ("de", Algorithm::German),
    ("en", Algorithm::English),
    ("es", Algorithm::Spanish),
    ("fi", Algorithm::Finnish),
    ("fr", Algorithm::French),
    ("hu", Algorithm::Hungarian),
    ("it", Algorithm::Italian),
    ("nl", Algorithm::Dutch),
    ("no", Algorithm::Norwegian),
    ("pt", Algorithm::Portuguese),
    ("ro", Algorithm::Romanian),
    ("ru", Algorithm::Russian),
    ("sv", Algorithm::Swedish),
    ("ta", Algorithm::Tamil),
    ("tr", Algorithm::Turkish),
];

/// The Snowball stemmer of a language (by [`language_key`]), if it has one:
/// a language without one matches words by their exact form.
pub fn stemmer(key: &str) -> Option<Stemmer> {
    let i = STEMMERS.binary_search_by(|(k, _)| (*k).cmp(key)).ok()?;
    Some(Stemmer::create(STEMMERS[i].1))
}

/// Languages by key, with their English names: the names a reader sees
/// (the language facet, an article's details). Sorted by key.
const NAMES: &[(&str, &str)] = &[
    ("af", "Afrikaans"),
    ("ar", "Arabic"),
    ("az", "Azerbaijani"),
    ("be", "Belarusian"),
    ("bg", "Bulgarian"),
    ("bn", "Bengali"),
    ("br", "Breton"),
    ("ca", "Catalan"),
    ("cs", "Czech"),
    ("cy", "Welsh"),
    ("da", "Danish"),
    ("de", "German"),
    ("el", "Greek"),
    ("en", "English"),
    ("eo", "Esperanto"),
    ("es", "Spanish"),
    ("et", "Estonian"),
    ("eu", "Basque"),
    ("fa", "Persian"),
    ("fi", "Finnish"),
    ("fr", "French"),
    ("ga", "Irish"),
    ("gl", "Galician"),
    ("gu", "Gujarati"),
    ("ha", "Hausa"),
    ("he", "Hebrew"),
    ("hi", "Hindi"),
    ("hr", "Croatian"),
    ("hu", "Hungarian"),
    ("hy", "Armenian"),
    ("id", "Indonesian"),
    ("is", "Icelandic"),
    ("it", "Italian"),
    ("ja", "Japanese"),
    ("ka", "Georgian"),
    ("kk", "Kazakh"),
    ("km", "Khmer"),
    ("ko", "Korean"),
    ("ku", "Kurdish"),
    ("la", "Latin"),
    ("lo", "Lao"),
    ("lt", "Lithuanian"),
    ("lv", "Latvian"),
    ("mr", "Marathi"),
    ("ms", "Malay"),
    ("my", "Burmese"),
    ("ne", "Nepali"),
    ("nl", "Dutch"),
    ("no", "Norwegian"),
    ("pl", "Polish"),
    ("pt", "Portuguese"),
    ("ro", "Romanian"),
    ("ru", "Russian"),
    ("sk", "Slovak"),
    ("sl", "Slovenian"),
    ("so", "Somali"),
    ("sq", "Albanian"),
    ("sr", "Serbian"),
    ("st", "Sesotho"),
    ("sv", "Swedish"),
    ("sw", "Swahili"),
    ("ta", "Tamil"),
    ("tg", "Tajik"),
    ("th", "Thai"),
    ("tl", "Tagalog"),
    ("tr", "Turkish"),
    ("uk", "Ukrainian"),
    ("ur", "Urdu"),
    ("uz", "Uzbek"),
    ("vi", "Vietnamese"),
    ("yi", "Yiddish"),
    ("yo", "Yoruba"),
    ("zh", "Chinese"),
    ("zu", "Zulu"),
];

/// A language's English name by key ("de" → "German"), or the key itself
/// when the engine has no name for it.
pub fn language_name(key: &str) -> &str {
    match NAMES.binary_search_by(|(k, _)| (*k).cmp(key)) {
        Ok(i) => NAMES[i].1,
        Err(_) => key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_for_binary_search() {
        assert!(STEMMERS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        // Every language with a stemmer has a name.
        assert!(STEMMERS.iter().all(|(k, _)| language_name(k) != *k));
    }

    #[test]
    fn keys_are_primary_subtags() {
        assert_eq!(language_key("zh-Hans"), "zh");
        assert_eq!(language_key("pt-BR"), "pt");
        assert_eq!(language_key("DE"), "de");
        assert_eq!(language_key("nb-NO"), "no");
        assert_eq!(language_key(""), "und");
        assert_eq!(language_name("de"), "German");
        assert_eq!(language_name("xx"), "xx");
    }

    #[test]
    fn each_language_stems_its_own_words() {
        let de = stemmer("de").unwrap();
        assert_eq!(de.stem("zahlungen"), de.stem("zahlung"));
        let fr = stemmer("fr").unwrap();
        assert_eq!(fr.stem("paiements"), fr.stem("paiement"));
        let en = stemmer("en").unwrap();
        assert_eq!(en.stem("payments"), "payment");
        assert!(stemmer("zh").is_none() && stemmer("ja").is_none());
        // Greek matches exact forms: rust-stemmers' Greek stemmer panics.
        assert!(stemmer("el").is_none());
    }
}

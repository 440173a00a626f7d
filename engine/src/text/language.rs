//! Languages: what of a word's treatment depends on the language it is
//! written in (its stem, and whether it is a stop word), and how an
//! article's BCP 47 tag names that language.
//!
//! The rules go by a tag's primary language subtag, in lower case
//! ([`language_key`]): `zh-Hans` and `zh-TW` are `zh`, `pt-BR` is `pt`.
//! Stemmers are Snowball's, through `frostem` (which tracks Snowball's own
//! repository; BSD-3-Clause), one feature per language; the stop lists are
//! in [`crate::text::lexicon`].

#[allow(unused_imports)] // A build with no stemmer names no algorithm.
use frostem::{Algorithm, Stemmer};

/// The key the engine's language rules go by: the primary language subtag
/// of a BCP 47 tag, in lower case, with Norwegian Bokmål and Nynorsk
/// (`nb`, `nn`) as Norwegian (`no`: one Snowball stemmer and stop list) and
/// the retired codes `iw`, `in`, `ji` as `he`, `id`, `yi`.
///
/// A tag an import read from a file may be a language's English name
/// ("English", "German"): that name's key. Anything else that is no
/// language code (two or three ASCII letters) is `und`, undetermined: so a
/// key is always a code `lang:` can name.
pub fn language_key(tag: &str) -> String {
    let primary = tag.split(['-', '_']).next().unwrap_or("").trim();
    let key = primary.to_ascii_lowercase();
    match key.as_str() {
        "nb" | "nn" => "no".into(),
        "iw" => "he".into(),
        "in" => "id".into(),
        "ji" => "yi".into(),
        k if (2..=3).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_lowercase()) => key,
        _ => NAMES
            .iter()
            .find(|(_, name)| name.eq_ignore_ascii_case(tag.trim()))
            .map_or("und", |(k, _)| k)
            .to_string(),
    }
}

/// The languages Snowball has a stemmer for, by key: those a build may
/// hold ([`stemmer`]; each a feature, `stem-KEY`).
pub const SNOWBALL: &[&str] = &[
    "ar", "ca", "cs", "da", "de", "el", "en", "eo", "es", "et", "eu", "fa", "fi", "fr", "ga", "hi",
    "hu", "hy", "id", "it", "lt", "ne", "nl", "no", "pl", "pt", "ro", "ru", "sr", "st", "sv", "ta",
    "tr", "uk", "yi",
];

/// The Snowball stemmer of a language (by [`language_key`]), if this build
/// holds it (feature `stem-KEY`): a language without one matches words by
/// their exact form.
// A build with no stemmer (the import worker's) has only the last arm.
#[allow(unreachable_code, unused_variables)]
pub fn stemmer(key: &str) -> Option<Stemmer> {
    let algorithm = match key {
        #[cfg(feature = "stem-ar")]
        "ar" => Algorithm::Arabic,
        #[cfg(feature = "stem-ca")]
        "ca" => Algorithm::Catalan,
        #[cfg(feature = "stem-cs")]
        "cs" => Algorithm::Czech,
        #[cfg(feature = "stem-da")]
        "da" => Algorithm::Danish,
        #[cfg(feature = "stem-de")]
        "de" => Algorithm::German,
        #[cfg(feature = "stem-el")]
        "el" => Algorithm::Greek,
        #[cfg(feature = "stem-en")]
        "en" => Algorithm::English,
        #[cfg(feature = "stem-eo")]
        "eo" => Algorithm::Esperanto,
        #[cfg(feature = "stem-es")]
        "es" => Algorithm::Spanish,
        #[cfg(feature = "stem-et")]
        "et" => Algorithm::Estonian,
        #[cfg(feature = "stem-eu")]
        "eu" => Algorithm::Basque,
        #[cfg(feature = "stem-fa")]
        "fa" => Algorithm::Persian,
        #[cfg(feature = "stem-fi")]
        "fi" => Algorithm::Finnish,
        #[cfg(feature = "stem-fr")]
        "fr" => Algorithm::French,
        #[cfg(feature = "stem-ga")]
        "ga" => Algorithm::Irish,
        #[cfg(feature = "stem-hi")]
        "hi" => Algorithm::Hindi,
        #[cfg(feature = "stem-hu")]
        "hu" => Algorithm::Hungarian,
        #[cfg(feature = "stem-hy")]
        "hy" => Algorithm::Armenian,
        #[cfg(feature = "stem-id")]
        "id" => Algorithm::Indonesian,
        #[cfg(feature = "stem-it")]
        "it" => Algorithm::Italian,
        #[cfg(feature = "stem-lt")]
        "lt" => Algorithm::Lithuanian,
        #[cfg(feature = "stem-ne")]
        "ne" => Algorithm::Nepali,
        #[cfg(feature = "stem-nl")]
        "nl" => Algorithm::Dutch,
        #[cfg(feature = "stem-no")]
        "no" => Algorithm::Norwegian,
        #[cfg(feature = "stem-pl")]
        "pl" => Algorithm::Polish,
        #[cfg(feature = "stem-pt")]
        "pt" => Algorithm::Portuguese,
        #[cfg(feature = "stem-ro")]
        "ro" => Algorithm::Romanian,
        #[cfg(feature = "stem-ru")]
        "ru" => Algorithm::Russian,
        #[cfg(feature = "stem-sr")]
        "sr" => Algorithm::Serbian,
        #[cfg(feature = "stem-st")]
        "st" => Algorithm::Sesotho,
        #[cfg(feature = "stem-sv")]
        "sv" => Algorithm::Swedish,
        #[cfg(feature = "stem-ta")]
        "ta" => Algorithm::Tamil,
        #[cfg(feature = "stem-tr")]
        "tr" => Algorithm::Turkish,
        #[cfg(feature = "stem-uk")]
        "uk" => Algorithm::Ukrainian,
        #[cfg(feature = "stem-yi")]
        "yi" => Algorithm::Yiddish,
        _ => return None,
    };
    Some(Stemmer::new(algorithm))
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
    ("und", "Undetermined"),
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
        assert!(SNOWBALL.windows(2).all(|w| w[0] < w[1]));
        assert!(NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        // Every language with a stemmer has a name.
        assert!(SNOWBALL.iter().all(|k| language_name(k) != *k));
    }

    #[cfg(feature = "stemmers")]
    #[test]
    fn with_every_stemmer_each_snowball_language_has_one() {
        assert!(SNOWBALL.iter().all(|k| stemmer(k).is_some()));
    }

    #[test]
    fn keys_are_primary_subtags() {
        assert_eq!(language_key("zh-Hans"), "zh");
        assert_eq!(language_key("pt-BR"), "pt");
        assert_eq!(language_key("DE"), "de");
        assert_eq!(language_key("nb-NO"), "no");
        assert_eq!(language_key(""), "und");
        // Names an import may read, and what is no code at all.
        assert_eq!(language_key("English"), "en");
        assert_eq!(language_key(" german "), "de");
        for odd in ["x-foo", "en US", "français", "123", "abcd", "\u{1F600}"] {
            assert_eq!(language_key(odd), "und", "{odd:?}");
        }
        assert_eq!(
            language_key("en US"),
            "und",
            "a space is no subtag separator"
        );
        assert_eq!(language_name("de"), "German");
        assert_eq!(language_name("xx"), "xx");
    }

    #[cfg(feature = "stemmers")]
    #[test]
    fn each_language_stems_its_own_words() {
        let de = stemmer("de").unwrap();
        assert_eq!(de.stem("zahlungen"), de.stem("zahlung"));
        let fr = stemmer("fr").unwrap();
        assert_eq!(fr.stem("paiements"), fr.stem("paiement"));
        let en = stemmer("en").unwrap();
        assert_eq!(en.stem("payments"), "payment");
        assert!(stemmer("zh").is_none() && stemmer("ja").is_none());
        // Snowball's Greek stemmer on odd input (rust-stemmers panics on some).
        let el = stemmer("el").unwrap();
        for w in ["", "ά", "σσσσσ", "ΐΰ", "aλ", "ς", "εις"] {
            let _ = el.stem(w);
        }
    }
}

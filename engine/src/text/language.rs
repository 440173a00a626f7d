//! Languages: what of a word's treatment depends on the language it is
//! written in (its stem, and whether it is a stop word), and how an
//! article's BCP 47 tag names that language.
//!
//! The rules go by a tag's primary language subtag, in lower case
//! ([`language_key`]): `zh-Hans` and `zh-TW` are `zh`, `pt-BR` is `pt`.
//! Stemmers are Snowball's (BSD-3-Clause), through `rust-stemmers` (MIT)
//! and, for Greek, `frostem` (BSD-3-Clause); the stop lists are in
//! [`crate::text::lexicon`].

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

/// Every language with a Snowball stemmer: (key, its stemmer), sorted by key.
const STEMMERS: &[(&str, Algorithm)] = &[
    ("ar", Algorithm::Rs(rust_stemmers::Algorithm::Arabic)),
    ("da", Algorithm::Rs(rust_stemmers::Algorithm::Danish)),
    ("de", Algorithm::Rs(rust_stemmers::Algorithm::German)),
    ("el", Algorithm::Greek),
    ("en", Algorithm::Rs(rust_stemmers::Algorithm::English)),
    ("es", Algorithm::Rs(rust_stemmers::Algorithm::Spanish)),
    ("fi", Algorithm::Rs(rust_stemmers::Algorithm::Finnish)),
    ("fr", Algorithm::Rs(rust_stemmers::Algorithm::French)),
    ("hu", Algorithm::Rs(rust_stemmers::Algorithm::Hungarian)),
    ("it", Algorithm::Rs(rust_stemmers::Algorithm::Italian)),
    ("nl", Algorithm::Rs(rust_stemmers::Algorithm::Dutch)),
    ("no", Algorithm::Rs(rust_stemmers::Algorithm::Norwegian)),
    ("pt", Algorithm::Rs(rust_stemmers::Algorithm::Portuguese)),
    ("ro", Algorithm::Rs(rust_stemmers::Algorithm::Romanian)),
    ("ru", Algorithm::Rs(rust_stemmers::Algorithm::Russian)),
    ("sv", Algorithm::Rs(rust_stemmers::Algorithm::Swedish)),
    ("ta", Algorithm::Rs(rust_stemmers::Algorithm::Tamil)),
    ("tr", Algorithm::Rs(rust_stemmers::Algorithm::Turkish)),
];

/// Which crate stems a language.
#[derive(Clone, Copy)]
enum Algorithm {
    /// rust-stemmers' Snowball stemmer.
    Rs(rust_stemmers::Algorithm),
    /// frostem's Greek (rust-stemmers' panics on some Greek words).
    Greek,
}

/// A language's stemmer.
pub struct Stemmer(Kind);

enum Kind {
    Rs(rust_stemmers::Stemmer),
    Frostem(frostem::Stemmer),
}

impl Stemmer {
    /// The stem of a normalised (lower-case) word.
    pub fn stem<'a>(&self, word: &'a str) -> std::borrow::Cow<'a, str> {
        match &self.0 {
            Kind::Rs(s) => s.stem(word),
            Kind::Frostem(s) => s.stem(word),
        }
    }
}

/// The Snowball stemmer of a language (by [`language_key`]), if it has one:
/// a language without one matches words by their exact form.
pub fn stemmer(key: &str) -> Option<Stemmer> {
    let i = STEMMERS.binary_search_by(|(k, _)| (*k).cmp(key)).ok()?;
    Some(Stemmer(match STEMMERS[i].1 {
        Algorithm::Rs(a) => Kind::Rs(rust_stemmers::Stemmer::create(a)),
        Algorithm::Greek => Kind::Frostem(frostem::Stemmer::new(frostem::Algorithm::Greek)),
    }))
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
        // Snowball's Greek stemmer on odd input (rust-stemmers panicked on some).
        let el = stemmer("el").unwrap();
        for w in ["", "ά", "σσσσσ", "ΐΰ", "aλ"] {
            let _ = el.stem(w);
        }
    }
}

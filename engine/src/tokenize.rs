//! Words: the one tokenizer shared by every feature that counts.
//!
//! A word is a Unicode word segment (UAX #29) containing at least one letter
//! or digit. "AI-driven" is two words; "Yu'e", "3.5" and "alipay.com" are one
//! each; every Han character is a word of its own; emoji and punctuation are
//! not words.
//!
//! The normalised form of a word is its Unicode lower case, with the curly
//! apostrophe folded to the straight one, then a trailing possessive "'s" and
//! any trailing apostrophes removed, until none is left: "Alipay’s" and "users’" count as
//! "alipay" and "users", and "Yu’e" and "Yu'e" as the same word "yu'e".

use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;

/// One word of a text: where it stands and what it counts as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// Byte offset of the word's first byte in the text.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// The normalised form (borrowed from the text when it is already normal).
    pub norm: Cow<'a, str>,
}

/// The words of `text`, in order.
pub fn words(text: &str) -> impl Iterator<Item = Token<'_>> {
    text.split_word_bound_indices().filter_map(|(start, seg)| {
        if !seg.chars().any(char::is_alphanumeric) {
            return None;
        }
        let norm = normalize(seg);
        if norm.is_empty() {
            return None;
        }
        Some(Token {
            start,
            end: start + seg.len(),
            norm,
        })
    })
}

/// The number of words in `text`.
pub fn word_count(text: &str) -> usize {
    words(text).count()
}

/// The normalised form of one word (see the module docs).
pub fn normalize(word: &str) -> Cow<'_, str> {
    let needs_work = word
        .chars()
        .any(|c| c.is_uppercase() || c == '\u{2019}' || !c.is_ascii());
    let mut s: Cow<'_, str> = if needs_work {
        Cow::Owned(word.to_lowercase().replace('\u{2019}', "'"))
    } else {
        Cow::Borrowed(word)
    };
    // Repeated until nothing changes ("L's's" is "l"), so that normalising a
    // normal form changes nothing: a word typed as it is indexed finds itself.
    loop {
        let before = s.len();
        if let Some(stem) = s.strip_suffix("'s") {
            if !stem.is_empty() {
                let keep = stem.len();
                truncate_cow(&mut s, keep);
            }
        }
        let keep = s.trim_end_matches('\'').len();
        truncate_cow(&mut s, keep);
        if s.len() == before {
            return s;
        }
    }
}

fn truncate_cow(s: &mut Cow<'_, str>, len: usize) {
    match s {
        Cow::Borrowed(b) => *b = &b[..len],
        Cow::Owned(o) => o.truncate(len),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        words(text).map(|t| t.norm.into_owned()).collect()
    }

    #[test]
    fn hyphens_split_but_inner_apostrophes_dots_and_digits_do_not() {
        assert_eq!(
            norms("AI-driven tap-and-pay"),
            ["ai", "driven", "tap", "and", "pay"]
        );
        assert_eq!(
            norms("Yu'e Bao grew 3.5 times on alipay.com."),
            ["yu'e", "bao", "grew", "3.5", "times", "on", "alipay.com"]
        );
        assert_eq!(norms("35,000 users"), ["35,000", "users"]);
    }

    #[test]
    fn possessives_and_apostrophes_fold_whether_straight_or_curly() {
        assert_eq!(
            norms("Alipay’s users’ Alipay's users' Yu’e"),
            ["alipay", "users", "alipay", "users", "yu'e"]
        );
        assert_eq!(norms("It's"), ["it"]);
        assert_eq!(norms("don't rock'n'roll"), ["don't", "rock'n'roll"]);
        // A lone "'s" is not emptied into nothing.
        assert_eq!(normalize("s"), "s");
    }

    #[test]
    fn normalising_a_normal_form_changes_nothing() {
        for w in [
            "L's's",
            "users''",
            "x's'",
            "Alipay’s’s",
            "rock'n'roll's",
            "s's",
        ] {
            let once = normalize(w).into_owned();
            assert_eq!(normalize(&once), once, "{w:?}");
        }
        assert_eq!(normalize("L's's"), "l");
    }

    proptest::proptest! {
        #[test]
        fn normalize_is_idempotent_on_any_word(text in "\\PC{0,12}") {
            for w in words(&text) {
                proptest::prop_assert_eq!(normalize(&w.norm), w.norm.clone());
            }
        }
    }

    #[test]
    fn case_is_folded_with_unicode_rules() {
        assert_eq!(
            norms("WeChat ÉCOLE Straße ΣΊΣΥΦΟΣ"),
            ["wechat", "école", "straße", "σίσυφος"]
        );
    }

    #[test]
    fn each_han_character_is_a_word_and_emoji_are_not_words() {
        assert_eq!(norms("支付宝 wins 🎉 ok"), ["支", "付", "宝", "wins", "ok"]);
        assert_eq!(word_count("🎉🎉 — … !!"), 0);
    }

    #[test]
    fn combining_marks_stay_inside_their_word() {
        let text = "cafe\u{301} au lait";
        let w: Vec<_> = words(text).collect();
        assert_eq!(w.len(), 3);
        assert_eq!(&text[w[0].start..w[0].end], "cafe\u{301}");
    }

    #[test]
    fn offsets_point_at_the_original_text() {
        let text = "  Alipay’s “AI”, again.";
        for t in words(text) {
            assert_eq!(normalize(&text[t.start..t.end]), t.norm);
        }
        let spans: Vec<_> = words(text).map(|t| &text[t.start..t.end]).collect();
        assert_eq!(spans, ["Alipay’s", "AI", "again"]);
    }

    #[test]
    fn empty_and_blank_texts_have_no_words() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count(" \n\t "), 0);
    }

    #[test]
    fn borrowed_when_already_normal() {
        assert!(matches!(normalize("payment"), Cow::Borrowed("payment")));
        assert!(matches!(normalize("payments'"), Cow::Borrowed("payments")));
        assert!(matches!(normalize("Payments"), Cow::Owned(_)));
    }
}

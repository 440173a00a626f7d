//! Which way a piece of text runs: the direction of its first strong
//! character (the rule of Unicode's bidirectional algorithm for a
//! paragraph's direction, UAX #9 P2 and P3), so a page can lay a line of
//! context out with the words nearest the match beside it.

/// The way text runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Left to right (Latin, Greek, Cyrillic, Chinese…).
    Ltr,
    /// Right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko…).
    Rtl,
}

impl Direction {
    /// The value of an HTML `dir` attribute.
    pub fn attr(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// Whether `c` is a strong right-to-left character (Bidi class R or AL):
/// the blocks of the right-to-left scripts, less their digits and marks,
/// which are weak or neutral and never decide.
fn is_rtl(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x05FF | 0x07C0..=0x085F | 0xFB1D..=0xFB4F
        | 0x0600..=0x07BF | 0x0860..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF
        | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
        && !matches!(c as u32,
            0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F | 0x0660..=0x0669
            | 0x0670 | 0x06D6..=0x06ED | 0x06F0..=0x06F9)
}

/// The direction of `text`'s first strong character, if it has one (digits,
/// punctuation and spaces have none).
pub fn direction(text: &str) -> Option<Direction> {
    text.chars().find_map(|c| {
        if is_rtl(c) {
            Some(Direction::Rtl)
        } else if c.is_alphabetic() {
            Some(Direction::Ltr)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_strong_character_decides() {
        assert_eq!(direction("Alipay"), Some(Direction::Ltr));
        assert_eq!(direction("12, \"שלום\" world"), Some(Direction::Rtl));
        assert_eq!(
            direction("٣ الدفع"),
            Some(Direction::Rtl),
            "Arabic-Indic digits are weak"
        );
        assert_eq!(direction("支付宝"), Some(Direction::Ltr));
        assert_eq!(direction("2015 — 42%"), None);
        assert_eq!(direction(""), None);
    }
}

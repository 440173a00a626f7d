//! Text written into markup (the static HTML pages, the SVG export): the
//! one escaper, safe in character data and in quoted attribute values of
//! both HTML and XML.

/// Appends `text` to `out` with the five characters markup gives a meaning
/// (`&`, `<`, `>`, `"`, `'`) escaped, and the characters XML 1.0 does not
/// allow or Unicode reserves (C0 controls other than tab, line feed and
/// carriage return; the non-characters U+FDD0 to U+FDEF and the last two
/// code points of every plane, U+FFFE, U+FFFF, U+1FFFE…) left out, so an
/// SVG always parses.
pub fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c if is_noncharacter(c) => {}
            c => out.push(c),
        }
    }
}

/// Whether `c` is one of Unicode's 66 non-characters.
pub fn is_noncharacter(c: char) -> bool {
    let u = c as u32;
    (0xFDD0..=0xFDEF).contains(&u) || u & 0xFFFE == 0xFFFE
}

/// [`escape`] into a new string.
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape(text, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped_and_what_xml_refuses_is_dropped() {
        assert_eq!(
            escaped("<a href=\"x\">Tom's & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt;"
        );
        assert_eq!(
            escaped("a\u{0}b\u{1b}c\td\ne\u{FFFF}f\u{FFFE}g\u{FDD0}\u{10FFFF}\u{1FFFE}"),
            "abc\td\nefg"
        );
        assert_eq!(
            (0..=0x10FFFF)
                .filter_map(char::from_u32)
                .filter(|&c| is_noncharacter(c))
                .count(),
            66
        );
        assert_eq!(escaped("支付宝 مرحبا"), "支付宝 مرحبا");
    }
}

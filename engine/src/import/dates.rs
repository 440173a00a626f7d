//! Dates where an imported file states them: a written date (front matter,
//! metadata: ISO, numeric, or with a month's name in English, German,
//! French, Spanish, Italian, Dutch or Portuguese), a date in a URL's path
//! (`/2016/09/22/`) or in a file's name (`2016-09-22-…`, `20160922`,
//! `…-2016`). Each keeps its precision: a year, a month or a day.

use crate::corpus::date::ArticleDate;

/// How to read a numeric date whose day and month could be swapped
/// (`03/04/2020`): the reader's answer, asked once per import.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumericOrder {
    /// `03/04/2020` is 3 April (most of the world).
    DayFirst,
    /// `03/04/2020` is 4 March (the United States).
    MonthFirst,
}

/// What a written date says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Written {
    /// A date.
    Date(ArticleDate),
    /// A numeric date that reads two ways and no order was given.
    Ambiguous,
    /// No date in it.
    NotADate,
}

/// Month names (full and short, lower case) of the seven languages, by month.
const MONTHS: [&[&str]; 12] = [
    &[
        "january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen",
        "januari", "janeiro",
    ],
    &[
        "february",
        "feb",
        "februar",
        "février",
        "fevrier",
        "févr",
        "fevr",
        "febrero",
        "febbraio",
        "februari",
        "fevereiro",
        "fev",
    ],
    &[
        "march", "mar", "märz", "maerz", "mär", "mars", "marzo", "maart", "mrt", "março", "marco",
    ],
    &["april", "apr", "avril", "avr", "abril", "abr", "aprile"],
    &["may", "mai", "mayo", "maggio", "mag", "mei", "maio"],
    &[
        "june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho",
    ],
    &[
        "july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho",
    ],
    &["august", "aug", "août", "aout", "agosto", "ago", "augustus"],
    &[
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "setiembre",
        "settembre",
        "set",
        "setembro",
    ],
    &[
        "october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro",
        "out",
    ],
    &["november", "nov", "novembre", "noviembre", "novembro"],
    &[
        "december",
        "dec",
        "dezember",
        "dez",
        "décembre",
        "decembre",
        "déc",
        "diciembre",
        "dic",
        "dicembre",
        "dezembro",
    ],
];

fn month_of(word: &str) -> Option<u8> {
    MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .map(|m| m as u8 + 1)
}

/// A date from parts, if it is a real one (year 1 to 9999; a day only with a month).
fn date(year: u32, month: Option<u32>, day: Option<u32>) -> Option<ArticleDate> {
    let s = match (month, day) {
        (None, _) => format!("{year:04}"),
        (Some(m), None) => format!("{year:04}-{m:02}"),
        (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
    };
    (1..=9999)
        .contains(&year)
        .then(|| ArticleDate::parse(&s).ok())
        .flatten()
}

/// A plausible year of publication (no page numbers, no ids).
fn plausible(year: u32) -> bool {
    (1500..=2200).contains(&year)
}

/// The date a written value states ("2016-09-22T08:00:00Z", "22 September
/// 2016", "Sept. 22, 2016", "22. September 2016", "22 de septiembre de 2016",
/// "septembre 2016", "22/09/2016", "2016"), read with `order` when its day
/// and month could be swapped.
pub fn written(value: &str, order: Option<NumericOrder>) -> Written {
    let v = value.trim();
    // ISO 8601, with a time or not.
    let iso = v.split(['T', ' ']).next().unwrap_or("");
    if let Ok(d) = ArticleDate::parse(iso) {
        return Written::Date(d);
    }
    let lower = v.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    // With a month's name: the year is the 4-digit number, the day the 1- or 2-digit one.
    if let Some(month) = tokens.iter().find_map(|t| month_of(t)) {
        let number = |t: &str| -> Option<u32> {
            let digits = t.trim_end_matches(|c: char| c.is_alphabetic());
            (!digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()))
                .then(|| digits.parse().ok())
                .flatten()
        };
        let year = tokens
            .iter()
            .filter_map(|t| number(t))
            .find(|&n| plausible(n) && n >= 1000);
        let day = tokens
            .iter()
            .filter(|t| t.len() <= 4)
            .filter_map(|t| number(t))
            .find(|&n| (1..=31).contains(&n));
        // A day that the month does not have (31 February) is no date, not a month.
        return match year.and_then(|y| date(y, Some(month as u32), day)) {
            Some(d) => Written::Date(d),
            None => Written::NotADate,
        };
    }
    // Numeric: d/m/y or m/d/y (with / . or -), or y/m/d.
    let nums: Vec<u32> = tokens.iter().filter_map(|t| t.parse().ok()).collect();
    if tokens.len() == 3 && nums.len() == 3 {
        let (a, b, c) = (nums[0], nums[1], nums[2]);
        if tokens[0].len() == 4 {
            return date(a, Some(b), Some(c)).map_or(Written::NotADate, Written::Date);
        }
        if tokens[2].len() != 4 {
            return Written::NotADate;
        }
        let day_first = date(c, Some(b), Some(a));
        let month_first = date(c, Some(a), Some(b));
        return match (day_first, month_first) {
            (Some(d), Some(m)) if d != m => match order {
                Some(NumericOrder::DayFirst) => Written::Date(d),
                Some(NumericOrder::MonthFirst) => Written::Date(m),
                None => Written::Ambiguous,
            },
            (Some(d), _) => Written::Date(d),
            (None, Some(m)) => Written::Date(m),
            (None, None) => Written::NotADate,
        };
    }
    if tokens.len() == 1 && tokens[0].len() == 4 {
        if let Some(y) = nums.first().filter(|&&y| plausible(y)) {
            return date(*y, None, None).map_or(Written::NotADate, Written::Date);
        }
    }
    Written::NotADate
}

/// The date in a URL's path: a year segment, then a month and a day
/// segment if there are (`/2016/09/22/`, `/2016/09/`, `/2016-09-22/`).
pub fn in_url(url: &str) -> Option<ArticleDate> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let path = path.split_once("://").map_or(path, |(_, rest)| {
        rest.split_once('/').map_or("", |(_, p)| p)
    });
    let segments: Vec<&str> = path.split('/').collect();
    for (i, s) in segments.iter().enumerate() {
        if let Some(d) = segment_date(s) {
            return Some(d);
        }
        let year = (s.len() == 4)
            .then(|| s.parse::<u32>().ok())
            .flatten()
            .filter(|&y| plausible(y));
        let Some(year) = year else { continue };
        let num = |k: usize| -> Option<u32> {
            segments
                .get(i + k)
                .filter(|t| (1..=2).contains(&t.len()))
                .and_then(|t| t.parse().ok())
        };
        return match (num(1), num(2)) {
            (Some(m), Some(d)) => {
                date(year, Some(m), Some(d)).or_else(|| date(year, Some(m), None))
            }
            (Some(m), None) => date(year, Some(m), None),
            // A bare year folder says little: only with a month after it.
            _ => None,
        };
    }
    None
}

/// `2016-09-22` or `2016-09-22-slug` as one segment.
fn segment_date(s: &str) -> Option<ArticleDate> {
    let b = s.as_bytes();
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' && (b.len() == 10 || !b[10].is_ascii_digit()) {
        s.get(..10).and_then(|d| ArticleDate::parse(d).ok())
    } else {
        None
    }
}

/// The date in a file's name (its folders left out): `2016-09-22`,
/// `2016_09_22`, `2016.09.22`, `20160922`, `2016-09`, or a year standing
/// alone (`report-2015.txt`); the first one found.
pub fn in_file_name(path: &str) -> Option<ArticleDate> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let b = stem.as_bytes();
    let digits_at =
        |i: usize, n: usize| i + n <= b.len() && b[i..i + n].iter().all(u8::is_ascii_digit);
    let bounded = |i: usize, n: usize| {
        (i == 0 || !b[i - 1].is_ascii_digit()) && (i + n == b.len() || !b[i + n].is_ascii_digit())
    };
    let num = |i: usize, n: usize| stem[i..i + n].parse::<u32>().ok();
    for i in 0..b.len() {
        if !digits_at(i, 4) || (i > 0 && b[i - 1].is_ascii_digit()) {
            continue;
        }
        let year = num(i, 4)?;
        if !plausible(year) {
            continue;
        }
        let sep = |j: usize| j < b.len() && matches!(b[j], b'-' | b'_' | b'.');
        // YYYY-MM-DD, YYYY-MM (any of - _ . between).
        if sep(i + 4) && digits_at(i + 5, 2) {
            let month = num(i + 5, 2);
            if sep(i + 7) && digits_at(i + 8, 2) && bounded(i + 8, 2) {
                if let Some(d) = date(year, month, num(i + 8, 2)) {
                    return Some(d);
                }
            }
            if bounded(i + 5, 2) {
                if let Some(d) = date(year, month, None) {
                    return Some(d);
                }
            }
        }
        // YYYYMMDD.
        if digits_at(i, 8) && bounded(i, 8) {
            if let Some(d) = date(year, num(i + 4, 2), num(i + 6, 2)) {
                return Some(d);
            }
        }
        if bounded(i, 4) {
            return date(year, None, None);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> ArticleDate {
        ArticleDate::parse(s).unwrap()
    }

    #[test]
    fn written_dates_in_seven_languages_keep_their_precision() {
        for (v, want) in [
            ("2016-09-22T08:00:00+08:00", "2016-09-22"),
            ("2016-09", "2016-09"),
            ("2016", "2016"),
            ("22 September 2016", "2016-09-22"),
            ("Sept. 22, 2016", "2016-09-22"),
            ("September 2016", "2016-09"),
            ("Thursday, 22nd September 2016", "2016-09-22"),
            ("22. September 2016", "2016-09-22"),
            ("3. März 2015", "2015-03-03"),
            ("22 septembre 2016", "2016-09-22"),
            ("1er août 2013", "2013-08-01"),
            ("22 de septiembre de 2016", "2016-09-22"),
            ("22 settembre 2016", "2016-09-22"),
            ("22 maart 2016", "2016-03-22"),
            ("22 de setembro de 2016", "2016-09-22"),
            ("22/09/2016", "2016-09-22"),
            ("09/22/2016", "2016-09-22"),
            ("2016/09/22", "2016-09-22"),
        ] {
            assert_eq!(written(v, None), Written::Date(d(want)), "{v}");
        }
    }

    #[test]
    fn a_date_that_reads_two_ways_is_asked_not_guessed() {
        assert_eq!(written("03/04/2020", None), Written::Ambiguous);
        assert_eq!(
            written("03/04/2020", Some(NumericOrder::DayFirst)),
            Written::Date(d("2020-04-03"))
        );
        assert_eq!(
            written("03/04/2020", Some(NumericOrder::MonthFirst)),
            Written::Date(d("2020-03-04"))
        );
        assert_eq!(
            written("04/04/2020", None),
            Written::Date(d("2020-04-04")),
            "the same either way"
        );
        for not in [
            "",
            "yesterday",
            "page 12",
            "31 February 2016x",
            "99/99/2020",
            "12345",
        ] {
            assert_ne!(written(not, None), Written::Ambiguous, "{not}");
            if let Written::Date(x) = written(not, None) {
                panic!("{not} read as {x:?}");
            }
        }
    }

    #[test]
    fn dates_in_urls_and_file_names() {
        assert_eq!(
            in_url("https://www.example.com/2016/09/22/alipay-social/"),
            Some(d("2016-09-22"))
        );
        assert_eq!(
            in_url("https://example.com/news/2016/09/alipay.html?id=2015"),
            Some(d("2016-09"))
        );
        assert_eq!(
            in_url("https://example.com/a/2016-09-22-alipay"),
            Some(d("2016-09-22"))
        );
        assert_eq!(
            in_url("https://example.com/archive/2016/alipay"),
            None,
            "a year folder alone says little"
        );
        assert_eq!(in_url("https://example.com/item/12345678"), None);
        assert_eq!(
            in_url("https://example.com/2016-09-2€/x"),
            None,
            "a multibyte character where a digit would be"
        );
        assert_eq!(
            in_file_name("news/2016-09-22-alipay.txt"),
            Some(d("2016-09-22"))
        );
        assert_eq!(in_file_name("2016_09_alipay.md"), Some(d("2016-09")));
        assert_eq!(in_file_name("alipay-20160922.txt"), Some(d("2016-09-22")));
        assert_eq!(in_file_name("report-2015.txt"), Some(d("2015")));
        assert_eq!(
            in_file_name("2016/alipay.txt"),
            None,
            "folders are not the name"
        );
        assert_eq!(in_file_name("alipay-123456.txt"), None);
        assert_eq!(in_file_name("notes.txt"), None);
    }
}

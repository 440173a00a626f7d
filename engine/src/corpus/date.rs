//! Article dates with an honest precision: a year, a month or a day.

use std::fmt;

/// The date of an article, as precise as its source allows.
///
/// Ordering is chronological; at equal prefixes the less precise date sorts
/// first ("2016" < "2016-09" < "2016-09-22").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ArticleDate {
    /// Calendar year (1 to 9999).
    pub year: u16,
    /// Month 1 to 12, if known.
    pub month: Option<u8>,
    /// Day of the month, if known (only with a month).
    pub day: Option<u8>,
}

/// Why a date string was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl ArticleDate {
    /// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real calendar date).
    pub fn parse(s: &str) -> Result<ArticleDate, DateError> {
        let bad = |why: &str| {
            Err(DateError(format!(
                "bad date {s:?}: {why} (expected \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\")"
            )))
        };
        let parts: Vec<&str> = s.split('-').collect();
        if parts.len() > 3 {
            return bad("too many parts");
        }
        let expected_len = [4, 2, 2];
        let mut nums = [0u16; 3];
        for (i, part) in parts.iter().enumerate() {
            if part.len() != expected_len[i] || !part.bytes().all(|b| b.is_ascii_digit()) {
                let what = [
                    "the year needs 4 digits",
                    "the month needs 2 digits",
                    "the day needs 2 digits",
                ];
                return bad(what[i]);
            }
            nums[i] = part.parse().expect("ascii digits");
        }
        let year = nums[0];
        if year == 0 {
            return bad("there is no year 0000");
        }
        let month = if parts.len() >= 2 {
            if !(1..=12).contains(&nums[1]) {
                return bad("the month must be 01 to 12");
            }
            Some(nums[1] as u8)
        } else {
            None
        };
        let day = if parts.len() == 3 {
            let max = days_in_month(year, nums[1] as u8);
            if nums[2] == 0 || nums[2] > max as u16 {
                return bad(&format!(
                    "{} {year} has {max} days",
                    MONTHS[nums[1] as usize - 1]
                ));
            }
            Some(nums[2] as u8)
        } else {
            None
        };
        Ok(ArticleDate { year, month, day })
    }

    /// The date as written in the corpus format ("2013", "2016-09", "2016-09-22").
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// A reader's form: "22 September 2016", "September 2016", "2013".
    pub fn human(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[m as usize - 1], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[m as usize - 1], self.year),
            _ => self.year.to_string(),
        }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_precisions() {
        assert_eq!(
            ArticleDate::parse("2013").unwrap(),
            ArticleDate {
                year: 2013,
                month: None,
                day: None
            }
        );
        assert_eq!(
            ArticleDate::parse("2016-09").unwrap().human(),
            "September 2016"
        );
        assert_eq!(
            ArticleDate::parse("2016-09-22").unwrap().human(),
            "22 September 2016"
        );
        assert_eq!(
            ArticleDate::parse("2024-02-29").unwrap().iso(),
            "2024-02-29"
        );
    }

    #[test]
    fn rejects_what_is_not_a_calendar_date() {
        for bad in [
            "",
            "13",
            "2013-9",
            "2013-13",
            "2013-00",
            "2023-02-29",
            "1900-02-29",
            "2013/09/01",
            "2013-09-31",
            "0000",
            "２０１３",
            "2013-01-01-01",
            " 2013",
            "2013-",
        ] {
            assert!(ArticleDate::parse(bad).is_err(), "{bad:?} was accepted");
        }
        let msg = ArticleDate::parse("2023-02-29").unwrap_err().to_string();
        assert!(msg.contains("February 2023 has 28 days"), "{msg}");
    }

    #[test]
    fn orders_chronologically_less_precise_first() {
        let mut v: Vec<_> = ["2016-09-22", "2013", "2016-09", "2016", "2015-12-31"]
            .iter()
            .map(|s| ArticleDate::parse(s).unwrap().iso())
            .collect();
        v.sort_by_key(|s| ArticleDate::parse(s).unwrap());
        assert_eq!(v, ["2013", "2015-12-31", "2016", "2016-09", "2016-09-22"]);
    }
}

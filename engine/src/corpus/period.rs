//! Time at a grain: years, quarters, months, ISO weeks and days, and the
//! period an article's date falls in.
//!
//! A period is a grain and a number that counts periods of that grain, so
//! that neighbours are consecutive numbers: a year is its number, a
//! quarter `year × 4 + (quarter − 1)`, a month `year × 12 + (month − 1)`,
//! a week the number of Mondays from 1 January 1970's week, a day the
//! number of days from 1 January 1970 (proleptic Gregorian calendar).
//!
//! **Binning rules.** A date falls in the period of the grain that holds
//! it. Weeks are ISO 8601 weeks: they start on Monday, and week 1 of a
//! year is the week with its first Thursday, so 29 December 2025 is in
//! week 1 of 2026 (`W01 2026`). A date less precise than the grain needs
//! (a year-only date at month grain, a month-only date at week or day
//! grain) falls in no period: [`Grain::period`] is `None`, and views say
//! how many articles are left out, never guess a month or a day.

use crate::corpus::date::ArticleDate;
use std::fmt;

/// How finely time is cut, coarsest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grain {
    /// Calendar years.
    Year,
    /// Calendar quarters (January to March is Q1).
    Quarter,
    /// Calendar months.
    Month,
    /// ISO 8601 weeks (Monday first; week 1 holds the year's first Thursday).
    Week,
    /// Days.
    Day,
}

/// How precise a date is: what it states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// A year only.
    Year,
    /// A year and a month.
    Month,
    /// A calendar day.
    Day,
}

impl ArticleDate {
    /// What the date states: a year, a month or a day.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }
}

impl Grain {
    /// Every grain, coarsest first.
    pub const ALL: [Grain; 5] = [
        Grain::Year,
        Grain::Quarter,
        Grain::Month,
        Grain::Week,
        Grain::Day,
    ];

    /// Its value in a URL or a file name ("week").
    pub const fn key(self) -> &'static str {
        match self {
            Grain::Year => "year",
            Grain::Quarter => "quarter",
            Grain::Month => "month",
            Grain::Week => "week",
            Grain::Day => "day",
        }
    }

    /// The grain a URL or file name value names.
    pub fn from_key(key: &str) -> Option<Grain> {
        Grain::ALL.into_iter().find(|g| g.key() == key)
    }

    /// Its name ("Week").
    pub const fn name(self) -> &'static str {
        match self {
            Grain::Year => "Year",
            Grain::Quarter => "Quarter",
            Grain::Month => "Month",
            Grain::Week => "Week",
            Grain::Day => "Day",
        }
    }

    /// The precision a date needs to fall in a period of this grain.
    pub const fn needs(self) -> Precision {
        match self {
            Grain::Year => Precision::Year,
            Grain::Quarter | Grain::Month => Precision::Month,
            Grain::Week | Grain::Day => Precision::Day,
        }
    }

    /// The finest grain a date of precision `p` falls in a period of.
    pub const fn finest_for(p: Precision) -> Grain {
        match p {
            Precision::Year => Grain::Year,
            Precision::Month => Grain::Month,
            Precision::Day => Grain::Day,
        }
    }

    /// The period of this grain that holds `date`; `None` when the date is
    /// less precise than the grain needs.
    pub fn period(self, date: ArticleDate) -> Option<Period> {
        if date.precision() < self.needs() {
            return None;
        }
        let y = i64::from(date.year);
        let m = i64::from(date.month.unwrap_or(1));
        let n = match self {
            Grain::Year => y,
            Grain::Quarter => y * 4 + (m - 1) / 3,
            Grain::Month => y * 12 + m - 1,
            Grain::Week => (days_from_civil(y, m, i64::from(date.day?)) + 3).div_euclid(7),
            Grain::Day => days_from_civil(y, m, i64::from(date.day?)),
        };
        Some(Period { grain: self, n })
    }

    /// Auto's choice for `articles` articles dated from `first` to `last`:
    /// the finest grain whose periods over the span number at most
    /// [`AUTO_MAX_PERIODS`] and at most `articles` (a period an article on
    /// average: a readable line, not a comb of gaps), and that every date
    /// given (`coarsest`: the least precise of them) falls in, so that Auto
    /// never leaves an article out. Year when no grain does.
    pub fn auto(
        first: ArticleDate,
        last: ArticleDate,
        coarsest: Precision,
        articles: usize,
    ) -> Grain {
        let most = AUTO_MAX_PERIODS.min(articles as i64);
        Grain::ALL
            .into_iter()
            .rev()
            .filter(|g| g.needs() <= coarsest)
            .find(|g| periods_spanned(*g, first, last) <= most)
            .unwrap_or(Grain::Year)
    }
}

impl fmt::Display for Grain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The most periods Auto puts on a chart (a readable line at desktop width;
/// at 320 px the axis labels are thinned).
pub const AUTO_MAX_PERIODS: i64 = 120;

/// How many periods of `grain` run from the one holding `first` to the one
/// holding `last` (both counted), each date taken at its earliest day.
pub fn periods_spanned(grain: Grain, first: ArticleDate, last: ArticleDate) -> i64 {
    let at = |d: ArticleDate| {
        grain
            .period(ArticleDate {
                year: d.year,
                month: Some(d.month.unwrap_or(1)),
                day: Some(d.day.unwrap_or(1)),
            })
            .map_or(0, |p| p.n)
    };
    (at(last) - at(first)).max(0) + 1
}

/// One period of a grain (see the module docs for its number).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    /// Its grain.
    pub grain: Grain,
    /// Its number (consecutive periods have consecutive numbers).
    pub n: i64,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Period {
    /// The period after this one.
    pub fn next(self) -> Period {
        Period {
            n: self.n + 1,
            ..self
        }
    }

    /// Its first day (year, month, day).
    pub fn first_day(self) -> (i64, u32, u32) {
        match self.grain {
            Grain::Year => (self.n, 1, 1),
            Grain::Quarter => (self.n.div_euclid(4), self.n.rem_euclid(4) as u32 * 3 + 1, 1),
            Grain::Month => (self.n.div_euclid(12), self.n.rem_euclid(12) as u32 + 1, 1),
            // Week 0 starts on Monday 29 December 1969.
            Grain::Week => civil_from_days(self.n * 7 - 3),
            Grain::Day => civil_from_days(self.n),
        }
    }

    /// Its last day (year, month, day).
    pub fn last_day(self) -> (i64, u32, u32) {
        let (y, m, d) = self.next().first_day();
        civil_from_days(days_from_civil(y, i64::from(m), i64::from(d)) - 1)
    }

    /// An ISO week's year and number (`W27 2019` is (2019, 27)): the year
    /// of its Thursday, and which week of that year it is.
    pub fn iso_week(self) -> Option<(i64, i64)> {
        (self.grain == Grain::Week).then(|| {
            let thursday = self.n * 7;
            let (y, _, _) = civil_from_days(thursday);
            (y, (thursday - days_from_civil(y, 1, 1)) / 7 + 1)
        })
    }

    /// How people write it: `2019`, `Q3 2019`, `Jul 2019`, `W27 2019`,
    /// `3 Jul 2019`.
    pub fn label(self) -> String {
        let (y, m, d) = self.first_day();
        match self.grain {
            Grain::Year => format!("{y}"),
            Grain::Quarter => format!("Q{} {y}", self.n.rem_euclid(4) + 1),
            Grain::Month => format!("{} {y}", MONTHS[m as usize - 1]),
            Grain::Week => {
                let (wy, w) = self.iso_week().expect("a week");
                format!("W{w:02} {wy}")
            }
            Grain::Day => format!("{d} {} {y}", MONTHS[m as usize - 1]),
        }
    }

    /// Its days as people write a span: `1 Jul 2019 – 7 Jul 2019` (one
    /// day: that day).
    pub fn span_label(self) -> String {
        let day = |(y, m, d): (i64, u32, u32)| format!("{d} {} {y}", MONTHS[m as usize - 1]);
        let (a, b) = (self.first_day(), self.last_day());
        if a == b {
            day(a)
        } else {
            format!("{} – {}", day(a), day(b))
        }
    }

    /// Its value in a URL: `2019`, `2019-Q3`, `2019-07`, `2019-W27` (ISO
    /// week-year and week), `2019-07-03`.
    pub fn key(self) -> String {
        let (y, m, d) = self.first_day();
        match self.grain {
            Grain::Year => format!("{y:04}"),
            Grain::Quarter => format!("{y:04}-Q{}", self.n.rem_euclid(4) + 1),
            Grain::Month => format!("{y:04}-{m:02}"),
            Grain::Week => {
                let (wy, w) = self.iso_week().expect("a week");
                format!("{wy:04}-W{w:02}")
            }
            Grain::Day => format!("{y:04}-{m:02}-{d:02}"),
        }
    }

    /// The period a URL value names ([`Period::key`]'s forms; the form
    /// says the grain); `None` for anything else, or a week or day that
    /// does not exist.
    pub fn from_key(key: &str) -> Option<Period> {
        let num = |s: &str, len: usize| {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<i64>().ok())
                .flatten()
        };
        let parts: Vec<&str> = key.split('-').collect();
        let year = num(parts.first()?, 4).filter(|y| (1..=9999).contains(y))?;
        match parts[1..] {
            [] => Some(Period {
                grain: Grain::Year,
                n: year,
            }),
            [q] if q.len() == 2 && q.starts_with('Q') => {
                let q = num(&q[1..], 1).filter(|q| (1..=4).contains(q))?;
                Some(Period {
                    grain: Grain::Quarter,
                    n: year * 4 + q - 1,
                })
            }
            [w] if w.len() == 3 && w.starts_with('W') => {
                let w = num(&w[1..], 2).filter(|w| (1..=53).contains(w))?;
                // Week 1 is the week of 4 January.
                let jan4 = days_from_civil(year, 1, 4);
                let p = Period {
                    grain: Grain::Week,
                    n: (jan4 + 3).div_euclid(7) + w - 1,
                };
                (p.iso_week() == Some((year, w))).then_some(p)
            }
            [m] => {
                let m = num(m, 2).filter(|m| (1..=12).contains(m))?;
                Some(Period {
                    grain: Grain::Month,
                    n: year * 12 + m - 1,
                })
            }
            [_, _] => Grain::Day.period(ArticleDate::parse(key).ok()?),
            _ => None,
        }
    }

    /// The days a date spans, as day numbers (see the module docs): a
    /// day's is itself, a month's its days, a year's its days.
    pub fn day_span(date: ArticleDate) -> (i64, i64) {
        let y = i64::from(date.year);
        match (date.month, date.day) {
            (Some(m), Some(d)) => {
                let n = days_from_civil(y, i64::from(m), i64::from(d));
                (n, n)
            }
            (Some(m), None) => {
                let m = i64::from(m);
                let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                (days_from_civil(y, m, 1), days_from_civil(ny, nm, 1) - 1)
            }
            _ => (days_from_civil(y, 1, 1), days_from_civil(y + 1, 1, 1) - 1),
        }
    }

    /// The query clause that finds its articles (an article whose whole
    /// date lies inside it): `year:2019`, `date:2019-07-01..2019-09-30`,
    /// `date:2019-07`, `date:2019-07-01..2019-07-07`, `date:2019-07-03`.
    pub fn clause(self) -> String {
        let iso = |(y, m, d): (i64, u32, u32)| format!("{y:04}-{m:02}-{d:02}");
        match self.grain {
            Grain::Year => format!("year:{}", self.n),
            Grain::Month | Grain::Day => format!("date:{}", self.key()),
            Grain::Quarter | Grain::Week => {
                format!("date:{}..{}", iso(self.first_day()), iso(self.last_day()))
            }
        }
    }

    /// Whether `date` lies wholly inside it (a date less precise than the
    /// grain does not).
    pub fn holds(self, date: ArticleDate) -> bool {
        self.grain.period(date) == Some(self)
    }
}

/// Days from 1 January 1970 to the proleptic Gregorian date (y, m, d)
/// (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date (y, m, d) `z` days from 1 January 1970
/// (Howard Hinnant's `civil_from_days`).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> ArticleDate {
        ArticleDate::parse(s).unwrap()
    }

    #[test]
    fn labels_read_as_people_write_dates() {
        let d = date("2019-07-03");
        let label = |g: Grain| g.period(d).unwrap().label();
        assert_eq!(label(Grain::Year), "2019");
        assert_eq!(label(Grain::Quarter), "Q3 2019");
        assert_eq!(label(Grain::Month), "Jul 2019");
        assert_eq!(label(Grain::Week), "W27 2019");
        assert_eq!(label(Grain::Day), "3 Jul 2019");
        let week = Grain::Week.period(d).unwrap();
        assert_eq!(week.span_label(), "1 Jul 2019 – 7 Jul 2019");
        // The ISO year of a week is its Thursday's.
        assert_eq!(
            Grain::Week.period(date("2025-12-29")).unwrap().label(),
            "W01 2026"
        );
        assert_eq!(
            Grain::Week.period(date("2021-01-03")).unwrap().label(),
            "W53 2020"
        );
    }

    #[test]
    fn a_period_reads_back_from_its_url_value() {
        for (g, d, key) in [
            (Grain::Year, "2019-07-03", "2019"),
            (Grain::Quarter, "2019-07-03", "2019-Q3"),
            (Grain::Month, "2019-07-03", "2019-07"),
            (Grain::Week, "2019-07-03", "2019-W27"),
            (Grain::Week, "2025-12-29", "2026-W01"),
            (Grain::Week, "2021-01-03", "2020-W53"),
            (Grain::Day, "2019-07-03", "2019-07-03"),
        ] {
            let p = g.period(date(d)).unwrap();
            assert_eq!(p.key(), key);
            assert_eq!(Period::from_key(key), Some(p), "{key}");
        }
        for bad in [
            "",
            "19",
            "2019-Q5",
            "2019-W54",
            "2019-W53",
            "2019-13",
            "2019-02-30",
            "2019-7",
            "x",
            "2019-07-03-1",
            "0000",
        ] {
            assert_eq!(Period::from_key(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_date_less_precise_than_the_grain_falls_in_no_period() {
        assert_eq!(Grain::Month.period(date("2016")), None);
        assert_eq!(Grain::Week.period(date("2016-09")), None);
        assert!(Grain::Quarter.period(date("2016-09")).is_some());
        assert!(Grain::Year.period(date("2016-09-22")).is_some());
        let q = Grain::Quarter.period(date("2016-09")).unwrap();
        assert!(q.holds(date("2016-07-01")) && !q.holds(date("2016")));
    }

    #[test]
    fn auto_picks_the_finest_readable_grain_that_leaves_nothing_out() {
        let (a, b) = (date("2019-01-05"), date("2019-03-20"));
        let many = 10_000;
        assert_eq!(Grain::auto(a, b, Precision::Day, many), Grain::Day);
        assert_eq!(
            Grain::auto(a, date("2020-06-30"), Precision::Day, many),
            Grain::Week
        );
        assert_eq!(
            Grain::auto(a, date("2025-06-30"), Precision::Day, many),
            Grain::Month
        );
        assert_eq!(
            Grain::auto(a, date("2040-06-30"), Precision::Day, many),
            Grain::Quarter
        );
        assert_eq!(
            Grain::auto(date("1790"), date("2026"), Precision::Day, many),
            Grain::Year
        );
        assert_eq!(Grain::auto(a, b, Precision::Month, many), Grain::Month);
        assert_eq!(Grain::auto(a, b, Precision::Year, many), Grain::Year);
        // Few articles: no more periods than articles.
        assert_eq!(
            Grain::auto(a, b, Precision::Day, 20),
            Grain::Week,
            "11 weeks"
        );
        assert_eq!(Grain::auto(a, b, Precision::Day, 5), Grain::Month);
        assert_eq!(
            Grain::auto(date("2013-03-01"), date("2025-02-01"), Precision::Day, 5),
            Grain::Year
        );
    }
}

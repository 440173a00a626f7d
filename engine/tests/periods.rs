//! Periods against a reference: chrono's calendar and ISO weeks, and a
//! naive binning of generated dates at every grain.

use chrono::{Datelike, NaiveDate};
use lens_engine::corpus::period::{civil_from_days, days_from_civil, Grain, Period};
use lens_engine::ArticleDate;
use proptest::prelude::*;

/// A day from year 1 to 9999, as chrono counts them.
fn day() -> impl Strategy<Value = NaiveDate> {
    (1i32..=9999, 1u32..=366).prop_map(|(y, ord)| {
        NaiveDate::from_yo_opt(y, ord).unwrap_or_else(|| NaiveDate::from_yo_opt(y, 365).unwrap())
    })
}

fn article_date(d: NaiveDate) -> ArticleDate {
    ArticleDate {
        year: d.year() as u16,
        month: Some(d.month() as u8),
        day: Some(d.day() as u8),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn days_and_weeks_agree_with_chrono(d in day()) {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        let z = (d - epoch).num_days();
        prop_assert_eq!(days_from_civil(i64::from(d.year()), i64::from(d.month()), i64::from(d.day())), z);
        prop_assert_eq!(civil_from_days(z), (i64::from(d.year()), d.month(), d.day()));
        let a = article_date(d);
        let week = Grain::Week.period(a).unwrap();
        let iso = d.iso_week();
        prop_assert_eq!(week.iso_week(), Some((i64::from(iso.year()), i64::from(iso.week()))));
        // Its first day is the Monday on or before the date, its last the Sunday after.
        let monday = d - chrono::Duration::days(i64::from(d.weekday().num_days_from_monday()));
        prop_assert_eq!(week.first_day(), (i64::from(monday.year()), monday.month(), monday.day()));
        let sunday = monday + chrono::Duration::days(6);
        prop_assert_eq!(week.last_day(), (i64::from(sunday.year()), sunday.month(), sunday.day()));
    }

    /// Every grain's period holds the date, and the next period starts the
    /// day after its last: periods tile time with no gap or overlap.
    #[test]
    fn periods_hold_their_dates_and_tile_time(d in day()) {
        let a = article_date(d);
        for g in Grain::ALL {
            let p = g.period(a).unwrap();
            prop_assert!(p.holds(a));
            let (y, m, dd) = p.first_day();
            let first = NaiveDate::from_ymd_opt(y as i32, m, dd).unwrap();
            let (y, m, dd) = p.last_day();
            let last = NaiveDate::from_ymd_opt(y as i32, m, dd).unwrap();
            prop_assert!(first <= d && d <= last, "{:?} {} {} {}", g, first, d, last);
            let (y, m, dd) = p.next().first_day();
            let next = NaiveDate::from_ymd_opt(y as i32, m, dd);
            if let Some(next) = next {
                prop_assert_eq!(next, last + chrono::Duration::days(1));
            }
            // The naive rule, written out per grain.
            let naive: i64 = match g {
                Grain::Year => i64::from(d.year()),
                Grain::Quarter => i64::from(d.year()) * 4 + i64::from(d.month0() / 3),
                Grain::Month => i64::from(d.year()) * 12 + i64::from(d.month0()),
                Grain::Week => {
                    let monday0 = NaiveDate::from_ymd_opt(1969, 12, 29).unwrap();
                    (d - monday0).num_days().div_euclid(7)
                }
                Grain::Day => (d - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days(),
            };
            prop_assert_eq!(p, Period { grain: g, n: naive });
        }
    }
}

//! Chart scales: a linear mapping and "nice" ticks (steps of 1, 2 or 5 × 10ⁿ).

/// Maps a domain interval linearly onto a range interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    /// Domain start and end.
    pub domain: (f64, f64),
    /// Range start and end (may run backwards, as a y axis does).
    pub range: (f64, f64),
}

impl LinearScale {
    /// A scale from `domain` to `range`.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> LinearScale {
        LinearScale { domain, range }
    }

    /// Where `v` lands in the range; a zero-width domain maps to the range's middle.
    pub fn map(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return (r0 + r1) / 2.0;
        }
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// A step of 1, 2 or 5 × 10ⁿ giving about `count` intervals over `span`.
pub fn nice_step(span: f64, count: usize) -> f64 {
    if span <= 0.0 || !span.is_finite() || count == 0 {
        return 1.0;
    }
    let raw = span / count as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let m = if norm < 1.5 {
        1.0
    } else if norm < 3.0 {
        2.0
    } else if norm < 7.0 {
        5.0
    } else {
        10.0
    };
    m * mag
}

/// Ticks at multiples of a nice step within `[min, max]`, about `count` of them.
pub fn ticks(min: f64, max: f64, count: usize) -> Vec<f64> {
    if !(min.is_finite() && max.is_finite()) || max < min {
        return Vec::new();
    }
    if max == min {
        return vec![min];
    }
    let step = nice_step(max - min, count);
    // A little slack, so that float noise (0.3 / 0.1 = 2.9999…) keeps the last tick.
    let first = (min / step - 1e-9).ceil() as i64;
    let last = (max / step + 1e-9).floor() as i64;
    (first..=last).map(|i| round(i as f64 * step)).collect()
}

/// Integer ticks (for years): as [`ticks`], with a step of at least 1.
pub fn integer_ticks(min: i64, max: i64, count: usize) -> Vec<i64> {
    if max < min {
        return Vec::new();
    }
    let step = nice_step((max - min) as f64, count).max(1.0) as i64;
    let first = (min + step - 1).div_euclid(step) * step;
    (0..)
        .map(|i| first + i * step)
        .take_while(|&t| t <= max)
        .collect()
}

/// The upper end of a value axis starting at zero: `max` rounded up to a nice step (1 when all is zero).
pub fn nice_max(max: f64, count: usize) -> f64 {
    // Also NaN: it is not greater than zero.
    if max.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) || !max.is_finite() {
        return 1.0;
    }
    let step = nice_step(max, count);
    round((max / step - 1e-9).ceil() * step)
}

/// Rounds away float noise (0.30000000000000004 → 0.3).
fn round(v: f64) -> f64 {
    (v * 1e9).round() / 1e9
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_scale_maps_ends_and_runs_backwards() {
        let y = LinearScale::new((0.0, 50.0), (300.0, 0.0));
        assert_eq!(y.map(0.0), 300.0);
        assert_eq!(y.map(50.0), 0.0);
        assert_eq!(y.map(25.0), 150.0);
        assert_eq!(LinearScale::new((3.0, 3.0), (0.0, 10.0)).map(3.0), 5.0);
    }

    #[test]
    fn ticks_are_nice_and_inside() {
        assert_eq!(ticks(0.0, 47.0, 5), [0.0, 10.0, 20.0, 30.0, 40.0]);
        assert_eq!(ticks(0.0, 1.0, 5), [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(ticks(0.0, 0.3, 3), [0.0, 0.1, 0.2, 0.3]);
        assert_eq!(ticks(5.0, 5.0, 5), [5.0]);
        assert!(ticks(f64::NAN, 1.0, 5).is_empty());
    }

    #[test]
    fn year_ticks_are_whole_years() {
        assert_eq!(integer_ticks(1790, 2026, 6), [1800, 1850, 1900, 1950, 2000]);
        assert_eq!(
            integer_ticks(2013, 2025, 6),
            [2014, 2016, 2018, 2020, 2022, 2024]
        );
        assert_eq!(integer_ticks(2013, 2014, 6), [2013, 2014]);
        assert_eq!(integer_ticks(2016, 2016, 6), [2016]);
    }

    #[test]
    fn nice_max_covers_the_data() {
        assert_eq!(nice_max(47.0, 5), 50.0);
        assert_eq!(nice_max(0.0, 5), 1.0);
        assert_eq!(nice_max(3.2, 4), 4.0);
        assert_eq!(nice_max(100.0, 5), 100.0);
        for m in [0.013, 1.0, 7.5, 123.0, 9999.0] {
            assert!(nice_max(m, 5) >= m);
        }
    }
}

//! Which rows of a long table a page draws: those near its scrolled view.
//!
//! A table of every day of two years, redrawn at each keystroke, costs far
//! more than a frame; drawn in part it costs what a short one does. The page
//! (`src/views/long_table.rs`) measures its box; this says which rows.

use std::ops::Range;

/// A table with this many rows or more draws only those near its view:
/// the box it scrolls in shows about 15, and a table of 105 weeks redrawn
/// whole at each keystroke already took a frame (16 ms) in Chromium.
pub const WINDOWED_FROM: usize = 60;
/// Rows drawn beyond the view, above and below.
const OVERSCAN: usize = 12;
/// A row's height until one is measured (1.8 rem at 16 px).
pub const ROW_PX: f64 = 29.0;

/// Where the scrolling box shows the body: from `top` (CSS pixels below
/// the body's first row), `height` high, rows `row` high.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shown {
    /// CSS pixels from the body's first row to the view's top.
    pub top: f64,
    /// The view's height.
    pub height: f64,
    /// A row's height.
    pub row: f64,
}

/// Whether a table (or list) of `rows` rows is drawn in part, near its view.
pub fn is_windowed(rows: usize) -> bool {
    rows >= WINDOWED_FROM
}

/// The rows to draw of `rows`, for the part of the body `shown`: all of a
/// short table; of a long one, those seen and [`OVERSCAN`] either side.
pub fn rows_drawn(rows: usize, shown: Shown) -> Range<usize> {
    if !is_windowed(rows) {
        return 0..rows;
    }
    let first = (shown.top.max(0.0) / shown.row).floor() as usize;
    let seen = (shown.height / shown.row).ceil() as usize + 1;
    let start = first.saturating_sub(OVERSCAN).min(rows);
    start..(first + seen + OVERSCAN).min(rows).max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHOWN: Shown = Shown {
        top: 0.0,
        height: 290.0,
        row: 29.0,
    };

    #[test]
    fn a_short_table_is_drawn_whole() {
        assert_eq!(rows_drawn(WINDOWED_FROM - 1, SHOWN), 0..WINDOWED_FROM - 1);
        assert_eq!(rows_drawn(0, SHOWN), 0..0);
    }

    #[test]
    fn a_long_table_draws_its_view_and_some_rows_either_side() {
        // At the top: the 10 rows seen, one cut, and the overscan below.
        assert_eq!(rows_drawn(730, SHOWN), 0..11 + OVERSCAN);
        // Scrolled to row 100.
        let at = Shown {
            top: 100.0 * 29.0,
            ..SHOWN
        };
        assert_eq!(rows_drawn(730, at), 100 - OVERSCAN..111 + OVERSCAN);
        // At the end, and past it (a box scrolled before the table shrank).
        let end = Shown {
            top: 725.0 * 29.0,
            ..SHOWN
        };
        assert_eq!(rows_drawn(730, end), 725 - OVERSCAN..730);
        let past = Shown {
            top: 5000.0 * 29.0,
            ..SHOWN
        };
        assert_eq!(rows_drawn(730, past), 730..730);
        // A box not yet laid out (a closed <details>): the first rows.
        let closed = Shown {
            height: 0.0,
            ..SHOWN
        };
        assert_eq!(rows_drawn(730, closed), 0..1 + OVERSCAN);
    }
}

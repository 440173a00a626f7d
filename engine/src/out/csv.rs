//! Every export's CSV, in one dialect: RFC 4180 (fields separated by
//! commas, lines ended by CRLF, a field quoted with `"` and a quote inside
//! it doubled), with cells typed. A text cell is always quoted, and one
//! starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
//! leading `'`, so that no spreadsheet reads it as a formula: the cell's
//! type decides, never whether its text looks like a number (a title
//! `-Infinity` is text). Numbers are written bare, a number that is not
//! finite as an empty cell.
//!
//! A table also says what it was made from: [`Table::about`] adds a column
//! holding the same value on every row (the corpus, the search, the
//! measure's settings), so the file stays a plain table that any CSV reader
//! takes, and still says what it holds.

/// One cell of a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text: quoted, guarded against formulas.
    Text(String),
    /// A whole number.
    Int(u64),
    /// A number written with this many decimals.
    Num(f64, u8),
    /// No value (a year without articles, say).
    Empty,
}

impl Cell {
    /// A number with `decimals` decimals.
    pub fn num(value: f64, decimals: u8) -> Cell {
        Cell::Num(value, decimals)
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<&String> for Cell {
    fn from(s: &String) -> Cell {
        Cell::Text(s.clone())
    }
}

impl From<&crate::corpus::Text> for Cell {
    fn from(s: &crate::corpus::Text) -> Cell {
        Cell::Text(s.to_string())
    }
}

impl From<usize> for Cell {
    fn from(n: usize) -> Cell {
        Cell::Int(n as u64)
    }
}

impl From<u16> for Cell {
    fn from(n: u16) -> Cell {
        Cell::Int(n.into())
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(v: Option<T>) -> Cell {
        v.map_or(Cell::Empty, Into::into)
    }
}

/// A table to export: a header, rows of cells, and the columns that say
/// what it was made from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<Cell>>,
    about: Vec<(String, Cell)>,
}

impl Table {
    /// An empty table with these column names.
    pub fn new<S: Into<String>>(header: impl IntoIterator<Item = S>) -> Table {
        Table {
            header: header.into_iter().map(Into::into).collect(),
            ..Table::default()
        }
    }

    /// Adds a row (as many cells as the header names).
    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(row.len(), self.header.len(), "a cell per column");
        self.rows.push(row);
    }

    /// Adds a column `name` holding `value` on every row: what the table was made from.
    pub fn about(mut self, name: &str, value: impl Into<Cell>) -> Table {
        self.about.push((name.to_string(), value.into()));
        self
    }

    /// The rows, as pushed.
    pub fn rows(&self) -> &[Vec<Cell>] {
        &self.rows
    }

    /// The table as CSV text.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let names = self.header.iter().chain(self.about.iter().map(|(n, _)| n));
        line(
            &mut out,
            names
                .map(|n| Cell::Text(n.clone()))
                .collect::<Vec<_>>()
                .iter(),
        );
        for row in &self.rows {
            line(
                &mut out,
                row.iter().chain(self.about.iter().map(|(_, v)| v)),
            );
        }
        out
    }
}

/// Writes one record and its CRLF.
fn line<'c>(out: &mut String, cells: impl Iterator<Item = &'c Cell>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_cell(out, cell);
    }
    out.push_str("\r\n");
}

/// Writes one field.
fn write_cell(out: &mut String, cell: &Cell) {
    match cell {
        Cell::Text(s) => {
            out.push('"');
            if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                out.push('\'');
            }
            out.push_str(&s.replace('"', "\"\""));
            out.push('"');
        }
        Cell::Int(n) => out.push_str(&n.to_string()),
        Cell::Num(v, d) if v.is_finite() => {
            // -0.00 reads as a sign a reader would take for a direction.
            let s = format!("{v:.*}", *d as usize);
            let zero = s.bytes().skip(1).all(|b| b == b'0' || b == b'.');
            out.push_str(if zero { s.trim_start_matches('-') } else { &s });
        }
        Cell::Num(..) | Cell::Empty => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_quoted_and_guarded_by_its_type_numbers_are_bare() {
        let mut t = Table::new(["Title", "Count", "Rate", "Gap"]);
        t.push(vec![
            "-Infinity".into(),
            3usize.into(),
            Cell::num(1.5, 2),
            Cell::Empty,
        ]);
        t.push(vec![
            "say \"hi\", then\nleave".into(),
            0usize.into(),
            Cell::num(f64::NAN, 2),
            "+nan".into(),
        ]);
        t.push(vec![
            "=SUM(A1)".into(),
            7usize.into(),
            Cell::num(-0.0001, 2),
            "@x".into(),
        ]);
        let csv = t.about("Corpus", "Seed").to_csv();
        assert_eq!(
            csv,
            "\"Title\",\"Count\",\"Rate\",\"Gap\",\"Corpus\"\r\n\
             \"'-Infinity\",3,1.50,,\"Seed\"\r\n\
             \"say \"\"hi\"\", then\nleave\",0,,\"'+nan\",\"Seed\"\r\n\
             \"'=SUM(A1)\",7,0.00,\"'@x\",\"Seed\"\r\n"
        );
    }
}

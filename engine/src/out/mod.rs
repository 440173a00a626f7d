//! What the engine writes for a reader to see or keep: tables as CSV
//! ([`csv`]), numbers as a reader
//! reads them ([`numbers`]), the rows of a long table a page draws ([`rows`]), chart scales and geometry ([`scale`],
//! [`chart`]), markup text ([`markup`]) and the static pages of a published corpus ([`site`]).

pub mod chart;
pub mod csv;
pub mod markup;
pub mod numbers;
pub mod rows;
pub mod scale;
pub mod site;

include!("../common.rs");
use lens_engine::import::table;
fn main() {
    common();
    let bytes = input();
    let text = std::str::from_utf8(&bytes).unwrap_or("");
    for t in [table::delimited(text, b','), table::json(text, false)] {
        black_box(table::guess(&t));
        black_box(table::sample(&t, 0, 60));
    }
}

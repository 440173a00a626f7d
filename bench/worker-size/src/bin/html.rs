include!("../common.rs");
fn main() {
    common();
    black_box(lens_engine::import::html::html(std::str::from_utf8(&input()).unwrap_or("")));
}

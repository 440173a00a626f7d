include!("../common.rs");
use lens_engine::import::zip;
fn main() {
    common();
    let bytes = input();
    if let Ok(a) = zip::Archive::new(&bytes, zip::Limits::default()) {
        for e in a {
            black_box(e);
        }
    }
}

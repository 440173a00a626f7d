include!("../common.rs");
fn main() {
    common();
    black_box(lens_engine::import::docx::docx(&input()).is_ok());
}

include!("../common.rs");
fn main() {
    common();
}

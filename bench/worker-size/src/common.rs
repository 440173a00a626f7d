// The part of the worker every format needs (included by each probe).
use lens_engine::corpus::codec::{decode_copy, encode};
use lens_engine::import::{dates, decode, plain};
use std::hint::black_box;

/// Bytes the optimiser cannot see through.
fn input() -> Vec<u8> {
    black_box(Vec::new())
}

fn common() {
    let bytes = input();
    if let Ok((text, enc)) = decode::decode(&bytes) {
        black_box((plain::text(&text), plain::markdown(&text), enc.name()));
        black_box(dates::written(&text, None));
        black_box((dates::in_url(&text), dates::in_file_name(&text)));
        black_box(lens_engine::corpus::load::parse_article("a", "a.md", text.as_bytes()).is_ok());
    }
    if let Ok(corpus) = decode_copy(&input()) {
        black_box(encode(&corpus));
        black_box(lens_engine::import::export(&corpus));
    }
}

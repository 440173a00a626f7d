//! Text: how a string becomes words ([`tokenize`], the one tokenizer) and
//! what the engine knows of a word ([`lexicon`]: stop words, listed words,
//! stems), how far apart two spellings are ([`distance`]) and which way a
//! piece of text runs ([`direction`]). Depends on
//! nothing else in the engine.

pub mod direction;
pub mod distance;
pub mod japanese;
pub mod language;
pub mod lexicon;
pub mod segment;
pub mod tokenize;

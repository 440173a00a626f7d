//! Text: how a string becomes words ([`tokenize`], the one tokenizer) and
//! what the engine knows of a word ([`lexicon`]: stop words, listed words,
//! stems) and how far apart two spellings are ([`distance`]). Depends on
//! nothing else in the engine.

pub mod distance;
pub mod lexicon;
pub mod tokenize;

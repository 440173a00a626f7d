//! Text: how a string becomes words ([`tokenize`], the one tokenizer) and
//! what the engine knows of a word ([`lexicon`]: stop words, listed words,
//! stems). Depends on nothing else in the engine.

pub mod lexicon;
pub mod tokenize;

fn main() {
    corpus_lens::start();
}

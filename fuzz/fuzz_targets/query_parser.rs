//! Any string is a query or a precise error: never a panic, and an error's
//! span lies inside the input. A parsed query survives a round trip through
//! its printed form, and evaluating it on a small corpus does not panic.
#![no_main]

use std::sync::OnceLock;

use lens_engine::index::Index;
use lens_engine::search::query::parse;
use lens_engine::search::{Order, SearchOptions};
use lens_engine::{Article, ArticleDate, Block, Corpus, CorpusInfo};
use libfuzzer_sys::fuzz_target;

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let a = |id: &'static str, title: &'static str, body: &'static str, year: u16| {
            let mut a = Article::new(
                id,
                title,
                ArticleDate { year, month: None, day: None },
                vec![Block::Paragraph(body.into())],
            );
            a.meta_mut().source = Some("TMTpost".into());
            a.language = "en".into();
            a.tags = vec!["social".into()];
            a
        };
        let corpus = Corpus::new(
            CorpusInfo { name: "fuzz".into(), description: None, ..Default::default() },
            vec![a("a", "Alipay’s rhythm", "WeChat Pay and mobile payment 支付宝", 2015), a("b", "Baidu", "paying payments pay*", 2016)],
        );
        Index::new(&corpus)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    match parse(s) {
        Ok(p) => {
            let again = parse(&p.query.to_string()).expect("a printed query parses");
            assert_eq!(again.query, p.query);
            for forms in [false, true] {
                let m = index().matches(&p.query, SearchOptions { word_forms: forms });
                let _ = index().rank(&m, Order::Relevance);
            }
        }
        Err(e) => {
            assert!(e.span.start <= e.span.end && e.span.end <= s.len());
            assert!(s.is_char_boundary(e.span.start) && s.is_char_boundary(e.span.end));
            assert!(!e.message.is_empty());
        }
    }
});

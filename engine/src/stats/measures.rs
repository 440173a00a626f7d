//! The measures the views report, each written once: rates, Dunning's
//! log-likelihood (G²) in its two forms, Hardie's log ratio, the
//! association measures of collocates (logDice, MI, T-score) and the
//! significance levels of G². docs/statistics.md gives the same formulas
//! for readers; these functions are what the page computes.

/// 2 Σ O ln(O / E) over `(observed, expected)` cells; a cell with O or E
/// at most 0 adds nothing. Both forms of G² below are this sum.
fn g2(cells: &[(f64, f64)]) -> f64 {
    2.0 * cells
        .iter()
        .filter(|&&(o, e)| o > 0.0 && e > 0.0)
        .map(|&(o, e)| o * (o / e).ln())
        .sum::<f64>()
}

/// Dunning's log-likelihood G² of a word seen `a` times in `c` words and
/// `b` times in `d` words, as Rayson and Garside compute it (keyness, and
/// Compare's distinctive words): E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d),
/// G² = 2(a ln(a/E1) + b ln(b/E2)).
pub fn log_likelihood(a: usize, b: usize, c: usize, d: usize) -> f64 {
    let (a, b, c, d) = (a as f64, b as f64, c as f64, d as f64);
    if c + d == 0.0 || a + b == 0.0 {
        return 0.0;
    }
    g2(&[(a, c * (a + b) / (c + d)), (b, d * (a + b) / (c + d))])
}

/// G² = 2 Σ O ln(O / E) over a 2×2 table, E from its margins (collocates);
/// a negative cell counts as 0, a zero cell adds nothing.
pub fn table_g2(o11: f64, o12: f64, o21: f64, o22: f64) -> f64 {
    let cells = [o11, o12, o21, o22].map(|c| c.max(0.0));
    let total: f64 = cells.iter().sum();
    if total == 0.0 {
        return 0.0;
    }
    let rows = [cells[0] + cells[1], cells[2] + cells[3]];
    let cols = [cells[0] + cells[2], cells[1] + cells[3]];
    let observed_expected: [(f64, f64); 4] =
        std::array::from_fn(|i| (cells[i], rows[i / 2] * cols[i % 2] / total));
    g2(&observed_expected)
}

/// Hardie's log ratio: log2((a / c) / (b / d)), a zero count replaced by 0.5
/// (0 when either side has no words).
pub fn log_ratio(a: usize, b: usize, c: usize, d: usize) -> f64 {
    let z = |x: usize| if x == 0 { 0.5 } else { x as f64 };
    if c == 0 || d == 0 {
        return 0.0;
    }
    ((z(a) / c as f64) / (z(b) / d as f64)).log2()
}

/// Occurrences per 10,000 words (0 when there are no words).
pub fn per_10k(count: usize, words: usize) -> f64 {
    if words == 0 {
        0.0
    } else {
        count as f64 / words as f64 * 10_000.0
    }
}

/// The association of a collocate seen `f_xy` times within windows of
/// total width `w` around the node's `f_x` occurrences, with `f_y` its count
/// in a selection of `n` words: E = f_x · f_y · w / n.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Association {
    /// 14 + log2(2·f_xy / (f_x + f_y)) (Rychlý 2008).
    pub log_dice: f64,
    /// log2(f_xy / E) (0 when E is 0).
    pub mi: f64,
    /// (f_xy − E) / √f_xy.
    pub t_score: f64,
    /// [`table_g2`] of O11 = f_xy, O12 = w·f_x − f_xy, O21 = f_y − f_xy,
    /// O22 = n − w·f_x − f_y + f_xy, signed by f_xy − E: negative for a word
    /// seen near the node less often than expected (repelled), as keyness
    /// tools sign G² by which side a word is over-used in.
    pub g2: f64,
    /// E = f_x · f_y · w / n: the times it would stand near the node if words
    /// were placed at random.
    pub expected: f64,
}

/// The measures of [`Association`] (f_xy at least 1).
pub fn association(f_xy: f64, f_x: f64, f_y: f64, w: f64, n: f64) -> Association {
    let e = f_x * f_y * w / n.max(1.0);
    Association {
        log_dice: 14.0 + (2.0 * f_xy / (f_x + f_y)).log2(),
        mi: if e > 0.0 { (f_xy / e).log2() } else { 0.0 },
        t_score: (f_xy - e) / f_xy.sqrt(),
        g2: table_g2(f_xy, w * f_x - f_xy, f_y - f_xy, n - w * f_x - f_y + f_xy)
            * if f_xy < e { -1.0 } else { 1.0 },
        expected: e,
    }
}

/// A significance level of G² (one degree of freedom).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Significance {
    /// The p-value bound as a reader writes it ("p < 0.01").
    pub label: &'static str,
    /// The least G² that reaches it.
    pub min_g2: f64,
}

/// p < 0.05: G² ≥ 3.84. Compare: a word found in both articles with at
/// least this G² is distinctive, not shared.
pub const P05: Significance = Significance {
    label: "p < 0.05",
    min_g2: 3.84,
};

/// p < 0.01: G² ≥ 6.63.
pub const P01: Significance = Significance {
    label: "p < 0.01",
    min_g2: 6.63,
};

/// p < 0.001: G² ≥ 10.83.
pub const P001: Significance = Significance {
    label: "p < 0.001",
    min_g2: 10.83,
};

/// p < 0.0001: G² ≥ 15.13.
pub const P0001: Significance = Significance {
    label: "p < 0.0001",
    min_g2: 15.13,
};

/// The levels a reader can ask keywords to reach, weakest first.
pub const SIGNIFICANCE: [Significance; 4] = [P05, P01, P001, P0001];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_likelihood_matches_a_hand_computed_value() {
        // "alipay" 10 times in 1,000 words on the left, 2 times in 1,000 on the right:
        // E1 = E2 = 1000 × 12 / 2000 = 6; G² = 2 (10 ln(10/6) + 2 ln(2/6)) = 5.82206…
        let g2 = log_likelihood(10, 2, 1000, 1000);
        assert!((g2 - 5.822_063).abs() < 1e-5, "{g2}");
        assert_eq!(
            log_likelihood(3, 3, 100, 100),
            0.0,
            "the same rate on both sides is not distinctive"
        );
        assert_eq!(log_likelihood(0, 0, 0, 0), 0.0);
        assert!(log_likelihood(5, 0, 100, 100) > 0.0);
    }

    #[test]
    fn the_levels_are_in_order_of_strength() {
        assert!(SIGNIFICANCE.windows(2).all(|w| w[0].min_g2 < w[1].min_g2));
        assert_eq!(SIGNIFICANCE[0], P05);
    }
}

/// Where the published site keeps docs/statistics.md as a page (written by
/// lens-site), relative to the app's page.
pub const FORMULAS_PAGE: &str = "docs/statistics.html";

/// The sections of docs/statistics.md a table's "what these numbers mean"
/// links to, by their headings (their anchors: [`crate::out::site::anchor`]).
pub const SECTION_KEYWORDS: &str = "Keywords: log-likelihood and log ratio";
/// See [`SECTION_KEYWORDS`].
pub const SECTION_RISING: &str = "Rising and falling words: the weighted slope";
/// See [`SECTION_KEYWORDS`].
pub const SECTION_COLLOCATES: &str = "Collocates: logDice, MI, T-score and log-likelihood";
/// See [`SECTION_KEYWORDS`].
pub const SECTION_SIMILARITY: &str = "Compare: similarity (TF-IDF cosine)";

/// What a measure means, one line for a reader, as the page explains a
/// table's columns (the formulas are in docs/statistics.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Explained {
    /// The column's name.
    pub name: &'static str,
    /// What its numbers mean.
    pub meaning: &'static str,
}

/// G² of a keyword list: how surely a word's rate differs.
pub const KEYNESS_G2: Explained = Explained {
    name: "G²",
    meaning: "Dunning's log-likelihood: how surely the word's rate here differs from the reference's, not how much. 3.84 is p < 0.05, 6.63 p < 0.01, 10.83 p < 0.001, 15.13 p < 0.0001 (one degree of freedom).",
};

/// Hardie's log ratio.
pub const LOG_RATIO: Explained = Explained {
    name: "Log ratio",
    meaning: "Hardie's log ratio, the size of the difference: log2 of the rate here over the rate in the reference. +1 is twice as frequent, +2 four times, −1 half; a count of 0 is taken as 0.5.",
};

/// The node's window counts.
pub const WITH_NODE: Explained = Explained {
    name: "With node",
    meaning: "Times the word stands within the window of an occurrence of the node (f_xy). A word inside two windows counts twice, as in AntConc, so it can exceed Total.",
};

/// The expected count near the node.
pub const EXPECTED: Explained = Explained {
    name: "Expected",
    meaning: "Times it would stand near the node by chance: node occurrences × its total × window width ÷ words in the selection.",
};

/// logDice.
pub const LOG_DICE: Explained = Explained {
    name: "logDice",
    meaning: "14 + log2(2 · with node ÷ (node occurrences + total)) (Rychlý 2008): at most 14, comparable across corpora of any size; the default order.",
};

/// Mutual information.
pub const MI: Explained = Explained {
    name: "MI",
    meaning: "log2(with node ÷ expected): how much more often than chance, in powers of two. Favours rare words; below 0 the word keeps away from the node.",
};

/// The T-score.
pub const T_SCORE: Explained = Explained {
    name: "T-score",
    meaning: "(with node − expected) ÷ √with node: how sure the attraction is. Favours frequent words; below 0 the word keeps away from the node.",
};

/// G² of collocates, signed.
pub const COLLOCATE_G2: Explained = Explained {
    name: "G²",
    meaning: "Dunning's log-likelihood of the node's windows against the rest of the selection, signed: negative when the word stands near the node less often than expected (repelled). Ordered by it, attracted words come first and repelled ones last.",
};

/// Compare's G².
pub const COMPARE_G2: Explained = Explained {
    name: "G²",
    meaning: "Dunning's log-likelihood of the word's counts in the two articles: how surely it is used more in one. A word in both with G² of at least 3.84 (p < 0.05) is distinctive, not shared.",
};

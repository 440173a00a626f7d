//! Numbers as a reader sees them, in the page and in the engine's messages.

/// `1234567` as "1,234,567".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A large count, rounded for a message: "17 million", "420,000".
pub fn round_figure(n: usize) -> String {
    if n >= 1_000_000 {
        format!("{} million", (n as f64 / 1e6).round())
    } else {
        thousands(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_grouped_by_three() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(round_figure(420_000), "420,000");
        assert_eq!(round_figure(16_800_000), "17 million");
    }
}

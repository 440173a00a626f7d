//! A file's bytes as text: UTF-8 (with or without its byte-order mark),
//! UTF-16 (little or big endian, by its mark or by its zero bytes), and
//! otherwise Windows-1252, the code page older Western exports are in; a
//! file with zero bytes in no UTF-16 pattern is binary and is not text.

/// How a file's bytes were read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (a byte-order mark, if any, dropped).
    Utf8,
    /// UTF-16, little endian.
    Utf16Le,
    /// UTF-16, big endian.
    Utf16Be,
    /// Not valid UTF-8: read as Windows-1252.
    Windows1252,
}

impl Encoding {
    /// Its name, for the import report.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16 (little endian)",
            Encoding::Utf16Be => "UTF-16 (big endian)",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

/// Windows-1252's characters for the bytes 0x80 to 0x9F (the rest of the
/// upper half is Latin-1, the same code points); U+FFFD where it has none.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž',
    '\u{FFFD}', '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{FFFD}',
    'ž', 'Ÿ',
];

/// `bytes` as text, and how they were read; `Err` (why) for a file that
/// is not text.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8(rest.to_vec())
            .map(|t| (t, Encoding::Utf8))
            .map_err(|e| {
                format!(
                    "it starts as UTF-8 but byte {} is not UTF-8",
                    e.utf8_error().valid_up_to() + 3
                )
            });
    }
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((rest, Encoding::Utf16Le)),
        [0xFE, 0xFF, rest @ ..] => Some((rest, Encoding::Utf16Be)),
        _ => utf16_without_mark(bytes).map(|e| (bytes, e)),
    };
    if let Some((rest, enc)) = utf16 {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| match enc {
                Encoding::Utf16Le => u16::from_le_bytes([c[0], c[1]]),
                _ => u16::from_be_bytes([c[0], c[1]]),
            })
            .collect();
        return String::from_utf16(&units)
            .map(|t| (t, enc))
            .map_err(|_| format!("it is {} with a broken character", enc.name()));
    }
    if bytes.contains(&0) {
        return Err("it holds binary data, not text".into());
    }
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok((t.to_string(), Encoding::Utf8)),
        Err(_) => Ok((
            bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9F => CP1252_HIGH[(b - 0x80) as usize],
                    b => b as char,
                })
                .collect(),
            Encoding::Windows1252,
        )),
    }
}

/// UTF-16 without a mark: text in a Latin script has a zero byte in every
/// other place (at odd places: little endian; at even: big).
fn utf16_without_mark(bytes: &[u8]) -> Option<Encoding> {
    let sample = &bytes[..bytes.len().min(512) & !1];
    if sample.len() < 8 {
        return None;
    }
    let zeros = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let half = sample.len() / 2;
    let (even, odd) = (zeros(0), zeros(1));
    if odd * 10 >= half * 9 && even * 10 < half {
        Some(Encoding::Utf16Le)
    } else if even * 10 >= half * 9 && odd * 10 < half {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_read_in_its_encoding_and_binary_is_refused() {
        assert_eq!(
            decode("Alipay’s".as_bytes()),
            Ok(("Alipay’s".into(), Encoding::Utf8))
        );
        assert_eq!(decode(b"\xEF\xBB\xBFhi"), Ok(("hi".into(), Encoding::Utf8)));
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Zürich 支付宝".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le), Ok(("Zürich 支付宝".into(), Encoding::Utf16Le)));
        let be: Vec<u8> = "Plain English text"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(
            decode(&be),
            Ok(("Plain English text".into(), Encoding::Utf16Be))
        );
        assert_eq!(
            decode(b"caf\xE9 \x93quoted\x94 \x80"),
            Ok(("café “quoted” €".into(), Encoding::Windows1252))
        );
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").is_err());
        assert_eq!(decode(b""), Ok((String::new(), Encoding::Utf8)));
    }
}

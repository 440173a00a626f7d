//! LEB128: an unsigned number seven bits a byte, the low ones first, the
//! high bit of each byte but the last set. The corpus' bytes
//! ([`crate::corpus::codec`], from version 5) and a sharded index's files
//! ([`crate::shard`]) write their counts and lengths so: a byte for a
//! number under 128.

/// `n` as LEB128: the bytes, and how many of them are its.
pub(crate) fn encode(mut n: u64) -> ([u8; 10], usize) {
    let (mut out, mut len) = ([0u8; 10], 0);
    while n >= 0x80 {
        out[len] = (n as u8) | 0x80;
        n >>= 7;
        len += 1;
    }
    out[len] = n as u8;
    (out, len + 1)
}

/// Why a number could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unread {
    /// The bytes end inside it.
    Truncated,
    /// It is past 2⁶⁴ (or takes more than ten bytes).
    TooBig,
}

/// The number `bytes` start with, and how many bytes it takes.
pub(crate) fn decode(bytes: &[u8]) -> Result<(u64, usize), Unread> {
    let mut n: u64 = 0;
    for (i, &b) in bytes.iter().enumerate().take(10) {
        let shift = 7 * i as u32;
        let low = u64::from(b & 0x7f);
        // The tenth byte holds the 64th bit only.
        if shift == 63 && low > 1 {
            return Err(Unread::TooBig);
        }
        n |= low << shift;
        if b < 0x80 {
            return Ok((n, i + 1));
        }
    }
    Err(if bytes.len() >= 10 {
        Unread::TooBig
    } else {
        Unread::Truncated
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_take_the_bytes_they_need_and_read_back() {
        for (n, bytes) in [
            (0u64, &[0u8][..]),
            (127, &[0x7f]),
            (128, &[0x80, 0x01]),
            (16_383, &[0xff, 0x7f]),
            (16_384, &[0x80, 0x80, 0x01]),
            (u64::from(u32::MAX), &[0xff, 0xff, 0xff, 0xff, 0x0f]),
            (
                u64::MAX,
                &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
            ),
        ] {
            let (out, len) = encode(n);
            assert_eq!(&out[..len], bytes, "{n}");
            assert_eq!(decode(bytes), Ok((n, len)), "{n}");
        }
        assert_eq!(decode(&[]), Err(Unread::Truncated));
        assert_eq!(decode(&[0x80, 0x80]), Err(Unread::Truncated));
        assert_eq!(decode(&[0xff; 9]), Err(Unread::Truncated));
        assert_eq!(decode(&[0xff; 11]), Err(Unread::TooBig));
        let mut past = [0xff; 10];
        past[9] = 0x02;
        assert_eq!(decode(&past), Err(Unread::TooBig), "2⁶⁴");
    }
}

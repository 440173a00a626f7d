//! Zip archives, read one entry at a time in the order of their names
//! (only one entry's bytes unpacked at once; from a [`Source`] that reads a
//! file a piece at a time, only its directory and one entry's packed bytes
//! in memory) and written for the corpus export. Stored and deflated entries
//! are read; an encrypted entry, another method, a corrupt entry (its
//! CRC-32 does not match) and an entry that unpacks past the limits (a zip
//! bomb: [`Limits`]) are each a line of the report, and the rest of the
//! archive is read. ZIP64 archives (over 4 GB or 65,535 entries) are not.

use std::borrow::Cow;

/// How much an archive may unpack to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The most one entry may unpack to.
    pub entry: usize,
    /// The most all entries together may unpack to.
    pub total: usize,
    /// The most an entry over 1 MB may unpack to, per byte packed.
    pub ratio: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            entry: 64 << 20,
            total: 1 << 30,
            ratio: 200,
        }
    }
}

/// One entry of an archive: its name (folders `/`-separated) and its bytes,
/// or why they cannot be read.
#[derive(Debug, PartialEq, Eq)]
pub struct Entry {
    /// The path inside the archive.
    pub name: String,
    /// The unpacked bytes, or why not.
    pub data: Result<Vec<u8>, String>,
}

/// Where an archive's bytes are read from: memory (`[u8]`), or a file read
/// a piece at a time (the import worker reads a dropped zip so, never
/// holding the whole archive).
pub trait Source {
    /// Its length in bytes.
    fn size(&self) -> usize;
    /// The bytes `at..at + len`, fewer where the source ends first (none
    /// past its end); `Err` (why) when they cannot be read.
    fn read(&self, at: usize, len: usize) -> Result<Cow<'_, [u8]>, String>;
}

impl<S: Source + ?Sized> Source for &S {
    fn size(&self) -> usize {
        (**self).size()
    }

    fn read(&self, at: usize, len: usize) -> Result<Cow<'_, [u8]>, String> {
        (**self).read(at, len)
    }
}

impl Source for [u8] {
    fn size(&self) -> usize {
        self.len()
    }

    fn read(&self, at: usize, len: usize) -> Result<Cow<'_, [u8]>, String> {
        let from = at.min(self.len());
        Ok(Cow::Borrowed(
            &self[from..at.saturating_add(len).min(self.len())],
        ))
    }
}

/// A [`Source`] read a window at a time: reads within the last window
/// are served from it. An archive's entries, read in name order, mostly lie
/// one after the other: a zip of 25,488 paragraphs is then read in a dozen
/// reads of a file rather than 50,000 (each of which costs a browser's
/// worker most of a millisecond).
pub struct Windowed<S> {
    source: S,
    size: usize,
    /// Where the window starts, and its bytes.
    window: std::cell::RefCell<(usize, Vec<u8>)>,
}

impl<S: Source> Windowed<S> {
    /// The bytes a window holds.
    pub const WINDOW: usize = 1 << 20;

    /// `source`, read a window at a time.
    pub fn new(source: S) -> Windowed<S> {
        Windowed {
            size: source.size(),
            source,
            window: Default::default(),
        }
    }
}

impl<S: Source> Source for Windowed<S> {
    fn size(&self) -> usize {
        self.size
    }

    fn read(&self, at: usize, len: usize) -> Result<Cow<'_, [u8]>, String> {
        let end = at.saturating_add(len).min(self.size);
        let at = at.min(end);
        let mut w = self.window.borrow_mut();
        let within = |w: &(usize, Vec<u8>)| at >= w.0 && end <= w.0 + w.1.len();
        if !within(&w) {
            if end - at >= Self::WINDOW {
                // As large as a window: read as it is, the window kept.
                return Ok(Cow::Owned(self.source.read(at, end - at)?.into_owned()));
            }
            let to = at.saturating_add(Self::WINDOW).min(self.size);
            *w = (at, self.source.read(at, to - at)?.into_owned());
            if !within(&w) {
                return Err("the file is shorter than it was".into());
            }
        }
        Ok(Cow::Owned(w.1[at - w.0..end - w.0].to_vec()))
    }
}

/// CRC-32 (IEEE), as zip files carry it.
pub fn crc32(bytes: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, v) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *v = c;
        }
        t
    });
    !bytes.iter().fold(!0u32, |c, &b| {
        table[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8)
    })
}

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?))
}

/// One record of an archive's directory: where an entry is and how it is packed.
struct Record {
    name: String,
    flags: usize,
    method: usize,
    crc: u32,
    packed: usize,
    size: usize,
    local: usize,
}

/// The entries of an archive, read as they are asked for, in the order of
/// their names (so that what an import makes of them does not depend on
/// the order a zip tool wrote them in). Only the directory is read first.
pub struct Archive<'a, S: Source + ?Sized = [u8]> {
    source: &'a S,
    limits: Limits,
    /// The directory's records, in name order; the next one read is `at`.
    records: Vec<Record>,
    at: usize,
    /// A problem with the directory itself, said after its readable records.
    broken: Option<String>,
    /// Bytes unpacked so far.
    unpacked: usize,
}

impl<'a> Archive<'a> {
    /// The archive in `bytes`; `Err` (why) when they are not a zip archive
    /// or are cut short.
    pub fn new(bytes: &'a [u8], limits: Limits) -> Result<Archive<'a>, String> {
        Archive::from_source(bytes, limits)
    }
}

impl<'a, S: Source + ?Sized> Archive<'a, S> {
    /// The archive `source` holds; `Err` (why) when it is not a zip archive,
    /// is cut short, or cannot be read.
    pub fn from_source(source: &'a S, limits: Limits) -> Result<Archive<'a, S>, String> {
        // The end record: the last one, within the 64 KB a comment may take.
        let size = source.size();
        let from = size.saturating_sub(22 + 0xFFFF);
        let tail = source.read(from, size - from)?;
        let end = (0..=tail.len().saturating_sub(22))
            .rev()
            .find(|&i| u32_at(&tail, i) == Some(0x0605_4B50))
            .ok_or("it is not a zip archive, or it is cut short (no end of its directory)")?;
        let entries = u16_at(&tail, end + 10).ok_or("cut short")? as usize;
        let length = u32_at(&tail, end + 12).ok_or("cut short")? as usize;
        let offset = u32_at(&tail, end + 16).ok_or("cut short")? as usize;
        if entries == 0xFFFF || offset == 0xFFFF_FFFF {
            return Err(
                "it is a ZIP64 archive (over 4 GB or 65,535 entries), which is not read".into(),
            );
        }
        if offset > size {
            return Err("its directory points past its end: it is cut short or corrupt".into());
        }
        // The directory, as long as the end record says (a directory that
        // says it starts at 0 is not the whole file read): small beside the
        // entries, read once.
        let bytes = source.read(offset, length)?;
        let bytes = &bytes[..];
        let (mut records, mut broken) = (Vec::with_capacity(entries.min(bytes.len() / 46)), None);
        let mut i = 0;
        for _ in 0..entries {
            if u32_at(bytes, i) != Some(0x0201_4B50) {
                broken = Some(
                    "its directory is corrupt: the rest of the archive is not read".to_string(),
                );
                break;
            }
            let field = |k: usize| u16_at(bytes, i + k).unwrap_or(0) as usize;
            let (name_len, extra_len, comment_len) = (field(28), field(30), field(32));
            let raw_name = bytes.get(i + 46..i + 46 + name_len).unwrap_or(&[]);
            // Names are UTF-8 (flag 11) or, in older archives, code page 437
            // (read as UTF-8 where they are, else with replacements).
            let name = String::from_utf8_lossy(raw_name).replace('\\', "/");
            if !name.ends_with('/') {
                records.push(Record {
                    name,
                    flags: field(8),
                    method: field(10),
                    crc: u32_at(bytes, i + 16).unwrap_or(0),
                    packed: u32_at(bytes, i + 20).unwrap_or(0) as usize,
                    size: u32_at(bytes, i + 24).unwrap_or(0) as usize,
                    local: u32_at(bytes, i + 42).unwrap_or(0) as usize,
                });
            }
            i += 46 + name_len + extra_len + comment_len;
        }
        records.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Archive {
            source,
            limits,
            records,
            at: 0,
            broken,
            unpacked: 0,
        })
    }
}

impl<S: Source + ?Sized> Archive<'_, S> {
    /// How many times an entry, in name order, lies before the one read
    /// before it in the file: 0 where the archive is in name order, as most
    /// tools write it (a [`Windowed`] source then reads the file a window
    /// at a time: each step back costs a window or two more).
    pub fn steps_back(&self) -> usize {
        (self.records.windows(2))
            .filter(|w| w[1].local < w[0].local)
            .count()
    }
}

impl<S: Source + ?Sized> Iterator for Archive<'_, S> {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        let Some(r) = self.records.get(self.at) else {
            return self.broken.take().map(|why| Entry {
                name: String::new(),
                data: Err(why),
            });
        };
        self.at += 1;
        let data = read(self.source, self.limits, &mut self.unpacked, r);
        Some(Entry {
            name: r.name.clone(),
            data,
        })
    }
}

/// The bytes of the entry `r` of the archive in `b`, within `l`, counted
/// in `unpacked` (all the archive's entries so far).
fn read<S: Source + ?Sized>(
    b: &S,
    l: Limits,
    unpacked: &mut usize,
    r: &Record,
) -> Result<Vec<u8>, String> {
    let Record {
        flags,
        method,
        crc,
        packed,
        size,
        local,
        ..
    } = *r;
    if flags & 1 != 0 {
        return Err("the entry is encrypted: unpack it with its password first".into());
    }
    let head = b.read(local, 30)?;
    if u32_at(&head, 0) != Some(0x0403_4B50) {
        return Err("the entry's header is missing: the archive is corrupt".into());
    }
    let start = local
        + 30
        + u16_at(&head, 26).unwrap_or(0) as usize
        + u16_at(&head, 28).unwrap_or(0) as usize;
    if method != 0 && method != 8 {
        return Err(format!(
            "the entry is packed with method {method}, which is not read (only stored and deflate)"
        ));
    }
    // What is read of the archive counts as what is unpacked: a directory
    // naming one large entry 65,535 times, or an entry saying it is small
    // but packed huge, reads no more than the limits.
    let work = size.max(packed);
    if size > l.entry
        || packed > l.entry
        || unpacked.saturating_add(work) > l.total
        || (size > 1 << 20 && size / packed.max(1) > l.ratio)
    {
        return Err(format!(
            "the entry would unpack to {} MB: too much for one import (a zip bomb?)",
            work >> 20
        ));
    }
    if start.saturating_add(packed) > b.size() {
        return Err("the entry is cut short".into());
    }
    if method == 0 && packed != size {
        return Err("the entry is corrupt (it is stored, but its two sizes differ)".into());
    }
    // Counted before it is unpacked: an entry that fails its checksum
    // costs its work too.
    *unpacked += work;
    // Read once the sizes are known to be within the limits.
    let data = b.read(start, packed)?;
    if data.len() != packed {
        return Err("the entry is cut short".into());
    }
    let data = &data[..];
    let out = if method == 0 {
        data.to_vec()
    } else {
        miniz_oxide::inflate::decompress_to_vec_with_limit(data, size).map_err(|_| {
            "the entry does not unpack (corrupt, or larger than it says)".to_string()
        })?
    };
    if out.len() != size || crc32(&out) != crc {
        return Err("the entry is corrupt (its checksum does not match)".into());
    }
    Ok(out)
}

/// A zip archive of `files` (path, bytes), each deflated when that makes
/// it smaller, with UTF-8 names: what the export downloads.
pub fn write(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, data) in files {
        let crc = crc32(data);
        let deflated = miniz_oxide::deflate::compress_to_vec(data, 6);
        let (method, body): (u16, &[u8]) = if deflated.len() < data.len() {
            (8, &deflated)
        } else {
            (0, data)
        };
        let offset = out.len() as u32;
        let head = |sig: u32, out: &mut Vec<u8>| {
            out.extend(sig.to_le_bytes());
            if sig == 0x0201_4B50 {
                out.extend(20u16.to_le_bytes()); // made by
            }
            out.extend(20u16.to_le_bytes()); // needed
            out.extend(0x800u16.to_le_bytes()); // UTF-8 names
            out.extend(method.to_le_bytes());
            out.extend([0, 0, 0x21, 0]); // time 00:00, date 1980-01-01
            out.extend(crc.to_le_bytes());
            out.extend((body.len() as u32).to_le_bytes());
            out.extend((data.len() as u32).to_le_bytes());
            out.extend((name.len() as u16).to_le_bytes());
            out.extend(0u16.to_le_bytes()); // extra
        };
        head(0x0403_4B50, &mut out);
        out.extend(name.as_bytes());
        out.extend(body);
        head(0x0201_4B50, &mut directory);
        directory.extend([0u8; 6]); // comment length, disk, internal attributes
        directory.extend(0u32.to_le_bytes()); // external attributes
        directory.extend(offset.to_le_bytes());
        directory.extend(name.as_bytes());
    }
    let offset = out.len() as u32;
    out.extend(&directory);
    out.extend(0x0605_4B50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((files.len() as u16).to_le_bytes());
    out.extend((files.len() as u16).to_le_bytes());
    out.extend((directory.len() as u32).to_le_bytes());
    out.extend(offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_archive_written_reads_back_entry_by_entry() {
        let files = vec![
            ("corpus.toml".to_string(), b"name = \"x\"\n".to_vec()),
            (
                "a/支付宝.md".to_string(),
                "Alipay ".repeat(500).into_bytes(),
            ),
            ("empty.txt".to_string(), Vec::new()),
        ];
        let zip = write(&files);
        let back: Vec<(String, Vec<u8>)> = Archive::new(&zip, Limits::default())
            .unwrap()
            .map(|e| (e.name, e.data.unwrap()))
            .collect();
        let mut by_name = files.clone();
        by_name.sort();
        assert_eq!(back, by_name, "in the order of their names");
        assert!(zip.len() < 1500, "deflated: {} bytes", zip.len());
        assert_eq!(
            crc32(b"The quick brown fox jumps over the lazy dog"),
            0x414F_A339
        );
    }

    /// A file read a piece at a time: what each read returned, at most,
    /// and how many reads.
    struct Pieces<'a> {
        bytes: &'a [u8],
        largest: std::cell::Cell<usize>,
        reads: std::cell::Cell<usize>,
        /// Reads that touch these bytes fail.
        fail: std::ops::Range<usize>,
    }

    impl<'a> Pieces<'a> {
        fn new(bytes: &'a [u8]) -> Pieces<'a> {
            Pieces {
                bytes,
                largest: Default::default(),
                reads: Default::default(),
                fail: 0..0,
            }
        }
    }

    /// `n` bytes that do not deflate (a stored entry's bytes are its size).
    fn noise(seed: u32, n: usize) -> Vec<u8> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                (x >> 16) as u8
            })
            .collect()
    }

    impl Source for Pieces<'_> {
        fn size(&self) -> usize {
            self.bytes.len()
        }

        fn read(&self, at: usize, len: usize) -> Result<Cow<'_, [u8]>, String> {
            if at < self.fail.end && at.saturating_add(len) > self.fail.start {
                return Err("the browser could not read it".into());
            }
            let piece = self.bytes.read(at, len)?.into_owned();
            self.largest.set(self.largest.get().max(piece.len()));
            self.reads.set(self.reads.get() + 1);
            Ok(Cow::Owned(piece))
        }
    }

    #[test]
    fn an_archive_read_in_pieces_is_never_read_whole() {
        let files: Vec<(String, Vec<u8>)> = (0..4)
            .map(|i| (format!("{i}.txt"), noise(i, 100_000)))
            .collect();
        let zip = write(&files);
        let pieces = Pieces::new(&zip);
        let read: Vec<Entry> = Archive::from_source(&pieces, Limits::default())
            .unwrap()
            .collect();
        let whole: Vec<Entry> = Archive::new(&zip, Limits::default()).unwrap().collect();
        assert_eq!(read, whole);
        assert_eq!(read.len(), 4);
        assert!(
            pieces.largest.get() <= 100_000,
            "{} of {} bytes in one read",
            pieces.largest.get(),
            zip.len()
        );
        // A piece the source cannot read: that entry says why, the rest are read.
        let second = zip.windows(5).position(|w| w == b"1.txt").unwrap();
        let failing = Pieces {
            fail: second + 1000..second + 1001,
            ..pieces
        };
        let entries: Vec<Entry> = Archive::from_source(&failing, Limits::default())
            .unwrap()
            .collect();
        let read: Vec<bool> = entries.iter().map(|e| e.data.is_ok()).collect();
        assert_eq!(read, [true, false, true, true]);
        assert_eq!(entries[1].data, Err("the browser could not read it".into()));
        // Its directory unreadable: no archive, and why.
        let end = Pieces {
            fail: zip.len() - 1..zip.len(),
            ..failing
        };
        assert!(Archive::from_source(&end, Limits::default()).is_err());
    }

    #[test]
    fn an_archive_of_many_entries_is_read_in_few_windows() {
        // 2,500 entries of 1 KB that do not deflate: 2.6 MB, past two windows.
        let files: Vec<(String, Vec<u8>)> = (0..2500)
            .map(|i| (format!("{i:04}.txt"), noise(i, 1000)))
            .collect();
        let zip = write(&files);
        let pieces = Pieces::new(&zip);
        let windowed = Windowed::new(&pieces);
        let read: Vec<Entry> = Archive::from_source(&windowed, Limits::default())
            .unwrap()
            .collect();
        let whole: Vec<Entry> = Archive::new(&zip, Limits::default()).unwrap().collect();
        assert_eq!(read, whole);
        // The tail, the directory, then the entries a window at a time.
        let windows = zip.len().div_ceil(Windowed::<&Pieces>::WINDOW);
        assert!(windows >= 3);
        assert!(
            pieces.reads.get() <= 2 + windows,
            "{} reads of a {} KB archive",
            pieces.reads.get(),
            zip.len() / 1000
        );
        assert!(pieces.largest.get() <= Windowed::<&Pieces>::WINDOW);
    }

    /// The first directory record of `zip`: where it starts.
    fn record(zip: &[u8]) -> usize {
        zip.windows(4)
            .position(|w| w == 0x0201_4B50u32.to_le_bytes())
            .unwrap()
    }

    #[test]
    fn an_entry_packed_past_the_limits_or_the_file_is_refused_unread() {
        let zip = write(&[
            ("a.txt".into(), noise(3, 5_000)),
            ("b.txt".into(), b"b".to_vec()),
        ]);
        let at = record(&zip);
        // Says it unpacks to nothing but is packed 4 GB: past the limits.
        let mut huge = zip.clone();
        huge[at + 20..at + 24].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
        huge[at + 24..at + 28].copy_from_slice(&0u32.to_le_bytes());
        // Packed past the file's end, within the limits.
        let mut past = zip.clone();
        past[at + 20..at + 24].copy_from_slice(&(zip.len() as u32 + 10).to_le_bytes());
        for (bad, why) in [(&huge, "zip bomb"), (&past, "cut short")] {
            let pieces = Pieces::new(bad);
            let archive = Archive::from_source(&pieces, Limits::default()).unwrap();
            // What the entries read (the tail of so small a file is all of it).
            pieces.largest.set(0);
            let e: Vec<Entry> = archive.collect();
            assert!(
                e[0].data.as_ref().unwrap_err().contains(why),
                "{:?}",
                e[0].data
            );
            assert_eq!(e[1].data.as_deref(), Ok(&b"b"[..]), "the rest is read");
            assert!(
                pieces.largest.get() < 100,
                "{} bytes read at once",
                pieces.largest.get()
            );
        }
    }

    #[test]
    fn an_archive_out_of_name_order_is_read_whole_not_a_window_an_entry() {
        // Written in reverse name order, as a tool's listing order may be.
        let mut files: Vec<(String, Vec<u8>)> = (0..300)
            .map(|i: u32| {
                (
                    format!("2020-05-17-{i:03}.txt"),
                    format!("Paragraph {i}.").into_bytes(),
                )
            })
            .collect();
        let sorted = write(&files);
        // Two entries swapped: two steps back, a window or two more each.
        files.swap(100, 200);
        let swapped = write(&files);
        files.swap(100, 200);
        files.reverse();
        let reversed = write(&files);
        let steps = |z: &[u8]| Archive::new(z, Limits::default()).unwrap().steps_back();
        assert_eq!(
            [steps(&sorted), steps(&swapped), steps(&reversed)],
            [0, 2, 299]
        );
        let (mut reads, mut articles) = (Vec::new(), Vec::new());
        for zip in [&sorted, &swapped, &reversed] {
            let pieces = Pieces::new(zip);
            let mut importer = crate::import::Importer::new(Default::default());
            importer.add_zip("p.zip", &Windowed::new(&pieces));
            let report = importer.finish();
            assert_eq!(report.articles.len(), 300);
            articles.push(report.articles);
            reads.push(pieces.reads.get());
        }
        assert!(
            articles[0] == articles[1] && articles[1] == articles[2],
            "the same articles, in the same order"
        );
        // The tail, the directory, a window (so small a file: all of it);
        // swapped, a window more at each of the two steps back and at each
        // step on after it; reversed, the whole file once more (a window an
        // entry would be 300 reads).
        assert!(
            reads[0] <= 3 && reads[1] <= 7 && reads[2] <= 4,
            "{reads:?} reads"
        );
    }

    #[test]
    fn a_broken_archive_says_what_is_wrong_and_reads_the_rest() {
        let mut zip = write(&[
            ("a.txt".into(), b"first".to_vec()),
            ("b.txt".into(), b"second".to_vec()),
        ]);
        // Corrupt the first entry's stored bytes: its checksum no longer matches.
        let at = zip.windows(5).position(|w| w == b"first").unwrap();
        zip[at] = b'F';
        let entries: Vec<Entry> = Archive::new(&zip, Limits::default()).unwrap().collect();
        assert!(entries[0].data.as_ref().unwrap_err().contains("checksum"));
        assert_eq!(entries[1].data.as_deref(), Ok(&b"second"[..]));
        // Cut short, or not a zip at all.
        assert!(Archive::new(&zip[..zip.len() - 10], Limits::default()).is_err());
        assert!(Archive::new(b"plain text", Limits::default()).is_err());
        assert!(Archive::new(b"", Limits::default()).is_err());
    }

    #[test]
    fn a_zip_bomb_is_refused_by_its_ratio_and_by_what_it_really_unpacks_to() {
        let zeros = vec![0u8; 8 << 20];
        let zip = write(&[("bomb.txt".into(), zeros)]);
        let e: Vec<Entry> = Archive::new(&zip, Limits::default()).unwrap().collect();
        assert!(
            e[0].data.as_ref().unwrap_err().contains("zip bomb"),
            "{:?}",
            e[0].data.as_ref().err()
        );
        // An entry that says it is small but unpacks to more: refused by the inflater's limit.
        let mut lying = write(&[("small.txt".into(), vec![b'a'; 100_000])]);
        let at = lying
            .windows(4)
            .position(|w| w == 0x0201_4B50u32.to_le_bytes())
            .unwrap();
        lying[at + 24..at + 28].copy_from_slice(&1000u32.to_le_bytes());
        let e: Vec<Entry> = Archive::new(&lying, Limits::default()).unwrap().collect();
        assert!(e[0].data.is_err());
        // Encrypted: flag bit 0.
        let mut locked = write(&[("secret.txt".into(), b"x".to_vec())]);
        let at = locked
            .windows(4)
            .position(|w| w == 0x0201_4B50u32.to_le_bytes())
            .unwrap();
        locked[at + 8] |= 1;
        let e: Vec<Entry> = Archive::new(&locked, Limits::default()).unwrap().collect();
        assert!(e[0].data.as_ref().unwrap_err().contains("encrypted"));
    }
}

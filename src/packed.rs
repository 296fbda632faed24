//! Short names and words packed into one integer, for tables that are asked of nearly every
//! token of a page (stopwords, the attributes the tokenizer keeps, the atoms of tag and
//! attribute names): a lookup is a multiply and integer compares, with no string hashing
//! or byte-wise comparison. Also the small hasher of look-alike signatures ([`Fx`]).

/// The longest name or word packed: its bytes fill the first fifteen bytes of the key and
/// its length the last, so two keys are equal exactly when their bytes are (a trailing NUL
/// cannot pass for padding), and no key is 0 (tables mark empty slots with 0).
pub(crate) const LONGEST: usize = 15;

/// `bytes` as they are, packed with their length; `None` when empty or longer than
/// [`LONGEST`].
pub(crate) fn key(bytes: &[u8]) -> Option<u128> {
    key_mapped(bytes, |b| b)
}

/// `bytes` with ASCII letters lower-cased, packed with their length; `None` when empty or
/// longer than [`LONGEST`].
pub(crate) fn key_ascii_lower(bytes: &[u8]) -> Option<u128> {
    key_mapped(bytes, |b| b.to_ascii_lowercase())
}

fn key_mapped(bytes: &[u8], map: impl Fn(u8) -> u8) -> Option<u128> {
    if bytes.is_empty() || bytes.len() > LONGEST {
        return None;
    }
    let mut packed = [0u8; LONGEST + 1];
    for (d, &s) in packed.iter_mut().zip(bytes) {
        *d = map(s);
    }
    packed[LONGEST] = bytes.len() as u8;
    Some(u128::from_le_bytes(packed))
}

/// A hash of a key, for choosing a slot: its high bits depend on every byte of the key.
pub(crate) fn hash(key: u128) -> u64 {
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    folded.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// A small, fast, non-cryptographic hasher (the multiply-rotate scheme of rustc's FxHash)
/// for signatures: two classes that collide only count as look-alike, which a page can
/// cause no harm with, and no hash table is keyed by it.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }
    fn write_u64(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u32(&mut self, word: u32) {
        self.write_u64(u64::from(word));
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_tell_every_short_name_apart() {
        assert_eq!(key(b""), None);
        assert_eq!(key(&[b'x'; LONGEST + 1]), None);
        assert!(key(&[b'x'; LONGEST]).is_some());
        // Padding, case and NUL bytes.
        assert_ne!(key(b"id"), key(b"id\0"));
        assert_ne!(key(b"ID"), key(b"id"));
        assert_eq!(key_ascii_lower(b"ID"), key(b"id"));
        // Bytes outside ASCII stay as they are.
        assert_eq!(key_ascii_lower("Ünï".as_bytes()), key("Ünï".as_bytes()));
        assert!([b"a".as_slice(), b"\0", b"\0\0"]
            .iter()
            .all(|k| key(k) != Some(0)));
    }
}

//! The bytes of a link: unsigned LEB128 varints (zigzag for the one signed number, the date),
//! length-prefixed UTF-8 text. Nothing here trusts its input: every number read has a
//! ceiling, every length is checked against what is left, an over-long varint is refused (so
//! one value has exactly one encoding), and text must be UTF-8.

use super::Damage;

/// Builds a payload.
#[derive(Default)]
pub(crate) struct Writer {
    pub bytes: Vec<u8>,
}

impl Writer {
    pub fn uint(&mut self, mut v: u64) {
        loop {
            let low = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.bytes.push(low);
                return;
            }
            self.bytes.push(low | 0x80);
        }
    }

    pub fn int(&mut self, v: i64) {
        self.uint(((v << 1) ^ (v >> 63)) as u64);
    }

    pub fn bool(&mut self, b: bool) {
        self.uint(u64::from(b));
    }

    pub fn text(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.bytes.extend_from_slice(s.as_bytes());
    }
}

/// Reads a payload, refusing anything out of bounds.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    fn byte(&mut self) -> Result<u8, Damage> {
        let b = *self.bytes.get(self.at).ok_or(Damage::Truncated)?;
        self.at += 1;
        Ok(b)
    }

    pub fn uint(&mut self) -> Result<u64, Damage> {
        // Most numbers a roster's columns hold are one byte: read those without the loop.
        if let Some(&b) = self.bytes.get(self.at) {
            if b & 0x80 == 0 {
                self.at += 1;
                return Ok(u64::from(b));
            }
        }
        let mut v: u64 = 0;
        for i in 0..10 {
            let b = self.byte()?;
            let low = u64::from(b & 0x7f);
            // The tenth byte may only hold the 64th bit; a zero last byte after the first is
            // an over-long form of a shorter number.
            if (i == 9 && low > 1) || (i > 0 && b == 0) {
                return Err(Damage::Number);
            }
            v |= low << (7 * i);
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(Damage::Number)
    }

    /// A number no larger than `max`.
    pub fn at_most(&mut self, max: u64, what: &'static str) -> Result<u64, Damage> {
        let v = self.uint()?;
        if v > max {
            return Err(Damage::OutOfRange(what));
        }
        Ok(v)
    }

    /// A count of `u32` no larger than `max`.
    pub fn count(&mut self, max: u32, what: &'static str) -> Result<u32, Damage> {
        // `max` fits u32, so the value does too.
        Ok(self.at_most(u64::from(max), what)? as u32)
    }

    /// How many items follow, at most `max`, each taking at least one byte: a count larger
    /// than the bytes left is refused before anything is allocated for it.
    pub fn len(&mut self, max: usize, what: &'static str) -> Result<usize, Damage> {
        let n = self.at_most(max as u64, what)? as usize;
        if n > self.bytes.len() - self.at {
            return Err(Damage::Truncated);
        }
        Ok(n)
    }

    /// An index into a list of `n`.
    pub fn index(&mut self, n: usize, what: &'static str) -> Result<usize, Damage> {
        let i = self.uint()?;
        if i >= n as u64 {
            return Err(Damage::OutOfRange(what));
        }
        Ok(i as usize)
    }

    pub fn int(&mut self) -> Result<i64, Damage> {
        let v = self.uint()?;
        Ok((v >> 1) as i64 ^ -((v & 1) as i64))
    }

    pub fn bool(&mut self) -> Result<bool, Damage> {
        match self.uint()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Damage::OutOfRange("flag")),
        }
    }

    /// UTF-8 text of at most `max` bytes.
    pub fn text(&mut self, max: usize, what: &'static str) -> Result<String, Damage> {
        let n = self.len(max, what)?;
        let bytes = self
            .bytes
            .get(self.at..self.at + n)
            .ok_or(Damage::Truncated)?;
        self.at += n;
        String::from_utf8(bytes.to_vec()).map_err(|_| Damage::Text)
    }

    /// How many bytes are left to read.
    pub fn remaining(&self) -> usize {
        self.bytes.len() - self.at
    }

    /// The payload must end here.
    pub fn end(&self) -> Result<(), Damage> {
        if self.at == self.bytes.len() {
            Ok(())
        } else {
            Err(Damage::Trailing)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_at_every_width() {
        let values = [
            0,
            1,
            127,
            128,
            300,
            16_383,
            16_384,
            u32::MAX as u64,
            u64::MAX,
        ];
        let mut w = Writer::default();
        for v in values {
            w.uint(v);
        }
        for v in [0i64, -1, 1, -20_000, 20_000, i64::MIN, i64::MAX] {
            w.int(v);
        }
        w.text("Xã Nà Khuôn");
        let mut r = Reader::new(&w.bytes);
        for v in values {
            assert_eq!(r.uint(), Ok(v));
        }
        for v in [0i64, -1, 1, -20_000, 20_000, i64::MIN, i64::MAX] {
            assert_eq!(r.int(), Ok(v));
        }
        assert_eq!(r.text(100, "name").as_deref(), Ok("Xã Nà Khuôn"));
        assert_eq!(r.end(), Ok(()));
    }

    #[test]
    fn over_long_and_oversized_numbers_are_refused() {
        // 1 written in two bytes.
        assert_eq!(Reader::new(&[0x81, 0x00]).uint(), Err(Damage::Number));
        // Eleven bytes, and a tenth byte past 64 bits.
        assert_eq!(Reader::new(&[0xff; 11]).uint(), Err(Damage::Number));
        let mut ten = [0xffu8; 10];
        ten[9] = 0x02;
        assert_eq!(Reader::new(&ten).uint(), Err(Damage::Number));
        assert_eq!(Reader::new(&[0x80]).uint(), Err(Damage::Truncated));
        assert_eq!(
            Reader::new(&[5]).count(4, "people"),
            Err(Damage::OutOfRange("people"))
        );
    }

    #[test]
    fn lengths_cannot_promise_more_than_is_left() {
        // A million units announced in a three-byte payload.
        let mut w = Writer::default();
        w.uint(1_000_000);
        assert_eq!(
            Reader::new(&w.bytes).len(usize::MAX, "units"),
            Err(Damage::Truncated)
        );
        assert_eq!(
            Reader::new(&[3, b'a', 0xff, b'b']).text(10, "name"),
            Err(Damage::Text)
        );
        assert_eq!(
            Reader::new(&[4, b'a']).text(10, "name"),
            Err(Damage::Truncated)
        );
    }
}

//! A breakdown: one count per code, serialised as `{"code": n, …}` in report order.

use crate::codes::Code;
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::marker::PhantomData;

/// The most codes a breakdown has (`Professional`'s 8), with room to grow: the counts live
/// in the value itself, not on the heap, because a report of 10,000 units holds 80,000 of
/// them and allocating each was most of a report's time.
const MOST_CODES: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counts<T: Code> {
    /// One count per code of `T::ALL`, in its order; the places after it stay 0.
    counts: [u32; MOST_CODES],
    _codes: PhantomData<T>,
}

impl<T: Code> Default for Counts<T> {
    fn default() -> Self {
        const {
            assert!(
                T::ALL.len() <= MOST_CODES,
                "a code with more values than MOST_CODES"
            )
        };
        Counts {
            counts: [0; MOST_CODES],
            _codes: PhantomData,
        }
    }
}

impl<T: Code> Counts<T> {
    pub fn add(&mut self, value: T) {
        self.counts[value.index()] += 1;
    }

    pub fn get(&self, value: T) -> u32 {
        self.counts[value.index()]
    }

    /// Set the count of one code (a decoded share link, a combined report).
    pub fn set(&mut self, value: T, n: u32) {
        self.counts[value.index()] = n;
    }

    /// The sum of the counts, `None` if it does not fit a `u32` (only a crafted value can
    /// get there: a roster counts each person once).
    pub fn checked_total(&self) -> Option<u32> {
        self.counts
            .iter()
            .try_fold(0u32, |sum, n| sum.checked_add(*n))
    }

    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }

    /// The counts in code order, to read or write each in place (share links).
    pub(crate) fn values_mut(&mut self) -> &mut [u32] {
        &mut self.counts[..T::ALL.len()]
    }

    /// (code, count) in report order.
    pub fn iter(&self) -> impl Iterator<Item = (T, u32)> + '_ {
        T::ALL.iter().copied().zip(self.counts.iter().copied())
    }
}

impl<T: Code> Serialize for Counts<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(T::ALL.len()))?;
        for (value, n) in self.iter() {
            map.serialize_entry(value.code(), &n)?;
        }
        map.end()
    }
}

impl<'de, T: Code> Deserialize<'de> for Counts<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = BTreeMap::<String, u32>::deserialize(d)?;
        let mut counts = Counts::default();
        for (code, n) in map {
            let value = T::from_code(&code)
                .ok_or_else(|| serde::de::Error::custom(format!("unknown code '{code}'")))?;
            counts.counts[value.index()] = n;
        }
        Ok(counts)
    }
}

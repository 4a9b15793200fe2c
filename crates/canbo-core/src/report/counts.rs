//! A breakdown: one count per code, serialised as `{"code": n, …}` in report order.

use crate::codes::Code;
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::marker::PhantomData;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counts<T: Code> {
    counts: Vec<u32>,
    _codes: PhantomData<T>,
}

impl<T: Code> Default for Counts<T> {
    fn default() -> Self {
        Counts {
            counts: vec![0; T::ALL.len()],
            _codes: PhantomData,
        }
    }
}

impl<T: Code> Counts<T> {
    pub fn add(&mut self, value: T) {
        if let Some(i) = T::ALL.iter().position(|v| *v == value) {
            self.counts[i] += 1;
        }
    }

    pub fn get(&self, value: T) -> u32 {
        T::ALL
            .iter()
            .position(|v| *v == value)
            .map_or(0, |i| self.counts[i])
    }

    /// Set the count of one code (a decoded share link, a combined report).
    pub fn set(&mut self, value: T, n: u32) {
        if let Some(i) = T::ALL.iter().position(|v| *v == value) {
            self.counts[i] = n;
        }
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
        &mut self.counts
    }

    /// (code, count) in report order.
    pub fn iter(&self) -> impl Iterator<Item = (T, u32)> + '_ {
        T::ALL.iter().copied().zip(self.counts.iter().copied())
    }
}

impl<T: Code> Serialize for Counts<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.counts.len()))?;
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
            if let Some(i) = T::ALL.iter().position(|v| *v == value) {
                counts.counts[i] = n;
            }
        }
        Ok(counts)
    }
}

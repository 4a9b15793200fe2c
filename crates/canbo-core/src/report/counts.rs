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

    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
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

//! Age bands: ascending lower bounds, `30,46,61` meaning `<=29`, `30-45`, `46-60`, `>=61`.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// Bands given by their ascending lower bounds (at least one). The first band is everything
/// below the first bound, the last everything from the last bound up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AgeBands {
    bounds: Vec<u32>,
}

/// One band of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Band {
    /// Shared by every unit's copy of the band (a report of 10,000 units held 50,000 copies
    /// of five labels, and allocating them was most of a filter change's report).
    pub label: Arc<str>,
    pub from: Option<u32>,
    pub to: Option<u32>,
    pub count: u32,
}

/// Why a text or a list is no age bands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BandsError {
    /// No bound at all.
    Empty,
    /// Bounds not in ascending order (or one repeated).
    NotAscending,
    /// A bound of 0 or above 150.
    OutOfRange,
    /// A part of the text that is not a whole number of years.
    NotANumber(String),
}

impl BandsError {
    /// Why, in `lang` (English: the same words as `Display`).
    pub fn message(&self, lang: crate::lang::Lang) -> String {
        match lang {
            crate::lang::Lang::Vi => match self {
                BandsError::Empty => "cần ít nhất một mốc tuổi".into(),
                BandsError::NotAscending => "các mốc tuổi phải tăng dần".into(),
                BandsError::OutOfRange => "mốc tuổi phải từ 1 đến 150".into(),
                BandsError::NotANumber(part) => {
                    format!("«{part}» không phải một số tuổi nguyên")
                }
            },
            crate::lang::Lang::En => self.to_string(),
        }
    }
}

impl fmt::Display for BandsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BandsError::Empty => f.write_str("at least one age bound is needed"),
            BandsError::NotAscending => f.write_str("age bounds must be ascending"),
            BandsError::OutOfRange => f.write_str("age bounds must lie between 1 and 150"),
            BandsError::NotANumber(part) => write!(f, "'{part}' is not a whole number of years"),
        }
    }
}

impl std::error::Error for BandsError {}

impl AgeBands {
    /// The official form's bands (DOMAIN.md): `<=30`, `31-40`, `41-50`, `51-60`, `>=61`.
    pub fn official() -> AgeBands {
        AgeBands {
            bounds: vec![31, 41, 51, 61],
        }
    }

    pub fn new(bounds: Vec<u32>) -> Result<AgeBands, BandsError> {
        if bounds.is_empty() {
            return Err(BandsError::Empty);
        }
        if bounds.windows(2).any(|w| w[1] <= w[0]) {
            return Err(BandsError::NotAscending);
        }
        if bounds[0] == 0 || bounds.iter().any(|b| *b > 150) {
            return Err(BandsError::OutOfRange);
        }
        Ok(AgeBands { bounds })
    }

    pub fn bounds(&self) -> &[u32] {
        &self.bounds
    }

    pub fn len(&self) -> usize {
        self.bounds.len() + 1
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    /// The band index of an age (negative ages fall in the first band).
    pub fn index(&self, age: i32) -> usize {
        self.bounds.iter().take_while(|&&b| age >= b as i32).count()
    }

    /// Empty bands with their labels.
    pub fn bands(&self) -> Vec<Band> {
        (0..self.len())
            .map(|i| {
                let from = i.checked_sub(1).map(|j| self.bounds[j]);
                let to = self.bounds.get(i).map(|b| b - 1);
                let label = match (from, to) {
                    (None, Some(t)) => format!("<={t}"),
                    (Some(f), None) => format!(">={f}"),
                    (Some(f), Some(t)) => format!("{f}-{t}"),
                    (None, None) => "all".into(),
                };
                Band {
                    label: label.into(),
                    from,
                    to,
                    count: 0,
                }
            })
            .collect()
    }
}

impl Default for AgeBands {
    fn default() -> Self {
        AgeBands::official()
    }
}

impl std::str::FromStr for AgeBands {
    type Err = BandsError;
    fn from_str(s: &str) -> Result<AgeBands, BandsError> {
        let bounds = s
            .split([',', ';', ' '])
            .filter(|p| !p.trim().is_empty())
            .map(|p| {
                p.trim()
                    .parse::<u32>()
                    .map_err(|_| BandsError::NotANumber(p.trim().to_string()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        AgeBands::new(bounds)
    }
}

impl TryFrom<String> for AgeBands {
    type Error = BandsError;
    fn try_from(s: String) -> Result<AgeBands, BandsError> {
        s.parse()
    }
}

impl From<AgeBands> for String {
    fn from(b: AgeBands) -> String {
        b.to_string()
    }
}

impl fmt::Display for AgeBands {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.bounds.iter().map(u32::to_string).collect();
        f.write_str(&parts.join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_text_says_why_in_either_language() {
        use crate::lang::Lang;
        let why = |text: &str| text.parse::<AgeBands>().unwrap_err();
        assert_eq!(why(""), BandsError::Empty);
        assert_eq!(why("61,30"), BandsError::NotAscending);
        assert_eq!(why("30,30"), BandsError::NotAscending);
        assert_eq!(why("0,30"), BandsError::OutOfRange);
        assert_eq!(why("30,151"), BandsError::OutOfRange);
        assert_eq!(why("30, ba mươi"), BandsError::NotANumber("ba".into()));
        for e in [why(""), why("61,30"), why("0"), why("30,x")] {
            let (vi, en) = (e.message(Lang::Vi), e.message(Lang::En));
            assert!(!vi.is_empty() && vi != en, "{vi}");
            assert_eq!(en, e.to_string());
            assert!(en.is_ascii(), "{en}");
        }
        assert_eq!(
            why("30,x").message(Lang::Vi),
            "«x» không phải một số tuổi nguyên"
        );
    }

    #[test]
    fn labels_follow_the_contract() {
        let b: AgeBands = "30,46,61".parse().unwrap();
        let labels: Vec<String> = b.bands().into_iter().map(|b| b.label.to_string()).collect();
        assert_eq!(labels, ["<=29", "30-45", "46-60", ">=61"]);
        let official: Vec<String> = AgeBands::official()
            .bands()
            .into_iter()
            .map(|b| b.label.to_string())
            .collect();
        assert_eq!(official, ["<=30", "31-40", "41-50", "51-60", ">=61"]);
    }

    #[test]
    fn ages_fall_in_their_band() {
        let b: AgeBands = "30,46,61".parse().unwrap();
        assert_eq!(b.index(29), 0);
        assert_eq!(b.index(30), 1);
        assert_eq!(b.index(45), 1);
        assert_eq!(b.index(46), 2);
        assert_eq!(b.index(61), 3);
        assert_eq!(b.index(-2), 0);
    }

    #[test]
    fn bad_bounds_are_refused() {
        assert!("46,30".parse::<AgeBands>().is_err());
        assert!("".parse::<AgeBands>().is_err());
        assert!("30,abc".parse::<AgeBands>().is_err());
        assert!("0,30".parse::<AgeBands>().is_err());
    }
}

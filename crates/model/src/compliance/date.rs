//! [`Date`]: a calendar day as rules and sites write it (`"2027-07-01"`, `"2024-11"`,
//! `"2021"`), without a clock or time zone. A month without a day means its first day, a
//! year alone means 1 January.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar day (proleptic Gregorian; days are checked against the month's length).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// Why a text is not a [`Date`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadDate(pub String);

impl Date {
    /// Earlier than any date a site or rule names: "long ago" for a site whose
    /// commissioning date is not given.
    pub const DISTANT_PAST: Date = Date {
        year: 0,
        month: 1,
        day: 1,
    };

    /// 1 January of `year`.
    pub fn first_of(year: u16) -> Date {
        Date {
            year,
            month: 1,
            day: 1,
        }
    }
    /// 31 December of `year`.
    pub fn last_of(year: u16) -> Date {
        Date {
            year,
            month: 12,
            day: 31,
        }
    }
    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub fn parse(text: &str) -> Result<Date, BadDate> {
        let bad = || BadDate(text.to_string());
        let number = |part: &str, len: usize| {
            (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<u16>().ok())
                .flatten()
        };
        let parts: Vec<&str> = text.split('-').collect();
        let (year, month, day) = match parts.as_slice() {
            [y] => (number(y, 4), Some(1), Some(1)),
            [y, m] => (number(y, 4), number(m, 2), Some(1)),
            [y, m, d] => (number(y, 4), number(m, 2), number(d, 2)),
            _ => return Err(bad()),
        };
        let (Some(year), Some(month), Some(day)) = (year, month, day) else {
            return Err(bad());
        };
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month as u8) as u16 {
            return Err(bad());
        }
        Ok(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }
    /// The same day `years` later (29 February becomes 28 February in a common year).
    pub fn plus_years(self, years: u16) -> Date {
        let year = self.year.saturating_add(years);
        Date {
            year,
            month: self.month,
            day: self.day.min(days_in_month(year, self.month)),
        }
    }
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Days in `month` (1–12) of `year`.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).map_err(|_| {
            serde::de::Error::custom(format!(
                "`{text}` is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_mean_the_first_day() {
        assert_eq!(
            Date::parse("2024-11").unwrap(),
            Date::parse("2024-11-01").unwrap()
        );
        assert_eq!(Date::parse("2021").unwrap(), Date::first_of(2021));
        assert_eq!(Date::parse("2027-07-01").unwrap().to_string(), "2027-07-01");
    }

    #[test]
    fn impossible_days_are_refused() {
        for text in [
            "2023-02-29",
            "2024-13-01",
            "2024-04-31",
            "24-01-01",
            "2024/01/01",
            "",
        ] {
            assert!(Date::parse(text).is_err(), "{text}");
        }
        assert!(Date::parse("2024-02-29").is_ok());
    }

    #[test]
    fn adding_years_keeps_the_day_where_it_exists() {
        let leap = Date::parse("2024-02-29").unwrap();
        assert_eq!(leap.plus_years(2).to_string(), "2026-02-28");
        assert_eq!(
            Date::parse("2026-07-01").unwrap().plus_years(2).to_string(),
            "2028-07-01"
        );
    }
}

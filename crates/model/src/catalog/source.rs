//! Where a catalog model's figures come from ([`Source`], as data in `assets/catalog.ron`), how
//! sure they are ([`SourceTag`]), and the service life a model of each kind is given when it
//! names none ([`ServerKind::default_service_life`]).

use serde::{Deserialize, Serialize};

use super::ServerKind;
use coolplan_units::{Qty, TimeQ, TimeUnit};

/// The kind of a source, as tagged in `shared/reference/engineering.md`. One tag per source;
/// a manufacturer figure read in a compilation is [`SourceTag::Second`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SourceTag {
    /// [MFR] manufacturer material (data sheet, user guide, spec page).
    #[serde(rename = "MFR")]
    Mfr,
    /// [STD] a standard or guideline (ASHRAE, OCP, TIA, GB).
    #[serde(rename = "STD")]
    Std,
    /// [GOV] a government statistic, filing or policy.
    #[serde(rename = "GOV")]
    Gov,
    /// [ANL] analyst, broker or trade press.
    #[serde(rename = "ANL")]
    Anl,
    /// [ACAD] academic paper or national laboratory.
    #[serde(rename = "ACAD")]
    Acad,
    /// [2nd] a figure read in a secondary compilation (a RON name cannot start with a digit).
    Second,
    /// [EST] coolplan's estimate; the note states the arithmetic and its inputs.
    #[serde(rename = "EST")]
    Est,
    /// [UNV] unverified: a figure taken as given and not checked against its origin.
    #[serde(rename = "UNV")]
    Unv,
}

impl SourceTag {
    /// Every tag, strongest evidence first (the order of the catalog view's tag list).
    pub const ALL: [SourceTag; 8] = [
        SourceTag::Mfr,
        SourceTag::Std,
        SourceTag::Gov,
        SourceTag::Acad,
        SourceTag::Anl,
        SourceTag::Second,
        SourceTag::Est,
        SourceTag::Unv,
    ];

    /// The short code shown in brackets, the same in every language: `MFR`, `2nd`, `EST`.
    pub fn code(self) -> &'static str {
        match self {
            SourceTag::Mfr => "MFR",
            SourceTag::Std => "STD",
            SourceTag::Gov => "GOV",
            SourceTag::Anl => "ANL",
            SourceTag::Acad => "ACAD",
            SourceTag::Second => "2nd",
            SourceTag::Est => "EST",
            SourceTag::Unv => "UNV",
        }
    }

    /// The tag of a code as written in a CSV or by hand: `MFR`, `[MFR]`, `2nd`, `Second`
    /// (any case).
    pub fn from_code(text: &str) -> Option<SourceTag> {
        let bare = text.trim().trim_start_matches('[').trim_end_matches(']');
        if bare.eq_ignore_ascii_case("second") {
            return Some(SourceTag::Second);
        }
        SourceTag::ALL
            .into_iter()
            .find(|tag| tag.code().eq_ignore_ascii_case(bare))
    }
}

/// One source of a model's figures: a document (title, URL or document id, date) and what
/// it is. An estimate has no URL; its note carries the arithmetic instead.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The document's title as published (not translated).
    pub title: String,
    /// Web address, repository path (`shared/reference/engineering.md`) or document id;
    /// empty when the note says what the figures rest on.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// Publication (or reading) date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    pub tag: SourceTag,
    /// Which figures the source gives, or the reasoning of an estimate.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a month 1–12 and a day 1–31.
pub fn is_source_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |part: &str, len: usize, range: std::ops::RangeInclusive<u32>| {
        part.len() == len
            && part.bytes().all(|b| b.is_ascii_digit())
            && part.parse().is_ok_and(|n| range.contains(&n))
    };
    match parts.as_slice() {
        [year] => number(year, 4, 1900..=2100),
        [year, month] => number(year, 4, 1900..=2100) && number(month, 2, 1..=12),
        [year, month, day] => {
            number(year, 4, 1900..=2100) && number(month, 2, 1..=12) && number(day, 2, 1..=31)
        }
        _ => false,
    }
}

impl ServerKind {
    /// Every kind, in the order lists and filters show them.
    pub const ALL: [ServerKind; 5] = [
        ServerKind::Cpu,
        ServerKind::Gpu,
        ServerKind::RackScale,
        ServerKind::Storage,
        ServerKind::Network,
    ];

    /// The service life of a model of this kind that names none (sources in
    /// `docs/method.md` § Service life): servers and network gear 6 years (Microsoft,
    /// Alphabet and Amazon book 6 [2nd]); GPU and rack-scale systems 5 (Amazon cut a subset
    /// of AI/ML servers to 5 from 2025 [2nd]); storage 5 [EST] (no filing separates storage).
    pub fn default_service_life(self) -> TimeQ {
        let years = match self {
            ServerKind::Cpu | ServerKind::Network => 6.0,
            ServerKind::Gpu | ServerKind::RackScale | ServerKind::Storage => 5.0,
        };
        Qty::new(years, TimeUnit::year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_read_their_codes_and_the_ron_name_of_2nd() {
        for tag in SourceTag::ALL {
            assert_eq!(SourceTag::from_code(tag.code()), Some(tag));
        }
        assert_eq!(SourceTag::from_code("[2nd]"), Some(SourceTag::Second));
        assert_eq!(SourceTag::from_code("Second"), Some(SourceTag::Second));
        assert_eq!(SourceTag::from_code(" mfr "), Some(SourceTag::Mfr));
        assert_eq!(SourceTag::from_code("vendor"), None);
        let written: Source =
            ron::from_str(r#"(title: "t", date: "2024", tag: Second, note: "n")"#).unwrap();
        assert_eq!(written.tag, SourceTag::Second);
        assert!(ron::from_str::<Source>(r#"(title: "t", date: "2024", tag: MFR)"#).is_ok());
    }

    #[test]
    fn source_dates_are_year_month_or_day() {
        for good in ["2024", "2025-02", "2025-02-11"] {
            assert!(is_source_date(good), "{good}");
        }
        for bad in [
            "",
            "24",
            "2025-2",
            "2025-13",
            "2025-02-32",
            "2025/02/11",
            "n.d.",
            "2025-02-11-1",
        ] {
            assert!(!is_source_date(bad), "{bad}");
        }
    }

    #[test]
    fn default_service_life_by_kind() {
        let years = |k: ServerKind| k.default_service_life().in_unit(TimeUnit::year);
        assert_eq!(years(ServerKind::Cpu), 6.0);
        assert_eq!(years(ServerKind::Network), 6.0);
        assert_eq!(years(ServerKind::Gpu), 5.0);
        assert_eq!(years(ServerKind::RackScale), 5.0);
        assert_eq!(years(ServerKind::Storage), 5.0);
    }
}

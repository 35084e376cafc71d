//! A validation [`Problem`]: where in the site it is ([`Seg`] path), what is wrong
//! ([`Kind`], structured data) and how bad ([`Severity`]); rendered in a language through
//! [`crate::i18n::validation`].

use std::fmt;

use crate::i18n::validation::Val;
use crate::i18n::{Lang, Text};
use crate::model::assumptions::describe::plain_number;
use crate::units::Currency;

/// Errors make a site invalid; warnings are suspicious but legal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One step of the path to a value: `hall "B1" › rack "R07" › servers[2] › model`.
#[derive(Clone, Debug, PartialEq)]
pub enum Seg {
    Hall(String),
    Rack(String),
    Model(String),
    /// A field as written in the file, e.g. `max_power`.
    Field(&'static str),
    /// An element of a list field, e.g. `servers[2]`.
    Item(&'static str, usize),
}

impl Seg {
    fn render(&self, lang: Lang) -> String {
        match self {
            Seg::Hall(name) => format!("{} \"{name}\"", Val::PathHall.tr(lang)),
            Seg::Rack(name) => format!("{} \"{name}\"", Val::PathRack.tr(lang)),
            Seg::Model(id) => format!("{} \"{id}\"", Val::PathModel.tr(lang)),
            Seg::Field(name) => (*name).to_string(),
            Seg::Item(name, index) => format!("{name}[{index}]"),
        }
    }
}

/// What is wrong, with the data a message needs. Numbers are kept as written (`kW(10.2)`
/// shows as `10.2 kW`) so the message quotes the user's own value.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    UnknownModel {
        id: String,
        nearest: Option<String>,
    },
    DuplicateHall(String),
    DuplicateRack(String),
    DuplicateModel(String),
    EmptyName,
    NotFinite(String),
    Negative(String),
    NotPositive(String),
    FractionOutOfRange(f64),
    BelowAbsoluteZero(String),
    RackOverfull {
        used_u: f64,
        height_u: f64,
    },
    YearOutOfRange(i64),
    CurrencyMismatch {
        found: Currency,
        site: Currency,
    },
    CountOverflow,
    TooManyRacks(u64),
    RackScaleNotAlone(String),
    UnknownPreset {
        key: String,
    },
    MonthlyLength(usize),
    HumidityOutOfRange(f64),
    PueBelowOne(f64),
    PeakBelowAverage {
        peak: String,
        average: String,
    },
    BadDate(String),
    HorizonOutOfRange(u32),
    /// An entry of the `uncertainty` list (checked by `engine::analysis::uncertainty`).
    Uncertainty(crate::engine::analysis::uncertainty::UncertaintyError),
    // warnings
    GpuUnderTwoKw(String),
    RackOver150Kw(String),
    UtilisationUnusual(f64),
    FloorAreaExceeded {
        need: String,
        have: String,
    },
    WaterAboveClass {
        supply: String,
        class: String,
        max: String,
    },
    EmptyRack,
    ArrivesBeforeStudy {
        year: u16,
        first_year: u16,
    },
    PueHigh(f64),
}

/// Years a site may name (arrival of servers, first year of the study).
pub const YEAR_RANGE: std::ops::RangeInclusive<i64> = 2000..=2100;
/// More racks than this in one site is a typing error, not a fleet.
///
/// 10⁸: an order of magnitude above any national fleet (China: ≈ 20 M servers in a few
/// million racks, `sites/china-fleet.ron` uses 2 M); 10⁹ racks is refused.
pub const MAX_RACKS: u64 = 100_000_000;

impl Kind {
    pub fn severity(&self) -> Severity {
        use Kind::*;
        match self {
            GpuUnderTwoKw(_)
            | RackOver150Kw(_)
            | UtilisationUnusual(_)
            | FloorAreaExceeded { .. }
            | WaterAboveClass { .. }
            | EmptyRack
            | ArrivesBeforeStudy { .. }
            | PueHigh(_) => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use Kind::*;
        let n = |v: f64| plain_number(v);
        match self {
            UnknownModel { id, nearest } => {
                let mut text = Val::UnknownModel.fmt(lang, &[id]);
                if let Some(near) = nearest {
                    text.push_str(&Val::DidYouMean.fmt(lang, &[near]));
                }
                text
            }
            DuplicateHall(name) => Val::DuplicateHall.fmt(lang, &[name]),
            DuplicateRack(name) => Val::DuplicateRack.fmt(lang, &[name]),
            DuplicateModel(id) => Val::DuplicateModel.fmt(lang, &[id]),
            EmptyName => Val::EmptyName.tr(lang).to_string(),
            NotFinite(v) => Val::NotFinite.fmt(lang, &[v]),
            Negative(v) => Val::Negative.fmt(lang, &[v]),
            NotPositive(v) => Val::NotPositive.fmt(lang, &[v]),
            FractionOutOfRange(v) => Val::FractionOutOfRange.fmt(lang, &[&n(*v)]),
            BelowAbsoluteZero(v) => Val::BelowAbsoluteZero.fmt(lang, &[v]),
            RackOverfull { used_u, height_u } => {
                Val::RackOverfull.fmt(lang, &[&n(*used_u), &n(*height_u)])
            }
            YearOutOfRange(y) => {
                Val::YearOutOfRange.fmt(lang, &[y, YEAR_RANGE.start(), YEAR_RANGE.end()])
            }
            CurrencyMismatch { found, site } => Val::CurrencyMismatch.fmt(lang, &[found, site]),
            CountOverflow => Val::CountOverflow.tr(lang).to_string(),
            TooManyRacks(count) => Val::TooManyRacks.fmt(lang, &[count, &MAX_RACKS]),
            RackScaleNotAlone(id) => Val::RackScaleNotAlone.fmt(lang, &[id]),
            UnknownPreset { key } => Val::UnknownPreset.fmt(
                lang,
                &[key, &crate::model::climate::CLIMATE_PRESET_KEYS.join(", ")],
            ),
            MonthlyLength(len) => Val::MonthlyLength.fmt(lang, &[len]),
            HumidityOutOfRange(v) => Val::HumidityOutOfRange.fmt(lang, &[&n(*v)]),
            PueBelowOne(v) => Val::PueBelowOne.fmt(lang, &[&n(*v)]),
            PeakBelowAverage { peak, average } => Val::PeakBelowAverage.fmt(lang, &[peak, average]),
            BadDate(text) => Val::BadDate.fmt(lang, &[text]),
            HorizonOutOfRange(years) => Val::HorizonOutOfRange.fmt(lang, &[years]),
            Uncertainty(e) => e.message(lang),
            GpuUnderTwoKw(power) => Val::GpuUnderTwoKw.fmt(lang, &[power]),
            RackOver150Kw(power) => Val::RackOver150Kw.fmt(lang, &[power]),
            UtilisationUnusual(v) => Val::UtilisationUnusual.fmt(lang, &[&n(*v)]),
            FloorAreaExceeded { need, have } => Val::FloorAreaExceeded.fmt(lang, &[need, have]),
            WaterAboveClass { supply, class, max } => {
                Val::WaterAboveClass.fmt(lang, &[supply, class, max])
            }
            EmptyRack => Val::EmptyRack.tr(lang).to_string(),
            ArrivesBeforeStudy { year, first_year } => {
                Val::ArrivesBeforeStudy.fmt(lang, &[year, first_year])
            }
            PueHigh(v) => Val::PueHigh.fmt(lang, &[&n(*v)]),
        }
    }
}

/// One problem found in a site.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub path: Vec<Seg>,
    pub kind: Kind,
}

impl Problem {
    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }
    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }
    /// The path in `lang`, e.g. `hall "B1" › rack "R07" › servers[2]`; `site` when empty.
    pub fn path_text(&self, lang: Lang) -> String {
        if self.path.is_empty() {
            return Val::PathSite.tr(lang).to_string();
        }
        let parts: Vec<String> = self.path.iter().map(|s| s.render(lang)).collect();
        parts.join(" › ")
    }
    /// `path: message` in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        format!("{}: {}", self.path_text(lang), self.kind.message(lang))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

//! Climate errors worded: presets, monthly normals, EPW weather files.

use coolplan_climate::NormalsError;
use coolplan_io::climate::{ClimateError, Outside};
use coolplan_io::epw::{EpwError, EpwProblem, MAX_EPW_BYTES};
use coolplan_model::climate::CLIMATE_PRESET_KEYS;

use super::Say;
use crate::climate::Clim;
use crate::{Lang, Text};

impl Say for ClimateError {
    fn say(&self, lang: Lang) -> String {
        match self {
            ClimateError::UnknownPreset { key } => {
                Clim::UnknownPreset.fmt(lang, &[key, &CLIMATE_PRESET_KEYS.join(", ")])
            }
            ClimateError::Normals(e) => {
                let detail = match e {
                    NormalsError::NotTwelve { series, found } => {
                        Clim::NotTwelve.fmt(lang, &[series, found])
                    }
                    NormalsError::MinAboveMax { month, min, max } => {
                        Clim::MinAboveMax.fmt(lang, &[month, min, max])
                    }
                    NormalsError::OutOfRange {
                        month,
                        series,
                        value,
                    } => Clim::OutOfRange.fmt(lang, &[month, series, value]),
                };
                Clim::Normals.fmt(lang, &[&detail])
            }
            ClimateError::Epw(e) => e.say(lang),
            ClimateError::PartialYear { origin, hours } => {
                Clim::PartialYear.fmt(lang, &[origin, hours])
            }
            ClimateError::EpwOutside { path, why } => match why {
                Outside::Absolute => Clim::EpwAbsolute,
                Outside::ParentDir => Clim::EpwParentDir,
                Outside::LinkLeaves => Clim::EpwLinkLeaves,
            }
            .fmt(lang, &[path]),
        }
    }
}

impl Say for EpwProblem {
    fn say(&self, lang: Lang) -> String {
        use EpwProblem::*;
        match self {
            MissingHeader(k) => Clim::EpwMissingHeader.fmt(lang, &[k]),
            ExpectedHeader(k) => Clim::EpwExpectedHeader.fmt(lang, &[k]),
            RecordsPerHour(v) => Clim::EpwRecordsPerHour.fmt(lang, &[v]),
            TooFewFields(n) => Clim::EpwTooFewFields.fmt(lang, &[n]),
            NotANumber { column, name, text } => {
                Clim::EpwNotANumber.fmt(lang, &[column, name, text])
            }
            Month(m) => Clim::EpwMonth.fmt(lang, &[m]),
            DryBulb(t) => Clim::EpwDryBulb.fmt(lang, &[t]),
            NoHumidity => Clim::EpwNoHumidity.tr(lang).to_string(),
            NoRecords => Clim::EpwNoRecords.tr(lang).to_string(),
        }
    }
}

impl Say for EpwError {
    fn say(&self, lang: Lang) -> String {
        match self {
            EpwError::Malformed {
                origin,
                line,
                problem,
            } => match problem.column() {
                Some(column) => Clim::EpwAt.fmt(lang, &[origin, line, &column, &problem.say(lang)]),
                None => Clim::EpwAtLine.fmt(lang, &[origin, line, &problem.say(lang)]),
            },
            EpwError::Read { origin, source } => Clim::CannotRead.fmt(lang, &[origin, source]),
            EpwError::NotAFile { origin, what } => {
                Clim::EpwNotAFile.fmt(lang, &[origin, &what.say(lang)])
            }
            EpwError::TooLarge { origin, size } => {
                Clim::EpwTooLarge.fmt(lang, &[origin, size, &MAX_EPW_BYTES])
            }
        }
    }
}

//! Validation and load problems of site files, worded: [`Problem`]s with their path,
//! [`LoadError`]s and parse messages.

use coolplan_io::load::{LoadError, MAX_FILE_BYTES, NotAFile};
use coolplan_io::parse::ParseMessage;
use coolplan_io::problem::{Kind, MAX_RACKS, Problem, Seg, YEAR_RANGE};
use coolplan_model::SCHEMA_VERSION;
use coolplan_model::assumptions::AssumptionKey;
use coolplan_model::assumptions::describe::plain_number;
use coolplan_units::money::CurrencyMismatch;

use super::Say;
use crate::validation::Val;
use crate::{Lang, Text};

impl Say for Seg {
    fn say(&self, lang: Lang) -> String {
        match self {
            Seg::Hall(name) => format!("{} \"{name}\"", Val::PathHall.tr(lang)),
            Seg::Rack(name) => format!("{} \"{name}\"", Val::PathRack.tr(lang)),
            Seg::Model(id) => format!("{} \"{id}\"", Val::PathModel.tr(lang)),
            // the field's place in the file: `assumptions › prices › electricity`
            Seg::Assumption(key) => {
                format!("assumptions › {} › {}", key.group().name(), key.name())
            }
            Seg::Field(name) => (*name).to_string(),
            Seg::Item(name, index) => format!("{name}[{index}]"),
        }
    }
}

impl Say for Kind {
    fn say(&self, lang: Lang) -> String {
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
            TooManyRacks(count) => {
                Val::TooManyRacks.fmt(lang, &[&n(*count as f64), &n(MAX_RACKS as f64)])
            }
            AbovePlausible { value, limit } => Val::AbovePlausible.fmt(lang, &[value, limit]),
            BelowPlausible { value, limit } => Val::BelowPlausible.fmt(lang, &[value, limit]),
            Huge(value) => Val::Huge.fmt(lang, &[value]),
            RackScaleNotAlone(id) => Val::RackScaleNotAlone.fmt(lang, &[id]),
            UnknownPreset { key } => Val::UnknownPreset.fmt(
                lang,
                &[
                    key,
                    &coolplan_model::climate::CLIMATE_PRESET_KEYS.join(", "),
                ],
            ),
            MonthlyLength(len) => Val::MonthlyLength.fmt(lang, &[len]),
            HumidityOutOfRange(v) => Val::HumidityOutOfRange.fmt(lang, &[&n(*v)]),
            PueBelowOne(v) => Val::PueBelowOne.fmt(lang, &[&n(*v)]),
            PeakBelowAverage { peak, average } => Val::PeakBelowAverage.fmt(lang, &[peak, average]),
            BadDate(text) => Val::BadDate.fmt(lang, &[text]),
            BadSourceDate(text) => Val::BadSourceDate.fmt(lang, &[text]),
            SourceWithoutBasis => Val::SourceWithoutBasis.tr(lang).to_string(),
            DuplicateAlias { alias, other } => Val::DuplicateAlias.fmt(lang, &[alias, other]),
            ServiceLifeUnusual(life) => Val::ServiceLifeUnusual.fmt(lang, &[life]),
            HorizonOutOfRange(years) => Val::HorizonOutOfRange.fmt(lang, &[years]),
            NoChilledWaterToTap => Val::NoChilledWaterToTap.tr(lang).to_string(),
            Uncertainty(e) => e.say(lang),
            GpuUnderTwoKw(power) => Val::GpuUnderTwoKw.fmt(lang, &[power]),
            RackOver150Kw(power) => Val::RackOver150Kw.fmt(lang, &[power]),
            UtilisationUnusual(v) => Val::UtilisationUnusual.fmt(lang, &[&n(*v)]),
            FloorAreaExceeded { need, have } => Val::FloorAreaExceeded.fmt(lang, &[need, have]),
            WaterAboveClass { supply, class, max } => {
                Val::WaterAboveClass.fmt(lang, &[supply, class, max])
            }
            EmptyRack => Val::EmptyRack.tr(lang).to_string(),
            InstalledAfterStudy { year, last_year } => {
                Val::InstalledAfterStudy.fmt(lang, &[year, last_year])
            }
            InstalledOnNewServers => Val::InstalledOnNewServers.tr(lang).to_string(),
            ArrivesBeforeStudy { year, first_year } => {
                Val::ArrivesBeforeStudy.fmt(lang, &[year, first_year])
            }
            PueHigh(v) => Val::PueHigh.fmt(lang, &[&n(*v)]),
            UnknownRegion(code) => Val::UnknownRegion.fmt(lang, &[code]),
            NewSiteWithoutCommissioning => Val::NewSiteWithoutCommissioning.tr(lang).to_string(),
            DuplicateAim(aim) => Val::DuplicateAim.fmt(lang, &[aim]),
            CopAtMostOne(v) => Val::CopAtMostOne.fmt(lang, &[&n(*v)]),
            MonthOutOfRange(m) => Val::MonthOutOfRange.fmt(lang, &[m]),
            DuplicateMonth(m) => Val::DuplicateMonth.fmt(lang, &[m]),
            ComplyByOutsideStudy {
                year,
                first_year,
                last_year,
            } => Val::ComplyByOutsideStudy.fmt(lang, &[year, first_year, last_year]),
            CoolingExcludesAll => Val::CoolingExcludesAll.tr(lang).to_string(),
            CoolingExcludesNothing => Val::CoolingExcludesNothing.tr(lang).to_string(),
            CoolingRuleUnoffered => Val::CoolingRuleUnoffered.tr(lang).to_string(),
            NoOptionOffered => Val::NoOptionOffered.tr(lang).to_string(),
            AirNotOffered => Val::AirNotOffered.tr(lang).to_string(),
            OfferedTwice(option) => {
                Val::OfferedTwice.fmt(lang, &[&crate::results::cooling_name(*option, lang)])
            }
            CoolingListedTwice(option) => {
                Val::CoolingListedTwice.fmt(lang, &[&crate::results::cooling_name(*option, lang)])
            }
            RetiredAssumption(key) => Val::RetiredAssumption.fmt(lang, &[key]),
        }
    }
}

/// The path of a problem in `lang`, e.g. `hall "B1" › rack "R07" › servers[2]`; `site` when
/// the problem is the site's own.
pub fn path_text(problem: &Problem, lang: Lang) -> String {
    if problem.path.is_empty() {
        return Val::PathSite.tr(lang).to_string();
    }
    let parts: Vec<String> = problem.path.iter().map(|s| s.say(lang)).collect();
    parts.join(" › ")
}

/// `path: message`.
impl Say for Problem {
    fn say(&self, lang: Lang) -> String {
        format!("{}: {}", path_text(self, lang), self.kind.say(lang))
    }
}

/// A price or amount in another currency than the site's (the engine's currency check).
impl Say for CurrencyMismatch {
    fn say(&self, lang: Lang) -> String {
        let CurrencyMismatch(found, site) = self;
        Val::CurrencyMismatch.fmt(lang, &[found, site])
    }
}

impl Say for NotAFile {
    fn say(&self, lang: Lang) -> String {
        match self {
            NotAFile::Directory => Val::KindDirectory,
            NotAFile::Fifo => Val::KindFifo,
            NotAFile::Special => Val::KindSpecial,
        }
        .tr(lang)
        .to_string()
    }
}

/// The message; for [`LoadError::Invalid`] the summary line (list the problems one by one).
impl Say for LoadError {
    fn say(&self, lang: Lang) -> String {
        match self {
            LoadError::Io { path, source } => Val::CannotRead.fmt(lang, &[&path.display(), source]),
            LoadError::NotAFile { path, what } => {
                Val::NotAFile.fmt(lang, &[&path.display(), &what.say(lang)])
            }
            LoadError::TooLarge { path, size } => {
                Val::TooLarge.fmt(lang, &[&path.display(), size, &MAX_FILE_BYTES])
            }
            LoadError::NotUtf8 {
                origin,
                line,
                column,
            } => Val::NotUtf8.fmt(lang, &[origin, line, column]),
            LoadError::Parse {
                origin,
                line,
                column,
                message,
            } => Val::ParseError.fmt(lang, &[origin, line, column, &message.say(lang)]),
            LoadError::NewerVersion { origin, found } => {
                Val::NewerVersion.fmt(lang, &[origin, found, &SCHEMA_VERSION])
            }
            LoadError::UnknownVersion { origin, found } => {
                Val::BadVersion.fmt(lang, &[origin, found, &SCHEMA_VERSION])
            }
            LoadError::Invalid { origin, problems } => {
                let errors = problems.iter().filter(|p| p.is_error()).count();
                let warnings = problems.len() - errors;
                Val::InvalidFile.fmt(lang, &[origin, &errors, &warnings])
            }
        }
    }
}

impl Say for ParseMessage {
    fn say(&self, lang: Lang) -> String {
        match self {
            ParseMessage::Ron(text) => text.clone(),
            ParseMessage::UnclosedString { ron, opened_line } => {
                format!("{ron} {}", Val::UnclosedString.fmt(lang, &[opened_line]))
            }
            ParseMessage::NeedsUnit {
                number,
                quantity,
                units,
            } => {
                let first = units.first().map_or("kW", String::as_str);
                let quantity = crate::terms::quantity_name(quantity, lang);
                Val::NeedsUnit.fmt(lang, &[number, &first, &quantity, &units.join(", ")])
            }
            ParseMessage::UnknownAssumption { found } => {
                Val::UnknownAssumption.fmt(lang, &[found, &AssumptionKey::paths().join(", ")])
            }
            ParseMessage::NotAChoice {
                number,
                kind,
                names,
            } => Val::NotAChoice.fmt(lang, &[number, kind, &names.join(", ")]),
        }
    }
}

//! Typed preview actions, notes and skip reasons, worded through `crate::i18n` only when shown
//! (the plan stays language-free; the GUI and CLI pick the language).

use crate::i18n::import::Imp;
use crate::i18n::{Lang, Text};

/// What applying the plan does to one rack (or hall).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    AddHall,
    AddRack,
    ChangeRack,
    Unchanged,
    SetMeasured,
}

impl Action {
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Action::AddHall => Imp::ActionAddHall,
            Action::AddRack => Imp::ActionAddRack,
            Action::ChangeRack => Imp::ActionChangeRack,
            Action::Unchanged => Imp::ActionUnchanged,
            Action::SetMeasured => Imp::ActionSetMeasured,
        }
        .tr(lang)
    }
}

/// A field of a row, named in messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldName {
    Hall,
    Rack,
    Model,
    Count,
    Power,
    Average,
    Peak,
    Height,
    Year,
    Share,
    Slot,
}

impl FieldName {
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            FieldName::Hall => Imp::FieldHall,
            FieldName::Rack => Imp::FieldRack,
            FieldName::Model => Imp::FieldModel,
            FieldName::Count => Imp::FieldCount,
            FieldName::Power => Imp::FieldPower,
            FieldName::Average => Imp::FieldAverage,
            FieldName::Peak => Imp::FieldPeak,
            FieldName::Height => Imp::FieldHeight,
            FieldName::Year => Imp::FieldYear,
            FieldName::Share => Imp::FieldShare,
            FieldName::Slot => Imp::FieldSlot,
        }
        .tr(lang)
    }
}

/// A remark on a preview row.
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    HallEstimates,
    ReplacesGroups(usize),
    HeightFromPositions { height_u: u32, top_u: u32 },
    PowerDiffers { csv: String, catalog: String },
    MatchedAlias { text: String, model: String },
    MeasuredRows(usize),
    MeasuredValues { average: String, peak: String },
}

impl Note {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Note::HallEstimates => Imp::NoteHallEstimates.tr(lang).to_string(),
            Note::ReplacesGroups(n) => Imp::NoteReplacesGroups.fmt(lang, &[n]),
            Note::HeightFromPositions { height_u, top_u } => {
                Imp::NoteHeightFromPositions.fmt(lang, &[height_u, top_u])
            }
            Note::PowerDiffers { csv, catalog } => Imp::NotePowerDiffers.fmt(lang, &[csv, catalog]),
            Note::MatchedAlias { text, model } => Imp::NoteMatchedAlias.fmt(lang, &[text, model]),
            Note::MeasuredRows(n) => Imp::NoteMeasuredRows.fmt(lang, &[n]),
            Note::MeasuredValues { average, peak } => {
                Imp::NoteMeasuredValues.fmt(lang, &[average, peak])
            }
        }
    }
}

/// Why a CSV row did not land in the site.
#[derive(Clone, Debug, PartialEq)]
pub enum SkipReason {
    NotServer(String),
    NoRack,
    NoModel,
    Unmatched {
        text: String,
        nearest: String,
    },
    BadCount(String),
    BadValue {
        field: FieldName,
        text: String,
        problem: String,
    },
    FieldCount {
        found: usize,
        expected: usize,
    },
    Csv(String),
    UnterminatedQuote,
    Inactive(String),
    UnknownStatus(String),
    RackNotInSite {
        rack: String,
        nearest: String,
    },
    RackAmbiguous {
        rack: String,
        halls: usize,
    },
    PeakBelowAverage {
        peak: String,
        average: String,
    },
    Missing(FieldName),
}

impl SkipReason {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            SkipReason::NotServer(role) => Imp::SkipNotServer.fmt(lang, &[role]),
            SkipReason::NoRack => Imp::SkipNoRack.tr(lang).to_string(),
            SkipReason::NoModel => Imp::SkipNoModel.tr(lang).to_string(),
            SkipReason::Unmatched { text, nearest } => {
                Imp::SkipUnmatched.fmt(lang, &[text, nearest])
            }
            SkipReason::BadCount(text) => Imp::SkipBadCount.fmt(lang, &[text]),
            SkipReason::BadValue {
                field,
                text,
                problem,
            } => Imp::SkipBadValue.fmt(lang, &[&field.text(lang), text, problem]),
            SkipReason::FieldCount { found, expected } => {
                Imp::SkipFieldCount.fmt(lang, &[found, expected])
            }
            SkipReason::Csv(message) => Imp::SkipCsv.fmt(lang, &[message]),
            SkipReason::UnterminatedQuote => Imp::SkipUnterminatedQuote.tr(lang).to_string(),
            SkipReason::Inactive(status) => Imp::SkipInactive.fmt(lang, &[status]),
            SkipReason::UnknownStatus(status) => Imp::SkipUnknownStatus.fmt(lang, &[status]),
            SkipReason::RackNotInSite { rack, nearest } => {
                Imp::SkipRackNotInSite.fmt(lang, &[rack, nearest])
            }
            SkipReason::RackAmbiguous { rack, halls } => {
                Imp::SkipRackAmbiguous.fmt(lang, &[rack, halls])
            }
            SkipReason::PeakBelowAverage { peak, average } => {
                Imp::SkipPeakBelowAverage.fmt(lang, &[peak, average])
            }
            SkipReason::Missing(field) => Imp::SkipMissing.fmt(lang, &[&field.text(lang)]),
        }
    }
}

//! Import previews, notes, skip reasons and errors worded (inventory and catalog CSV).

use coolplan_io::import::{
    Action, CatalogRowProblem, CsvFileError, FieldName, GENERIC_FIELDS, ImportError, ImportFormat,
    ImportPlan, MAX_INPUT_BYTES, Note, PreviewRow, SkipReason, ValueProblem,
};

use super::Say;
use crate::catalog::Cat;
use crate::import::Imp;
use crate::terms::quantity_name;
use crate::{Lang, Text};
use coolplan_units::parse::ParseQuantityError;

/// The notes of a preview row joined.
pub fn preview_note(row: &PreviewRow, lang: Lang) -> String {
    let texts: Vec<String> = row.notes.iter().map(|n| n.say(lang)).collect();
    texts.join("; ")
}

/// A two- or three-line summary of a plan.
pub fn plan_summary(plan: &ImportPlan, lang: Lang) -> String {
    let c = plan.counts();
    // counts are written with thousands separators: "1,000 data rows"
    let n = |count: usize| coolplan_units::format::group_thousands(count as f64, 0);
    let (read, mapped, skipped) = (
        n(plan.rows_read),
        n(plan.rows_mapped),
        n(plan.skipped.len()),
    );
    let mut lines = vec![Imp::SummaryRows.fmt(lang, &[&read, &mapped, &skipped])];
    if plan.format == ImportFormat::Measured {
        lines.push(Imp::SummaryMeasured.fmt(lang, &[&n(c.measured_set)]));
    } else {
        let counts = [
            c.halls_added,
            c.racks_added,
            c.racks_changed,
            c.racks_unchanged,
        ]
        .map(n);
        let args: [&dyn std::fmt::Display; 4] = [&counts[0], &counts[1], &counts[2], &counts[3]];
        lines.push(Imp::SummaryRacks.fmt(lang, &args));
    }
    lines.join("\n")
}

impl Say for ImportError {
    fn say(&self, lang: Lang) -> String {
        const MB: usize = 1024 * 1024;
        match self {
            ImportError::TooLarge { bytes } => {
                Imp::ErrTooLarge.fmt(lang, &[&bytes.div_ceil(MB), &(MAX_INPUT_BYTES / MB)])
            }
            ImportError::Empty => Imp::ErrEmpty.tr(lang).to_string(),
            ImportError::Csv { line, message } => {
                Imp::LineReason.fmt(lang, &[line, &SkipReason::Csv(message.clone()).say(lang)])
            }
            ImportError::UnknownLayout => Imp::ErrUnknownLayout.tr(lang).to_string(),
            ImportError::MissingColumn { format, field } => {
                Imp::ErrMissingColumn.fmt(lang, &[&format.name(), &field.say(lang)])
            }
            ImportError::NeedsMapping => Imp::ErrNeedsMapping.tr(lang).to_string(),
            ImportError::MappingEntry(entry) => Imp::ErrMappingEntry.fmt(lang, &[entry]),
            ImportError::MappingField(key) => {
                let keys: Vec<&str> = GENERIC_FIELDS.iter().map(|(k, _)| *k).collect();
                Imp::ErrMappingField.fmt(lang, &[key, &keys.join(", ")])
            }
            ImportError::MappingColumn(column) => Imp::ErrMappingColumn.fmt(lang, &[column]),
            ImportError::MissingCatalogColumns(columns) => {
                Cat::ErrMissingColumns.fmt(lang, &[&columns.join(", ")])
            }
        }
    }
}

impl Say for CatalogRowProblem {
    fn say(&self, lang: Lang) -> String {
        match self {
            CatalogRowProblem::Empty { column } => Cat::RowEmpty.fmt(lang, &[column]),
            CatalogRowProblem::BadValue { column, text } => {
                Cat::RowBadValue.fmt(lang, &[column, text])
            }
            CatalogRowProblem::SourceWithoutModel { id } => {
                Cat::RowSourceWithoutModel.fmt(lang, &[id])
            }
            CatalogRowProblem::OfRejectedModel { id } => Cat::RowOfRejectedModel.fmt(lang, &[id]),
            CatalogRowProblem::Malformed(reason) => reason.say(lang),
        }
    }
}

impl Say for Action {
    fn say(&self, lang: Lang) -> String {
        match *self {
            Action::AddHall => Imp::ActionAddHall,
            Action::AddRack => Imp::ActionAddRack,
            Action::ChangeRack => Imp::ActionChangeRack,
            Action::Unchanged => Imp::ActionUnchanged,
            Action::SetMeasured => Imp::ActionSetMeasured,
        }
        .tr(lang)
        .to_string()
    }
}

impl Say for FieldName {
    fn say(&self, lang: Lang) -> String {
        match *self {
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
        .to_string()
    }
}

impl Say for Note {
    fn say(&self, lang: Lang) -> String {
        match self {
            Note::HallEstimates => Imp::NoteHallEstimates.tr(lang).to_string(),
            Note::ReplacesGroups(n) => Imp::NoteReplacesGroups.fmt(lang, &[n]),
            Note::HeightFromPositions { height_u, top_u } => {
                Imp::NoteHeightFromPositions.fmt(lang, &[height_u, top_u])
            }
            Note::PowerDiffers { csv, catalog } => Imp::NotePowerDiffers.fmt(lang, &[csv, catalog]),
            Note::MatchedAlias { text, model } => Imp::NoteMatchedAlias.fmt(lang, &[text, model]),
            Note::MatchedGeneric { text, model } => {
                Imp::NoteMatchedGeneric.fmt(lang, &[text, model])
            }
            Note::MeasuredRows(n) => Imp::NoteMeasuredRows.fmt(lang, &[n]),
            Note::MeasuredValues { average, peak } => {
                Imp::NoteMeasuredValues.fmt(lang, &[average, peak])
            }
        }
    }
}

impl Say for ValueProblem {
    fn say(&self, lang: Lang) -> String {
        match self {
            ValueProblem::Quantity(e) => e.say(lang),
            ValueProblem::NotANumber => Imp::ValueNotANumber.tr(lang).to_string(),
            ValueProblem::NotWholeNumber => Imp::ValueNotWholeNumber.tr(lang).to_string(),
        }
    }
}

/// The cell's own text is quoted beside the message (`power '12 furlongs': …`).
impl Say for ParseQuantityError {
    fn say(&self, lang: Lang) -> String {
        match self {
            ParseQuantityError::Empty => Imp::ValueEmpty.tr(lang).to_string(),
            ParseQuantityError::NotANumber(_) => Imp::ValueNotANumber.tr(lang).to_string(),
            ParseQuantityError::UnknownUnit {
                unit,
                kind,
                accepted,
            } => Imp::ValueUnknownUnit.fmt(lang, &[unit, &quantity_name(kind, lang), accepted]),
            ParseQuantityError::NoUnit(_) => Imp::ValueNoUnit.tr(lang).to_string(),
        }
    }
}

impl Say for SkipReason {
    fn say(&self, lang: Lang) -> String {
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
            } => Imp::SkipBadValue.fmt(lang, &[&field.say(lang), text, &problem.say(lang)]),
            SkipReason::FieldCount { found, expected } => {
                Imp::SkipFieldCount.fmt(lang, &[found, expected])
            }
            SkipReason::Csv(message) => Imp::SkipCsv.fmt(lang, &[message]),
            SkipReason::UnterminatedQuote { last_line } => {
                Imp::SkipUnterminatedQuote.fmt(lang, &[last_line])
            }
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
            SkipReason::Missing(field) => Imp::SkipMissing.fmt(lang, &[&field.say(lang)]),
        }
    }
}

/// Why a CSV file could not be read (the caller names the file).
impl Say for CsvFileError {
    fn say(&self, lang: Lang) -> String {
        use coolplan_io::read::ReadError;
        const MB: u64 = 1024 * 1024;
        match self {
            CsvFileError::Read(ReadError::Io(e)) => e.to_string(),
            CsvFileError::Read(ReadError::NotAFile(what)) => {
                Imp::NotRegular.fmt(lang, &[&what.say(lang)])
            }
            CsvFileError::Read(ReadError::TooLarge { size, cap }) => {
                Imp::OverLimit.fmt(lang, &[&size.div_ceil(MB), &(cap / MB)])
            }
            CsvFileError::NotUtf8 => Imp::NotUtf8.tr(lang).to_string(),
        }
    }
}

#[cfg(test)]
mod value_tests {
    use super::*;
    use coolplan_io::import::FieldName;

    #[test]
    fn a_bad_cell_is_worded_in_the_readers_language() {
        let unit = SkipReason::BadValue {
            field: FieldName::Power,
            text: "12 furlongs".into(),
            problem: ValueProblem::Quantity(ParseQuantityError::UnknownUnit {
                unit: "furlongs".into(),
                kind: "power",
                accepted: "W, kW".into(),
            }),
        };
        assert_eq!(
            unit.say(Lang::En),
            "power '12 furlongs': 'furlongs' is not a unit of power (units: W, kW)"
        );
        assert_eq!(
            unit.say(Lang::Zh),
            "功率“12 furlongs”：“furlongs”不是功率单位（可用单位：W, kW）"
        );
        let slot = SkipReason::BadValue {
            field: FieldName::Slot,
            text: "A3".into(),
            problem: ValueProblem::NotWholeNumber,
        };
        assert!(
            slot.say(Lang::Zh).ends_with("不是 ≥ 0 的整数"),
            "{}",
            slot.say(Lang::Zh)
        );
    }
}

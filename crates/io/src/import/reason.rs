//! Typed preview actions, notes and skip reasons, worded through `coolplan_words` only when shown
//! (the plan stays language-free; the GUI and CLI pick the language).

/// What applying the plan does to one rack (or hall).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    AddHall,
    AddRack,
    ChangeRack,
    Unchanged,
    SetMeasured,
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

/// A remark on a preview row.
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    HallEstimates,
    ReplacesGroups(usize),
    HeightFromPositions {
        height_u: u32,
        top_u: u32,
    },
    PowerDiffers {
        csv: String,
        catalog: String,
    },
    MatchedAlias {
        text: String,
        model: String,
    },
    /// The name has no model of its own; a generic model stands in (review it).
    MatchedGeneric {
        text: String,
        model: String,
    },
    MeasuredRows(usize),
    MeasuredValues {
        average: String,
        peak: String,
    },
}

/// Why a cell is not the value its column holds.
#[derive(Clone, Debug, PartialEq)]
pub enum ValueProblem {
    /// Not a quantity (number and unit).
    Quantity(coolplan_units::parse::ParseQuantityError),
    NotANumber,
    /// Not a whole number ≥ 0 (a rack slot).
    NotWholeNumber,
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
        problem: ValueProblem,
    },
    FieldCount {
        found: usize,
        expected: usize,
    },
    Csv(String),
    /// A quote opened on this row is not closed where it should be: the rows through
    /// `last_line` were read as one cell and are dropped.
    UnterminatedQuote {
        last_line: u64,
    },
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

impl From<coolplan_units::parse::ParseQuantityError> for ValueProblem {
    fn from(error: coolplan_units::parse::ParseQuantityError) -> Self {
        ValueProblem::Quantity(error)
    }
}

impl SkipReason {
    /// True when the row could not be read as a row at all (a CSV fault, not a content
    /// decision such as an unknown model): the file is damaged where it lies.
    pub fn is_malformed(&self) -> bool {
        matches!(
            self,
            SkipReason::FieldCount { .. }
                | SkipReason::Csv(_)
                | SkipReason::UnterminatedQuote { .. }
        )
    }
}

//! The report as a document model: plain, formatted data (every number already worded with
//! its unit, in the report's language) that every writer renders — PDF through the layout
//! engine, HTML, Markdown.
//!
//! Owns: the block types (headings, paragraphs, key figures, tables, charts as data, rack
//! elevations, page-break hints). Never touches: the engine's arithmetic, fonts, files, the
//! clock. Charts keep their numbers (not pictures) so each backend draws them as vectors.

use coolplan_engine::CoolingOption;

/// A whole report.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Document {
    /// Document title (PDF metadata, HTML `<title>`).
    pub title: String,
    /// Running header of every page after the cover.
    pub running_header: String,
    /// BCP 47 language tag: `en` or `zh-CN`.
    pub language: String,
    /// ISO date printed on the report, when one was injected.
    pub date: Option<String>,
    /// "Page {0} of {1}" in the report's language.
    pub page_label: String,
    pub blocks: Vec<Block>,
}

/// One block of the document flow.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// The cover: title, subtitle and labelled lines (site, date, version, hash).
    Cover(Cover),
    /// A section heading; level 1 starts a chapter (and a new page in print).
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(String),
    /// Bulleted lines (warnings, notes).
    Bullets(Vec<String>),
    /// Large figures with a label each (executive summary).
    KeyFigures(Vec<KeyFigure>),
    Table(Table),
    Chart(Chart),
    /// Rack elevations drawn side by side.
    Elevations(Vec<Elevation>),
    /// A tornado: horizontal bars around a base value, one per input.
    Tornado(Tornado),
    /// A schematic floor plan: each rack group's racks as tiles coloured by option.
    FloorPlan(FloorPlan),
    /// Start a new page here in print.
    PageBreak,
}

/// The cover page.
#[derive(Clone, Debug, PartialEq)]
pub struct Cover {
    pub title: String,
    pub subtitle: String,
    /// (label, value) lines: site, location, date, tool version, input hash.
    pub lines: Vec<(String, String)>,
}

/// A labelled figure, e.g. ("NPV vs air", "¥12.3 M").
#[derive(Clone, Debug, PartialEq)]
pub struct KeyFigure {
    pub label: String,
    pub value: String,
}

/// Horizontal alignment of a table column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
}

/// A table column: header text and alignment.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub header: String,
    pub align: Align,
}

impl Column {
    pub fn left(header: impl Into<String>) -> Column {
        Column {
            header: header.into(),
            align: Align::Left,
        }
    }
    pub fn right(header: impl Into<String>) -> Column {
        Column {
            header: header.into(),
            align: Align::Right,
        }
    }
}

/// A table; the header row repeats on every page the table spans.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

/// One body row; `strong` rows (totals, the recommended option) print bold.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub cells: Vec<String>,
    pub strong: bool,
}

impl Row {
    pub fn new(cells: Vec<String>) -> Row {
        Row {
            cells,
            strong: false,
        }
    }
    pub fn strong(cells: Vec<String>) -> Row {
        Row {
            cells,
            strong: true,
        }
    }
}

/// A named series of values.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
}

/// A chart as data; backends draw it as vector graphics.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub title: String,
    /// Label of the value axis, with its unit (values are already in that unit).
    pub value_label: String,
    /// Label of the category axis ("Year"), empty when the categories say it (months).
    pub category_label: String,
    pub kind: ChartKind,
    /// Category labels (bars) or x tick labels (lines), one per value of each series.
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// Vertical markers on line charts: (x position in category units, label), e.g. payback.
    pub markers: Vec<(f64, String)>,
}

/// How a chart shows its series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// One bar per category, series stacked (CAPEX breakdown).
    StackedBars,
    /// Series side by side in each category (PUE/TUE, monthly energy).
    GroupedBars,
    /// One line per series over the categories (cumulative cash flow).
    Lines,
}

/// One bar of a tornado: the input's human name and the figure at each end of its range.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoBar {
    /// The input's name, e.g. "Electricity price".
    pub name: String,
    /// Value of the figure followed (in the chart's unit) with the input at its low end.
    pub low: f64,
    pub high: f64,
    /// The input's low and high values with units, e.g. "0.6 CNY/kWh".
    pub low_input: String,
    pub high_input: String,
}

/// A tornado chart: bars sorted by swing (largest first) around `base`.
#[derive(Clone, Debug, PartialEq)]
pub struct Tornado {
    pub title: String,
    /// Unit of the value axis, e.g. "M CNY".
    pub value_label: String,
    pub base: f64,
    /// Label of the base line, e.g. "base 7.98".
    pub base_label: String,
    /// Legend names of the low-end and high-end bars.
    pub low_name: String,
    pub high_name: String,
    pub bars: Vec<TornadoBar>,
}

/// How a floor-plan tile is coloured: the option a rack group is planned on (ordered as the
/// options, unresolved last).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PlanKind {
    Planned(CoolingOption),
    /// No option is feasible.
    Unresolved,
}

/// A rack group on a floor plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanGroup {
    pub name: String,
    /// Tiles drawn (racks, or racks per tile when the plan is scaled).
    pub tiles: u32,
    pub kind: PlanKind,
}

/// A row of racks on a floor plan (the file's `position.row`), groups in slot order.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanRow {
    pub name: String,
    pub groups: Vec<PlanGroup>,
}

/// A hall drawn as rows of rack tiles, grouped and coloured by the plan, with its CDUs.
#[derive(Clone, Debug, PartialEq)]
pub struct FloorPlan {
    pub title: String,
    /// What one tile stands for, and that the plan is schematic (rows and slot order from
    /// the file, not distances).
    pub note: String,
    pub rows: Vec<PlanRow>,
    /// CDU tiles drawn after the racks (each labelled "CDU n").
    pub cdus: u32,
    /// Legend: (kind, label), in drawing order.
    pub legend: Vec<(PlanKind, String)>,
    pub cdu_label: String,
}

/// What occupies a slot of a rack elevation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotKind {
    Server,
    /// A server fitted with cold plates.
    CooledServer,
    /// Manifold, CDU or other liquid-loop hardware.
    Liquid,
}

/// One mounted item of a rack elevation.
#[derive(Clone, Debug, PartialEq)]
pub struct Slot {
    /// Lowest rack unit occupied, 1-based from the bottom.
    pub bottom_u: u32,
    pub height_u: u32,
    pub label: String,
    pub kind: SlotKind,
}

/// A rack drawn front-on, before or after the change.
#[derive(Clone, Debug, PartialEq)]
pub struct Elevation {
    /// Rack group name and state, e.g. "GPU row A — cold plate".
    pub title: String,
    pub height_u: u32,
    pub slots: Vec<Slot>,
}

impl Document {
    /// Texts of every heading, in order (tests and the HTML table of contents).
    pub fn headings(&self) -> impl Iterator<Item = (u8, &str)> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Heading { level, text } => Some((*level, text.as_str())),
            _ => None,
        })
    }
}

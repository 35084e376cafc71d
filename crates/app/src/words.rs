//! Short words the views share: option names, server status, row/slot text.

use coolplan_engine::CoolingOption;
use coolplan_model::{Rack, Status};
use coolplan_words::gui::Gui;
use coolplan_words::{Lang, Text};

/// The option's name in the industry's words (风冷, 冷板式液冷, 单相浸没式液冷).
pub fn option_name(option: CoolingOption, lang: Lang) -> &'static str {
    coolplan_words::results::option_name(option, lang)
}

/// `Stock` or `New 2027`.
pub fn status_text(status: Status, lang: Lang) -> String {
    match status {
        Status::Stock => Gui::StatusStock.tr(lang).to_string(),
        Status::New(year) => Gui::StatusNew.fmt(lang, &[&year]),
    }
}

/// `A/3`, or empty when the rack has no position.
pub fn position_text(rack: &Rack) -> String {
    rack.position
        .as_ref()
        .map(|p| format!("{}/{}", p.row, p.slot))
        .unwrap_or_default()
}

/// `20 × cpu-1u`, `4 × hgx-h100 + 2 × cpu-2u`.
pub fn servers_text(rack: &Rack) -> String {
    rack.servers
        .iter()
        .map(|g| format!("{} × {}", g.count, g.model))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// A reason in words, shared with the reports.
pub fn reason_text(
    reason: &coolplan_engine::Reason,
    option: Option<CoolingOption>,
    lang: Lang,
    system: coolplan_units::format::UnitSystem,
) -> String {
    coolplan_words::results::reason(reason, option, lang, system)
}

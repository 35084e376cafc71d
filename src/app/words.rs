//! Short words the views share: option names, server status, row/slot text.

use crate::engine::CoolingOption;
use crate::i18n::gui::Gui;
use crate::i18n::{Lang, Text};
use crate::model::{Rack, Status};

/// The option's name in the industry's words (风冷, 冷板式液冷, 单相浸没式液冷).
pub fn option_name(option: CoolingOption, lang: Lang) -> &'static str {
    crate::report::words::option_name(option, lang)
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

/// An amount for people (万/亿 in Chinese CNY), from the report wording.
pub fn money_text(money: crate::units::Money, lang: Lang) -> String {
    crate::report::words::money(money, lang)
}

/// A reason in words, shared with the reports.
pub fn reason_text(
    reason: &crate::engine::Reason,
    option: Option<CoolingOption>,
    lang: Lang,
    system: crate::units::format::UnitSystem,
) -> String {
    crate::report::words::reason(reason, option, lang, system)
}

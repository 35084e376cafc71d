//! Short words the views share: option names, server status, row/slot text.

use crate::engine::CoolingOption;
use crate::i18n::gui::Gui;
use crate::i18n::terms::Term;
use crate::i18n::{Lang, Text};
use crate::model::{Rack, Status};

/// The option's name in the industry's words (风冷, 冷板式液冷, 单相浸没式液冷).
pub fn option_name(option: CoolingOption, lang: Lang) -> &'static str {
    match option {
        CoolingOption::Air => Term::Air.tr(lang),
        CoolingOption::ColdPlate => Term::ColdPlate.tr(lang),
        CoolingOption::Immersion => Term::Immersion.tr(lang),
    }
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

/// An amount with thousands separators and its currency code, e.g. `12,345,678 CNY`.
pub fn money_text(money: crate::units::Money) -> String {
    format!(
        "{} {}",
        crate::units::format::group_thousands(money.amount, 0),
        money.currency.code()
    )
}

/// Why an option is infeasible, recommended or worth a look, in `lang` and `system` units.
pub fn reason_text(
    reason: &crate::engine::Reason,
    lang: Lang,
    system: crate::units::format::UnitSystem,
) -> String {
    use crate::engine::Reason as R;
    use crate::units::format::quantity;
    use crate::units::{AreaUnit, FloorLoadUnit, PowerUnit, TemperatureUnit};
    match reason {
        R::AirDensity { per_rack, limit } => Gui::ReasonAirDensity.fmt(
            lang,
            &[
                &quantity::<PowerUnit>(*per_rack, system),
                &quantity::<PowerUnit>(*limit, system),
            ],
        ),
        R::AirCapacity {
            heat_to_air,
            capacity,
        } => Gui::ReasonAirCapacity.fmt(
            lang,
            &[
                &quantity::<PowerUnit>(*heat_to_air, system),
                &quantity::<PowerUnit>(*capacity, system),
            ],
        ),
        R::FloorLoad { load, rating } => Gui::ReasonFloorLoad.fmt(
            lang,
            &[
                &quantity::<FloorLoadUnit>(*rating, system),
                &quantity::<FloorLoadUnit>(*load, system),
            ],
        ),
        R::FloorSpace { needed, available } => Gui::ReasonFloorSpace.fmt(
            lang,
            &[
                &quantity::<AreaUnit>(*needed, system),
                &quantity::<AreaUnit>(*available, system),
            ],
        ),
        R::NotImmersionCompatible { model } => Gui::ReasonNotImmersible.fmt(lang, &[model]),
        R::ImmersionNeedsPrep { model } => Gui::ReasonImmersionPrep.fmt(lang, &[model]),
        R::NoColdPlateKit { model } => Gui::ReasonNoKit.fmt(lang, &[model]),
        R::FactoryOnly { model } => Gui::ReasonFactoryOnly.fmt(lang, &[model]),
        R::NoFacilityWater => Gui::ReasonNoWater.tr(lang).to_string(),
        R::WaterTooWarm { supply, max } => Gui::ReasonWaterWarm.fmt(
            lang,
            &[
                &quantity::<TemperatureUnit>(*supply, system),
                &quantity::<TemperatureUnit>(*max, system),
            ],
        ),
        R::BestNpv {
            npv,
            runner_up,
            margin,
        } => {
            let mut text = Gui::ReasonBestNpv.fmt(lang, &[&money_text(*npv)]);
            if let (Some(other), Some(margin)) = (runner_up, margin) {
                text.push_str(
                    &Gui::ReasonMargin
                        .fmt(lang, &[&money_text(*margin), &option_name(*other, lang)]),
                );
            }
            text
        }
        R::Payback { years } => Gui::ReasonPayback.fmt(lang, &[&format!("{years:.1}")]),
        R::OnlyFeasible => Gui::ReasonOnlyFeasible.tr(lang).to_string(),
        R::AirCheapest => Gui::ReasonAirCheapest.tr(lang).to_string(),
    }
}

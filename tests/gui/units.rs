//! GUI test of units in the editors in Chinese: every number field shows its unit's display
//! symbol as the Chinese reports write it (`℃`, `kW`, `L/min`, `CNY/kWh`), never the site
//! file's tag (`degC`, `L_per_min`, `CNY_per_kWh`); the CDU size is named in words.

use std::cell::RefCell;

use crate::support::{harness, show};
use coolplan::app::command::Command;
use coolplan::app::state::{Selection, View};
use coolplan::i18n::Lang;
use egui_kittest::kittest::{Queryable, by};

/// Every label and value the accessibility tree holds now.
fn all_texts(harness: &egui_kittest::Harness<'_, coolplan::app::CoolplanApp>) -> Vec<String> {
    let texts = RefCell::new(Vec::new());
    let _ = harness
        .query_all(by().predicate(|node| {
            texts
                .borrow_mut()
                .extend(node.label().into_iter().chain(node.value()));
            false
        }))
        .count();
    texts.into_inner()
}

#[test]
fn chinese_editors_show_unit_symbols_not_file_tags() {
    let mut harness = harness(None);
    harness.state_mut().queue(Command::SetLang(Lang::Zh));
    harness.state_mut().queue(Command::Select(Selection {
        hall: Some(0),
        rack: Some(3),
    }));
    harness.run();
    let mut seen = Vec::new();
    for view in [View::Assumptions, View::Catalog, View::Rack, View::Site] {
        show(&mut harness, view);
        if view == View::Catalog {
            let first = harness.state().state.catalog.models()[0].id.clone();
            harness.get_by_label(&first).click();
            harness.run();
        }
        seen.extend(all_texts(&harness));
    }
    let with = |needle: &str| seen.iter().filter(|t| t.contains(needle)).count();
    // Field keys (`loop_delta_t`) stay visible beside their labels; values carry symbols.
    for symbol in [" ℃", " K", " kW", " m²", " kg", "CNY/kWh", " L/kWh"] {
        assert!(with(symbol) >= 1, "no field shows {symbol}");
    }
    // the reports' glyph in Chinese, not the English one, on every number field (the hall's
    // notes are the user's own text and may say °C)
    let english: Vec<&String> = seen
        .iter()
        .filter(|t| {
            t.strip_suffix(" °C").is_some_and(|n| {
                n.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
            })
        })
        .collect();
    assert!(english.is_empty(), "°C shown in Chinese: {english:?}");
    // the CDU size combo (default: chosen per hall) in words, not the file's `Auto`
    assert!(
        with("按机房负载自动选型") >= 1,
        "CDU size not named in Chinese"
    );
    assert_eq!(with("Auto"), 0);
    for tag in ["degC", "L_per_min", "_per_kWh", "kW(", "m3_per_h"] {
        let leaks: Vec<&String> = seen.iter().filter(|t| t.contains(tag)).collect();
        assert!(leaks.is_empty(), "file tag {tag} shown: {leaks:?}");
    }
}

/// In IP units every assumption field is in IP: WUE in gal/kWh, the emission factor in
/// lbCO₂/MWh, temperature differences in Δ°F (never a bare °F, which reads as a temperature).
#[test]
fn ip_units_convert_water_intensity_emission_factor_and_temperature_differences() {
    let mut harness = harness(None);
    harness
        .state_mut()
        .queue(Command::SetUnits(coolplan::units::format::UnitSystem::Ip));
    harness.run();
    show(&mut harness, View::Assumptions);
    let seen = all_texts(&harness);
    let with = |needle: &str| seen.iter().filter(|t| t.contains(needle)).count();
    for symbol in [" gal/kWh", " lbCO₂/MWh", " Δ°F", " °F"] {
        assert!(with(symbol) >= 1, "no field shows {symbol}: {seen:?}");
    }
    for si in [" L/kWh", " kgCO₂/kWh", " K"] {
        let left: Vec<&String> = seen.iter().filter(|t| t.ends_with(si)).collect();
        assert!(left.is_empty(), "{si} left in IP: {left:?}");
    }
}

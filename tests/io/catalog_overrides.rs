//! A site changes single fields of a shipped catalog model with `overrides`; everything else
//! keeps the catalog's value, the engine uses the changed figure, and bad ids are reported.

use coolplan::i18n::Lang;
use coolplan::i18n::Say;
use coolplan::io::{load_str, to_canonical_string, validate};
use coolplan::model::assumptions::Provenance;
use coolplan::units::PowerUnit;

const AI_HALL: &str = include_str!("../../sites/ai-hall.ron");

/// ai-hall with one override block inserted before `halls:`.
fn ai_hall_with(overrides: &str) -> String {
    AI_HALL.replacen(
        "    halls: [",
        &format!("    overrides: [{overrides}],\n    halls: ["),
        1,
    )
}

#[test]
fn an_override_changes_one_field_and_keeps_the_rest() {
    let text = ai_hall_with("(id: \"hgx-h100\", max_power: Some(kW(11)))");
    let site = load_str(&text, "t.ron").expect("loads").site;
    let catalog = site.catalog();
    let h100 = catalog.get("hgx-h100").unwrap();
    assert_eq!(h100.max_power.in_unit(PowerUnit::kW), 11.0);
    // untouched fields keep the shipped values (catalog: 8U, 130.45 kg)
    assert_eq!(h100.height.number(), 8.0);
    assert_eq!(h100.weight.number(), 130.45);
    assert_eq!(catalog.provenance("hgx-h100"), Some(&Provenance::SiteFile));
    assert_eq!(catalog.provenance("dgx-b200"), Some(&Provenance::Catalog));
}

#[test]
fn the_engine_sizes_racks_with_the_overridden_power() {
    let text = ai_hall_with("(id: \"hgx-h100\", max_power: Some(kW(11)))");
    let site = load_str(&text, "t.ron").expect("loads").site;
    let climate = coolplan::io::climate::resolve(&site, None).unwrap();
    let results = coolplan::engine::evaluate(&site, &climate);
    let h100 = results
        .racks
        .iter()
        .find(|r| r.scope.name == "H100-B01")
        .unwrap();
    // 4 servers × 11 kW = 44 kW per rack (the catalog's 10.2 kW gives 40.8 kW)
    let per_rack_kw = h100.per_rack_design.get::<uom::si::power::kilowatt>();
    assert!((per_rack_kw - 44.0).abs() < 1e-9, "{per_rack_kw}");
}

#[test]
fn an_override_of_an_unknown_id_is_an_error_with_a_suggestion() {
    let text = ai_hall_with("(id: \"hgx-h10\", max_power: Some(kW(11)))");
    let site = coolplan::io::parse_site(&text, "t.ron").expect("parses");
    let problems = validate(&site);
    let errors: Vec<_> = problems.iter().filter(|p| p.is_error()).collect();
    assert_eq!(errors.len(), 1, "{problems:?}");
    let rendered = errors[0].say(Lang::En);
    assert!(rendered.contains("overrides[0]"), "{rendered}");
    assert!(
        rendered.contains("hgx-h10") && rendered.contains("hgx-h100"),
        "{rendered}"
    );
}

#[test]
fn an_overridden_value_out_of_range_is_reported_at_the_override() {
    let text = ai_hall_with("(id: \"cpu-1u\", utilisation: Some(1.5))");
    let site = coolplan::io::parse_site(&text, "t.ron").expect("parses");
    let problems = validate(&site);
    let rendered: Vec<String> = problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| p.say(Lang::En))
        .collect();
    assert!(
        rendered
            .iter()
            .any(|r| r.contains("overrides[0]") && r.contains("utilisation")),
        "{rendered:?}"
    );
}

#[test]
fn overrides_round_trip_in_canonical_form() {
    let text = ai_hall_with("(id: \"hgx-h100\", max_power: Some(kW(11)), notes: \"metered 2026\")");
    let site = load_str(&text, "t.ron").expect("loads").site;
    let canonical = to_canonical_string(&site).unwrap();
    let again = load_str(&canonical, "t.ron").expect("loads").site;
    assert_eq!(again, site);
    assert_eq!(to_canonical_string(&again).unwrap(), canonical);
}

//! The EU reporting export (`--format eed-json` / `eed-csv`, docs/eed.md): ai-hall's fields
//! of 2028 checked by hand against the KPI table and the site file.

use coolplan::model::compliance::{DcType, Reporting};
use coolplan::report::eed::{self, Status, Value};
use coolplan::units::{TemperatureQ, TemperatureUnit};

fn ai_hall() -> (coolplan::model::Site, coolplan::engine::Results) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sites/ai-hall.ron");
    let mut site = coolplan::io::load_site(&path).unwrap().site;
    let profile = site.compliance.as_mut().unwrap();
    profile.renewable_share = 0.25;
    profile.reporting = Some(Reporting {
        owner: "Example Owner".into(),
        dc_type: Some(DcType::Colocation),
        it_intake_setpoint: Some(TemperatureQ::new(24.0, TemperatureUnit::degC)),
        ..Reporting::default()
    });
    let climate = coolplan::io::climate::resolve(&site, path.parent()).unwrap();
    let results = coolplan::engine::evaluate(&site, &climate);
    (site, results)
}

fn number(doc: &eed::EedDoc, id: &str) -> f64 {
    match doc.fields.iter().find(|f| f.id == id).map(|f| &f.value) {
        Some(Some(Value::Number(x))) => *x,
        other => panic!("{id}: {other:?}"),
    }
}

fn status(doc: &eed::EedDoc, id: &str) -> Status {
    doc.fields.iter().find(|f| f.id == id).unwrap().status
}

#[test]
fn ai_hall_2028_exports_the_plans_year_and_says_what_is_not_modelled() {
    let (site, results) = ai_hall();
    let doc = eed::document(&site, &results, Some(2028), coolplan::i18n::Lang::En).unwrap();
    assert_eq!((doc.year, doc.fields.len()), (2028, 29));
    // The plan's 2028 in the KPI table (passive rear doors on the B200 racks, their heat on
    // the chilled-water plant and its tower): E_IT 16,205 MWh, PUE 1.427, so E_DC = 1.427 ×
    // 16,205 ≈ 23,126 MWh; WUE 1.826 L/kWh × 16,205,338 kWh ≈ 29,583 m³ of tower water.
    let (it, total) = (number(&doc, "energy_it"), number(&doc, "energy_total"));
    assert!((it - 16_205_338.0).abs() < 1.0, "{it}");
    assert!((total - 23_126_452.0).abs() < 1.0, "{total}");
    assert!((number(&doc, "pue") - total / it).abs() < 1e-12);
    assert!((number(&doc, "water_input_total") - 29_583.4).abs() < 0.1);
    // REF 25 % of the site file: 0.25 × 23,126,452 ≈ 5,781,613 kWh renewable
    assert!((number(&doc, "renewable_energy_total") - 0.25 * total).abs() < 1e-6);
    assert_eq!(number(&doc, "ref"), 0.25);
    // no heat customer: nothing reused, ERF 0
    assert_eq!(
        (number(&doc, "waste_heat_reused"), number(&doc, "erf")),
        (0.0, 0.0)
    );
    // design IT on air 2,716 kW; halls of 900 m² and 600 m² of white space
    assert_eq!(number(&doc, "installed_it_power"), 2716.0);
    assert_eq!(number(&doc, "floor_area_computer_room"), 1500.0);
    assert_eq!(number(&doc, "it_intake_setpoint"), 24.0);
    assert_eq!(status(&doc, "owner"), Status::Input);
    assert_eq!(status(&doc, "operator"), Status::NotGiven);
    for id in [
        "energy_backup_generators",
        "redundancy_electrical",
        "ict_capacity_servers",
        "water_input_potable",
    ] {
        let field = doc.fields.iter().find(|f| f.id == id).unwrap();
        assert_eq!(field.status, Status::NotModelled, "{id}");
        assert!(field.value.is_none() && !field.note.is_empty(), "{id}");
    }
    let json: serde_json::Value = serde_json::from_str(&eed::to_json(&doc)).unwrap();
    assert_eq!(json["format"], "coolplan-eed-2024-1364");
    let dc_type = json["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "dc_type");
    assert_eq!(dc_type.unwrap()["value"], "colocation");
    let csv = String::from_utf8(eed::to_csv(&doc, false).unwrap()).unwrap();
    assert_eq!(csv.lines().count(), 30, "a header and a row per field");
    assert!(csv.contains(
        "2028,energy_backup_generators,II,Energy from back-up generators,,kWh,not_modelled,"
    ));
}

#[test]
fn a_year_outside_the_study_is_refused() {
    let (site, results) = ai_hall();
    let refused = eed::document(&site, &results, Some(2040), coolplan::i18n::Lang::En);
    assert_eq!(
        refused.unwrap_err(),
        eed::EedError::YearOutside {
            year: 2040,
            first: 2026,
            last: 2035
        }
    );
}

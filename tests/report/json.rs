//! The JSON report of every example site parses, has the documented fields, and every number
//! is finite; the option identities of the issue hold (liquid + air = IT; air IT − option IT =
//! fan power removed).

use coolplan::engine::CoolingOption;
use serde_json::Value;

/// The report as `coolplan report <site> --format json` writes it (the library path the CLI
/// calls, in process: the shared build directory may hold another branch's binary).
fn report(site: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(site);
    let site = coolplan::io::load_site(&path)
        .unwrap_or_else(|e| panic!("{e:?}"))
        .site;
    let climate =
        coolplan::io::climate::resolve(&site, path.parent()).unwrap_or_else(|e| panic!("{e:?}"));
    let results = coolplan::engine::evaluate(&site, &climate);
    let text = coolplan::report::json::to_json_for_site(&site, &results, coolplan::i18n::Lang::En);
    serde_json::from_str(&text).expect("the report is JSON")
}

fn assert_finite(value: &Value, path: &str) {
    match value {
        Value::Number(n) => {
            let x = n.as_f64().unwrap_or(f64::NAN);
            assert!(x.is_finite(), "{path} = {n}");
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                assert_finite(item, &format!("{path}[{i}]"));
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                assert_finite(item, &format!("{path}.{key}"));
            }
        }
        _ => {}
    }
}

const OPTION_FIELDS: [&str; 31] = [
    "feasible",
    "infeasible_reasons",
    "it_design_kw",
    "it_avg_kw",
    "fan_power_removed_kw",
    "heat_to_liquid_kw",
    "heat_to_air_kw",
    "coolant_flow_l_per_min",
    "air_flow_m3_per_h",
    "air_flow_cfm",
    "cdu_count",
    "tank_count",
    "fluid_volume_l",
    "floor_load_kg_per_m2",
    "floor_area_m2",
    "pue",
    "tue",
    "it_energy_mwh_per_year",
    "facility_energy_mwh_per_year",
    "water_m3_per_year",
    "co2_t_per_year",
    "capex",
    "capex_breakdown",
    "opex_per_year",
    "energy_cost_per_year",
    "npv_vs_air",
    "simple_payback_years",
    "discounted_payback_years",
    "irr",
    "tco_per_kw_year",
    "cash_flows",
];

/// Every option listed has every field; air is always listed (the NPV reference), and only
/// options the engine knows are.
fn check_options(options: &Value, path: &str) {
    let air_it = options["air"]["it_design_kw"].as_f64().unwrap();
    let known: Vec<&str> = CoolingOption::ALL.iter().map(|o| o.key()).collect();
    for (key, option) in options.as_object().unwrap() {
        assert!(known.contains(&key.as_str()), "{path}.{key}");
        for field in OPTION_FIELDS {
            assert!(option.get(field).is_some(), "{path}.{key} lacks {field}");
        }
        let f = |name: &str| option[name].as_f64().unwrap();
        let tolerance = 1e-9 * air_it.max(1.0);
        assert!(
            (f("heat_to_liquid_kw") + f("heat_to_air_kw") - f("it_design_kw")).abs() < tolerance
        );
        assert!((air_it - f("it_design_kw") - f("fan_power_removed_kw")).abs() < tolerance);
        let items: f64 = option["capex_breakdown"]
            .as_object()
            .unwrap()
            .values()
            .map(|v| v.as_f64().unwrap())
            .sum();
        assert!((items - f("capex")).abs() <= 1e-6 * f("capex").abs().max(1.0));
    }
    assert_eq!(options["air"]["npv_vs_air"].as_f64(), Some(0.0));
    assert!(options["air"]["irr"].is_null());
}

#[test]
fn every_example_site_reports_valid_json() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/sites");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("ron") {
            continue;
        }
        count += 1;
        let json = report(path.to_str().unwrap());
        assert_finite(&json, "$");
        for key in [
            "site",
            "currency",
            "horizon_years",
            "discount_rate",
            "recommended",
            "options",
            "halls",
            "racks",
        ] {
            assert!(json.get(key).is_some(), "{} lacks {key}", path.display());
        }
        check_options(&json["options"], "options");
        for (i, hall) in json["halls"].as_array().unwrap().iter().enumerate() {
            check_options(&hall["options"], &format!("halls[{i}]"));
        }
        for (i, rack) in json["racks"].as_array().unwrap().iter().enumerate() {
            for key in ["name", "count", "options", "recommended", "reasons"] {
                assert!(rack.get(key).is_some(), "racks[{i}] lacks {key}");
            }
            check_options(&rack["options"], &format!("racks[{i}]"));
            // a recommended option is always feasible
            if let Some(choice) = rack["recommended"].as_str() {
                assert_eq!(rack["options"][choice]["feasible"], Value::Bool(true));
            }
        }
    }
    assert!(count >= 3, "expected the example sites");
}

#[test]
fn fleet_json_carries_the_seed_figures() {
    let json = report("sites/china-fleet.ron");
    assert_eq!(json["currency"], "CNY");
    let item = |hall: usize, option: &str, item: &str| {
        json["halls"][hall]["options"][option]["capex_breakdown"][item]
            .as_f64()
            .unwrap()
            .round()
    };
    // the retrofit's own CAPEX (the seed's market sizes); refreshes are their own item
    assert_eq!(item(0, "cold_plate", "per_kw_stock"), 83.2e9);
    assert_eq!(item(1, "cold_plate", "per_kw_new"), 26.0e9);
    // 2027 AI servers refreshed in 2032: 4,000,000 kW × 1,900 CNY/kW factory premium
    assert_eq!(item(1, "cold_plate", "refresh"), 7.6e9);
    // the lifecycle: 20,000,000 stock servers installed 2023 retire 2029, like-for-like
    let stock = &json["lifecycle"][0];
    assert_eq!(stock["servers"], 20_000_000);
    assert_eq!(
        (stock["installed"].as_u64(), stock["retires"].as_u64()),
        (Some(2023), Some(2029))
    );
    assert_eq!(stock["replaced_by"], "like_for_like");
}

#[test]
fn a_plan_that_buys_an_air_plant_addition_lists_it_with_its_lead_time() {
    // ai-hall's hall B2 alone with its racks doubled: the NPV-best plan keeps four groups on
    // air with a 142.656 kW air-plant addition × 3,000 CNY/kW = 427,968 CNY, bought in 2027
    // (its first new servers); 252 days = 36 weeks < a year, so it is in service in time
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sites/ai-hall.ron");
    let mut site = coolplan::io::load_site(&path).unwrap().site;
    site.halls.remove(0);
    for rack in &mut site.halls[0].racks {
        rack.count *= 2;
    }
    let climate = coolplan::io::climate::resolve(&site, path.parent()).unwrap();
    let results = coolplan::engine::evaluate(&site, &climate);
    let text = coolplan::report::json::to_json_for_site(&site, &results, coolplan::i18n::Lang::En);
    let json: Value = serde_json::from_str(&text).unwrap();
    let works = &json["plan"]["halls"][0]["works"];
    assert_eq!(works.as_array().map(Vec::len), Some(1), "{works}");
    let work = &works[0];
    assert_eq!(work["work"], "air_plant_addition");
    assert!((work["size_kw"].as_f64().unwrap() - 142.656).abs() < 1e-6);
    assert!((work["capex"].as_f64().unwrap() - 427_968.0).abs() < 1e-3);
    assert_eq!(work["needed_from"], 2027);
    assert_eq!(work["lead_time_weeks"], 36.0);
    assert_eq!(work["late"], false);
    assert_eq!(work["in_service"], 2027);
    // it raises the hall's 900 kW air limit: 900 + 142.656 = 1,042.656 kW used
    assert_eq!(work["raises"], "air_cooling");
    assert_eq!(work["limit_capacity_kw"], 900.0);
    assert_eq!(
        work["why"],
        "why: under the plan the hall needs 1,043 kW of air-cooling capacity, 143 kW more than its 900 kW"
    );
    // the groups whose new servers need it; none waits (in service on 1 January 2027)
    assert_eq!(work["groups"], serde_json::json!(["昇腾-F02", "NVL72-G01"]));
    assert_eq!(work["waiting"], serde_json::json!([]));
    assert_eq!(
        work["text"],
        "Air-plant addition: 143 kW, 427,968 CNY, needed from 2027; lead time about 36 weeks, in service from 2027"
    );
    // and in Chinese, by its own name
    let zh = coolplan::report::json::to_json_for_site(&site, &results, coolplan::i18n::Lang::Zh);
    assert!(zh.contains("空调扩容"), "{zh}");
}

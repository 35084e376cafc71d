//! The "Compliance and KPIs" chapter and the `kpis` / `compliance` JSON fields of the example
//! sites: ai-hall (existing, Beijing) meets Beijing's PUE ≤ 1.35 in no column (a legacy 2N
//! hall keeps its air plant, UPS and lighting: the plan lands at 1.40, method.md §7);
//! china-fleet (existing, China) is under the national-average target only.

use serde_json::Value;

fn evaluated(site: &str) -> (coolplan::model::Site, coolplan::engine::Results) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(site);
    let site = coolplan::io::load_site(&path)
        .unwrap_or_else(|e| panic!("{e:?}"))
        .site;
    let climate =
        coolplan::io::climate::resolve(&site, path.parent()).unwrap_or_else(|e| panic!("{e:?}"));
    let results = coolplan::engine::evaluate(&site, &climate);
    (site, results)
}

fn json(site: &str) -> Value {
    let (site, results) = evaluated(site);
    let text = coolplan::report::json::to_json_for_site(&site, &results, coolplan::i18n::Lang::En);
    serde_json::from_str(&text).expect("the report is JSON")
}

#[test]
fn ai_hall_meets_beijing_rule_in_no_column_and_the_report_names_the_failing_rules() {
    let doc = json("sites/ai-hall.ron");
    let c = &doc["compliance"];
    assert!(c["not_assessed"].is_null());
    // Annual energy on air in 2026 is above Beijing's 5 GWh, so its rules apply.
    assert!(c["annual_energy_mwh"].as_f64().unwrap() > 5000.0);
    let ids: Vec<&str> = c["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "cn-2024-national-average-pue",
            "cn-bj-2024-existing-pue-1.35",
            "cn-bj-2024-differential-price"
        ]
    );
    // The plan converts only the three new groups air cannot cool (B200 ×2 in 2027, NVL72 in
    // 2028); the hall keeps its legacy 2N UPS, air plant and lighting, so its PUE is 1.459 in
    // 2027 and 1.404 from 2028 (KPI table), above 1.35: the obligation and the differential
    // price rule fail in every column, the plan's included, and the report names them.
    for column in ["air", "cold_plate", "immersion", "plan"] {
        assert!(c[column]["first_compliant_year"].is_null(), "{column}");
        assert_eq!(c[column]["comply_by"], 2027, "{column}");
        assert_eq!(c[column]["complies_by"], false, "{column}");
        let failing: Vec<&str> = c[column]["failing"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap())
            .collect();
        assert_eq!(
            failing,
            [
                "cn-bj-2024-existing-pue-1.35",
                "cn-bj-2024-differential-price"
            ],
            "{column}"
        );
    }
    // The obligation's margin in 2027 is 1.35 − the plan's PUE that year (KPI table).
    let obligation = &c["rules"][1];
    assert_eq!(obligation["plan_years"][0]["verdict"], "not_checked");
    let y2027 = &obligation["plan_years"][1];
    assert_eq!(
        (y2027["year"].as_u64(), y2027["verdict"].as_str()),
        (Some(2027), Some("fail"))
    );
    let pue_2027 = doc["kpis"]["site"]["plan"][1]["pue"].as_f64().unwrap();
    assert!((y2027["margin"].as_f64().unwrap() - (1.35 - pue_2027)).abs() < 1e-12);
    assert!(pue_2027 > 1.35 && pue_2027 < 1.5, "{pue_2027}");
}

#[test]
fn china_fleet_has_only_the_national_target() {
    let c = &json("sites/china-fleet.ron")["compliance"];
    let rules = c["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 1);
    assert_eq!(rules[0]["id"], "cn-2024-national-average-pue");
    assert_eq!(rules[0]["binding"], false);
    assert!(c["plan"]["failing"].as_array().unwrap().is_empty());
}

#[test]
fn the_chapter_shows_kpis_verdicts_and_sources_in_both_languages() {
    let (site, results) = evaluated("sites/ai-hall.ron");
    let catalog = site.catalog();
    for (lang, heading, source) in [
        (
            coolplan::i18n::Lang::En,
            "Compliance and KPIs",
            "Clauses (verification)",
        ),
        (
            coolplan::i18n::Lang::Zh,
            "合规与关键指标",
            "条款（核实方式）",
        ),
    ] {
        let input =
            coolplan::report::compose::ReportInput::new(&site, &results, &catalog, None, lang);
        let md = coolplan::report::markdown::render(&coolplan::report::compose::compose(&input));
        assert!(md.contains(&format!("# 3 {heading}")), "{lang:?}");
        assert!(md.contains("PUE ≤ 1.35"), "{lang:?}");
        assert!(md.contains(source), "{lang:?}");
        assert!(md.contains("https://dzswgf.mofcom.gov.cn/"), "{lang:?}");
    }
}

/// The KPIs' plan column is the recommended plan: in the last plan year every server is
/// present, so its PUE is the plan's steady E_DC / E_IT over the same groups on the same
/// options (no heat customer: no heat-pump electricity), the plan's own PUE to rounding.
#[test]
fn the_kpi_plan_column_follows_the_recommended_plan() {
    for site in ["sites/ai-hall.ron", "sites/china-fleet.ron"] {
        let doc = json(site);
        assert_eq!(doc["recommended"], "mixed", "{site}");
        let plan_pue = doc["plan"]["totals"]["pue"].as_f64().unwrap();
        let years = doc["kpis"]["site"]["plan"].as_array().unwrap();
        let last = years.last().unwrap()["pue"].as_f64().unwrap();
        assert!(
            (last - plan_pue).abs() < 1e-9 * plan_pue,
            "{site}: {last} vs {plan_pue}"
        );
        // a mix: neither all air nor all cold plate gives the plan's figure
        for option in ["air", "cold_plate"] {
            let column = doc["kpis"]["site"][option].as_array().unwrap();
            let pue = column.last().unwrap()["pue"].as_f64().unwrap();
            assert!((pue - plan_pue).abs() > 1e-3, "{site} {option}: {pue}");
        }
    }
}

#[test]
fn ai_hall_cannot_comply_by_2027_and_the_plan_says_why() {
    // Beijing's 1.35 binds from 2027 (obligation from 2027-12-31, the differential price from
    // 2026). The least PUE any plan reaches in 2027 is about 1.422 (KPI table), so no plan
    // complies: the plan stays the NPV-best (1.489 in 2027: passive rear doors on the B200
    // racks, their heat on the chilled water) and names both rules with their best value
    // against 1.35.
    let doc = json("sites/ai-hall.ron");
    let c = &doc["compliance"]["plan_constraint"];
    assert_eq!(c["comply_by"], 2027);
    assert_eq!(c["outcome"], "unreachable");
    let cold_2027 = doc["kpis"]["site"]["cold_plate"]
        .as_array()
        .unwrap()
        .iter()
        .find(|y| y["year"] == 2027)
        .unwrap()["pue"]
        .as_f64()
        .unwrap();
    let shortfalls = c["shortfalls"].as_array().unwrap();
    let ids: Vec<&str> = shortfalls
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "cn-bj-2024-existing-pue-1.35",
            "cn-bj-2024-differential-price"
        ]
    );
    for s in shortfalls {
        assert_eq!(s["year"], 2027);
        assert_eq!(s["threshold"], 1.35);
        let best = s["best"].as_f64().unwrap();
        assert!(
            best > 1.35 && best <= cold_2027 + 1e-3,
            "{best} vs {cold_2027}"
        );
        assert!((s["planned"].as_f64().unwrap() - 1.489).abs() < 5e-4);
    }
    assert!(c["text"][0].as_str().unwrap().contains("no plan found"));
}

#[test]
fn the_beijing_surcharge_enters_each_columns_cash_flows_and_the_plans_npv() {
    use coolplan::units::{Currency, EnergyUnit, Price};
    let (mut site, charged) = evaluated("sites/ai-hall.ron");
    let doc = json("sites/ai-hall.ron");
    let s = &doc["compliance"]["surcharges"][0];
    assert_eq!(s["id"], "cn-bj-2024-differential-price");
    assert_eq!(s["price_per_kwh"], 0.2);
    // Air in 2028 (third plan year): E_IT × (PUE − 1.35) × 0.20 CNY/kWh, from the KPI table
    // (about 16.3 GWh × 0.110 × 0.20 ≈ 358 k CNY).
    let air_2028 = &doc["kpis"]["site"]["air"][2];
    assert_eq!(air_2028["year"], 2028);
    let it_kwh = air_2028["it_energy_mwh"].as_f64().unwrap() * 1000.0;
    let pue = air_2028["pue"].as_f64().unwrap();
    let by_hand = it_kwh * (pue - 1.35) * 0.20;
    let air = s["air"].as_array().unwrap();
    assert!((air[2].as_f64().unwrap() - by_hand).abs() < 1e-6 * by_hand);
    assert!((300_000.0..400_000.0).contains(&by_hand), "{by_hand}");
    // The same site at a price of 0 pays none: each column's cash flow of a plan year
    // differs by exactly its surcharge, and the plan's NPV against air by the discounted
    // difference of the air and plan surcharges.
    site.compliance.as_mut().unwrap().surcharge_price =
        Some(Price::new(0.0, Currency::CNY, EnergyUnit::kWh));
    let climate = coolplan::io::climate::resolve(
        &site,
        Some(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("sites")
                .as_path(),
        ),
    )
    .unwrap();
    let free = coolplan::engine::evaluate(&site, &climate);
    assert!(
        free.compliance.surcharges[0].columns[0]
            .iter()
            .all(|m| m.amount == 0.0)
    );
    let flows = |r: &coolplan::engine::Results| r.site.options[0].cost.cash_flows.clone();
    for (t, (with, without)) in flows(&charged).iter().zip(flows(&free)).enumerate().skip(1) {
        let surcharge = air[t - 1].as_f64().unwrap();
        assert!(
            (without.amount - with.amount - surcharge).abs() < 1e-6,
            "year {t}"
        );
    }
    let plan = s["plan"].as_array().unwrap();
    let rate = charged.discount_rate;
    let gain: f64 = air
        .iter()
        .zip(plan)
        .enumerate()
        .map(|(i, (a, p))| {
            (a.as_f64().unwrap() - p.as_f64().unwrap()) / (1.0 + rate).powi(i as i32 + 1)
        })
        .sum();
    let npv = |r: &coolplan::engine::Results| r.plan.totals.npv_vs_air.amount;
    assert!(gain > 0.0);
    assert!((npv(&charged) - npv(&free) - gain).abs() < 1e-3, "{gain}");
}

/// ai-hall's hall B2 alone, its racks doubled and its measured PUE 1.42 (so it uses more
/// than Beijing's 5 GWh in 2026): its NPV-best plan keeps four groups on air with a 142.7 kW
/// air-plant addition in 2027 (427,968 CNY at 3,000 CNY/kW) and is at PUE 1.369 from 2028,
/// above Beijing's 1.35; moving groups to cold plate brings it below. Constrained to comply by
/// 2028 the plan moves 4 groups and needs no addition: PUE 1.349 from 2028, 6.24 M CNY of NPV
/// given up (−4.46 → −10.69 M CNY, server life, refresh and pump physics included).
fn b2_alone(comply_by: Option<u16>) -> (coolplan::model::Site, coolplan::engine::Results) {
    use coolplan::units::{Currency, EnergyUnit, Price};
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sites/ai-hall.ron");
    let mut site = coolplan::io::load_site(&path).unwrap().site;
    site.halls.remove(0);
    for rack in &mut site.halls[0].racks {
        rack.count *= 2;
    }
    site.halls[0].measured_pue = Some(1.42);
    let profile = site.compliance.as_mut().unwrap();
    profile.comply_by = comply_by;
    // no surcharge: the NPVs of the two plans then differ by what the constraint gives up only
    profile.surcharge_price = Some(Price::new(0.0, Currency::CNY, EnergyUnit::kWh));
    let climate = coolplan::io::climate::resolve(&site, path.parent()).unwrap();
    let results = coolplan::engine::evaluate(&site, &climate);
    (site, results)
}

#[test]
fn a_plan_constrained_to_comply_by_2028_complies_at_the_npv_it_gives_up() {
    use coolplan::engine::compliance::{Column, ComplyBy};
    use coolplan::engine::plan::comply::ComplyPlan;
    let (_, free) = b2_alone(None);
    let (site, bound) = b2_alone(Some(2028));
    let pue = |r: &coolplan::engine::Results, y| r.kpis.plan_year(y).unwrap().kpis.pue;
    assert!(
        (pue(&free, 2028) - 1.3686).abs() < 5e-4,
        "{}",
        pue(&free, 2028)
    );
    let ComplyPlan::Changed {
        year,
        moved,
        npv_forgone,
    } = bound.compliance.comply_by.clone().unwrap()
    else {
        panic!("{:?}", bound.compliance.comply_by);
    };
    assert_eq!(year, 2028);
    // every year from 2028 passes Beijing's 1.35, and the verdicts of the chapter agree
    for y in 2028..=2035 {
        assert!(pue(&bound, y) <= 1.35, "{y}: {}", pue(&bound, y));
    }
    let checked = coolplan::engine::compliance::check(&site, &bound).unwrap();
    let plan = checked.column(Column::Plan).unwrap();
    assert_eq!(plan.comply_by, Some(ComplyBy::Complies { year: 2028 }));
    // the moved groups say why, and the NPV given up is what the plan's NPV lost
    let reasons = bound
        .plan
        .groups
        .iter()
        .filter(|g| matches!(g.why, coolplan::engine::Why::ForCompliance { .. }))
        .count();
    assert_eq!(reasons, moved);
    assert!(moved >= 1 && npv_forgone.amount > 0.0);
    let lost = free.plan.totals.npv_vs_air.amount - bound.plan.totals.npv_vs_air.amount;
    assert!(
        (lost - npv_forgone.amount).abs() < 1e-6 * npv_forgone.amount.abs().max(1.0),
        "{lost} vs {}",
        npv_forgone.amount
    );
}

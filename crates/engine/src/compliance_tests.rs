//! Tests of the rule book against KPIs: every shipped rule at its exact threshold,
//! applicability, the years a rule is checked in, first compliant year and `comply_by`.

use super::*;
use crate::kpi::{ScopeYears, YearSums, year_figures};
use coolplan_model::compliance::rules::Limit;
use coolplan_model::compliance::{HubNode, Scale, SiteStatus};
use coolplan_units::Currency;

fn profile(region: &str, status: SiteStatus, commissioned: Option<&str>) -> Compliance {
    Compliance {
        commissioned: commissioned.map(|d| Date::parse(d).unwrap()),
        ..Compliance::declared(region, status)
    }
}

fn size(it_kw: f64, annual_kwh: f64) -> SiteSize {
    SiteSize {
        it_power: Power::new::<kilowatt>(it_kw),
        connected_load: Power::new::<kilowatt>(it_kw * 1.4),
        annual_energy: Energy::new::<kilowatt_hour>(annual_kwh),
    }
}

/// KPIs with every metric a rule reads set to `value`.
fn kpis_at(value: f64) -> Kpis {
    let mut k = YearSums::default().kpis(0.0, value);
    k.pue = value;
    k.pue_without_heat_export = value;
    k.erf = value;
    k
}

fn rule(id: &str) -> &'static Rule {
    RuleBook::builtin().rule(id).unwrap().1
}

#[test]
fn every_shipped_rule_passes_or_fails_at_its_exact_threshold() {
    // Inclusive limits (≤, ≥) pass at the threshold; strict ones (<, >) fail there; one
    // thousandth past the threshold on the wrong side fails every limit.
    let mut limited = 0;
    for (_, rule) in RuleBook::builtin().rules() {
        let Some(x) = rule.limit.threshold() else {
            assert_eq!(verdict(rule, &kpis_at(1.0)), Verdict::Report, "{}", rule.id);
            continue;
        };
        limited += 1;
        let (at, worse) = match rule.limit {
            Limit::AtMost(_) => (true, x + 0.001),
            Limit::Below(_) => (false, x + 0.001),
            Limit::AtLeast(_) => (true, x - 0.001),
            Limit::Above(_) => (false, x - 0.001),
            Limit::Report => unreachable!(),
        };
        match verdict(rule, &kpis_at(x)) {
            Verdict::Pass { margin, .. } => assert!(at && margin == 0.0, "{}", rule.id),
            Verdict::Fail { margin, .. } => assert!(!at && margin == 0.0, "{}", rule.id),
            other => panic!("{}: {other:?}", rule.id),
        }
        let Verdict::Fail { value, margin } = verdict(rule, &kpis_at(worse)) else {
            panic!("{} passes one thousandth past its threshold", rule.id);
        };
        assert_eq!(value, worse);
        assert!(
            (margin + 0.001).abs() < 1e-9,
            "{}: margin {margin}",
            rule.id
        );
    }
    // 27 rules in the book, 2 of them reporting duties
    assert_eq!(limited, 25);
}

#[test]
fn named_thresholds_read_as_the_texts_say() {
    // Beijing: PUE ≤ 1.35 (不高于): 1.35 passes with no room, 1.36 misses by 0.01.
    let bj = rule("cn-bj-2024-existing-pue-1.35");
    assert_eq!(
        verdict(bj, &kpis_at(1.35)),
        Verdict::Pass {
            value: 1.35,
            margin: 0.0
        }
    );
    let Verdict::Fail { margin, .. } = verdict(bj, &kpis_at(1.36)) else {
        panic!()
    };
    assert!((margin + 0.01).abs() < 1e-12);
    // EnEfG § 11 (2): ERF ≥ 10 %: 0.10 passes.
    assert!(matches!(
        verdict(rule("de-enefg-11-2-new-erf-10"), &kpis_at(0.10)),
        Verdict::Pass { .. }
    ));
    // Hub nodes' green power "超过 80 %" (> 0.8): 0.8 fails, 0.81 passes by 0.01.
    let green = rule("cn-2024-hub-node-green-power");
    assert!(verdict(green, &kpis_at(0.8)).fails());
    let Verdict::Pass { margin, .. } = verdict(green, &kpis_at(0.81)) else {
        panic!()
    };
    assert!((margin - 0.01).abs() < 1e-12);
}

#[test]
fn rules_are_checked_in_force_and_after_grace_years() {
    // Beijing obligation from 2027-12-31: in force on a day of 2027, not of 2026.
    let existing = profile("CN-BJ", SiteStatus::Existing, None);
    let bj = rule("cn-bj-2024-existing-pue-1.35");
    assert!(!checked_in(bj, &existing, 2026) && checked_in(bj, &existing, 2027));
    // EnEfG existing ≤ 1.5 runs 2027-07-01 … 2030-06-30: checked 2027–2030, not 2031.
    let de15 = rule("de-enefg-11-1-existing-pue-1.5");
    let de = profile("DE", SiteStatus::Existing, Some("2015"));
    assert!(!checked_in(de15, &de, 2026) && checked_in(de15, &de, 2030));
    assert!(!checked_in(de15, &de, 2031));
    // New German site commissioned 2026-07-01: two grace years → first checked in 2028
    // (2026-07-01 + 2 years = 2028-07-01 ≤ 2028-12-31).
    let new = profile("DE", SiteStatus::New, Some("2026-07-01"));
    let de12 = rule("de-enefg-11-2-new-pue-1.2");
    assert!(!checked_in(de12, &new, 2027) && checked_in(de12, &new, 2028));
}

#[test]
fn applicability_follows_region_status_size_and_declarations() {
    let book = RuleBook::builtin();
    let ids = |p: &Compliance, s: &SiteSize| -> Vec<&str> {
        let r = assess(p, s, &KpiResults::default(), book).unwrap();
        r.rules
            .iter()
            .map(|c| r.rule_of(book, c).1.id.as_str())
            .collect()
    };
    // An existing Beijing site using 6 GWh a year: the national-average target and both
    // Beijing rules; none of the rules for new, large or hub-node sites.
    let bj = profile("CN-BJ", SiteStatus::Existing, None);
    assert_eq!(
        ids(&bj, &size(600.0, 6.0e6)),
        [
            "cn-2024-national-average-pue",
            "cn-bj-2024-existing-pue-1.35",
            "cn-bj-2024-differential-price"
        ]
    );
    // Below Beijing's 5 GWh the local rules do not apply.
    assert_eq!(
        ids(&bj, &size(400.0, 4.9e6)),
        ["cn-2024-national-average-pue"]
    );
    // A new large site in an eastern hub node, aiming at the green list.
    let mut hub = profile("CN", SiteStatus::New, Some("2026"));
    hub.scale = Some(Scale::Large);
    hub.hub_node = Some(HubNode::East);
    let hub_ids = ids(&hub, &size(20_000.0, 1.5e8));
    assert!(hub_ids.contains(&"cn-2024-new-large-pue-1.25"));
    assert!(hub_ids.contains(&"cn-2024-hub-node-pue-1.2"));
    assert!(hub_ids.contains(&"cn-hub-east-cluster-pue"));
    assert!(!hub_ids.contains(&"cn-green-dc-2025-pue"));
    // A 400 kW German site: EnEfG (connected load 560 kW ≥ 300 kW) but no EU report (< 500 kW IT).
    let de = ids(
        &profile("DE", SiteStatus::Existing, None),
        &size(400.0, 4.0e6),
    );
    assert!(de.contains(&"de-enefg-11-1-existing-pue-1.5"));
    assert!(!de.iter().any(|id| id.starts_with("eu-")));
    assert_eq!(
        assess(
            &profile("XX", SiteStatus::New, None),
            &size(1.0, 1.0),
            &KpiResults::default(),
            book
        ),
        Err(NotAssessed::UnknownRegion("XX".into()))
    );
}

/// KPI results of a site whose plan PUE is `plan[i]` in year 2026 + i; the options hold
/// air 1.5, option 1 1.3 and option 2 1.2 every year.
fn kpis_with_plan(plan: &[f64]) -> KpiResults {
    let years: Vec<u16> = (2026..).take(plan.len()).collect();
    let series = |pue: &dyn Fn(usize) -> f64| -> Vec<YearFigures> {
        years
            .iter()
            .enumerate()
            .map(|(i, &year)| {
                let sums = YearSums {
                    it_wh: 1.0e9,
                    facility_wh: 1.0e9 * pue(i),
                    ..YearSums::default()
                };
                year_figures(year, &sums, 0.0, 0.0, Currency::CNY)
            })
            .collect()
    };
    KpiResults {
        site: Some(ScopeYears {
            name: "site".into(),
            options: crate::PerOption::with(
                series(&|_| 1.5),
                [
                    (CoolingOption::ColdPlate, series(&|_| 1.3)),
                    (CoolingOption::Immersion, series(&|_| 1.2)),
                ],
            )
            .0,
            plan: series(&|i| plan[i]),
        }),
        years,
        ..KpiResults::default()
    }
}

#[test]
fn first_compliant_year_and_comply_by_of_a_beijing_plan() {
    // Existing Beijing site, 6 GWh/yr. Binding: the 1.35 surcharge (from 2026) and the 1.35
    // obligation (from 2027). Plan PUE 1.42 in 2026–2027, 1.30 from 2028: both fail through
    // 2027, so the plan complies from 2028 with 0.05 of room; air (1.5) never complies.
    let mut bj = profile("CN-BJ", SiteStatus::Existing, None);
    bj.comply_by = Some(2027);
    let kpis = kpis_with_plan(&[1.42, 1.42, 1.30, 1.30]);
    let r = assess(&bj, &size(600.0, 6.0e6), &kpis, RuleBook::builtin()).unwrap();
    let plan = r.column(Column::Plan).unwrap();
    assert_eq!(plan.first_compliant_year, Some(2028));
    assert_eq!(plan.failing, [1, 2]);
    assert_eq!(
        plan.comply_by,
        Some(ComplyBy::Misses {
            year: 2027,
            failing: vec![1, 2]
        })
    );
    let obligation = r.rules[1].column(Column::Plan).unwrap();
    assert_eq!(obligation.years[0], Verdict::NotChecked);
    assert!(obligation.years[1].fails());
    let Verdict::Pass { margin, .. } = obligation.years[2] else {
        panic!()
    };
    assert!((margin - 0.05).abs() < 1e-9);
    let air = r.column(Column::Option(CoolingOption::Air)).unwrap();
    assert_eq!(air.first_compliant_year, None);
    // Option 1 (1.30) complies from the first year and by 2027.
    let liquid = r.column(Column::Option(CoolingOption::ColdPlate)).unwrap();
    assert_eq!(liquid.first_compliant_year, Some(2026));
    assert_eq!(liquid.comply_by, Some(ComplyBy::Complies { year: 2027 }));
    // The national-average target (≤ 1.5) is shown but never decides.
    assert!(!r.rules[0].binding);
}

//! Properties of the cost engine on random sites and physical figures: doubling the electricity
//! price doubles every energy cost and never lengthens the payback of an option that uses less
//! energy than air; an infeasible option is never recommended; JSON numbers are finite.

use crate::common::{Fig, evaluate, site};
use coolplan::engine::{CoolingOption, Reason, Results};
use coolplan::units::build::kw;
use proptest::prelude::*;

fn site_text(racks: u64, servers: u32, share: f64, price: f64, mode: &str) -> String {
    format!(
        r#"(
    schema_version: 1,
    name: "Random",
    currency: CNY,
    location: (name: "Beijing", climate: Preset("beijing")),
    cost_mode: {mode},
    assumptions: (prices: (electricity: Some(CNY_per_kWh({price})))),
    halls: [(
        name: "Hall",
        floor: (kind: Raised, rating: kg_per_m2(1221)),
        area: m2(5000),
        air_cooling_capacity: kW(100),
        racks: [
            (name: "Stock", count: {racks}, height: U(42), retrofit_share: Some({share}),
             servers: [(model: "cpu-2u", count: {servers}, status: Stock)]),
            (name: "New", count: 2, height: U(42),
             servers: [(model: "hgx-h100", count: 2, status: New(2028))]),
        ],
    )],
)"#
    )
}

/// Three options of a group: air energy `air_mwh`, liquid options a share of it.
fn figs(it_kw: f64, air_mwh: f64, cold: f64, imm: f64, infeasible: [bool; 3]) -> [Fig; 3] {
    let mut out = [
        Fig::new(it_kw, 0.0, air_mwh),
        Fig::new(it_kw * 0.96, it_kw * 0.72, air_mwh * cold).cdus(1),
        Fig::new(it_kw * 0.92, it_kw * 0.92, air_mwh * imm).tanks(1, 576.0),
    ];
    for (fig, bad) in out.iter_mut().zip(infeasible) {
        if bad {
            *fig = fig.clone().infeasible(Reason::AirDensity {
                per_rack: kw(40.8).get(),
                limit: kw(25.0).get(),
            });
        }
    }
    out
}

fn scopes(results: &Results) -> Vec<&coolplan::engine::ScopeResult> {
    results
        .racks
        .iter()
        .map(|r| &r.scope)
        .chain(&results.halls)
        .chain(std::iter::once(&results.site))
        .collect()
}

fn longer(a: Option<f64>, b: Option<f64>) -> bool {
    // None = never pays back = longest
    match (a, b) {
        (Some(x), Some(y)) => x > y + 1e-9,
        (None, Some(_)) => true,
        _ => false,
    }
}

fn all_finite(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::Number(n) => n.as_f64().is_some_and(f64::is_finite),
        serde_json::Value::Array(items) => items.iter().all(all_finite),
        serde_json::Value::Object(map) => map.values().all(all_finite),
        _ => true,
    }
}

proptest! {
    #![proptest_config(crate::regressions::config(64))]

    #[test]
    fn doubling_electricity_doubles_energy_cost_and_never_lengthens_payback(
        racks in 1u64..50, servers in 1u32..20, share in 0.1f64..=1.0,
        price in 0.1f64..1.5, air_mwh in 10.0f64..5000.0,
        cold in 0.5f64..1.2, imm in 0.5f64..1.2, itemised in any::<bool>(),
    ) {
        let mode = if itemised { "Itemised" } else { "PerKw" };
        let it_kw = racks as f64 * servers as f64 * 0.8;
        let groups = vec![vec![
            figs(it_kw, air_mwh, cold, imm, [false; 3]),
            figs(40.8, 300.0, cold, imm, [false; 3]),
        ]];
        let base = evaluate(&site(&site_text(racks, servers, share, price, mode)), &groups);
        let double = evaluate(&site(&site_text(racks, servers, share, 2.0 * price, mode)), &groups);
        for (a, b) in scopes(&base).into_iter().zip(scopes(&double)) {
            let air_energy = a.option(CoolingOption::Air).energy.facility_energy;
            for (oa, ob) in a.options.iter().zip(&b.options) {
                let (ea, eb) = (oa.cost.energy_cost_per_year.amount, ob.cost.energy_cost_per_year.amount);
                prop_assert!((eb - 2.0 * ea).abs() <= 1e-9 * ea.abs().max(1.0), "{ea} {eb}");
                if oa.option != CoolingOption::Air && oa.energy.facility_energy < air_energy {
                    prop_assert!(!longer(ob.cost.simple_payback_years, oa.cost.simple_payback_years),
                        "{:?}: {:?} → {:?}", oa.option, oa.cost.simple_payback_years, ob.cost.simple_payback_years);
                }
            }
        }
    }

    #[test]
    fn an_infeasible_option_is_never_recommended(
        racks in 1u64..50, price in 0.1f64..1.5, cold in 0.3f64..1.2, imm in 0.3f64..1.2,
        bad_a in any::<[bool; 3]>(), bad_b in any::<[bool; 3]>(), itemised in any::<bool>(),
    ) {
        let mode = if itemised { "Itemised" } else { "PerKw" };
        let groups = vec![vec![
            figs(racks as f64 * 3.2, 500.0, cold, imm, bad_a),
            figs(40.8, 300.0, cold, imm, bad_b),
        ]];
        let results = evaluate(&site(&site_text(racks, 4, 1.0, price, mode)), &groups);
        for scope in scopes(&results) {
            match scope.recommendation.option {
                Some(option) => prop_assert!(scope.option(option).feasible),
                None => prop_assert!(scope.options.iter().all(|o| !o.feasible)),
            }
        }
        let json = coolplan::report::json::to_json("Random", &results, coolplan::i18n::Lang::Zh);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        prop_assert!(all_finite(&value));
        prop_assert!(value["options"]["air"]["capex"].is_number());
    }
}

//! A plan constrained to comply by a year: it complies, or says why it cannot (hand-worked).

use super::*;
use crate::kpi::ledger::{EnergyRow, GroupEnergy};
use crate::per_option::PerOption;
use crate::physical::limits::HallLimits;
use crate::plan::{Candidate, Fallback, Value};
use coolplan_model::compliance::rules::Metric;
use coolplan_units::Currency;

/// A group of 1,000 MWh of IT a year whose site energy (MWh) is `air` on air and `cold` on
/// cold plate (immersion not feasible), worth `cold_npv` on cold plate against air.
fn group(air: f64, cold: f64, cold_npv: f64) -> (GroupEnergy, Candidate) {
    let row = |facility_mwh: f64| EnergyRow {
        it_wh: 1.0e9,
        facility_wh: facility_mwh * 1.0e6,
        ..EnergyRow::default()
    };
    let energy = GroupEnergy {
        hall: 0,
        rows: PerOption::with(row(air), [(CoolingOption::ColdPlate, row(cold))]).0,
        feasible: PerOption::with(
            false,
            [(CoolingOption::Air, true), (CoolingOption::ColdPlate, true)],
        )
        .0,
        choice: CoolingOption::Air,
        on_air_until: 0,
        doors_wait: false,
    };
    let value = |feasible: bool, base: f64| Value {
        feasible,
        base,
        uses: [0.0; 4],
        ..Value::default()
    };
    let candidate = Candidate {
        racks: 1,
        heat_per_rack_w: PerOption::from_fn(|_| 0.0),
        share: 1.0,
        fallback: Fallback::StayOnAir,
        options: PerOption::with(
            value(false, 0.0),
            [
                (CoolingOption::Air, value(true, 0.0)),
                (CoolingOption::ColdPlate, value(true, cold_npv)),
            ],
        ),
    };
    (energy, candidate)
}

/// Group A: PUE 1.50 on air, 1.30 on cold plate, which loses 100; group B: 1.40 and 1.25,
/// cold plate gains 50. The NPV-best plan: A on air, B on cold plate.
fn site() -> (Ledger, Vec<Candidate>) {
    let mut ledger = Ledger::new(2);
    let mut candidates = Vec::new();
    // every server present in plan years 1 and 2 (calendar 2026 and 2027)
    let presence = [(0.0, 0.0), (1.0, 1.0), (1.0, 1.0)];
    for (energy, candidate) in [group(1500.0, 1300.0, -100.0), group(1400.0, 1250.0, 50.0)] {
        ledger.push(energy, &presence);
        candidates.push(candidate);
    }
    (ledger, candidates)
}

fn pue_at_most(x: f64, year: u16) -> Bound {
    Bound {
        set: 0,
        rule: 0,
        metric: Metric::Pue,
        limit: Limit::AtMost(x),
        year,
    }
}

fn run(bound: Bound) -> (ComplyPlan, Vec<Vec<Option<CoolingOption>>>) {
    let (ledger, candidates) = site();
    let heat = HeatReuse::default();
    let table = ExcessTable::new(&ledger, &heat, &[bound], 2026, 0.0);
    let limits = HallLimits {
        declared: [None; 4],
        today: [0.0; 4],
        capacity: [f64::INFINITY; 4],
    };
    let halls = [HallProblem {
        groups: &candidates,
        limits: &limits,
        cdus: &Default::default(),
        works: crate::plan::NO_WORKS,
    }];
    let mut choices = vec![vec![
        Some(CoolingOption::Air),
        Some(CoolingOption::ColdPlate),
    ]];
    let outcome = constrain(&halls, &mut choices, &table, bound.year, Currency::CNY);
    (outcome, choices)
}

#[test]
fn a_plan_constrained_to_comply_by_a_year_complies() {
    // NPV-best: (1,500 + 1,250) / 2,000 = 1.375 > 1.35 fails in 2027. Moving A to cold
    // plate: (1,300 + 1,250) / 2,000 = 1.275 ≤ 1.35, at 100 of NPV (0 − (−100)); moving B
    // back to air would give (1,300 + 1,400) / 2,000 = 1.35, still passing, but loses 50.
    let (outcome, choices) = run(pue_at_most(1.35, 2027));
    assert_eq!(
        choices,
        vec![vec![
            Some(CoolingOption::ColdPlate),
            Some(CoolingOption::ColdPlate)
        ]]
    );
    assert_eq!(
        outcome,
        ComplyPlan::Changed {
            year: 2027,
            moved: 1,
            npv_forgone: Money::new(100.0, Currency::CNY),
        }
    );
}

#[test]
fn a_plan_that_complies_already_is_kept() {
    // 1.375 ≤ 1.40: the NPV-best plan meets it, nothing moves
    let (outcome, choices) = run(pue_at_most(1.40, 2027));
    assert_eq!(outcome, ComplyPlan::Met { year: 2027 });
    assert_eq!(choices[0][0], Some(CoolingOption::Air));
}

#[test]
fn a_plan_that_cannot_comply_says_why() {
    // The least PUE any plan reaches: both on cold plate, (1,300 + 1,250) / 2,000 = 1.275
    // > 1.25. The plan stays NPV-best (1.375) and names the rule, 1.275 against ≤ 1.25.
    let (outcome, choices) = run(pue_at_most(1.25, 2027));
    assert_eq!(choices[0][0], Some(CoolingOption::Air));
    let ComplyPlan::Unreachable { year, shortfalls } = outcome else {
        panic!("{outcome:?}");
    };
    assert_eq!(year, 2027);
    assert_eq!(shortfalls.len(), 1);
    let s = shortfalls[0];
    assert_eq!((s.year, s.limit), (2027, Limit::AtMost(1.25)));
    assert!((s.best - 1.275).abs() < 1e-12, "{}", s.best);
    assert!((s.planned - 1.375).abs() < 1e-12, "{}", s.planned);
}

#[test]
fn excess_is_linear_in_the_years_sums() {
    // PUE ≤ 1.35 on E_DC 1,375, E_IT 1,000: 1,375 − 1.35 × 1,000 = 25 (fails);
    // ERF ≥ 0.10 with 100 of 1,375 reused: 0.10 × 1,375 − 100 = 37.5 (fails)
    let sums = YearSums {
        it_wh: 1000.0,
        facility_wh: 1375.0,
        reused_wh: 100.0,
        ..YearSums::default()
    };
    let pue = excess(Metric::Pue, Limit::AtMost(1.35), &sums, 0.0);
    assert!((pue - 25.0).abs() < 1e-9);
    let erf = excess(Metric::Erf, Limit::AtLeast(0.10), &sums, 0.0);
    assert!((erf - 37.5).abs() < 1e-9);
}

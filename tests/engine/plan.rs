//! The recommended plan on whole sites (issue #15): today's state is feasible, one CDU truth
//! on every example and generated site, the fleet's headline is the plan, a swung input with no
//! effect says why, the retrofit share reaches energy and PUE, and a rack-scale system carries
//! no extra manifold.

use std::path::Path;

use crate::support::{climate, hall, rack, rel, servers, site};
use coolplan::engine::analysis::evaluator;
use coolplan::engine::analysis::redundancy::site_checks;
use coolplan::engine::analysis::tornado::{NoEffect, tornado};
use coolplan::engine::cdu::{self, CduLoad};
use coolplan::engine::physical::record::converted_racks;
use coolplan::engine::{CoolingOption, Reason, Results, evaluate};
use coolplan::io::climate::resolve;
use coolplan::io::parse_site;
use coolplan::model::generate::generate_site;
use coolplan::model::uncertainty::prepare::Prepared;
use coolplan::model::{Site, Status};
use uom::si::power::watt;

fn example(name: &str) -> (Site, coolplan::engine::ClimateData) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sites");
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path).expect("example site");
    let site = parse_site(&text, &path.display().to_string()).expect("parses");
    let climate = resolve(&site, Some(&dir)).expect("climate");
    (site, climate)
}

#[test]
fn a_stock_40_kw_rack_runs_on_air_with_a_warning_and_new_load_does_not() {
    // 4 stock HGX H100 = 4 × 10.2 = 40.8 kW per rack, above the 25 kW guideline: as today
    let today = rack("H100", 2, vec![servers("hgx-h100", 4, Status::Stock)]);
    // 4 new DGX B200 = 4 × 14.3 = 57.2 kW per rack: new load above the guideline
    let new = rack("B200", 2, vec![servers("dgx-b200", 4, Status::New(2027))]);
    let s = site(vec![hall("H", vec![today, new])]);
    let results = evaluate(&s, &climate("beijing"));
    let air = |g: usize| results.racks[g].scope.option(CoolingOption::Air);
    assert!(air(0).feasible);
    assert!(matches!(
        air(0).warnings[..],
        [Reason::AboveAirGuideline { per_rack, .. }] if (per_rack.get::<watt>() - 40_800.0).abs() < 1e-6
    ));
    assert!(!air(1).feasible);
    assert!(matches!(
        air(1).infeasible_reasons[..],
        [Reason::AirDensity { per_rack, .. }] if (per_rack.get::<watt>() - 57_200.0).abs() < 1e-6
    ));
    // the plan never leaves the new racks on air
    assert_ne!(results.plan.groups[1].option, Some(CoolingOption::Air));
}

/// Every rack group's converted racks on `option` in hall `h`, as the CDU assignment takes them.
fn loads(site: &Site, results: &Results, h: usize, option: CoolingOption) -> Vec<CduLoad> {
    results
        .racks
        .iter()
        .filter(|r| r.hall == h)
        .map(|r| {
            let share = site.halls[h].racks[r.rack].share().clamp(0.0, 1.0);
            // reported heat is the share's; per rack of the whole conversion it is / share
            let heat_w = r.scope.option(option).thermal.heat_to_liquid.get::<watt>();
            let whole = if share > 0.0 { heat_w / share } else { 0.0 };
            CduLoad {
                group: r.rack,
                racks: converted_racks(r.count, share),
                heat_per_rack_w: whole / r.count.max(1) as f64,
            }
        })
        .collect()
}

fn cdus_agree(name: &str, site: &Site, results: &Results) {
    let a = site.assumptions.resolve(site.currency);
    let choices = cdu::CduChoices::new(&a);
    for (h, hall) in results.halls.iter().enumerate() {
        // the "all …" columns: the BoQ count is the assignment's
        for option in [
            CoolingOption::ColdPlate,
            CoolingOption::ColdPlateLiquidToAir,
            CoolingOption::Immersion,
        ] {
            let l = loads(site, results, h, option);
            let sizing = choices.of(option);
            let units = cdu::design(&sizing.sizes, sizing.redundancy, l.iter().copied())
                .map_or(0, |d| d.units());
            let boq = hall.option(option).thermal.cdu_count;
            let heat = hall.option(option).thermal.heat_to_liquid.get::<watt>();
            if heat > 0.0 {
                assert_eq!(boq, units, "{name}, {}, {option:?}", hall.name);
            }
        }
        // the plan: every rack of a feasible plan assigned, counted once for BoQ and N+1
        let plan = &results.plan.halls[h];
        for c in &plan.cdus {
            let placed: u64 = results
                .racks
                .iter()
                .zip(&results.plan.groups)
                .filter(|(r, g)| r.hall == h && g.option == Some(c.option))
                .filter(|(r, _)| {
                    r.scope
                        .option(c.option)
                        .thermal
                        .heat_to_liquid
                        .get::<watt>()
                        > 0.0
                })
                .map(|(r, _)| converted_racks(r.count, site.halls[h].racks[r.rack].share()))
                .sum();
            if plan.within_limits {
                assert_eq!(c.design.assigned_racks(), placed, "{name}, {}", hall.name);
                assert!(c.design.unassigned.is_empty());
            }
        }
    }
    let checks = site_checks(site, results);
    let planned: Vec<u64> = results
        .plan
        .halls
        .iter()
        .flat_map(|p| p.cdus.iter().map(|c| c.design.units()))
        .collect();
    let checked: Vec<u64> = checks.iter().map(|c| c.units).collect();
    assert_eq!(planned, checked, "{name}: N+1 reads the BoQ's units");
}

#[test]
fn cdu_counts_equal_the_assignment_on_every_example_and_generated_site() {
    for name in ["ai-hall.ron", "china-fleet.ron", "enterprise-room.ron"] {
        let (site, climate) = example(name);
        cdus_agree(name, &site, &evaluate(&site, &climate));
    }
    for (groups, seed) in [(40, 1), (300, 7), (1_000, 3)] {
        let site = generate_site(groups, seed);
        let climate = resolve(&site, None).expect("preset climate");
        cdus_agree(
            &format!("generated {groups}/{seed}"),
            &site,
            &evaluate(&site, &climate),
        );
    }
}

#[test]
fn the_fleet_headline_is_the_plan_and_beats_every_single_option() {
    let (site, climate) = example("china-fleet.ron");
    let results = evaluate(&site, &climate);
    let plan = &results.plan;
    // stock fleet stays on air (no liquid option pays back); new AI servers on cold plate
    assert_eq!(plan.groups[0].option, Some(CoolingOption::Air));
    assert_eq!(plan.groups[1].option, Some(CoolingOption::ColdPlate));
    assert_eq!(plan.uniform, None);
    for option in CoolingOption::ALL {
        let column = results.site.option(option);
        if column.feasible {
            assert!(plan.totals.npv_vs_air.amount >= column.cost.npv_vs_air.amount);
        }
    }
    // the AI hall alone: 26 bn CNY (4,000,000 kW × 6,500 CNY/kW) in 2027, none up front;
    // its servers retire in 2032 (5-year life) and are replaced liquid-ready: factory premium
    // 4,000,000 kW × 1,900 CNY/kW = 7.6 bn CNY in cash-flow year 6
    assert!(rel(plan.totals.capex_by_year[1].amount, 26.0e9) < 1e-9);
    assert!(rel(plan.totals.capex_by_year[6].amount, 7.6e9) < 1e-9);
    assert!(rel(plan.totals.capex.amount, 33.6e9) < 1e-9);
    assert_eq!(plan.totals.capex_by_year[0].amount, 0.0);
    let text = coolplan::report::text::to_text(&site.name, &results, coolplan::i18n::Lang::En);
    assert!(
        text.lines()
            .nth(2)
            .is_some_and(|l| l.starts_with("Recommended plan: Air for 1 rack group")),
        "{text}"
    );
}

#[test]
fn the_fleet_with_a_mistyped_800_kw_server_stays_small() {
    // issue #22 item 1: one server typed kW(800) instead of kW(0.8); the CDU assignment and
    // N+1 check keep runs of identical units, not one entry per unit or rack
    let (mut site, climate) = example("china-fleet.ron");
    site.catalog[0].max_power = coolplan::units::build::kw(800.0);
    let results = evaluate(&site, &climate);
    for check in site_checks(&site, &results) {
        assert!(check.cdus.len() <= 8, "{} entries", check.cdus.len());
    }
}

#[test]
fn a_swung_input_with_no_effect_says_why() {
    let (site, climate) = example("ai-hall.ron");
    let results = coolplan::engine::recompute(&site, &climate);
    let (prepared, defaults) = Prepared::for_sensitivity(&site).expect("ranges");
    assert!(!defaults);
    let t = tornado(
        &prepared,
        defaults,
        &results,
        &evaluator(&prepared, &climate),
    )
    .expect("tornado");
    let kit = t
        .bars
        .iter()
        .find(|b| b.input.path() == "prices.cold_plate_kit_per_kw")
        .expect("kit price swung");
    // every model on this site has a catalog kit price: the per-kW default applies to none
    assert_eq!(kit.swing.amount, 0.0);
    assert_eq!(kit.no_effect, Some(NoEffect::CatalogPricesEveryModel));
    let electricity = t
        .bars
        .iter()
        .find(|b| b.input.path() == "prices.electricity")
        .unwrap();
    assert!(electricity.swing.amount > 0.0 && electricity.no_effect.is_none());
    assert_eq!(electricity.low.display, "0.6 CNY/kWh");
    // bars sorted by swing, largest first
    assert!(
        t.bars
            .windows(2)
            .all(|w| w[0].swing.amount >= w[1].swing.amount)
    );
}

#[test]
fn a_site_without_ranges_gets_the_default_ones() {
    let (site, climate) = example("enterprise-room.ron");
    let results = coolplan::engine::recompute(&site, &climate);
    let (prepared, defaults) = Prepared::for_sensitivity(&site).expect("ranges");
    assert!(defaults);
    let t = tornado(
        &prepared,
        defaults,
        &results,
        &evaluator(&prepared, &climate),
    )
    .expect("tornado");
    assert!(t.default_ranges && t.bars.len() >= 8);
    // per-kW site: the itemised CDU price is of the other mode
    assert!(
        t.bars
            .iter()
            .all(|b| b.swing.amount > 0.0 || b.no_effect.is_some())
    );
}

#[test]
fn the_retrofit_share_reaches_energy_and_pue() {
    let mut half = rack("CPU", 10, vec![servers("cpu-2u", 10, Status::Stock)]);
    half.retrofit_share = Some(0.5);
    let whole = rack("CPU", 10, vec![servers("cpu-2u", 10, Status::Stock)]);
    let energy = |r| {
        let results = evaluate(&site(vec![hall("H", vec![r])]), &climate("beijing"));
        let o = |x| {
            results.racks[0]
                .scope
                .option(x)
                .energy
                .facility_energy
                .get::<uom::si::energy::kilowatt_hour>()
        };
        (o(CoolingOption::Air), o(CoolingOption::ColdPlate))
    };
    let (air, full) = energy(whole);
    let (air_half, cold_half) = energy(half);
    assert_eq!(air, air_half);
    // Half converted saves about half of what the whole conversion saves. Not exactly half:
    // the hall's plant is evaluated at its own totals (method.md §7), and CRAH fans (fan law
    // above a minimum speed), chiller staging and the square-law UPS and distribution losses
    // are not linear in load. Here the whole group saves 2,891,237 − 2,882,887 = 8,350 kWh a
    // year and half of it 2,891,237 − 2,887,019 = 4,218 kWh: 50.5 % of the whole (liquid
    // pumps from physics, 0.0213 W per W of liquid design heat).
    let saving = |e: f64| air - e;
    assert!(saving(full) > 8_100.0 && saving(full) < 8_600.0, "{full}");
    let share = saving(cold_half) / saving(full);
    assert!((0.45..=0.55).contains(&share), "{share}");
}

#[test]
fn a_rack_scale_system_carries_no_extra_manifold() {
    // GB200 NVL72 alone in its rack: 1,360 kg (catalog) on 0.72 m², no cabinet, no manifold
    let nvl = rack(
        "NVL72",
        1,
        vec![servers("gb200-nvl72", 1, Status::New(2027))],
    );
    let results = evaluate(&site(vec![hall("H", vec![nvl])]), &climate("beijing"));
    let load = |o| {
        results.racks[0]
            .scope
            .option(o)
            .thermal
            .floor_load
            .get::<uom::si::areal_mass_density::kilogram_per_square_meter>()
    };
    assert_eq!(load(CoolingOption::ColdPlate), load(CoolingOption::Air));
}

//! The example sites in `sites/*.ron`: each evaluates on its own climate with a closed energy
//! balance and finite figures; `cargo test --test engine sites:: -- --nocapture` prints the
//! site totals per option (IT, liquid/air heat, flow, CDUs, tanks, PUE, TUE).

use std::path::Path;

use coolplan::engine::CoolingOption;
use coolplan::engine::physical::evaluate;
use coolplan::io::climate::resolve;
use coolplan::io::parse_site;
use uom::si::power::kilowatt;
use uom::si::volume_rate::liter_per_minute;

#[test]
fn example_sites_evaluate_and_print_totals() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sites");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return; // no example sites in this checkout
    };
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let site = parse_site(&text, &path.display().to_string()).unwrap();
        let climate = resolve(&site, Some(&dir)).unwrap();
        let resolved = site.assumptions.resolve(site.currency);
        let p = evaluate(&site, &site.catalog(), &resolved, &climate);
        println!(
            "\n{} — {} rack groups, {} racks, climate {}; calibration {:?}",
            path.file_name().unwrap().to_string_lossy(),
            site.rack_group_count(),
            site.rack_count(),
            climate.name,
            p.plant.iter().map(|h| h.calibration).collect::<Vec<_>>()
        );
        println!(
            "{:<11} {:>14} {:>14} {:>14} {:>14} {:>7} {:>9} {:>6} {:>6} feasible",
            "option", "IT kW", "liquid kW", "air kW", "flow L/min", "CDUs", "tanks", "PUE", "TUE"
        );
        for o in CoolingOption::ALL {
            let x = &p.site.options[o.index()];
            let t = &x.thermal;
            let it = t.it_design.get::<kilowatt>();
            let split = t.heat_to_liquid.get::<kilowatt>()
                + t.heat_to_air.get::<kilowatt>()
                + t.heat_to_door.get::<kilowatt>();
            assert!((it - split).abs() <= 1e-9 * it.max(1.0));
            assert!(x.energy.pue.is_finite() && x.energy.pue >= 1.0 || it == 0.0);
            println!(
                "{:<11} {:>14.1} {:>14.1} {:>14.1} {:>14.1} {:>7} {:>9} {:>6.3} {:>6.3} {}",
                o.key(),
                it,
                t.heat_to_liquid.get::<kilowatt>(),
                t.heat_to_air.get::<kilowatt>(),
                t.coolant_flow.get::<liter_per_minute>(),
                t.cdu_count,
                t.tank_count,
                x.energy.pue,
                x.energy.tue,
                x.feasible
            );
        }
    }
}

#[test]
fn the_enterprise_room_gets_a_costed_liquid_path() {
    use coolplan::engine::{CostItem, Reason};
    // The room has no facility water: cold plate runs on a facility-water extension priced
    // per kW of liquid design heat. Cold plate, per rack (fan saving 0.5, capture c):
    // Web R01-R06: 20 × 0.5 kW × (1 − 0.08 × 0.5) × 0.75 = 7.2 kW, metered 6.1 / 10 kW
    //   → 4.392 kW × 6 racks = 26.352 kW;
    // DB R07-R08: (10 × 0.8 + 4 × 0.5) × 0.96 × 0.75 = 7.2 kW × 2 = 14.4 kW;
    // Storage R09: 8 × 0.6 × (1 − 0.1 × 0.5) × 0.6 = 2.736 kW.
    // Liquid design heat 43.488 kW × 2,500 CNY/kW = 108,720 CNY.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sites");
    let path = dir.join("enterprise-room.ron");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return; // no example sites in this checkout
    };
    let site = parse_site(&text, "enterprise-room.ron").unwrap();
    let climate = resolve(&site, Some(&dir)).unwrap();
    let r = coolplan::engine::evaluate(&site, &climate);
    let cold = r.site.option(CoolingOption::ColdPlate);
    assert!(cold.feasible, "{:?}", cold.infeasible_reasons);
    assert!((cold.thermal.heat_to_liquid.get::<kilowatt>() - 43.488).abs() < 1e-9);
    let extension = cold.cost.spent_on(CostItem::FacilityWaterExtension).amount;
    assert!((extension - 108_720.0).abs() < 1e-6, "{extension}");
    // the extension runs the liquid on a dry cooler: cold plate lowers the room's PUE
    assert!(cold.energy.pue < r.site.option(CoolingOption::Air).energy.pue);
    assert!(r.plant[0].water_extension.is_some());
    // The verdict is economic, not "no facility water": air, because no liquid option pays
    // back, with cold plate the runner-up and its NPV gap stated.
    let rec = &r.site.recommendation;
    assert_eq!(rec.option, Some(CoolingOption::Air));
    assert_eq!(rec.runner_up, Some(CoolingOption::ColdPlate));
    assert!(
        rec.reasons.contains(&Reason::AirCheapest),
        "{:?}",
        rec.reasons
    );
    assert!(!rec.reasons.contains(&Reason::NoFacilityWater));
    assert!(cold.cost.npv_vs_air.amount < 0.0);
}

#[test]
fn a_room_that_forbids_the_water_extension_has_no_facility_water_for_liquid() {
    use coolplan::engine::Reason;
    use coolplan::model::EnablingWork;
    // The enterprise room with no room for a dry cooler: no extension, so cold plate and
    // immersion are infeasible for want of facility water and the plan keeps every group on
    // air.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sites");
    let Ok(text) = std::fs::read_to_string(dir.join("enterprise-room.ron")) else {
        return; // no example sites in this checkout
    };
    let mut site = parse_site(&text, "enterprise-room.ron").unwrap();
    site.halls[0].forbidden_works = vec![EnablingWork::FacilityWaterExtension];
    let climate = resolve(&site, Some(&dir)).unwrap();
    let r = coolplan::engine::evaluate(&site, &climate);
    for o in [CoolingOption::ColdPlate, CoolingOption::Immersion] {
        let x = r.site.option(o);
        assert!(!x.feasible);
        assert!(
            x.infeasible_reasons.contains(&Reason::NoFacilityWater),
            "{o:?}"
        );
    }
    assert!(r.site.option(CoolingOption::Air).feasible);
    assert!(r.plant[0].water_extension.is_none());
    assert!(
        r.plan
            .groups
            .iter()
            .all(|g| g.option == Some(CoolingOption::Air)),
        "{:?}",
        r.plan.groups
    );
    // the RON form round-trips and old files (no field) load as "every work allowed"
    let written = coolplan::io::to_canonical_string(&site).unwrap();
    let back = parse_site(&written, "written.ron").unwrap();
    assert_eq!(back.halls[0].forbidden_works, site.halls[0].forbidden_works);
    assert!(
        parse_site(&text, "enterprise-room.ron").unwrap().halls[0]
            .forbidden_works
            .is_empty()
    );
}

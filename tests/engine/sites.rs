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
            let split = t.heat_to_liquid.get::<kilowatt>() + t.heat_to_air.get::<kilowatt>();
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

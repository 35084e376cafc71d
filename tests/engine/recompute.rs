//! `engine::recompute` (the live recompute: rack groups compact) gives exactly the figures of
//! `engine::evaluate` (rack groups in full), bit for bit, on every example site, generated
//! sites of several sizes and seeds, and hourly (EPW) weather.

use coolplan::engine::climate::presets;
use coolplan::engine::{ClimateData, CoolingOption, GroupView, evaluate, recompute};
use coolplan::model::generate::generate_site;
use coolplan::model::{CostMode, Site};

fn assert_same(site: &Site, climate: &ClimateData, what: &str) {
    let full = evaluate(site, climate);
    let live = recompute(site, climate);
    assert_eq!(live.racks.len(), full.racks.len(), "{what}");
    // field by field first, so a failure names the group
    for (a, b) in live.racks.iter().zip(&full.racks) {
        assert_eq!(
            a.recommended(),
            b.scope.recommendation.option,
            "{what} {}",
            b.scope.name
        );
        for option in CoolingOption::ALL {
            assert_eq!(
                a.figures(option),
                b.figures(option),
                "{what} {} {option:?}",
                b.scope.name
            );
        }
    }
    // then everything: site, halls, mixed plan, calibration (f64 `==`: the same bits)
    assert_eq!(live, full.overview(), "{what}");
}

fn load(path: &std::path::Path) -> (Site, ClimateData) {
    let site = coolplan::io::load::load_site(path)
        .expect("example site loads")
        .site;
    let climate =
        coolplan::io::climate::resolve(&site, path.parent()).expect("example climate resolves");
    (site, climate)
}

#[test]
fn recompute_equals_the_full_evaluation_on_every_example_site() {
    let mut seen = 0;
    for entry in std::fs::read_dir("sites").expect("sites/ exists") {
        let path = entry.expect("directory entry").path();
        if path.extension().is_some_and(|e| e == "ron") {
            let (site, climate) = load(&path);
            assert_same(&site, &climate, &path.display().to_string());
            seen += 1;
        }
    }
    assert!(seen >= 3, "{seen} example sites");
}

#[test]
fn recompute_equals_the_full_evaluation_on_generated_sites() {
    let normals = presets::preset("beijing").expect("the beijing preset is shipped");
    for (racks, seed) in [(1, 1), (37, 7), (500, 2026), (3_000, 99)] {
        for mode in [CostMode::PerKw, CostMode::Itemised] {
            let mut site = generate_site(racks, seed);
            site.cost_mode = mode;
            assert_same(
                &site,
                &normals,
                &format!("generated {racks}/{seed} {mode:?}"),
            );
        }
    }
}

#[test]
fn recompute_equals_the_full_evaluation_where_a_hall_spans_several_record_chunks() {
    // The physical pass keeps records in chunks of at most 1 MiB (`physical::Records`): a
    // compact record of 1,384 B gives 1,048,576 / 1,384 = 757 → 512 a chunk, a full one
    // (several kB) fewer. 1,100 groups in one hall: three compact chunks (512 + 512 + 76)
    // and more full ones, so the two evaluations cross chunk boundaries at different groups.
    // (`physical::records::tests` compares the chunks with one plain `Vec`.)
    let normals = presets::preset("beijing").expect("the beijing preset is shipped");
    let mut site = generate_site(1_100, 5);
    let racks: Vec<_> = site
        .halls
        .iter_mut()
        .flat_map(|h| std::mem::take(&mut h.racks))
        .collect();
    site.halls.truncate(1);
    site.halls[0].racks = racks;
    assert_eq!(site.halls[0].racks.len(), 1_100);
    assert_same(&site, &normals, "one hall of 1,100 groups");
}

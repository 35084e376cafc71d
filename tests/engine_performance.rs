//! Speed: the physical engine on a site of 10,000 rack groups (budget 5 ms in an optimised
//! build; the debug build is held to a looser bound so the test still catches blow-ups).

mod engine_support;

use std::time::Instant;

use coolplan::model::Status;
use engine_support::*;

#[test]
fn ten_thousand_rack_groups_evaluate_within_budget() {
    let models = ["cpu-1u", "cpu-2u", "hgx-h100", "atlas-800t-a2", "dgx-b200"];
    let halls = (0..10)
        .map(|h| {
            let racks = (0..1000)
                .map(|r| {
                    let status = if r % 3 == 0 {
                        Status::New(2027)
                    } else {
                        Status::Stock
                    };
                    rack(
                        &format!("r{h}-{r}"),
                        1 + (r % 7) as u64,
                        vec![servers(
                            models[r % models.len()],
                            1 + (r % 4) as u32,
                            status,
                        )],
                    )
                })
                .collect();
            hall(&format!("h{h}"), racks)
        })
        .collect();
    let s = site(halls);
    let resolved = s.assumptions.resolve(s.currency);
    let catalog = s.catalog();
    let climate = climate("beijing");
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let start = Instant::now();
        let p = coolplan::engine::physical::evaluate(&s, &catalog, &resolved, &climate);
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(p.racks.len(), 10_000);
    }
    println!("physical::evaluate, 10,000 rack groups: best of 5 = {best:.2} ms");
    let budget_ms = if cfg!(debug_assertions) { 100.0 } else { 5.0 };
    assert!(best <= budget_ms, "{best:.2} ms > {budget_ms} ms");
}

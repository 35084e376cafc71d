//! The seed's market sizing through the whole engine: `sites/china-fleet.ron` reproduces
//! 832 亿元 (stock fleet → cold plate) and 260 亿元 (2027 new AI servers → cold plate), and the
//! immersion figures from the same kW (shared/reference/seed-fleet.md).

use coolplan::engine::{CoolingOption, Results};
use coolplan::i18n::Lang;
use coolplan::i18n::results as words;

fn fleet() -> Results {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/sites/china-fleet.ron");
    let site = coolplan::io::load_site(path)
        .unwrap_or_else(|e| panic!("{e:?}"))
        .site;
    let climate = coolplan::io::climate::resolve(&site, None).unwrap_or_else(|e| panic!("{e:?}"));
    coolplan::engine::evaluate(&site, &climate)
}

fn capex_yuan(results: &Results, hall: usize, option: CoolingOption) -> f64 {
    results.halls[hall].option(option).cost.capex.amount.round()
}

#[test]
fn fleet_reproduces_the_seed_market_sizes_to_the_yuan() {
    let results = fleet();
    // stock: 2,000,000 racks × 10 servers × 0.8 kW = 16,000,000 kW; × 80 % = 12,800,000 kW
    // cold plate 12,800,000 × 6,500 = 83,200,000,000 CNY (832 亿元)
    assert_eq!(
        capex_yuan(&results, 0, CoolingOption::ColdPlate),
        83_200_000_000.0
    );
    // immersion 12,800,000 × 12,000 = 153,600,000,000 CNY
    assert_eq!(
        capex_yuan(&results, 0, CoolingOption::Immersion),
        153_600_000_000.0
    );
    // 2027: 100,000 racks × 4 × 10 kW = 4,000,000 kW × 100 %; cold plate × 6,500 = 26.0e9
    assert_eq!(
        capex_yuan(&results, 1, CoolingOption::ColdPlate),
        26_000_000_000.0
    );
    // immersion 4,000,000 × 12,000 = 48,000,000,000 CNY
    assert_eq!(
        capex_yuan(&results, 1, CoolingOption::Immersion),
        48_000_000_000.0
    );
}

#[test]
fn fleet_figures_read_in_yi_yuan() {
    let results = fleet();
    let stock = results.halls[0].option(CoolingOption::ColdPlate).cost.capex;
    let new = results.halls[1].option(CoolingOption::ColdPlate).cost.capex;
    assert_eq!(words::money(stock, Lang::Zh), "832 亿元");
    assert_eq!(words::money(new, Lang::Zh), "260 亿元");
    // One money scale per language: English never shows 亿元.
    assert_eq!(words::money(stock, Lang::En), "83.2 bn CNY");
}

#[test]
fn fleet_text_report_prints_yi_yuan() {
    let results = fleet();
    let text = coolplan::report::text::to_text("fleet", &results, Lang::Zh);
    assert!(text.contains("832 亿元"), "{text}");
    assert!(text.contains("260 亿元"), "{text}");
}

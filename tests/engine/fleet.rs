//! The seed's market sizing through the whole engine: `sites/china-fleet.ron` reproduces
//! 832 亿元 (stock fleet → cold plate) and 260 亿元 (2027 new AI servers → cold plate), and the
//! immersion figures from the same kW (shared/reference/seed-fleet.md), as the retrofit's own
//! CAPEX items; the refresh of retiring servers is priced beside them.

use coolplan::engine::{CoolingOption, CostItem, Results};
use coolplan::i18n::Lang;
use coolplan::i18n::results as words;
use coolplan::units::Money;

fn fleet() -> Results {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/sites/china-fleet.ron");
    let site = coolplan::io::load_site(path)
        .unwrap_or_else(|e| panic!("{e:?}"))
        .site;
    let climate = coolplan::io::climate::resolve(&site, None).unwrap_or_else(|e| panic!("{e:?}"));
    coolplan::engine::evaluate(&site, &climate)
}

fn item_yuan(results: &Results, hall: usize, option: CoolingOption, item: CostItem) -> f64 {
    item_money(results, hall, option, item).amount.round()
}

fn item_money(results: &Results, hall: usize, option: CoolingOption, item: CostItem) -> Money {
    results.halls[hall].option(option).cost.spent_on(item)
}

#[test]
fn fleet_reproduces_the_seed_market_sizes_to_the_yuan() {
    let results = fleet();
    let (stock, new) = (CostItem::PerKwStock, CostItem::PerKwNew);
    // stock: 2,000,000 racks × 10 servers × 0.8 kW = 16,000,000 kW; × 80 % = 12,800,000 kW
    // cold plate 12,800,000 × 6,500 = 83,200,000,000 CNY (832 亿元)
    let cold_plate = CoolingOption::ColdPlate;
    assert_eq!(item_yuan(&results, 0, cold_plate, stock), 83_200_000_000.0);
    // immersion 12,800,000 × 12,000 = 153,600,000,000 CNY
    let immersion = CoolingOption::Immersion;
    assert_eq!(item_yuan(&results, 0, immersion, stock), 153_600_000_000.0);
    // 2027: 100,000 racks × 4 × 10 kW = 4,000,000 kW × 100 %; cold plate × 6,500 = 26.0e9
    assert_eq!(item_yuan(&results, 1, cold_plate, new), 26_000_000_000.0);
    // immersion 4,000,000 × 12,000 = 48,000,000,000 CNY
    assert_eq!(item_yuan(&results, 1, immersion, new), 48_000_000_000.0);
}

#[test]
fn fleet_refreshes_are_priced_beside_the_market_sizes() {
    let results = fleet();
    let premium = CostItem::Refresh;
    // Stock installed 2023, 6-year life: retires 2029 and its replacement 2035, both within
    // the study (through 2036), each replaced liquid-ready: 12,800,000 kW converted ×
    // 1,900 CNY/kW default factory premium = 24.32e9, twice = 48.64e9 CNY
    assert_eq!(
        item_yuan(&results, 0, CoolingOption::ColdPlate, premium),
        48_640_000_000.0
    );
    // immersion prepares the replacements: 20,000,000 servers × 80 % × 800 CNY = 12.8e9,
    // twice = 25.6e9
    assert_eq!(
        item_yuan(&results, 0, CoolingOption::Immersion, premium),
        25_600_000_000.0
    );
    // AI servers of 2027, 5-year life: one refresh in 2032, 4,000,000 kW × 1,900 = 7.6e9
    assert_eq!(
        item_yuan(&results, 1, CoolingOption::ColdPlate, premium),
        7_600_000_000.0
    );
}

#[test]
fn fleet_figures_read_in_yi_yuan() {
    let results = fleet();
    let stock = item_money(&results, 0, CoolingOption::ColdPlate, CostItem::PerKwStock);
    let new = item_money(&results, 1, CoolingOption::ColdPlate, CostItem::PerKwNew);
    assert_eq!(words::money(stock, Lang::Zh), "832 亿元");
    assert_eq!(words::money(new, Lang::Zh), "260 亿元");
    // One money scale per language: English never shows 亿元.
    assert_eq!(words::money(stock, Lang::En), "83.2 bn CNY");
}

#[test]
fn fleet_text_report_prints_yi_yuan() {
    let results = fleet();
    let text = coolplan::report::text::to_text("fleet", &results, Lang::Zh);
    // the plan's CAPEX: 26.0e9 in 2027 + 7.6e9 refresh in 2032 = 33.6e9 CNY
    assert!(text.contains("336 亿元"), "{text}");
}

//! Ranges on inputs: reading, validation and applying a value to a cloned site.

use crate::support::{site_text, site_with};
use coolplan::i18n::{Lang, Say};
use coolplan::model::assumptions::{Amount, AssumptionKey};
use coolplan::model::uncertainty::prepare::{
    Prepared, RangeProblem, Shape, UncertaintyError, validate,
};
use coolplan::units::{Currency, EnergyUnit, PowerUnit};

#[test]
fn percent_keeps_the_unit_and_scales_the_number() {
    let site = site_with(r#"(input: "prices.electricity", range: Percent(20))"#);
    let prepared = Prepared::new(&site).expect("valid");
    let input = &prepared.inputs[0];
    // default 0.75 CNY/kWh ± 20 % → 0.60 … 0.90, uniform
    assert_eq!(input.tag.as_deref(), Some("CNY_per_kWh"));
    assert!((input.low - 0.60).abs() < 1e-12 && (input.high - 0.90).abs() < 1e-12);
    assert_eq!(input.shape, Shape::Uniform);
    let varied = prepared.apply(0, 0.9).expect("applies");
    let price = varied.assumptions.prices.electricity.expect("set");
    assert_eq!(price.amount_per(EnergyUnit::kWh), 0.9);
    // everything else is untouched
    assert_eq!(varied.halls, site.halls);
    assert!(site.assumptions.prices.electricity.is_none());
}

#[test]
fn bounds_take_their_own_unit() {
    let site = site_with(
        r#"(input: "cooling.air_limit_per_rack", range: Triangular(low: W(20000), mode: W(25000), high: W(30000)))"#,
    );
    let prepared = Prepared::new(&site).expect("valid");
    let varied = prepared.apply(0, 22_000.0).expect("applies");
    let limit = varied.assumptions.cooling.air_limit_per_rack.expect("set");
    assert_eq!(limit.in_unit(PowerUnit::kW), 22.0);
    // triangular inverse CDF: u = 0.5 with mode in the middle gives the mode
    assert!((prepared.inputs[0].quantile(0.5) - 25_000.0).abs() < 1e-6);
    // u = 0.125 → low + sqrt(0.125 × 10,000 × 5,000) = 20,000 + 2,500 = 22,500
    assert!((prepared.inputs[0].quantile(0.125) - 22_500.0).abs() < 1e-6);
}

#[test]
fn integer_inputs_are_rounded() {
    let site = site_with(r#"(input: "finance.horizon_years", range: Uniform(low: 8, high: 12))"#);
    let prepared = Prepared::new(&site).expect("valid");
    assert!(prepared.inputs[0].integer);
    assert_eq!(prepared.inputs[0].quantile(0.3), 9.0); // 8 + 0.3 × 4 = 9.2 → 9
    let varied = prepared.apply(0, 9.0).expect("applies");
    assert_eq!(varied.assumptions.finance.horizon_years, Some(9));
}

#[test]
fn every_bad_input_is_reported() {
    let site = site_with(
        r#"(input: "cooling.cdu_size", range: Percent(10)),
           (input: "finance.discount_rate", range: Uniform(low: 0.10, high: 0.06)),
           (input: "cooling.air_limit_per_rack", range: Uniform(low: kg(20), high: kg(30))),
           (input: "prices.electricity", range: Uniform(low: USD_per_kWh(0.1), high: USD_per_kWh(0.2))),
           (input: "cooling.tank_capacity", range: Uniform(low: 20, high: 30)),
           (input: "finance.horizon_years", range: Percent(150)),
           (input: "plant.chiller_cop", range: Percent(10)),
           (input: "plant.chiller_cop", range: Percent(5))"#,
    );
    let key = |path| AssumptionKey::parse(path).expect("a key");
    let bad = |index, path, problem| UncertaintyError::BadRange {
        index,
        input: key(path),
        problem,
    };
    // entry 6 is fine; entry 7 repeats its key
    assert_eq!(
        validate(&site),
        vec![
            UncertaintyError::NotNumeric {
                index: 0,
                input: key("cooling.cdu_size")
            },
            bad(
                1,
                "finance.discount_rate",
                RangeProblem::LowAboveHigh {
                    low: Amount::plain(0.10),
                    high: Amount::plain(0.06)
                }
            ),
            bad(
                2,
                "cooling.air_limit_per_rack",
                RangeProblem::Unfit {
                    bound: Amount::tagged("kg", 20.0),
                    like: Amount::tagged("kW", 25.0)
                }
            ),
            bad(
                3,
                "prices.electricity",
                RangeProblem::OtherCurrency {
                    tag: "USD_per_kWh".into(),
                    found: Currency::USD,
                    site: Currency::CNY
                }
            ),
            bad(
                4,
                "cooling.tank_capacity",
                RangeProblem::NeedsUnit { tag: "kW".into() }
            ),
            bad(
                5,
                "finance.horizon_years",
                RangeProblem::PercentOutside(150.0)
            ),
            UncertaintyError::Duplicate {
                index: 7,
                input: key("plant.chiller_cop")
            },
        ]
    );
    let problems = validate(&site);
    assert_eq!(
        problems[3].say(Lang::En),
        "`prices.electricity`: USD_per_kWh is in USD, the site is in CNY: amounts are never converted"
    );
    assert_eq!(
        problems[3].say(Lang::Zh),
        "`prices.electricity`：USD_per_kWh 的货币是 USD，而站点使用 CNY：金额不做汇率换算"
    );
}

#[test]
fn an_unknown_key_fails_the_load_and_lists_the_valid_ones() {
    let text = site_text(r#"(input: "prices.electrcity", range: Percent(20))"#);
    let error = coolplan::io::parse_site(&text, "test").expect_err("unknown key");
    for lang in [Lang::En, Lang::Zh] {
        let message = error.say(lang);
        assert!(message.contains("`prices.electrcity`"), "{message}");
        assert!(message.contains("prices.electricity, "), "{message}");
        assert!(message.contains("finance.first_year"), "{message}");
    }
    assert!(error.say(Lang::Zh).contains("不是假设项的键"));
}

#[test]
fn a_site_without_ranges_is_valid() {
    assert!(validate(&site_with("")).is_empty());
}

//! `coolplan analyze` end to end: arguments, JSON layout, budget errors.

use crate::support::{climate, site_with};
use clap::Parser;
use coolplan::cli::analyze::{AnalyzeArgs, AnalyzeError, analyse, parse_budget, to_json, to_text};
use coolplan::i18n::Lang;
use coolplan::model::{Cooling, CoolingRule};

#[derive(Parser)]
struct Wrapper {
    #[command(flatten)]
    args: AnalyzeArgs,
}

fn args(extra: &[&str]) -> AnalyzeArgs {
    let mut all = vec!["analyze", "site.ron"];
    all.extend_from_slice(extra);
    Wrapper::parse_from(all).args
}

#[test]
fn monte_carlo_defaults_to_ten_thousand_samples() {
    assert_eq!(args(&["--monte-carlo"]).monte_carlo, Some(10_000));
    assert_eq!(args(&["--monte-carlo", "50"]).monte_carlo, Some(50));
    assert_eq!(args(&[]).monte_carlo, None);
}

#[test]
fn json_holds_every_analysis() {
    let mut site = site_with(
        r#"(input: "prices.electricity", range: Percent(20)),
           (input: "finance.discount_rate", range: Triangular(low: 0.06, mode: 0.08, high: 0.1))"#,
    );
    // The plan keeps both groups on air on its own (converting the 40.8 kW GPU racks saves
    // less than it costs once the plant's fixed parts stay, method.md §7); the rule puts the
    // GPU racks on cold plate so the plan has CDUs to check.
    site.halls[0].racks[0].cooling = Some(CoolingRule::Force(Cooling::ColdPlate));
    let run = || {
        analyse(
            &site,
            &climate(),
            &args(&[
                "--monte-carlo",
                "64",
                "--seed",
                "5",
                "--budget",
                "CNY(2000000)",
                "--years",
                "4",
            ]),
        )
        .expect("runs")
    };
    let a = run();
    let doc: serde_json::Value = serde_json::from_str(&to_json(&a, Lang::En)).expect("json");
    assert_eq!(doc["currency"], "CNY");
    assert_eq!(doc["tornado"]["bars"][0]["input"], "prices.electricity");
    assert_eq!(doc["monte_carlo"]["samples"], 64);
    // every option applies on this site (no cooling_options, no rule ruling one out)
    assert_eq!(
        doc["monte_carlo"]["options"].as_array().map(Vec::len),
        Some(coolplan::engine::CoolingOption::ALL.len())
    );
    assert_eq!(doc["plan"]["years"].as_array().map(Vec::len), Some(4));
    assert_eq!(doc["plan"]["budget_per_year"], 2_000_000.0);
    for year in doc["plan"]["years"].as_array().expect("years") {
        assert!(year["spent"].as_f64().expect("number") <= 2_000_000.0 * (1.0 + 1e-9));
    }
    // one check per hall and option of the plan: its GPU racks on cold plate
    assert_eq!(doc["redundancy"].as_array().map(Vec::len), Some(1));
    // deterministic: the same arguments give the same text
    let again = run();
    assert_eq!(to_json(&a, Lang::En), to_json(&again, Lang::En));
}

#[test]
fn budget_must_be_money_in_the_site_currency() {
    let site = site_with("");
    assert_eq!(
        parse_budget("CNY(5000000)", &site).expect("ok").amount,
        5_000_000.0
    );
    assert!(matches!(
        parse_budget("5000000", &site),
        Err(AnalyzeError::BadBudget(_))
    ));
    assert!(matches!(
        parse_budget("USD(100)", &site),
        Err(AnalyzeError::BudgetCurrency(..))
    ));
    assert!(matches!(
        parse_budget("CNY(-1)", &site),
        Err(AnalyzeError::BadBudget(_))
    ));
}

#[test]
fn the_tornado_text_shows_values_with_unit_symbols_not_file_tags() {
    let site = site_with(r#"(input: "prices.electricity", range: Percent(20))"#);
    let a = analyse(&site, &climate(), &args(&[])).expect("runs");
    let text = to_text(&a, Lang::En);
    let line = text
        .lines()
        .find(|l| l.starts_with("Electricity price |"))
        .expect("tornado line");
    // e.g. "Electricity price | 0.6 CNY/kWh → … | 0.9 CNY/kWh → … | …"
    assert_eq!(line.matches(" CNY/kWh → ").count(), 2, "{line}");
    assert!(!line.contains("CNY_per_kWh("), "{line}");
}

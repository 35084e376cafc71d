//! `coolplan analyze <site.ron> [--monte-carlo [N]] [--seed S] [--budget CNY(5000000)]
//! [--years Y] [--format json|text]`: tornado, Monte Carlo, phased plan and CDU N+1 check.
//!
//! Owns: reading the arguments, loading the site and its climate, timing the Monte Carlo run
//! (the clock stays out of the engine and out of the JSON, which is deterministic), printing.
//! Never touches: the analyses' arithmetic (`engine::analysis`).

mod json;
mod text;

use coolplan_words::Say;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize};
use std::time::Instant;

use super::terminal::{self, err, out};
use super::{Outcome, print_error};
use coolplan_engine::analysis::monte_carlo::{self, Config, McError, MonteCarlo};
use coolplan_engine::analysis::phased::{self, Plan};
use coolplan_engine::analysis::redundancy::{self, HallCheck};
use coolplan_engine::analysis::tornado::{self, Tornado};
use coolplan_engine::{ClimateData, Results};
use coolplan_io::climate::{WeatherFolders, resolve_in};
use coolplan_io::load_site;
use coolplan_model::Site;
use coolplan_model::uncertainty::prepare::{ApplyError, Prepared, UncertaintyError};
use coolplan_units::Money;
use coolplan_words::analysis::An;
use coolplan_words::cli::Cli;
use coolplan_words::{Lang, Text};

/// Output format of `analyze`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// Site file (.ron); its `uncertainty` list gives the ranges.
    pub file: PathBuf,
    /// Run a Monte Carlo of N samples (10,000 when N is left out).
    #[arg(long, value_name = "N", num_args = 0..=1, default_missing_value = "10000", value_parser = parse_samples)]
    pub monte_carlo: Option<usize>,
    /// Seed of the Monte Carlo draws (same seed, same result).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Yearly CAPEX budget for a phased plan, with its currency, e.g. CNY(5000000).
    #[arg(long, value_name = "AMOUNT")]
    pub budget: Option<String>,
    /// Plan years (default: the study horizon).
    #[arg(long, value_name = "Y")]
    pub years: Option<usize>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// A folder of EPW weather files, looked in when the site's EPW file is not in its folder.
    #[arg(long, value_name = "DIR")]
    pub weather_dir: Option<PathBuf>,
}

/// Most Monte Carlo samples one run draws: every sample is kept for the percentiles, and a
/// million already give percentiles to a fraction of a per cent.
pub const MAX_SAMPLES: usize = 1_000_000;

fn parse_samples(text: &str) -> Result<usize, super::BadArgument> {
    text.parse::<usize>()
        .ok()
        .filter(|n| (1..=MAX_SAMPLES).contains(n))
        .ok_or_else(|| super::parse_error(Cli::SamplesOutOfRange, text))
}

/// Everything `analyze` computed.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub site: String,
    pub results: Results,
    pub tornado: Option<Tornado>,
    pub monte_carlo: Option<MonteCarlo>,
    /// Wall-clock seconds of the Monte Carlo run (text output only).
    pub monte_carlo_seconds: f64,
    pub plan: Option<Plan>,
    pub budget: Option<Money>,
    pub redundancy: Vec<HallCheck>,
}

/// Why `analyze` could not run (beyond loading); [`AnalyzeError::render`] words it.
#[derive(Debug)]
pub enum AnalyzeError {
    /// `--budget` as written: not an amount with its currency, or not finite and ≥ 0.
    BadBudget(String),
    BudgetCurrency(Money, coolplan_units::Currency),
    /// The site's `uncertainty` list (checked on load: reported, never unwrapped).
    Ranges(Vec<UncertaintyError>),
    /// A value of the tornado the site could not take.
    Tornado(ApplyError),
    MonteCarlo(McError),
}

impl AnalyzeError {
    pub fn render(&self, lang: Lang) -> String {
        match self {
            AnalyzeError::BadBudget(text) => An::BadBudget.fmt(lang, &[text]),
            AnalyzeError::BudgetCurrency(money, site) => {
                An::BudgetCurrency.fmt(lang, &[&money.currency, site])
            }
            AnalyzeError::Ranges(problems) => {
                coolplan_words::say::uncertainty::joined(problems, lang)
            }
            AnalyzeError::Tornado(e) => e.say(lang),
            AnalyzeError::MonteCarlo(e) => e.say(lang),
        }
    }
}

/// Reads `--budget`: an amount in the site's currency.
pub fn parse_budget(text: &str, site: &Site) -> Result<Money, AnalyzeError> {
    let money: Money =
        ron::from_str(text.trim()).map_err(|_| AnalyzeError::BadBudget(text.to_string()))?;
    if !(money.amount.is_finite() && money.amount >= 0.0) {
        return Err(AnalyzeError::BadBudget(text.to_string()));
    }
    if money.currency != site.currency {
        return Err(AnalyzeError::BudgetCurrency(money, site.currency));
    }
    Ok(money)
}

/// Runs every analysis the arguments ask for on a loaded site.
pub fn analyse(
    site: &Site,
    climate: &ClimateData,
    args: &AnalyzeArgs,
) -> Result<Analysis, AnalyzeError> {
    let budget = args
        .budget
        .as_deref()
        .map(|text| parse_budget(text, site))
        .transpose()?;
    let results = coolplan_engine::evaluate(site, climate);
    // load_site has validated the ranges; a failure here is reported, not unwrapped
    let (prepared, default_ranges) =
        Prepared::for_sensitivity(site).map_err(AnalyzeError::Ranges)?;
    // the engine staged for the varied inputs (physical passes reused; identical results)
    let evaluate = coolplan_engine::analysis::evaluator(&prepared, climate);
    let tornado = if prepared.inputs.is_empty() {
        None
    } else {
        let t = tornado::tornado(&prepared, default_ranges, &results, &evaluate);
        Some(t.map_err(AnalyzeError::Tornado)?)
    };
    let mut monte_carlo_seconds = 0.0;
    let monte_carlo = match args.monte_carlo {
        Some(samples) if !prepared.inputs.is_empty() => {
            let config = Config {
                samples,
                seed: args.seed,
            };
            let (done, cancel) = (AtomicUsize::new(0), AtomicBool::new(false));
            let start = Instant::now();
            // the samples' groups read from captures of their costs, linear in the prices
            // (within 1e-12 of the staged engine's; see `analysis::sampler`)
            let sample = coolplan_engine::analysis::sampler(&prepared, climate);
            let run = monte_carlo::run(&prepared, &sample, config, &done, &cancel)
                .map_err(AnalyzeError::MonteCarlo)?;
            monte_carlo_seconds = start.elapsed().as_secs_f64();
            Some(run)
        }
        _ => None,
    };
    let years = args.years.unwrap_or(results.horizon_years as usize);
    let plan = budget.map(|b| phased::plan(site, &results, b, years));
    let redundancy = redundancy::site_checks(site, &results);
    Ok(Analysis {
        site: site.name.clone(),
        results,
        tornado,
        monte_carlo,
        monte_carlo_seconds,
        plan,
        budget,
        redundancy,
    })
}

/// The subcommand's help in `lang`.
pub fn localize(command: clap::Command, lang: Lang) -> clap::Command {
    let help = |key: An| key.tr(lang);
    command
        .about(help(An::HelpAbout))
        .mut_arg("file", |a| a.help(help(An::HelpFile)))
        .mut_arg("monte_carlo", |a| a.help(help(An::HelpMonteCarlo)))
        .mut_arg("seed", |a| a.help(help(An::HelpSeed)))
        .mut_arg("budget", |a| a.help(help(An::HelpBudget)))
        .mut_arg("years", |a| a.help(help(An::HelpYears)))
        .mut_arg("weather_dir", |a| a.help(Cli::HelpWeatherDir.tr(lang)))
}

pub fn run(args: &AnalyzeArgs, lang: Lang) -> Outcome {
    let origin = args.file.display().to_string();
    let site = match load_site(&args.file) {
        Ok(loaded) => loaded.site,
        Err(e) => return super::load_failed(&e, lang),
    };
    let folders = WeatherFolders {
        site: args.file.parent(),
        extra: args.weather_dir.as_deref(),
    };
    let climate = match resolve_in(&site, folders) {
        Ok(climate) => climate,
        Err(e) => {
            print_error(lang, &format!("{origin}: {}", e.say(lang)));
            return Outcome::Invalid;
        }
    };
    match analyse(&site, &climate, args) {
        Ok(analysis) => {
            match args.format {
                Format::Json => out!("{}", json::to_json(&analysis, lang)),
                Format::Text => terminal::print_clean(&text::to_text(&analysis, lang)),
            }
            Outcome::Ok
        }
        Err(e) => {
            err!("{}: {}", Cli::Error.tr(lang), e.render(lang));
            Outcome::Invalid
        }
    }
}

pub use json::to_json;
pub use text::to_text;

//! Monte Carlo over the uncertain inputs: N samples, each a full evaluation of the site with
//! every input drawn from its range, summarised as P10/P50/P90 of NPV against air, payback
//! and PUE per option, and the probability each option is the recommended one.
//!
//! Owns: drawing (sample i from its own stream seeded by `(seed, i)`, inputs in file order),
//! the parallel run (rayon, samples of one horizon in a row; results independent of thread
//! count, scheduling and order), progress and cancel, percentiles. Never touches: threads it does not own, the clock, OS randomness.
//!
//! Percentiles interpolate linearly between order statistics (Hyndman & Fan type 7, as
//! spreadsheet `PERCENTILE.INC`). A payback never reached within the horizon counts as
//! infinitely long, so a percentile that lands among those is `None` ("beyond the horizon").

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use super::Evaluator;
use super::reading::Reading;
use super::rng::SplitMix64;
use crate::per_option::PerOption;
use crate::results::CoolingOption;
use coolplan_model::uncertainty::prepare::{ApplyError, Prepared};
use coolplan_units::Money;

/// How to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Config {
    pub samples: usize,
    pub seed: u64,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            samples: 10_000,
            seed: 1,
        }
    }
}

/// Why a run stopped without results (worded by the words crate).
#[derive(Clone, Debug, PartialEq)]
pub enum McError {
    Cancelled,
    NoSamples,
    /// A drawn value the site could not take.
    Input(ApplyError),
}

/// P10, P50 and P90 of a figure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread<T> {
    pub p10: T,
    pub p50: T,
    pub p90: T,
}

/// Figures of one option over all samples.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionStats {
    pub option: CoolingOption,
    /// The option applies on the site (in every sample: what applies does not depend on the
    /// uncertain inputs); the outputs list only these.
    pub applies: bool,
    pub npv: Spread<Money>,
    /// Simple payback, years; `None` = beyond the horizon.
    pub payback_years: Spread<Option<f64>>,
    pub pue: Spread<f64>,
    /// Share of samples in which this option is recommended.
    pub probability_best: f64,
    /// Share of samples in which this option is feasible.
    pub probability_feasible: f64,
}

impl MonteCarlo {
    /// The figures of the options that apply on the site, in [`CoolingOption::ALL`] order.
    pub fn shown(&self) -> impl Iterator<Item = &OptionStats> {
        self.options.iter().filter(|o| o.applies)
    }
}

/// The summary of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct MonteCarlo {
    pub samples: usize,
    pub seed: u64,
    pub options: PerOption<OptionStats>,
    /// NPV against air and simple payback of the plan (searched again in each sample).
    pub plan_npv: Spread<Money>,
    pub plan_payback_years: Spread<Option<f64>>,
    /// Share of samples in which no option is feasible.
    pub probability_none_feasible: f64,
}

/// What one sample keeps.
#[derive(Clone, Copy, Debug)]
struct Sample {
    npv: PerOption<f64>,
    payback: PerOption<f64>,
    pue: PerOption<f64>,
    feasible: PerOption<bool>,
    applies: PerOption<bool>,
    best: Option<CoolingOption>,
    plan_npv: f64,
    plan_payback: f64,
}

fn sample_of(reading: &Reading) -> Sample {
    let site = &reading.options;
    Sample {
        npv: PerOption::from_fn(|o| site[o].npv_vs_air.amount),
        payback: PerOption::from_fn(|o| site[o].simple_payback_years.unwrap_or(f64::INFINITY)),
        pue: PerOption::from_fn(|o| site[o].pue),
        feasible: PerOption::from_fn(|o| site[o].feasible),
        applies: PerOption::from_fn(|o| site[o].applies),
        best: reading.recommended,
        plan_npv: reading.plan_npv.amount,
        plan_payback: reading.plan_payback_years.unwrap_or(f64::INFINITY),
    }
}

/// The drawn values of sample `index`: one uniform number per input, in file order.
pub fn draw(prepared: &Prepared, seed: u64, index: usize) -> Vec<f64> {
    let mut rng = SplitMix64::for_sample(seed, index as u64);
    prepared
        .inputs
        .iter()
        .map(|input| input.quantile(rng.next_f64()))
        .collect()
}

/// Runs `config.samples` evaluations in parallel. `done` counts finished samples (for a
/// progress bar); setting `cancel` stops the run soon after with [`McError::Cancelled`].
pub fn run(
    prepared: &Prepared,
    evaluate: &Evaluator,
    config: Config,
    done: &AtomicUsize,
    cancel: &AtomicBool,
) -> Result<MonteCarlo, McError> {
    if config.samples == 0 {
        return Err(McError::NoSamples);
    }
    let order = run_order(prepared, config);
    let mut samples = order
        .par_iter()
        // one copy of the site per worker; a sample only swaps in its assumptions
        .map_init(
            || prepared.site.clone(),
            |site, &i| {
                if cancel.load(Ordering::Relaxed) {
                    return Err(McError::Cancelled);
                }
                site.assumptions = prepared
                    .assumptions_of_vector(&draw(prepared, config.seed, i))
                    .map_err(McError::Input)?;
                let sample = sample_of(&evaluate(site));
                done.fetch_add(1, Ordering::Relaxed);
                Ok((i, sample))
            },
        )
        .collect::<Result<Vec<(usize, Sample)>, McError>>()?;
    // back in sample order (the percentiles sort each figure anyway; shares count)
    samples.sort_unstable_by_key(|(i, _)| *i);
    let samples: Vec<Sample> = samples.into_iter().map(|(_, s)| s).collect();
    let currency = prepared.site.currency;
    let n = samples.len() as f64;
    let column = |f: &dyn Fn(&Sample) -> f64| -> Vec<f64> {
        let mut values: Vec<f64> = samples.iter().map(f).collect();
        values.sort_by(f64::total_cmp);
        values
    };
    let options = PerOption::from_fn(|option| {
        let i = option.index();
        let npv = column(&|s| s.npv[i]);
        let payback = column(&|s| s.payback[i]);
        let pue = column(&|s| s.pue[i]);
        let share =
            |f: &dyn Fn(&Sample) -> bool| samples.iter().filter(|s| f(s)).count() as f64 / n;
        OptionStats {
            option,
            applies: samples.iter().any(|s| s.applies[i]),
            npv: spread(&npv, |v| Money::new(v, currency)),
            payback_years: spread(&payback, |v| v.is_finite().then_some(v)),
            pue: spread(&pue, |v| v),
            probability_best: share(&|s| s.best == Some(option)),
            probability_feasible: share(&|s| s.feasible[i]),
        }
    });
    Ok(MonteCarlo {
        samples: samples.len(),
        seed: config.seed,
        options,
        plan_npv: spread(&column(&|s| s.plan_npv), |v| Money::new(v, currency)),
        plan_payback_years: spread(&column(&|s| s.plan_payback), |v| v.is_finite().then_some(v)),
        probability_none_feasible: samples.iter().filter(|s| s.best.is_none()).count() as f64 / n,
    })
}

/// The samples' indices in the order they run: those that draw the same whole-number inputs
/// (the horizon) together, each such run in sample order. An evaluator keeps data per horizon
/// (cost bases, captures of linear costs, `super::linear`): samples of one horizon in a row
/// find theirs in the processor's cache. No result depends on the order: each sample is
/// evaluated on its own, and they are put back in sample order. The draws are not kept (a
/// sample draws them again, from its own stream): a million samples order in 16 MB.
fn run_order(prepared: &Prepared, config: Config) -> Vec<usize> {
    let whole: Vec<usize> = (prepared.inputs.iter().enumerate())
        .filter(|(_, input)| input.integer)
        .map(|(k, _)| k)
        .collect();
    let mut order: Vec<usize> = (0..config.samples).collect();
    if whole.is_empty() {
        return order;
    }
    let width = whole.len();
    let keys: Vec<u64> = (0..config.samples)
        .flat_map(|i| {
            let values = draw(prepared, config.seed, i);
            whole
                .iter()
                .map(move |&k| values[k].to_bits())
                .collect::<Vec<_>>()
        })
        .collect();
    let key = |i: usize| keys.get(i * width..(i + 1) * width).unwrap_or(&[]);
    // a stable sort: each run keeps sample order
    order.sort_by(|a, b| key(*a).cmp(key(*b)));
    order
}

fn spread<T>(sorted: &[f64], to: impl Fn(f64) -> T) -> Spread<T> {
    Spread {
        p10: to(percentile(sorted, 0.10)),
        p50: to(percentile(sorted, 0.50)),
        p90: to(percentile(sorted, 0.90)),
    }
}

/// Percentile `p` ∈ [0, 1] of ascending `sorted` values (type 7: h = (n − 1)p, linear
/// between neighbours; an infinite neighbour gives infinity). NaN for an empty slice.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    let Some(last) = sorted.len().checked_sub(1) else {
        return f64::NAN;
    };
    let h = last as f64 * p.clamp(0.0, 1.0);
    let below = h.floor() as usize;
    let above = (below + 1).min(last);
    let (a, b) = (sorted[below], sorted[above]);
    if a == b || h == below as f64 {
        return a;
    }
    if !a.is_finite() || !b.is_finite() {
        return b;
    }
    a + (h - below as f64) * (b - a)
}

#[cfg(test)]
mod tests {
    use super::percentile;

    #[test]
    fn percentiles_interpolate_like_percentile_inc() {
        let values = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0];
        // h = 9 × 0.1 = 0.9 → 1 + 0.9 × (2 − 1) = 1.9; median h = 4.5 → 5.5; P90 h = 8.1 → 9.1
        assert!((percentile(&values, 0.1) - 1.9).abs() < 1e-12);
        assert!((percentile(&values, 0.5) - 5.5).abs() < 1e-12);
        assert!((percentile(&values, 0.9) - 9.1).abs() < 1e-12);
        // P90 of [1, 2, ∞]: h = 1.8, between 2 and ∞ → ∞ (beyond the horizon)
        assert_eq!(percentile(&[1.0, 2.0, f64::INFINITY], 0.9), f64::INFINITY);
    }
}

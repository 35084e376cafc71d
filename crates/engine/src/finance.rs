//! Finance kernels: NPV, simple and discounted payback, IRR, over yearly cash flows.
//!
//! Owns: the arithmetic of valuing a series of yearly amounts (index t = 0..=horizon, amount in
//! the site's currency as plain f64). Never touches: currencies (the caller keeps one), the
//! model, files or the clock.
//!
//! Conventions: flow t is valued at the end of year t (t = 0 is "now"), discounted by
//! (1 + rate)^t. Paybacks interpolate linearly inside the year in which the cumulative savings
//! turn non-negative for the last time, so 3.4 means four-tenths into year 4.

/// Net present value of `flows` at `rate`: Σ flow_t / (1 + rate)^t.
pub fn npv(flows: &[f64], rate: f64) -> f64 {
    let growth = 1.0 + rate;
    let mut factor = 1.0;
    let mut sum = 0.0;
    for flow in flows {
        sum += flow / factor;
        factor *= growth;
    }
    sum
}

/// Discount factors (1 + rate)^t of years 0..years, built as [`npv`] builds them.
pub fn discount_factors(rate: f64, years: usize) -> Vec<f64> {
    let growth = 1.0 + rate;
    let mut factor = 1.0;
    (0..years)
        .map(|_| {
            let this = factor;
            factor *= growth;
            this
        })
        .collect()
}

/// [`npv`] with its factors computed beforehand ([`discount_factors`], at least as many as
/// `flows`): the same sum, to the bit, without a multiplication chain per call.
pub fn npv_with(flows: &[f64], factors: &[f64]) -> f64 {
    npv_of(flows.iter().copied(), factors)
}

/// [`npv_with`] of flows as they are computed, without storing them (the NPV of
/// [`npv_and_payback`] without its payback).
pub fn npv_of(flows: impl IntoIterator<Item = f64>, factors: &[f64]) -> f64 {
    let mut sum = 0.0;
    for (flow, factor) in flows.into_iter().zip(factors) {
        sum += flow / factor;
    }
    sum
}

/// [`npv_with`] and [`payback_years`] of the same `flows` in one pass, without storing them:
/// each figure takes the same operations on the same values in the same order, so both have
/// the bits of the separate calls.
pub fn npv_and_payback(
    flows: impl IntoIterator<Item = f64>,
    factors: &[f64],
) -> (f64, Option<f64>) {
    let mut sum = 0.0;
    let mut cumulative = 0.0;
    let mut crossing = Some(0.0);
    for (t, flow) in flows.into_iter().enumerate() {
        if let Some(factor) = factors.get(t) {
            sum += flow / factor;
        }
        let before = cumulative;
        cumulative += flow;
        if cumulative < 0.0 {
            crossing = None;
        } else if crossing.is_none() {
            crossing = Some(t as f64 - 1.0 + -before / flow);
        }
    }
    (sum, crossing.map(|years: f64| years.max(0.0)))
}

/// Each flow discounted to year 0.
pub fn discounted(flows: &[f64], rate: f64) -> Vec<f64> {
    let growth = 1.0 + rate;
    let mut factor = 1.0;
    flows
        .iter()
        .map(|flow| {
            let value = flow / factor;
            factor *= growth;
            value
        })
        .collect()
}

/// Years until the cumulative sum of `flows` is non-negative and stays so to the horizon.
///
/// `Some(0.0)` when it never goes negative (nothing to repay); `None` when it is still
/// negative at the horizon. Inside a year the flow is taken as spread evenly, so the crossing
/// is interpolated: t − 1 + (−cumulative_{t−1}) / flow_t.
pub fn payback_years(flows: &[f64]) -> Option<f64> {
    let mut cumulative = 0.0;
    let mut crossing = Some(0.0);
    for (t, &flow) in flows.iter().enumerate() {
        let before = cumulative;
        cumulative += flow;
        if cumulative < 0.0 {
            crossing = None;
        } else if crossing.is_none() {
            // before < 0 ≤ cumulative, so flow > 0 and the fraction lies in (0, 1]
            let fraction = -before / flow;
            crossing = Some(t as f64 - 1.0 + fraction);
        }
    }
    crossing.map(|years| years.max(0.0))
}

/// Payback of the flows discounted at `rate`.
pub fn discounted_payback_years(flows: &[f64], rate: f64) -> Option<f64> {
    payback_years(&discounted(flows, rate))
}

/// Internal rate of return: the rate where the NPV of `flows` is zero.
///
/// Scans rates from −99 % to +1,000 % for the first sign change of the NPV and bisects it to
/// 1e-10. `None` when the NPV never changes sign there (all flows one sign, no investment, or
/// no return), which is when the IRR is undefined.
pub fn irr(flows: &[f64]) -> Option<f64> {
    let has_negative = flows.iter().any(|f| *f < 0.0);
    let has_positive = flows.iter().any(|f| *f > 0.0);
    if !(has_negative && has_positive) {
        return None;
    }
    if sign_changes(flows) == 1
        && let Some(rate) = irr_single_root(flows)
    {
        return Some(rate);
    }
    irr_by_scan(flows)
}

/// The first sign change of the NPV over the rate grid, bisected: works for any flows, and is
/// the reference the single-root search is tested against.
fn irr_by_scan(flows: &[f64]) -> Option<f64> {
    let mut previous: Option<(f64, f64)> = None;
    for rate in rate_grid() {
        let value = npv(flows, rate);
        if !value.is_finite() {
            previous = None;
            continue;
        }
        if value == 0.0 {
            return Some(rate);
        }
        if let Some((low_rate, low_value)) = previous
            && low_value.signum() != value.signum()
        {
            return Some(bisect(flows, low_rate, rate, low_value));
        }
        previous = Some((rate, value));
    }
    None
}

/// Rates from −0.99 to 10: fine steps near zero, coarser above.
fn rate_grid() -> impl Iterator<Item = f64> {
    (0..RATE_GRID_LEN).map(grid_rate)
}

/// Points of [`rate_grid`]: 200 fine (−0.99..=1.00 by 0.01), 180 coarse (1.05..=10 by 0.05).
const RATE_GRID_LEN: usize = 380;

/// The `k`-th rate of [`rate_grid`].
fn grid_rate(k: usize) -> f64 {
    if k < 200 {
        (k as f64 - 99.0) / 100.0
    } else {
        (k as f64 - 200.0 + 21.0) / 20.0
    }
}

/// Sign changes in the sequence of non-zero flows.
fn sign_changes(flows: &[f64]) -> usize {
    let mut signs = flows
        .iter()
        .filter(|f| **f != 0.0)
        .map(|f| f.is_sign_positive());
    let Some(mut last) = signs.next() else {
        return 0;
    };
    signs
        .filter(|&positive| {
            let changed = positive != last;
            last = positive;
            changed
        })
        .count()
}

/// The IRR when the flows change sign once: the same answer as the scan in [`irr`] with
/// ~9 NPVs instead of up to 380. By Descartes' rule of signs, Σ flow_t·x^t with one sign
/// change has exactly one positive root x = 1/(1 + rate), so the NPV changes sign exactly
/// once for rate > −1 and "has the NPV crossed yet" is monotone along the grid: a binary
/// search finds the scan's first bracketing pair. `None` (use the scan) if an NPV on the way
/// is not finite.
fn irr_single_root(flows: &[f64]) -> Option<f64> {
    let npv_at = |k: usize| Some(npv(flows, grid_rate(k))).filter(|v| v.is_finite());
    let first = npv_at(0)?;
    if first == 0.0 {
        return Some(grid_rate(0));
    }
    let crossed = |value: f64| value == 0.0 || value.signum() != first.signum();
    // Invariant: grid point `low` has not crossed; `high` has (or is past the grid).
    let (mut low, mut high) = (0, RATE_GRID_LEN);
    while high - low > 1 {
        let mid = (low + high) / 2;
        if crossed(npv_at(mid)?) {
            high = mid;
        } else {
            low = mid;
        }
    }
    if high == RATE_GRID_LEN {
        return None;
    }
    let value = npv_at(high)?;
    if value == 0.0 {
        return Some(grid_rate(high));
    }
    let low_value = npv_at(low)?;
    Some(bisect(flows, grid_rate(low), grid_rate(high), low_value))
}

fn bisect(flows: &[f64], mut low: f64, mut high: f64, mut low_value: f64) -> f64 {
    for _ in 0..200 {
        let mid = 0.5 * (low + high);
        let mid_value = npv(flows, mid);
        if mid_value == 0.0 || (high - low) < 1e-12 {
            return mid;
        }
        if mid_value.signum() == low_value.signum() {
            low = mid;
            low_value = mid_value;
        } else {
            high = mid;
        }
    }
    0.5 * (low + high)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cash flows of mixed sign and size, a zero and a tiny one.
    const FLOWS: [f64; 7] = [
        -1_234_567.5,
        98_765.25,
        0.0,
        250_000.125,
        -3.5,
        777_777.7,
        1e-3,
    ];

    #[test]
    fn npv_with_precomputed_factors_is_npv_to_the_bit() {
        let flows = FLOWS;
        for rate in [0.0, 0.03, 0.08, 0.125, 0.37] {
            let factors = discount_factors(rate, flows.len());
            assert_eq!(factors[0], 1.0);
            // (1 + 0.08)^2 = 1.1664
            if rate == 0.08 {
                assert!((factors[2] - 1.1664).abs() < 1e-12);
            }
            for n in 0..=flows.len() {
                let flows = &flows[..n];
                assert_eq!(
                    npv_with(flows, &factors).to_bits(),
                    npv(flows, rate).to_bits()
                );
            }
        }
    }

    #[test]
    fn one_pass_npv_and_payback_have_the_bits_of_the_separate_calls() {
        // -100 then 30, 30, 50: cumulative -100, -70, -40, 10, so payback 2 + 40/50 = 2.8
        let (npv, payback) = npv_and_payback([-100.0, 30.0, 30.0, 50.0], &[1.0; 4]);
        assert_eq!((npv, payback), (10.0, Some(2.8)));
        let flows = FLOWS;
        for rate in [0.0, 0.03, 0.08, 0.37] {
            let factors = discount_factors(rate, flows.len());
            for start in 0..flows.len() {
                for end in start..=flows.len() {
                    let flows = &flows[start..end];
                    let (npv, payback) = npv_and_payback(flows.iter().copied(), &factors);
                    assert_eq!(npv.to_bits(), npv_with(flows, &factors).to_bits());
                    assert_eq!(
                        payback.map(f64::to_bits),
                        payback_years(flows).map(f64::to_bits)
                    );
                }
            }
        }
    }

    #[test]
    fn npv_at_zero_rate_is_the_sum() {
        assert_eq!(npv(&[-100.0, 30.0, 30.0, 50.0], 0.0), 10.0);
    }

    #[test]
    fn payback_is_zero_when_nothing_is_owed() {
        assert_eq!(payback_years(&[0.0, 5.0, 5.0]), Some(0.0));
    }

    #[test]
    fn payback_counts_the_last_crossing() {
        // cumulative: −10, 0, −10, 10 → negative again in year 2, repaid halfway through year 3
        assert_eq!(payback_years(&[-10.0, 10.0, -10.0, 20.0]), Some(2.5));
    }

    #[test]
    fn the_grid_is_the_fine_then_the_coarse_steps() {
        let fine: Vec<f64> = (-99..=100).map(|i| i as f64 / 100.0).collect();
        let coarse: Vec<f64> = (21..=200).map(|i| i as f64 / 20.0).collect();
        assert_eq!(rate_grid().collect::<Vec<_>>(), [fine, coarse].concat());
    }

    #[test]
    fn the_single_root_search_gives_exactly_the_scans_answer() {
        // Investments repaid fast, slowly, never; roots on grid points (−50 %, 0 %, 100 %);
        // beyond the grid; leading zeros; a late investment.
        let cases: &[&[f64]] = &[
            &[-100.0, 30.0, 30.0, 50.0],
            &[
                -1000.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0,
            ],
            &[-1000.0, 1.0, 1.0],
            &[-100.0, 50.0],
            &[-100.0, 100.0],
            &[-100.0, 200.0],
            &[-1.0, 1.0e6],
            &[-1.0e9, 1.0],
            &[0.0, 0.0, -50.0, 0.0, 20.0, 20.0, 20.0],
            &[100.0, -30.0, -30.0, -50.0],
            &[
                -5.0e7, 1.2e7, 1.3e7, 1.4e7, 1.5e7, 1.5e7, 1.5e7, 1.5e7, 1.5e7, 1.5e7, 1.5e7,
            ],
        ];
        for flows in cases {
            assert_eq!(sign_changes(flows), 1, "{flows:?}");
            assert_eq!(irr(flows), irr_by_scan(flows), "{flows:?}");
        }
        // 50 % exactly: −100 + 150/1.5 = 0 at a grid point.
        assert_eq!(irr(&[-100.0, 150.0]), Some(0.5));
    }

    #[test]
    fn flows_with_several_sign_changes_still_use_the_scan() {
        let flows = [-100.0, 230.0, -132.0];
        assert_eq!(sign_changes(&flows), 2);
        assert_eq!(irr(&flows), irr_by_scan(&flows));
    }

    #[test]
    fn irr_is_none_without_a_sign_change() {
        assert_eq!(irr(&[10.0, 5.0]), None);
        assert_eq!(irr(&[-10.0, -5.0]), None);
        assert_eq!(irr(&[0.0, 0.0]), None);
    }
}

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
    let grid = rate_grid();
    let mut previous: Option<(f64, f64)> = None;
    for rate in grid {
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
    let fine = (-99..=100).map(|i| i as f64 / 100.0);
    let coarse = (21..=200).map(|i| i as f64 / 20.0);
    fine.chain(coarse)
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
    fn irr_is_none_without_a_sign_change() {
        assert_eq!(irr(&[10.0, 5.0]), None);
        assert_eq!(irr(&[-10.0, -5.0]), None);
        assert_eq!(irr(&[0.0, 0.0]), None);
    }
}

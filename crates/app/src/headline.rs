//! The site's answer in a few figures, for the header: the decision (which option each rack
//! group takes), its CAPEX, NPV against air, simple and discounted payback, and PUE before
//! (every group on air, as today) and after.
//!
//! Owns: picking those figures out of the live results: the decision is the recommended plan
//! (an option per rack group within each hall's limits, `engine::plan`), with its own totals.
//! Never touches: drawing, wording.

use coolplan_engine::per_option::OPTION_COUNT;
use coolplan_engine::{CoolingOption, Overview};
use coolplan_units::Money;

/// The answer of a site.
#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    /// Rack groups per option the plan puts them on (options with groups only).
    pub split: Vec<(CoolingOption, usize)>,
    /// The option every group takes, when they all take the same.
    pub uniform: Option<CoolingOption>,
    pub groups: usize,
    pub capex: Money,
    pub npv_vs_air: Money,
    /// Simple and discounted payback of the plan (each `None`: not within the horizon).
    pub payback: (Option<f64>, Option<f64>),
    /// PUE with every group on air (today) and with the plan.
    pub pue_before: f64,
    pub pue_after: f64,
}

impl Headline {
    /// The headline of `results`; `None` when the plan finds no option for some rack group.
    pub fn of(results: &Overview) -> Option<Headline> {
        let plan = &results.plan;
        let mut counts = [0usize; OPTION_COUNT];
        for group in &plan.groups {
            counts[group.option?.index()] += 1;
        }
        let split: Vec<(CoolingOption, usize)> = CoolingOption::ALL
            .into_iter()
            .map(|o| (o, counts[o.index()]))
            .filter(|(_, n)| *n > 0)
            .collect();
        let t = &plan.totals;
        Some(Headline {
            split,
            uniform: plan.uniform,
            groups: plan.groups.len(),
            capex: t.capex,
            npv_vs_air: t.npv_vs_air,
            payback: (t.simple_payback_years, t.discounted_payback_years),
            pue_before: t.pue_air,
            pue_after: t.pue,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::sample::small_site;

    #[test]
    fn a_mixed_decision_has_the_plan_figures_and_counts_each_option() {
        let site = small_site();
        let analysis = analyse(&site, None);
        let results = analysis.results.as_ref().expect("results");
        let headline = Headline::of(results).expect("every ai-hall group has an option");
        // ai-hall: the nine groups that run on air today stay there (converting them saves
        // less than it costs once the plant's fixed parts stay and the dry coolers need a trim
        // chiller, method.md §7); the three new groups air cannot cool (B200 ×2, NVL72) go to
        // cold plate.
        use CoolingOption::*;
        assert_eq!(headline.split, [(Air, 9), (ColdPlate, 3)]);
        assert_eq!(headline.uniform, None);
        assert_eq!(headline.groups, site.rack_group_count());
        let t = &results.plan.totals;
        assert_eq!(headline.capex, t.capex);
        assert_eq!(headline.npv_vs_air, t.npv_vs_air);
        assert_eq!(
            headline.payback,
            (t.simple_payback_years, t.discounted_payback_years)
        );
        assert!(headline.pue_after < headline.pue_before);
    }

    #[test]
    fn a_uniform_decision_has_its_options_paybacks() {
        let mut site = small_site();
        // Only the B200 groups (cold plate on their own): one option for every group.
        for hall in &mut site.halls {
            hall.racks.retain(|r| r.name.starts_with("B200"));
        }
        let analysis = analyse(&site, None);
        let results = analysis.results.as_ref().expect("results");
        let headline = Headline::of(results).expect("an option for every group");
        assert_eq!(headline.uniform, Some(CoolingOption::ColdPlate));
        let cost = &results.site.option(CoolingOption::ColdPlate).cost;
        assert_eq!(
            headline.payback,
            (cost.simple_payback_years, cost.discounted_payback_years)
        );
        assert_eq!(headline.capex, cost.capex);
    }
}

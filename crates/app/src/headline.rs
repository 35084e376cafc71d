//! The site's answer in a few figures, for the header: the decision (which option each rack
//! group takes), its CAPEX, NPV against air, simple and discounted payback, and PUE before
//! (every group on air, as today) and after.
//!
//! Owns: picking those figures out of the live results: the decision is the mixed plan (each
//! rack group on its own recommended option). A plan of one option for every group has that
//! option's figures in full; a mixed one has no payback of its own in the results (shown as
//! not available). Never touches: drawing, wording.

use coolplan_engine::{CoolingOption, Overview};
use coolplan_units::Money;

/// The answer of a site.
#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    /// Rack groups per option the decision puts them on (options with groups only).
    pub split: Vec<(CoolingOption, usize)>,
    /// The option every group takes, when they all take the same.
    pub uniform: Option<CoolingOption>,
    pub groups: usize,
    pub capex: Money,
    pub npv_vs_air: Money,
    /// Simple and discounted payback (each `None`: not within the horizon); `None` when the
    /// results give no payback of this decision.
    pub payback: Option<(Option<f64>, Option<f64>)>,
    /// PUE with every group on air (today) and with the decision.
    pub pue_before: f64,
    pub pue_after: f64,
}

impl Headline {
    /// The headline of `results`; `None` when some rack group has no option that suits it.
    pub fn of(results: &Overview) -> Option<Headline> {
        let plan = &results.mixed_plan;
        let mut counts = [0usize; 3];
        for choice in &plan.choices {
            counts[choice.as_ref()?.index()] += 1;
        }
        let split: Vec<(CoolingOption, usize)> = CoolingOption::ALL
            .into_iter()
            .map(|o| (o, counts[o.index()]))
            .filter(|(_, n)| *n > 0)
            .collect();
        let uniform = match split.as_slice() {
            [(option, _)] => Some(*option),
            _ => None,
        };
        let site = &results.site;
        let pue_before = site.option(CoolingOption::Air).energy.pue;
        let headline = match uniform {
            Some(option) => {
                let chosen = &site.option(option).cost;
                Headline {
                    capex: chosen.capex,
                    npv_vs_air: chosen.npv_vs_air,
                    payback: Some((chosen.simple_payback_years, chosen.discounted_payback_years)),
                    pue_after: site.option(option).energy.pue,
                    ..Headline::mixed(results, split, pue_before)
                }
            }
            None => Headline::mixed(results, split, pue_before),
        };
        Some(Headline {
            uniform,
            ..headline
        })
    }

    fn mixed(results: &Overview, split: Vec<(CoolingOption, usize)>, pue_before: f64) -> Self {
        let plan = &results.mixed_plan;
        Headline {
            groups: plan.choices.len(),
            split,
            uniform: None,
            capex: plan.capex,
            npv_vs_air: plan.npv_vs_air,
            payback: None,
            pue_before,
            pue_after: plan.pue,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::sample::small_site;

    #[test]
    fn a_mixed_decision_has_the_mixed_plan_figures_and_counts_each_option() {
        let site = small_site();
        let analysis = analyse(&site, None);
        let results = analysis.results.as_ref().expect("results");
        let headline = Headline::of(results).expect("every ai-hall group has an option");
        // ai-hall: the four CPU and storage groups and the Ascend group stay on air, the seven
        // others (H100 ×2, B200 ×2, A100, H20, NVL72) go to cold plate.
        use CoolingOption::*;
        assert_eq!(headline.split, [(Air, 5), (ColdPlate, 7)]);
        assert_eq!(headline.uniform, None);
        assert_eq!(headline.groups, site.rack_group_count());
        assert_eq!(headline.capex, results.mixed_plan.capex);
        assert_eq!(headline.npv_vs_air, results.mixed_plan.npv_vs_air);
        assert_eq!(headline.payback, None);
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
            Some((cost.simple_payback_years, cost.discounted_payback_years))
        );
        assert_eq!(headline.capex, cost.capex);
    }
}

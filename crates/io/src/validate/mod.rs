//! Validation of a parsed site: every rule, all problems collected (never the first only),
//! each with a path to the value. Pure: a function of the site and the shipped catalog.

mod assumptions;
mod checker;
mod compliance;
mod life;
mod models;
mod numbers;
mod rules;

use crate::problem::Problem;
use coolplan_model::{ServerModel, Site};

/// Every problem of `site`, errors and warnings, in file order.
pub fn validate(site: &Site) -> Vec<Problem> {
    let mut checker = checker::Checker::default();
    rules::site(&mut checker, site);
    for problem in coolplan_model::uncertainty::prepare::validate(site) {
        let seg = crate::problem::Seg::Item("uncertainty", problem.index());
        checker.at(seg, |c| {
            c.report(crate::problem::Kind::Uncertainty(problem))
        });
    }
    checker.into_problems()
}

/// Every problem of a list of catalog models read on their own (a catalog CSV, the shipped
/// catalog): each model's rules, ids used once, no alias naming two models.
pub fn validate_models(models: &[ServerModel]) -> Vec<Problem> {
    let mut checker = checker::Checker::default();
    models::model_list(&mut checker, models);
    checker.into_problems()
}

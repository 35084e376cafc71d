//! The `kpis` and `compliance` fields of the JSON report: ISO/IEC 30134 KPIs per scope,
//! option and plan year, and the site's rule verdicts (`docs/report-json.md`).

use serde::Serialize;

use crate::json::ByOption;
use coolplan_engine::compliance::{
    self, Column, ComplianceResults, ComplyBy, NotAssessed, Verdict,
};
use coolplan_engine::kpi::{ScopeYears, YearFigures};
use coolplan_engine::plan::comply::ComplyPlan;
use coolplan_engine::surcharge::Surcharge;
use coolplan_engine::{Results, ScopeResult};
use coolplan_model::Site;
use coolplan_model::compliance::RuleBook;
use coolplan_model::compliance::rules::Limit;
use coolplan_words::Lang;
use uom::si::energy::megawatt_hour;
use uom::si::mass_per_energy::kilogram_per_joule;
use uom::si::power::kilowatt;

fn num(value: f64) -> Option<f64> {
    value.is_finite().then_some(value)
}

#[derive(Serialize)]
pub struct KpisDoc<'a> {
    pub years: &'a [u16],
    pub site: Option<ScopeKpiDoc<'a>>,
    pub halls: Vec<ScopeKpiDoc<'a>>,
}

#[derive(Serialize)]
pub struct ScopeKpiDoc<'a> {
    pub name: &'a str,
    /// One series per option that applies in the scope, keyed `air`, `cold_plate`, …
    #[serde(flatten)]
    pub options: ByOption<Vec<YearDoc>>,
    pub plan: Vec<YearDoc>,
}

#[derive(Serialize)]
pub struct YearDoc {
    pub year: u16,
    pub it_energy_mwh: Option<f64>,
    pub total_energy_mwh: Option<f64>,
    pub reused_heat_mwh: Option<f64>,
    pub heat_revenue: Option<f64>,
    pub pue: Option<f64>,
    pub pue_without_heat_export: Option<f64>,
    pub ppue_cooling: Option<f64>,
    pub wue_l_per_kwh: Option<f64>,
    pub cue_kg_per_kwh: Option<f64>,
    pub erf: Option<f64>,
    #[serde(rename = "ref")]
    pub ref_: Option<f64>,
}

fn year(f: &YearFigures) -> YearDoc {
    let k = &f.kpis;
    YearDoc {
        year: f.year,
        it_energy_mwh: num(f.it_energy.get::<megawatt_hour>()),
        total_energy_mwh: num(f.total_energy.get::<megawatt_hour>()),
        reused_heat_mwh: num(f.reused_heat.get::<megawatt_hour>()),
        heat_revenue: num(f.heat_revenue.amount),
        pue: num(k.pue),
        pue_without_heat_export: num(k.pue_without_heat_export),
        ppue_cooling: num(k.ppue_cooling),
        wue_l_per_kwh: num(k.wue.l_per_kwh()),
        cue_kg_per_kwh: num(k.cue.get::<kilogram_per_joule>() * 3.6e6),
        erf: num(k.erf),
        ref_: num(k.ref_),
    }
}

/// The KPI series of `s`, whose results are `result`.
fn scope<'a>(s: &'a ScopeYears, result: &ScopeResult) -> ScopeKpiDoc<'a> {
    let years = |v: &[YearFigures]| v.iter().map(year).collect();
    ScopeKpiDoc {
        name: &s.name,
        options: ByOption::shown(result, |o| years(&s.options[o.index()])),
        plan: years(&s.plan),
    }
}

pub fn kpis(results: &Results) -> KpisDoc<'_> {
    let k = &results.kpis;
    KpisDoc {
        years: &k.years,
        site: k.site.as_ref().map(|s| scope(s, &results.site)),
        halls: (k.halls.iter())
            .zip(&results.halls)
            .map(|(s, hall)| scope(s, hall))
            .collect(),
    }
}

#[derive(Serialize)]
pub struct ComplianceDoc {
    /// `null` when assessed, else `no_profile` or `unknown_region`.
    pub not_assessed: Option<&'static str>,
    pub it_power_kw: Option<f64>,
    pub connected_load_kw: Option<f64>,
    pub annual_energy_mwh: Option<f64>,
    pub rules: Vec<RuleDoc>,
    /// One column per option that applies on the site, keyed `air`, `cold_plate`, …
    #[serde(flatten)]
    pub options: ByOption<Option<ColumnDoc>>,
    pub plan: Option<ColumnDoc>,
    /// What `comply_by` did to the plan (`null` without it).
    pub plan_constraint: Option<ConstraintDoc>,
    /// Surcharges in the site's cash flows.
    pub surcharges: Vec<SurchargeDoc>,
}

#[derive(Serialize)]
pub struct ConstraintDoc {
    pub comply_by: u16,
    /// `met`, `changed` or `unreachable`.
    pub outcome: &'static str,
    /// Groups on another option than in the plan of best NPV (`changed`).
    pub moved_groups: Option<usize>,
    /// NPV given up to comply (`changed`).
    pub npv_forgone: Option<f64>,
    /// Rules no plan found meets (`unreachable`).
    pub shortfalls: Vec<ShortfallDoc>,
    /// The outcome in words, one line per fact.
    pub text: Vec<String>,
}

#[derive(Serialize)]
pub struct ShortfallDoc {
    pub id: String,
    pub year: u16,
    pub best: Option<f64>,
    pub planned: Option<f64>,
    pub threshold: Option<f64>,
}

#[derive(Serialize)]
pub struct SurchargeDoc {
    pub id: String,
    pub limit_pue: f64,
    pub price_per_kwh: f64,
    /// Cost per plan year (`kpis.years`) of each column: each option that applies on the
    /// site (keyed `air`, `cold_plate`, …) and the plan.
    #[serde(flatten)]
    pub options: ByOption<Vec<f64>>,
    pub plan: Vec<f64>,
    pub text: String,
}

fn rule_id(set: usize, rule: usize) -> String {
    RuleBook::builtin()
        .sets
        .get(set)
        .and_then(|s| s.rules.get(rule))
        .map_or_else(String::new, |r| r.id.clone())
}

fn constraint(plan: &ComplyPlan, lang: Lang) -> ConstraintDoc {
    let (outcome, moved_groups, npv_forgone, shortfalls) = match plan {
        ComplyPlan::Met { .. } => ("met", None, None, Vec::new()),
        ComplyPlan::Changed {
            moved, npv_forgone, ..
        } => ("changed", Some(*moved), num(npv_forgone.amount), Vec::new()),
        ComplyPlan::Unreachable { shortfalls, .. } => (
            "unreachable",
            None,
            None,
            shortfalls
                .iter()
                .map(|s| ShortfallDoc {
                    id: rule_id(s.set, s.rule),
                    year: s.year,
                    best: num(s.best),
                    planned: num(s.planned),
                    threshold: s.limit.threshold(),
                })
                .collect(),
        ),
    };
    ConstraintDoc {
        comply_by: plan.year(),
        outcome,
        moved_groups,
        npv_forgone,
        shortfalls,
        text: coolplan_words::compliance::comply_plan(plan, lang),
    }
}

fn surcharge(s: &Surcharge, site: &ScopeResult, lang: Lang) -> SurchargeDoc {
    // plan years only: cash-flow year 0 holds no operation
    let years = |column: Column| s.of(column).iter().skip(1).map(|m| m.amount).collect();
    SurchargeDoc {
        id: rule_id(s.set, s.rule),
        limit_pue: s.limit,
        price_per_kwh: s.per_kwh.amount,
        options: ByOption::shown(site, |o| years(Column::Option(o))),
        plan: years(Column::Plan),
        text: coolplan_words::compliance::surcharge(s, lang),
    }
}

#[derive(Serialize)]
pub struct RuleDoc {
    pub id: String,
    pub set: String,
    pub title: String,
    pub doc_id: String,
    pub url: String,
    pub version: String,
    pub clause: String,
    pub verified: String,
    pub kind: String,
    pub binding: bool,
    pub metric: String,
    /// `at_most`, `below`, `at_least`, `above` or `report`.
    pub limit: &'static str,
    pub threshold: Option<f64>,
    pub first_compliant_year: RuleColumns,
    /// The plan's verdict per plan year.
    pub plan_years: Vec<VerdictDoc>,
}

#[derive(Serialize)]
pub struct RuleColumns {
    /// One year per option that applies on the site, keyed `air`, `cold_plate`, …
    #[serde(flatten)]
    pub options: ByOption<Option<u16>>,
    pub plan: Option<u16>,
}

#[derive(Serialize)]
pub struct VerdictDoc {
    pub year: u16,
    /// `pass`, `fail`, `not_checked` or `report`.
    pub verdict: &'static str,
    pub value: Option<f64>,
    pub margin: Option<f64>,
}

#[derive(Serialize)]
pub struct ColumnDoc {
    pub first_compliant_year: Option<u16>,
    /// Ids of binding rules failing in some plan year.
    pub failing: Vec<String>,
    pub comply_by: Option<u16>,
    pub complies_by: Option<bool>,
    pub failing_from_comply_by: Vec<String>,
}

fn verdict(year: u16, v: Verdict) -> VerdictDoc {
    let (verdict, value, margin) = match v {
        Verdict::Pass { value, margin } => ("pass", num(value), num(margin)),
        Verdict::Fail { value, margin } => ("fail", num(value), num(margin)),
        Verdict::NotChecked => ("not_checked", None, None),
        Verdict::Report => ("report", None, None),
    };
    VerdictDoc {
        year,
        verdict,
        value,
        margin,
    }
}

/// The compliance field of `site` with `results`.
pub fn compliance(site: &Site, results: &Results, lang: Lang) -> ComplianceDoc {
    let mut doc = verdicts(site, results);
    doc.plan_constraint = results
        .compliance
        .comply_by
        .as_ref()
        .map(|p| constraint(p, lang));
    doc.surcharges = results
        .compliance
        .surcharges
        .iter()
        .map(|s| surcharge(s, &results.site, lang))
        .collect();
    doc
}

fn verdicts(site: &Site, results: &Results) -> ComplianceDoc {
    match compliance::check(site, results) {
        Ok(r) => assessed(&r, &results.site),
        Err(gap) => ComplianceDoc {
            not_assessed: Some(match gap {
                NotAssessed::NoProfile => "no_profile",
                NotAssessed::UnknownRegion(_) => "unknown_region",
            }),
            it_power_kw: None,
            connected_load_kw: None,
            annual_energy_mwh: None,
            rules: Vec::new(),
            options: ByOption::shown(&results.site, |_| None),
            plan: None,
            plan_constraint: None,
            surcharges: Vec::new(),
        },
    }
}

fn assessed(r: &ComplianceResults, site: &ScopeResult) -> ComplianceDoc {
    let book = RuleBook::builtin();
    let id = |i: usize| r.rule_of(book, &r.rules[i]).1.id.clone();
    let rules = r
        .rules
        .iter()
        .map(|check| {
            let (set, rule) = r.rule_of(book, check);
            let first = |c: Column| check.column(c).and_then(|c| c.first_compliant_year);
            RuleDoc {
                id: rule.id.clone(),
                set: set.id.clone(),
                title: set.title_en.clone(),
                doc_id: set.source.doc_id.clone(),
                url: set.source.url.clone(),
                version: set.version.to_string(),
                clause: rule.clause.clone(),
                verified: format!("{:?}", rule.verified),
                kind: format!("{:?}", rule.kind),
                binding: check.binding,
                metric: format!("{:?}", rule.metric),
                limit: match rule.limit {
                    Limit::AtMost(_) => "at_most",
                    Limit::Below(_) => "below",
                    Limit::AtLeast(_) => "at_least",
                    Limit::Above(_) => "above",
                    Limit::Report => "report",
                },
                threshold: rule.limit.threshold(),
                first_compliant_year: RuleColumns {
                    options: ByOption::shown(site, |o| first(Column::Option(o))),
                    plan: first(Column::Plan),
                },
                plan_years: check.column(Column::Plan).map_or_else(Vec::new, |c| {
                    r.years
                        .iter()
                        .zip(&c.years)
                        .map(|(&y, &v)| verdict(y, v))
                        .collect()
                }),
            }
        })
        .collect();
    let column = |c: Column| {
        r.column(c).map(|s| {
            let (comply_by, complies_by, failing_from) = match &s.comply_by {
                Some(ComplyBy::Complies { year }) => (Some(*year), Some(true), Vec::new()),
                Some(ComplyBy::Misses { year, failing }) => (
                    Some(*year),
                    Some(false),
                    failing.iter().map(|&i| id(i)).collect(),
                ),
                None => (None, None, Vec::new()),
            };
            ColumnDoc {
                first_compliant_year: s.first_compliant_year,
                failing: s.failing.iter().map(|&i| id(i)).collect(),
                comply_by,
                complies_by,
                failing_from_comply_by: failing_from,
            }
        })
    };
    ComplianceDoc {
        not_assessed: None,
        it_power_kw: num(r.size.it_power.get::<kilowatt>()),
        connected_load_kw: num(r.size.connected_load.get::<kilowatt>()),
        annual_energy_mwh: num(r.size.annual_energy.get::<megawatt_hour>()),
        rules,
        options: ByOption::shown(site, |o| column(Column::Option(o))),
        plan: column(Column::Plan),
        plan_constraint: None,
        surcharges: Vec::new(),
    }
}

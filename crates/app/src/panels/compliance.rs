//! The Compliance view: the site's compliance profile, edited here (region, status,
//! commissioning date, scale, hub node, renewable share, the year the plan must comply by);
//! the rules that apply with the first year each column complies; the plan's verdict and
//! margin year by year; what the `comply_by` constraint did to the plan and the surcharges in
//! the cash flows; the site's KPIs per plan year; the EU reporting export of a year.
//!
//! Owns: drawing these and pushing the profile's edits and the export command. Never touches:
//! verdicts or KPIs (`engine::compliance`, `engine::kpi`), files.

use egui::{Grid, Ui};

use super::{Panel, ViewCtx};
use crate::command::Command;
use crate::edit::Edit;
use crate::kit::{Tracker, UiExt};
use coolplan_engine::Overview;
use coolplan_engine::compliance::{self, Column, ComplianceResults};
use coolplan_io::Seg;
use coolplan_model::compliance::{Compliance, Date, HubNode, RuleBook, Scale, SiteStatus};
use coolplan_words::compliance::{self as words, Comp};
use coolplan_words::compliance_gui::{self as gui_words, CompGui};
use coolplan_words::results::option_name;
use coolplan_words::say::Say;
use coolplan_words::{Lang, Text};

/// UI-local state: the commissioning date as typed, and the year to export.
#[derive(Default)]
pub struct CompliancePanel {
    /// The date field's text and the site revision it was taken from.
    commissioned: (String, u64),
    eed_year: Option<u16>,
}

impl Panel for CompliancePanel {
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
        egui::ScrollArea::vertical()
            .id_salt("compliance_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.profile_ui(ui, ctx, out);
                ui.separator();
                let lang = ctx.lang();
                let Some(results) = ctx.analysis.results.as_ref() else {
                    ui.label(CompGui::NeedsResults.tr(lang));
                    return;
                };
                verdicts_ui(ui, ctx, results);
                ui.separator();
                kpis_ui(ui, results, lang);
                ui.separator();
                self.eed_ui(ui, results, lang, out);
            });
    }
}

impl CompliancePanel {
    fn profile_ui(&mut self, ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
        let lang = ctx.lang();
        ui.heading(CompGui::Profile.tr(lang));
        let Some(current) = ctx.site.compliance.as_ref() else {
            ui.label(CompGui::NoProfile.tr(lang));
            if ui.button(CompGui::AddProfile.tr(lang)).clicked() {
                out.push(edit(Some(new_profile(ctx))));
            }
            return;
        };
        if self.commissioned.1 != ctx.revision {
            let text = current
                .commissioned
                .map_or_else(String::new, |d| d.to_string());
            self.commissioned = (text, ctx.revision);
        }
        let mut profile = current.clone();
        let mut tracker = Tracker::default();
        let at = |field: &'static str| [Seg::Field("compliance"), Seg::Field(field)];
        Grid::new("compliance_profile")
            .num_columns(2)
            .show(ui, |ui| {
                ui.label(CompGui::Region.tr(lang));
                let problem = ctx.problem(&at("region"), crate::field_marks::Depth::Exact);
                ui.checked(problem.as_ref(), false, |ui| {
                    ui.text_edit(&mut profile.region, CompGui::Region.tr(lang), &mut tracker)
                });
                ui.end_row();
                ui.label(CompGui::Status.tr(lang));
                ui.horizontal(|ui| {
                    for status in [SiteStatus::Existing, SiteStatus::New] {
                        let text = gui_words::status(status, lang);
                        tracker.track(&ui.radio_value(&mut profile.status, status, text));
                    }
                });
                ui.end_row();
                ui.label(CompGui::Commissioned.tr(lang));
                self.commissioned_ui(ui, &mut profile, &mut tracker, lang);
                ui.end_row();
                ui.label(CompGui::Scale.tr(lang));
                choice(
                    ui,
                    ("compliance_scale", CompGui::Scale.tr(lang)),
                    &mut profile.scale,
                    &mut tracker,
                    &SCALES,
                    |s| gui_words::scale(s, lang),
                );
                ui.end_row();
                ui.label(CompGui::HubNode.tr(lang));
                choice(
                    ui,
                    ("compliance_hub", CompGui::HubNode.tr(lang)),
                    &mut profile.hub_node,
                    &mut tracker,
                    &HUBS,
                    |h| gui_words::hub(h, lang),
                );
                ui.end_row();
                ui.label(CompGui::Renewable.tr(lang));
                let mut percent = profile.renewable_share * 100.0;
                let response = ui.add(
                    egui::DragValue::new(&mut percent)
                        .range(0.0..=100.0)
                        .suffix(" %")
                        .speed(1.0),
                );
                if tracker.track(&response) {
                    profile.renewable_share = percent / 100.0;
                }
                ui.end_row();
                ui.label(CompGui::ComplyBy.tr(lang));
                comply_by_ui(ui, ctx, &mut profile, &mut tracker, lang);
                ui.end_row();
            });
        if ui.button(CompGui::RemoveProfile.tr(lang)).clicked() {
            out.push(edit(None));
            return;
        }
        tracker.commands(|| Edit::SetCompliance(Some(Box::new(profile))), out);
    }

    /// The date as typed; the profile changes when it parses (or is cleared).
    fn commissioned_ui(
        &mut self,
        ui: &mut Ui,
        profile: &mut Compliance,
        tracker: &mut Tracker,
        lang: Lang,
    ) {
        let mut scratch = Tracker::default();
        let text = &mut self.commissioned.0;
        let parsed = (!text.trim().is_empty()).then(|| Date::parse(text.trim()));
        let bad = matches!(parsed, Some(Err(_)));
        ui.horizontal(|ui| {
            let response = ui.text_edit(text, CompGui::Commissioned.tr(lang), &mut scratch);
            if bad {
                ui.error_label(CompGui::BadDate.tr(lang));
            }
            if response.changed() {
                match (!text.trim().is_empty()).then(|| Date::parse(text.trim())) {
                    None => profile.commissioned = None,
                    Some(Ok(date)) => profile.commissioned = Some(date),
                    Some(Err(_)) => return,
                }
                tracker.track(&response);
            }
        });
    }

    fn eed_ui(&mut self, ui: &mut Ui, results: &Overview, lang: Lang, out: &mut Vec<Command>) {
        ui.heading(CompGui::Eed.tr(lang));
        let years = &results.kpis.years;
        let year = self
            .eed_year
            .filter(|y| years.contains(y))
            .or(years.first().copied());
        ui.horizontal(|ui| {
            ui.label(CompGui::EedYear.tr(lang));
            let shown = year.map_or_else(String::new, |y| y.to_string());
            egui::ComboBox::from_id_salt("eed_year")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for &y in years {
                        if ui
                            .selectable_label(year == Some(y), y.to_string())
                            .clicked()
                        {
                            self.eed_year = Some(y);
                        }
                    }
                })
                .response
                .on_hover_text(CompGui::EedYear.tr(lang));
            if ui.button(CompGui::ExportEed.tr(lang)).clicked() {
                out.push(Command::ExportEed(year, None));
            }
        });
        ui.label(CompGui::EedNote.tr(lang));
    }
}

const SCALES: [Option<Scale>; 5] = [
    None,
    Some(Scale::Small),
    Some(Scale::Medium),
    Some(Scale::Large),
    Some(Scale::Hyperscale),
];
const HUBS: [Option<HubNode>; 3] = [None, Some(HubNode::East), Some(HubNode::West)];

fn edit(profile: Option<Compliance>) -> Command {
    Command::Edit(
        Edit::SetCompliance(profile.map(Box::new)),
        crate::undo::Gesture::Step,
    )
}

/// A profile to start from: an existing site in China, nothing declared.
fn new_profile(ctx: &ViewCtx) -> Compliance {
    ctx.site
        .compliance
        .clone()
        .unwrap_or_else(|| Compliance::declared("CN", SiteStatus::Existing))
}

/// A combo box over `choices`, worded by `name`.
fn choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    (id, label): (&str, &str),
    value: &mut T,
    tracker: &mut Tracker,
    choices: &[T],
    name: impl Fn(T) -> &'static str,
) {
    let before = *value;
    egui::ComboBox::from_id_salt(id)
        .selected_text(name(*value))
        .show_ui(ui, |ui| {
            for &c in choices {
                ui.selectable_value(value, c, name(c));
            }
        })
        .response
        .on_hover_text(label);
    tracker.changed |= *value != before;
}

/// The year the plan must comply by: none, or a year of the study.
fn comply_by_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    profile: &mut Compliance,
    tracker: &mut Tracker,
    lang: Lang,
) {
    let years: Vec<u16> = ctx
        .analysis
        .results
        .as_ref()
        .map(|r| r.kpis.years.clone())
        .unwrap_or_default();
    let mut choices: Vec<Option<u16>> = vec![None];
    choices.extend(years.iter().map(|y| Some(*y)));
    if let Some(current) = profile.comply_by
        && !years.contains(&current)
    {
        choices.push(Some(current));
    }
    let name = |y: Option<u16>| {
        y.map_or_else(
            || CompGui::NoDeadline.tr(lang).to_string(),
            |y| y.to_string(),
        )
    };
    let before = profile.comply_by;
    egui::ComboBox::from_id_salt("comply_by")
        .selected_text(name(profile.comply_by))
        .show_ui(ui, |ui| {
            for c in choices {
                ui.selectable_value(&mut profile.comply_by, c, name(c));
            }
        })
        .response
        .on_hover_text(CompGui::ComplyBy.tr(lang));
    tracker.changed |= profile.comply_by != before;
}

fn column_name(column: Column, lang: Lang) -> String {
    match column {
        Column::Option(o) => option_name(o, lang).to_string(),
        Column::Plan => Comp::PlanColumn.tr(lang).to_string(),
    }
}

/// The rules with each column's first compliant year, the plan year by year, and what the
/// constraint and the surcharges did.
fn verdicts_ui(ui: &mut Ui, ctx: &ViewCtx, results: &Overview) {
    let lang = ctx.lang();
    ui.heading(Comp::RulesHeading.tr(lang));
    let checked = match compliance::check(ctx.site, results) {
        Ok(checked) => checked,
        Err(gap) => {
            ui.label(gap.say(lang));
            return;
        }
    };
    let book = RuleBook::builtin();
    Grid::new("compliance_rules")
        .striped(true)
        .num_columns(3 + Column::shown(&results.site).count())
        .show(ui, |ui| {
            for head in [Comp::Rule, Comp::Kind, Comp::Limit] {
                ui.strong(head.tr(lang));
            }
            for column in Column::shown(&results.site) {
                ui.strong(column_name(column, lang));
            }
            ui.end_row();
            for check in &checked.rules {
                let (_, rule) = checked.rule_of(book, check);
                ui.label(words::rule_title(check.set, check.rule, lang));
                ui.label(words::kind(rule.kind, lang));
                ui.label(words::limit(rule.metric, rule.limit, lang));
                for column in Column::shown(&results.site) {
                    ui.label(words::first_year_cell(check, column, lang));
                }
                ui.end_row();
            }
        });
    plan_years_ui(ui, &checked, lang);
    let mut lines = Vec::new();
    if let Some(outcome) = &results.compliance.comply_by {
        lines.extend(words::comply_plan(outcome, lang));
    }
    lines.extend(
        results
            .compliance
            .surcharges
            .iter()
            .map(|s| words::surcharge(s, lang)),
    );
    for line in lines {
        ui.label(line);
    }
}

fn plan_years_ui(ui: &mut Ui, checked: &ComplianceResults, lang: Lang) {
    let book = RuleBook::builtin();
    let limited: Vec<_> = checked
        .rules
        .iter()
        .filter(|c| checked.rule_of(book, c).1.limit.threshold().is_some())
        .collect();
    if limited.is_empty() {
        return;
    }
    ui.strong(CompGui::PlanVerdict.tr(lang));
    Grid::new("compliance_plan_years")
        .striped(true)
        .num_columns(limited.len() + 1)
        .show(ui, |ui| {
            ui.strong(Comp::Year.tr(lang));
            for check in &limited {
                let rule = checked.rule_of(book, check).1;
                ui.strong(format!(
                    "{} ({})",
                    words::limit(rule.metric, rule.limit, lang),
                    rule.clause
                ));
            }
            ui.end_row();
            for (i, year) in checked.years.iter().enumerate() {
                ui.label(year.to_string());
                for check in &limited {
                    let metric = checked.rule_of(book, check).1.metric;
                    let cell = check
                        .column(Column::Plan)
                        .and_then(|p| p.years.get(i))
                        .map_or_else(|| "—".into(), |v| words::verdict(metric, *v, lang));
                    ui.label(cell);
                }
                ui.end_row();
            }
        });
}

/// The site's KPIs per plan year: PUE of each column, the plan's WUE, ERF and REF.
fn kpis_ui(ui: &mut Ui, results: &Overview, lang: Lang) {
    ui.heading(CompGui::Kpis.tr(lang));
    let Some(site) = results.kpis.site.as_ref() else {
        ui.label(Comp::NoKpis.tr(lang));
        return;
    };
    Grid::new("compliance_kpis")
        .striped(true)
        .num_columns(4 + Column::shown(&results.site).count())
        .show(ui, |ui| {
            ui.strong(Comp::Year.tr(lang));
            for column in Column::shown(&results.site) {
                ui.strong(Comp::PueOf.fmt(lang, &[&column_name(column, lang)]));
            }
            for head in [Comp::Wue, Comp::Erf, Comp::Ref] {
                ui.strong(head.tr(lang));
            }
            ui.end_row();
            for (i, plan) in site.plan.iter().enumerate() {
                ui.label(plan.year.to_string());
                let pue = |series: &[coolplan_engine::kpi::YearFigures]| {
                    series
                        .get(i)
                        .filter(|f| f.it_energy.value > 0.0)
                        .map_or_else(|| "—".to_string(), |f| format!("{:.3}", f.kpis.pue))
                };
                let options = Column::shown(&results.site).filter_map(|c| match c {
                    Column::Option(o) => Some(&site.options[o.index()]),
                    Column::Plan => None,
                });
                for series in options.chain([&site.plan]) {
                    ui.label(pue(series));
                }
                let k = &plan.kpis;
                ui.label(format!("{:.2}", k.wue.l_per_kwh()));
                ui.label(format!("{:.1} %", k.erf * 100.0));
                ui.label(format!("{:.1} %", k.ref_ * 100.0));
                ui.end_row();
            }
        });
}

//! The enabling works of the recommended plan in the app (`docs/method.md` §5.1): a table of
//! the works of the site or of one hall — work, size, CAPEX, lead time, needed from, in
//! service, the rack groups waiting — with each work's reason and energy effect on hover; and
//! the mark of a rack group that waits for a work.

use egui::{Grid, Ui};

use super::ViewCtx;
use coolplan_engine::{Overview, PlannedWork};
use coolplan_units::PowerUnit;
use coolplan_units::format::quantity_trimmed as quantity;
use coolplan_words::Text;
use coolplan_words::results::money;
use coolplan_words::results::plan::work_name;
use coolplan_words::results::works::{self as words, WorkWords};

/// The works of the site's plan (`hall` None) or of one hall's, as a table under a heading;
/// nothing when there are none.
pub(super) fn table(ui: &mut Ui, ctx: &ViewCtx, results: &Overview, hall: Option<usize>) {
    let (lang, units) = (ctx.lang(), ctx.units());
    let works: Vec<(usize, &PlannedWork)> = words::of_plan(results)
        .filter(|(h, _)| hall.is_none_or(|only| only == *h))
        .collect();
    if works.is_empty() {
        return;
    }
    let names = |g: usize| {
        let group = results.racks.get(g)?;
        let rack = ctx.site.halls.get(group.hall)?.racks.get(group.rack)?;
        Some(rack.name.clone())
    };
    ui.add_space(6.0);
    ui.strong(WorkWords::Heading.tr(lang));
    Grid::new(("plan_works", hall))
        .striped(true)
        .num_columns(8)
        .show(ui, |ui| {
            for header in [
                WorkWords::ColHall,
                WorkWords::ColWork,
                WorkWords::ColSize,
                WorkWords::ColCapex,
                WorkWords::ColLead,
                WorkWords::ColNeeded,
                WorkWords::ColInService,
                WorkWords::ColWaiting,
            ] {
                ui.strong(header.tr(lang));
            }
            ui.end_row();
            for (h, work) in works {
                let hall_name = ctx.site.halls.get(h).map_or("", |x| x.name.as_str());
                ui.label(hall_name);
                ui.label(work_name(work.work, lang))
                    .on_hover_text(words::facts(work, &names, lang, units).join("\n"));
                ui.label(quantity::<PowerUnit>(work.size, units));
                ui.label(money(work.capex, lang));
                ui.label(words::lead_weeks(work));
                ui.label(work.needed_from.to_string());
                ui.label(work.in_service.to_string());
                if work.waiting.is_empty() {
                    ui.label("—");
                } else {
                    ui.colored_label(
                        crate::kit::WARNING_COLOUR,
                        words::group_names(&names, &work.waiting, lang),
                    );
                }
                ui.end_row();
            }
        });
}

/// The mark of the rack group at `at` when it waits for an enabling work of its hall:
/// "waits until 2027", the work named on hover; nothing otherwise.
pub(super) fn wait_mark(ui: &mut Ui, ctx: &ViewCtx, at: (usize, usize)) {
    let lang = ctx.lang();
    if let Some(work) = ctx.analysis.waits_for(at) {
        ui.colored_label(
            crate::kit::WARNING_COLOUR,
            WorkWords::WaitShort.fmt(lang, &[&work.in_service]),
        )
        .on_hover_text(words::wait_mark(work, lang));
    }
}

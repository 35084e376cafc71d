//! The uncertainty editor of the Analysis view: the site's uncertain inputs (its
//! `uncertainty` list) with their distributions and bounds; add an input from a picker of the
//! numeric assumptions by name, change its range, remove it.
//!
//! Owns: drawing the list and the edits it asks for. Every change is one
//! [`Edit::SetUncertainty`] of the whole list (so undo and redo cover it), checked first with
//! the rules a site file is loaded with ([`prepare::validate`]): a range the file would refuse
//! stays here as a draft with the file's message beside it, and the site keeps its last valid
//! list. Never touches: the tornado and Monte Carlo (they read the site), sampling arithmetic.

use egui::{Grid, Ui};

use crate::command::Command;
use crate::edit::{CloneProps, Edit};
use crate::kit::{Tracker, UiExt};
use crate::panels::ViewCtx;
use crate::state::Notice;
use coolplan_model::Site;
use coolplan_model::assumptions::{Amount, AssumptionKey, Resolved};
use coolplan_model::uncertainty::prepare::{self, UncertaintyError};
use coolplan_model::uncertainty::{Range, Uncertain};
use coolplan_words::fields::label_with_key;
use coolplan_words::uncertainty_editor::Unc;
use coolplan_words::{Lang, Say, Text};

/// The ± % a new input starts with: a range every numeric assumption takes.
const NEW_INPUT_PERCENT: f64 = 10.0;

/// A changed entry the file's rules refuse, kept until the site changes.
struct Draft {
    /// The site revision it was made on.
    revision: u64,
    index: usize,
    entry: Uncertain,
    problem: String,
}

/// The editor's own state: at most one refused draft, and the add picker's filter.
#[derive(Default)]
pub struct UncertaintyEditor {
    draft: Option<Draft>,
    filter: String,
}

/// What one frame of the list asks for.
enum Change {
    Set(usize, Uncertain),
    Remove(usize),
    Add(AssumptionKey),
}

impl UncertaintyEditor {
    pub fn ui(&mut self, ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
        let lang = ctx.lang();
        let site = ctx.site;
        if self
            .draft
            .as_ref()
            .is_some_and(|d| d.revision != ctx.revision)
        {
            self.draft = None;
        }
        ui.heading(Unc::Heading.tr(lang));
        ui.label(Unc::Hint.tr(lang));
        let resolved = site.assumptions.resolve(site.currency);
        let mut tracker = Tracker::default();
        let mut change = None;
        if site.uncertainty.is_empty() {
            ui.label(Unc::NoInputs.tr(lang));
        } else {
            Grid::new("uncertainty-editor")
                .striped(true)
                .show(ui, |ui| {
                    for key in [Unc::Input, Unc::Now, Unc::Distribution, Unc::Range] {
                        ui.strong(key.tr(lang));
                    }
                    ui.end_row();
                    for (index, stored) in site.uncertainty.iter().enumerate() {
                        let draft = self.draft.as_ref().filter(|d| d.index == index);
                        let shown = draft.map_or(stored, |d| &d.entry);
                        let mut entry = shown.clone();
                        let name = input_name(entry.input, lang);
                        ui.label(&name);
                        ui.label(resolved.describe(entry.input));
                        let base = resolved.amount(entry.input);
                        distribution_ui(ui, (index, &name), &mut entry.range, base.as_ref(), lang);
                        ui.horizontal(|ui| bounds_ui(ui, &mut entry.range, lang, &mut tracker));
                        let remove = ui
                            .button(Unc::Remove.tr(lang))
                            .on_hover_text(Unc::RemoveHint.fmt(lang, &[&name]));
                        if let Some(draft) = draft {
                            ui.error_label(&draft.problem);
                        }
                        ui.end_row();
                        if remove.clicked() {
                            change = Some(Change::Remove(index));
                        } else if entry != *shown {
                            change = Some(Change::Set(index, entry));
                        }
                    }
                });
        }
        if let Some(key) = add_picker(ui, site, &resolved, &mut self.filter, lang) {
            change = Some(Change::Add(key));
        }
        self.apply(change, site, ctx.revision, lang, tracker, out);
    }

    /// Turns the frame's change into an edit when the file's rules take the changed entry;
    /// otherwise keeps it as the draft with the file's message (a refused new input is
    /// reported in a notice). Removing is always taken.
    fn apply(
        &mut self,
        change: Option<Change>,
        site: &Site,
        revision: u64,
        lang: Lang,
        mut tracker: Tracker,
        out: &mut Vec<Command>,
    ) {
        let asked = change.is_some();
        let mut list = site.uncertainty.clone();
        let checked = match change {
            None => None,
            Some(Change::Set(index, entry)) => {
                list[index] = entry;
                Some(index)
            }
            Some(Change::Remove(index)) => {
                list.remove(index);
                None
            }
            Some(Change::Add(input)) => {
                list.push(Uncertain {
                    input,
                    range: Range::Percent(NEW_INPUT_PERCENT),
                });
                Some(list.len() - 1)
            }
        };
        let refused = checked.and_then(|index| {
            let problem = problems_of(site, &list)
                .into_iter()
                .find(|p| p.index() == index)?;
            Some((index, problem.say(lang)))
        });
        tracker.changed = asked && refused.is_none();
        match refused {
            Some((index, problem)) if index < site.uncertainty.len() => {
                self.draft = Some(Draft {
                    revision,
                    index,
                    entry: list[index].clone(),
                    problem,
                });
            }
            Some((_, problem)) => out.push(Command::Notify(Notice {
                text: problem,
                is_error: true,
            })),
            None if tracker.changed => self.draft = None,
            None => {}
        }
        // with nothing taken, this only ends a finished drag or typing
        tracker.commands(|| Edit::SetUncertainty(list), out);
    }
}

/// The problems the file's validation finds in `list` on this site's assumptions.
fn problems_of(site: &Site, list: &[Uncertain]) -> Vec<UncertaintyError> {
    // the rules read the assumptions, the currency and the list: no need to copy the halls
    let mut probe = site.clone_props();
    probe.assumptions = site.assumptions.clone();
    probe.uncertainty = list.to_vec();
    prepare::validate(&probe)
}

/// `Electricity price (electricity)`: the field's name with its key.
fn input_name(key: AssumptionKey, lang: Lang) -> String {
    label_with_key(key.group().name(), key.name(), lang)
}

/// The three kinds of range, in the order the picker lists them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Percent,
    Uniform,
    Triangular,
}

impl Kind {
    const ALL: [Kind; 3] = [Kind::Percent, Kind::Uniform, Kind::Triangular];

    fn of(range: &Range) -> Kind {
        match range {
            Range::Percent(_) => Kind::Percent,
            Range::Uniform { .. } => Kind::Uniform,
            Range::Triangular { .. } => Kind::Triangular,
        }
    }

    fn text(self) -> Unc {
        match self {
            Kind::Percent => Unc::Percent,
            Kind::Uniform => Unc::Uniform,
            Kind::Triangular => Unc::Triangular,
        }
    }
}

/// The distribution picker: another kind picked converts the range, keeping its bounds where
/// it can.
fn distribution_ui(
    ui: &mut Ui,
    (index, name): (usize, &str),
    range: &mut Range,
    base: Option<&Amount>,
    lang: Lang,
) {
    let current = Kind::of(range);
    let mut picked = current;
    egui::ComboBox::from_id_salt(("uncertainty-kind", index))
        .selected_text(current.text().tr(lang))
        .show_ui(ui, |ui| {
            for kind in Kind::ALL {
                ui.selectable_value(&mut picked, kind, kind.text().tr(lang));
            }
        })
        .response
        .accessible_name(Unc::DistributionOf.fmt(lang, &[&name]));
    if picked != current {
        *range = converted(range, picked, base);
    }
}

/// `range` as a range of `kind`: bounds kept, a percentage turned into bounds around the
/// value now (and back into the default percentage), the mode at the value now when it lies
/// between the bounds, else halfway.
fn converted(range: &Range, kind: Kind, base: Option<&Amount>) -> Range {
    let base = base.cloned().unwrap_or_else(|| Amount::plain(0.0));
    let around = |p: f64| {
        let scaled = |f: f64| Amount {
            tag: base.tag.clone(),
            number: base.number * f,
        };
        let (a, b) = (scaled(1.0 - p / 100.0), scaled(1.0 + p / 100.0));
        // a negative value turns the bounds round
        if a.number <= b.number { (a, b) } else { (b, a) }
    };
    let (low, high) = match range {
        Range::Percent(p) => around(*p),
        Range::Uniform { low, high } | Range::Triangular { low, high, .. } => {
            (low.clone(), high.clone())
        }
    };
    match kind {
        Kind::Percent => Range::Percent(NEW_INPUT_PERCENT),
        Kind::Uniform => Range::Uniform { low, high },
        Kind::Triangular => {
            let mode = if base.tag == low.tag && (low.number..=high.number).contains(&base.number) {
                base.clone()
            } else {
                Amount {
                    tag: low.tag.clone(),
                    number: (low.number + high.number) / 2.0,
                }
            };
            Range::Triangular { low, mode, high }
        }
    }
}

/// The numbers of the range, each after its label, with the unit tag of the bounds.
fn bounds_ui(ui: &mut Ui, range: &mut Range, lang: Lang, tracker: &mut Tracker) {
    match range {
        Range::Percent(p) => {
            let label = ui.label(Unc::PlusMinus.tr(lang));
            ui.number_edit(p, 0.0..=99.9, 0.5, Unc::PlusMinus.tr(lang), tracker)
                .labelled_by(label.id);
        }
        Range::Uniform { low, high } => {
            bound_ui(ui, low, Unc::Low, lang, tracker);
            bound_ui(ui, high, Unc::High, lang, tracker);
        }
        Range::Triangular { low, mode, high } => {
            bound_ui(ui, low, Unc::Low, lang, tracker);
            bound_ui(ui, mode, Unc::Mode, lang, tracker);
            bound_ui(ui, high, Unc::High, lang, tracker);
        }
    }
}

fn bound_ui(ui: &mut Ui, bound: &mut Amount, name: Unc, lang: Lang, tracker: &mut Tracker) {
    let label = ui.label(name.tr(lang));
    let speed = (bound.number.abs() * 0.005).max(0.001);
    ui.number_edit(
        &mut bound.number,
        f64::MIN..=f64::MAX,
        speed,
        name.tr(lang),
        tracker,
    )
    .labelled_by(label.id);
    if let Some(tag) = &bound.tag {
        ui.weak(tag.as_str());
    }
}

/// The picker of numeric assumptions not listed yet, by name, narrowed by a filter on the
/// name or the key; the one picked, if any.
fn add_picker(
    ui: &mut Ui,
    site: &Site,
    resolved: &Resolved,
    filter: &mut String,
    lang: Lang,
) -> Option<AssumptionKey> {
    let mut picked = None;
    ui.horizontal(|ui| {
        let needle = filter.trim().to_lowercase();
        let free: Vec<(AssumptionKey, String)> = AssumptionKey::all()
            .filter(|key| {
                resolved.amount(*key).is_some() && !site.uncertainty.iter().any(|u| u.input == *key)
            })
            .map(|key| (key, input_name(key, lang)))
            .filter(|(key, name)| {
                needle.is_empty()
                    || name.to_lowercase().contains(&needle)
                    || key.path().contains(&needle)
            })
            .collect();
        egui::ComboBox::from_id_salt("uncertainty-add")
            .selected_text(Unc::Add.tr(lang))
            .height(400.0)
            .show_ui(ui, |ui| {
                for (key, name) in free {
                    if ui.selectable_label(false, name).clicked() {
                        picked = Some(key);
                    }
                }
            })
            .response
            .accessible_name(Unc::Add.tr(lang));
        ui.add(
            egui::TextEdit::singleline(filter)
                .hint_text(Unc::Find.tr(lang))
                .desired_width(220.0),
        )
        .accessible_name(Unc::Find.tr(lang));
    });
    if picked.is_some() {
        filter.clear();
    }
    picked
}

#[cfg(test)]
mod tests {
    use super::*;
    use coolplan_model::assumptions::cooling;
    use coolplan_model::uncertainty::prepare::RangeProblem;

    fn kw(number: f64) -> Amount {
        Amount::tagged("kW", number)
    }

    #[test]
    fn a_percentage_turns_into_bounds_around_the_value_now_and_back() {
        let base = kw(25.0);
        // 25 kW ± 20 %: 25 × 0.8 = 20 kW to 25 × 1.2 = 30 kW
        let uniform = converted(&Range::Percent(20.0), Kind::Uniform, Some(&base));
        assert_eq!(
            uniform,
            Range::Uniform {
                low: kw(20.0),
                high: kw(30.0)
            }
        );
        // the mode is the value now when it lies between the bounds …
        let Range::Triangular { mode, .. } = converted(&uniform, Kind::Triangular, Some(&base))
        else {
            panic!("triangular expected")
        };
        assert_eq!(mode, kw(25.0));
        // … else halfway: (20 + 30) / 2 = 25 kW with the value now at 35 kW
        let Range::Triangular { mode, .. } = converted(&uniform, Kind::Triangular, Some(&kw(35.0)))
        else {
            panic!("triangular expected")
        };
        assert_eq!(mode, kw(25.0));
        assert_eq!(
            converted(&uniform, Kind::Percent, Some(&base)),
            Range::Percent(NEW_INPUT_PERCENT)
        );
    }

    #[test]
    fn a_range_the_file_refuses_is_found_by_the_files_rules() {
        let site = crate::sample::small_site();
        let input = AssumptionKey::Cooling(cooling::Key::air_limit_per_rack);
        let list = |low, high| {
            vec![Uncertain {
                input,
                range: Range::Uniform {
                    low: kw(low),
                    high: kw(high),
                },
            }]
        };
        assert!(problems_of(&site, &list(20.0, 30.0)).is_empty());
        let problems = problems_of(&site, &list(30.0, 20.0));
        assert_eq!(
            problems,
            [UncertaintyError::BadRange {
                index: 0,
                input,
                problem: RangeProblem::LowAboveHigh {
                    low: kw(30.0),
                    high: kw(20.0)
                }
            }]
        );
    }
}

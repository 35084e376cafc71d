//! The app's small UI kit: quantity editors that show and edit in the chosen unit system,
//! labelled number editors, provenance badges and error labels, so every editor behaves alike.
//! Editors report changes through [`Tracker`], which turns widget responses into one undo step
//! per gesture.

use egui::{Color32, Response, RichText, Stroke, StrokeKind, Ui};

use crate::command::Command;
use crate::field_marks::FieldProblem;
use crate::undo::Gesture;
use coolplan_model::assumptions::Provenance;
use coolplan_units::Qty;
use coolplan_units::format::{Preferred, UnitSystem};
use coolplan_words::gui::Gui;
use coolplan_words::{Lang, Text};

/// Colour of an error text.
pub const ERROR_COLOUR: Color32 = Color32::from_rgb(0xd0, 0x30, 0x30);
/// Colour of a warning text.
pub const WARNING_COLOUR: Color32 = Color32::from_rgb(0xc8, 0x8a, 0x00);

/// Collects what the widgets of one editor did this frame.
#[derive(Clone, Copy, Debug, Default)]
pub struct Tracker {
    pub changed: bool,
    gesture: Option<Gesture>,
    ended: bool,
}

impl Tracker {
    /// Notes a widget's response.
    pub fn track(&mut self, response: &Response) -> bool {
        if response.changed() {
            self.changed = true;
            let continuous = response.dragged() || response.has_focus();
            self.gesture = Some(if continuous {
                Gesture::Continuous(response.id)
            } else {
                Gesture::Step
            });
        }
        if response.drag_stopped() || response.lost_focus() {
            self.ended = true;
        }
        response.changed()
    }

    /// The commands for this frame: the edit (if anything changed) and the end of a gesture.
    pub fn commands(self, edit: impl FnOnce() -> crate::edit::Edit, out: &mut Vec<Command>) {
        if self.changed {
            out.push(Command::Edit(edit(), self.gesture.unwrap_or(Gesture::Step)));
        }
        if self.ended {
            out.push(Command::EndGesture);
        }
    }
}

/// Kit widgets as methods on [`Ui`].
pub trait UiExt {
    /// A quantity shown and edited in `system`'s unit; stores what the user typed, in that unit.
    /// A quantity in the unit system's unit, its symbol as the reports write it in `lang`
    /// (℃ in Chinese).
    fn quantity_edit<U: Preferred>(
        &mut self,
        value: &mut Qty<U>,
        system: UnitSystem,
        lang: Lang,
        label: &str,
        tracker: &mut Tracker,
    ) -> Response;
    /// A plain number with a label (fractions, ratios, PUE).
    fn number_edit(
        &mut self,
        value: &mut f64,
        range: std::ops::RangeInclusive<f64>,
        speed: f64,
        label: &str,
        tracker: &mut Tracker,
    ) -> Response;
    /// A whole number with a label (counts, years).
    fn count_edit<N: egui::emath::Numeric>(
        &mut self,
        value: &mut N,
        range: std::ops::RangeInclusive<N>,
        label: &str,
        tracker: &mut Tracker,
    ) -> Response;
    /// A one-line text field with a label.
    fn text_edit(&mut self, value: &mut String, label: &str, tracker: &mut Tracker) -> Response;
    /// A notes field: wraps, at least two lines, so a long note reads in full.
    fn notes_edit(&mut self, value: &mut String, label: &str, tracker: &mut Tracker) -> Response;
    /// Where a value came from: default (source in the tooltip), catalog, this file, measured.
    fn provenance_badge(&mut self, provenance: &Provenance, lang: Lang) -> Response;
    /// A problem next to the field it is about.
    fn error_label(&mut self, text: &str) -> Response;
    /// Draws a field with `add`; when `problem` is set, marks it invalid: red (or amber for a
    /// warning) text and frame, and the message beside it (elided, in full on hover). With
    /// `compact` (table cells) only a ‼ sign carries the message, on hover.
    fn checked<R>(
        &mut self,
        problem: Option<&FieldProblem>,
        compact: bool,
        add: impl FnOnce(&mut Ui) -> R,
    ) -> R;
}

impl UiExt for Ui {
    fn quantity_edit<U: Preferred>(
        &mut self,
        value: &mut Qty<U>,
        system: UnitSystem,
        lang: Lang,
        label: &str,
        tracker: &mut Tracker,
    ) -> Response {
        let unit = U::preferred(system);
        let mut number = value.in_unit(unit);
        let speed = drag_speed(number);
        let decimals = shown_decimals(number);
        let response = self
            .add(
                egui::DragValue::new(&mut number)
                    .speed(speed)
                    .suffix(format!(
                        " {}",
                        coolplan_words::results::units_as_written(unit.symbol(), lang)
                    ))
                    .max_decimals(decimals),
            )
            .on_hover_text(label);
        if tracker.track(&response) {
            *value = Qty::new(number, unit);
        }
        response
    }

    fn number_edit(
        &mut self,
        value: &mut f64,
        range: std::ops::RangeInclusive<f64>,
        speed: f64,
        label: &str,
        tracker: &mut Tracker,
    ) -> Response {
        let response = self
            .add(
                egui::DragValue::new(value)
                    .range(range)
                    .speed(speed)
                    .max_decimals(4),
            )
            .on_hover_text(label);
        tracker.track(&response);
        response
    }

    fn count_edit<N: egui::emath::Numeric>(
        &mut self,
        value: &mut N,
        range: std::ops::RangeInclusive<N>,
        label: &str,
        tracker: &mut Tracker,
    ) -> Response {
        let response = self
            .add(egui::DragValue::new(value).range(range).speed(0.1))
            .on_hover_text(label);
        tracker.track(&response);
        response
    }

    fn text_edit(&mut self, value: &mut String, label: &str, tracker: &mut Tracker) -> Response {
        let response = self.add(
            egui::TextEdit::singleline(value)
                .hint_text(label)
                .desired_width(180.0),
        );
        let response = response.on_hover_text(label);
        tracker.track(&response);
        response
    }

    fn notes_edit(&mut self, value: &mut String, label: &str, tracker: &mut Tracker) -> Response {
        let response = self
            .add(
                egui::TextEdit::multiline(value)
                    .hint_text(label)
                    .desired_rows(2)
                    .desired_width(self.available_width().clamp(240.0, 640.0)),
            )
            .on_hover_text(label);
        tracker.track(&response);
        response
    }

    fn provenance_badge(&mut self, provenance: &Provenance, lang: Lang) -> Response {
        let (text, colour, tip) = match provenance {
            Provenance::Default { source } => (
                Gui::ProvDefault.tr(lang),
                Color32::from_rgb(0x60, 0x80, 0xa0),
                Some(*source),
            ),
            Provenance::Catalog => (
                Gui::ProvCatalog.tr(lang),
                Color32::from_rgb(0x50, 0x90, 0x60),
                None,
            ),
            Provenance::SiteFile => (
                Gui::ProvFile.tr(lang),
                Color32::from_rgb(0xb0, 0x70, 0x20),
                None,
            ),
            Provenance::Measured => (
                Gui::ProvMeasured.tr(lang),
                Color32::from_rgb(0x80, 0x50, 0xa0),
                None,
            ),
        };
        let response = self.label(RichText::new(text).small().color(colour));
        match tip {
            Some(source) => response.on_hover_text(source),
            None => response,
        }
    }

    fn error_label(&mut self, text: &str) -> Response {
        self.label(RichText::new(text).color(ERROR_COLOUR))
    }

    fn checked<R>(
        &mut self,
        problem: Option<&FieldProblem>,
        compact: bool,
        add: impl FnOnce(&mut Ui) -> R,
    ) -> R {
        // The field sits at the same depth with or without a problem, so its widget id (and
        // with it the text being typed and the focus) survives a keystroke that raises or
        // clears one: typing 11 into a field that 1 makes invalid gives 11, not 1.
        let colour = problem.map(|p| {
            if p.is_error {
                ERROR_COLOUR
            } else {
                WARNING_COLOUR
            }
        });
        self.horizontal(|ui| {
            let field = ui.scope(|ui| {
                if colour.is_some() {
                    ui.visuals_mut().override_text_color = colour;
                }
                add(ui)
            });
            if let (Some(problem), Some(colour)) = (problem, colour) {
                ui.painter().rect_stroke(
                    field.response.rect.expand(2.0),
                    3.0,
                    Stroke::new(1.5, colour),
                    StrokeKind::Outside,
                );
                let mark = if compact {
                    RichText::new(PROBLEM_SIGN)
                } else {
                    RichText::new(format!("{PROBLEM_SIGN} {}", problem.message)).small()
                };
                ui.scope(|ui| {
                    ui.set_max_width(MARK_WIDTH);
                    ui.add(
                        egui::Label::new(mark.color(colour))
                            .truncate()
                            .show_tooltip_when_elided(false),
                    )
                    .on_hover_text(&problem.message);
                });
            }
            field.inner
        })
        .inner
    }
}

/// The sign before a problem message (a glyph the shipped fonts have; they lack ⚠).
pub const PROBLEM_SIGN: &str = "‼";

/// Widest a problem message beside its field is drawn (the rest shows on hover).
const MARK_WIDTH: f32 = 320.0;

/// Decimals a quantity shows at most: one from 10 up (18.0 Δ°F, 152.2 gal, not 18.00 or
/// 152.163 after a unit conversion), three below. What is typed is kept as typed.
fn shown_decimals(number: f64) -> usize {
    if number.abs() >= 10.0 { 1 } else { 3 }
}

/// Drag speed that moves about 0.5 % of the value per pixel (at least 0.01).
fn drag_speed(value: f64) -> f64 {
    (value.abs() * 0.005).max(0.01)
}

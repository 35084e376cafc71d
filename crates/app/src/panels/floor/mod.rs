//! The floor plan: every hall, its rows of racks to scale with the aisles between them, a
//! scale bar and each hall's dimensions; zoom (wheel), pan (drag the background), fit; a rack
//! group dragged onto a row and slot is placed there in one undo step (groups without a
//! position wait in a tray beside their hall); tiles coloured by kW per rack, by the option
//! the plan gives the group, or by problems. Hover shows a group, click selects it,
//! double-click opens it in the Rack view.
//!
//! Owns: view state (colouring, zoom, pan, a drag in progress) and the cached geometry
//! ([`geometry`]), rebuilt only when the site, its results or the colouring change, so a frame
//! only transforms one mesh. Never touches: the site (a drop is an edit command).

pub mod geometry;

use egui::emath::TSTransform;
use egui::{Color32, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, Vec2, pos2, vec2};

use super::{Panel, ViewCtx};
use crate::command::Command;
use crate::edit::Edit;
use crate::field_marks::Depth;
use crate::kit::{ERROR_COLOUR, WARNING_COLOUR};
use crate::state::{Selection, View};
use crate::undo::Gesture;
use crate::words::{option_name, servers_text};
use coolplan_engine::CoolingOption;
use coolplan_units::PowerUnit;
use coolplan_units::format::{group_thousands, quantity_in};
use coolplan_words::gui::Gui;
use coolplan_words::{Lang, Text};
use geometry::{At, Geometry};

/// Upper bounds (kW per rack) of the power colour bands.
const POWER_BANDS_KW: [f64; 6] = [5.0, 10.0, 20.0, 40.0, 80.0, f64::INFINITY];
const POWER_COLOURS: [Color32; 6] = [
    Color32::from_rgb(0x4f, 0x9d, 0xd9),
    Color32::from_rgb(0x5c, 0xb8, 0x8a),
    Color32::from_rgb(0xb8, 0xc9, 0x4a),
    Color32::from_rgb(0xf0, 0xb4, 0x3c),
    Color32::from_rgb(0xe8, 0x74, 0x3b),
    Color32::from_rgb(0xc9, 0x30, 0x3a),
];
/// A group without results (its site has problems to fix): light, unlike any option.
const NO_DATA: Color32 = Color32::from_rgb(0xd4, 0xd4, 0xd4);
/// A group no option suits.
const NOTHING_SUITS: Color32 = Color32::from_rgb(0x30, 0x30, 0x30);
/// A group without problems, coloured by problems.
const FINE: Color32 = Color32::from_rgb(0x7f, 0xb0, 0x8f);
/// Zoom limits, points per metre.
const ZOOM: std::ops::RangeInclusive<f32> = 0.5..=400.0;

/// The fill of each option on maps and charts.
pub fn option_colour(option: CoolingOption) -> Color32 {
    match option {
        CoolingOption::Air => Color32::from_rgb(0xc2, 0x9b, 0x61),
        CoolingOption::RearDoorPassive => Color32::from_rgb(0x76, 0xc7, 0xc0),
        CoolingOption::RearDoorActive => Color32::from_rgb(0x2a, 0x9d, 0x8f),
        CoolingOption::ColdPlate => Color32::from_rgb(0x2f, 0x80, 0xd0),
        CoolingOption::ColdPlateRearDoor => Color32::from_rgb(0x1b, 0x4f, 0x8c),
        CoolingOption::ColdPlateLiquidToAir => Color32::from_rgb(0xd4, 0xac, 0x0d),
        CoolingOption::Immersion => Color32::from_rgb(0x9b, 0x59, 0xb6),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum ColourBy {
    #[default]
    Power,
    /// The option the plan gives each group.
    Plan,
    Problems,
}

/// What the cached geometry was built for: site and analysis revisions and the colouring.
type CacheKey = (u64, u64, ColourBy);

/// A group being dragged: which, and where the pointer holds it (metres from its first tile).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Drag {
    at: At,
    grab: Vec2,
}

/// View state of the floor plan.
pub struct FloorPanel {
    pub colour_by: ColourBy,
    /// Screen position = world (metres) × zoom + offset, from the canvas's top-left.
    zoom: f32,
    offset: Vec2,
    /// The view has been fitted to the plan once.
    fitted: bool,
    cache: Option<(CacheKey, Geometry)>,
    drag: Option<Drag>,
}

impl Default for FloorPanel {
    fn default() -> Self {
        Self {
            colour_by: ColourBy::default(),
            zoom: 20.0,
            offset: Vec2::ZERO,
            fitted: false,
            cache: None,
            drag: None,
        }
    }
}

impl FloorPanel {
    /// The geometry of the site as it is, rebuilt only when something it shows changed.
    fn geometry(&mut self, ctx: &ViewCtx) -> &Geometry {
        let key = (ctx.revision, ctx.analysis.revision, self.colour_by);
        if self.cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let colour_by = self.colour_by;
            let geometry = Geometry::build(ctx.site, |at| tile_colour(ctx, colour_by, at));
            if self
                .cache
                .as_ref()
                .is_none_or(|(_, g)| g.bounds != geometry.bounds)
            {
                self.fitted = false;
            }
            self.cache = Some((key, geometry));
        }
        &self.cache.as_ref().expect("just built").1
    }

    fn to_screen(&self, origin: Pos2) -> TSTransform {
        TSTransform::new(origin.to_vec2() + self.offset, self.zoom)
    }

    /// Zoom and offset that show all of `bounds` in `canvas`.
    fn fit(&mut self, bounds: Rect, canvas: Rect) {
        if !bounds.is_positive() {
            return;
        }
        let zoom = ((canvas.width() - 20.0) / bounds.width())
            .min((canvas.height() - 20.0) / bounds.height())
            .clamp(*ZOOM.start(), *ZOOM.end());
        self.zoom = zoom;
        self.offset = canvas.size() / 2.0 - bounds.center().to_vec2() * zoom;
        self.fitted = true;
    }

    fn toolbar(&mut self, ui: &mut Ui, offered: &[CoolingOption], lang: Lang) -> bool {
        let mut fit = false;
        ui.horizontal_wrapped(|ui| {
            ui.label(Gui::ColourBy.tr(lang));
            for (choice, text) in [
                (ColourBy::Power, Gui::ByPower.tr(lang)),
                (
                    ColourBy::Plan,
                    coolplan_words::dashboard::Dash::FloorByPlan.tr(lang),
                ),
                (
                    ColourBy::Problems,
                    coolplan_words::dashboard::Dash::FloorByProblems.tr(lang),
                ),
            ] {
                ui.radio_value(&mut self.colour_by, choice, text);
            }
            ui.separator();
            fit = ui
                .button(coolplan_words::dashboard::Dash::FloorFit.tr(lang))
                .clicked();
            ui.weak(coolplan_words::dashboard::Dash::FloorHint.tr(lang));
        });
        legend(ui, self.colour_by, offered, lang);
        fit
    }
}

impl Panel for FloorPanel {
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
        let lang = ctx.lang();
        // the plan's colours of the options the site offers
        let offered: Vec<CoolingOption> = CoolingOption::ALL
            .into_iter()
            .filter(|o| ctx.site.offers(o.cooling()))
            .collect();
        let fit = self.toolbar(ui, &offered, lang);
        let size = ui.available_size().max(vec2(200.0, 200.0));
        let (response, painter) = ui.allocate_painter(size, Sense::click_and_drag());
        // screen readers (and tests) find the plan by what it does
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::accesskit::Role::Canvas,
                true,
                coolplan_words::dashboard::Dash::FloorHint.tr(lang),
            )
        });
        let canvas = response.rect;
        let bounds = self.geometry(ctx).bounds;
        if fit || !self.fitted {
            self.fit(bounds, canvas);
        }
        let to_world = self.to_screen(canvas.min).inverse();
        let pointer_world = response.hover_pos().map(|p| to_world * p);
        let hovered = pointer_world.and_then(|p| self.geometry(ctx).group_at(p));
        // a drag that starts on a group moves it; only one that starts on the floor pans
        let press = ui.input(|i| i.pointer.press_origin());
        self.drag_and_drop(ctx, &response, to_world, press, out);
        self.zoom_and_pan(ui, &response, canvas);
        let to_screen = self.to_screen(canvas.min);
        let pointer_world = response.hover_pos().map(|p| to_screen.inverse() * p);
        let geometry = &self.cache.as_ref().expect("built above").1;
        draw_halls(&painter, geometry, to_screen, ui.visuals(), ctx);
        let mut mesh = geometry.mesh.clone();
        mesh.transform(to_screen);
        painter.add(mesh);
        let highlight = ui.visuals().selection.stroke.color;
        if let (Some(h), Some(r)) = (ctx.selection.hall, ctx.selection.rack) {
            outline(
                &painter,
                geometry,
                (h, r),
                to_screen,
                Stroke::new(2.5, highlight),
            );
        }
        if let Some(at) = hovered {
            outline(
                &painter,
                geometry,
                at,
                to_screen,
                Stroke::new(1.5, ui.visuals().text_color()),
            );
        }
        if let (Some(drag), Some(pointer)) = (self.drag, pointer_world) {
            ghost(&painter, geometry, ctx, drag, pointer, to_screen, highlight);
        }
        scale_bar(&painter, canvas, self.zoom, ui.visuals().text_color());
        if let Some(at) = hovered.filter(|_| self.drag.is_none()) {
            let response = response
                .clone()
                .on_hover_text_at_pointer(hover_text(ctx, at));
            if response.double_clicked() {
                out.push(Command::ShowView(View::Rack));
            }
            if response.clicked() || response.double_clicked() {
                out.push(Command::Select(Selection {
                    hall: Some(at.0),
                    rack: Some(at.1),
                }));
            }
        }
    }
}

impl FloorPanel {
    /// Wheel zooms about the pointer; dragging the background pans.
    fn zoom_and_pan(&mut self, ui: &Ui, response: &egui::Response, canvas: Rect) {
        if let Some(pointer) = response.hover_pos() {
            let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
            let factor = pinch * (scroll / 240.0).exp();
            if factor != 1.0 {
                let zoom = (self.zoom * factor).clamp(*ZOOM.start(), *ZOOM.end());
                let at = pointer - canvas.min;
                // keep the world point under the pointer where it is
                self.offset = at - (at - self.offset) * (zoom / self.zoom);
                self.zoom = zoom;
            }
        }
        if self.drag.is_none() && response.dragged() {
            self.offset += response.drag_delta();
        }
    }

    /// A drag that starts on a group moves the group; its drop places it (one edit).
    fn drag_and_drop(
        &mut self,
        ctx: &ViewCtx,
        response: &egui::Response,
        to_world: TSTransform,
        press: Option<Pos2>,
        out: &mut Vec<Command>,
    ) {
        if response.drag_started()
            && let Some(press) = press
        {
            let geometry = &self.cache.as_ref().expect("built").1;
            let grabbed = geometry.group_at(to_world * press).and_then(|at| {
                let range = geometry.by_group.get(&at)?;
                Some((at, geometry.tiles.get(range.start)?))
            });
            if let Some((at, first)) = grabbed {
                self.drag = Some(Drag {
                    at,
                    grab: first.0.min - to_world * press,
                });
            }
        }
        if response.drag_stopped()
            && let Some(drag) = self.drag.take()
            && let Some(pointer) = response.interact_pointer_pos()
        {
            let geometry = &self.cache.as_ref().expect("built").1;
            let corner =
                to_world * pointer + drag.grab + vec2(geometry::RACK_W, geometry::RACK_D) / 2.0;
            if let Some((hall, position)) = geometry.snap(corner) {
                drop_group(ctx, drag.at, hall, position, out);
            }
        }
    }
}

/// The edit that puts the group at `at` at `position` of hall `hall` (moving it there when it
/// is another hall), or none when it stands there already.
fn drop_group(
    ctx: &ViewCtx,
    (h, r): At,
    hall: usize,
    position: coolplan_model::Position,
    out: &mut Vec<Command>,
) {
    let Some(rack) = ctx.site.halls.get(h).and_then(|x| x.racks.get(r)) else {
        return;
    };
    if hall == h && rack.position.as_ref() == Some(&position) {
        return;
    }
    let mut moved = rack.clone();
    moved.position = Some(position);
    let edit = if hall == h {
        Edit::SetRack((h, r), Box::new(moved))
    } else {
        Edit::MoveRack {
            from: (h, r),
            to_hall: hall,
            rack: Box::new(moved),
        }
    };
    out.push(Command::Edit(edit, Gesture::Step));
}

/// The fill of group `at` by `colour_by`.
fn tile_colour(ctx: &ViewCtx, colour_by: ColourBy, at: At) -> Color32 {
    if colour_by == ColourBy::Problems {
        return match ctx.problem(&ctx.rack_path(at), Depth::Under) {
            Some(p) if p.is_error => ERROR_COLOUR,
            Some(_) => WARNING_COLOUR,
            None => FINE,
        };
    }
    let Some(group) = ctx.analysis.group(at) else {
        return NO_DATA;
    };
    match colour_by {
        ColourBy::Power => {
            let kw = group.per_rack_design.get::<uom::si::power::kilowatt>();
            let band = POWER_BANDS_KW.iter().position(|&b| kw < b).unwrap_or(5);
            POWER_COLOURS[band]
        }
        // the group's option in the recommended plan
        _ => ctx
            .analysis
            .planned(at)
            .flatten()
            .map_or(NOTHING_SUITS, option_colour),
    }
}

/// Hall outlines, titles with dimensions, row names.
fn draw_halls(
    painter: &egui::Painter,
    geometry: &Geometry,
    to_screen: TSTransform,
    visuals: &egui::Visuals,
    ctx: &ViewCtx,
) {
    let text = visuals.text_color();
    let weak = visuals.weak_text_color();
    let zoom = to_screen.scaling;
    for hall in &geometry.halls {
        let rect = to_screen * hall.rect;
        if !painter.clip_rect().intersects(rect) {
            continue;
        }
        painter.rect_stroke(rect, 4.0, Stroke::new(1.0, weak), StrokeKind::Inside);
        let rows = hall.rows_rect;
        let title = format!(
            "{}   {} m × {} m",
            hall.name,
            group_thousands(f64::from(rows.width()), 1),
            group_thousands(f64::from(rows.height()), 1)
        );
        painter.text(
            to_screen * pos2(0.4, hall.rect.top() + 0.4),
            egui::Align2::LEFT_TOP,
            title,
            egui::FontId::proportional(13.0),
            text,
        );
        if zoom * geometry::ROW_PITCH >= 12.0 {
            let size = (zoom * geometry::RACK_D * 0.7).clamp(9.0, 14.0);
            for (name, y) in &hall.rows {
                painter.text(
                    to_screen * pos2(geometry::ROW_LABEL_W - 0.3, y + geometry::RACK_D / 2.0),
                    egui::Align2::RIGHT_CENTER,
                    name,
                    egui::FontId::proportional(size),
                    text,
                );
            }
        }
        if let Some(tray) = hall.tray {
            let tray = to_screen * tray.expand(0.3);
            painter.rect_stroke(
                tray,
                2.0,
                Stroke::new(1.0, WARNING_COLOUR),
                StrokeKind::Outside,
            );
            painter.text(
                tray.left_top() - vec2(0.0, 2.0),
                egui::Align2::LEFT_BOTTOM,
                coolplan_words::dashboard::Dash::FloorTray.tr(ctx.lang()),
                egui::FontId::proportional(11.0),
                WARNING_COLOUR,
            );
        }
    }
}

/// An outline around the tiles of group `at`.
fn outline(
    painter: &egui::Painter,
    geometry: &Geometry,
    at: At,
    to_screen: TSTransform,
    stroke: Stroke,
) {
    let Some(range) = geometry.by_group.get(&at) else {
        return;
    };
    let union = geometry.tiles[range.clone()]
        .iter()
        .fold(Rect::NOTHING, |u, (rect, _)| u.union(*rect));
    painter.rect_stroke(to_screen * union, 1.0, stroke, StrokeKind::Outside);
}

/// Where a dragged group would land: its racks at the snapped row and slot.
fn ghost(
    painter: &egui::Painter,
    geometry: &Geometry,
    ctx: &ViewCtx,
    drag: Drag,
    pointer: Pos2,
    to_screen: TSTransform,
    colour: Color32,
) {
    let corner = pointer + drag.grab + vec2(geometry::RACK_W, geometry::RACK_D) / 2.0;
    let Some((hall, position)) = geometry.snap(corner) else {
        return;
    };
    let Some(first) = geometry.place(hall, &position) else {
        return;
    };
    let count = ctx
        .site
        .halls
        .get(drag.at.0)
        .and_then(|h| h.racks.get(drag.at.1))
        .map_or(1, |r| r.count.clamp(1, geometry::MAX_TILES_PER_GROUP));
    let rect = Rect::from_min_size(
        first,
        vec2(geometry::RACK_W * count as f32, geometry::RACK_D),
    );
    painter.rect(
        to_screen * rect,
        1.0,
        colour.gamma_multiply(0.35),
        Stroke::new(2.0, colour),
        StrokeKind::Outside,
    );
    painter.text(
        (to_screen * rect).left_top() - vec2(0.0, 2.0),
        egui::Align2::LEFT_BOTTOM,
        format!("{}/{}", position.row, position.slot),
        egui::FontId::proportional(12.0),
        colour,
    );
}

/// A scale bar of a round length about 120 points long, bottom left of the canvas.
fn scale_bar(painter: &egui::Painter, canvas: Rect, zoom: f32, colour: Color32) {
    let target_m = 120.0 / zoom;
    let magnitude = 10f32.powf(target_m.log10().floor());
    let metres = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|k| k * magnitude)
        .rfind(|m| *m <= target_m)
        .unwrap_or(magnitude);
    let length = metres * zoom;
    let start = canvas.left_bottom() + vec2(12.0, -14.0);
    let end = start + vec2(length, 0.0);
    let stroke = Stroke::new(2.0, colour);
    painter.line_segment([start, end], stroke);
    for x in [start, end] {
        painter.line_segment([x - vec2(0.0, 4.0), x + vec2(0.0, 4.0)], stroke);
    }
    let text = if metres >= 1.0 {
        format!("{} m", group_thousands(f64::from(metres), 0))
    } else {
        format!("{} m", group_thousands(f64::from(metres), 1))
    };
    painter.text(
        end + vec2(6.0, 0.0),
        egui::Align2::LEFT_CENTER,
        text,
        egui::FontId::proportional(11.0),
        colour,
    );
}

fn hover_text(ctx: &ViewCtx, (h, r): At) -> String {
    let lang = ctx.lang();
    let rack = &ctx.site.halls[h].racks[r];
    let mut text = format!("{} ×{}\n{}", rack.name, rack.count, servers_text(rack));
    if let Some(group) = ctx.analysis.group((h, r)) {
        text.push_str(&format!(
            "\n{}: {}",
            Gui::ColKwPerRack.tr(lang),
            quantity_in(group.per_rack_design, PowerUnit::kW)
        ));
        let option = ctx.analysis.planned((h, r)).flatten().map_or_else(
            || coolplan_words::inventory::Inv::NoneSuits.tr(lang),
            |o| option_name(o, lang),
        );
        text.push_str(&format!("\n{}: {option}", Gui::ColRecommended.tr(lang)));
    }
    if let Some(problem) = ctx.problem(&ctx.rack_path((h, r)), Depth::Under) {
        text.push_str(&format!("\n{}", problem.message));
    }
    text
}

fn legend(ui: &mut Ui, colour_by: ColourBy, offered: &[CoolingOption], lang: Lang) {
    let swatch = |ui: &mut Ui, colour: Color32, text: &str| {
        let (rect, _) = ui.allocate_exact_size(Vec2::splat(12.0), Sense::hover());
        ui.painter().rect_filled(rect, 2.0, colour);
        ui.label(text);
    };
    use coolplan_words::dashboard::Dash;
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{}:", Gui::Legend.tr(lang)));
        match colour_by {
            ColourBy::Power => {
                let mut low = 0.0;
                for (band, colour) in POWER_BANDS_KW.iter().zip(POWER_COLOURS) {
                    let text = if band.is_finite() {
                        format!("{low:.0}–{band:.0} kW")
                    } else {
                        format!("≥ {low:.0} kW")
                    };
                    swatch(ui, colour, &text);
                    low = *band;
                }
            }
            ColourBy::Plan => {
                for &option in offered {
                    swatch(ui, option_colour(option), option_name(option, lang));
                }
                swatch(
                    ui,
                    NOTHING_SUITS,
                    coolplan_words::inventory::Inv::NoneSuits.tr(lang),
                );
            }
            ColourBy::Problems => {
                swatch(ui, ERROR_COLOUR, Dash::FloorErrors.tr(lang));
                swatch(ui, WARNING_COLOUR, Dash::FloorWarnings.tr(lang));
                swatch(ui, FINE, Dash::FloorFine.tr(lang));
            }
        }
        if colour_by != ColourBy::Problems {
            swatch(ui, NO_DATA, Gui::NoResults.tr(lang));
        }
    });
}

#[cfg(test)]
mod tests;

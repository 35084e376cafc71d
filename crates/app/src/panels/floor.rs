//! The floor view: a hall's rack groups as tiles at their row/slot, coloured by kW per rack or
//! by the option of the recommended plan, with a legend and hover details; a click selects the rack group.

use std::collections::{BTreeMap, HashMap};

use egui::{Color32, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, Vec2};

use super::{Panel, ViewCtx};
use crate::command::Command;
use crate::state::Selection;
use crate::words::{option_name, servers_text};
use coolplan_engine::CoolingOption;
use coolplan_units::PowerUnit;
use coolplan_units::format::quantity_in;
use coolplan_words::gui::Gui;
use coolplan_words::{Lang, Text};

const TILE: Vec2 = Vec2::new(22.0, 30.0);
const GAP: f32 = 4.0;
const ROW_LABEL_W: f32 = 36.0;
/// Racks of one group drawn on the map at most (fleet-sized groups would fill the screen).
const MAX_TILES_PER_GROUP: u64 = 200;
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
const NO_DATA: Color32 = Color32::from_gray(150);

/// The fill of each option on maps and charts.
pub fn option_colour(option: CoolingOption) -> Color32 {
    match option {
        CoolingOption::Air => Color32::from_rgb(0x8c, 0x96, 0xa8),
        CoolingOption::ColdPlate => Color32::from_rgb(0x2f, 0x80, 0xd0),
        CoolingOption::Immersion => Color32::from_rgb(0x9b, 0x59, 0xb6),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
enum ColourBy {
    #[default]
    Power,
    Recommendation,
}

/// UI-local state: colouring.
#[derive(Default)]
pub struct FloorPanel {
    colour_by: ColourBy,
}

impl Panel for FloorPanel {
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
        let lang = ctx.lang();
        let h = ctx.selection.hall.unwrap_or(0);
        let Some(hall) = ctx.site.halls.get(h) else {
            return;
        };
        ui.horizontal(|ui| {
            ui.strong(&hall.name);
            ui.separator();
            ui.label(Gui::ColourBy.tr(lang));
            ui.radio_value(&mut self.colour_by, ColourBy::Power, Gui::ByPower.tr(lang));
            ui.radio_value(
                &mut self.colour_by,
                ColourBy::Recommendation,
                Gui::ByRecommendation.tr(lang),
            );
        });
        self.legend(ui, lang);
        let results: HashMap<usize, usize> = ctx
            .analysis
            .results
            .as_ref()
            .map(|r| {
                r.racks
                    .iter()
                    .enumerate()
                    .filter(|(_, rr)| rr.hall == h)
                    .map(|(i, rr)| (rr.rack, i))
                    .collect()
            })
            .unwrap_or_default();
        // Rows in natural order: A … Z, then AA … (shorter names first).
        let mut rows: BTreeMap<(usize, &str), Vec<(u32, usize)>> = BTreeMap::new();
        let mut unplaced = 0;
        for (r, rack) in hall.racks.iter().enumerate() {
            match &rack.position {
                Some(p) => rows
                    .entry((p.row.len(), p.row.as_str()))
                    .or_default()
                    .push((p.slot, r)),
                None => unplaced += 1,
            }
        }
        if unplaced > 0 {
            ui.label(Gui::Unplaced.fmt(lang, &[&unplaced]));
        }
        let max_slot = rows
            .values()
            .flat_map(|v| {
                v.iter()
                    .map(|&(s, r)| s + hall.racks[r].count.clamp(1, MAX_TILES_PER_GROUP) as u32 - 1)
            })
            .max()
            .unwrap_or(1);
        let size = Vec2::new(
            ROW_LABEL_W + max_slot as f32 * (TILE.x + GAP),
            rows.len() as f32 * (TILE.y + GAP),
        );
        egui::ScrollArea::both()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let (response, painter) = ui.allocate_painter(size, Sense::click());
                let origin = response.rect.min;
                let pointer = response.hover_pos();
                let mut hovered = None;
                for (row_index, ((_, row), racks)) in rows.iter().enumerate() {
                    let y = origin.y + row_index as f32 * (TILE.y + GAP);
                    painter.text(
                        Pos2::new(origin.x, y + TILE.y / 2.0),
                        egui::Align2::LEFT_CENTER,
                        *row,
                        egui::FontId::proportional(12.0),
                        ui.visuals().text_color(),
                    );
                    // A group of `count` racks stands in consecutive slots from its position.
                    let tiles = racks.iter().flat_map(|&(slot, r)| {
                        let count = hall.racks[r].count.clamp(1, MAX_TILES_PER_GROUP) as u32;
                        (0..count).map(move |k| (slot.max(1) + k, r))
                    });
                    for (slot, r) in tiles {
                        let x = origin.x + ROW_LABEL_W + (slot - 1) as f32 * (TILE.x + GAP);
                        let tile = Rect::from_min_size(Pos2::new(x, y), TILE);
                        if !ui.is_rect_visible(tile) {
                            continue;
                        }
                        let colour = self.tile_colour(ctx, results.get(&r).copied());
                        painter.rect_filled(tile, 2.0, colour);
                        let selected = ctx.selection.rack == Some(r);
                        if selected {
                            painter.rect_stroke(
                                tile,
                                2.0,
                                Stroke::new(2.0, ui.visuals().selection.stroke.color),
                                StrokeKind::Outside,
                            );
                        }
                        if pointer.is_some_and(|p| tile.contains(p)) {
                            hovered = Some(r);
                        }
                    }
                }
                if let Some(r) = hovered {
                    let rack = &hall.racks[r];
                    let found = results.get(&r).and_then(|&i| {
                        let res = ctx.analysis.results.as_ref()?;
                        Some((&res.racks[i], res.plan.groups.get(i)?.option))
                    });
                    let mut text = format!("{} ×{}\n{}", rack.name, rack.count, servers_text(rack));
                    if let Some((rr, planned)) = found {
                        text.push_str(&format!(
                            "\n{}: {}",
                            Gui::ColKwPerRack.tr(lang),
                            quantity_in(rr.per_rack_design, PowerUnit::kW)
                        ));
                        if let Some(option) = planned {
                            text.push_str(&format!(
                                "\n{}: {}",
                                Gui::ColRecommended.tr(lang),
                                option_name(option, lang)
                            ));
                        }
                    }
                    let response = response.clone().on_hover_text_at_pointer(text);
                    if response.clicked() {
                        out.push(Command::Select(Selection {
                            hall: Some(h),
                            rack: Some(r),
                        }));
                    }
                }
            });
    }
}

impl FloorPanel {
    fn tile_colour(&self, ctx: &ViewCtx, result: Option<usize>) -> Color32 {
        let Some((rack_result, planned)) = result.and_then(|i| {
            let results = ctx.analysis.results.as_ref()?;
            Some((&results.racks[i], results.plan.groups.get(i)?.option))
        }) else {
            return NO_DATA;
        };
        match self.colour_by {
            ColourBy::Power => {
                let kw = rack_result
                    .per_rack_design
                    .get::<uom::si::power::kilowatt>();
                let band = POWER_BANDS_KW.iter().position(|&b| kw < b).unwrap_or(5);
                POWER_COLOURS[band]
            }
            // the group's option in the recommended plan
            ColourBy::Recommendation => planned.map(option_colour).unwrap_or(NO_DATA),
        }
    }

    fn legend(&self, ui: &mut Ui, lang: Lang) {
        let swatch = |ui: &mut Ui, colour: Color32, text: String| {
            let (rect, _) = ui.allocate_exact_size(Vec2::splat(12.0), Sense::hover());
            ui.painter().rect_filled(rect, 2.0, colour);
            ui.label(text);
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{}:", Gui::Legend.tr(lang)));
            match self.colour_by {
                ColourBy::Power => {
                    let mut low = 0.0;
                    for (band, colour) in POWER_BANDS_KW.iter().zip(POWER_COLOURS) {
                        let text = if band.is_finite() {
                            format!("{low:.0}–{band:.0} kW")
                        } else {
                            format!("≥ {low:.0} kW")
                        };
                        swatch(ui, colour, text);
                        low = *band;
                    }
                }
                ColourBy::Recommendation => {
                    for option in CoolingOption::ALL {
                        swatch(ui, option_colour(option), option_name(option, lang).into());
                    }
                }
            }
            swatch(ui, NO_DATA, Gui::NoResults.tr(lang).into());
        });
    }
}

//! The floor plan's geometry in metres, built once per change of the site, its results or the
//! colouring, and drawn every frame from that cache: every hall stacked top to bottom, its
//! rows of racks (600 × 1,200 mm each, one slot each) with an aisle between rows, the groups
//! without a position in a tray beside the hall, and all tiles in one mesh.
//!
//! Owns: placing halls, rows and tiles in metres; the tile mesh; hit tests and snapping a
//! point to a row and slot. Never touches: drawing on screen, commands.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, Pos2, Rect, Vec2, pos2, vec2};

use coolplan_model::{Position, Site};

/// Width of a rack along its row (one slot), metres.
pub const RACK_W: f32 = 0.6;
/// Depth of a rack across its row, metres.
pub const RACK_D: f32 = 1.2;
/// Aisle between two rows, metres.
pub const AISLE: f32 = 1.2;
/// From one row to the next.
pub const ROW_PITCH: f32 = RACK_D + AISLE;
/// Margin left of the rows for their names.
pub const ROW_LABEL_W: f32 = 1.6;
/// Room above a hall's rows for its name and dimensions.
pub const HALL_TITLE_H: f32 = 2.6;
/// Between two halls.
pub const HALL_GAP: f32 = 3.0;
/// Between a hall's rows and its tray of unplaced groups.
pub const TRAY_GAP: f32 = 3.0;
/// Racks of one group drawn at most (fleet-sized groups would fill the plan).
pub const MAX_TILES_PER_GROUP: u64 = 200;

/// A rack group's place: (hall, rack group).
pub type At = (usize, usize);

/// One hall on the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct HallBlock {
    pub name: String,
    /// The whole block (title, rows, tray), metres.
    pub rect: Rect,
    /// Where the rows are (the room's racks), metres.
    pub rows_rect: Rect,
    /// Row names top to bottom with the y of each row's racks.
    pub rows: Vec<(String, f32)>,
    /// The tray of unplaced groups, when the hall has any.
    pub tray: Option<Rect>,
}

/// Everything the plan draws, in metres.
#[derive(Clone, Debug)]
pub struct Geometry {
    pub halls: Vec<HallBlock>,
    /// Each rack tile: its rectangle and group; a group's tiles are consecutive.
    pub tiles: Vec<(Rect, At)>,
    /// Tiles of each group.
    pub by_group: HashMap<At, Range<usize>>,
    /// All tiles as one mesh (world coordinates), coloured.
    pub mesh: Mesh,
    pub bounds: Rect,
}

impl Default for Geometry {
    fn default() -> Self {
        Geometry {
            halls: Vec::new(),
            tiles: Vec::new(),
            by_group: HashMap::new(),
            mesh: Mesh::default(),
            bounds: Rect::NOTHING,
        }
    }
}

/// Natural order of row names: A … Z, then AA … (shorter first).
fn row_key(row: &str) -> (usize, &str) {
    (row.len(), row)
}

impl Geometry {
    /// The plan of `site`, each group coloured by `colour(at)`.
    pub fn build(site: &Site, colour: impl Fn(At) -> Color32) -> Geometry {
        let mut geometry = Geometry::default();
        let mut top = 0.0_f32;
        for (h, hall) in site.halls.iter().enumerate() {
            let mut rows: BTreeMap<(usize, &str), Vec<usize>> = BTreeMap::new();
            let mut unplaced = Vec::new();
            for (r, rack) in hall.racks.iter().enumerate() {
                match &rack.position {
                    Some(p) => rows.entry(row_key(&p.row)).or_default().push(r),
                    None => unplaced.push(r),
                }
            }
            let rows_top = top + HALL_TITLE_H;
            let mut right = ROW_LABEL_W + 10.0 * RACK_W;
            let mut row_list = Vec::with_capacity(rows.len());
            for (i, ((_, row), racks)) in rows.iter().enumerate() {
                let y = rows_top + i as f32 * ROW_PITCH;
                row_list.push((row.to_string(), y));
                for &r in racks {
                    let rack = &hall.racks[r];
                    let slot = rack.position.as_ref().map_or(1, |p| p.slot.max(1));
                    let shown = rack.count.clamp(1, MAX_TILES_PER_GROUP) as u32;
                    let start = geometry.tiles.len();
                    for k in 0..shown {
                        let x = ROW_LABEL_W + (slot - 1 + k) as f32 * RACK_W;
                        let tile = Rect::from_min_size(pos2(x, y), vec2(RACK_W, RACK_D));
                        geometry.tiles.push((tile, (h, r)));
                        right = right.max(tile.right());
                    }
                    geometry
                        .by_group
                        .insert((h, r), start..geometry.tiles.len());
                }
            }
            let rows_bottom = rows_top + rows.len().max(1) as f32 * ROW_PITCH;
            let rows_rect =
                Rect::from_min_max(pos2(ROW_LABEL_W, rows_top), pos2(right, rows_bottom));
            // unplaced groups: one tile each, in columns of ten beside the rows
            let tray = (!unplaced.is_empty()).then(|| {
                let left = right + TRAY_GAP;
                for (i, &r) in unplaced.iter().enumerate() {
                    let (col, line) = (i / 10, i % 10);
                    let tile = Rect::from_min_size(
                        pos2(
                            left + col as f32 * (RACK_W * 2.0),
                            rows_top + line as f32 * (RACK_D * 0.8),
                        ),
                        vec2(RACK_W, RACK_D * 0.6),
                    );
                    let start = geometry.tiles.len();
                    geometry.tiles.push((tile, (h, r)));
                    geometry.by_group.insert((h, r), start..start + 1);
                }
                let cols = unplaced.len().div_ceil(10) as f32;
                Rect::from_min_max(
                    pos2(left, rows_top),
                    pos2(
                        left + cols * RACK_W * 2.0,
                        rows_top + 10.0_f32.min(unplaced.len() as f32) * RACK_D * 0.8,
                    ),
                )
            });
            let block_right = tray.map_or(right, |t| t.right()) + 1.0;
            // one free row band below the last, where a group dropped starts a new row
            let new_row_bottom = rows_bottom + ROW_PITCH;
            let bottom = new_row_bottom.max(tray.map_or(new_row_bottom, |t| t.bottom())) + 0.5;
            geometry.halls.push(HallBlock {
                name: hall.name.clone(),
                rect: Rect::from_min_max(pos2(0.0, top), pos2(block_right, bottom)),
                rows_rect,
                rows: row_list,
                tray,
            });
            top = bottom + HALL_GAP;
        }
        geometry.bounds = geometry
            .halls
            .iter()
            .fold(Rect::NOTHING, |b, hall| b.union(hall.rect));
        geometry.mesh = mesh(&geometry.tiles, &colour);
        geometry
    }

    /// The group whose tile is at `world`, if any.
    pub fn group_at(&self, world: Pos2) -> Option<At> {
        self.tiles
            .iter()
            .find(|(rect, _)| rect.contains(world))
            .map(|(_, at)| *at)
    }

    /// The hall, row and slot a group dropped with its first rack at `world` takes: the row
    /// whose band holds the point (a new row after the last when below it), the slot under
    /// the point. `None` outside every hall's rows.
    pub fn snap(&self, world: Pos2) -> Option<(usize, Position)> {
        let (h, hall) = self
            .halls
            .iter()
            .enumerate()
            .find(|(_, hall)| hall.rect.y_range().contains(world.y))?;
        let top = hall.rows_rect.top();
        if world.y < top - AISLE || world.x < hall.rows_rect.left() - RACK_W {
            return None;
        }
        let index = ((world.y - top) / ROW_PITCH).floor().max(0.0) as usize;
        let row = match hall.rows.get(index) {
            Some((name, _)) => name.clone(),
            None => next_row_name(&hall.rows),
        };
        let slot = ((world.x - ROW_LABEL_W) / RACK_W).floor().max(0.0) as u32 + 1;
        Some((h, Position { row, slot }))
    }

    /// Where the first rack of a group at `position` in hall `h` stands, metres.
    pub fn place(&self, h: usize, position: &Position) -> Option<Pos2> {
        let hall = self.halls.get(h)?;
        let y = match hall.rows.iter().find(|(name, _)| *name == position.row) {
            Some((_, y)) => *y,
            None => hall.rows_rect.top() + hall.rows.len() as f32 * ROW_PITCH,
        };
        Some(pos2(
            ROW_LABEL_W + (position.slot.max(1) - 1) as f32 * RACK_W,
            y,
        ))
    }
}

/// The row after the last of `rows`: A after none, then the name after the last.
fn next_row_name(rows: &[(String, f32)]) -> String {
    let index = rows
        .iter()
        .filter_map(|(name, _)| row_index(name))
        .max()
        .map_or(0, |i| i + 1);
    crate::sample::row_name(index)
}

/// The index of a row named A … Z, AA … (as [`crate::sample::row_name`] names them).
fn row_index(name: &str) -> Option<usize> {
    let letters: Vec<u8> = name.bytes().collect();
    let value = |b: u8| b.is_ascii_uppercase().then(|| usize::from(b - b'A'));
    match letters.as_slice() {
        [one] => value(*one),
        [first, second] => Some((value(*first)? + 1) * 26 + value(*second)?),
        _ => None,
    }
}

/// One quad per tile, in world coordinates.
fn mesh(tiles: &[(Rect, At)], colour: &impl Fn(At) -> Color32) -> Mesh {
    let mut mesh = Mesh::default();
    mesh.reserve_triangles(tiles.len() * 2);
    mesh.reserve_vertices(tiles.len() * 4);
    let mut last: Option<(At, Color32)> = None;
    for (rect, at) in tiles {
        let fill = match last {
            Some((a, c)) if a == *at => c,
            _ => {
                let c = colour(*at);
                last = Some((*at, c));
                c
            }
        };
        // a small gap between neighbouring racks
        let inner = rect.shrink2(Vec2::new(0.04, 0.04));
        let base = mesh.vertices.len() as u32;
        for corner in [
            inner.left_top(),
            inner.right_top(),
            inner.right_bottom(),
            inner.left_bottom(),
        ] {
            mesh.vertices.push(Vertex {
                pos: corner,
                uv: WHITE_UV,
                color: fill,
            });
        }
        mesh.indices
            .extend_from_slice(&[base, base + 1, base + 2, base, base + 2, base + 3]);
    }
    mesh
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::small_site;

    #[test]
    fn every_rack_of_every_hall_has_a_tile_in_its_row_and_slot() {
        let site = small_site();
        let geometry = Geometry::build(&site, |_| Color32::RED);
        assert_eq!(geometry.halls.len(), site.halls.len());
        // ai-hall: 76 racks, all placed, none over 200 per group
        assert_eq!(geometry.tiles.len(), site.rack_count() as usize);
        assert_eq!(geometry.mesh.vertices.len(), 4 * geometry.tiles.len());
        // CPU-A01: 8 racks from A/1; its third rack at slot 3
        let tiles = &geometry.tiles[geometry.by_group[&(0, 0)].clone()];
        assert_eq!(tiles.len(), 8);
        let third = tiles[2].0;
        assert_eq!(third.left(), ROW_LABEL_W + 2.0 * RACK_W);
        assert_eq!(geometry.group_at(third.center()), Some((0, 0)));
        // the second hall sits below the first
        assert!(geometry.halls[1].rect.top() > geometry.halls[0].rect.bottom());
    }

    #[test]
    fn a_point_snaps_to_its_row_and_slot_and_below_the_last_row_to_a_new_row() {
        let site = small_site();
        let geometry = Geometry::build(&site, |_| Color32::RED);
        let hall = &geometry.halls[0];
        let (_, b_y) = hall.rows.iter().find(|(n, _)| n == "B").unwrap().clone();
        let point = pos2(ROW_LABEL_W + 4.5 * RACK_W, b_y + 0.3);
        assert_eq!(
            geometry.snap(point),
            Some((
                0,
                Position {
                    row: "B".into(),
                    slot: 5
                }
            ))
        );
        // rows A, B, C: a point in the band below C is in a new row D
        let below = pos2(ROW_LABEL_W + 0.1, hall.rows_rect.bottom() + 1.0);
        let (h, position) = geometry.snap(below).unwrap();
        assert_eq!((h, position.row.as_str(), position.slot), (0, "D", 1));
        assert_eq!(row_index("AB"), Some(27));
        let place = geometry
            .place(
                0,
                &Position {
                    row: "B".into(),
                    slot: 5,
                },
            )
            .unwrap();
        assert_eq!(geometry.snap(place + vec2(0.1, 0.1)).unwrap().1.slot, 5);
    }
}

//! The floor plan driven like a user: a rack group dragged below the last row of its hall
//! lands in a new row, in one undo step.

use egui::accesskit::Role;
use egui::pos2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::geometry::{RACK_W, ROW_LABEL_W};
use crate::CoolplanApp;
use crate::command::Command;
use crate::state::View;
use crate::test_harness::example_view;
use coolplan_model::Position;

fn floor_view() -> Harness<'static, CoolplanApp> {
    example_view(View::Floor, [1400.0, 1000.0])
}

fn position_of_first_group(harness: &Harness<'_, CoolplanApp>) -> Option<Position> {
    harness.state().state.doc.site.halls[0].racks[0]
        .position
        .clone()
}

#[test]
fn a_group_dragged_below_the_last_row_lands_in_a_new_row_in_one_undo_step() {
    let mut harness = floor_view();
    let hint = "Wheel: zoom · drag the floor: pan · drag a rack group: move it";
    let canvas = harness.get_by_role_and_label(Role::Canvas, hint).rect();
    let (from, to) = {
        let floor = &harness.state().panels.floor;
        let to_screen = floor.to_screen(canvas.min);
        let geometry = &floor.cache.as_ref().expect("drawn").1;
        // CPU-A01 stands at A/1: its first tile
        let first = geometry.tiles[geometry.by_group[&(0, 0)].start].0;
        // the band below row C (the hall's last), over its third slot
        let hall = &geometry.halls[0];
        let below = pos2(ROW_LABEL_W + 2.5 * RACK_W, hall.rows_rect.bottom() + 1.0);
        (to_screen * first.center(), to_screen * below)
    };
    assert_eq!(
        position_of_first_group(&harness),
        Some(Position {
            row: "A".into(),
            slot: 1
        })
    );
    harness.hover_at(from);
    harness.step();
    harness.drag_at(from);
    harness.step();
    for k in 1..=4 {
        harness.hover_at(from + (to - from) * (k as f32 / 4.0));
        harness.step();
    }
    harness.drop_at(to);
    harness.run();
    assert_eq!(
        position_of_first_group(&harness),
        Some(Position {
            row: "D".into(),
            slot: 3
        })
    );
    harness.state_mut().queue(Command::Undo);
    harness.run();
    assert_eq!(
        position_of_first_group(&harness),
        Some(Position {
            row: "A".into(),
            slot: 1
        })
    );
}

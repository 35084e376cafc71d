//! One GUI frame of the app with a generated site open on the Inventory view and the rack
//! table being scrolled (one mouse-wheel page per frame, down then up), at 100 / 1,000 /
//! 10,000 rack groups, in the egui_kittest harness (no GPU: layout, tessellation and the
//! AccessKit tree, which the real window builds only when a screen reader asks).
//! Budget at 10k: ≤ 8 ms a frame.

mod support;

use std::hint::black_box;

use coolplan::app::file_dialog::FileDialogs;
use coolplan::app::recovery::RecoveryStore;
use coolplan::app::settings::{DialogPreference, Settings};
use coolplan::app::state::{Document, View};
use coolplan::app::{CoolplanApp, fonts};
use coolplan::model::generate::generate_site;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui::{Event, Modifiers, MouseWheelSource, MouseWheelUnit, TouchPhase, vec2};
use egui_kittest::Harness;
use support::{SEED, SIZES};

/// The app on a generated site, Inventory view, after its first frames (results computed).
fn app_harness(rack_groups: usize) -> Harness<'static, CoolplanApp> {
    let site = generate_site(rack_groups, SEED);
    let settings = Settings {
        dialogs: DialogPreference::InApp,
        ..Settings::default()
    };
    let mut app = CoolplanApp::new(
        Document::new(site, None, Some(format!("site-{rack_groups}.ron"))),
        settings,
        RecoveryStore::disabled(),
        FileDialogs::default(),
    );
    app.queue(coolplan::app::command::Command::ShowView(View::Inventory));
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .allow_missing_glyphs()
        .with_context_setup(fonts::install)
        .build_ui_state(|ui, app: &mut CoolplanApp| app.show(ui), app);
    harness.run();
    // The pointer over the table, so wheel events scroll it.
    harness.hover_at(egui::pos2(700.0, 450.0));
    harness.step();
    harness
}

/// One frame with one wheel page of scrolling (`down` or up).
fn scrolled_frame(harness: &mut Harness<'static, CoolplanApp>, down: bool) {
    harness.event(Event::MouseWheel {
        unit: MouseWheelUnit::Page,
        delta: vec2(0.0, if down { -1.0 } else { 1.0 }),
        phase: TouchPhase::Move,
        source: MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    });
    harness.step();
}

fn gui_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("gui_frame_scrolled");
    for n in SIZES {
        let mut harness = app_harness(n);
        // Into the middle of the table first, then scroll around there.
        for _ in 0..(n / 40).min(50) {
            scrolled_frame(&mut harness, true);
        }
        let mut frame = 0u64;
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                frame += 1;
                // Four pages down, four up: always new rows in view.
                scrolled_frame(black_box(&mut harness), frame % 8 < 4);
            })
        });
    }
    group.finish();
}

criterion_group!(benches, gui_frame);
criterion_main!(benches);

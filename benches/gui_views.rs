//! One steady GUI frame of each main view (Inventory, Floor, Rack, Compare, Analysis, Catalog)
//! with the generated 10,000-group site open, in the egui_kittest harness (1280 × 800, no GPU):
//! `CoolplanApp::show` (layout), the AccessKit tree (which the real window builds only for a
//! screen reader) and the tessellation of the frame's shapes. "Steady": the view is shown and
//! settled (results, caches, fonts) before timing; each timed frame has no input, so it is the
//! cost of drawing the view as it stands, which egui pays on every repaint.
//! Budget (issues 20 and 24): ≤ 8 ms a frame for every view at 10,000 groups.
//!
//! The Rack view shows the first rack group of the first hall; the Analysis view shows a
//! computed tornado, a Monte Carlo result of 32 samples, the phased plan and the CDU N+1
//! checks, on the uncertainty list of the bundled example (`sites/ai-hall.ron`).

mod support;

use std::hint::black_box;

use coolplan::app::command::Command;
use coolplan::app::file_dialog::FileDialogs;
use coolplan::app::recovery::RecoveryStore;
use coolplan::app::sample::example_site;
use coolplan::app::settings::{DialogPreference, Settings};
use coolplan::app::state::{Document, Selection, View};
use coolplan::app::{CoolplanApp, fonts};
use coolplan::model::generate::generate_site;
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use support::SEED;

/// Rack groups of the benchmark site.
const GROUPS: usize = 10_000;
/// The views timed, with their names in the report.
const VIEWS: [(View, &str); 6] = [
    (View::Inventory, "inventory"),
    (View::Floor, "floor"),
    (View::Rack, "rack"),
    (View::Compare, "compare"),
    (View::Analysis, "analysis"),
    (View::Catalog, "catalog"),
];

/// The app on the generated site with the example's uncertain inputs, its studies computed.
fn app_harness() -> Harness<'static, CoolplanApp> {
    let mut site = generate_site(GROUPS, SEED);
    site.uncertainty = example_site()
        .expect("the bundled example loads")
        .uncertainty;
    let settings = Settings {
        dialogs: DialogPreference::InApp,
        ..Settings::default()
    };
    let mut app = CoolplanApp::new(
        Document::new(site, None, Some(format!("site-{GROUPS}.ron"))),
        settings,
        RecoveryStore::disabled(),
        FileDialogs::default(),
    );
    app.state.studies.monte_carlo.samples = 32;
    for command in [
        Command::Select(Selection {
            hall: Some(0),
            rack: Some(0),
        }),
        Command::ComputeTornado,
        Command::MakePlan,
        Command::RunMonteCarlo,
    ] {
        app.queue(command);
    }
    let _ = app.apply_queued();
    app.state.studies.monte_carlo.wait();
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .allow_missing_glyphs()
        .with_context_setup(fonts::install)
        .build_ui_state(|ui, app: &mut CoolplanApp| app.show(ui), app);
    harness.run();
    harness
}

fn view_frames(c: &mut Criterion) {
    let mut harness = app_harness();
    let mut group = c.benchmark_group("gui_view_frame_10k");
    for (view, name) in VIEWS {
        harness.state_mut().queue(Command::ShowView(view));
        harness.run();
        // a few more frames: plots and tables settle their sizes over two or three
        for _ in 0..4 {
            harness.step();
        }
        assert_eq!(harness.state().state.view, view);
        group.bench_function(name, |b| {
            b.iter(|| {
                black_box(&mut harness).step();
                tessellate(&harness)
            })
        });
    }
    // What the Analysis view costs without the phased plan's sections (years, chart, why
    // each group), to show how much of its frame they are.
    harness.state_mut().state.studies.plan.plan = None;
    harness.run();
    group.bench_function("analysis_without_plan", |b| {
        b.iter(|| {
            black_box(&mut harness).step();
            tessellate(&harness)
        })
    });
    group.finish();
}

/// The frame's shapes turned into triangles, as the window does before painting (the harness
/// has no renderer; the copy of the shape list is the only work the window does not do).
fn tessellate(harness: &Harness<'static, CoolplanApp>) -> Vec<egui::ClippedPrimitive> {
    let output = harness.output();
    harness
        .ctx
        .tessellate(output.shapes.clone(), output.pixels_per_point)
}

criterion_group!(
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = view_frames
);
criterion_main!(benches);

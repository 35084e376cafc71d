//! Snapshot images of every view on the bundled ai-hall example, in English and Chinese: the
//! app drawn by wgpu on a software adapter (Mesa lavapipe on Linux) and compared with the PNGs
//! committed under `tests/snapshots/gui/` within [`tolerance`].
//!
//! Update after a deliberate change of the look: `UPDATE_SNAPSHOTS=1 cargo test --test gui
//! snapshots::every` (only the images that fail are rewritten; `UPDATE_SNAPSHOTS=force` rewrites all),
//! then look at every changed PNG before committing it (README, "Testing").
//!
//! Without a wgpu adapter the images cannot be drawn: the tests say `SKIPPED` and pass on a
//! developer's machine, and fail when `COOLPLAN_REQUIRE_SNAPSHOTS` is set (`.ci/run` sets it
//! after installing Mesa), so CI never passes without comparing them.

use std::panic::{AssertUnwindSafe, catch_unwind};

use coolplan::app::command::Command;
use coolplan::app::state::{Modal, Selection, View};
use coolplan::app::{CoolplanApp, fonts};
use coolplan::i18n::gui::Gui;
use coolplan::i18n::{Lang, Text};
use egui_kittest::kittest::Queryable;
use egui_kittest::wgpu::WgpuTestRenderer;
use egui_kittest::{Harness, SnapshotOptions};

use crate::support::example_app;

/// The window of every snapshot, in points (one pixel per point).
const SIZE: [f32; 2] = [1280.0, 800.0];

/// Set (to anything) where a missing adapter must fail the tests instead of skipping them.
const REQUIRE_ENV: &str = "COOLPLAN_REQUIRE_SNAPSHOTS";

/// How much a snapshot may differ from the committed image.
///
/// Per pixel: a weighted squared YIQ distance of 12, about 5 grey levels of 255 (one level is
/// 0.51), so blending and rounding that differ between Mesa versions or between lavapipe and a
/// GPU pass. Pixels dify takes for anti-aliased edges (most glyph edges) are not counted at
/// all, so a changed glyph counts only its solid core: the cash-flow chart's clipped "203"
/// label, removed, counted 14 pixels. Per image: at most 8 such pixels, so that label fails,
/// and a panel edge moved by one pixel (two full-height columns, ≈ 1,500 pixels) fails by far;
/// `the_tolerance_passes_blending_noise_and_fails_a_moved_panel` checks both directions.
fn tolerance() -> SnapshotOptions {
    SnapshotOptions::new()
        .threshold(12.0)
        .max_failed_pixels(8)
        .output_path("tests/snapshots/gui")
}

/// The snapshots taken, in order: file stem and what is shown.
fn pages() -> Vec<(&'static str, Page)> {
    let mut pages = vec![("start", Page::Start)];
    for view in View::ALL {
        let stem = match view {
            View::Inventory => "inventory",
            View::Rack => "rack",
            View::Floor => "floor",
            View::Compare => "compare",
            View::Catalog => "catalog",
            View::Assumptions => "assumptions",
            View::Site => "site",
            View::Analysis => "analysis",
            View::Compliance => "compliance",
        };
        pages.push((stem, Page::View(view)));
        if view == View::Compare {
            pages.push(("compare-charts", Page::CompareCharts));
        }
        if view == View::Rack {
            pages.push(("rack-h100", Page::RackGroup("H100-B01")));
        }
    }
    pages
}

#[derive(Clone, Copy)]
enum Page {
    /// The start page over the app, as on first launch.
    Start,
    View(View),
    /// The comparison scrolled down to its last chart (the views after it must not inherit
    /// the scroll).
    CompareCharts,
    /// The rack view of the named group (H100-B01: four 7 U servers, each labelled).
    RackGroup(&'static str),
}

/// A wgpu renderer on the preferred software adapter, or `None` when there is no adapter (the
/// renderer's constructor panics then; its message is printed).
fn renderer() -> Option<WgpuTestRenderer> {
    catch_unwind(AssertUnwindSafe(WgpuTestRenderer::new)).ok()
}

/// The app on ai-hall in `lang`, drawing with `renderer`.
fn app_drawn_by(renderer: WgpuTestRenderer, lang: Lang) -> Harness<'static, CoolplanApp> {
    let app = example_app(lang);
    let mut harness = Harness::builder()
        .with_size(SIZE)
        .allow_missing_glyphs()
        .with_context_setup(fonts::install)
        .renderer(renderer)
        .build_ui_state(|ui, app: &mut CoolplanApp| app.show(ui), app);
    harness.run();
    harness
}

/// Draws every page in `lang` and compares each with its committed image; all are compared
/// before the test fails, and every failure is listed.
fn every_view_matches(lang: Lang) {
    let Some(renderer) = renderer() else {
        assert!(
            std::env::var_os(REQUIRE_ENV).is_none(),
            "{REQUIRE_ENV} is set but no wgpu adapter was found: install Mesa's software \
             drivers (mesa-vulkan-drivers) so the snapshot images are compared"
        );
        eprintln!(
            "SKIPPED: no wgpu adapter, the {lang:?} view snapshots were not compared \
             (install mesa-vulkan-drivers; CI sets {REQUIRE_ENV})"
        );
        return;
    };
    let mut harness = app_drawn_by(renderer, lang);
    let options = tolerance();
    let code = match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    };
    for (stem, page) in pages() {
        let command = match page {
            Page::Start => Command::ShowModal(Modal::Start),
            Page::View(view) => Command::ShowView(view),
            Page::CompareCharts => Command::ShowView(View::Compare),
            Page::RackGroup(name) => Command::Select(group_named(&harness, name)),
        };
        harness.state_mut().queue(command);
        harness.run();
        if matches!(page, Page::CompareCharts) {
            harness
                .get_by_label(Gui::ChartMonthly.tr(lang))
                .scroll_to_me();
            harness.run();
        }
        fix_recompute_time(&mut harness);
        harness.snapshot_options(format!("ai-hall-{code}-{stem}"), &options);
        if matches!(page, Page::Start) {
            harness.state_mut().queue(Command::CloseModal);
            harness.run();
        }
    }
}

/// The selection of the rack group called `name`.
fn group_named(harness: &Harness<'static, CoolplanApp>, name: &str) -> Selection {
    let site = &harness.state().state.doc.site;
    site.halls
        .iter()
        .enumerate()
        .find_map(|(h, hall)| {
            let r = hall.racks.iter().position(|r| r.name == name)?;
            Some(Selection {
                hall: Some(h),
                rack: Some(r),
            })
        })
        .unwrap_or_else(|| panic!("ai-hall has no group {name}"))
}

/// The status bar shows how long the last recompute took, which differs from run to run: the
/// snapshots show 1 ms.
fn fix_recompute_time(harness: &mut Harness<'static, CoolplanApp>) {
    harness.state_mut().state.analysis.elapsed = std::time::Duration::from_millis(1);
    harness.run();
}

#[test]
fn every_view_in_english_matches_its_snapshot() {
    every_view_matches(Lang::En);
}

#[test]
fn every_view_in_chinese_matches_its_snapshot() {
    every_view_matches(Lang::Zh);
}

/// The tolerance lets through what differs between renderers and refuses a layout change: the
/// committed English inventory with every pixel's grey shifted by 3 levels passes; the same
/// image with the central panel moved right by one pixel fails.
#[test]
fn the_tolerance_passes_blending_noise_and_fails_a_moved_panel() {
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        // egui_kittest writes instead of comparing in update mode: nothing to check.
        eprintln!("SKIPPED: UPDATE_SNAPSHOTS is set, the tolerance is not checked");
        return;
    }
    let committed = std::path::Path::new("tests/snapshots/gui/ai-hall-en-inventory.png");
    let image = image_of(committed);
    let scratch = tempfile::tempdir().unwrap();
    let options = tolerance().output_path(scratch.path());
    std::fs::copy(committed, scratch.path().join("inventory.png")).unwrap();

    let mut noisy = image.clone();
    for (x, y, pixel) in noisy.enumerate_pixels_mut() {
        let shift: i16 = if (x + y) % 2 == 0 { 3 } else { -3 };
        for channel in &mut pixel.0[..3] {
            *channel = (i16::from(*channel) + shift).clamp(0, 255) as u8;
        }
    }
    egui_kittest::try_image_snapshot_options(&noisy, "inventory", &options)
        .expect("3 grey levels everywhere are within the tolerance");

    // The central panel starts right of the site tree (230 points wide by default).
    let mut moved = image.clone();
    let (width, height) = moved.dimensions();
    for y in 0..height {
        for x in (240..width).rev() {
            let left = *image.get_pixel(x - 1, y);
            moved.put_pixel(x, y, left);
        }
    }
    let refused = egui_kittest::try_image_snapshot_options(&moved, "inventory", &options);
    assert!(
        matches!(refused, Err(egui_kittest::SnapshotError::Diff { diff, .. }) if diff > 8),
        "a panel moved by one pixel must fail: {refused:?}"
    );
}

/// The RGBA image of a committed snapshot.
fn image_of(path: &std::path::Path) -> image::RgbaImage {
    image::open(path)
        .unwrap_or_else(|err| panic!("{}: {err}", path.display()))
        .to_rgba8()
}

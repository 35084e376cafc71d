//! What the window's width does to the compare table and the header, on the bundled ai-hall:
//! seven option columns fit a 1280 pt window beside their metric names; a narrower window
//! scrolls the columns sideways under names that stay; a header figure that does not fit the
//! rest of its row starts the next row instead of wrapping a glyph a line.

use crate::support::{harness_sized, show};
use coolplan::app::command::Command;
use coolplan::app::state::View;
use coolplan::i18n::Lang;
use egui_kittest::kittest::Queryable;

type AppHarness = egui_kittest::Harness<'static, coolplan::app::CoolplanApp>;

/// The rectangle of the label `text` on the row at height `y` (the same words appear in the
/// plan's figures above the table and in the charts below it).
fn on_row(harness: &AppHarness, text: &str, y: f32) -> egui::Rect {
    harness
        .query_all_by_label(text)
        .map(|node| node.rect())
        .find(|rect| (rect.center().y - y).abs() < 12.0)
        .unwrap_or_else(|| panic!("no {text:?} on the row at {y}"))
}

/// The topmost label containing `text`.
fn topmost(harness: &AppHarness, text: &str) -> egui::Rect {
    harness
        .query_all_by_label_contains(text)
        .map(|node| node.rect())
        .min_by(|a, b| a.top().total_cmp(&b.top()))
        .unwrap_or_else(|| panic!("no label contains {text:?}"))
}

/// The left edges of the table's header cells `names`, in column order.
fn column_lefts(harness: &AppHarness, names: &[&str]) -> Vec<f32> {
    let y = harness.get_by_label(names[0]).rect().center().y;
    names
        .iter()
        .map(|name| on_row(harness, name, y).left())
        .collect()
}

#[test]
fn seven_option_columns_fit_a_1280_window_in_both_languages() {
    let mut harness = harness_sized(None, [1280.0, 800.0]);
    show(&mut harness, View::Compare);
    for (lang, names) in [
        (
            Lang::En,
            ["Metric", "Air", "Rear door, passive", "Immersion"],
        ),
        (
            Lang::Zh,
            ["指标", "风冷", "被动式水冷背板", "单相浸没式液冷"],
        ),
    ] {
        harness.state_mut().queue(Command::SetLang(lang));
        harness.run();
        let lefts = column_lefts(&harness, &names);
        // one column's pitch (width + 8 pt spacing), from the first two option columns
        let pitch = lefts[2] - lefts[1];
        assert!((90.0..=138.0).contains(&pitch), "{lang:?}: pitch {pitch}");
        // the last column ends inside the central panel (window 1280 less its 8 pt margin)
        let right = lefts[3] + pitch - 8.0;
        assert!(right <= 1272.0, "{lang:?}: last column ends at {right}");
    }
}

#[test]
fn a_narrow_window_scrolls_the_option_columns_under_names_that_stay() {
    let mut harness = harness_sized(None, [1024.0, 768.0]);
    show(&mut harness, View::Compare);
    let metric = harness.get_by_label("Metric").rect();
    let y = metric.center().y;
    // 246 pt of tree and margins, names ≈ 110 pt, 7 × 98 pt of columns: wider than 1024
    let immersion = on_row(&harness, "Immersion", y);
    assert!(immersion.right() > 1016.0, "not cut: {immersion:?}");
    let air = on_row(&harness, "Air", y);
    harness
        .query_all_by_label("Immersion")
        .find(|node| (node.rect().center().y - y).abs() < 12.0)
        .unwrap()
        .scroll_to_me();
    harness.run();
    let immersion = on_row(&harness, "Immersion", y);
    assert!(immersion.right() <= 1016.0, "scrolled: {immersion:?}");
    // the names stay where they were; the columns moved left under them
    assert_eq!(harness.get_by_label("Metric").rect(), metric);
    assert!(on_row(&harness, "Air", y).left() < air.left() - 20.0);
}

#[test]
fn a_header_figure_that_does_not_fit_its_row_starts_the_next() {
    for lang in [Lang::En, Lang::Zh] {
        let mut harness = harness_sized(None, [1024.0, 768.0]);
        harness.state_mut().queue(Command::SetLang(lang));
        harness.run();
        // ai-hall cannot comply by 2027: its comply-by figure is the header's last
        let comply = topmost(&harness, "1.422");
        let decision = topmost(&harness, "12 ");
        // one line of 16 pt text, on the second row
        assert!(comply.height() < 30.0, "{lang:?}: wrapped {comply:?}");
        assert!(comply.top() > decision.bottom(), "{lang:?}: {comply:?}");
    }
}

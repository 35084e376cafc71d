//! The catalog view driven like a user: search and filters keep the right rows, headers sort,
//! a shipped model is copied into the site, and a model's sources open with a copyable URL.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::CoolplanApp;
use crate::command::Command;
use crate::sample::example_site;
use crate::state::View;
use crate::test_harness::example_view;
use coolplan_model::assumptions::Provenance;

/// The app on the bundled example, showing the catalog, in a window tall enough for the table.
fn catalog_view() -> Harness<'static, CoolplanApp> {
    example_view(View::Catalog, [1400.0, 1000.0])
}

/// Ids of the rows the table shows, top to bottom.
fn shown_ids(harness: &Harness<'_, CoolplanApp>) -> Vec<String> {
    let catalog = &harness.state().state.catalog;
    let mut rows: Vec<(f32, String)> = catalog
        .models()
        .iter()
        .filter_map(|m| {
            harness
                .query_by_label(&m.id)
                .map(|node| (node.rect().top(), m.id.clone()))
        })
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter().map(|(_, id)| id).collect()
}

/// Types `text` into the search field.
fn search(harness: &mut Harness<'static, CoolplanApp>, text: &str) {
    let field = harness.get_by_label("Search id, name, vendor or alias");
    field.focus();
    field.type_text(text);
    harness.run();
}

/// Opens the combo box labelled `filter` and picks `choice` in it (not a table cell that
/// happens to say the same).
fn pick(harness: &mut Harness<'static, CoolplanApp>, filter: &str, choice: &str) {
    harness.get_by_label(filter).click();
    harness.run();
    harness
        .get_by(|node| {
            node.label().as_deref() == Some(choice) && node.role() != egui::accesskit::Role::Label
        })
        .click();
    harness.run();
}

#[test]
fn the_search_finds_models_by_id_and_by_alias() {
    let mut harness = catalog_view();
    search(&mut harness, "sn5600");
    assert_eq!(shown_ids(&harness), ["nvidia-sn5600"]);
    harness.get_by_label("1 of 79 models");
    // A NetBox slug is an alias of the R4900 G7.
    let mut harness = catalog_view();
    search(&mut harness, "h3c-uniserver-r4900-g7");
    assert_eq!(shown_ids(&harness), ["h3c-r4900-g7"]);
}

#[test]
fn kind_and_vendor_filters_keep_the_matching_rows() {
    let mut harness = catalog_view();
    pick(&mut harness, "Filter by kind", "Network switch");
    let network = shown_ids(&harness);
    assert_eq!(network.len(), 6, "{network:?}");
    let catalog = harness.state().state.catalog.clone();
    assert!(network.iter().all(|id| {
        catalog.get(id).unwrap().kind == coolplan_model::catalog::ServerKind::Network
    }));
    // And vendor Huawei among them: the CloudEngine spine switch only.
    pick(&mut harness, "Filter by vendor", "Huawei");
    assert_eq!(shown_ids(&harness), ["huawei-ce8850-64cq-ei"]);
}

#[test]
fn a_header_click_sorts_by_power_and_a_second_click_reverses() {
    let mut harness = catalog_view();
    pick(&mut harness, "Filter by kind", "Rack-scale system");
    harness.get_by_label("Max kW").click();
    harness.run();
    // 36 (CloudMatrix rack), 120 (GB200), 140 (GB300), 190, 370, 600 kW
    assert_eq!(
        shown_ids(&harness),
        [
            "cloudmatrix-384-rack",
            "gb200-nvl72",
            "gb300-nvl72",
            "vr-nvl144",
            "vr-nvl144-cpx",
            "rubin-ultra-nvl576"
        ]
    );
    harness.get_by_label("Max kW ^").click();
    harness.run();
    let descending = shown_ids(&harness);
    assert_eq!(descending.first().unwrap(), "rubin-ultra-nvl576");
    assert_eq!(descending.last().unwrap(), "cloudmatrix-384-rack");
}

#[test]
fn a_shipped_model_is_added_to_the_site_as_a_copy_under_a_new_id() {
    let mut harness = catalog_view();
    search(&mut harness, "hgx-h200");
    harness.get_by_label("hgx-h200").click();
    harness.run();
    harness.get_by_label("Add as site model").click();
    harness.run();
    let state = &harness.state().state;
    let copy = state
        .doc
        .site
        .catalog
        .iter()
        .find(|m| m.id == "hgx-h200-site")
        .expect("the copy is in the site's catalog");
    let shipped = coolplan_model::Catalog::builtin();
    let original = shipped.get("hgx-h200").unwrap();
    assert_eq!(copy.max_power, original.max_power);
    assert_eq!(copy.sources, original.sources);
    assert!(copy.aliases.is_empty());
    assert_eq!(
        state.catalog.provenance("hgx-h200-site"),
        Some(&Provenance::SiteFile)
    );
    // The shipped model is still there, unchanged, and a second copy gets the next id.
    assert_eq!(state.catalog.get("hgx-h200"), Some(original));
    // The copy is selected: a site model, so it offers no copy of itself.
    assert_eq!(
        harness.state().state.doc.site.catalog.len(),
        example_site().unwrap().catalog.len() + 1
    );
    assert!(harness.query_by_label("Add as site model").is_none());
    // One undo step removes the copy.
    harness.state_mut().queue(Command::Undo);
    harness.run();
    assert!(harness.state().state.catalog.get("hgx-h200-site").is_none());
}

#[test]
fn a_models_sources_open_with_their_tags_and_a_url_can_be_copied() {
    let mut harness = catalog_view();
    search(&mut harness, "dgx-b200");
    // The tags in the table open the sources.
    harness.get_by_label("[MFR] [2nd] [EST]").click();
    harness.run();
    assert!(harness.query_all_by_label("Sources of dgx-b200").count() >= 1);
    harness.get_by_label_contains("NVIDIA DGX B200 User Guide");
    harness.get_by_label_contains("manufacturer material");
    let url = "https://docs.nvidia.com/dgx/dgxb200-user-guide/introduction-to-dgxb200.html";
    harness.get_by_label(url);
    harness.get_all_by_label("Copy").next().unwrap().click();
    harness.run();
    harness.get_by_label(&format!("Copied: {url}"));
}

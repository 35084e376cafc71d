//! What one screen says in two places agrees, on `sites/colo-doors.ron` (three groups: the
//! H100 racks on air and on passive rear doors, the NVL72 racks on cold plate + rear door
//! because the hall's 500 kW of air cannot take cold plate's 15.3 kW per rack of residual air
//! on all twelve): the rack view names the plan's option, as the header does, and the best
//! single option's reasons name the option each one rules out; and the start page offers the
//! examples that choose the newer options.

use crate::support::{harness, show};
use coolplan::app::command::Command;
use coolplan::app::state::{Selection, View};
use coolplan::i18n::Lang;
use egui_kittest::kittest::Queryable;

fn colo_doors() -> coolplan::model::Site {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sites/colo-doors.ron");
    coolplan::io::load_site(&path).expect("example site").site
}

#[test]
fn the_rack_view_recommends_the_plans_option_for_the_group() {
    let mut harness = harness(Some(colo_doors()));
    // NVL72-R03 is the third group of the only hall
    harness.state_mut().queue(Command::Select(Selection {
        hall: Some(0),
        rack: Some(2),
    }));
    show(&mut harness, View::Rack);
    harness.check_accessibility();
    // the header counts it under cold plate + rear door; cold plate alone is its best NPV but
    // the hall's air plant has no room for it
    assert!(
        harness
            .query_by_label("Recommended: Cold plate + rear door")
            .is_some()
    );
    assert!(harness.query_by_label("Recommended: Cold plate").is_none());
    harness.state_mut().queue(Command::SetLang(Lang::Zh));
    harness.run();
    assert!(
        harness
            .query_by_label("推荐方案: 冷板 + 水冷背板")
            .is_some()
    );
}

#[test]
fn the_best_single_options_reasons_name_the_option_they_rule_out() {
    let mut harness = harness(Some(colo_doors()));
    show(&mut harness, View::Compare);
    // 12 NVL72 racks at 120 kW: a passive door leaves 85.8 kW per rack on the room's air, an
    // active door 45 kW, both above the 25 kW air limit; listed above the table and again
    // under each option's heading below it
    assert_eq!(
        harness
            .query_all_by_label(
                "• Rear door, passive: air cannot cool 85.8 kW per rack (limit 25 kW)"
            )
            .count(),
        1
    );
    assert_eq!(
        harness
            .query_all_by_label("• Rear door, active: air cannot cool 45 kW per rack (limit 25 kW)")
            .count(),
        1
    );
    // the best option's own reason stays unprefixed
    assert!(
        harness
            .query_by_label_contains("• best NPV against air:")
            .is_some()
    );
    harness.state_mut().queue(Command::SetLang(Lang::Zh));
    harness.run();
    assert!(
        harness
            .query_by_label_contains("• 被动式水冷背板：风冷无法冷却每机柜 85.8 kW")
            .is_some()
    );
}

#[test]
fn the_start_page_offers_the_examples_of_every_option() {
    let mut harness = harness(None);
    harness
        .state_mut()
        .queue(Command::ShowModal(coolplan::app::state::Modal::Start));
    harness.run();
    // the three sites that choose rear doors, the hybrid and liquid-to-air CDUs
    for name in ["colo-doors.ron", "office-gpu-room.ron", "gpu-expansion.ron"] {
        assert!(harness.query_by_label(name).is_some(), "{name}");
    }
    assert!(
        harness
            .query_by_label_contains("without facility water: GPU racks on liquid-to-air CDUs")
            .is_some()
    );
    harness.get_by_label("colo-doors.ron").click();
    harness.run();
    let site = &harness.state().state.doc.site;
    assert_eq!(
        site.name,
        "Colocation hall Shanghai — rear doors and hybrid"
    );
}

//! The enabling works of the plan in the app (`docs/method.md` §5.1): on
//! `sites/gpu-expansion.ron` the compare view lists the air-plant addition and the electrical
//! upgrade with their lead time and in-service year and the rack group that waits for them,
//! and the inventory marks that group, in English and Chinese.

use crate::support::{harness, show};
use coolplan::app::command::Command;
use coolplan::app::state::View;
use coolplan::i18n::Lang;
use egui_kittest::kittest::Queryable;

fn gpu_expansion() -> coolplan::model::Site {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sites/gpu-expansion.ron");
    coolplan::io::load_site(&path).expect("example site").site
}

#[test]
fn the_compare_view_lists_the_works_and_the_inventory_marks_the_group_that_waits() {
    let mut harness = harness(Some(gpu_expansion()));
    show(&mut harness, View::Compare);
    harness.check_accessibility();
    // the works table: both works, needed from 2026, 36 weeks, in service 2027
    assert!(harness.query_by_label("Enabling works").is_some());
    assert!(harness.query_by_label("Air-plant addition").is_some());
    assert!(harness.query_by_label("Electrical upgrade").is_some());
    // 31.2 kW × 3,000 CNY/kW = 93,600 CNY; 100 kW × 5,000 = 500,000 CNY (the B200 racks on
    // active rear doors)
    assert!(harness.query_by_label("93,600 CNY").is_some());
    assert!(harness.query_by_label("500,000 CNY").is_some());
    assert_eq!(harness.query_all_by_label("2027").count(), 2);
    assert_eq!(harness.query_all_by_label("36").count(), 2);
    // the Ascend racks of 2026 wait for both
    assert_eq!(harness.query_all_by_label("昇腾-03").count(), 2);
    // the inventory marks the group that waits, and only it
    show(&mut harness, View::Inventory);
    assert_eq!(harness.query_all_by_label("waits until 2027").count(), 1);
    // in Chinese
    harness.state_mut().queue(Command::SetLang(Lang::Zh));
    harness.run();
    assert_eq!(harness.query_all_by_label("待 2027 年").count(), 1);
    show(&mut harness, View::Compare);
    assert!(harness.query_by_label("配套工程").is_some());
    assert!(harness.query_by_label("空调扩容").is_some());
    assert!(harness.query_by_label("配电扩容").is_some());
}

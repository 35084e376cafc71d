//! The bill of quantities lists the air-side equipment the plan buys: `sites/colo-doors.ron`'s
//! rear doors (the plan's rows add up to the `door_count`/`active_door_count` of the JSON
//! report's groups on their plan option) and `sites/office-gpu-room.ron`'s liquid-to-air units
//! (as many as the plan's CDU line of the same hall and the JSON `plan.halls[].cdus[]`).
//! And a summary's warnings: one line per kind and option, not one per wording.

use std::path::Path;

use coolplan::i18n::Lang;
use coolplan::report::compose::{Detail, ReportInput};
use coolplan::report::export::{Format, export};
use coolplan::report::layout::Paper;
use serde_json::Value;

/// The Markdown and the JSON report of an example site.
fn reports(site: &str, lang: Lang) -> (String, Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(site);
    let site = coolplan::io::load_site(&path).expect("example").site;
    let climate = coolplan::io::climate::resolve(&site, path.parent()).expect("climate");
    let results = coolplan::engine::evaluate(&site, &climate);
    let catalog = site.catalog();
    let input = ReportInput::new(&site, &results, &catalog, Some(&climate), lang);
    let md = export(&input, Format::Markdown, Paper::A4).expect("report");
    let json = coolplan::report::json::to_json_for_site(&site, &results, lang);
    (
        String::from_utf8(md).expect("utf-8"),
        serde_json::from_str(&json).expect("JSON"),
    )
}

/// The cells of the Markdown table under the heading `### {heading}`, one row a line.
fn table(md: &str, heading: &str) -> Vec<Vec<String>> {
    let start = md
        .find(&format!("### {heading}\n"))
        .unwrap_or_else(|| panic!("no section {heading}"));
    md[start..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().trim_matches('*').to_string())
                .collect()
        })
        .collect()
}

fn number(cell: &str) -> u64 {
    cell.replace(',', "")
        .parse()
        .unwrap_or_else(|_| panic!("{cell}"))
}

/// Sum of column `name` over the plan's rows (their scope is "Hall (plan)", "机房（推荐方案）").
fn plan_sum(rows: &[Vec<String>], name: &str) -> u64 {
    let column = rows[0]
        .iter()
        .position(|c| c == name)
        .unwrap_or_else(|| panic!("no column {name}: {:?}", rows[0]));
    (rows.iter().skip(2))
        .filter(|r| r[0].ends_with(" (plan)") || r[0].ends_with("（推荐方案）"))
        .map(|r| number(&r[column]))
        .sum()
}

#[test]
fn colo_doors_bill_of_quantities_lists_the_plans_rear_doors() {
    let (md, json) = reports("sites/colo-doors.ron", Lang::En);
    // the doors of each rack group on its plan option, as the JSON gives them
    let (mut passive, mut active) = (0, 0);
    for group in json["racks"].as_array().expect("racks") {
        let option = group["recommended"].as_str().expect("plan option");
        let o = &group["options"][option];
        let (doors, actives) = (o["door_count"].as_u64(), o["active_door_count"].as_u64());
        passive += doors.expect("door_count") - actives.expect("active_door_count");
        active += actives.expect("active_door_count");
    }
    // H100-R02: 8 racks on passive doors; NVL72-R03: 12 racks on cold plate + passive doors
    assert_eq!((passive, active), (20, 0));
    let rows = table(&md, "Rear doors and liquid-to-air units");
    assert_eq!(plan_sum(&rows, "Passive doors"), passive);
    assert_eq!(plan_sum(&rows, "Active doors"), active);
    // the active-door option's doors are in its reference rows and priced as doors
    assert!(
        rows.iter()
            .any(|r| r[0] == "Site total" && r[1] == "Rear door, active" && r[3] == "32"),
        "{rows:?}"
    );
    assert!(md.contains("| rear-door heat exchangers | 32 | doors | 60,000 | 1,920,000 |"));
    // and in Chinese, with its own headings
    let (zh, _) = reports("sites/colo-doors.ron", Lang::Zh);
    let rows = table(&zh, "水冷背板与液-气 CDU");
    assert_eq!(plan_sum(&rows, "被动式水冷背板"), passive);
}

#[test]
fn office_gpu_room_bill_of_quantities_lists_the_plans_liquid_to_air_units() {
    let (md, json) = reports("sites/office-gpu-room.ron", Lang::En);
    let cdus = &json["plan"]["halls"][0]["cdus"][0];
    assert_eq!(cdus["option"], "cold_plate_l2a");
    let units = cdus["units"].as_u64().expect("units");
    // the plan's CDU line of the hall counts the same units
    let plan_line = table(&md, "Equipment by hall");
    assert_eq!(plan_sum(&plan_line, "CDUs"), units);
    let rows = table(&md, "Rear doors and liquid-to-air units");
    assert_eq!(plan_sum(&rows, "Liquid-to-air units"), units);
    // 70 kW units (the default `l2a_unit_capacity`), one rack position each: positions = units
    let plan_row = rows
        .iter()
        .find(|r| r[0].contains("(plan)"))
        .expect("plan row");
    assert_eq!(&plan_row[6..8], [String::from("70"), units.to_string()]);
    assert_eq!(units, 2, "59 kW of liquid heat: one 70 kW unit + one spare");
}

/// The Warnings bullets of `site`'s Markdown report at `detail`.
fn warning_lines(site: &coolplan::model::Site, detail: Detail) -> Vec<String> {
    let climate = coolplan::io::climate::resolve(site, None).expect("climate");
    let results = coolplan::engine::evaluate(site, &climate);
    let catalog = site.catalog();
    let mut input = ReportInput::new(site, &results, &catalog, Some(&climate), Lang::En);
    input.detail = detail;
    let md =
        String::from_utf8(export(&input, Format::Markdown, Paper::A4).expect("md")).expect("utf-8");
    let start = md.find("### Warnings\n").expect("warnings");
    md[start..]
        .lines()
        .skip(1)
        .skip_while(|l| l.is_empty())
        .take_while(|l| l.starts_with("- "))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_summary_words_each_kind_of_warning_once_per_option_with_its_count() {
    let site = coolplan::model::generate::generate_site(300, 1);
    let prep = |lines: &[String]| -> Vec<String> {
        (lines.iter())
            .filter(|l| l.starts_with("- Immersion: ") && l.contains("needs preparation"))
            .cloned()
            .collect()
    };
    // the standard report words each model's preparation on its own line
    let standard = prep(&warning_lines(&site, Detail::Standard));
    assert!(standard.len() > 1, "{standard:?}");
    // the summary one line for the kind: an example and the count of every scope it holds in
    let summary = prep(&warning_lines(&site, Detail::Summary));
    assert_eq!(summary.len(), 1, "{summary:?}");
    assert!(summary[0].contains(" places in all (site, halls, rack groups)"));
    let all = warning_lines(&site, Detail::Summary);
    assert!(all.len() < warning_lines(&site, Detail::Standard).len());
}

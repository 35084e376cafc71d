//! Helpers shared by the import tests: fixtures, the test site, planning with defaults.
#![allow(dead_code)]

use coolplan::io::import::{ImportOptions, ImportPlan, SkipReason, plan_import};
use coolplan::model::{Rack, ServerGroup, Site, Status};

pub fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The small two-hall site the fixtures import into.
pub fn test_site() -> Site {
    coolplan::io::parse_site(&fixture("site.ron"), "site.ron").expect("test site parses")
}

pub fn plan(site: &Site, csv: &str, options: &ImportOptions) -> ImportPlan {
    plan_import(site, &site.catalog(), csv, options).expect("plan")
}

pub fn rack<'a>(site: &'a Site, hall: &str, rack: &str) -> &'a Rack {
    site.halls
        .iter()
        .find(|h| h.name == hall)
        .unwrap_or_else(|| panic!("no hall {hall}"))
        .racks
        .iter()
        .find(|r| r.name == rack)
        .unwrap_or_else(|| panic!("no rack {rack} in {hall}"))
}

/// `(model, count, status)` of a rack's server groups.
pub fn groups(rack: &Rack) -> Vec<(String, u32, Status)> {
    rack.servers
        .iter()
        .map(|g: &ServerGroup| (g.model.clone(), g.count, g.status))
        .collect()
}

pub fn g(model: &str, count: u32, status: Status) -> (String, u32, Status) {
    (model.to_string(), count, status)
}

/// Lines of skipped rows, in order.
pub fn skipped_lines(plan: &ImportPlan) -> Vec<u64> {
    plan.skipped.iter().map(|s| s.line).collect()
}

pub fn reason_at(plan: &ImportPlan, line: u64) -> &SkipReason {
    &plan
        .skipped
        .iter()
        .find(|s| s.line == line)
        .unwrap_or_else(|| panic!("line {line} not skipped"))
        .reason
}

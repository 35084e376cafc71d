use super::*;

fn find(name: &str, vendor: &str) -> ModelMatch {
    let catalog = Catalog::builtin();
    ModelMatcher::new(&catalog, &HashMap::new()).find(name, vendor)
}

#[test]
fn names_match_ids_catalog_names_and_aliases() {
    assert_eq!(find("hgx-h100", ""), ModelMatch::Exact("hgx-h100".into()));
    assert_eq!(
        find("DGX H100", "NVIDIA"),
        ModelMatch::Alias("hgx-h100".into())
    );
    // The id once normalised (vendor and family words dropped): exact.
    assert_eq!(
        find("PowerEdge R650", "Dell"),
        ModelMatch::Exact("dell-r650".into())
    );
    assert_eq!(
        find("ProLiant DL380 Gen10", "HPE"),
        ModelMatch::Exact("hpe-dl380-gen10".into())
    );
    assert_eq!(
        find("NF5688-M7-A0-R0-00", "Inspur"),
        ModelMatch::Alias("inspur-nf5688m7".into())
    );
    // Continued with letters: the family's model.
    assert_eq!(
        find("PowerEdge R650xs", "Dell"),
        ModelMatch::Alias("dell-r650".into())
    );
    // A bracketed suffix is cut.
    assert_eq!(
        find("Huawei Atlas 800T A2 (8× Ascend 910B)", ""),
        ModelMatch::Alias("atlas-800t-a2".into())
    );
    assert_eq!(
        find("ThinkSystem SR650 -[7X06CTO1WW]-", "Lenovo"),
        ModelMatch::Alias("lenovo-sr650".into())
    );
}

#[test]
fn a_family_without_a_generation_is_the_generic_model_flagged() {
    // Policy (docs/import.md): the generic model of the form factor, shown for review.
    assert_eq!(
        find("ProLiant DL380", ""),
        ModelMatch::Generic("cpu-2u".into())
    );
    assert_eq!(find("DL360", "HPE"), ModelMatch::Generic("cpu-1u".into()));
    // A generation with no model of its own lands on its generation band.
    assert_eq!(
        find("PowerEdge R730xd", "Dell"),
        ModelMatch::Generic("cpu-2u-2015".into())
    );
    assert_eq!(
        find("ProLiant DL380 Gen9", "HPE"),
        ModelMatch::Generic("cpu-2u-2015".into())
    );
}

#[test]
fn an_unknown_name_gets_a_suggestion_of_its_vendor_not_a_guess() {
    // H200 is not H20 and B300 is not B30: a digit never continues a name.
    assert_eq!(
        find("HGX H2000", "NVIDIA"),
        ModelMatch::Unmatched {
            nearest: "hgx-h200".into()
        }
    );
    match find("PowerEdge R860", "Dell Inc.") {
        ModelMatch::Unmatched { nearest } => {
            assert!(nearest.starts_with("dell-r"), "{nearest}")
        }
        other => panic!("{other:?}"),
    }
    match find("Nettrix X640 G40", "") {
        ModelMatch::Unmatched { nearest } => {
            assert!(Catalog::builtin().get(&nearest).is_some())
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn assignments_win() {
    let catalog = Catalog::builtin();
    let assigned = HashMap::from([("Custom Box 9".to_string(), "cpu-2u".to_string())]);
    let mut matcher = ModelMatcher::new(&catalog, &assigned);
    assert_eq!(
        matcher.find("custom box 9", ""),
        ModelMatch::Alias("cpu-2u".into())
    );
}

#[test]
fn a_site_models_alias_wins_over_a_shipped_one() {
    let shipped = Catalog::builtin();
    let mut own = shipped.get("dell-r760").unwrap().clone();
    own.id = "r760-liquid".into();
    own.aliases = vec!["PowerEdge R760".into()];
    let catalog = shipped.with_site_models(&[own], &[]);
    let mut matcher = ModelMatcher::new(&catalog, &HashMap::new());
    assert_eq!(
        matcher.find("PowerEdge R760", "Dell"),
        ModelMatch::Alias("r760-liquid".into())
    );
}

#[test]
fn every_shipped_alias_names_its_own_model() {
    let catalog = Catalog::builtin();
    let mut matcher = ModelMatcher::new(&catalog, &HashMap::new());
    for model in catalog.models() {
        for alias in &model.aliases {
            match matcher.find(alias, "") {
                ModelMatch::Alias(id) | ModelMatch::Generic(id) | ModelMatch::Exact(id) => {
                    assert_eq!(id, model.id, "alias {alias:?}")
                }
                other => panic!("alias {alias:?} of {}: {other:?}", model.id),
            }
        }
    }
}

/// One row of `tests/fixtures/import/device-strings.csv`.
struct DeviceString {
    manufacturer: String,
    model: String,
    /// Empty: not a server the catalog models (PDU, UPS, KVM, …): must stay unmatched.
    expected: String,
}

fn device_strings() -> Vec<DeviceString> {
    let text = include_str!("../../../../../tests/fixtures/import/device-strings.csv");
    let table = crate::import::table::read_table(text).unwrap();
    assert_eq!(
        table.headers,
        [
            "source",
            "manufacturer",
            "model_string",
            "expected_id",
            "seen_in"
        ]
    );
    assert!(table.malformed.is_empty());
    table
        .rows
        .iter()
        .map(|row| DeviceString {
            manufacturer: row.cell(Some(1)).to_string(),
            model: row.cell(Some(2)).to_string(),
            expected: row.cell(Some(3)).to_string(),
        })
        .collect()
}

/// The fixture of real NetBox device types, DMI product names and spreadsheet cells: every
/// server string lands on its model and every non-server string stays unmatched.
#[test]
fn the_real_device_strings_resolve_to_their_models() {
    let rows = device_strings();
    assert_eq!(rows.len(), 130);
    let catalog = Catalog::builtin();
    let mut matcher = ModelMatcher::new(&catalog, &HashMap::new());
    let mut wrong = Vec::new();
    for row in &rows {
        let found = match matcher.find(&row.model, &row.manufacturer) {
            ModelMatch::Exact(id) | ModelMatch::Alias(id) | ModelMatch::Generic(id) => id,
            ModelMatch::Unmatched { .. } => String::new(),
        };
        if found != row.expected {
            wrong.push(format!("{} / {}: {found:?}", row.manufacturer, row.model));
        }
    }
    assert!(wrong.is_empty(), "{} of 130 wrong: {wrong:#?}", wrong.len());
    assert_eq!(rows.iter().filter(|r| r.expected.is_empty()).count(), 14);
}

//! `coolplan catalog`: the list and one model as text and JSON, and a catalog CSV carried
//! into a site file and back out unchanged.

use crate::cli::coolplan;
use crate::support::fixture;

#[test]
fn list_and_show_give_every_model_with_its_sources() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = coolplan(&["catalog", "list", "--format", "json"], dir.path());
    assert_eq!(code, 0, "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let models = json["models"].as_array().unwrap();
    assert_eq!(models.len(), 79);
    assert!(
        models
            .iter()
            .all(|m| !m["sources"].as_array().unwrap().is_empty())
    );

    let (code, out) = coolplan(&["catalog", "list", "--kind", "network"], dir.path());
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("nvidia-qm9700") && out.ends_with("6 model(s)\n"),
        "{out}"
    );

    let (code, out) = coolplan(
        &["catalog", "show", "dgx-b200", "--format", "json"],
        dir.path(),
    );
    assert_eq!(code, 0, "{out}");
    let model: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(model["max_power_kw"], 14.3);
    assert_eq!(model["service_life_years"], 5.0);
    assert_eq!(model["sources"][0]["tag"], "MFR");
    assert_eq!(model["origin"], "shipped");

    let (code, out) = coolplan(&["--lang", "zh", "catalog", "show", "dgx-b200"], dir.path());
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("使用寿命: 5 年") && out.contains("厂商资料"),
        "{out}"
    );

    let (code, out) = coolplan(&["catalog", "show", "hgx-h10"], dir.path());
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("did you mean \"hgx-h100\""), "{out}");
}

#[test]
fn a_catalog_csv_goes_into_a_site_and_comes_back_out_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site.ron");
    std::fs::write(&site, fixture("site.ron")).unwrap();
    let s = site.to_str().unwrap();
    // A vendor's sheet: two shipped models under the site's own ids, with all their sources.
    let (code, shipped) = coolplan(&["catalog", "export"], dir.path());
    assert_eq!(code, 0);
    let mut lines = shipped.lines();
    let mut sheet = format!("{}\n", lines.next().unwrap());
    for line in lines.filter(|l| l.starts_with("dgx-b200,") || l.starts_with("nvidia-sn5600,")) {
        sheet.push_str(&line.replacen(',', "-site,", 1));
        sheet.push('\n');
    }
    let csv = dir.path().join("vendor.csv");
    std::fs::write(&csv, &sheet).unwrap();
    let c = csv.to_str().unwrap();

    let before = std::fs::read(&site).unwrap();
    let (code, out) = coolplan(
        &["catalog", "import", c, "--into", s, "--dry-run"],
        dir.path(),
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("2 model(s) read, 0 row(s) not read"), "{out}");
    assert!(out.contains("2 model(s) added, 0 replaced"), "{out}");
    assert_eq!(
        std::fs::read(&site).unwrap(),
        before,
        "a dry run must not write"
    );

    let (code, out) = coolplan(&["catalog", "import", c, "--into", s], dir.path());
    assert_eq!(code, 0, "{out}");
    let loaded = coolplan::io::load_site(&site).expect("the site validates");
    let ids: Vec<&str> = loaded.site.catalog.iter().map(|m| m.id.as_str()).collect();
    assert!(
        ids.ends_with(&["dgx-b200-site", "nvidia-sn5600-site"]),
        "{ids:?}"
    );
    let b200 = coolplan::model::Catalog::builtin();
    let b200 = b200.get("dgx-b200").unwrap();
    assert_eq!(loaded.site.catalog[ids.len() - 2].sources, b200.sources);

    // The site's own models out again: the same rows (the fixture site has no others).
    let (code, out) = coolplan(&["catalog", "export", "--site", s], dir.path());
    assert_eq!(code, 0, "{out}");
    assert_eq!(out, sheet);
    // Importing the same sheet again replaces, and changes nothing.
    let (code, out) = coolplan(&["catalog", "import", c, "--into", s], dir.path());
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 model(s) added, 2 replaced"), "{out}");
}

//! One fixture per validation rule (tests/fixtures/invalid for errors, tests/fixtures/warn
//! for warnings): each asserts the rule's path and its English message exactly.

use coolplan::i18n::Lang;
use coolplan::i18n::Say;
use coolplan::io::{LoadError, Problem, Severity, load_site};

fn fixture(path: &str) -> String {
    format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"))
}

/// All problems of a fixture, whether it loads (warnings only) or not.
fn problems(path: &str) -> Vec<Problem> {
    match load_site(fixture(path)) {
        Ok(loaded) => loaded.warnings,
        Err(LoadError::Invalid { problems, .. }) => problems,
        Err(other) => panic!("{path}: unexpected {other:?}"),
    }
}

/// The fixture yields a problem of `severity` with exactly this path and message.
fn assert_problem(path: &str, severity: Severity, where_: &str, message: &str) {
    let all = problems(path);
    let found = all.iter().any(|p| {
        p.severity() == severity
            && coolplan::i18n::say::validation::path_text(p, Lang::En) == where_
            && p.kind.say(Lang::En) == message
    });
    let listed: Vec<String> = all.iter().map(|p| p.say(Lang::En)).collect();
    assert!(
        found,
        "{path}: expected `{where_}: {message}`, got {listed:#?}"
    );
}

const H: &str = "hall \"H1\"";
const R: &str = "hall \"H1\" › rack \"R01\"";

#[test]
fn each_error_rule_reports_its_path_and_message() {
    use Severity::Error;
    let cases: &[(&str, String, &str)] = &[
        (
            "invalid/cooling_excludes_all.ron",
            format!("{R} › cooling"),
            "the cooling rule excludes every option: the rack group could not be cooled",
        ),
        (
            "invalid/no_option_offered.ron",
            "cooling_options".into(),
            "no cooling option is offered: list at least Air",
        ),
        (
            "invalid/air_not_offered.ron",
            "cooling_options".into(),
            "air must be offered: it is the reference every NPV is measured against (add Air)",
        ),
        (
            "invalid/cooling_rule_unoffered.ron",
            format!("{R} › cooling"),
            "the cooling rule leaves the rack group only options the site does not offer (cooling_options)",
        ),
        (
            "invalid/unknown_model.ron",
            format!("{R} › servers[0] › model"),
            "unknown catalog model \"cpu-1x\"; did you mean \"cpu-1u\"?",
        ),
        (
            "invalid/duplicate_hall.ron",
            H.to_string(),
            "hall name \"H1\" is used twice",
        ),
        (
            "invalid/duplicate_rack.ron",
            R.to_string(),
            "rack name \"R01\" is used twice in this hall",
        ),
        (
            "invalid/duplicate_model.ron",
            "catalog model \"m1\"".into(),
            "catalog id \"m1\" is defined twice in this file",
        ),
        (
            "invalid/zero_area.ron",
            format!("{H} › area"),
            "the value 0 m² must be greater than zero",
        ),
        (
            "invalid/nan_area.ron",
            format!("{H} › area"),
            "the value NaN m² is not a finite number",
        ),
        (
            "invalid/negative_capacity.ron",
            format!("{H} › air_cooling_capacity"),
            "the value -5 kW cannot be negative",
        ),
        (
            "invalid/fraction.ron",
            format!("{R} › retrofit_share"),
            "the fraction 1.5 must lie between 0 and 1",
        ),
        (
            "invalid/rack_overfull.ron",
            format!("{R} › servers"),
            "servers take 50 U but the rack has 42 U",
        ),
        (
            "invalid/year.ron",
            format!("{R} › servers[0] › status › New"),
            "the year 1999 is outside 2000–2100",
        ),
        (
            "invalid/currency.ron",
            "assumptions › prices › electricity".into(),
            "this price is in USD but the site's currency is CNY; amounts are never converted",
        ),
        (
            "invalid/too_many_racks.ron",
            format!("{R} › count"),
            "2,000,000,000 racks is beyond the sanity limit of 100,000,000",
        ),
        (
            "invalid/count_overflow.ron",
            format!("{R} › count"),
            "the number of servers overflows (racks × servers is too large to count)",
        ),
        (
            "invalid/rack_scale_not_alone.ron",
            format!("{R} › servers[0] › model"),
            "the rack-scale system \"gb200-nvl72\" fills its rack: it must be the only server group, with count 1",
        ),
        (
            "invalid/unknown_preset.ron",
            "location › climate".into(),
            "unknown climate preset \"shanghia\" (presets: beijing, shanghai, hong-kong, zhangjiakou, singapore)",
        ),
        (
            "invalid/monthly.ron",
            "location › climate › daily_max".into(),
            "11 values given; monthly normals need 12",
        ),
        (
            "invalid/monthly.ron",
            "location › climate › relative_humidity[11]".into(),
            "relative humidity 150 % must lie between 0 and 100",
        ),
        (
            "invalid/pue_below_one.ron",
            format!("{H} › measured_pue"),
            "a PUE of 0.9 is impossible: PUE is at least 1",
        ),
        (
            "invalid/peak_below_average.ron",
            format!("{R} › measured › peak"),
            "the peak 3 kW is below the average 4 kW",
        ),
        (
            "invalid/bad_date.ron",
            "report_date".into(),
            "\"2026-13-01\" is not a date written YYYY-MM-DD",
        ),
        (
            "invalid/horizon.ron",
            "assumptions › finance › horizon_years".into(),
            "a horizon of 0 years is outside 1–100",
        ),
        (
            "invalid/empty_name.ron",
            "hall \"H1\" › rack \" \" › name".into(),
            "the name is empty",
        ),
        (
            "invalid/below_absolute_zero.ron",
            format!("{H} › facility_water › supply_temp"),
            "the temperature -300 °C is below absolute zero",
        ),
        (
            "invalid/zero_servers.ron",
            format!("{R} › servers[0] › count"),
            "the value 0 must be greater than zero",
        ),
    ];
    for (file, where_, message) in cases {
        assert_problem(file, Error, where_, message);
        assert!(load_site(fixture(file)).is_err(), "{file} must not load");
    }
}

#[test]
fn each_warning_rule_reports_its_path_and_message_and_still_loads() {
    use Severity::Warning;
    let cases: &[(&str, String, &str)] = &[
        (
            "warn/gpu_under_2kw.ron",
            "catalog model \"small-gpu\" › max_power".into(),
            "a GPU server drawing at most 1.5 kW is suspiciously low (GPU servers draw 2 kW or more)",
        ),
        // 11 × DGX B200 × 14.3 kW = 157.3 kW
        (
            "warn/rack_over_150kw.ron",
            format!("{R} › servers"),
            "one rack draws 157.3 kW at maximum, over 150 kW",
        ),
        (
            "warn/utilisation.ron",
            "catalog model \"busy\" › utilisation".into(),
            "utilisation 0.99 is outside the usual 0.05–0.95",
        ),
        // 1 rack × (0.72 m² footprint + 0.72 m² service) = 1.44 m², shown rounded up to 2 m²
        (
            "warn/floor_area.ron",
            format!("{H} › area"),
            "the racks need 2 m² of floor with service space but the hall has 1 m²",
        ),
        (
            "warn/water_class.ron",
            format!("{H} › facility_water › supply_temp"),
            "supply 30 °C is above the W27 class maximum of 27 °C",
        ),
        (
            "warn/empty_rack.ron",
            format!("{R} › servers"),
            "the rack group holds no servers",
        ),
        (
            "warn/arrives_before_study.ron",
            format!("{R} › servers[0] › status"),
            "new servers arrive in 2024, before the study's first year 2026",
        ),
        (
            "warn/cooling_excludes_nothing.ron",
            format!("{R} › cooling"),
            "the cooling rule excludes no option",
        ),
        (
            "warn/cooling_listed_twice.ron",
            format!("{R} › cooling"),
            "the cooling rule names Immersion twice",
        ),
        (
            "warn/offered_twice.ron",
            "cooling_options".into(),
            "cooling_options names Immersion twice",
        ),
        (
            "warn/pue_high.ron",
            format!("{H} › measured_pue"),
            "a measured PUE of 3.5 is unusually high",
        ),
    ];
    for (file, where_, message) in cases {
        assert_problem(file, Warning, where_, message);
        let loaded = load_site(fixture(file)).unwrap_or_else(|e| panic!("{file}: {e:?}"));
        assert_eq!(loaded.warnings.len(), 1, "{file}: {:?}", loaded.warnings);
    }
}

#[test]
fn all_problems_are_collected_not_just_the_first() {
    // monthly.ron has two independent errors; both are reported.
    let errors = problems("invalid/monthly.ron")
        .into_iter()
        .filter(Problem::is_error)
        .count();
    assert_eq!(errors, 2);
}

#[test]
fn messages_and_paths_render_in_chinese() {
    let all = problems("invalid/unknown_model.ron");
    assert_eq!(
        all[0].say(Lang::Zh),
        "机房 \"H1\" › 机柜 \"R01\" › servers[0] › model: 未知的目录型号 \"cpu-1x\"；是否应为 \"cpu-1u\"？"
    );
}

#[test]
fn the_cooling_options_messages_read_in_chinese() {
    let said = |path: &str| {
        problems(path)
            .iter()
            .map(|p| p.say(Lang::Zh))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        said("invalid/air_not_offered.ron"),
        ["cooling_options: 必须提供风冷：它是所有 NPV 的比较基准（请加上 Air）"]
    );
    assert_eq!(
        said("warn/offered_twice.ron"),
        ["cooling_options: cooling_options 重复列出 单相浸没式液冷"]
    );
}

#[test]
fn the_minimal_fixture_is_valid_without_warnings() {
    let loaded = load_site(fixture("valid/minimal.ron")).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert!(!loaded.has_comments);
    assert_eq!(loaded.migrated_from, None);
}

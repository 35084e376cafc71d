//! Hostile site text: nesting deep enough to overflow the stack, counts that overflow,
//! absurd rack counts, NaN and infinities. Each gives a clear error, in bounded time, on a
//! 2 MiB stack; never a panic or a hang.

use crate::hostile::{MINIMAL, load, minimal_with, parse_error_at, problems};
use coolplan::io::Kind;

#[test]
fn the_template_is_valid() {
    assert!(load(MINIMAL.to_string()).is_ok());
}

#[test]
fn a_hundred_thousand_open_brackets_are_a_parse_error_not_a_stack_overflow() {
    for open in ["(", "[", "Some(", "{"] {
        let text = open.repeat(100_000);
        let (line, column, message) = parse_error_at(load(text));
        assert_eq!(line, 1, "{open}");
        assert!(column >= 1, "{open}");
        assert!(!message.is_empty(), "{open}");
    }
}

#[test]
fn deep_nesting_inside_a_valid_prefix_is_a_parse_error() {
    for (field, value) in [
        (
            "name: \"Minimal\",",
            format!("name: {}\"Minimal\",", "(".repeat(50_000)),
        ),
        ("count: 1,", format!("count: {}1,", "[".repeat(50_000))),
        (
            "Preset(\"shanghai\")",
            format!("Preset({}\"shanghai\")", "Some(".repeat(50_000)),
        ),
    ] {
        let (line, _, message) = parse_error_at(load(minimal_with(field, &value)));
        assert!(line > 1, "{field}: {message}");
    }
}

#[test]
fn nesting_closed_again_is_refused_too() {
    // Balanced `[[[…]]]` of depth 10,000 where a number belongs: the parser's recursion
    // limit (ron: 128) stops it before the stack does.
    let depth = 10_000;
    let value = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
    let (_, _, message) = parse_error_at(load(minimal_with(
        "count: 10,",
        &format!("count: {value},"),
    )));
    assert!(!message.is_empty());
}

#[test]
fn a_rack_count_beyond_u64_is_a_parse_error() {
    let text = minimal_with("count: 1,", "count: 18446744073709551616,");
    let (line, _, _) = parse_error_at(load(text));
    assert_eq!(line, 21);
}

#[test]
fn racks_times_servers_overflowing_u64_is_a_validation_error() {
    // u64::MAX racks of u32::MAX servers: the product needs 96 bits.
    let text = minimal_with("count: 1,", "count: 18446744073709551615,")
        .replace("count: 10,", "count: 4294967295,");
    let kinds = problems(load(text));
    assert!(kinds.contains(&Kind::CountOverflow), "{kinds:?}");
    assert!(
        kinds
            .iter()
            .any(|k| matches!(k, Kind::TooManyRacks(n) if *n == u64::MAX)),
        "{kinds:?}"
    );
}

#[test]
fn many_groups_whose_total_overflows_u64_are_refused() {
    // 20 groups of 10⁹ racks each stay in u64 but not in the sanity limit; the sum saturates.
    let group = |i: usize| {
        format!(
            "(name: \"R{i}\", count: 1000000000, height: U(42), \
             servers: [(model: \"cpu-1u\", count: 1, status: Stock)]),"
        )
    };
    let racks: String = (0..20).map(group).collect();
    let start = MINIMAL.find("racks: [").expect("racks list") + "racks: [".len();
    let end = MINIMAL
        .rfind("],\n        ),\n    ],")
        .expect("end of racks");
    let text = format!("{}{racks}{}", &MINIMAL[..start], &MINIMAL[end..]);
    let kinds = problems(load(text));
    assert!(
        kinds.iter().any(|k| matches!(k, Kind::TooManyRacks(_))),
        "{kinds:?}"
    );
}

#[test]
fn a_billion_racks_is_a_validation_error() {
    // Even with floor area for all of them (1.44 m² each), 10⁹ racks is a typing error:
    // the world has some tens of millions.
    let text = minimal_with("count: 1,", "count: 1000000000,")
        .replace("area: m2(100)", "area: m2(2000000000)");
    let kinds = problems(load(text));
    assert!(
        kinds
            .iter()
            .any(|k| matches!(k, Kind::TooManyRacks(1_000_000_000))),
        "{kinds:?}"
    );
}

#[test]
fn nan_and_infinities_are_refused_wherever_a_number_goes() {
    for (from, to) in [
        ("area: m2(100)", "area: m2(NaN)"),
        ("area: m2(100)", "area: m2(inf)"),
        ("kW(100)", "kW(-inf)"),
        ("kg_per_m2(1000)", "kg_per_m2(NaN)"),
        ("height: U(42)", "height: U(inf)"),
        ("name: \"H1\",", "name: \"H1\", measured_pue: Some(NaN),"),
        ("name: \"H1\",", "name: \"H1\", measured_pue: Some(inf),"),
        (
            "name: \"R01\",",
            "name: \"R01\", retrofit_share: Some(NaN),",
        ),
        (
            "name: \"R01\",",
            "name: \"R01\", measured: Some((average: kW(NaN), peak: kW(inf))),",
        ),
        (
            "name: \"H1\",",
            "name: \"H1\", facility_water: Some((class: W32, supply_temp: degC(NaN))),",
        ),
    ] {
        let kinds = problems(load(minimal_with(from, to)));
        assert!(!kinds.is_empty(), "{to}");
        assert!(
            kinds.iter().any(|k| matches!(k, Kind::NotFinite(_))
                || matches!(k, Kind::FractionOutOfRange(v) if v.is_nan())),
            "{to}: {kinds:?}"
        );
    }
}

#[test]
fn nan_in_a_site_catalog_model_is_refused() {
    let model = r#"catalog: [(
        id: "odd", name: "Odd", vendor: "x", kind: Cpu, height: U(1), max_power: kW(NaN),
        utilisation: inf, fan_share: NaN, cold_plate_capture: 0.7, cold_plate: Retrofit,
        immersion: Yes, weight: kg(inf),
    )],
    halls"#;
    let kinds = problems(load(minimal_with("halls", model)));
    let non_finite = kinds
        .iter()
        .filter(|k| matches!(k, Kind::NotFinite(_) | Kind::FractionOutOfRange(_)))
        .count();
    assert!(non_finite >= 3, "{kinds:?}");
}

//! Parse-error fixtures: each asserts the exact line and column and what was expected.

use coolplan::i18n::Lang;
use coolplan::i18n::Say;
use coolplan::io::{LoadError, load_site};

fn parse_error(name: &str) -> (usize, usize, String) {
    let path = format!("{}/tests/fixtures/parse/{name}", env!("CARGO_MANIFEST_DIR"));
    match load_site(&path) {
        Err(LoadError::Parse {
            origin,
            line,
            column,
            message,
        }) => {
            assert_eq!(origin, path);
            (line, column, message.say(Lang::En))
        }
        other => panic!("{name}: expected a parse error, got {other:?}"),
    }
}

#[test]
fn a_wrong_unit_names_the_accepted_units() {
    // line 16: `            area: kg(100),` — the tag starts at column 19
    let (line, column, message) = parse_error("wrong_unit.ron");
    assert_eq!((line, column), (16, 19));
    assert_eq!(
        message,
        "Unexpected variant named `kg` in enum `area`, expected either `m2` or `ft2` instead"
    );
}

#[test]
fn a_bare_number_asks_for_its_unit() {
    // line 17: `            air_cooling_capacity: 100,` — the number starts at column 35
    let (line, column, message) = parse_error("bare_number.ron");
    assert_eq!((line, column), (17, 35));
    assert_eq!(
        message,
        "`100` needs its unit: write e.g. W(100); power units: W, kW, MW, BTU_per_h, TR"
    );
}

#[test]
fn an_unknown_field_lists_the_known_ones() {
    let (line, column, message) = parse_error("unknown_field.ron");
    assert_eq!((line, column), (21, 17));
    assert!(
        message.starts_with("Unexpected field named `colour` in `Rack`, expected one of `name`"),
        "{message}"
    );
}

#[test]
fn a_missing_comma_points_at_the_next_field() {
    let (line, column, message) = parse_error("missing_comma.ron");
    assert_eq!((line, column), (17, 13));
    assert_eq!(message, "Expected comma");
}

#[test]
fn an_unknown_status_names_the_variants() {
    let (line, column, message) = parse_error("bad_status.ron");
    assert_eq!((line, column), (26, 37));
    assert_eq!(
        message,
        "Unexpected variant named `Old` in enum `Status`, expected either `Stock` or `New` instead"
    );
}

#[test]
fn an_unterminated_string_is_reported_where_parsing_stopped() {
    // The string opened on line 3 closes at the next quote (line 6); RON then wants a comma.
    let (line, column, message) = parse_error("unterminated_string.ron");
    assert_eq!((line, column), (6, 16));
    assert_eq!(
        message,
        "Expected comma (the text opened on line 3 may lack its closing quote)"
    );
}

#[test]
fn parse_errors_render_with_file_line_and_column_in_both_languages() {
    let path = format!(
        "{}/tests/fixtures/parse/wrong_unit.ron",
        env!("CARGO_MANIFEST_DIR")
    );
    let err = load_site(&path).unwrap_err();
    assert!(
        err.say(Lang::En)
            .starts_with(&format!("{path}:16:19: syntax error: "))
    );
    assert!(
        err.say(Lang::Zh)
            .starts_with(&format!("{path}:16:19：语法错误："))
    );
    assert!(!err.is_unreadable());
}

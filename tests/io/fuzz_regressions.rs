//! Inputs found by the `load_site` fuzzer (`fuzz/`), one per kind of error coolplan words
//! itself, kept in `tests/fixtures/fuzz/`. Every file must give a clear error — never a panic,
//! never a site — that names the file and renders in English and Chinese. The file name says
//! which error it reaches; the `needs-unit-*` and `not-a-choice-*` files also pin the hint.

use coolplan::i18n::Say;
use std::path::PathBuf;

use coolplan::i18n::Lang;
use coolplan::io::load_bytes;

fn fuzz_fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/fuzz exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .map(|p| {
            let name = p
                .file_name()
                .expect("a file")
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read(&p).expect("read fixture"))
        })
        .collect();
    files.sort();
    assert!(files.len() >= 20, "fuzz fixtures missing: {}", files.len());
    files
}

/// The English and Chinese messages of a fixture's load error.
fn messages(name: &str, bytes: &[u8]) -> (String, String) {
    match load_bytes(bytes, name) {
        Ok(_) => panic!("{name}: loaded as a valid site"),
        Err(e) => (e.say(Lang::En), e.say(Lang::Zh)),
    }
}

#[test]
fn every_fuzz_input_gives_a_clear_error_in_both_languages() {
    for (name, bytes) in fuzz_fixtures() {
        let (en, zh) = messages(&name, &bytes);
        assert!(
            en.contains(&name),
            "{name}: English message lacks the file: {en}"
        );
        assert!(
            zh.contains(&name),
            "{name}: Chinese message lacks the file: {zh}"
        );
        assert!(en.len() > name.len() + 10, "{name}: empty message: {en}");
    }
}

#[test]
fn a_bare_number_for_a_unit_value_names_the_units() {
    for (name, bytes) in fuzz_fixtures() {
        if !name.starts_with("needs-unit-") {
            continue;
        }
        let (en, zh) = messages(&name, &bytes);
        assert!(en.contains("needs its unit"), "{name}: {en}");
        assert!(zh.contains("缺少单位"), "{name}: {zh}");
    }
}

#[test]
fn a_bare_number_for_a_plain_choice_lists_the_names_not_a_wrong_unit_hint() {
    let expected = [
        ("not-a-choice-status.ron", "Stock, New"),
        ("not-a-choice-currency.ron", "CNY, USD, EUR"),
        ("not-a-choice-cost-mode.ron", "PerKw, Itemised"),
        ("not-a-choice-server-kind.ron", "Cpu, Gpu, RackScale"),
    ];
    let fixtures = fuzz_fixtures();
    for (file, names) in expected {
        let (_, bytes) = fixtures
            .iter()
            .find(|(name, _)| name == file)
            .unwrap_or_else(|| panic!("{file} missing"));
        let (en, zh) = messages(file, bytes);
        assert!(en.contains("is not a"), "{file}: {en}");
        assert!(en.contains(names), "{file}: {en}");
        assert!(!en.contains("needs its unit"), "{file}: wrong hint: {en}");
        assert!(zh.contains("不是有效的"), "{file}: {zh}");
    }
    // Every `not-a-choice-*` fixture, not only the four above, avoids the unit hint.
    for (name, bytes) in fixtures
        .iter()
        .filter(|(n, _)| n.starts_with("not-a-choice-"))
    {
        let (en, _) = messages(name, bytes);
        assert!(!en.contains("needs its unit"), "{name}: {en}");
    }
}

//! Bounded mutation testing of the loader (runs in CI): the example sites in `sites/`,
//! mutated by byte flips, truncations, insertions of bytes and RON tokens, and duplicated
//! slices, never panic the loader; each gives a site or an error that renders a message in
//! both languages. A mutated file that still loads survives the canonical writer unchanged.

use coolplan::i18n::Say;
use std::path::PathBuf;

use coolplan::i18n::Lang;
use coolplan::io::{load_bytes, load_str, to_canonical_string};
use proptest::prelude::*;

/// Tokens worth inserting: brackets, numbers at the edges, units, NaN, comments, Unicode.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "Some(",
    "None",
    "NaN",
    "inf",
    "-inf",
    "-",
    "1e308",
    "-0.0",
    "0",
    "18446744073709551615",
    "4294967295",
    "kW(",
    "U(",
    "m2(",
    "//",
    "/*",
    "*/",
    "\\",
    "\u{feff}",
    "数据大厅",
    "\u{0}",
    "\n",
    "r#\"",
    "schema_version: 2,",
];

fn example_sites() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sites");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("sites/ exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read(&p).expect("read example"),
            )
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no example sites in {}", dir.display());
    files
}

#[derive(Clone, Debug)]
enum Mutation {
    /// XOR the byte at a position (a fraction of the length) with a non-zero mask.
    Flip(f64, u8),
    Truncate(f64),
    InsertBytes(f64, Vec<u8>),
    InsertToken(f64, usize),
    /// Copy the slice [a, a+len) to position b.
    Duplicate(f64, usize, f64),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0.0..1.0f64;
    prop_oneof![
        3 => (at.clone(), 1..=255u8).prop_map(|(p, m)| Mutation::Flip(p, m)),
        1 => at.clone().prop_map(Mutation::Truncate),
        2 => (at.clone(), proptest::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(p, b)| Mutation::InsertBytes(p, b)),
        3 => (at.clone(), 0..TOKENS.len()).prop_map(|(p, t)| Mutation::InsertToken(p, t)),
        2 => (at.clone(), 1..400usize, at).prop_map(|(a, l, b)| Mutation::Duplicate(a, l, b)),
    ]
}

fn index(len: usize, fraction: f64) -> usize {
    ((len as f64 * fraction) as usize).min(len)
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len();
    match m {
        Mutation::Flip(p, mask) => {
            if len > 0 {
                let i = index(len - 1, *p);
                bytes[i] ^= mask;
            }
        }
        Mutation::Truncate(p) => bytes.truncate(index(len, *p)),
        Mutation::InsertBytes(p, b) => {
            let i = index(len, *p);
            bytes.splice(i..i, b.iter().copied());
        }
        Mutation::InsertToken(p, t) => {
            let i = index(len, *p);
            bytes.splice(i..i, TOKENS[*t].bytes());
        }
        Mutation::Duplicate(a, l, b) => {
            let start = index(len, *a);
            let end = (start + l).min(len);
            let slice = bytes[start..end].to_vec();
            let at = index(len, *b);
            bytes.splice(at..at, slice);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 384, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_example_sites_never_panic_the_loader(
        file in any::<prop::sample::Index>(),
        mutations in proptest::collection::vec(mutation(), 1..5),
    ) {
        let sites = example_sites();
        let (name, original) = &sites[file.index(sites.len())];
        let mut bytes = original.clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        match load_bytes(&bytes, name) {
            Err(e) => {
                prop_assert!(!e.say(Lang::En).trim().is_empty());
                prop_assert!(!e.say(Lang::Zh).trim().is_empty());
                prop_assert!(!e.say(coolplan::i18n::Lang::En).trim().is_empty());
            }
            Ok(loaded) => {
                let canonical = to_canonical_string(&loaded.site).expect("a valid site serialises");
                let again = load_str(&canonical, name).expect("canonical text of a valid site loads");
                prop_assert_eq!(&again.site, &loaded.site);
            }
        }
    }
}

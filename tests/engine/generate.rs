//! `coolplan generate`: synthetic sites are valid for many seeds and sizes, deterministic,
//! and written through the atomic, canonical save.

use coolplan::i18n::Say;
use std::process::Command;

use coolplan::io::{load_site, to_canonical_string, validate};
use coolplan::model::generate::generate_site;

#[test]
fn generated_sites_validate_without_errors_for_many_seeds_and_sizes() {
    for seed in 0..20 {
        for groups in [1, 2, 7, 40, 333] {
            let site = generate_site(groups, seed);
            let errors: Vec<String> = validate(&site)
                .iter()
                .filter(|p| p.is_error())
                .map(|p| p.say(coolplan::i18n::Lang::En))
                .collect();
            assert!(
                errors.is_empty(),
                "seed {seed}, {groups} groups: {errors:?}"
            );
        }
    }
}

fn generate(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_coolplan"))
        .arg("generate")
        .args(args)
        .env("LANG", "C")
        .output()
        .expect("run coolplan generate");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn the_cli_writes_the_same_canonical_site_for_the_same_seed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let path_str = path.to_str().unwrap();
    let (ok, stdout) = generate(&["--racks", "500", "--seed", "9", "-o", path_str]);
    assert!(ok, "{stdout}");
    assert!(stdout.contains("500 rack groups"), "{stdout}");
    let first = std::fs::read_to_string(&path).unwrap();
    // Canonical: exactly what the canonical writer makes of the generator's site.
    assert_eq!(first, to_canonical_string(&generate_site(500, 9)).unwrap());
    let loaded = load_site(&path).expect("the written site loads");
    assert_eq!(loaded.site.rack_group_count(), 500);

    // Again: nothing to write. Another seed: another site, the previous kept as .bak.
    let (ok, stdout) = generate(&["--racks", "500", "--seed", "9", "-o", path_str]);
    assert!(ok && stdout.contains("already holds"), "{stdout}");
    let (ok, _) = generate(&["--racks", "500", "--seed", "10", "-o", path_str]);
    assert!(ok);
    assert_ne!(std::fs::read_to_string(&path).unwrap(), first);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("big.ron.bak")).unwrap(),
        first
    );
}

#[test]
fn the_cli_refuses_zero_and_too_many_groups() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.ron");
    for racks in ["0", "100001", "-5", "many"] {
        let (ok, _) = generate(&["--racks", racks, "-o", path.to_str().unwrap()]);
        assert!(!ok, "--racks {racks}");
    }
    assert!(!path.exists());
}

//! A site that does not offer immersion (`cooling_options: Some([Air, ColdPlate])`): no report
//! format lists it as an option: no column, row, series or key. What still names immersion is
//! prose about the method and the assumptions appendix (immersion's defaults are assumptions
//! of the file whether or not it is offered), and the summary's sentence that it is not
//! considered.

use coolplan::engine::CoolingOption;
use coolplan::i18n::Lang;
use coolplan::report::export::{Format, export};
use coolplan::report::layout::Paper;

use crate::e2e::Evaluated;
use crate::pdftotext::pdf_text;

fn without_immersion() -> Evaluated {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/sites/ai-hall.ron");
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.replacen(
        "    location: (",
        "    cooling_options: Some([Air, ColdPlate]),\n    location: (",
        1,
    );
    let site = coolplan::io::parse_site(&text, path).unwrap();
    Evaluated::from_site(site, text.as_bytes(), std::path::Path::new(path).parent())
}

fn exported(e: &Evaluated, format: Format, lang: Lang) -> String {
    let bytes = export(&e.input(lang, Some("2026-11-28")), format, Paper::A4).expect("export");
    String::from_utf8(bytes).expect("text format")
}

/// Every occurrence of `word` in `text` is followed by one of `allowed` (prose and the
/// assumptions' names), never by what a table or chart of options shows.
fn only_in_prose(text: &str, word: &str, allowed: &[&str], what: &str) {
    for (at, _) in text.match_indices(word) {
        let after: String = text[at + word.len()..].chars().take(24).collect();
        assert!(
            allowed.iter().any(|a| after.starts_with(a)),
            "{what}: `{word}{after}` lists the option"
        );
    }
}

const PROSE_EN: &[&str] = &[
    // the end of the sentence naming the options not considered
    ".",
    " fluid",
    " tank",
    ": highest",
    ", stock",
    ", new",
    " preparation",
    " maintenance",
    " ≈",
];

#[test]
fn a_site_without_immersion_lists_it_in_no_report_format() {
    let e = without_immersion();
    // every option but air and cold plate is hidden: immersion, and those the list leaves out
    let hidden: Vec<CoolingOption> = e.results.site.hidden().collect();
    assert!(hidden.contains(&CoolingOption::Immersion));

    // JSON: no key of a hidden option anywhere
    let json = exported(&e, Format::Json, Lang::En);
    for option in &hidden {
        let key = format!("\"{}\"", option.key());
        assert!(!json.contains(&key), "JSON has {key}");
    }
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        value["options"]
            .as_object()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["air", "cold_plate"]
    );

    // CSV: no row of a hidden option
    let csv = exported(&e, Format::Csv, Lang::En);
    for option in &hidden {
        assert!(!csv.contains(&format!(",{},", option.key())), "{option:?}");
    }

    // Markdown, both languages: no table cell names a hidden option
    for lang in Lang::ALL {
        let md = exported(&e, Format::Markdown, lang);
        let names: Vec<&str> = hidden
            .iter()
            .map(|o| coolplan::i18n::results::option_name(*o, lang))
            .collect();
        for line in md.lines().filter(|l| l.starts_with('|')) {
            for cell in line.split('|').map(|c| c.trim().trim_matches('*')) {
                // the option's name alone, or with a suffix such as "(infeasible)"
                let names_it = |name: &&str| {
                    cell == *name
                        || cell.starts_with(&format!("{name} ("))
                        || cell.starts_with(&format!("{name}（"))
                };
                assert!(
                    !names.iter().any(names_it),
                    "{lang:?} Markdown table cell `{cell}` in `{line}`"
                );
            }
        }
    }
    let md = exported(&e, Format::Markdown, Lang::En);
    assert!(
        md.contains("Not considered, as the site does not offer them: ")
            && md.contains("Immersion.")
    );

    // text: the options table lists air and cold plate only
    let text = exported(&e, Format::Text, Lang::En);
    only_in_prose(&text, "Immersion", PROSE_EN, "text");

    // PDF as a reader sees it
    let Some(pdf) = pdf_text(&e.pdf(Lang::En)) else {
        return;
    };
    only_in_prose(&pdf, "Immersion", PROSE_EN, "PDF");
    // the comparison table's header: the metric column, then the two options
    assert!(pdf.contains("Metric Air Cold plate"), "comparison header");
}

//! Golden reports: the text, Markdown, HTML and JSON report of every example site in both
//! languages against committed snapshots (`tests/snapshots/`, the insta crate), and the first
//! pages of each PDF rendered by poppler's `pdftoppm` against committed PNGs
//! (`tests/snapshots/pages/`) within a tolerance. Wording, layout and number regressions then
//! show up as a diff in review.
//!
//! Update after a deliberate change: `INSTA_UPDATE=always cargo test --test report golden`
//! (README, "Report snapshots"). Without `pdftoppm` the page comparison prints a SKIPPED line.

use std::path::{Path, PathBuf};
use std::process::Command;

use coolplan::i18n::Lang;
use coolplan::report::compose::{Detail, ReportInput, sha256_hex};
use coolplan::report::export::{Format, export};
use coolplan::report::layout::Paper;

/// PDF pages compared per site and language.
const PAGES: usize = 3;
/// Resolution of the compared page images (dots per inch): layout, not glyph detail.
const DPI: &str = "40";
/// Greys differing by more than this count as a changed pixel.
const PIXEL_TOLERANCE: u8 = 64;
/// Share of changed pixels a page may have (antialiasing of another poppler version).
const CHANGED_SHARE: f64 = 0.004;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn example_sites() -> Vec<PathBuf> {
    let mut sites: Vec<PathBuf> = std::fs::read_dir(repo().join("sites"))
        .expect("sites/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    sites.sort();
    sites
}

/// Every format of `site` in `lang`, by extension.
fn reports(path: &Path, lang: Lang) -> Vec<(Format, Vec<u8>)> {
    let bytes = std::fs::read(path).expect("site file");
    let text = String::from_utf8(bytes.clone()).expect("UTF-8");
    let site = coolplan::io::parse_site(&text, "site.ron").expect("site parses");
    let climate = coolplan::io::climate::resolve(&site, path.parent()).expect("climate");
    let results = coolplan::engine::evaluate(&site, &climate);
    let catalog = site.catalog();
    let hash = sha256_hex(&bytes);
    let input = ReportInput {
        site: &site,
        results: &results,
        catalog: &catalog,
        climate: Some(&climate),
        lang,
        date: Some("2026-11-28"),
        input_sha256: &hash,
        detail: Detail::Standard,
        author: Some("A. Engineer"),
        revision: Some("B"),
        csv_bom: true,
        eed_year: None,
    };
    [
        Format::Text,
        Format::Markdown,
        Format::Html,
        Format::Json,
        Format::Pdf,
    ]
    .into_iter()
    .map(|f| (f, export(&input, f, Paper::A4).expect("report renders")))
    .collect()
}

fn name_of(path: &Path, lang: Lang) -> String {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("site");
    format!("{stem}-{}", lang.code())
}

fn update() -> bool {
    std::env::var("INSTA_UPDATE").is_ok_and(|v| v == "always")
}

#[test]
fn reports_match_their_snapshots() {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_path(repo().join("tests/snapshots"));
    let _guard = settings.bind_to_scope();
    let mut pages = PageCheck::new();
    for path in example_sites() {
        for lang in Lang::ALL {
            let name = name_of(&path, lang);
            for (format, bytes) in reports(&path, lang) {
                if format == Format::Pdf {
                    pages.compare(&name, &bytes);
                    continue;
                }
                let text = String::from_utf8(bytes).expect("text formats are UTF-8");
                insta::assert_snapshot!(format!("{name}.{}", format.extension()), text);
            }
        }
    }
    pages.finish();
}

/// PDF page images against the committed PNGs.
struct PageCheck {
    available: bool,
    failures: Vec<String>,
}

impl PageCheck {
    fn new() -> PageCheck {
        let available = Command::new("pdftoppm").arg("-v").output().is_ok();
        if !available {
            println!("SKIPPED: PDF page images (pdftoppm not found: install poppler-utils)");
        }
        PageCheck {
            available,
            failures: Vec::new(),
        }
    }

    fn compare(&mut self, name: &str, pdf: &[u8]) {
        if !self.available {
            return;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("r.pdf");
        std::fs::write(&file, pdf).expect("write PDF");
        let status = Command::new("pdftoppm")
            .args([
                "-png",
                "-gray",
                "-r",
                DPI,
                "-f",
                "1",
                "-l",
                &PAGES.to_string(),
            ])
            .arg(&file)
            .arg(dir.path().join("p"))
            .status()
            .expect("pdftoppm runs");
        assert!(status.success(), "pdftoppm failed on {name}");
        let mut rendered: Vec<PathBuf> = std::fs::read_dir(dir.path())
            .expect("temp dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "png"))
            .collect();
        rendered.sort();
        let store = repo().join("tests/snapshots/pages");
        for (index, page) in rendered.iter().enumerate() {
            let golden = store.join(format!("{name}-p{}.png", index + 1));
            if update() || !golden.exists() {
                std::fs::create_dir_all(&store).expect("pages dir");
                std::fs::copy(page, &golden).expect("store page");
                continue;
            }
            let (now, then) = (gray(page), gray(&golden));
            if now.0 != then.0 {
                self.failures.push(format!(
                    "{}: size {:?}, was {:?}",
                    golden.display(),
                    now.0,
                    then.0
                ));
                continue;
            }
            let changed = now
                .1
                .iter()
                .zip(&then.1)
                .filter(|(a, b)| a.abs_diff(**b) > PIXEL_TOLERANCE)
                .count();
            let share = changed as f64 / now.1.len().max(1) as f64;
            if share > CHANGED_SHARE {
                let failed = golden.with_extension("new.png");
                let _ = std::fs::copy(page, &failed);
                self.failures.push(format!(
                    "{}: {:.2} % of pixels changed (see {})",
                    golden.display(),
                    share * 100.0,
                    failed.display()
                ));
            }
        }
    }

    fn finish(self) {
        assert!(
            self.failures.is_empty(),
            "PDF pages differ from their snapshots (INSTA_UPDATE=always to accept):\n{}",
            self.failures.join("\n")
        );
    }
}

/// A PNG as 8-bit grey pixels: ((width, height), pixels).
fn gray(path: &Path) -> ((u32, u32), Vec<u8>) {
    let file = std::fs::File::open(path).expect("open PNG");
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().expect("PNG header");
    let mut buffer = vec![0; reader.output_buffer_size().expect("PNG size")];
    let info = reader.next_frame(&mut buffer).expect("PNG frame");
    let channels = info.color_type.samples();
    let pixels = buffer[..info.buffer_size()]
        .chunks(channels)
        .map(|px| px[0])
        .collect();
    ((info.width, info.height), pixels)
}

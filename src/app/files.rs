//! Reading and writing site files for the app, through the io module (parse, validate, atomic
//! save). Errors come back as text for the notice line; nothing here panics.

use std::path::Path;

use crate::model::Site;

/// A site read from disk.
pub struct Loaded {
    pub site: Site,
    /// The text had `//` comments (saving will drop them).
    pub has_comments: bool,
}

/// Reads and parses a site file.
pub fn load(path: &Path) -> Result<Loaded, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let site =
        crate::io::parse_site(&text, &path.display().to_string()).map_err(|e| e.to_string())?;
    Ok(Loaded {
        site,
        has_comments: has_line_comments(&text),
    })
}

/// Writes `site` to `path` atomically (temp file in the same folder, then rename; the old file
/// kept as `.bak`).
pub fn save(site: &Site, path: &Path) -> Result<(), String> {
    let text = ron::ser::to_string_pretty(site, ron::ser::PrettyConfig::default())
        .map_err(|e| e.to_string())?;
    let temp = path.with_extension("ron.tmp");
    std::fs::write(&temp, text).map_err(|e| e.to_string())?;
    if path.exists() {
        let _ = std::fs::copy(path, path.with_extension("ron.bak"));
    }
    std::fs::rename(&temp, path).map_err(|e| e.to_string())
}

/// True when a file on disk still has `//` comments that a save would drop.
pub fn file_has_comments(path: &Path) -> bool {
    std::fs::read_to_string(path).is_ok_and(|t| has_line_comments(&t))
}

/// True when `text` has a `//` comment outside string literals.
fn has_line_comments(text: &str) -> bool {
    text.lines().any(|line| {
        let mut in_string = false;
        let mut prev = ' ';
        for (i, c) in line.char_indices() {
            match c {
                '"' if prev != '\\' => in_string = !in_string,
                '/' if !in_string && line[i + 1..].starts_with('/') => return true,
                _ => {}
            }
            prev = c;
        }
        false
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_found_outside_strings_only() {
        assert!(has_line_comments("(a: 1) // note"));
        assert!(!has_line_comments("(url: \"http://x\")"));
    }
}

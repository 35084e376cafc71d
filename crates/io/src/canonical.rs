//! The canonical text of a site: one stable layout, so a file in canonical form survives
//! load → save with no diff and `coolplan fmt` is idempotent.

use ron::ser::PrettyConfig;

use coolplan_model::Site;

/// The pretty-printer settings of canonical site files: four-space indentation, `\n` line
/// ends on every platform, no struct names, trailing commas, strings kept readable
/// (Chinese text is written as is, not as `\u{…}` escapes).
pub fn pretty_config() -> PrettyConfig {
    PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .separator(" ")
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .compact_arrays(false)
        .escape_strings(false)
}

/// The canonical text of `site`, ending with a newline.
pub fn to_canonical_string(site: &Site) -> Result<String, ron::Error> {
    let mut text = ron::ser::to_string_pretty(site, pretty_config())?;
    text.push('\n');
    Ok(text)
}

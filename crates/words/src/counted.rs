//! Counted nouns: "1 rack" and "3 racks", "1 rack group" and "3 rack groups" in English, one form in Chinese ("1 个机柜").
//!
//! Owns: a count with its noun in the reader's grammar and thousands separators. Templates
//! that say how many racks take the whole phrase as one placeholder.

use crate::{Lang, Text};
use coolplan_units::format::group_thousands;

crate::texts! {
    /// A number of racks.
    Counted {
        OneRack => "1 rack", "1 个机柜";
        Racks => "{0} racks", "{0} 个机柜";
        OneRackGroup => "1 rack group", "1 个机柜组";
        RackGroups => "{0} rack groups", "{0} 个机柜组";
    }
}

/// `n` racks in `lang`: "1 rack", "1,200 racks", "1,200 个机柜".
pub fn racks(lang: Lang, n: u64) -> String {
    if n == 1 {
        Counted::OneRack.tr(lang).to_string()
    } else {
        Counted::Racks.fmt(lang, &[&group_thousands(n as f64, 0)])
    }
}

/// `n` rack groups in `lang`: "1 rack group", "12 rack groups", "12 个机柜组".
pub fn rack_groups(lang: Lang, n: u64) -> String {
    if n == 1 {
        Counted::OneRackGroup.tr(lang).to_string()
    } else {
        Counted::RackGroups.fmt(lang, &[&group_thousands(n as f64, 0)])
    }
}

/// Unit numbers of a run of identical units: "3–9", or "3" for one unit.
pub fn unit_numbers(numbers: &std::ops::RangeInclusive<u64>) -> String {
    let (from, to) = (*numbers.start(), *numbers.end());
    if to > from {
        format!(
            "{}–{}",
            group_thousands(from as f64, 0),
            group_thousands(to as f64, 0)
        )
    } else {
        group_thousands(from as f64, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_rack_is_singular_in_english_and_every_count_is_grouped() {
        assert_eq!(racks(Lang::En, 1), "1 rack");
        assert_eq!(racks(Lang::En, 0), "0 racks");
        assert_eq!(racks(Lang::En, 1200), "1,200 racks");
        assert_eq!(racks(Lang::Zh, 1), "1 个机柜");
        assert_eq!(racks(Lang::Zh, 1200), "1,200 个机柜");
    }

    #[test]
    fn a_run_of_units_is_a_range_and_one_unit_a_number() {
        assert_eq!(unit_numbers(&(3..=9)), "3–9");
        assert_eq!(unit_numbers(&(9..=9)), "9");
        assert_eq!(unit_numbers(&(999..=1000)), "999–1,000");
    }
}

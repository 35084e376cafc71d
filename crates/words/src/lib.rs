//! The one translation layer: every text shown to a user (GUI, CLI, reports) comes from here.
//!
//! Choice: a small typed table instead of an i18n crate. Each table is declared with
//! [`texts!`] as `Key => "English", "中文";`, so a key without both texts does not compile,
//! keys are checked by the compiler (no stringly lookups that fail at run time), and the
//! `ALL` list lets one test prove every text is non-empty and placeholders match.
//! Tables: [`terms`] (domain vocabulary shared by all), [`cli`], [`gui`], [`report`].
//! [`results`]: wording of results (reasons, cost items, money, finance labels) and its table.
//! [`fields`]: labels of the file keys (assumptions, catalog-model fields).
//! [`catalog`]: the server catalog's texts (kinds, source tags, its command, view and table).

pub mod analysis;
pub mod catalog;
pub mod cli;
pub mod climate;
pub mod compliance;
pub mod compliance_gui;
pub mod counted;
pub mod dashboard;
pub mod eed;
pub mod fields;
pub mod figures;
pub mod files;
pub mod generate;
pub mod gui;
pub mod import;
pub mod import_gui;
pub mod inventory;
pub mod lifecycle;
pub mod report;
pub mod results;
pub mod say;
pub mod sources;
pub mod terms;
pub mod uncertainty_editor;
pub mod validation;

pub use say::Say;

use serde::{Deserialize, Serialize};

/// A language coolplan speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// From a locale string such as `zh_CN.UTF-8`, `zh-Hans`, `en_US` (anything else: English).
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
    /// From locale variables looked up by `var`: the first non-empty of LC_ALL, LC_MESSAGES,
    /// LANG (POSIX order); English when none is set.
    pub fn from_locale_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.is_empty())
            .map_or(Lang::En, |value| Lang::from_locale(&value))
    }
    /// Short code used by `--lang`: `en` or `zh`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "en" | "en-us" | "en_us" | "english" => Some(Lang::En),
            "zh" | "zh-cn" | "zh_cn" | "zh-hans" | "cn" | "chinese" => Some(Lang::Zh),
            _ => None,
        }
    }
    /// The language's own name, for the language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "简体中文",
        }
    }
}

/// A key of a translation table.
pub trait Text: Copy + 'static {
    /// Every key of the table (for completeness tests).
    fn all() -> &'static [Self];
    /// The key's name, for test messages.
    fn name(self) -> &'static str;
    fn en(self) -> &'static str;
    fn zh(self) -> &'static str;
    /// The text in `lang`.
    fn tr(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en(),
            Lang::Zh => self.zh(),
        }
    }
    /// The text in `lang` with `{0}`, `{1}`, … replaced by `args`.
    fn fmt(self, lang: Lang, args: &[&dyn std::fmt::Display]) -> String {
        fill(self.tr(lang), args)
    }
}

/// Replaces `{0}`, `{1}`, … in `template` with `args`.
pub fn fill(template: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = template.to_string();
    for (i, arg) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), &arg.to_string());
    }
    out
}

/// Declares a translation table: `texts! { Name { Key => "English", "中文"; ... } }`.
#[macro_export]
macro_rules! texts {
    ($(#[$doc:meta])* $name:ident { $( $key:ident => $en:literal, $zh:literal; )+ }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $( $key, )+ }

        impl $crate::Text for $name {
            fn all() -> &'static [Self] { &[ $( Self::$key, )+ ] }
            fn name(self) -> &'static str { match self { $( Self::$key => stringify!($key), )+ } }
            fn en(self) -> &'static str { match self { $( Self::$key => $en, )+ } }
            fn zh(self) -> &'static str { match self { $( Self::$key => $zh, )+ } }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key has non-empty English and Chinese texts with the same placeholders.
    fn check_table<T: Text>() {
        for &key in T::all() {
            let (en, zh) = (key.en(), key.zh());
            assert!(!en.trim().is_empty(), "{} lacks English text", key.name());
            assert!(!zh.trim().is_empty(), "{} lacks Chinese text", key.name());
            for i in 0..10 {
                let p = format!("{{{i}}}");
                assert_eq!(
                    en.contains(&p),
                    zh.contains(&p),
                    "{}: placeholder {p} differs",
                    key.name()
                );
            }
        }
    }

    #[test]
    fn every_key_has_both_languages() {
        check_table::<terms::Term>();
        check_table::<terms::Quantity>();
        check_table::<cli::Cli>();
        check_table::<analysis::An>();
        check_table::<gui::Gui>();
        check_table::<report::Rep>();
        check_table::<import::Imp>();
        check_table::<import_gui::ImpGui>();
        check_table::<validation::Val>();
        check_table::<climate::Clim>();
        check_table::<results::Words>();
        check_table::<results::plant::PlantWords>();
        check_table::<results::plan::PlanWords>();
        check_table::<results::works::WorkWords>();
        check_table::<fields::AssumptionField>();
        check_table::<fields::CatalogField>();
        check_table::<fields::FieldChoice>();
        check_table::<fields::AssumptionGroup>();
        check_table::<generate::Gen>();
        check_table::<files::Files>();
        check_table::<figures::Scale>();
        check_table::<dashboard::Dash>();
        check_table::<inventory::Inv>();
        check_table::<catalog::Cat>();
        check_table::<uncertainty_editor::Unc>();
        check_table::<compliance::Comp>();
        check_table::<eed::Eed>();
        check_table::<compliance_gui::CompGui>();
        check_table::<lifecycle::Life>();
    }

    #[test]
    fn locale_picks_language() {
        assert_eq!(Lang::from_locale("zh_CN.UTF-8"), Lang::Zh);
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
    }

    #[test]
    fn locale_variables_are_read_in_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            Lang::from_locale_vars(env(&[("LANG", "zh_CN.UTF-8")])),
            Lang::Zh
        );
        assert_eq!(
            Lang::from_locale_vars(env(&[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")])),
            Lang::Zh
        );
        assert_eq!(
            Lang::from_locale_vars(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "en_GB"),
                ("LANG", "zh_CN")
            ])),
            Lang::En
        );
        assert_eq!(Lang::from_locale_vars(env(&[])), Lang::En);
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(fill("{0} of {1}", &[&3, &"racks"]), "3 of racks");
    }
}

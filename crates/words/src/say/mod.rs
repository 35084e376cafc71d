//! [`Say`]: the wording of typed values from the crates below — validation problems, load
//! and save errors, climate and import errors, uncertainty problems and Monte Carlo errors, a
//! currency mismatch. Those crates keep errors and findings as data and never word them; they
//! are worded here, once, in the reader's language. The shells (report, app, CLI) implement
//! `Say` for their own errors with the same tables.

pub mod climate;
pub mod import;
pub mod save;
pub mod uncertainty;
pub mod validation;

use crate::Lang;

/// A value worded for people reading `lang`.
pub trait Say {
    fn say(&self, lang: Lang) -> String;
}

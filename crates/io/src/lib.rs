//! The file edge: load (read, decode, migrate, parse, validate) and save site files
//! atomically in canonical form.
//!
//! Owns: reading and writing bytes, RON parse errors with line and column, schema
//! migration, validation of every rule with a path to the value, the canonical layout.
//! Never touches: egui, the engine's arithmetic. Only [`read`] (every reader's bounded read:
//! site files, EPW files through [`climate::resolve`], CSV imports), [`save`] (atomic writes,
//! backups, the advisory lock) touch the file system; everything else is a pure function of
//! text.

pub mod canonical;
pub mod climate;
pub mod epw;
pub mod import;
pub mod lex;
pub mod load;
pub mod migrate;
pub mod parse;
pub mod problem;
pub mod read;
pub mod save;
pub mod validate;

pub use canonical::to_canonical_string;
pub use load::{LoadError, Loaded, load_bytes, load_site, load_str, parse_migrated, parse_site};
pub use problem::{Kind, Problem, Seg, Severity};
pub use save::{DiskStamp, SaveError, SaveOptions, SaveOutcome, save_site, would_drop_comments};
pub use validate::{validate, validate_models};

//! Reports: the engine's [`coolplan_engine::Results`] written for people and programs.
//!
//! Owns: the document model ([`document`]), composing it from results ([`compose`]), layout
//! ([`layout`]) and the writers — PDF, HTML, Markdown from the document; CSV, JSON and the
//! text summary from the results. The wording of results in a language is the words crate's
//! (`coolplan_words`); this crate places it.
//! Never touches: the engine's arithmetic, the clock (a report date is passed in), files
//! (writers return text or bytes; the shells write them).

pub mod compose;
pub mod csv;
pub mod document;
pub mod eed;
pub mod export;
pub mod html;
pub mod json;
pub mod json_compliance;
pub mod layout;
pub mod markdown;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod text;

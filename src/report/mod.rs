//! Reports: the engine's [`crate::engine::Results`] written for people and programs.
//!
//! Owns: document writers (JSON, text summary; PDF, HTML, CSV and Markdown from the report
//! team) and the wording of results in a language ([`words`]). Never touches: the engine's
//! arithmetic, the clock (a report date is passed in), files (writers return text or bytes;
//! the shells write them).

pub mod json;
pub mod text;
pub mod words;

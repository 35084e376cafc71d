//! Reports: the results of a site as documents for people — PDF, HTML, Markdown — and as
//! data — CSV (and JSON/text from the cost engine's writers).
//!
//! Owns: the document model ([`document`]), building it from results ([`build`]), layout
//! ([`layout`]) and the writers. Never touches: the engine's arithmetic, the clock (the date
//! is injected), files (writers return bytes; the CLI and GUI write them).

pub mod build;
pub mod csv;
pub mod document;
pub mod export;
pub mod html;
pub mod layout;
pub mod markdown;
pub mod pdf;

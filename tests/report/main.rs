//! The report tests, one binary (feature `pdf`): every format end to end, the PDF read back
//! with poppler's `pdftotext`, the JSON report, and the `coolplan report` command.

mod pdftotext;

mod cli;
mod compliance;
mod e2e;
mod json;
mod sensitivity;

//! The report tests, one binary (feature `pdf`): every format end to end, the PDF read back
//! with poppler's `pdftotext`, the JSON report, the `coolplan report` command, golden
//! snapshots of every example report, and the layout's page rules.

mod pdftotext;

mod boq;
mod cli;
mod compliance;
mod e2e;
mod eed;
mod golden;
mod json;
mod layout;
mod offered;
mod sensitivity;
mod works;

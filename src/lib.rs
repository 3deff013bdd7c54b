//! msp-quote: prices managed IT services the way the managed-services handbook describes.
//!
//! The crate is a library with a thin binary around it:
//! - [`core`]: the pure pricing, cost-analysis and ROI engines (no I/O, no UI).
//! - [`formats`]: files in and out (RON price books and quotes, JSON, spreadsheets).
//! - [`cli`]: the command-line interface.
//! - [`app`]: the desktop window (eframe/egui).
//!
//! See `docs/ARCHITECTURE.md` for how data flows between them.

pub mod app;
pub mod cli;
pub mod core;
pub mod documents;
pub mod formats;

//! Options of the window (no subcommand): a quote to open, a tab, or a screenshot to take.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

/// Top-level options used when no subcommand is given.
#[derive(Debug, Clone, Default, Args)]
pub struct WindowArgs {
    /// Render the window once, save it as this PNG and exit (README screenshots, smoke runs).
    #[arg(long, value_name = "FILE.png")]
    pub screenshot: Option<PathBuf>,
    /// A quote file (RON) to open in the window.
    #[arg(value_name = "QUOTE.ron")]
    pub quote: Option<PathBuf>,
    /// The tab to show first.
    #[arg(long, value_enum, value_name = "TAB")]
    pub tab: Option<WindowTab>,
}

/// The tabs of the window, as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WindowTab {
    Quote,
    Cost,
    Roi,
    Documents,
    PriceBook,
}

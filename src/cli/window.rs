//! Options of the window (no subcommand): a quote to open, a tab, or a screenshot to take.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::app::{Tab, WindowOptions};

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
    Contract,
    PriceBook,
}

impl From<WindowTab> for Tab {
    fn from(tab: WindowTab) -> Self {
        match tab {
            WindowTab::Quote => Tab::Quote,
            WindowTab::Cost => Tab::Cost,
            WindowTab::Roi => Tab::Roi,
            WindowTab::Documents => Tab::Documents,
            WindowTab::Contract => Tab::Contract,
            WindowTab::PriceBook => Tab::PriceBook,
        }
    }
}

impl WindowArgs {
    /// The window's options these arguments ask for (the quote tab when none is named).
    pub fn options(&self) -> WindowOptions {
        WindowOptions {
            screenshot: self.screenshot.clone(),
            quote: self.quote.clone(),
            tab: self.tab.map_or(Tab::Quote, Tab::from),
        }
    }
}

//! `msp-quote template KIND FILE`: writes a blank workbook to fill in and import.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::CliError;
use crate::formats::xlsx::template::write_cost_analysis_template;

/// Which template to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TemplateKind {
    /// Cost lines (hardware, software, affiliate services) for a quote's cost analysis.
    CostAnalysis,
}

/// Arguments of `template`.
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The kind of template.
    #[arg(value_enum, value_name = "KIND")]
    pub kind: TemplateKind,
    /// Where to write it (.xlsx).
    #[arg(value_name = "FILE.xlsx")]
    pub file: PathBuf,
}

/// Runs `template`.
///
/// # Errors
/// A one-line [`CliError`] when the file cannot be written.
pub fn run(args: &TemplateArgs) -> Result<String, CliError> {
    match args.kind {
        TemplateKind::CostAnalysis => {
            write_cost_analysis_template(&args.file).map_err(CliError::new)?;
        }
    }
    Ok(format!("wrote {}\n", args.file.display()))
}

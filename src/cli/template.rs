//! `msp-quote template KIND FILE`: writes a spreadsheet template the importer reads back.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::CliError;
use crate::formats::write_atomically;
use crate::formats::xlsx::customer_costs_template::customer_costs_template;
use crate::formats::xlsx::template::cost_analysis_template;

/// Which template to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TemplateKind {
    /// Cost lines (hardware, software, affiliate services) for a quote's cost analysis.
    CostAnalysis,
    /// The customer's current IT costs, for `roi --costs`.
    CustomerCosts,
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
/// A one-line [`CliError`] when the template cannot be built or the file cannot be written.
pub fn run(args: &TemplateArgs) -> Result<String, CliError> {
    let bytes = match args.kind {
        TemplateKind::CostAnalysis => cost_analysis_template(),
        TemplateKind::CustomerCosts => customer_costs_template(),
    }
    .map_err(|error| CliError::new(format!("cannot build the template: {error}")))?;
    write_atomically(&args.file, &bytes)
        .map_err(|error| CliError::new(format!("cannot write {}: {error}", args.file.display())))?;
    Ok(format!("wrote {}\n", args.file.display()))
}

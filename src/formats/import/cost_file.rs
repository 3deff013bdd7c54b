//! Reading a cost file by its extension: the customer's current costs from a RON costs file or
//! a spreadsheet, for the `roi`, `proposal` and `appendix` commands and the window alike.

use std::path::Path;

use super::ReadOptions;
use super::customer_costs::{ImportedCosts, import_customer_costs_with};
use super::report::ImportReport;
use crate::core::roi::CustomerCosts;
use crate::formats::problem::{InputError, Location};
use crate::formats::quote::customer_costs::parse_customer_costs;

/// Customer costs read from a file, with the import's report when it was a spreadsheet.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedCustomerCosts {
    pub costs: CustomerCosts,
    /// The spreadsheet import (sheet, skips, warnings, inferences); `None` for RON.
    pub import: Option<ImportedCosts>,
}

impl LoadedCustomerCosts {
    /// The import's report (`None` for a RON file).
    pub fn report<'a>(&'a self, file: &'a str) -> Option<ImportReport<'a>> {
        self.import.as_ref().map(|import| import.report(file))
    }
}

/// The extensions [`read_customer_costs_file`] reads.
pub const CUSTOMER_COST_EXTENSIONS: &str = ".ron, .xlsx, .xlsm, .xls, .ods or .csv";

/// Reads customer costs from a RON costs file or a spreadsheet (xlsx, xlsm, xls, ods, csv),
/// chosen by the file's extension. A spreadsheet whose rows give no usable cost line is an
/// error, so a bad file never stands in for costs the caller already has.
///
/// # Errors
/// An [`InputError`] naming the file: unreadable, an unknown extension, invalid RON, no
/// usable header (naming the sheets looked at), or rows with nothing usable.
pub fn read_customer_costs_file(
    path: &Path,
    options: &ReadOptions,
) -> Result<LoadedCustomerCosts, InputError> {
    let name = path.display().to_string();
    let extension = path
        .extension()
        .map(|extension| extension.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "ron" => {
            let text = crate::formats::read_input_text(path, crate::formats::COSTS_SIZE_LIMIT)?;
            Ok(LoadedCustomerCosts {
                costs: parse_customer_costs(&text, &name)?,
                import: None,
            })
        }
        "xlsx" | "xlsm" | "xls" | "ods" | "csv" => {
            let imported = import_customer_costs_with(path, options)?;
            let loaded = LoadedCustomerCosts {
                costs: imported.costs.clone(),
                import: Some(imported),
            };
            if let Some(reason) = loaded.report(&name).and_then(|report| report.refusal()) {
                return Err(InputError {
                    source_name: name,
                    problems: vec![crate::formats::problem::Problem {
                        location: Location::Whole,
                        message: reason,
                    }],
                });
            }
            Ok(loaded)
        }
        _ => Err(InputError::single(
            &name,
            Location::Whole,
            format!("costs must be a {CUSTOMER_COST_EXTENSIONS} file"),
        )),
    }
}

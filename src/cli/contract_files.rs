//! What `amend`, `terminate` and `renew` share: the contract file and the books it is
//! priced with (the one it pinned, and the one in use), and the amended schedule's table.

use std::path::{Path, PathBuf};

use super::CliError;
use super::table::{Align, TextTable, summary, warning_lines};
use crate::core::contract::{ContractBooks, ContractSchedule, contract_schedule};
use crate::core::quote::Quote;
use crate::formats::price_book::{LoadedBook, load_or_standard, load_price_book, standard_book};
use crate::formats::quote::load_quote;

/// A contract file with the books it is priced with.
pub struct ContractFiles {
    pub path: PathBuf,
    pub quote: Quote,
    /// The book in use (`--price-book`, or the embedded standard book).
    pub current: LoadedBook,
    /// The book the contract pinned: the book in use, `--pinned-book`, or the embedded
    /// standard book, whichever has the pinned SHA-256.
    pub pinned: LoadedBook,
}

impl ContractFiles {
    /// Loads the contract and its books. A contract pinned to a book that none of the
    /// candidates matches is refused unless `reprice` (then the book in use prices it all).
    ///
    /// # Errors
    /// A one-line [`CliError`] for an unreadable or invalid file, or a pinned book not given.
    pub fn load(
        path: &Path,
        price_book: Option<&Path>,
        pinned_book: Option<&Path>,
        reprice: bool,
    ) -> Result<ContractFiles, CliError> {
        let quote = load_quote(path).map_err(|error| CliError::new(error.one_line()))?;
        let current =
            load_or_standard(price_book).map_err(|error| CliError::new(error.one_line()))?;
        let pinned = match &quote.price_book_pin {
            None => current.clone(),
            Some(pin) if pin.sha256 == current.sha256 => current.clone(),
            Some(pin) => {
                let given = pinned_book
                    .map(load_price_book)
                    .transpose()
                    .map_err(|error| CliError::new(error.one_line()))?;
                let standard = standard_book().map_err(|error| CliError::new(error.one_line()))?;
                match given
                    .into_iter()
                    .chain([standard])
                    .find(|b| b.sha256 == pin.sha256)
                {
                    Some(book) => book,
                    None if reprice => current.clone(),
                    None => {
                        return Err(CliError::new(format!(
                            "{} is priced with price book '{}' {} (sha256 {}), which is not \
                             the book given: pass that book with --pinned-book FILE, or \
                             --reprice to price with the book in use",
                            path.display(),
                            pin.id,
                            pin.version,
                            pin.sha256.get(..12).unwrap_or(pin.sha256.as_str())
                        )));
                    }
                }
            }
        };
        Ok(ContractFiles {
            path: path.to_path_buf(),
            quote,
            current,
            pinned,
        })
    }

    /// The books to price `quote` with.
    pub fn books(&self) -> ContractBooks<'_> {
        ContractBooks {
            pinned: &self.pinned.book,
            current: &self.current.book,
        }
    }

    /// `quote` priced as a contract.
    ///
    /// # Errors
    /// A one-line [`CliError`] naming the file and what cannot be priced or is out of range.
    pub fn schedule(&self, quote: &Quote) -> Result<ContractSchedule, CliError> {
        contract_schedule(self.books(), quote)
            .map_err(|error| CliError::new(format!("{}: {error}", self.path.display())))
    }

    /// Says on stderr, once the command succeeds, that `contract` (a schedule of this file)
    /// starts on the quote date because the file names no start date.
    pub fn warn_if_start_assumed(&self, contract: &ContractSchedule) {
        if contract.start_assumed {
            super::warn_on_success(format!(
                "{} has no start date: the quote date is assumed",
                self.path.display()
            ));
        }
    }
}

/// The amended schedule as a table: dates, recurring, setup, adjustment, credit, due.
pub fn contract_months_table(contract: &ContractSchedule) -> String {
    let currency = &contract.base.currency;
    let mut table = TextTable::new(&[
        ("Month", Align::Right),
        ("Dates", Align::Left),
        ("Recurring", Align::Right),
        ("Setup", Align::Right),
        ("Adjustment", Align::Right),
        ("Credit", Align::Right),
        ("Due", Align::Right),
    ]);
    for month in &contract.months {
        table.row([
            month.month.to_string(),
            format!("{} - {}", month.first_day, month.last_day),
            currency.money(month.recurring),
            currency.money(month.setup),
            currency.money(month.adjustment),
            currency.money(-month.credit),
            currency.money(month.due),
        ]);
    }
    table.render()
        + &summary([(
            "Total contract value",
            currency.money(contract.total_contract_value),
        )])
        + &warning_lines(&contract.warnings)
}

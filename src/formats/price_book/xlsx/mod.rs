//! The price book as a spreadsheet and back: one sheet per section with headers and a notes
//! column, read back tolerantly through the shared table reader (`formats::import`).
//!
//! - Export writes the book's values as canonical cells (numbers as numbers, percents as
//!   "8%", flags as yes/no, the pricing options as RON text in the Options sheet); the RON
//!   file's comments (the handbook citations) go to the notes column of the row they belong
//!   to, or to the Notes sheet with their key. Two hidden columns keep the exported values
//!   and notes. The bytes are deterministic: exporting the same book twice, or a book that
//!   was imported from the export, gives the same file.
//! - Import reads every sheet (header row anywhere in the first 20 rows, "$1,250.00", 12 or
//!   12%), reports every problem with its sheet!cell, and builds the RON text: the notes come
//!   back as comments where the row's values are unchanged (a changed value drops notes that
//!   were not edited: they cited the old value). The result passes the same validation as a
//!   RON file or the import fails.

mod comments;
mod from_sheets;
mod from_sheets_parts;
mod read;
mod sheets;
mod to_sheets;
mod write;

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::raw::RawPriceBook;
use crate::core::price_book::PriceBook;
use crate::formats::problem::{InputError, Location, Problem, ron_problem};

pub use comments::{capture_comments, insert_comments, key_within, scan_lines};

/// What an import gives: the RON text to save, the validated book, and caveats.
#[derive(Debug, Clone)]
pub struct XlsxImport {
    /// The book as RON, with the notes as comments.
    pub ron: String,
    pub book: PriceBook,
    /// Values read with a caveat and notes dropped, each with its cell.
    pub warnings: Vec<Problem>,
}

/// The xlsx workbook of the price book in `ron_text` (its comments in the notes columns).
///
/// # Errors
/// An [`InputError`] when the text is not a valid price book (located like a RON load).
pub fn export_price_book_xlsx(ron_text: &str, source_name: &str) -> Result<Vec<u8>, InputError> {
    super::parse_price_book(ron_text, source_name)?;
    let raw: RawPriceBook = ron::from_str(ron_text).map_err(|error| InputError {
        source_name: source_name.to_string(),
        problems: vec![ron_problem(&error)],
    })?;
    let mut all = to_sheets::book_sheets(&raw);
    let mut notes: Vec<Vec<Vec<String>>> = all
        .iter()
        .map(|sheet| vec![Vec::new(); sheet.rows.len()])
        .collect();
    let mut loose = Vec::new();
    for (key, comment) in capture_comments(ron_text) {
        match owning_row(&all, &key) {
            Some((sheet, row)) => notes[sheet][row].push(comment),
            None => loose.push(sheets::Row {
                key: key.clone(),
                values: vec![key, comment],
            }),
        }
    }
    if let Some(index) = all
        .iter()
        .position(|sheet| sheet.def.name == sheets::NOTES.name)
    {
        notes[index] = vec![Vec::new(); loose.len()];
        all[index].rows = loose;
    }
    write::workbook_bytes(&all, &notes).map_err(|error| {
        InputError::single(
            source_name,
            Location::Whole,
            format!("cannot write the workbook: {error}"),
        )
    })
}

/// The row whose key is the longest one that `key` is within (the first such row).
fn owning_row(all: &[sheets::Sheet], key: &str) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    for (sheet_index, sheet) in all.iter().enumerate() {
        for (row_index, row) in sheet.rows.iter().enumerate() {
            if !row.key.is_empty()
                && comments::key_within(key, &row.key)
                && best.is_none_or(|(length, _, _)| row.key.len() > length)
            {
                best = Some((row.key.len(), sheet_index, row_index));
            }
        }
    }
    best.map(|(_, sheet, row)| (sheet, row))
}

/// Reads a workbook written by [`export_price_book_xlsx`] (or edited from one) back into a
/// validated book and its RON text.
///
/// # Errors
/// An [`InputError`] listing every problem, each with its sheet!cell (or the field path when
/// no cell holds the value), when the workbook cannot be read or the book is invalid.
pub fn import_price_book_xlsx(bytes: &[u8], file_name: &str) -> Result<XlsxImport, InputError> {
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let mut rows: from_sheets::SheetRows = BTreeMap::new();
    for def in sheets::ALL {
        let read = read::read_sheet(bytes, file_name, def, &mut problems, &mut warnings);
        // A file that is no workbook at all fails the same way for every sheet: say it once.
        if let Some(unreadable) = problems.iter().find(|problem| {
            problem.location == Location::Whole && !problem.message.contains("no sheet has")
        }) {
            return Err(InputError {
                source_name: file_name.to_string(),
                problems: vec![unreadable.clone()],
            });
        }
        rows.insert(def.name, read);
    }
    // A required sheet is missing: the book cannot be assembled from the others.
    if problems
        .iter()
        .any(|problem| problem.location == Location::Whole)
    {
        return Err(InputError {
            source_name: file_name.to_string(),
            problems,
        });
    }
    let mut assembly = from_sheets::Assembly::default();
    let mut raw = from_sheets::raw_book(&rows, &mut assembly);
    problems.append(&mut assembly.problems);
    if !problems.is_empty() {
        return Err(InputError {
            source_name: file_name.to_string(),
            problems,
        });
    }
    format_amounts(&mut raw);
    let notes = notes_of(&rows, &mut warnings);
    let text =
        ron::ser::to_string_pretty(&raw, ron::ser::PrettyConfig::default()).map_err(|error| {
            InputError::single(
                file_name,
                Location::Whole,
                format!("cannot write RON: {error}"),
            )
        })?;
    let (ron, unmatched) = insert_comments(&text, &notes);
    for key in unmatched {
        warnings.push(Problem {
            location: Location::Field(key.clone()),
            message: "no field of the book has this key any more: its notes were dropped"
                .to_string(),
        });
    }
    let book = super::parse_price_book(&ron, file_name).map_err(|mut error| {
        for problem in &mut error.problems {
            if let Location::Field(path) = &problem.location
                && let Some(cell) = cell_of(&assembly.paths, path)
            {
                problem.message = format!("{} ({path})", problem.message);
                problem.location = cell;
            }
        }
        error
    })?;
    Ok(XlsxImport {
        ron,
        book,
        warnings,
    })
}

/// The cell of the longest recorded path that `path` starts with.
fn cell_of(paths: &[(String, Location)], path: &str) -> Option<Location> {
    paths
        .iter()
        .filter(|(recorded, _)| {
            path == recorded
                || (path.starts_with(recorded.as_str())
                    && matches!(path.as_bytes().get(recorded.len()), Some(b'.' | b'[')))
        })
        .max_by_key(|(recorded, _)| recorded.len())
        .map(|(_, location)| location.clone())
}

/// The notes of every row by key: kept where the row's values are as exported or the notes
/// were edited; dropped (with a warning) where a value changed under unedited notes.
fn notes_of(
    rows: &from_sheets::SheetRows,
    warnings: &mut Vec<Problem>,
) -> BTreeMap<String, Vec<String>> {
    let mut notes: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for def in sheets::ALL {
        for row in rows.get(def.name).into_iter().flatten() {
            let (key, lines): (String, Vec<String>) = if def.name == sheets::NOTES.name {
                (row.values[0].clone(), vec![row.values[1].clone()])
            } else {
                let lines = row.notes.lines().map(str::to_string).collect();
                (sheets::key_of(def, &row.values), lines)
            };
            if lines.is_empty() {
                continue;
            }
            let changed = row
                .exported_values
                .as_ref()
                .is_some_and(|exported| *exported != row.values);
            if changed && row.notes == row.exported_notes {
                warnings.push(Problem {
                    location: row.location.clone(),
                    message: format!(
                        "a value changed: its notes were dropped (they described the old value): {}",
                        lines.join(" / ")
                    ),
                });
                continue;
            }
            notes.entry(key).or_default().extend(lines);
        }
    }
    notes
}

/// Amounts written with the currency's places ("750" -> "750.00") where they have no more.
fn format_amounts(raw: &mut RawPriceBook) {
    let decimals = raw.currency.decimals.min(4);
    let money = |text: &mut String| {
        if let Ok(mut value) = text.trim().parse::<Decimal>()
            && value.scale() <= decimals
        {
            value.rescale(decimals);
            *text = value.to_string();
        }
    };
    money(&mut raw.setup.amount);
    for tier in &mut raw.tiers {
        tier.monthly_prices.values_mut().for_each(money);
        money(&mut tier.internal_reserve_per_device);
        for value in tier.rate_overrides.values_mut() {
            if let super::raw::RawRateOverride::Rate(text) = value {
                money(text);
            }
        }
    }
    for term in &mut raw.terms {
        term.credits
            .iter_mut()
            .for_each(|credit| money(&mut credit.amount));
    }
    for rate in &mut raw.hourly_rates {
        money(&mut rate.rate);
        if let Some(premium) = &mut rate.travel_premium {
            money(premium);
        }
    }
    raw.addons
        .iter_mut()
        .for_each(|addon| money(&mut addon.monthly_price));
    if let Some(defaults) = &mut raw.cost_defaults {
        defaults
            .labour_roles
            .iter_mut()
            .for_each(|role| money(&mut role.hourly_cost));
        money(&mut defaults.setup_cost_per_device);
    }
}

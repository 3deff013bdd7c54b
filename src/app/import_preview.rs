//! The import preview: before an imported file changes the quote, the window shows what will be
//! imported (the sheet and why, the recognised columns, the counts, every skipped row with its
//! cell, every inferred category) and asks. Importing is one edit: Undo reverts it.

use std::path::{Path, PathBuf};

use super::{QuoteApp, error_notice, info_notice};
use crate::core::quote::Quote;
use crate::formats::import::cost_lines::ImportedCostLines;
use crate::formats::import::customer_costs::ImportedCosts;
use crate::formats::import::report::ImportReport;

/// An import read from a file and waiting for the user's answer.
#[derive(Debug, Clone, PartialEq)]
pub enum PendingImport {
    CostLines {
        path: PathBuf,
        lines: Box<ImportedCostLines>,
    },
    CustomerCosts {
        path: PathBuf,
        imported: Box<ImportedCosts>,
    },
}

/// What the user answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PreviewAnswer {
    Import,
    Cancel,
}

impl PendingImport {
    fn path(&self) -> &Path {
        match self {
            PendingImport::CostLines { path, .. } | PendingImport::CustomerCosts { path, .. } => {
                path
            }
        }
    }

    /// The notice after importing: "Imported ... from FILE (sheet ...)".
    pub fn notice(&self) -> String {
        let file = self.path().display().to_string();
        let report = self.report(&file);
        format!(
            "Imported {} lines from {file} (sheet {}); {} rows or cells skipped",
            report.taken,
            report.choice,
            report.skipped.len()
        )
    }

    /// The counts line: what will be added.
    pub fn counts(&self) -> String {
        match self {
            PendingImport::CostLines { lines, .. } => format!(
                "{} hardware, {} software, {} affiliate and {} labour lines will be added to the cost analysis",
                lines.hardware.len(),
                lines.software.len(),
                lines.affiliates.len(),
                lines.labour.len()
            ),
            PendingImport::CustomerCosts { imported, .. } => format!(
                "{} customer cost lines{} will be added to the ROI inputs",
                imported.costs.lines.len(),
                if imported.costs.avoided_hire.is_some() {
                    " and an avoided hire"
                } else {
                    ""
                }
            ),
        }
    }

    fn report<'a>(&'a self, file: &'a str) -> ImportReport<'a> {
        match self {
            PendingImport::CostLines { lines, .. } => lines.report(file),
            PendingImport::CustomerCosts { imported, .. } => imported.report(file),
        }
    }

    /// Why the import must not be applied: the file's rows gave nothing usable.
    pub fn refusal(&self) -> Option<String> {
        let file = self.path().display().to_string();
        self.report(&file).refusal()
    }

    /// Applies the import to `quote` (the caller records it as one undoable edit).
    pub fn apply_to(&self, quote: &mut Quote) {
        match self {
            PendingImport::CostLines { lines, .. } => {
                lines.append_to(quote.cost_analysis.get_or_insert_with(Default::default));
            }
            PendingImport::CustomerCosts { imported, .. } => {
                let costs = quote.customer_costs.get_or_insert_with(Default::default);
                costs.lines.extend(imported.costs.lines.iter().cloned());
                if costs.avoided_hire.is_none() {
                    costs.avoided_hire = imported.costs.avoided_hire;
                }
            }
        }
    }
}

/// Shows the pending import, if any, and applies or drops it on the user's answer (an applied
/// import is one edit of the quote: Undo reverts it).
pub(crate) fn pending_import_ui(ctx: &egui::Context, app: &mut QuoteApp) {
    let Some(pending) = app.files.import_preview.take() else {
        return;
    };
    match import_preview_ui(ctx, &pending) {
        None => app.files.import_preview = Some(pending),
        Some(PreviewAnswer::Cancel) => app.notices.push(info_notice(format!(
            "Import of {} cancelled: the quote is unchanged",
            pending.path().display()
        ))),
        Some(PreviewAnswer::Import) => match pending.refusal() {
            Some(reason) => app.notices.push(error_notice(format!(
                "cannot import {}: {reason}",
                pending.path().display()
            ))),
            None => {
                app.notices.push(info_notice(pending.notice()));
                pending.apply_to(&mut app.quote);
            }
        },
    }
}

/// Draws the preview as a modal; `Some` once the user answers.
pub fn import_preview_ui(ctx: &egui::Context, pending: &PendingImport) -> Option<PreviewAnswer> {
    let file = pending.path().display().to_string();
    let report = pending.report(&file);
    let refusal = report.refusal();
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("import-preview")).show(ctx, |ui| {
        ui.heading("Import preview");
        ui.label(format!("File: {file}"));
        ui.label(format!("Sheet: {}", report.choice));
        ui.label(pending.counts());
        ui.label(format!(
            "{} data rows read; {} rows or cells skipped; {} categories inferred",
            report.rows,
            report.skipped.len(),
            report.inferred.len()
        ));
        if let Some(reason) = &refusal {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("Nothing to import: {reason}"),
            );
        }
        details_ui(ui, &report);
        ui.horizontal(|ui| {
            let import = ui.add_enabled(refusal.is_none(), egui::Button::new("Import"));
            if import.clicked() {
                answer = Some(PreviewAnswer::Import);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(PreviewAnswer::Cancel);
            }
        });
        ui.label("Importing is one edit: Undo reverts it.");
    });
    answer
}

/// The inferred, skipped and warned rows, each with its cell, in a scrolled list.
fn details_ui(ui: &mut egui::Ui, report: &ImportReport<'_>) {
    let lines = report.detail_lines();
    if lines.is_empty() {
        return;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body);
    egui::ScrollArea::vertical().max_height(240.0).show_rows(
        ui,
        row_height,
        lines.len(),
        |ui, range| {
            for line in &lines[range] {
                ui.label(line);
            }
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::roi::{CostAmount, CostCategory, CostLine, CostPeriod, CustomerCosts};
    use rust_decimal_macros::dec;

    fn pending() -> PendingImport {
        let line = CostLine {
            category: CostCategory::InternalStaff,
            description: "Admin".into(),
            amount: CostAmount::Periodic {
                amount: dec!(4000),
                period: CostPeriod::Monthly,
            },
            avoidable_percent: dec!(100),
            origin: Some("ROI!A4".into()),
        };
        PendingImport::CustomerCosts {
            path: PathBuf::from("costs.xlsx"),
            imported: Box::new(ImportedCosts {
                costs: CustomerCosts {
                    lines: vec![line],
                    ..CustomerCosts::default()
                },
                sheet: "ROI".into(),
                skipped: Vec::new(),
                warnings: Vec::new(),
                inferred: Vec::new(),
                choice: "ROI: matched Description, Monthly".into(),
                sheets: Vec::new(),
                rows: 1,
            }),
        }
    }

    #[test]
    fn applying_adds_the_lines_and_the_counts_say_so() {
        let pending = pending();
        assert_eq!(
            pending.counts(),
            "1 customer cost lines will be added to the ROI inputs"
        );
        assert_eq!(pending.refusal(), None);
        let mut quote = Quote::empty(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        pending.apply_to(&mut quote);
        assert_eq!(quote.customer_costs.unwrap().lines.len(), 1);
    }
}

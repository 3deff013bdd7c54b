//! Book tools in the editor: "Increase prices by N%" (all, tiers, add-ons or rates) and the
//! spreadsheet round trip (export the edited book to xlsx, import a book from xlsx). Each
//! change of the book is an undoable edit, with the list of what changed.

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;

use super::changes::ChangeList;
use super::fields::outcome_ui;
use super::{BookEditor, QuoteApp};
use crate::app::dialogs::{DialogAnswer, DialogRequest};
use crate::core::price_book_adjust::{AdjustScope, adjust_prices, adjusted_version};
use crate::formats::price_book::raw::RawPriceBook;
use crate::formats::price_book::xlsx::{export_price_book_xlsx, import_price_book_xlsx};
use crate::formats::price_book::{raw_price_book, raw_price_book_to_ron, validate_raw_price_book};

/// The scopes of a price increase, as offered.
const SCOPES: [(AdjustScope, &str); 4] = [
    (AdjustScope::All, "tiers, add-ons and rates"),
    (AdjustScope::Tiers, "tiers"),
    (AdjustScope::AddOns, "add-ons"),
    (AdjustScope::Rates, "rates"),
];

/// The tools' fields and their last outcome.
#[derive(Debug, Clone, Default)]
pub(crate) struct ToolsForm {
    percent: String,
    scope: usize,
    /// The last outcome: (is an error, text).
    outcome: Option<(bool, String)>,
}

/// What the user asked the tools to do.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ToolRequest {
    Adjust(Decimal, AdjustScope),
    ExportXlsx(PathBuf),
    ImportXlsx(PathBuf),
}

/// Draws the tools; gives what the user asked for.
pub(crate) fn tools_ui(
    ui: &mut egui::Ui,
    editor: &mut BookEditor,
    app: &mut QuoteApp,
) -> Option<ToolRequest> {
    let mut request = None;
    let form = &mut editor.tools;
    ui.horizontal_wrapped(|ui| {
        ui.label("Increase prices by");
        ui.add(egui::TextEdit::singleline(&mut form.percent).desired_width(50.0))
            .accessible_name("Price increase percent");
        ui.label("% of");
        for (index, (_, text)) in SCOPES.iter().enumerate() {
            if ui
                .selectable_label(form.scope == index, *text)
                .accessible_name(format!("Increase: {text}"))
                .clicked()
            {
                form.scope = index;
            }
        }
        if ui.button("Increase prices").clicked() {
            match form.percent.trim().trim_end_matches('%').parse::<Decimal>() {
                Ok(percent) => request = Some(ToolRequest::Adjust(percent, SCOPES[form.scope].0)),
                Err(_) => {
                    form.outcome = Some((true, format!("'{}' is not a percent", form.percent)));
                }
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        let name = format!("{}.xlsx", editor.raw.id);
        if ui.button("Export to a spreadsheet…").clicked()
            && let Some(path) = ask(app, "Export the price book to xlsx", &name, true)
        {
            request = Some(ToolRequest::ExportXlsx(path));
        }
        if ui.button("Import from a spreadsheet…").clicked()
            && let Some(path) = ask(app, "Import a price book from xlsx", &name, false)
        {
            request = Some(ToolRequest::ImportXlsx(path));
        }
    });
    outcome_ui(ui, "Tools result", editor.tools.outcome.as_ref());
    request
}

fn ask(app: &mut QuoteApp, title: &str, suggested: &str, save: bool) -> Option<PathBuf> {
    let request = DialogRequest {
        title: title.to_string(),
        filter_name: "Excel workbook".to_string(),
        extensions: vec!["xlsx".to_string()],
        suggested_name: suggested.to_string(),
        save,
    };
    match app.files.ask_dialog(&request) {
        DialogAnswer::Chosen(path) => Some(path),
        DialogAnswer::Cancelled | DialogAnswer::Unavailable(_) => None,
    }
}

/// Runs what the tools asked for; the outcome shows beside the tools.
pub(crate) fn run_tool(app: &mut QuoteApp, request: ToolRequest, now: f64) {
    let Some(editor) = app.book_editor.as_mut() else {
        return;
    };
    let outcome = match request {
        ToolRequest::Adjust(percent, scope) => adjust(editor, percent, scope),
        ToolRequest::ExportXlsx(path) => export(editor, &path),
        ToolRequest::ImportXlsx(path) => import(editor, &path),
    };
    let edited = outcome.as_ref().is_ok_and(|(edited, _)| *edited);
    editor.tools.outcome = Some(match outcome {
        Ok((_, text)) => (false, text),
        Err(text) => (true, text),
    });
    if edited {
        app.book_edited(None, now);
    }
}

/// Every price in `scope` times (1 + percent/100) in the edited book. The version stays:
/// "Save as a new version" gives the new one.
fn adjust(
    editor: &mut BookEditor,
    percent: Decimal,
    scope: AdjustScope,
) -> Result<(bool, String), String> {
    let book = validate_raw_price_book(&editor.raw)
        .map_err(|problems| format!("fix the {} problem(s) first", problems.len()))?;
    let version = adjusted_version(&book.version, percent);
    let adjusted =
        adjust_prices(&book, percent, scope, &version).map_err(|error| error.to_string())?;
    let mut raw = raw_price_book(&adjusted);
    raw.version.clone_from(&editor.raw.version);
    let scope_text = SCOPES
        .iter()
        .find(|(known, _)| *known == scope)
        .map_or("prices", |(_, text)| text);
    let title = format!("{}% on {scope_text}", percent.normalize());
    editor.changes = Some(ChangeList::between(&book, &adjusted, &title));
    editor.raw = raw;
    Ok((true, format!("Increased by {title}: see what changed")))
}

fn export(editor: &BookEditor, path: &Path) -> Result<(bool, String), String> {
    let text = raw_price_book_to_ron(&editor.raw).map_err(|error| error.to_string())?;
    let bytes = export_price_book_xlsx(&text, "the edited book")
        .map_err(|error| format!("fix the book first: {}", error.lines().join("; ")))?;
    crate::formats::write_atomically(path, &bytes)
        .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
    Ok((false, format!("Exported to {}", path.display())))
}

fn import(editor: &mut BookEditor, path: &Path) -> Result<(bool, String), String> {
    let name = path.display().to_string();
    // The same limit as `price-book import` on the command line.
    let bytes = crate::formats::read_input_file(path, crate::formats::SPREADSHEET_SIZE_LIMIT)
        .map_err(|error| error.one_line())?;
    let imported = import_price_book_xlsx(&bytes, &name)
        .map_err(|error| format!("nothing imported: {}", error.lines().join("; ")))?;
    let raw: RawPriceBook = ron::from_str(&imported.ron).map_err(|error| error.to_string())?;
    let before = validate_raw_price_book(&editor.raw).unwrap_or_else(|_| editor.base.book.clone());
    editor.changes = Some(ChangeList::between(
        &before,
        &imported.book,
        &format!("Imported {name}"),
    ));
    editor.raw = raw;
    let mut text = format!("Imported {name}");
    for warning in imported.warnings.iter().take(5) {
        text.push_str(&format!(" [{warning}]"));
    }
    Ok((true, text))
}

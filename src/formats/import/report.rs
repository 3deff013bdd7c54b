//! What an import did, in words for the user: the sheet chosen and why, lines taken and rows
//! skipped, every inference, skip and caveat located; and the refusal when a file with rows
//! yields nothing usable.

use super::SheetReport;
use crate::formats::problem::Problem;

/// The report of one import.
#[derive(Debug, Clone, Copy)]
pub struct ImportReport<'a> {
    /// The file as the user named it.
    pub file: &'a str,
    /// Why the sheet was chosen ("Devices: matched Hardware, Software").
    pub choice: &'a str,
    pub sheets: &'a [SheetReport],
    /// Data rows under the header.
    pub rows: usize,
    /// Lines taken.
    pub taken: usize,
    pub skipped: &'a [Problem],
    pub warnings: &'a [Problem],
    pub inferred: &'a [Problem],
}

impl ImportReport<'_> {
    /// The reason to refuse the import: the file has rows but none gave a line. Names the sheets
    /// looked at, the header used and the first reasons (the caller names the file).
    pub fn refusal(&self) -> Option<String> {
        if self.taken > 0 || self.rows == 0 {
            return None;
        }
        let sheets: Vec<String> = self.sheets.iter().map(ToString::to_string).collect();
        let reasons: Vec<String> = self
            .skipped
            .iter()
            .take(3)
            .map(ToString::to_string)
            .collect();
        Some(format!(
            "no usable line in {} row{} of sheet {} (sheets looked at: {}); first reasons: {}",
            self.rows,
            if self.rows == 1 { "" } else { "s" },
            self.choice,
            sheets.join("; "),
            if reasons.is_empty() {
                "none given".to_string()
            } else {
                reasons.join("; ")
            }
        ))
    }

    /// One line: what was taken from where.
    pub fn summary(&self) -> String {
        format!(
            "imported {} line{} from {} (sheet {}): {} data row{}, {} row{} or cell{} skipped",
            self.taken,
            if self.taken == 1 { "" } else { "s" },
            self.file,
            self.choice,
            self.rows,
            if self.rows == 1 { "" } else { "s" },
            self.skipped.len(),
            if self.skipped.len() == 1 { "" } else { "s" },
            if self.skipped.len() == 1 { "" } else { "s" },
        )
    }

    /// Every inference, skip and caveat, one line each, located in the file.
    pub fn detail_lines(&self) -> Vec<String> {
        let line = |kind: &str, problem: &Problem| format!("{kind}: {}:{problem}", self.file);
        self.inferred
            .iter()
            .map(|problem| line("inferred", problem))
            .chain(self.skipped.iter().map(|problem| line("skipped", problem)))
            .chain(
                self.warnings
                    .iter()
                    .map(|problem| line("import warning", problem)),
            )
            .collect()
    }
}

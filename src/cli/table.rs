//! The command line's text output: tables (over `comfy-table`, sized to their content), label /
//! value summaries, counted nouns, and the one helper that makes user text safe for a terminal.

use comfy_table::{Cell, CellAlignment, Table, presets};

/// How a column's cells are aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text: names, descriptions.
    Left,
    /// Figures: amounts, counts, percentages.
    Right,
}

/// A plain text table: an optional header row, then rows; columns two spaces apart, each as
/// wide as its widest cell, no borders. Every cell is passed through [`printable`].
pub struct TextTable {
    table: Table,
    aligns: Vec<Align>,
}

impl TextTable {
    /// A table with these column headers and alignments.
    pub fn new(columns: &[(&str, Align)]) -> Self {
        let mut table = TextTable::headless(&columns.iter().map(|(_, a)| *a).collect::<Vec<_>>());
        table
            .table
            .set_header(columns.iter().map(|(header, _)| Cell::new(*header)));
        table
    }

    /// A table without a header row, with these column alignments (summaries).
    pub fn headless(aligns: &[Align]) -> Self {
        let mut table = Table::new();
        table.load_style(presets::NOTHING);
        TextTable {
            table,
            aligns: aligns.to_vec(),
        }
    }

    /// Adds a row; a short row leaves its last cells empty.
    pub fn row<I, S>(&mut self, cells: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.table.add_row(
            cells
                .into_iter()
                .map(|text| Cell::new(printable(text.as_ref()))),
        );
        self
    }

    /// The table as lines of text, each ending in a newline, with no trailing spaces.
    pub fn render(mut self) -> String {
        let aligns = self.aligns;
        for (index, column) in self.table.column_iter_mut().enumerate() {
            column.set_padding((0, 2));
            column.set_cell_alignment(match aligns.get(index) {
                Some(Align::Right) => CellAlignment::Right,
                _ => CellAlignment::Left,
            });
        }
        let mut out = String::new();
        for line in self.table.lines() {
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

/// Label / value lines: labels on the left, values right-aligned in one column.
pub fn summary<L, V>(pairs: impl IntoIterator<Item = (L, V)>) -> String
where
    L: AsRef<str>,
    V: AsRef<str>,
{
    let mut table = TextTable::headless(&[Align::Left, Align::Right]);
    for (label, value) in pairs {
        table.row([label.as_ref(), value.as_ref()]);
    }
    table.render()
}

/// One `warning: ...` line per warning, each made [`printable`].
pub fn warning_lines<S: AsRef<str>>(warnings: impl IntoIterator<Item = S>) -> String {
    warnings
        .into_iter()
        .map(|warning| format!("warning: {}\n", printable(warning.as_ref())))
        .collect()
}

/// `count` followed by `noun` in the singular or plural: "1 device", "7 devices".
pub fn counted(count: impl Into<u64>, singular: &str, plural: &str) -> String {
    let count = count.into();
    format!("{count} {}", if count == 1 { singular } else { plural })
}

/// `text` safe to print on a terminal: control characters (escape sequences, carriage
/// returns, bells, C1 controls) are shown as `\u{..}` escapes; newlines and tabs are kept.
pub fn printable(text: &str) -> String {
    if !text.chars().any(is_unsafe) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for character in text.chars() {
        if is_unsafe(character) {
            out.push_str(&character.escape_unicode().to_string());
        } else {
            out.push(character);
        }
    }
    out
}

fn is_unsafe(character: char) -> bool {
    character.is_control() && character != '\n' && character != '\t'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_as_wide_as_their_widest_cell_and_figures_align_right() {
        let mut table = TextTable::new(&[("Line", Align::Left), ("Monthly", Align::Right)]);
        table
            .row(["Silver Server", "$4,830.00"])
            .row(["Backup", "$9.00"]);
        assert_eq!(
            table.render(),
            "Line             Monthly\nSilver Server  $4,830.00\nBackup             $9.00\n"
        );
    }

    #[test]
    fn summaries_right_align_their_values() {
        assert_eq!(
            summary([("Term", "24 months"), ("Monthly recurring", "$4,830.00")]),
            "Term               24 months\nMonthly recurring  $4,830.00\n"
        );
    }

    #[test]
    fn nouns_agree_with_their_count() {
        let cases = [(0u32, "0 devices"), (1, "1 device"), (2, "2 devices")];
        for (count, expected) in cases {
            assert_eq!(
                counted(count, "device", "devices"),
                expected,
                "case {count}"
            );
        }
    }

    #[test]
    fn escape_sequences_are_shown_not_obeyed() {
        let cases = [
            ("plain", "Zoë's Café", "Zoë's Café"),
            ("escape", "\u{1b}[2JEvil", "\\u{1b}[2JEvil"),
            ("carriage return", "a\rb", "a\\u{d}b"),
            ("c1 control", "a\u{9b}b", "a\\u{9b}b"),
            ("newline kept", "a\nb", "a\nb"),
        ];
        for (name, text, expected) in cases {
            assert_eq!(printable(text), expected, "case {name}");
        }
    }
}

//! Finding the header row and telling data rows from group, title and total rows.

use super::grid::{Grid, GridCell};
use super::{ColumnKind, ColumnSpec, HEADER_SEARCH_ROWS};

/// A header row and the column index of each wanted column (`None` when absent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Index into `Grid::rows`.
    pub row: usize,
    /// One entry per [`ColumnSpec`], in the caller's order.
    pub columns: Vec<Option<usize>>,
}

/// Lowercase words of `text`, punctuation and line breaks folded to single spaces.
pub fn normalize(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when header text `header` names a column with one of `synonyms`: the same words, or
/// starting with a synonym's words ("amount usd" matches "amount").
pub fn header_matches(header: &str, synonyms: &[&str]) -> bool {
    let header = normalize(header);
    !header.is_empty()
        && synonyms.iter().any(|synonym| {
            let synonym = normalize(synonym);
            header == synonym || header.starts_with(&format!("{synonym} "))
        })
}

fn header_of_row(row: &[GridCell], columns: &[ColumnSpec]) -> Option<(usize, Vec<Option<usize>>)> {
    let mut taken = vec![false; row.len()];
    let mut found = Vec::with_capacity(columns.len());
    for spec in columns {
        let index = row.iter().enumerate().position(|(index, cell)| {
            !taken[index]
                && matches!(cell, GridCell::Text(text) if header_matches(text, spec.synonyms))
        });
        if let Some(index) = index {
            taken[index] = true;
        } else if spec.required {
            return None;
        }
        found.push(index);
    }
    let score = found.iter().flatten().count();
    (score > 0).then_some((score, found))
}

/// The sheet and header row matching the most wanted columns, with every required one, in
/// the first [`HEADER_SEARCH_ROWS`] rows of any sheet. Ties go to the earlier sheet and row.
pub fn best_sheet<'a>(grids: &'a [Grid], columns: &[ColumnSpec]) -> Option<(&'a Grid, Header)> {
    let mut best: Option<(usize, &Grid, Header)> = None;
    for grid in grids {
        for (row_index, row) in grid.rows.iter().enumerate().take(HEADER_SEARCH_ROWS) {
            if let Some((score, found)) = header_of_row(row, columns)
                && best
                    .as_ref()
                    .is_none_or(|(best_score, _, _)| score > *best_score)
            {
                best = Some((
                    score,
                    grid,
                    Header {
                        row: row_index,
                        columns: found,
                    },
                ));
            }
        }
    }
    best.map(|(_, grid, header)| (grid, header))
}

/// Why a non-blank row after the header is not data, if it is not: a total row, or a group or
/// title row (text, but nothing in any required number column).
pub fn non_data_row(row: &[GridCell], header: &Header, columns: &[ColumnSpec]) -> Option<String> {
    let texts: Vec<&str> = row
        .iter()
        .filter_map(|cell| match cell {
            GridCell::Text(text) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    if let Some(total) = texts.iter().find(|text| {
        let words = normalize(text);
        ["total", "totals", "grand total", "subtotal", "sub total"].contains(&words.as_str())
            || words.starts_with("total ")
    }) {
        return Some(format!(
            "total row '{}': skipped so it is not counted twice",
            total.trim()
        ));
    }
    let required_numbers_empty = columns
        .iter()
        .zip(&header.columns)
        .filter(|(spec, _)| spec.required && spec.kind != ColumnKind::Text)
        .all(|(_, index)| {
            index.is_none_or(|index| matches!(row.get(index), None | Some(GridCell::Empty)))
        });
    let has_required_number = columns
        .iter()
        .any(|spec| spec.required && spec.kind != ColumnKind::Text);
    if has_required_number && required_numbers_empty {
        let label = texts
            .first()
            .map_or(String::new(), |text| format!(" '{}'", text.trim()));
        return Some(format!("group or title row{label} with no amount: skipped"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_synonyms_loosely() {
        let cases = [
            ("exact", "Amount", &["amount"][..], true),
            (
                "case and spaces",
                "  MONTHLY   cost ",
                &["monthly cost"][..],
                true,
            ),
            ("unit suffix", "Amount (USD)", &["amount"][..], true),
            (
                "newline in header",
                "Monthly\nCost",
                &["monthly cost"][..],
                true,
            ),
            ("different word", "Amounts", &["amount"][..], false),
            ("empty", "", &["amount"][..], false),
        ];
        for (name, header, synonyms, expected) in cases {
            assert_eq!(header_matches(header, synonyms), expected, "case {name}");
        }
    }
}

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
    /// The header text each found column was matched by ("Labour hrs"; "Monthly cost Hardware"
    /// when a group row above gave the first words).
    pub names: Vec<Option<String>>,
}

/// How well one sheet's best header row matched the wanted columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetScore {
    pub sheet: String,
    /// The best header row found (index into the grid's rows), if any column matched.
    pub row: Option<usize>,
    /// Which of the caller's layouts it matched.
    pub layout: usize,
    /// The header texts matched.
    pub matched: Vec<String>,
    /// Required columns the row lacks (empty when it is usable).
    pub missing: Vec<&'static str>,
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

fn text_at(grid: &Grid, row: usize, column: usize) -> Option<&str> {
    match grid.rows.get(row)?.get(column)? {
        GridCell::Text(text) if !text.trim().is_empty() => Some(text.trim()),
        _ => None,
    }
}

/// The group label above `column` of header row `row`: the cell itself, or a horizontally
/// merged cell of the row above spanning it. `None` unless the row above has at least two
/// labels (a lone title is not a group row).
fn group_label(grid: &Grid, row: usize, column: usize) -> Option<&str> {
    let above = row.checked_sub(1)?;
    let labels = grid
        .rows
        .get(above)?
        .iter()
        .filter(|cell| matches!(cell, GridCell::Text(t) if !t.trim().is_empty()))
        .count();
    if labels < 2 {
        return None;
    }
    text_at(grid, above, column).or_else(|| {
        grid.merged_across
            .iter()
            .find(|(merged_row, left, right)| {
                *merged_row == above && (*left..=*right).contains(&column)
            })
            .and_then(|(_, left, _)| text_at(grid, above, *left))
    })
}

/// Matches `columns` against header row `row`: first by each cell's own text, then (for the
/// columns still missing) by the group label above joined with the cell's text, or the label
/// alone over an empty cell. Returns the score (columns found) and the header.
fn header_of_row(
    grid: &Grid,
    row: usize,
    columns: &[ColumnSpec],
) -> (usize, Header, Vec<&'static str>) {
    let width = grid.rows.get(row).map_or(0, Vec::len);
    let mut taken = vec![false; width];
    let mut found: Vec<Option<usize>> = vec![None; columns.len()];
    let mut names: Vec<Option<String>> = vec![None; columns.len()];
    // Each candidate text with the length of its group-label words: a grouped match must name
    // more than the label ("Labour hrs" is labour hours; "Monthly cost Hardware" is not
    // "monthly" money, it is hardware).
    let own = |column: usize| text_at(grid, row, column).map(|text| (text.to_string(), 0usize));
    let grouped = |column: usize| match (group_label(grid, row, column), text_at(grid, row, column))
    {
        (Some(group), Some(cell)) if normalize(group) != normalize(cell) => {
            Some((format!("{group} {cell}"), normalize(group).len()))
        }
        (Some(group), None) => Some((group.to_string(), 0usize)),
        _ => None,
    };
    for pass in [&own as &dyn Fn(usize) -> Option<(String, usize)>, &grouped] {
        for (index, spec) in columns.iter().enumerate() {
            if found[index].is_some() {
                continue;
            }
            let hit = (0..width).find_map(|column| {
                let (text, label) = pass(column)?;
                let longer: Vec<&str> = spec
                    .synonyms
                    .iter()
                    .copied()
                    .filter(|synonym| normalize(synonym).len() > label)
                    .collect();
                (!taken[column] && header_matches(&text, &longer)).then_some((column, text))
            });
            if let Some((column, text)) = hit {
                taken[column] = true;
                found[index] = Some(column);
                names[index] = Some(text);
            }
        }
    }
    let missing = columns
        .iter()
        .zip(&found)
        .filter(|(spec, column)| spec.required && column.is_none())
        .map(|(spec, _)| spec.synonyms.first().copied().unwrap_or(spec.key))
        .collect();
    let score = found.iter().flatten().count();
    (
        score,
        Header {
            row,
            columns: found,
            names,
        },
        missing,
    )
}

/// A layout the caller can read: its columns, and how many must match at least.
#[derive(Debug, Clone, Copy)]
pub struct Layout<'a> {
    pub columns: &'a [ColumnSpec],
    pub min_matched: usize,
}

/// The best header of one grid over every layout, as (score, layout, header, missing).
fn best_of_grid(
    grid: &Grid,
    layouts: &[Layout<'_>],
) -> Option<(usize, usize, Header, Vec<&'static str>)> {
    let mut best: Option<(usize, usize, Header, Vec<&'static str>)> = None;
    for row in 0..grid.rows.len().min(HEADER_SEARCH_ROWS) {
        for (layout_index, layout) in layouts.iter().enumerate() {
            let (score, header, missing) = header_of_row(grid, row, layout.columns);
            if score == 0 {
                continue;
            }
            let usable = missing.is_empty() && score >= layout.min_matched;
            let rank = (usable, score);
            let better = best
                .as_ref()
                .is_none_or(|(best_score, _, _, best_missing)| {
                    rank > (best_missing.is_empty(), *best_score)
                });
            if better {
                let mut missing = missing;
                if missing.is_empty() && !usable {
                    missing.push("more of the expected columns");
                }
                best = Some((score, layout_index, header, missing));
            }
        }
    }
    best
}

/// Scores every sheet (or only `wanted`) against every layout: the usable header matching the
/// most columns wins, ties going to the earlier sheet, row and layout. Returns the winner, as
/// (grid index, layout index, header), and every sheet's score for the report.
pub fn best_sheet(
    grids: &[Grid],
    layouts: &[Layout<'_>],
    wanted: Option<&str>,
) -> (Option<(usize, usize, Header)>, Vec<SheetScore>) {
    let mut scores = Vec::new();
    let mut winner: Option<(usize, usize, usize, Header)> = None;
    for (grid_index, grid) in grids.iter().enumerate() {
        if wanted.is_some_and(|wanted| normalize(wanted) != normalize(&grid.sheet)) {
            continue;
        }
        let Some((score, layout, header, missing)) = best_of_grid(grid, layouts) else {
            scores.push(SheetScore {
                sheet: grid.sheet.clone(),
                row: None,
                layout: 0,
                matched: Vec::new(),
                missing: Vec::new(),
            });
            continue;
        };
        let usable = missing.is_empty();
        scores.push(SheetScore {
            sheet: grid.sheet.clone(),
            row: Some(header.row),
            layout,
            matched: header.names.iter().flatten().cloned().collect(),
            missing,
        });
        if usable && winner.as_ref().is_none_or(|(best, ..)| score > *best) {
            winner = Some((score, grid_index, layout, header));
        }
    }
    (
        winner.map(|(_, grid, layout, header)| (grid, layout, header)),
        scores,
    )
}

/// Why a non-blank row after the header is not data, if it is not: a total row, or a group or
/// title row (text, but nothing in any number column, where the layout requires a number).
pub fn non_data_row(row: &[GridCell], header: &Header, columns: &[ColumnSpec]) -> Option<String> {
    let texts: Vec<&str> = row
        .iter()
        .filter_map(|cell| match cell {
            GridCell::Text(text) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let is_total = |text: &str| {
        let words = normalize(text);
        ["total", "totals", "grand total", "subtotal", "sub total"].contains(&words.as_str())
            || words.starts_with("total ")
    };
    // With a Category column, a row whose category is a real one is data even when a product
    // is called "Total Security": only an empty or "Total" category makes a total row.
    let category_cell = columns
        .iter()
        .zip(&header.columns)
        .find(|(spec, _)| spec.key == "category")
        .and_then(|(_, column)| *column)
        .map(|column| row.get(column).unwrap_or(&GridCell::Empty));
    let category_allows_total = match category_cell {
        None | Some(GridCell::Empty) => true,
        Some(GridCell::Text(text)) => is_total(text),
        Some(_) => false,
    };
    if let Some(total) = texts
        .iter()
        .find(|text| category_allows_total && is_total(text))
    {
        return Some(format!(
            "total row '{}': skipped so it is not counted twice",
            total.trim()
        ));
    }
    let required_numbers_empty = columns
        .iter()
        .zip(&header.columns)
        .filter(|(spec, _)| spec.kind != ColumnKind::Text)
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

//! Tables that flow over pages: rows are never split, the header row repeats on every page,
//! short tables are kept on one page.

use super::{INK, Layout, MUTED, RULE, STRIPE, Style, WHITE};

/// Horizontal alignment in a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Centre,
}

/// A table column: header, share of the table width, alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    /// Relative width (the columns' weights are scaled to the table width).
    pub weight: f32,
    pub align: Align,
}

impl Column {
    /// A column.
    pub fn new(header: impl Into<String>, weight: f32, align: Align) -> Self {
        Column {
            header: header.into(),
            weight,
            align,
        }
    }
}

/// A table cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A drawn check mark (true) or a dash (false).
    Check(bool),
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::Text(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::Text(text.to_string())
    }
}

/// A table row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// A totals row: bold, with a rule above.
    pub total: bool,
}

impl Row {
    /// A plain row.
    pub fn new(cells: Vec<Cell>) -> Self {
        Row {
            cells,
            total: false,
        }
    }

    /// A totals row.
    pub fn total(cells: Vec<Cell>) -> Self {
        Row { cells, total: true }
    }
}

/// A table that flows across pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

const CELL_PAD_X: f32 = 4.0;
/// Text style of table cells.
const TABLE_STYLE: Style = Style {
    size: 8.5,
    bold: false,
    colour: INK,
};
const CELL_PAD_Y: f32 = 3.5;

impl Layout<'_> {
    /// A check mark in a box of `size` points whose top-left corner is at (x, top).
    fn check_mark(&mut self, x: f32, top: f32, size: f32) {
        let accent = self.accent;
        self.line(
            &[
                (x, top + size * 0.55),
                (x + size * 0.35, top + size * 0.9),
                (x + size, top + size * 0.1),
            ],
            accent,
            1.4,
        );
    }

    /// Draws a table at the cursor, flowing over pages: rows are never split and the header
    /// row is repeated at the top of every continuation page.
    pub fn table(&mut self, table: &Table) {
        let style = TABLE_STYLE;
        let widths = self.column_widths(table);
        let header_cells: Vec<Cell> = table
            .columns
            .iter()
            .map(|column| Cell::Text(column.header.clone()))
            .collect();
        let header_layout = self.row_lines(&header_cells, &widths, style.size);
        let header_height = row_height(&header_layout, style);
        let row_layouts: Vec<Vec<Vec<String>>> = table
            .rows
            .iter()
            .map(|row| self.row_lines(&row.cells, &widths, style.size))
            .collect();
        let heights: Vec<f32> = row_layouts
            .iter()
            .map(|lines| row_height(lines, style))
            .collect();
        let first_height = heights.first().copied().unwrap_or(0.0);
        // A short table is kept on one page; a long one starts where it is and flows.
        let body_height: f32 = heights.iter().sum();
        let page_height = self.limit() - self.geometry.margin_top;
        if header_height + body_height <= page_height * 0.5 {
            self.ensure(header_height + body_height);
        } else {
            self.ensure(header_height + first_height);
        }
        self.draw_header(table, &widths, &header_layout, style);
        for (index, ((row, lines), height)) in
            table.rows.iter().zip(&row_layouts).zip(heights).enumerate()
        {
            if self.y + height > self.limit() {
                self.new_page();
                self.draw_header(table, &widths, &header_layout, style);
            }
            let top = self.y;
            if row.total {
                self.line(&[(self.left(), top), (self.right(), top)], INK, 0.8);
            } else if index % 2 == 1 {
                let (left, width) = (self.left(), self.content_width());
                self.fill_rect(left, top, width, height, STRIPE);
            }
            let cell_style = if row.total { style.bold() } else { style };
            self.draw_cells(table, &widths, &row.cells, lines, top, cell_style);
            self.y += height;
        }
        let bottom = self.y;
        self.line(&[(self.left(), bottom), (self.right(), bottom)], RULE, 0.5);
        self.space(10.0);
    }

    /// The height a table needs below the cursor to start: all of it when it is short
    /// enough to be kept on one page, else its header and first row. Use it as the
    /// `keep_with` of the heading above a table.
    pub fn start_height(&self, table: &Table) -> f32 {
        let style = TABLE_STYLE;
        let widths = self.column_widths(table);
        let header_cells: Vec<Cell> = table
            .columns
            .iter()
            .map(|column| Cell::Text(column.header.clone()))
            .collect();
        let header = row_height(&self.row_lines(&header_cells, &widths, style.size), style);
        let heights: Vec<f32> = table
            .rows
            .iter()
            .map(|row| row_height(&self.row_lines(&row.cells, &widths, style.size), style))
            .collect();
        let body: f32 = heights.iter().sum();
        if header + body <= (self.limit() - self.geometry.margin_top) * 0.5 {
            header + body
        } else {
            header + heights.first().copied().unwrap_or(0.0)
        }
    }

    fn column_widths(&self, table: &Table) -> Vec<f32> {
        let total_weight: f32 = table.columns.iter().map(|column| column.weight).sum();
        let scale = if total_weight > 0.0 {
            self.content_width() / total_weight
        } else {
            0.0
        };
        table
            .columns
            .iter()
            .map(|column| column.weight * scale)
            .collect()
    }

    fn draw_header(&mut self, table: &Table, widths: &[f32], lines: &[Vec<String>], style: Style) {
        let height = row_height(lines, style);
        let top = self.y;
        let (left, width, accent) = (self.left(), self.content_width(), self.accent);
        self.fill_rect(left, top, width, height, accent);
        let header_cells: Vec<Cell> = table
            .columns
            .iter()
            .map(|column| Cell::Text(column.header.clone()))
            .collect();
        self.draw_cells(
            table,
            widths,
            &header_cells,
            lines,
            top,
            style.bold().coloured(WHITE),
        );
        self.y += height;
    }

    fn draw_cells(
        &mut self,
        table: &Table,
        widths: &[f32],
        cells: &[Cell],
        lines: &[Vec<String>],
        top: f32,
        style: Style,
    ) {
        let mut x = self.left();
        for (index, column) in table.columns.iter().enumerate() {
            let width = widths.get(index).copied().unwrap_or(0.0);
            match cells.get(index) {
                Some(Cell::Text(_)) => {
                    let cell_lines = lines.get(index).cloned().unwrap_or_default();
                    for (line_index, line) in cell_lines.iter().enumerate() {
                        let baseline =
                            top + CELL_PAD_Y + style.size + line_index as f32 * style.leading();
                        match column.align {
                            Align::Left => self.text(x + CELL_PAD_X, baseline, line, style),
                            Align::Right => {
                                self.text_right(x + width - CELL_PAD_X, baseline, line, style)
                            }
                            Align::Centre => {
                                self.text_centred(x + width / 2.0, baseline, line, style)
                            }
                        }
                    }
                }
                Some(Cell::Check(true)) => {
                    let size = style.size * 0.9;
                    self.check_mark(x + (width - size) / 2.0, top + CELL_PAD_Y + 1.0, size);
                }
                Some(Cell::Check(false)) => {
                    let baseline = top + CELL_PAD_Y + style.size;
                    self.text_centred(x + width / 2.0, baseline, "\u{2013}", style.coloured(MUTED));
                }
                None => {}
            }
            x += width;
        }
    }

    fn row_lines(&self, cells: &[Cell], widths: &[f32], size: f32) -> Vec<Vec<String>> {
        cells
            .iter()
            .enumerate()
            .map(|(index, cell)| match cell {
                Cell::Text(text) => {
                    let width = widths.get(index).copied().unwrap_or(0.0) - 2.0 * CELL_PAD_X;
                    self.wrap(text, size, width.max(1.0))
                }
                Cell::Check(_) => vec![String::new()],
            })
            .collect()
    }
}

fn row_height(lines: &[Vec<String>], style: Style) -> f32 {
    let count = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
    2.0 * CELL_PAD_Y + style.size + (count - 1) as f32 * style.leading() + 2.0
}

#[cfg(test)]
mod tests {
    use printpdf::Op;

    use super::super::{Layout, Metrics, PageGeometry};
    use super::*;

    fn layout() -> Layout<'static> {
        let metrics = Metrics::new(crate::documents::DEFAULT_FONT).unwrap();
        Layout::new(
            metrics,
            PageGeometry::LETTER,
            [0x1F, 0x4E, 0x79],
            "Header".to_string(),
        )
    }

    /// Every text run lies inside the text area, or is the running header or the footer:
    /// a table that flows over pages never draws a row into the bottom margin.
    #[test]
    fn long_tables_stay_inside_the_text_area() {
        let mut layout = layout();
        let geometry = layout.geometry;
        let rows = (0..300)
            .map(|index| {
                let text = if index % 7 == 0 {
                    "A description long enough to wrap over two or three lines of its narrow column"
                        .to_string()
                } else {
                    format!("Row {index}")
                };
                Row::new(vec![Cell::Text(text), Cell::Check(index % 2 == 0)])
            })
            .collect();
        layout.table(&Table {
            columns: vec![
                Column::new("Item", 1.0, Align::Left),
                Column::new("Included", 3.0, Align::Centre),
            ],
            rows,
        });
        let pages = layout.finish("Footer");
        assert!(pages.len() > 5, "{} pages", pages.len());
        let footer_y = geometry.margin_bottom - 30.0;
        let header_y = geometry.height - (geometry.margin_top - 24.0);
        for (index, page) in pages.iter().enumerate() {
            for op in &page.ops {
                if let Op::SetTextCursor { pos } = op {
                    let y = pos.y.0;
                    let inside = y >= geometry.margin_bottom - 0.01
                        && y <= geometry.height - geometry.margin_top + 0.01;
                    let furniture = (y - footer_y).abs() < 0.01 || (y - header_y).abs() < 0.01;
                    assert!(inside || furniture, "page {}: text at y = {y}", index + 1);
                }
            }
        }
    }
}

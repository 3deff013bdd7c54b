//! A tiny flow layouter over printpdf's page operations.
//!
//! printpdf 0.12 places text and shapes at absolute points and does no layout. This module
//! measures text with ttf-parser over the same font bytes that are embedded, wraps paragraphs,
//! right-aligns amounts, and flows tables across pages: a row is never split, the header row is
//! repeated on every page a table continues on, and the "Page X of Y" footers are added in a
//! second pass once the page count is known.
//!
//! Positions are kept in points measured from the top edge (`y` grows downwards) and turned
//! into PDF coordinates (from the bottom edge) only when an operation is emitted.

use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, PdfFontHandle, PdfPage, Point, Polygon,
    PolygonRing, Pt, Rgb, TextItem, TextRenderingMode, WindingOrder, XObjectId, XObjectTransform,
};

use super::DocumentError;

/// The resource name of the embedded font. Six capital letters, because printpdf derives the
/// subset tag ("ABCDEF+Ubuntu-Light") from the first six characters of the id.
pub const FONT_RESOURCE: &str = "MSPQUB";

/// An RGB colour, 0-255 per channel.
pub type Rgb8 = [u8; 3];

/// Body text colour (near black).
pub const INK: Rgb8 = [0x22, 0x22, 0x22];
/// Secondary text colour.
pub const MUTED: Rgb8 = [0x66, 0x66, 0x66];
/// Table rules and zebra stripes.
pub const RULE: Rgb8 = [0xC8, 0xC8, 0xC8];
/// Zebra stripe fill.
pub const STRIPE: Rgb8 = [0xF3, 0xF5, 0xF8];
/// White.
pub const WHITE: Rgb8 = [0xFF, 0xFF, 0xFF];

/// Glyph advances of the embedded font, for measuring text exactly as the PDF draws it.
pub struct Metrics<'a> {
    face: ttf_parser::Face<'a>,
    units_per_em: f32,
    /// Advance widths of ASCII characters, in font units (0 when the font has no glyph).
    ascii: [u16; 128],
}

impl<'a> Metrics<'a> {
    /// Parses the font.
    ///
    /// # Errors
    /// [`DocumentError::BadFont`] when the bytes are not a TrueType/OpenType font with the
    /// basic Latin glyphs.
    pub fn new(bytes: &'a [u8]) -> Result<Self, DocumentError> {
        let face = ttf_parser::Face::parse(bytes, 0).map_err(|error| DocumentError::BadFont {
            reason: error.to_string(),
        })?;
        let units_per_em = f32::from(face.units_per_em());
        let mut ascii = [0u16; 128];
        for (code, slot) in ascii.iter_mut().enumerate().skip(32) {
            let character = char::from(code as u8);
            *slot = face
                .glyph_index(character)
                .and_then(|glyph| face.glyph_hor_advance(glyph))
                .unwrap_or(0);
        }
        if "0123456789$.,ABCabc"
            .chars()
            .any(|c| ascii[c as usize] == 0)
        {
            return Err(DocumentError::BadFont {
                reason: "the font has no glyphs for digits or basic Latin letters".to_string(),
            });
        }
        Ok(Metrics {
            face,
            units_per_em,
            ascii,
        })
    }

    /// Whether the font can draw `character`.
    pub fn has_glyph(&self, character: char) -> bool {
        self.face.glyph_index(character).is_some()
    }

    /// Advance of `character` in font units.
    fn advance(&self, character: char) -> u16 {
        match self.ascii.get(character as usize) {
            Some(advance) => *advance,
            None => self
                .face
                .glyph_index(character)
                .and_then(|glyph| self.face.glyph_hor_advance(glyph))
                .unwrap_or(0),
        }
    }

    /// Width of `text` at `size` points, in points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text.chars().map(|c| u32::from(self.advance(c))).sum();
        units as f32 * size / self.units_per_em
    }

    /// `text` with every character the font cannot draw replaced by '?', so that what is
    /// drawn, measured and extracted agree.
    pub fn drawable(&self, text: &str) -> String {
        text.chars()
            .map(|c| {
                if c == ' ' || self.has_glyph(c) {
                    c
                } else {
                    '?'
                }
            })
            .collect()
    }
}

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// Font size in points.
    pub size: f32,
    /// Drawn heavier (fill and stroke: the family has one weight).
    pub bold: bool,
    pub colour: Rgb8,
}

impl Style {
    /// Body text.
    pub const BODY: Style = Style {
        size: 9.5,
        bold: false,
        colour: INK,
    };

    /// A copy at another size.
    pub fn sized(self, size: f32) -> Style {
        Style { size, ..self }
    }

    /// A bold copy.
    pub fn bold(self) -> Style {
        Style { bold: true, ..self }
    }

    /// A copy in another colour.
    pub fn coloured(self, colour: Rgb8) -> Style {
        Style { colour, ..self }
    }

    /// Distance between baselines, in points.
    pub fn leading(self) -> f32 {
        self.size * 1.38
    }
}

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

/// Page size and margins, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageGeometry {
    pub width: f32,
    pub height: f32,
    pub margin_side: f32,
    pub margin_top: f32,
    pub margin_bottom: f32,
}

impl PageGeometry {
    /// US Letter, 8.5 x 11 in.
    pub const LETTER: PageGeometry = PageGeometry {
        width: 612.0,
        height: 792.0,
        margin_side: 54.0,
        margin_top: 60.0,
        margin_bottom: 60.0,
    };
    /// ISO A4, 210 x 297 mm.
    pub const A4: PageGeometry = PageGeometry {
        width: 595.28,
        height: 841.89,
        margin_side: 54.0,
        margin_top: 60.0,
        margin_bottom: 60.0,
    };
}

/// The flow layouter: a cursor on the current page and the pages done so far.
pub struct Layout<'a> {
    pub metrics: Metrics<'a>,
    pub geometry: PageGeometry,
    pub accent: Rgb8,
    pages: Vec<Vec<Op>>,
    ops: Vec<Op>,
    /// Distance of the cursor from the top edge, in points.
    y: f32,
    /// Drawn small at the top of every page after the first.
    running_header: String,
}

const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 3.5;

impl<'a> Layout<'a> {
    /// A layouter on a fresh first page.
    pub fn new(
        metrics: Metrics<'a>,
        geometry: PageGeometry,
        accent: Rgb8,
        running_header: String,
    ) -> Self {
        Layout {
            metrics,
            geometry,
            accent,
            pages: Vec::new(),
            ops: Vec::new(),
            y: geometry.margin_top,
            running_header,
        }
    }

    /// Left edge of the text area.
    pub fn left(&self) -> f32 {
        self.geometry.margin_side
    }

    /// Right edge of the text area.
    pub fn right(&self) -> f32 {
        self.geometry.width - self.geometry.margin_side
    }

    /// Width of the text area.
    pub fn content_width(&self) -> f32 {
        self.right() - self.left()
    }

    /// The cursor's distance from the top edge.
    pub fn cursor(&self) -> f32 {
        self.y
    }

    /// Moves the cursor to `y` (from the top edge).
    pub fn set_cursor(&mut self, y: f32) {
        self.y = y;
    }

    /// Bottom limit of the flow (distance from the top edge).
    fn limit(&self) -> f32 {
        self.geometry.height - self.geometry.margin_bottom
    }

    /// Moves the cursor down.
    pub fn space(&mut self, height: f32) {
        self.y += height;
    }

    /// Starts a new page unless `height` fits below the cursor.
    pub fn ensure(&mut self, height: f32) {
        if self.y + height > self.limit() {
            self.new_page();
        }
    }

    /// Ends the current page and starts the next one, with the running header.
    pub fn new_page(&mut self) {
        let done = std::mem::take(&mut self.ops);
        self.pages.push(done);
        self.y = self.geometry.margin_top;
        let header = self.running_header.clone();
        let style = Style::BODY.sized(7.5).coloured(MUTED);
        let baseline = self.geometry.margin_top - 24.0;
        self.text(self.left(), baseline, &header, style);
        let line_y = baseline + 5.0;
        self.line(&[(self.left(), line_y), (self.right(), line_y)], RULE, 0.5);
    }

    fn pdf_y(&self, y_from_top: f32) -> f32 {
        self.geometry.height - y_from_top
    }

    /// Draws `text` with its baseline at `y` (from the top) starting at `x`.
    pub fn text(&mut self, x: f32, baseline: f32, text: &str, style: Style) {
        if text.is_empty() {
            return;
        }
        let drawable = self.metrics.drawable(text);
        let colour = colour(style.colour);
        if style.bold {
            self.ops.push(Op::SaveGraphicsState);
        }
        self.ops.push(Op::StartTextSection);
        self.ops.push(Op::SetFont {
            font: PdfFontHandle::External(FontId(FONT_RESOURCE.to_string())),
            size: Pt(style.size),
        });
        self.ops.push(Op::SetFillColor {
            col: colour.clone(),
        });
        if style.bold {
            self.ops.push(Op::SetTextRenderingMode {
                mode: TextRenderingMode::FillStroke,
            });
            self.ops.push(Op::SetOutlineColor { col: colour });
            self.ops.push(Op::SetOutlineThickness {
                pt: Pt(style.size * 0.035),
            });
        }
        self.ops.push(Op::SetTextCursor {
            pos: Point {
                x: Pt(x),
                y: Pt(self.pdf_y(baseline)),
            },
        });
        self.ops.push(Op::ShowText {
            items: vec![TextItem::Text(drawable)],
        });
        self.ops.push(Op::EndTextSection);
        if style.bold {
            self.ops.push(Op::RestoreGraphicsState);
        }
    }

    /// Draws `text` so that it ends at `right`.
    pub fn text_right(&mut self, right: f32, baseline: f32, text: &str, style: Style) {
        let width = self.metrics.width(&self.metrics.drawable(text), style.size);
        self.text(right - width, baseline, text, style);
    }

    /// Draws `text` centred on `centre`.
    pub fn text_centred(&mut self, centre: f32, baseline: f32, text: &str, style: Style) {
        let width = self.metrics.width(&self.metrics.drawable(text), style.size);
        self.text(centre - width / 2.0, baseline, text, style);
    }

    /// Breaks `text` into lines no wider than `width` at `size` (words longer than a line are
    /// broken between characters).
    pub fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if self.metrics.width(&candidate, size) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if self.metrics.width(word, size) <= width {
                    line = word.to_string();
                } else {
                    for character in word.chars() {
                        let mut next = line.clone();
                        next.push(character);
                        if self.metrics.width(&next, size) > width && !line.is_empty() {
                            lines.push(std::mem::take(&mut line));
                            line.push(character);
                        } else {
                            line = next;
                        }
                    }
                }
            }
            lines.push(line);
        }
        lines
    }

    /// A wrapped paragraph in the text area, flowing onto new pages line by line.
    pub fn paragraph(&mut self, text: &str, style: Style) {
        self.paragraph_indented(text, style, 0.0);
        self.space(style.size * 0.5);
    }

    fn paragraph_indented(&mut self, text: &str, style: Style, indent: f32) {
        let width = self.content_width() - indent;
        for line in self.wrap(text, style.size, width) {
            self.ensure(style.leading());
            self.y += style.leading();
            let baseline = self.y - style.leading() + style.size;
            self.text(self.left() + indent, baseline, &line, style);
        }
    }

    /// A bulleted list.
    pub fn bullets(&mut self, items: &[String], style: Style) {
        for item in items {
            self.ensure(style.leading());
            let baseline = self.y + style.size;
            self.text(self.left() + 4.0, baseline, "\u{2022}", style);
            self.paragraph_indented(item, style, 16.0);
            self.space(style.size * 0.2);
        }
        self.space(style.size * 0.4);
    }

    /// Label / value pairs: labels muted on the left, values from `label_width` on.
    pub fn facts(&mut self, pairs: &[(String, String)], label_width: f32, style: Style) {
        let value_width = self.content_width() - label_width;
        for (label, value) in pairs {
            let lines = self.wrap(value, style.size, value_width);
            let height = style.leading() * lines.len().max(1) as f32;
            self.ensure(height);
            let first_baseline = self.y + style.size;
            self.text(self.left(), first_baseline, label, style.coloured(MUTED));
            for (index, line) in lines.iter().enumerate() {
                let baseline = first_baseline + index as f32 * style.leading();
                self.text(self.left() + label_width, baseline, line, style);
            }
            self.y += height;
        }
        self.space(style.size * 0.6);
    }

    /// A section heading in the accent colour with a rule under it; kept on the same page as
    /// at least `keep_with` points of what follows.
    pub fn heading(&mut self, text: &str, keep_with: f32) {
        let style = Style::BODY.sized(15.0).bold().coloured(self.accent);
        self.space(8.0);
        self.ensure(style.leading() + 8.0 + keep_with);
        self.y += style.leading();
        let baseline = self.y - style.leading() + style.size;
        self.text(self.left(), baseline, text, style);
        let line_y = self.y + 1.0;
        self.line(
            &[(self.left(), line_y), (self.right(), line_y)],
            self.accent,
            0.8,
        );
        self.space(9.0);
    }

    /// A smaller heading, kept with `keep_with` points of what follows.
    pub fn subheading(&mut self, text: &str, keep_with: f32) {
        let style = Style::BODY.sized(11.0).bold().coloured(INK);
        self.space(4.0);
        self.ensure(style.leading() + keep_with);
        self.y += style.leading();
        let baseline = self.y - style.leading() + style.size;
        self.text(self.left(), baseline, text, style);
        self.space(4.0);
    }

    /// A stroked polyline through `points` (x, y from the top).
    pub fn line(&mut self, points: &[(f32, f32)], colour_rgb: Rgb8, width: f32) {
        let points = points
            .iter()
            .map(|&(x, y)| LinePoint {
                p: Point {
                    x: Pt(x),
                    y: Pt(self.pdf_y(y)),
                },
                bezier: false,
            })
            .collect();
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::SetOutlineColor {
            col: colour(colour_rgb),
        });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        self.ops.push(Op::DrawLine {
            line: Line {
                points,
                is_closed: false,
            },
        });
        self.ops.push(Op::RestoreGraphicsState);
    }

    /// A filled polygon through `points` (x, y from the top).
    pub fn fill_polygon(&mut self, points: &[(f32, f32)], colour_rgb: Rgb8) {
        let points = points
            .iter()
            .map(|&(x, y)| LinePoint {
                p: Point {
                    x: Pt(x),
                    y: Pt(self.pdf_y(y)),
                },
                bezier: false,
            })
            .collect();
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::SetFillColor {
            col: colour(colour_rgb),
        });
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing { points }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
        self.ops.push(Op::RestoreGraphicsState);
    }

    /// A filled rectangle whose top-left corner is at (x, top).
    pub fn fill_rect(&mut self, x: f32, top: f32, width: f32, height: f32, colour_rgb: Rgb8) {
        self.fill_polygon(
            &[
                (x, top),
                (x + width, top),
                (x + width, top + height),
                (x, top + height),
            ],
            colour_rgb,
        );
    }

    /// Draws an image resource scaled into the box whose top-left corner is at (x, top).
    pub fn image(&mut self, id: &str, pixels: (u32, u32), x: f32, top: f32, width: f32) {
        let (pixel_width, pixel_height) = pixels;
        if pixel_width == 0 || pixel_height == 0 {
            return;
        }
        let scale = width / pixel_width as f32;
        let height = pixel_height as f32 * scale;
        self.ops.push(Op::UseXobject {
            id: XObjectId(id.to_string()),
            transform: XObjectTransform {
                translate_x: Some(Pt(x)),
                translate_y: Some(Pt(self.pdf_y(top + height))),
                scale_x: Some(scale),
                scale_y: Some(scale),
                dpi: Some(72.0),
                ..XObjectTransform::default()
            },
        });
    }

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
        let style = Style::BODY.sized(8.5);
        let total_weight: f32 = table.columns.iter().map(|column| column.weight).sum();
        let scale = if total_weight > 0.0 {
            self.content_width() / total_weight
        } else {
            0.0
        };
        let widths: Vec<f32> = table
            .columns
            .iter()
            .map(|column| column.weight * scale)
            .collect();
        let header_cells: Vec<Cell> = table
            .columns
            .iter()
            .map(|column| Cell::Text(column.header.clone()))
            .collect();
        let header_layout = self.row_lines(&header_cells, &widths, style.size);
        let header_height = row_height(&header_layout, style);
        let first_height = table.rows.first().map_or(0.0, |row| {
            row_height(&self.row_lines(&row.cells, &widths, style.size), style)
        });
        self.ensure(header_height + first_height);
        self.draw_header(table, &widths, &header_layout, style);
        for (index, row) in table.rows.iter().enumerate() {
            let lines = self.row_lines(&row.cells, &widths, style.size);
            let height = row_height(&lines, style);
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
            self.draw_cells(table, &widths, &row.cells, &lines, top, cell_style);
            self.y += height;
        }
        let bottom = self.y;
        self.line(&[(self.left(), bottom), (self.right(), bottom)], RULE, 0.5);
        self.space(10.0);
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

    /// Finishes the document: every page gets `footer_left` and "Page X of Y" at the bottom.
    pub fn finish(mut self, footer_left: &str) -> Vec<PdfPage> {
        let last = std::mem::take(&mut self.ops);
        self.pages.push(last);
        let total = self.pages.len();
        let pages = std::mem::take(&mut self.pages);
        let geometry = self.geometry;
        let baseline = geometry.height - geometry.margin_bottom + 30.0;
        let style = Style::BODY.sized(7.5).coloured(MUTED);
        let mut finished = Vec::with_capacity(total);
        for (index, ops) in pages.into_iter().enumerate() {
            self.ops = ops;
            let line_y = baseline - 10.0;
            self.line(&[(self.left(), line_y), (self.right(), line_y)], RULE, 0.5);
            self.text(self.left(), baseline, footer_left, style);
            let page_text = format!("Page {} of {}", index + 1, total);
            self.text_right(self.right(), baseline, &page_text, style);
            let ops = std::mem::take(&mut self.ops);
            finished.push(PdfPage::new(
                Mm(geometry.width * 25.4 / 72.0),
                Mm(geometry.height * 25.4 / 72.0),
                ops,
            ));
        }
        finished
    }
}

fn row_height(lines: &[Vec<String>], style: Style) -> f32 {
    let count = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
    2.0 * CELL_PAD_Y + style.size + (count - 1) as f32 * style.leading() + 2.0
}

/// A printpdf colour from 0-255 channels.
pub fn colour(rgb: Rgb8) -> Color {
    Color::Rgb(Rgb {
        r: f32::from(rgb[0]) / 255.0,
        g: f32::from(rgb[1]) / 255.0,
        b: f32::from(rgb[2]) / 255.0,
        icc_profile: None,
    })
}

/// Mixes `rgb` with white: `amount` 0 keeps the colour, 1 gives white.
pub fn tint(rgb: Rgb8, amount: f32) -> Rgb8 {
    let mix = |channel: u8| {
        let value = f32::from(channel) + (255.0 - f32::from(channel)) * amount;
        value.round().clamp(0.0, 255.0) as u8
    };
    [mix(rgb[0]), mix(rgb[1]), mix(rgb[2])]
}

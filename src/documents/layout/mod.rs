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

mod metrics;
mod table;
mod wrap;

pub use metrics::Metrics;
pub use table::{Align, Cell, Column, Row, Table};
pub use wrap::MAX_TEXT_CHARS;

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
        let style = Style::BODY.sized(7.5).coloured(MUTED);
        let header = self.fit(&self.running_header, style.size, self.content_width());
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

    /// `points` (x, y from the top) as PDF line points (y from the bottom).
    fn pdf_points(&self, points: &[(f32, f32)]) -> Vec<LinePoint> {
        points
            .iter()
            .map(|&(x, y)| LinePoint {
                p: Point {
                    x: Pt(x),
                    y: Pt(self.pdf_y(y)),
                },
                bezier: false,
            })
            .collect()
    }

    /// A stroked polyline through `points` (x, y from the top).
    pub fn line(&mut self, points: &[(f32, f32)], colour_rgb: Rgb8, width: f32) {
        let points = self.pdf_points(points);
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
        let points = self.pdf_points(points);
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
            let page_text = format!("Page {} of {}", index + 1, total);
            let room = self.content_width() - self.metrics.width(&page_text, style.size) - 24.0;
            let footer = self.fit(footer_left, style.size, room);
            self.text(self.left(), baseline, &footer, style);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::DocumentError;

    fn layout() -> Layout<'static> {
        let metrics = Metrics::new(crate::documents::DEFAULT_FONT).unwrap();
        Layout::new(
            metrics,
            PageGeometry::LETTER,
            [0x1F, 0x4E, 0x79],
            "Running header".to_string(),
        )
    }

    #[test]
    fn widths_scale_with_size_and_length() {
        let layout = layout();
        let one = layout.metrics.width("$4,830.00", 10.0);
        assert!(one > 0.0);
        assert!((layout.metrics.width("$4,830.00", 20.0) - 2.0 * one).abs() < 0.001);
        assert!((layout.metrics.width("$4,830.00$4,830.00", 10.0) - 2.0 * one).abs() < 0.001);
    }

    #[test]
    fn a_font_that_is_not_one_is_refused() {
        for (name, bytes) in [("empty", &b""[..]), ("text", &b"not a font at all"[..])] {
            assert!(
                matches!(Metrics::new(bytes), Err(DocumentError::BadFont { .. })),
                "case {name}"
            );
        }
    }
}

//! Fitting text into a width: shortening with an ellipsis and wrapping into lines, both in time
//! linear in the text's length, and bounded: text longer than [`MAX_TEXT_CHARS`] characters or
//! [`MAX_WRAPPED_LINES`] lines is cut with an ellipsis, so that a customer name of megabytes
//! renders as quickly as a short one and a table row always fits on a page.

use super::Layout;

/// The most characters of one text a document shows; the rest is cut with an ellipsis.
pub const MAX_TEXT_CHARS: usize = 2_000;
/// The most lines one wrapped text takes; the last one shown ends with an ellipsis.
pub const MAX_WRAPPED_LINES: usize = 24;

impl Layout<'_> {
    /// The ellipsis the font can draw: "…", or "..." without that glyph.
    fn ellipsis(&self) -> &'static str {
        if self.metrics.has_glyph('\u{2026}') {
            "\u{2026}"
        } else {
            "..."
        }
    }

    fn units_of(&self, text: &str) -> u64 {
        text.chars().map(|c| self.metrics.units(c)).sum()
    }

    /// `text` shortened with an ellipsis so that it is no wider than `width` at `size`.
    pub fn fit(&self, text: &str, size: f32, width: f32) -> String {
        let text = self.metrics.drawable(text);
        if self.metrics.width(&text, size) <= width {
            return text;
        }
        self.cut_with_ellipsis(&text, size, width)
    }

    /// The longest start of `text` that, followed by the ellipsis, fits in `width`.
    fn cut_with_ellipsis(&self, text: &str, size: f32, width: f32) -> String {
        let ellipsis = self.ellipsis();
        let ellipsis_units = self.units_of(ellipsis);
        let mut units = ellipsis_units;
        let mut end = 0;
        for (index, character) in text.char_indices() {
            units += self.metrics.units(character);
            if self.metrics.points(units, size) > width {
                break;
            }
            end = index + character.len_utf8();
        }
        format!("{}{ellipsis}", text[..end].trim_end())
    }

    /// Breaks `text` into lines no wider than `width` at `size` (words longer than a line are
    /// broken between characters). Text beyond [`MAX_TEXT_CHARS`] characters or
    /// [`MAX_WRAPPED_LINES`] lines is cut, and the last line shown ends with an ellipsis.
    pub fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let cut = text
            .char_indices()
            .nth(MAX_TEXT_CHARS)
            .map(|(index, _)| format!("{}{}", &text[..index], self.ellipsis()));
        let text = cut.as_deref().unwrap_or(text);
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            self.wrap_paragraph(paragraph, size, width, &mut lines);
            if lines.len() > MAX_WRAPPED_LINES {
                break;
            }
        }
        if lines.len() > MAX_WRAPPED_LINES {
            lines.truncate(MAX_WRAPPED_LINES);
            if let Some(last) = lines.last_mut() {
                *last = self.cut_with_ellipsis(last, size, width);
            }
        }
        lines
    }

    /// Wraps one paragraph onto `lines`, measuring each character once; stops early once
    /// there are more than [`MAX_WRAPPED_LINES`] lines.
    fn wrap_paragraph(&self, paragraph: &str, size: f32, width: f32, lines: &mut Vec<String>) {
        let fits = |units: u64| self.metrics.points(units, size) <= width;
        let space_units = self.metrics.units(' ');
        let mut line = String::new();
        let mut line_units = 0u64;
        for word in paragraph.split_whitespace() {
            if lines.len() > MAX_WRAPPED_LINES {
                return;
            }
            let word_units = self.units_of(word);
            if !line.is_empty() && fits(line_units + space_units + word_units) {
                line.push(' ');
                line.push_str(word);
                line_units += space_units + word_units;
                continue;
            }
            if line.is_empty() && fits(word_units) {
                line.push_str(word);
                line_units = word_units;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_units = 0;
            }
            if fits(word_units) {
                line.push_str(word);
                line_units = word_units;
                continue;
            }
            for character in word.chars() {
                let units = self.metrics.units(character);
                if !fits(line_units + units) && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_units = 0;
                    if lines.len() > MAX_WRAPPED_LINES {
                        return;
                    }
                }
                line.push(character);
                line_units += units;
            }
        }
        lines.push(line);
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Layout, Metrics, PageGeometry};
    use super::*;

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
    fn wrapping_keeps_every_word_within_the_width() {
        let layout = layout();
        let cases = [
            ("short", "Monthly fee", 200.0, 1),
            ("two paragraphs", "one\ntwo", 200.0, 2),
            (
                "long sentence",
                "The signed agreement, the setup fee and the first month's fee are due before installation.",
                120.0,
                3,
            ),
            (
                "one word wider than the line",
                "Supercalifragilisticexpialidocious",
                40.0,
                4,
            ),
        ];
        for (name, text, width, at_least) in cases {
            let lines = layout.wrap(text, 10.0, width);
            assert!(lines.len() >= at_least, "case {name}: {lines:?}");
            for line in &lines {
                assert!(
                    layout.metrics.width(line, 10.0) <= width + 0.01,
                    "case {name}: {line:?} too wide"
                );
            }
            let rejoined: String = lines.concat().split_whitespace().collect();
            let original: String = text.split_whitespace().collect();
            assert_eq!(rejoined, original, "case {name}: text lost");
        }
    }

    #[test]
    fn fit_shortens_with_an_ellipsis_only_when_needed() {
        let layout = layout();
        assert_eq!(layout.fit("Contoso Dental", 10.0, 500.0), "Contoso Dental");
        let fitted = layout.fit(&"Contoso Dental ".repeat(20), 10.0, 100.0);
        assert!(fitted.ends_with('\u{2026}'), "{fitted}");
        assert!(layout.metrics.width(&fitted, 10.0) <= 100.0);
    }
    #[test]
    fn megabytes_of_text_are_cut_to_a_bounded_number_of_lines_with_an_ellipsis() {
        let layout = layout();
        let cases = [
            ("one huge word", "A".repeat(2_000_000)),
            ("many words", "Contoso Dental ".repeat(150_000)),
            ("many short paragraphs", "x\n".repeat(1_000_000)),
        ];
        for (name, text) in cases {
            let lines = layout.wrap(&text, 10.0, 200.0);
            assert_eq!(lines.len(), MAX_WRAPPED_LINES, "case {name}");
            let last = lines.last().unwrap();
            assert!(last.ends_with('\u{2026}'), "case {name}: {last:?}");
            for line in &lines {
                assert!(
                    layout.metrics.width(line, 10.0) <= 200.01,
                    "case {name}: {line:?}"
                );
            }
        }
    }
}

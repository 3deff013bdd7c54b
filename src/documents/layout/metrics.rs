//! Measuring text with the same font bytes the PDF embeds.

use super::super::DocumentError;

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
        let units: u64 = text.chars().map(|c| self.units(c)).sum();
        self.points(units, size)
    }

    /// Advance of `character` in font units: add them up, then turn the sum into points with
    /// [`Metrics::points`] (the same sum [`Metrics::width`] makes).
    pub fn units(&self, character: char) -> u64 {
        u64::from(self.advance(character))
    }

    /// `units` font units at `size` points, in points.
    pub fn points(&self, units: u64, size: f32) -> f32 {
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

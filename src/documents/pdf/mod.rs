//! From laid-out pages to deterministic PDF bytes: the embedded, subset font; the lossless
//! logo; metadata dated from the quote; a file id derived from the inputs.

use std::sync::Mutex;

use lopdf::{Object, StringFormat};
use printpdf::{
    FontId, ImageCompression, ImageOptimizationOptions, ParsedFont, PdfDocument, PdfFont, PdfPage,
    PdfSaveOptions, XObjectId,
};
use sha2::{Digest, Sha256};

use super::layout::{FONT_RESOURCE, Layout, Metrics, PageGeometry};
use super::{Document, DocumentError};
use crate::core::price_book::PaperSize;
use compress::compress_streams;
pub use logo::Logo;
use logo::decoded_logo;

mod compress;
mod logo;

/// The logo's resource name.
pub const LOGO_RESOURCE: &str = "Logo";

/// Checks the assets and starts a layout on the book's paper size.
///
/// # Errors
/// A [`DocumentError`] for an unusable font, or a logo the book names that is missing or
/// not a decodable PNG.
pub fn start<'a>(
    inputs: &Document<'a>,
    running_header: String,
) -> Result<(Layout<'a>, Option<Logo>), DocumentError> {
    let metrics = Metrics::new(inputs.assets.font)?;
    let logo = match &inputs.book.branding.logo {
        None => None,
        Some(path) => {
            let bytes = inputs
                .assets
                .logo_png
                .ok_or_else(|| DocumentError::MissingLogo { path: path.clone() })?;
            Some(decoded_logo(bytes)?)
        }
    };
    let geometry = match inputs.book.branding.paper {
        PaperSize::A4 => PageGeometry::A4,
        PaperSize::Letter => PageGeometry::LETTER,
    };
    Ok((
        Layout::new(
            metrics,
            geometry,
            inputs.book.branding.accent_rgb,
            running_header,
        ),
        logo,
    ))
}

/// Serialises the pages: font subset and embedded, logo Flate-compressed, metadata and the
/// file id derived from the inputs (no clock, no random ids).
///
/// # Errors
/// [`DocumentError::BadFont`] when printpdf cannot parse the font.
pub fn save(
    inputs: &Document,
    pages: Vec<PdfPage>,
    logo: Option<Logo>,
    title: &str,
) -> Result<Vec<u8>, DocumentError> {
    let font = parsed_font(inputs.assets.font)?;
    let mut document = PdfDocument::new(title);
    document
        .resources
        .fonts
        .map
        .insert(FontId(FONT_RESOURCE.to_string()), PdfFont::new(font));
    if let Some(logo) = logo {
        document
            .resources
            .xobjects
            .map
            .insert(XObjectId(LOGO_RESOURCE.to_string()), logo.xobject);
    }
    let info = &mut document.metadata.info;
    let timestamp = inputs
        .quote
        .date
        .and_hms_opt(0, 0, 0)
        .map_or(0, |moment| moment.and_utc().timestamp());
    if let Ok(date) = printpdf::OffsetDateTime::from_unix_timestamp(timestamp) {
        info.creation_date = date;
        info.modification_date = date;
        info.metadata_date = date;
    }
    info.author = inputs.book.branding.company_name.clone();
    info.creator = "msp-quote".to_string();
    info.producer = "msp-quote (printpdf)".to_string();
    info.subject = format!(
        "{} for {}",
        super::quote_label(inputs.quote),
        super::customer_name(inputs.quote)
    );
    info.identifier = super::quote_label(inputs.quote);
    document.with_pages(pages);

    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: Some(ImageOptimizationOptions {
            quality: None,
            max_image_size: None,
            dither_greyscale: None,
            convert_to_greyscale: Some(false),
            auto_optimize: Some(false),
            format: Some(ImageCompression::Flate),
        }),
    };
    let mut warnings = Vec::new();
    let mut pdf = document.to_lopdf_document(&options, &mut warnings);
    // printpdf writes an empty GTS_PDFXVersion, which readers take as a PDF/X claim.
    if let Ok(info) = pdf.trailer.get(b"Info").and_then(Object::as_reference)
        && let Ok(dictionary) = pdf.get_object_mut(info).and_then(Object::as_dict_mut)
    {
        dictionary.remove(b"GTS_PDFXVersion");
        dictionary.remove(b"Keywords");
    }
    let id = file_id(inputs, title);
    pdf.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
    compress_streams(&mut pdf);
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes)
        .map_err(|error| DocumentError::Assemble {
            reason: error.to_string(),
        })?;
    Ok(bytes)
}

/// The font printpdf parsed last, with the bytes it was parsed from. Parsing decodes every
/// glyph and costs milliseconds, and every document of a run (the proposal and the appendix
/// of one `export`, each document the window renders) embeds the same font: it is parsed once.
static PARSED_FONT: Mutex<Option<(Vec<u8>, ParsedFont)>> = Mutex::new(None);

/// printpdf's parse of `bytes`, from [`PARSED_FONT`] when it holds these very bytes.
///
/// # Errors
/// [`DocumentError::BadFont`] when printpdf cannot parse the font.
fn parsed_font(bytes: &[u8]) -> Result<ParsedFont, DocumentError> {
    if let Ok(cache) = PARSED_FONT.lock()
        && let Some((cached_bytes, font)) = cache.as_ref()
        && cached_bytes.as_slice() == bytes
    {
        return Ok(font.clone());
    }
    let mut warnings = Vec::new();
    let font =
        ParsedFont::from_bytes(bytes, 0, &mut warnings).ok_or_else(|| DocumentError::BadFont {
            reason: "printpdf cannot parse it".to_string(),
        })?;
    if let Ok(mut cache) = PARSED_FONT.lock() {
        *cache = Some((bytes.to_vec(), font.clone()));
    }
    Ok(font)
}

/// 16 bytes of SHA-256 over what identifies the document: its title, the quote and the book.
fn file_id(inputs: &Document, title: &str) -> Vec<u8> {
    let mut hasher = Sha256::new();
    for part in [
        title,
        &inputs.quote.number,
        &inputs.quote.revision.to_string(),
        &inputs.quote.date.to_string(),
        &inputs.book_pin.sha256,
    ] {
        hasher.update(part.as_bytes());
        hasher.update([0u8]);
    }
    hasher.finalize()[..16].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed_anew(bytes: &[u8]) -> Option<ParsedFont> {
        ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
    }

    #[test]
    fn the_parsed_font_is_the_one_of_the_bytes_asked_for_after_another_was_parsed() {
        let ubuntu = epaint_default_fonts::UBUNTU_LIGHT;
        let hack = epaint_default_fonts::HACK_REGULAR;
        for (case, bytes) in [
            ("ubuntu first", ubuntu),
            ("ubuntu again, from the cache", ubuntu),
            ("hack after ubuntu", hack),
            ("ubuntu after hack", ubuntu),
        ] {
            let cached = parsed_font(bytes).ok();
            assert!(cached.is_some(), "{case}: not parsed");
            assert!(cached == parsed_anew(bytes), "{case}: another font's parse");
        }
        assert!(
            matches!(
                parsed_font(b"not a font at all"),
                Err(DocumentError::BadFont { .. })
            ),
            "bad bytes after a cached font must still be refused"
        );
    }
}

//! The book's logo as a PDF image: decoded from PNG and deflated once per process, then
//! embedded as the same XObject in every document (the proposal and the appendix of one
//! `export`, each document the window renders).

use std::collections::BTreeMap;
use std::sync::Mutex;

use printpdf::{
    DictItem, ExternalStream, ExternalXObject, Px, RawImage, RawImageData, RawImageFormat, XObject,
};

use super::compress::deflate;
use crate::documents::DocumentError;

/// A decoded logo ready to embed, and its size in pixels.
#[derive(Clone)]
pub struct Logo {
    pub(super) xobject: XObject,
    pub pixels: (u32, u32),
}

/// The logo decoded last, with the PNG bytes it came from.
static DECODED_LOGO: Mutex<Option<(Vec<u8>, Logo)>> = Mutex::new(None);

/// The logo of these PNG `bytes`, from [`DECODED_LOGO`] when it holds these very bytes.
///
/// # Errors
/// [`DocumentError::BadLogo`] when the bytes are not a decodable, non-empty PNG.
pub fn decoded_logo(bytes: &[u8]) -> Result<Logo, DocumentError> {
    if let Ok(cache) = DECODED_LOGO.lock()
        && let Some((cached_bytes, logo)) = cache.as_ref()
        && cached_bytes.as_slice() == bytes
    {
        return Ok(logo.clone());
    }
    let logo = decode_logo(bytes)?;
    if let Ok(mut cache) = DECODED_LOGO.lock() {
        *cache = Some((bytes.to_vec(), logo.clone()));
    }
    Ok(logo)
}

fn decode_logo(bytes: &[u8]) -> Result<Logo, DocumentError> {
    const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if !bytes.starts_with(PNG_SIGNATURE) {
        return Err(DocumentError::BadLogo {
            reason: "the file does not start with the PNG signature".to_string(),
        });
    }
    let mut warnings = Vec::new();
    let image = RawImage::decode_from_bytes(bytes, &mut warnings)
        .map_err(|reason| DocumentError::BadLogo { reason })?;
    let pixels = (
        u32::try_from(image.width).unwrap_or(0),
        u32::try_from(image.height).unwrap_or(0),
    );
    if pixels.0 == 0 || pixels.1 == 0 {
        return Err(DocumentError::BadLogo {
            reason: "the image is empty".to_string(),
        });
    }
    let xobject = match eight_bit_channels(&image) {
        Some((colour, alpha, colour_space)) => XObject::External(image_xobject(
            pixels,
            &colour,
            alpha.as_deref(),
            colour_space,
        )),
        // 16-bit, float and BGR pixels: printpdf converts and encodes them itself.
        None => XObject::Image(image),
    };
    Ok(Logo { xobject, pixels })
}

/// An 8-bit image's samples split for PDF: colour samples, alpha samples (if any), and the
/// colour space's name.
type Channels = (Vec<u8>, Option<Vec<u8>>, &'static str);

/// The channels of an 8-bit image; `None` for other sample formats.
fn eight_bit_channels(image: &RawImage) -> Option<Channels> {
    let RawImageData::U8(samples) = &image.pixels else {
        return None;
    };
    let split = |channels: usize, colour: usize| {
        let mut colour_samples = Vec::with_capacity(samples.len() / channels * colour);
        let mut alpha = Vec::with_capacity(samples.len() / channels);
        for pixel in samples.chunks_exact(channels) {
            colour_samples.extend_from_slice(&pixel[..colour]);
            alpha.extend_from_slice(&pixel[colour..]);
        }
        (colour_samples, Some(alpha))
    };
    match image.data_format {
        RawImageFormat::R8 => Some((samples.clone(), None, "DeviceGray")),
        RawImageFormat::RGB8 => Some((samples.clone(), None, "DeviceRGB")),
        RawImageFormat::RG8 => {
            let (grey, alpha) = split(2, 1);
            Some((grey, alpha, "DeviceGray"))
        }
        RawImageFormat::RGBA8 => {
            let (rgb, alpha) = split(4, 3);
            Some((rgb, alpha, "DeviceRGB"))
        }
        _ => None,
    }
}

/// An image XObject of 8-bit `colour` samples, deflated, with `alpha` as its soft mask.
fn image_xobject(
    pixels: (u32, u32),
    colour: &[u8],
    alpha: Option<&[u8]>,
    colour_space: &str,
) -> ExternalXObject {
    let mut dict = image_dict(pixels, colour_space);
    if let Some(alpha) = alpha {
        let mask = image_stream(image_dict(pixels, "DeviceGray"), alpha);
        dict.insert("SMask".to_string(), DictItem::Stream { stream: mask });
    }
    ExternalXObject {
        stream: image_stream(dict, colour),
        width: Some(Px(pixels.0 as usize)),
        height: Some(Px(pixels.1 as usize)),
        dpi: None,
    }
}

fn image_dict(pixels: (u32, u32), colour_space: &str) -> BTreeMap<String, DictItem> {
    let name = |text: &str| DictItem::Name(text.as_bytes().to_vec());
    BTreeMap::from([
        ("Type".to_string(), name("XObject")),
        ("Subtype".to_string(), name("Image")),
        ("Width".to_string(), DictItem::Int(i64::from(pixels.0))),
        ("Height".to_string(), DictItem::Int(i64::from(pixels.1))),
        ("BitsPerComponent".to_string(), DictItem::Int(8)),
        ("ColorSpace".to_string(), name(colour_space)),
        ("Interpolate".to_string(), DictItem::Bool(false)),
    ])
}

/// A stream of `samples`, deflated when that makes it smaller.
fn image_stream(mut dict: BTreeMap<String, DictItem>, samples: &[u8]) -> ExternalStream {
    let content = match deflate(samples) {
        Some(compressed) => {
            dict.insert(
                "Filter".to_string(),
                DictItem::Name(b"FlateDecode".to_vec()),
            );
            compressed
        }
        None => samples.to_vec(),
    };
    ExternalStream {
        dict,
        content,
        compress: false,
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    /// A `width` x 2 PNG of `colour_type`, 8 bits a sample, whose samples count up from 0.
    fn png(colour_type: png::ColorType, channels: usize, width: u32) -> (Vec<u8>, Vec<u8>) {
        let samples: Vec<u8> = (0..width as usize * 2 * channels)
            .map(|index| (index % 251) as u8)
            .collect();
        let mut bytes = Vec::new();
        let mut encoder = png::Encoder::new(&mut bytes, width, 2);
        encoder.set_color(colour_type);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().unwrap();
        writer.write_image_data(&samples).unwrap();
        writer.finish().unwrap();
        (bytes, samples)
    }

    fn inflated(stream: &ExternalStream) -> Vec<u8> {
        if stream.dict.get("Filter") != Some(&DictItem::Name(b"FlateDecode".to_vec())) {
            return stream.content.clone();
        }
        let mut samples = Vec::new();
        flate2::read::ZlibDecoder::new(stream.content.as_slice())
            .read_to_end(&mut samples)
            .unwrap();
        samples
    }

    #[test]
    fn eight_bit_logos_embed_their_exact_samples_with_alpha_as_soft_mask() {
        use png::ColorType::{Grayscale, GrayscaleAlpha, Rgb, Rgba};
        for (case, colour_type, channels, colour, space) in [
            ("grey", Grayscale, 1, 1, "DeviceGray"),
            ("grey + alpha", GrayscaleAlpha, 2, 1, "DeviceGray"),
            ("rgb", Rgb, 3, 3, "DeviceRGB"),
            ("rgba", Rgba, 4, 3, "DeviceRGB"),
        ] {
            let (bytes, samples) = png(colour_type, channels, 64);
            let logo = decode_logo(&bytes).unwrap();
            assert_eq!(logo.pixels, (64, 2), "{case}: size");
            let XObject::External(xobject) = &logo.xobject else {
                panic!("{case}: not embedded as an encoded image");
            };
            let expected_colour: Vec<u8> = samples
                .chunks_exact(channels)
                .flat_map(|pixel| pixel[..colour].to_vec())
                .collect();
            let expected_alpha: Vec<u8> = samples
                .chunks_exact(channels)
                .flat_map(|pixel| pixel[colour..].to_vec())
                .collect();
            assert_eq!(inflated(&xobject.stream), expected_colour, "{case}: colour");
            assert_eq!(
                xobject.stream.dict.get("ColorSpace"),
                Some(&DictItem::Name(space.as_bytes().to_vec())),
                "{case}: colour space"
            );
            match xobject.stream.dict.get("SMask") {
                Some(DictItem::Stream { stream }) => {
                    assert_eq!(inflated(stream), expected_alpha, "{case}: alpha")
                }
                Some(other) => panic!("{case}: soft mask is {other:?}"),
                None => assert!(expected_alpha.is_empty(), "{case}: alpha dropped"),
            }
        }
    }

    #[test]
    fn a_sixteen_bit_logo_is_left_to_printpdf() {
        let mut bytes = Vec::new();
        let mut encoder = png::Encoder::new(&mut bytes, 2, 1);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Sixteen);
        let mut writer = encoder.write_header().unwrap();
        writer.write_image_data(&[0u8; 12]).unwrap();
        writer.finish().unwrap();
        let logo = decode_logo(&bytes).unwrap();
        assert!(matches!(logo.xobject, XObject::Image(_)));
    }

    #[test]
    fn the_decoded_logo_is_the_one_of_the_bytes_asked_for_after_another_was_decoded() {
        let (grey, _) = png(png::ColorType::Grayscale, 1, 3);
        let (rgb, _) = png(png::ColorType::Rgb, 3, 5);
        for (case, bytes, width) in [
            ("grey first", &grey, 3),
            ("grey again, from the cache", &grey, 3),
            ("rgb after grey", &rgb, 5),
            ("grey after rgb", &grey, 3),
        ] {
            let logo = decoded_logo(bytes).unwrap();
            assert_eq!(logo.pixels, (width, 2), "{case}");
        }
        assert!(
            matches!(decoded_logo(b"GIF89a"), Err(DocumentError::BadLogo { .. })),
            "bad bytes after a cached logo must still be refused"
        );
    }
}

//! Deflate for the PDF's streams, at one level for every stream: zlib's default level, which
//! on our content (drawing operators, the font subset, the logo's pixels) writes files a few
//! per cent larger than the best level in a fraction of its time.

use std::io::Write;

use flate2::Compression;
use flate2::write::ZlibEncoder;
use lopdf::Object;

/// The deflate level of every stream the documents write.
const LEVEL: Compression = Compression::new(6);

/// Bytes a `/Filter /FlateDecode` entry adds to a stream's dictionary: compressing pays only
/// when it saves more (lopdf's own rule).
const FILTER_ENTRY_BYTES: usize = 19;

/// `data` deflated (zlib format), or `None` when that would not make the stream smaller.
pub fn deflate(data: &[u8]) -> Option<Vec<u8>> {
    let mut encoder = ZlibEncoder::new(Vec::with_capacity(data.len() / 4), LEVEL);
    encoder.write_all(data).ok()?;
    let compressed = encoder.finish().ok()?;
    (compressed.len() + FILTER_ENTRY_BYTES < data.len()).then_some(compressed)
}

/// Deflates every stream of `pdf` that may be compressed and has no filter yet (the page
/// contents, the font subset and its tables); the logo arrives already deflated.
pub fn compress_streams(pdf: &mut lopdf::Document) {
    for object in pdf.objects.values_mut() {
        if let Object::Stream(stream) = object
            && stream.allows_compression
            && stream.dict.get(b"Filter").is_err()
            && let Some(compressed) = deflate(&stream.content)
        {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn deflate_round_trips_and_declines_what_it_cannot_shrink() {
        let text = b"0 0 0 rg BT /F1 9 Tf 56 700 Td (Managed servers) Tj ET\n".repeat(40);
        let compressed = deflate(&text).expect("repetitive text shrinks");
        let mut back = Vec::new();
        flate2::read::ZlibDecoder::new(compressed.as_slice())
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, text);
        assert_eq!(
            deflate(b"q Q"),
            None,
            "three bytes cannot pay for the filter"
        );
    }
}

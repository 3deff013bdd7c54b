//! CSV files through the `csv` crate, tolerantly: comma or semicolon (sniffed), UTF-8 with or
//! without BOM, UTF-16 (little or big endian, BOM-detected), ragged rows kept as they are (the
//! caller reports them by line), every record tagged with the line it starts on.

/// One CSV record and the 1-based line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRecord {
    pub line: usize,
    pub fields: Vec<String>,
}

/// How the bytes were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 with invalid sequences replaced.
    Utf8Lossy,
    /// UTF-16 recognised by its byte-order mark.
    Utf16,
}

/// Decodes CSV bytes: strips a UTF-8 BOM, decodes UTF-16 LE/BE when it starts with its BOM;
/// invalid sequences are replaced (lossy) and reported through the [`Encoding`].
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    let utf16 = |big_endian: bool, body: &[u8]| {
        let units = body.chunks(2).map(|pair| match (pair, big_endian) {
            ([high, low], true) => u16::from_be_bytes([*high, *low]),
            ([low, high], false) => u16::from_le_bytes([*low, *high]),
            _ => 0xFFFD, // an odd trailing byte
        });
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect::<String>()
    };
    if let Some(body) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return (utf16(false, body), Encoding::Utf16);
    }
    if let Some(body) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return (utf16(true, body), Encoding::Utf16);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), Encoding::Utf8),
        Err(_) => (
            String::from_utf8_lossy(bytes).into_owned(),
            Encoding::Utf8Lossy,
        ),
    }
}

/// The delimiter used by most of the first lines: ';' when semicolons outnumber commas
/// outside quotes, else ','.
pub fn detect_delimiter(text: &str) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0usize, 0usize, false);
    for c in text
        .lines()
        .take(20)
        .flat_map(|line| line.chars().chain(['\n']))
    {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            '\n' => quoted = false,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

/// Splits CSV text into records with the `csv` crate. A quote opens a quoted field only at the
/// start of a field; elsewhere (`27" monitor`) it is an ordinary character. Quoted fields may
/// hold delimiters, newlines and doubled quotes. Rows may have any number of fields. Blank
/// lines and rows of empty fields give no record.
pub fn parse_records(text: &str, delimiter: u8) -> Vec<CsvRecord> {
    // Records end at '\n' only (a CR before it is trimmed below): with the crate's CRLF
    // terminator its line count skips blank lines and CRs.
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    let mut record = ::csv::ByteRecord::new();
    // The text is valid UTF-8 and flexible records cannot be unequal: nothing else fails.
    while let Ok(true) = reader.read_byte_record(&mut record) {
        let line = record
            .position()
            .map_or(records.len() + 1, |position| position.line() as usize);
        let mut fields: Vec<String> = record
            .iter()
            .map(|field| String::from_utf8_lossy(field).into_owned())
            .collect();
        if let Some(last) = fields.last_mut()
            && last.ends_with('\r')
        {
            last.pop();
        }
        if fields.iter().any(|field| !field.trim().is_empty()) {
            records.push(CsvRecord { line, fields });
        }
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_hold_delimiters_quotes_and_newlines() {
        let text =
            "Item,Cost\n\"Backup, offsite\",\"1,200\"\n\"Say \"\"hi\"\"\",5\n\"two\nlines\",7\n";
        let records = parse_records(text, b',');
        assert_eq!(records.len(), 4);
        assert_eq!(records[1].fields, vec!["Backup, offsite", "1,200"]);
        assert_eq!(records[2].fields, vec!["Say \"hi\"", "5"]);
        assert_eq!(records[3].fields, vec!["two\nlines", "7"]);
        assert_eq!(records[3].line, 4, "a record starts on its first line");
    }

    #[test]
    fn bare_inch_marks_stay_literal() {
        let records = parse_records("Monitor 27\" LED,150\n", b',');
        assert_eq!(records[0].fields, vec!["Monitor 27\" LED", "150"]);
    }

    #[test]
    fn semicolons_bom_and_crlf() {
        let (text, encoding) =
            decode(b"\xEF\xBB\xBFName;Amount\r\nStaff;4000\r\n\r\nTools;250\r\n");
        assert_eq!(encoding, Encoding::Utf8);
        assert_eq!(detect_delimiter(&text), b';');
        let records = parse_records(&text, b';');
        assert_eq!(records.len(), 3, "blank lines give no record");
        assert_eq!(records[0].fields, vec!["Name", "Amount"]);
        assert_eq!(records[2].line, 4);
    }

    #[test]
    fn ragged_rows_keep_their_fields_and_lines() {
        let records = parse_records("a,b\n1,2,3\n4\n", b',');
        assert_eq!(records[1].fields.len(), 3);
        assert_eq!(records[2].fields, vec!["4"]);
        assert_eq!(records[2].line, 3);
    }

    #[test]
    fn utf16_is_decoded_by_its_bom() {
        let text = "Category,Amount\nStaff,40\n";
        let mut little = vec![0xFF, 0xFE];
        let mut big = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            little.extend(unit.to_le_bytes());
            big.extend(unit.to_be_bytes());
        }
        for bytes in [little, big] {
            let (decoded, encoding) = decode(&bytes);
            assert_eq!(encoding, Encoding::Utf16);
            assert_eq!(decoded, text);
        }
    }
}

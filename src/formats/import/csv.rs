//! A tolerant CSV reader: quoted and unquoted fields, comma or semicolon, UTF-8 with or
//! without BOM, every record tagged with the line it starts on.

/// One CSV record and the 1-based line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRecord {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Decodes CSV bytes: strips a UTF-8 BOM; invalid UTF-8 is replaced (lossy) and reported by
/// returning `true` as the second value.
pub fn decode_lossy(bytes: &[u8]) -> (String, bool) {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), false),
        Err(_) => (String::from_utf8_lossy(bytes).into_owned(), true),
    }
}

/// The delimiter used by most of the first lines: ';' when semicolons outnumber commas
/// outside quotes, else ','.
pub fn detect_delimiter(text: &str) -> char {
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
    if semicolons > commas { ';' } else { ',' }
}

/// Splits CSV text into records. A quote opens a quoted field only at the start of a field;
/// elsewhere (`27" monitor`) it is an ordinary character. Quoted fields may hold delimiters,
/// newlines and doubled quotes. Blank lines give no record.
pub fn parse_records(text: &str, delimiter: char) -> Vec<CsvRecord> {
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut at_field_start = true;
    let mut line = 1;
    let mut record_line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                in_quotes = true;
                at_field_start = false;
            }
            c if c == delimiter => {
                fields.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' => {}
            '\n' => {
                fields.push(std::mem::take(&mut field));
                push_record(&mut records, record_line, std::mem::take(&mut fields));
                line += 1;
                record_line = line;
                at_field_start = true;
            }
            _ => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        push_record(&mut records, record_line, fields);
    }
    records
}

fn push_record(records: &mut Vec<CsvRecord>, line: usize, fields: Vec<String>) {
    if fields.iter().all(|field| field.trim().is_empty()) {
        return;
    }
    records.push(CsvRecord { line, fields });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_hold_delimiters_quotes_and_newlines() {
        let text =
            "Item,Cost\n\"Backup, offsite\",\"1,200\"\n\"Say \"\"hi\"\"\",5\n\"two\nlines\",7\n";
        let records = parse_records(text, ',');
        assert_eq!(records.len(), 4);
        assert_eq!(records[1].fields, vec!["Backup, offsite", "1,200"]);
        assert_eq!(records[2].fields, vec!["Say \"hi\"", "5"]);
        assert_eq!(records[3].fields, vec!["two\nlines", "7"]);
        assert_eq!(records[3].line, 4, "a record starts on its first line");
    }

    #[test]
    fn bare_inch_marks_stay_literal() {
        let records = parse_records("Monitor 27\" LED,150\n", ',');
        assert_eq!(records[0].fields, vec!["Monitor 27\" LED", "150"]);
    }

    #[test]
    fn semicolons_bom_and_crlf() {
        let (text, lossy) =
            decode_lossy(b"\xEF\xBB\xBFName;Amount\r\nStaff;4000\r\n\r\nTools;250\r\n");
        assert!(!lossy);
        assert_eq!(detect_delimiter(&text), ';');
        let records = parse_records(&text, ';');
        assert_eq!(records.len(), 3, "blank lines give no record");
        assert_eq!(records[0].fields, vec!["Name", "Amount"]);
        assert_eq!(records[2].line, 4);
    }
}

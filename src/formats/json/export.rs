//! The JSON file of `msp-quote export`: one object with the views the single commands print,
//! `price` (`price --format json`), `cost` (`cost --format json`, when the quote has a cost
//! analysis) and `roi` (`roi --format json`, when the customer's costs are known), streamed
//! into the file.
//!
//! Streamed: the cost lines (whose number grows with the analysis) are turned into JSON one at
//! a time as they are written, never as one tree or one string of the whole document; the
//! other parts are small (a line per device line, a month per month of the term).

use std::path::Path;

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

use super::cost::{LINES_KEY, cost_line_json, cost_summary_json};
use crate::core::cost::{CostBreakdown, CostLine};

/// What the export's JSON holds: each part is the object of its single command.
pub struct ExportJson<'a> {
    /// The `price --format json` object.
    pub price: Value,
    /// The cost analysis (`cost --format json`), when the quote has one.
    pub cost: Option<&'a CostBreakdown>,
    /// The `roi --format json` object, when the customer's costs are known.
    pub roi: Option<Value>,
}

impl Serialize for ExportJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Keys in sorted order, as serde_json writes its own objects.
        let mut map = serializer.serialize_map(None)?;
        if let Some(breakdown) = self.cost {
            map.serialize_entry("cost", &StreamedCost(breakdown))?;
        }
        map.serialize_entry("price", &self.price)?;
        if let Some(roi) = &self.roi {
            map.serialize_entry("roi", roi)?;
        }
        map.end()
    }
}

/// `cost --format json`, its lines serialized one at a time.
struct StreamedCost<'a>(&'a CostBreakdown);

impl Serialize for StreamedCost<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let summary = cost_summary_json(self.0);
        let mut map = serializer.serialize_map(None)?;
        let mut lines_written = false;
        if let Value::Object(entries) = &summary {
            for (key, value) in entries {
                if !lines_written && key.as_str() > LINES_KEY {
                    map.serialize_entry(LINES_KEY, &StreamedLines(&self.0.lines))?;
                    lines_written = true;
                }
                map.serialize_entry(key, value)?;
            }
        }
        if !lines_written {
            map.serialize_entry(LINES_KEY, &StreamedLines(&self.0.lines))?;
        }
        map.end()
    }
}

/// The cost lines as a JSON array, each line's object built just before it is written.
struct StreamedLines<'a>(&'a [CostLine]);

impl Serialize for StreamedLines<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for line in self.0 {
            seq.serialize_element(&cost_line_json(line))?;
        }
        seq.end()
    }
}

/// Writes `json` to `path` atomically, pretty-printed with a final newline, streamed through
/// a buffered temporary file.
///
/// # Errors
/// A one-line message naming `path` when it cannot be written.
pub fn write_export_json(path: &Path, json: &ExportJson) -> Result<(), String> {
    crate::formats::write_atomically_with(path, |writer| {
        serde_json::to_writer_pretty(&mut *writer, json).map_err(std::io::Error::from)?;
        std::io::Write::write_all(writer, b"\n")
    })
    .map_err(|error| format!("cannot write {}: {error}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_streamed_object_has_exactly_the_parts_given() {
        let json = ExportJson {
            price: json!({"monthly_recurring": "10.00"}),
            cost: None,
            roi: None,
        };
        let value: Value = serde_json::from_str(&serde_json::to_string(&json).unwrap()).unwrap();
        assert_eq!(value, json!({"price": {"monthly_recurring": "10.00"}}));
    }
}

//! The JSON file of `msp-quote export`: one object with the views the single commands print,
//! `price` (`price --format json`), `cost` (`cost --format json`, when the quote has a cost
//! analysis) and `roi` (`roi --format json`, when the customer's costs are known), streamed
//! into the file.
//!
//! Streamed: the device lines and the cost lines (whose numbers grow with the quote) are turned
//! into JSON one at a time as they are written, never as one tree or one string of the whole
//! document; the other parts are small (a month per month of the term, a row per tier).

use std::path::Path;

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

use super::cost::{LINES_KEY, cost_line_json, cost_summary_json};
use super::{PRICED_LINES_KEY, priced_line_json, priced_quote_summary_json};
use crate::core::cost::{CostBreakdown, CostLine};
use crate::core::pricing::{PricedLine, PricedQuote};
use crate::core::quote::PriceBookPin;

/// What the export's JSON holds: each part is the object of its single command.
pub struct ExportJson<'a> {
    /// The `price --format json` object.
    pub price: StreamedObject<'a, PricedLine>,
    /// The `cost --format json` object, when the quote has a cost analysis.
    pub cost: Option<StreamedObject<'a, CostLine>>,
    /// The `roi --format json` object, when the customer's costs are known.
    pub roi: Option<Value>,
}

impl Serialize for ExportJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Keys in sorted order, as serde_json writes its own objects.
        let mut map = serializer.serialize_map(None)?;
        if let Some(cost) = &self.cost {
            map.serialize_entry("cost", cost)?;
        }
        map.serialize_entry("price", &self.price)?;
        if let Some(roi) = &self.roi {
            map.serialize_entry("roi", roi)?;
        }
        map.end()
    }
}

/// A JSON object with one array that grows with the input: the rest (`summary`) is held
/// whole, the array's items are built one at a time as they are written, at the array key's
/// sorted place among the summary's keys.
pub struct StreamedObject<'a, T> {
    /// Every key but the array's.
    pub summary: Value,
    /// The key of the array.
    pub key: &'static str,
    /// The items of the array.
    pub items: &'a [T],
    /// One item's JSON.
    pub item_json: Box<dyn Fn(&T) -> Value + 'a>,
}

impl<'a> StreamedObject<'a, PricedLine> {
    /// The `price --format json` object of `priced`, its device lines streamed.
    pub fn price(priced: &'a PricedQuote, pin: &PriceBookPin) -> Self {
        StreamedObject {
            summary: priced_quote_summary_json(priced, pin),
            key: PRICED_LINES_KEY,
            items: &priced.lines,
            item_json: Box::new(priced_line_json),
        }
    }
}

impl<'a> StreamedObject<'a, CostLine> {
    /// The `cost --format json` object of `breakdown`, its cost lines streamed.
    pub fn cost(breakdown: &'a CostBreakdown) -> Self {
        StreamedObject {
            summary: cost_summary_json(breakdown),
            key: LINES_KEY,
            items: &breakdown.lines,
            item_json: Box::new(|line: &CostLine| cost_line_json(line, &breakdown.currency)),
        }
    }
}

impl<T> Serialize for StreamedObject<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        let mut array_written = false;
        if let Value::Object(entries) = &self.summary {
            for (key, value) in entries {
                if !array_written && key.as_str() > self.key {
                    map.serialize_entry(self.key, &StreamedArray(self))?;
                    array_written = true;
                }
                map.serialize_entry(key, value)?;
            }
        }
        if !array_written {
            map.serialize_entry(self.key, &StreamedArray(self))?;
        }
        map.end()
    }
}

/// The array of a [`StreamedObject`], each item's JSON built just before it is written.
struct StreamedArray<'s, 'a, T>(&'s StreamedObject<'a, T>);

impl<T> Serialize for StreamedArray<'_, '_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let object = self.0;
        let mut seq = serializer.serialize_seq(Some(object.items.len()))?;
        for item in object.items {
            seq.serialize_element(&(object.item_json)(item))?;
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
    fn the_array_is_written_at_its_sorted_place_among_the_summary_keys() {
        let items = [1_u32, 2];
        let object = StreamedObject {
            summary: json!({"a": 0, "z": 9}),
            key: "lines",
            items: &items,
            item_json: Box::new(|item: &u32| json!({"n": item})),
        };
        let text = serde_json::to_string(&object).unwrap();
        assert_eq!(text, r#"{"a":0,"lines":[{"n":1},{"n":2}],"z":9}"#);
        let last = StreamedObject {
            summary: json!({"a": 0}),
            key: "lines",
            items: &items[..0],
            item_json: Box::new(|item: &u32| json!({"n": item})),
        };
        assert_eq!(
            serde_json::to_string(&last).unwrap(),
            r#"{"a":0,"lines":[]}"#
        );
    }
}

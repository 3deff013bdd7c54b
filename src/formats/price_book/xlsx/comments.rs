//! Comments of a RON price book (the handbook citations), captured per field so that they
//! travel through a spreadsheet's notes column and come back.
//!
//! RON comments are not part of serde, so they are taken from the source text with a small
//! scanner. Each line gets a *key*: the path of the items and fields it is in, where an item
//! of a list is named by its identity field (`id`, `name`, `class`, `months`, `month`, `min`,
//! `phase`), e.g. `tiers/silver/internal_reserve_per_device`,
//! `discount_schedules/server-volume/bands/min=6/min`, `cost_defaults/markups/labour`.
//! A comment on its own line belongs to the next line with code; a comment after code to its
//! own line. Limits (documented in docs/PRICE-BOOK.md): comments come back above the first
//! line of the item or field they belong to (a trailing comment becomes a comment line), and
//! a comment inside a multi-line value belongs to the field the line is in.

use std::collections::BTreeMap;

/// Fields whose value names the list item they are in.
const IDENTITY_FIELDS: [&str; 7] = ["id", "name", "class", "months", "month", "min", "phase"];

/// One open bracket: the field that opened it and the identity of the item it is.
#[derive(Debug, Default, Clone)]
struct Level {
    name: String,
    identity: Option<String>,
}

/// What one line of RON holds: its key and its comment, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineInfo {
    /// The key of the line's code (`None` for a blank or comment-only line).
    pub key: Option<String>,
    /// The text of a `//` comment on the line, without the slashes.
    pub comment: Option<String>,
}

/// The key and comment of every line of `text`.
pub fn scan_lines(text: &str) -> Vec<LineInfo> {
    let mut levels: Vec<Level> = Vec::new();
    text.lines()
        .map(|line| scan_line(line, &mut levels))
        .collect()
}

fn path_of(levels: &[Level]) -> Vec<String> {
    let mut path = Vec::new();
    for level in levels.iter().skip(1) {
        if !level.name.is_empty() {
            path.push(level.name.clone());
        }
        if let Some(identity) = &level.identity {
            path.push(identity.clone());
        }
    }
    path
}

/// Scans one line, updating the open levels; the key is taken at the line's first field
/// (after its value when the field names the item), or at the end of the line.
fn scan_line(line: &str, levels: &mut Vec<Level>) -> LineInfo {
    let chars: Vec<char> = line.chars().collect();
    let mut state = LineState::default();
    let mut index = 0;
    while index < chars.len() {
        let c = chars[index];
        if c == '/' && chars.get(index + 1) == Some(&'/') {
            state.comment = Some(
                chars[index + 2..]
                    .iter()
                    .collect::<String>()
                    .trim()
                    .to_string(),
            );
            break;
        }
        if c.is_whitespace() || c == ',' {
            index += 1;
            continue;
        }
        state.has_code = true;
        if c == '"' || is_word_char(c) {
            let (value, next) = if c == '"' {
                read_string(&chars, index)
            } else {
                read_word(&chars, index)
            };
            let after = skip_spaces(&chars, next);
            if chars.get(after) == Some(&':') {
                index = after + 1;
                state.field(levels, value);
            } else {
                index = next;
                state.scalar(levels, &value, c == '"');
            }
            continue;
        }
        match c {
            '(' | '[' | '{' => levels.push(Level {
                name: state.pending_name.take().unwrap_or_default(),
                identity: None,
            }),
            ')' | ']' | '}' => {
                levels.pop();
            }
            _ => {}
        }
        index += 1;
    }
    if state.has_code && state.key.is_none() {
        state.key = Some(path_of(levels).join("/"));
    }
    LineInfo {
        key: state.key,
        comment: state.comment,
    }
}

#[derive(Default)]
struct LineState {
    key: Option<String>,
    comment: Option<String>,
    has_code: bool,
    /// The field whose value comes next (names a bracket it opens).
    pending_name: Option<String>,
    /// An identity field waiting for its value.
    identity_field: Option<String>,
}

impl LineState {
    fn set_key(&mut self, levels: &[Level], field: &str) {
        if self.key.is_none() {
            let mut path = path_of(levels);
            path.push(field.to_string());
            self.key = Some(path.join("/"));
        }
    }

    fn field(&mut self, levels: &[Level], name: String) {
        if IDENTITY_FIELDS.contains(&name.as_str()) {
            self.identity_field = Some(name.clone());
        } else {
            self.set_key(levels, &name);
        }
        self.pending_name = Some(name);
    }

    fn scalar(&mut self, levels: &mut [Level], value: &str, text: bool) {
        if let Some(field) = self.identity_field.take() {
            if levels.len() >= 2
                && let Some(level) = levels.last_mut()
                && level.identity.is_none()
            {
                level.identity = Some(if text {
                    value.to_string()
                } else {
                    format!("{field}={value}")
                });
            }
            self.set_key(levels, &field);
        }
        if value != "Some" {
            self.pending_name = None;
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.')
}

fn read_word(chars: &[char], start: usize) -> (String, usize) {
    let mut index = start;
    while index < chars.len() && is_word_char(chars[index]) {
        index += 1;
    }
    (chars[start..index].iter().collect(), index)
}

fn skip_spaces(chars: &[char], mut index: usize) -> usize {
    while index < chars.len() && chars[index] == ' ' {
        index += 1;
    }
    index
}

/// Reads a string literal starting at `start` (a quote); returns its text and the index after.
fn read_string(chars: &[char], start: usize) -> (String, usize) {
    let mut value = String::new();
    let mut index = start + 1;
    while index < chars.len() {
        match chars[index] {
            '\\' => {
                if let Some(next) = chars.get(index + 1) {
                    value.push(*next);
                }
                index += 2;
            }
            '"' => return (value, index + 1),
            other => {
                value.push(other);
                index += 1;
            }
        }
    }
    (value, index)
}

/// Every comment of `text` with the key it belongs to, in file order.
pub fn capture_comments(text: &str) -> Vec<(String, String)> {
    let mut comments = Vec::new();
    let mut waiting: Vec<String> = Vec::new();
    for info in scan_lines(text) {
        match (&info.key, info.comment) {
            (None, Some(comment)) => waiting.push(comment),
            (Some(key), comment) => {
                comments.extend(waiting.drain(..).map(|c| (key.clone(), c)));
                if let Some(comment) = comment {
                    comments.push((key.clone(), comment));
                }
            }
            (None, None) => {}
        }
    }
    // Comments after the last line of code belong to the whole book.
    comments.extend(waiting.into_iter().map(|c| (String::new(), c)));
    comments
}

/// True when `line_key` is `key` or inside it.
pub fn key_within(line_key: &str, key: &str) -> bool {
    key.is_empty() && line_key.is_empty()
        || line_key == key
        || (line_key.starts_with(key) && line_key[key.len()..].starts_with('/'))
}

/// `text` with each key's comments put back as comment lines above the first line whose key
/// is the key or inside it, indented like that line. Returns the text and the keys no line
/// matched (their comments are left out).
pub fn insert_comments(text: &str, notes: &BTreeMap<String, Vec<String>>) -> (String, Vec<String>) {
    let lines: Vec<&str> = text.lines().collect();
    let infos = scan_lines(text);
    let mut above: BTreeMap<usize, Vec<&String>> = BTreeMap::new();
    let mut unmatched = Vec::new();
    for (key, comments) in notes {
        let target = infos
            .iter()
            .position(|info| info.key.as_deref().is_some_and(|k| key_within(k, key)));
        match target {
            Some(line) => above.entry(line).or_default().extend(comments),
            None => unmatched.push(key.clone()),
        }
    }
    let mut out = String::with_capacity(text.len() + 64 * notes.len());
    for (index, line) in lines.iter().enumerate() {
        if let Some(comments) = above.get(&index) {
            let indent: String = line.chars().take_while(|c| *c == ' ').collect();
            for comment in comments {
                if comment.is_empty() {
                    out.push_str(&format!("{indent}//\n"));
                }
                for part in comment.lines() {
                    out.push_str(&format!("{indent}// {part}\n"));
                }
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    (out, unmatched)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_keyed_by_item_and_field() {
        let text = "(\n    id: \"standard\",\n    tiers: [\n        (\n            id: \"silver\",\n            monthly_prices: {\"server\": \"750.00\"}, // handbook: $750\n            // banks $250\n            internal_reserve_per_device: \"250.00\",\n        ),\n    ],\n    bands: [\n        (min: 6, max: 10, discount_percent: \"8\"), // 6-10 servers\n    ],\n    markups: {\n        \"labour\": \"40\", // 40-50%\n    },\n)\n";
        let comments = capture_comments(text);
        assert_eq!(
            comments,
            vec![
                (
                    "tiers/silver/monthly_prices".to_string(),
                    "handbook: $750".to_string()
                ),
                (
                    "tiers/silver/internal_reserve_per_device".to_string(),
                    "banks $250".to_string()
                ),
                ("bands/min=6/min".to_string(), "6-10 servers".to_string()),
                ("markups/labour".to_string(), "40-50%".to_string()),
            ]
        );
    }

    #[test]
    fn comments_go_back_above_their_line() {
        let text = "(\n    tiers: [\n        (\n            id: \"silver\",\n            monthly_prices: {\n                \"server\": \"750.00\",\n            },\n        ),\n    ],\n)\n";
        let notes = BTreeMap::from([(
            "tiers/silver/monthly_prices".to_string(),
            vec!["handbook: $750".to_string()],
        )]);
        let (with, unmatched) = insert_comments(text, &notes);
        assert!(unmatched.is_empty());
        assert!(
            with.contains("            // handbook: $750\n            monthly_prices: {"),
            "{with}"
        );
        assert_eq!(
            capture_comments(&with),
            vec![(
                "tiers/silver/monthly_prices".to_string(),
                "handbook: $750".to_string()
            )]
        );
    }
}

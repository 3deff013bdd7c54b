//! The editor's field widgets: each edits one value of the raw book, carries an accessible
//! name, and shows the validation problems of its field path beside it.

use std::collections::BTreeMap;

use crate::formats::problem::{Location, Problem};

/// Width of an amount or number field, points.
const AMOUNT_WIDTH: f32 = 80.0;

/// Width of a name or id field, points.
const TEXT_WIDTH: f32 = 160.0;

/// The validation problems of the edited book, by field path.
#[derive(Debug, Clone, Default)]
pub(crate) struct Problems {
    by_path: BTreeMap<String, Vec<String>>,
    all: Vec<Problem>,
}

impl Problems {
    /// Problems as the validation gave them (every one has a field path or is whole-book).
    pub(crate) fn new(problems: Vec<Problem>) -> Self {
        let mut by_path: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for problem in &problems {
            let path = match &problem.location {
                Location::Field(path) => path.clone(),
                other => other.to_string(),
            };
            by_path
                .entry(path)
                .or_default()
                .push(problem.message.clone());
        }
        Problems {
            by_path,
            all: problems,
        }
    }

    /// The messages found at exactly `path`.
    pub(crate) fn at(&self, path: &str) -> &[String] {
        self.by_path
            .get(path)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// Whether any problem lies at `path` or inside it (`tiers[1]` covers `tiers[1].name`).
    pub(crate) fn inside(&self, path: &str) -> bool {
        self.by_path
            .range(path.to_string()..)
            .next()
            .is_some_and(|(found, _)| found.starts_with(path))
    }

    /// Every problem, in the order the validation found them.
    pub(crate) fn all(&self) -> &[Problem] {
        &self.all
    }

    /// Whether the book is valid.
    pub(crate) fn is_empty(&self) -> bool {
        self.all.is_empty()
    }
}

/// Draws fields and remembers whether any of them changed this frame.
pub(crate) struct Form<'a> {
    problems: &'a Problems,
    /// Some field changed its value this frame.
    pub(crate) changed: bool,
}

impl<'a> Form<'a> {
    /// A form showing `problems` beside their fields.
    pub(crate) fn new(problems: &'a Problems) -> Self {
        Form {
            problems,
            changed: false,
        }
    }

    /// A one-line text field (names, ids, dates).
    pub(crate) fn text(&mut self, ui: &mut egui::Ui, path: &str, name: &str, value: &mut String) {
        self.text_of_width(ui, path, name, value, TEXT_WIDTH);
    }

    /// A narrow text field for an exact amount, percent or hours, kept as typed.
    pub(crate) fn amount(&mut self, ui: &mut egui::Ui, path: &str, name: &str, value: &mut String) {
        self.text_of_width(ui, path, name, value, AMOUNT_WIDTH);
    }

    fn text_of_width(
        &mut self,
        ui: &mut egui::Ui,
        path: &str,
        name: &str,
        value: &mut String,
        width: f32,
    ) {
        let response = ui
            .add(egui::TextEdit::singleline(value).desired_width(width))
            .accessible_name(name);
        self.changed |= response.changed();
        self.problems_ui(ui, path);
    }

    /// A whole number (months, minutes, band limits).
    pub(crate) fn count(&mut self, ui: &mut egui::Ui, path: &str, name: &str, value: &mut u32) {
        let response = ui
            .add(egui::DragValue::new(value).speed(0.2))
            .accessible_name(name);
        self.changed |= response.changed();
        self.problems_ui(ui, path);
    }

    /// A yes/no setting; `text` is its visible label (and accessible name).
    pub(crate) fn flag(&mut self, ui: &mut egui::Ui, path: &str, text: &str, value: &mut bool) {
        self.changed |= ui.checkbox(value, text).changed();
        self.problems_ui(ui, path);
    }

    /// One of a few choices, shown as selectable buttons named "`name`: `text`"; `current`
    /// is the index of the chosen one. Gives the index clicked, if it differs.
    pub(crate) fn choice(
        &mut self,
        ui: &mut egui::Ui,
        path: &str,
        name: &str,
        current: usize,
        texts: &[&str],
    ) -> Option<usize> {
        let mut chosen = None;
        for (index, text) in texts.iter().enumerate() {
            let response = ui
                .selectable_label(current == index, *text)
                .accessible_name(format!("{name}: {text}"));
            if response.clicked() && current != index {
                chosen = Some(index);
                self.changed = true;
            }
        }
        self.problems_ui(ui, path);
        chosen
    }

    /// A small button; true when clicked (the caller edits and calls [`Form::mark_changed`]).
    pub(crate) fn button(&mut self, ui: &mut egui::Ui, text: &str, name: &str) -> bool {
        ui.small_button(text).accessible_name(name).clicked()
    }

    /// Records an edit made outside a field (a row added or removed).
    pub(crate) fn mark_changed(&mut self) {
        self.changed = true;
    }

    /// The problems at exactly `path`, in the error colour, each named "Problem at `path`".
    pub(crate) fn problems_ui(&self, ui: &mut egui::Ui, path: &str) {
        for message in self.problems.at(path) {
            ui.colored_label(ui.visuals().error_fg_color, message.as_str())
                .accessible_name(format!("Problem at {path}"));
        }
    }

    /// Whether any problem lies at or inside `path` (to mark a collapsed section).
    pub(crate) fn has_problems_inside(&self, path: &str) -> bool {
        self.problems.inside(path)
    }
}

/// A labelled row: `label` then the fields `add` draws.
pub(crate) fn row_ui(ui: &mut egui::Ui, label: &str, add: impl FnOnce(&mut egui::Ui)) {
    ui.horizontal_wrapped(|ui| {
        ui.label(label);
        add(ui);
    });
}

/// A section header that names its problems when it holds any; open by default when `open`.
pub(crate) fn section_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    title: &str,
    path: &str,
    open: bool,
    add: impl FnOnce(&mut egui::Ui, &mut Form<'_>),
) {
    let title = if !path.is_empty() && form.has_problems_inside(path) {
        format!("{title} (has problems)")
    } else {
        title.to_string()
    };
    egui::CollapsingHeader::new(title)
        .id_salt(("book-editor-section", path))
        .default_open(open)
        .show(ui, |ui| add(ui, form));
}

/// Parses a list written one item per line.
pub(crate) fn lines_of(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect()
}

/// A text field over a value shown as text (`shown`), kept as typed while it has the focus so a
/// half-typed entry is not reformatted under the cursor; named `name`. `Some(text)` when the
/// user changed it this frame.
fn typed_text_ui(
    ui: &mut egui::Ui,
    kind: &'static str,
    path: &str,
    name: &str,
    shown: impl FnOnce() -> String,
    multiline: bool,
) -> Option<String> {
    let id = ui.make_persistent_id((kind, path));
    let mut text = ui
        .data(|data| data.get_temp::<String>(id))
        .unwrap_or_else(shown);
    let edit = if multiline {
        egui::TextEdit::multiline(&mut text)
            .desired_rows(2)
            .desired_width(TEXT_WIDTH * 2.0)
    } else {
        egui::TextEdit::singleline(&mut text).desired_width(TEXT_WIDTH)
    };
    let response = ui.add(edit).accessible_name(name);
    let changed = response.changed();
    if response.has_focus() {
        ui.data_mut(|data| data.insert_temp(id, text.clone()));
    } else {
        ui.data_mut(|data| data.remove_temp::<String>(id));
    }
    changed.then_some(text)
}

/// A list of texts edited as one multi-line field, one item per line.
pub(crate) fn list_field_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    path: &str,
    name: &str,
    items: &mut Vec<String>,
) {
    let shown = || items.join("\n");
    if let Some(text) = typed_text_ui(ui, "book-editor-list", path, name, shown, true) {
        *items = lines_of(&text);
        form.mark_changed();
    }
    form.problems_ui(ui, path);
}

/// Most height a virtualised list takes before it scrolls, points.
const ROWS_MAX_HEIGHT: f32 = 260.0;

/// A list of uniform one-line rows, virtualised: only the rows in view are drawn.
pub(crate) fn rows_ui(
    ui: &mut egui::Ui,
    id_salt: &str,
    count: usize,
    mut row: impl FnMut(&mut egui::Ui, usize),
) {
    let row_height = ui.spacing().interact_size.y.max(20.0);
    egui::ScrollArea::vertical()
        .id_salt(("book-editor-rows", id_salt))
        .max_height(ROWS_MAX_HEIGHT)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, count, |ui, range| {
            for index in range {
                ui.horizontal(|ui| row(ui, index));
            }
        });
}

/// A drop-down of `options` (value, text) for an optional id; named `name`. True on change.
pub(crate) fn id_choice_ui(
    ui: &mut egui::Ui,
    id_salt: &str,
    name: &str,
    value: &mut Option<String>,
    options: &[String],
    none_text: &str,
) -> bool {
    let mut changed = false;
    let selected = value.clone().unwrap_or_else(|| none_text.to_string());
    let response = egui::ComboBox::from_id_salt(("book-editor-choice", id_salt))
        .selected_text(selected)
        .width(130.0)
        .show_ui(ui, |ui| {
            changed |= ui.selectable_value(value, None, none_text).changed();
            for option in options {
                changed |= ui
                    .selectable_value(value, Some(option.clone()), option.as_str())
                    .changed();
            }
        });
    let _ = response.response.accessible_name(name);
    changed
}

/// A short list of tags edited as one comma-separated line (kept as typed while focused).
pub(crate) fn tags_field_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    path: &str,
    name: &str,
    tags: &mut Vec<String>,
) {
    let shown = || tags.join(", ");
    if let Some(text) = typed_text_ui(ui, "book-editor-tags", path, name, shown, false) {
        *tags = text
            .split(',')
            .map(str::trim)
            .filter(|tag| !tag.is_empty())
            .map(str::to_string)
            .collect();
        form.mark_changed();
    }
    form.problems_ui(ui, path);
}

/// A small map of id -> amount edited as one line "`id`=`amount`, ..." (kept as typed while
/// focused; an entry without "=" is left out).
pub(crate) fn map_field_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    path: &str,
    name: &str,
    map: &mut std::collections::BTreeMap<String, String>,
) {
    let shown = || {
        map.iter()
            .map(|(key, value)| format!("{key}={value}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(text) = typed_text_ui(ui, "book-editor-map", path, name, shown, false) {
        *map = text
            .split(',')
            .filter_map(|entry| entry.split_once('='))
            .map(|(key, value)| (key.trim().to_string(), value.trim().to_string()))
            .filter(|(key, _)| !key.is_empty())
            .collect();
        form.mark_changed();
    }
    for key in map.keys() {
        form.problems_ui(ui, &format!("{path}.{key}"));
    }
}

/// The last save's or tool's outcome, named `name` for assistive technology: an error in the
/// error colour, anything else in the text colour; nothing before the first outcome.
pub(crate) fn outcome_ui(ui: &mut egui::Ui, name: &str, outcome: Option<&(bool, String)>) {
    if let Some((is_error, text)) = outcome {
        let colour = if *is_error {
            ui.visuals().error_fg_color
        } else {
            ui.visuals().text_color()
        };
        ui.scope(|ui| {
            ui.visuals_mut().override_text_color = Some(colour);
            crate::app::named_value_ui(ui, name, text.as_str());
        });
    }
}

//! The desktop window: quote live in a meeting, analyse, export.
//!
//! [`QuoteApp`] holds the state; [`QuoteApp::show`] draws one frame into any [`egui::Ui`], so
//! the same code runs in the eframe window ([`run`]) and in headless egui_kittest tests. The
//! window never computes a price: it calls [`price_quote`] when an input changed (never every
//! frame) and shows the result it keeps in a cache.

mod cost_inputs;
mod cost_tab;
pub mod dialogs;
mod documents_tab;
pub mod files;
pub mod history;
pub mod meeting_mode;
mod price_book_tab;
mod quote_options;
mod quote_tab;
mod roi_tab;
mod sample;
mod window;

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::NaiveDate;
use rust_decimal::Decimal;

pub use dialogs::{DialogAnswer, DialogRequest, FileDialogs, RfdDialogs, ScriptedDialogs};
pub use sample::sample_quote;
pub use window::run;

use crate::cli::window::WindowTab;
use crate::core::pricing::{PricedQuote, price_quote, repricing_warnings};
use crate::core::quote::{DeviceLine, Quote};
use crate::formats::price_book::{LoadedBook, STANDARD_BOOK_RON, parse_price_book, sha256_hex};
use history::History;

/// The tabs of the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Quote,
    Cost,
    Roi,
    Documents,
    PriceBook,
}

impl Tab {
    /// Every tab, in the order of the tab bar.
    pub const ALL: [Tab; 5] = [
        Tab::Quote,
        Tab::Cost,
        Tab::Roi,
        Tab::Documents,
        Tab::PriceBook,
    ];

    /// The tab's title in the tab bar.
    pub fn title(self) -> &'static str {
        match self {
            Tab::Quote => "Quote",
            Tab::Cost => "Cost analysis",
            Tab::Roi => "ROI",
            Tab::Documents => "Documents",
            Tab::PriceBook => "Price book",
        }
    }
}

impl From<WindowTab> for Tab {
    fn from(tab: WindowTab) -> Self {
        match tab {
            WindowTab::Quote => Tab::Quote,
            WindowTab::Cost => Tab::Cost,
            WindowTab::Roi => Tab::Roi,
            WindowTab::Documents => Tab::Documents,
            WindowTab::PriceBook => Tab::PriceBook,
        }
    }
}

/// How the app starts.
pub struct AppSetup {
    /// Where the working quote is autosaved and the session kept; `None` keeps nothing
    /// (tests, screenshots).
    pub data_dir: Option<PathBuf>,
    /// The file dialogs to ask for paths.
    pub dialogs: Box<dyn FileDialogs>,
    /// A quote file to open instead of the last session.
    pub quote_path: Option<PathBuf>,
    /// The tab shown first.
    pub tab: Tab,
    /// Today's date: the date of a new quote.
    pub today: NaiveDate,
}

impl AppSetup {
    /// A setup for tests and scripted runs: no data directory, scripted dialogs, the sample
    /// quote, the quote tab, dated 2026-01-05.
    pub fn headless(dialogs: ScriptedDialogs) -> Self {
        AppSetup {
            data_dir: None,
            dialogs: Box::new(dialogs),
            quote_path: None,
            tab: Tab::Quote,
            today: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default(),
        }
    }
}

/// A message shown in the window's notice area until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub is_error: bool,
    pub text: String,
}

/// The quote priced at one tier: every device line moved to that tier.
#[derive(Debug, Clone)]
pub struct TierOption {
    pub tier_id: String,
    pub tier_name: String,
    pub priced: Result<PricedQuote, String>,
}

/// What the pricing of the current inputs gave; rebuilt only when an input changed.
#[derive(Debug, Clone)]
pub(crate) struct PricingCache {
    /// The input generation this was computed for.
    generation: u64,
    pub(crate) priced: Result<PricedQuote, String>,
    pub(crate) tiers: Vec<TierOption>,
    /// Internal reserve per month (analyst-only).
    pub(crate) reserve_monthly: Decimal,
    /// The cost analysis of the quote, when it has one (analyst-only).
    pub(crate) cost: Option<Result<crate::core::cost::CostBreakdown, String>>,
    /// The ROI of the quote as it is and of every tier, when the customer's costs are known.
    pub(crate) roi: Option<Result<RoiOptions, String>>,
    /// The quote's components, phases and package, priced by the core, when it has any.
    pub(crate) options: Option<Result<crate::core::options::PricedOptions, String>>,
    /// The priced quote combined with its options (what the customer pays), when it has any.
    pub(crate) combined: Option<PricedQuote>,
    /// The discount rate the ROI was computed at.
    discount_rate: Decimal,
    /// How many times the quote was priced since the app started (tests check caching).
    pub(crate) recomputations: u64,
}

/// The ROI of every option (the quote as it is first, then each tier), and the options left
/// out with the reason.
#[derive(Debug, Clone)]
pub(crate) struct RoiOptions {
    pub(crate) options: Vec<crate::core::roi::RoiOption>,
    pub(crate) left_out: Vec<String>,
}

impl RoiOptions {
    /// The ROI of the quote as it is.
    pub(crate) fn quote_as_is(&self) -> Option<&crate::core::roi::RoiResult> {
        self.options
            .iter()
            .find(|option| option.kind == crate::core::roi::RoiOptionKind::QuoteAsIs)
            .map(|option| &option.roi)
    }

    /// The ROI of the quote moved to tier `tier`.
    pub(crate) fn at_tier(&self, tier: &str) -> Option<&crate::core::roi::RoiResult> {
        self.options
            .iter()
            .find(|option| option.kind == crate::core::roi::RoiOptionKind::Tier(tier.to_string()))
            .map(|option| &option.roi)
    }
}

/// Something a control asked for, done after the frame is drawn.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Action {
    NewQuote,
    OpenQuote,
    SaveQuote,
    SaveQuoteAs,
    NewRevision,
    LoadBook,
    LoadBookFrom(PathBuf),
    Undo,
    Redo,
    Export(documents_tab::DocumentKind),
    ImportCostLines,
    ExportCostXlsx,
    ImportCustomerCosts,
    DismissNotice(usize),
}

/// The whole state of the window.
pub struct QuoteApp {
    pub(crate) book: LoadedBook,
    pub(crate) quote: Quote,
    /// The quote as last recorded in the history: a difference after a frame is an edit.
    recorded: Quote,
    pub(crate) history: History,
    /// Bumped whenever the quote or the book changes.
    generation: u64,
    pub(crate) cache: PricingCache,
    pub(crate) tab: Tab,
    pub(crate) meeting_mode: bool,
    pub(crate) files: files::Files,
    pub(crate) notices: Vec<Notice>,
    /// The error of the last price book that failed to load (the old book stays).
    pub(crate) book_error: Option<String>,
    /// Device lines whose waterfall is shown.
    pub(crate) expanded_lines: BTreeSet<usize>,
    pub(crate) today: NaiveDate,
    pub(crate) documents: documents_tab::DocumentsState,
    /// Annual discount rate of the ROI's NPV, percent.
    pub(crate) roi_discount_rate: Decimal,
}

impl QuoteApp {
    /// The app as `setup` says: the quote file, else the last session, else the sample quote;
    /// the book of the last session, else the embedded standard book.
    pub fn new(setup: AppSetup) -> Self {
        let (book, mut notices) = match standard_loaded_book() {
            Ok(book) => (book, Vec::new()),
            Err(message) => (sample::empty_fallback_book(), vec![error_notice(message)]),
        };
        let sample = sample_quote(setup.today);
        let files = files::Files::new(setup.data_dir.clone(), setup.dialogs);
        let mut app = QuoteApp {
            book,
            recorded: sample.clone(),
            quote: sample,
            history: History::default(),
            generation: 0,
            cache: PricingCache {
                generation: u64::MAX,
                priced: Err(String::new()),
                tiers: Vec::new(),
                reserve_monthly: Decimal::ZERO,
                cost: None,
                roi: None,
                options: None,
                combined: None,
                discount_rate: Decimal::ZERO,
                recomputations: 0,
            },
            tab: setup.tab,
            meeting_mode: false,
            files,
            notices: Vec::new(),
            book_error: None,
            expanded_lines: BTreeSet::new(),
            today: setup.today,
            documents: documents_tab::DocumentsState::default(),
            roi_discount_rate: crate::core::roi::DEFAULT_DISCOUNT_RATE_PERCENT,
        };
        app.notices.append(&mut notices);
        app.files.restore_session(
            &mut app.book,
            &mut app.quote,
            &mut app.notices,
            setup.quote_path,
        );
        app.recorded = app.quote.clone();
        app.refresh();
        app
    }

    /// The quote being edited.
    pub fn quote(&self) -> &Quote {
        &self.quote
    }

    /// Replaces the quote, as opening a file does: the history is cleared.
    pub fn replace_quote(&mut self, quote: Quote) {
        self.quote = quote;
        self.recorded = self.quote.clone();
        self.history.clear();
        self.expanded_lines.clear();
        self.generation += 1;
        self.refresh();
    }

    /// Edits the quote as a control does: the edit is recorded (undoable) and priced at the
    /// end of the next frame.
    pub fn edit_quote(&mut self, edit: impl FnOnce(&mut Quote)) {
        edit(&mut self.quote);
    }

    /// The price book in use.
    pub fn book(&self) -> &LoadedBook {
        &self.book
    }

    /// The priced quote, or why it cannot be priced.
    pub fn priced(&self) -> Result<&PricedQuote, &str> {
        self.cache.priced.as_ref().map_err(String::as_str)
    }

    /// The quote's pricing options as the core priced them (None when it has none), or why
    /// they cannot be priced.
    pub fn priced_options(&self) -> Option<Result<&crate::core::options::PricedOptions, &str>> {
        self.cache
            .options
            .as_ref()
            .map(|options| options.as_ref().map_err(String::as_str))
    }

    /// How many times the quote was priced (it is priced only when an input changed).
    pub fn recomputations(&self) -> u64 {
        self.cache.recomputations
    }

    /// Whether meeting mode hides the internal figures.
    pub fn meeting_mode(&self) -> bool {
        self.meeting_mode
    }

    /// The tab shown.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// Shows `tab`.
    pub fn set_tab(&mut self, tab: Tab) {
        self.tab = tab;
    }

    /// The notices shown (errors and information).
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// Whether a file is being read or written in the background.
    pub fn is_busy(&self) -> bool {
        self.files.job.is_some()
    }

    /// Whether the quote has changes not saved to its file.
    pub fn has_unsaved_changes(&self) -> bool {
        self.files.dirty
    }

    /// Draws one frame of the whole window into `ui` and handles its input.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let mut actions = self.shortcuts(&ctx);
        self.poll_job(&ctx);
        self.refresh();
        self.draw(ui, &mut actions);
        self.after_frame(&ctx, actions);
    }

    /// Consumes this frame's keyboard shortcuts.
    fn shortcuts(&mut self, ctx: &egui::Context) -> Vec<Action> {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let shift_command = Modifiers::COMMAND | Modifiers::SHIFT;
        let mut actions = Vec::new();
        ctx.input_mut(|input| {
            // The more specific shortcut first: Ctrl+Shift+Z also matches Ctrl+Z logically.
            if input.consume_shortcut(&KeyboardShortcut::new(shift_command, Key::Z))
                || input.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Y))
            {
                actions.push(Action::Redo);
            }
            if input.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)) {
                actions.push(Action::Undo);
            }
            if input.consume_shortcut(&KeyboardShortcut::new(shift_command, Key::S)) {
                actions.push(Action::SaveQuoteAs);
            }
            if input.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::S)) {
                actions.push(Action::SaveQuote);
            }
            if input.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::O)) {
                actions.push(Action::OpenQuote);
            }
        });
        if meeting_mode::toggle_pressed(ctx) {
            self.meeting_mode = !self.meeting_mode;
        }
        actions
    }

    /// Prices the quote again if an input changed since the last pricing.
    fn refresh(&mut self) {
        if self.cache.generation == self.generation
            && self.cache.discount_rate == self.roi_discount_rate
        {
            return;
        }
        let book = &self.book.book;
        let mut priced = price_quote(book, &self.quote).map_err(|error| error.to_string());
        if let Ok(priced) = priced.as_mut() {
            priced.warnings.extend(repricing_warnings(
                self.quote.price_book_pin.as_ref(),
                self.quote.priced_snapshot.as_ref(),
                &self.book.pin(),
                priced,
            ));
        }
        let tiers = book
            .tiers
            .iter()
            .map(|tier| {
                let mut at_tier = self.quote.clone();
                for line in &mut at_tier.devices {
                    line.tier.clone_from(&tier.id);
                }
                TierOption {
                    tier_id: tier.id.clone(),
                    tier_name: tier.name.clone(),
                    priced: price_quote(book, &at_tier).map_err(|error| error.to_string()),
                }
            })
            .collect();
        let reserve_monthly = self
            .quote
            .devices
            .iter()
            .filter_map(|line| {
                book.tier(&line.tier)
                    .map(|tier| tier.internal_reserve_per_device * Decimal::from(line.count))
            })
            .sum();
        let cost = self.quote.cost_analysis.as_ref().map(|analysis| {
            crate::core::cost::analyse_cost(book, &self.quote, analysis)
                .map_err(|error| error.to_string())
        });
        let roi = self.quote.customer_costs.as_ref().map(|costs| {
            crate::core::roi::roi_options(book, &self.quote, costs, self.roi_discount_rate)
                .map(|(options, left_out)| RoiOptions { options, left_out })
                .map_err(|error| error.to_string())
        });
        let options = match (&priced, self.quote.options.is_empty()) {
            (_, true) | (Err(_), false) => None,
            (Ok(priced), false) => Some(
                crate::core::options::price_quote_options(book, &self.quote.options, priced)
                    .map_err(|error| error.to_string()),
            ),
        };
        let combined = match (&priced, &options) {
            (Ok(priced), Some(Ok(options))) => {
                crate::core::options::priced_with_options(priced, options).ok()
            }
            _ => None,
        };
        self.cache = PricingCache {
            generation: self.generation,
            priced,
            tiers,
            reserve_monthly,
            cost,
            roi,
            options,
            combined,
            discount_rate: self.roi_discount_rate,
            recomputations: self.cache.recomputations + 1,
        };
    }

    /// Draws the panels of the frame.
    fn draw(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        egui::Panel::top("menu-bar").show(ui, |ui| self.menu_bar_ui(ui, actions));
        egui::Panel::bottom("status-bar").show(ui, |ui| self.status_bar_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| {
            self.notices_ui(ui, actions);
            match self.tab {
                Tab::Quote => quote_tab::quote_tab_ui(ui, self, actions),
                Tab::Cost => cost_tab::cost_tab_ui(ui, self, actions),
                Tab::Roi => roi_tab::roi_tab_ui(ui, self, actions),
                Tab::Documents => documents_tab::documents_tab_ui(ui, self, actions),
                Tab::PriceBook => price_book_tab::price_book_tab_ui(ui, self, actions),
            }
        });
        files::prompts_ui(ui.ctx(), self, actions);
    }

    fn menu_bar_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.horizontal_wrapped(|ui| {
            ui.menu_button("File", |ui| {
                let items = [
                    ("New quote", Action::NewQuote),
                    ("Open quote… (Ctrl+O)", Action::OpenQuote),
                    ("Save (Ctrl+S)", Action::SaveQuote),
                    ("Save as… (Ctrl+Shift+S)", Action::SaveQuoteAs),
                    ("New revision…", Action::NewRevision),
                    ("Load price book…", Action::LoadBook),
                ];
                for (text, action) in items {
                    if ui.button(text).clicked() {
                        actions.push(action);
                        ui.close();
                    }
                }
            });
            ui.menu_button("View", |ui| {
                let current = ui.ctx().options(|options| options.theme_preference);
                for (text, preference) in [
                    ("Theme: follow the system", egui::ThemePreference::System),
                    ("Theme: light", egui::ThemePreference::Light),
                    ("Theme: dark", egui::ThemePreference::Dark),
                ] {
                    if ui.selectable_label(current == preference, text).clicked() {
                        ui.ctx().set_theme(preference);
                        ui.close();
                    }
                }
            });
            if ui
                .add_enabled(self.history.can_undo(), egui::Button::new("Undo"))
                .on_hover_text("Undo the last edit (Ctrl+Z)")
                .clicked()
            {
                actions.push(Action::Undo);
            }
            if ui
                .add_enabled(self.history.can_redo(), egui::Button::new("Redo"))
                .on_hover_text("Redo (Ctrl+Shift+Z)")
                .clicked()
            {
                actions.push(Action::Redo);
            }
            ui.separator();
            for tab in Tab::ALL {
                if ui.selectable_label(self.tab == tab, tab.title()).clicked() {
                    self.tab = tab;
                }
            }
            ui.separator();
            meeting_mode::toggle_ui(ui, &mut self.meeting_mode);
            if let Some(job) = &self.files.job
                && job.started.elapsed() > std::time::Duration::from_millis(100)
            {
                ui.separator();
                ui.spinner();
                ui.label(job.label.as_str());
            }
        });
    }

    fn status_bar_ui(&self, ui: &mut egui::Ui) {
        ui.horizontal_wrapped(|ui| {
            let file = self
                .files
                .path
                .as_ref()
                .map_or("Unsaved quote".to_string(), |path| {
                    path.display().to_string()
                });
            let marker = if self.files.dirty { " (changed)" } else { "" };
            ui.label(format!("{file}{marker}"));
            ui.separator();
            ui.label(format!(
                "Quote {} revision {}",
                self.quote.number, self.quote.revision
            ));
            ui.separator();
            let pin = self.book.pin();
            ui.label(format!(
                "Price book {} {} (sha256 {})",
                pin.id,
                pin.version,
                pin.sha256.chars().take(12).collect::<String>()
            ));
            if let Some(status) = &self.files.autosave_status {
                ui.separator();
                ui.weak(status.as_str());
            }
        });
    }

    fn notices_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        for (index, notice) in self.notices.iter().enumerate() {
            let colour = if notice.is_error {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().text_color()
            };
            ui.horizontal(|ui| {
                if ui
                    .small_button("Dismiss")
                    .accessible_name(format!("Dismiss notice {}", index + 1))
                    .clicked()
                {
                    actions.push(Action::DismissNotice(index));
                }
                let prefix = if notice.is_error { "Error: " } else { "" };
                ui.colored_label(colour, format!("{prefix}{}", notice.text));
            });
        }
    }

    /// Records edits made during the frame, runs the actions, autosaves.
    fn after_frame(&mut self, ctx: &egui::Context, actions: Vec<Action>) {
        self.record_edit(ctx);
        for action in actions {
            self.run_action(ctx, action);
        }
        self.record_edit(ctx);
        self.refresh();
        let generation = self.generation;
        files::autosave_tick(ctx, self, generation);
        files::close_request(ctx, self);
        if self.files.job.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(30));
        }
    }

    /// Compares the quote with the recorded one; a difference is an undoable edit.
    fn record_edit(&mut self, ctx: &egui::Context) {
        if self.quote == self.recorded {
            return;
        }
        let control = ctx
            .memory(|memory| memory.focused())
            .or_else(|| ctx.dragged_id());
        let now = ctx.input(|input| input.time);
        let before = std::mem::replace(&mut self.recorded, self.quote.clone());
        self.history.record(before, control, now);
        self.mark_changed();
        ctx.request_repaint();
    }

    /// The quote changed (an edit, undo or redo): price again, remember it is unsaved.
    fn mark_changed(&mut self) {
        self.generation += 1;
        self.files.dirty = true;
        let lines = self.quote.devices.len();
        self.expanded_lines.retain(|line| *line < lines);
    }

    fn run_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Undo => {
                if let Some(previous) = self.history.undo(&self.quote) {
                    self.quote = previous;
                    self.recorded = self.quote.clone();
                    self.mark_changed();
                }
            }
            Action::Redo => {
                if let Some(next) = self.history.redo(&self.quote) {
                    self.quote = next;
                    self.recorded = self.quote.clone();
                    self.mark_changed();
                }
            }
            Action::DismissNotice(index) => {
                if index < self.notices.len() {
                    self.notices.remove(index);
                }
            }
            Action::NewQuote
            | Action::OpenQuote
            | Action::SaveQuote
            | Action::SaveQuoteAs
            | Action::NewRevision
            | Action::LoadBook
            | Action::LoadBookFrom(_)
            | Action::Export(_)
            | Action::ImportCostLines
            | Action::ExportCostXlsx
            | Action::ImportCustomerCosts => files::run_file_action(ctx, self, action),
        }
    }

    /// Replaces the book (after a successful load): the quote stays and is priced again.
    pub(crate) fn replace_book(&mut self, book: LoadedBook) {
        self.book = book;
        self.book_error = None;
        self.generation += 1;
        self.refresh();
    }

    /// Brings in a quote read from a file: pricing, history and file state start over.
    pub(crate) fn adopt_quote(&mut self, quote: Quote, path: Option<PathBuf>) {
        self.replace_quote(quote);
        self.files.path = path;
        self.files.dirty = false;
    }

    /// Makes the quote's file fields (pin, snapshot) current without an undo step.
    pub(crate) fn stamp_for_saving(&mut self) {
        self.quote.price_book_pin = Some(self.book.pin());
        if let Ok(priced) = &self.cache.priced {
            self.quote.priced_snapshot = Some(crate::core::pricing::snapshot_of(priced));
        }
        self.recorded = self.quote.clone();
        self.generation += 1;
    }

    /// Takes the quote as it is now as the recorded one, without an undo step.
    pub(crate) fn recorded_reset(&mut self) {
        self.recorded = self.quote.clone();
        self.generation += 1;
    }

    /// Starts a new, empty quote with one device line.
    pub(crate) fn new_quote(&mut self) {
        let mut quote = Quote::empty(self.today);
        if let (Some(tier), Some(kind)) = (
            self.book.book.tiers.first(),
            self.book.book.device_kinds.first(),
        ) {
            quote.devices.push(DeviceLine {
                tier: tier.id.clone(),
                kind: kind.id.clone(),
                count: 1,
            });
        }
        if let Some(term) = self.book.book.terms.first() {
            quote.term_months = term.months;
        }
        self.adopt_quote(quote, None);
    }
}

fn standard_loaded_book() -> Result<LoadedBook, String> {
    let book = parse_price_book(
        STANDARD_BOOK_RON,
        crate::formats::price_book::STANDARD_BOOK_NAME,
    )
    .map_err(|error| error.to_string())?;
    Ok(LoadedBook {
        book,
        path: None,
        sha256: sha256_hex(STANDARD_BOOK_RON.as_bytes()),
    })
}

pub(crate) fn error_notice(text: impl Into<String>) -> Notice {
    Notice {
        is_error: true,
        text: text.into(),
    }
}

pub(crate) fn info_notice(text: impl Into<String>) -> Notice {
    Notice {
        is_error: false,
        text: text.into(),
    }
}

/// Money for the screen, in the book's currency ("$4,830.00").
pub(crate) fn money(book: &LoadedBook, amount: Decimal) -> String {
    let currency = &book.book.currency;
    crate::core::money::display(amount, &currency.symbol, currency.decimals)
}

/// A value label named for assistive technology (and the tests) by `name`.
pub(crate) fn named_value_ui(ui: &mut egui::Ui, name: &str, value: impl Into<String>) {
    ui.label(value.into()).accessible_name(name);
}

/// A text field for an exact decimal: shows the value, keeps what is typed while the field
/// has focus, and writes the value back only when the text parses.
pub(crate) fn decimal_field_ui(
    ui: &mut egui::Ui,
    id_salt: &str,
    value: &mut Decimal,
    name: &str,
) -> egui::Response {
    let id = ui.make_persistent_id(id_salt);
    let mut text = ui
        .data(|data| data.get_temp::<String>(id))
        .unwrap_or_else(|| value.normalize().to_string());
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .id(id)
                .desired_width(70.0)
                .min_size(egui::vec2(70.0, 0.0)),
        )
        .accessible_name(name);
    if response.has_focus() || response.changed() {
        match text.trim().parse::<Decimal>() {
            Ok(parsed) => {
                if parsed != *value {
                    *value = parsed;
                }
            }
            Err(_) => {
                ui.colored_label(ui.visuals().error_fg_color, "not a number");
            }
        }
        ui.data_mut(|data| data.insert_temp(id, text));
    } else {
        ui.data_mut(|data| data.remove_temp::<String>(id));
    }
    response
}

//! The desktop window: quote live in a meeting, analyse, export.
//!
//! [`QuoteApp`] holds the state; [`QuoteApp::show`] draws one frame into any [`egui::Ui`], so
//! the same code runs in the eframe window ([`run`]) and in headless egui_kittest tests. The
//! window never computes a price: it calls the core's
//! [`evaluate`](crate::core::evaluate::evaluate) when an input changed (never every frame) and
//! shows the result it keeps in a cache (`cache`).

mod actions;
mod cache;
mod contract_tab;
mod cost_tab;
pub mod dialogs;
mod documents_tab;
mod fields;
pub mod files;
pub mod history;
pub mod import_preview;
mod lists;
pub mod meeting_mode;
mod menu;
mod price_book_editor;
mod price_book_tab;
mod quote_options;
mod quote_tab;
mod roi_tab;
mod sample;
mod widgets;
mod window;

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::NaiveDate;
use rust_decimal::Decimal;

pub use dialogs::{DialogAnswer, DialogRequest, FileDialogs, RfdDialogs, ScriptedDialogs};
pub use sample::sample_quote;
pub use window::{WindowOptions, run};

pub(crate) use actions::Action;
pub(crate) use cache::{PricingCache, RoiOptions, TierOption};
pub(crate) use widgets::{decimal_field_ui, money, named_value_ui};

use crate::core::pricing::PricedQuote;
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
    Contract,
    PriceBook,
}

impl Tab {
    /// Every tab, in the order of the tab bar.
    pub const ALL: [Tab; 6] = [
        Tab::Quote,
        Tab::Cost,
        Tab::Roi,
        Tab::Documents,
        Tab::Contract,
        Tab::PriceBook,
    ];

    /// The tab's title in the tab bar.
    pub fn title(self) -> &'static str {
        match self {
            Tab::Quote => "Quote",
            Tab::Cost => "Cost analysis",
            Tab::Roi => "ROI",
            Tab::Documents => "Documents",
            Tab::Contract => "Contract",
            Tab::PriceBook => "Price book",
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
    /// The price-book editor, made when the Price book tab is first shown.
    pub(crate) book_editor: Option<price_book_editor::BookEditor>,
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
            cache: PricingCache::empty(),
            tab: setup.tab,
            meeting_mode: false,
            files,
            notices: Vec::new(),
            book_error: None,
            expanded_lines: BTreeSet::new(),
            today: setup.today,
            documents: documents_tab::DocumentsState::default(),
            roi_discount_rate: crate::core::roi::DEFAULT_DISCOUNT_RATE_PERCENT,
            book_editor: None,
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

    /// Evaluates the quote again (the core does it) if an input changed since the last time.
    fn refresh(&mut self) {
        if self
            .cache
            .is_current(self.generation, self.roi_discount_rate)
        {
            return;
        }
        self.cache.recompute(
            &self.book,
            &self.quote,
            self.generation,
            self.roi_discount_rate,
        );
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
        crate::core::evaluate::stamp_for_saving(
            &mut self.quote,
            self.book.pin(),
            self.cache.priced.as_ref().ok(),
        );
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

//! The window's cache of the evaluation: rebuilt by the core ([`evaluate`]) only when an input
//! changed, read by the tabs every frame.

use rust_decimal::Decimal;

use crate::core::cost::CostBreakdown;
use crate::core::evaluate::{EvaluationSettings, EvaluationWarning, WarningSource, evaluate};
use crate::core::options::PricedOptions;
use crate::core::pricing::PricedQuote;
use crate::core::quote::Quote;
use crate::formats::price_book::LoadedBook;

pub use crate::core::evaluate::RoiComparison as RoiOptions;

/// The quote priced at one tier: every device line moved to that tier.
#[derive(Debug, Clone)]
pub struct TierOption {
    pub tier_id: String,
    pub tier_name: String,
    pub priced: Result<PricedQuote, String>,
}

/// What the evaluation of the current inputs gave; rebuilt only when an input changed. The
/// errors are kept as the one-line text the window shows.
#[derive(Debug, Clone)]
pub(crate) struct PricingCache {
    /// The input generation this was computed for.
    pub(super) generation: u64,
    pub(crate) priced: Result<PricedQuote, String>,
    pub(crate) tiers: Vec<TierOption>,
    /// Internal reserve per month (analyst-only).
    pub(crate) reserve_monthly: Decimal,
    /// The cost analysis of the quote, when it has one (analyst-only).
    pub(crate) cost: Option<Result<CostBreakdown, String>>,
    /// The ROI of the quote as it is and of every tier, when the customer's costs are known.
    pub(crate) roi: Option<Result<RoiOptions, String>>,
    /// The quote's components, phases and package, priced by the core, when it has any.
    pub(crate) options: Option<Result<PricedOptions, String>>,
    /// The priced quote combined with its options (what the customer pays), when it has any.
    pub(crate) combined: Option<PricedQuote>,
    /// Every warning of the evaluation, each once.
    pub(crate) warnings: Vec<EvaluationWarning>,
    /// The discount rate the ROI was computed at.
    pub(super) discount_rate: Decimal,
    /// How many times the quote was evaluated since the app started (tests check caching).
    pub(crate) recomputations: u64,
}

impl PricingCache {
    /// A cache that holds nothing yet (computed at the first refresh).
    pub(super) fn empty() -> Self {
        PricingCache {
            generation: u64::MAX,
            priced: Err(String::new()),
            tiers: Vec::new(),
            reserve_monthly: Decimal::ZERO,
            cost: None,
            roi: None,
            options: None,
            combined: None,
            warnings: Vec::new(),
            discount_rate: Decimal::ZERO,
            recomputations: 0,
        }
    }

    /// Whether the cache holds the evaluation of `generation` at `discount_rate`.
    pub(super) fn is_current(&self, generation: u64, discount_rate: Decimal) -> bool {
        self.generation == generation && self.discount_rate == discount_rate
    }

    /// Evaluates `quote` with `book` (the core does every computation) and keeps the result.
    pub(super) fn recompute(
        &mut self,
        book: &LoadedBook,
        quote: &Quote,
        generation: u64,
        discount_rate: Decimal,
    ) {
        let settings = EvaluationSettings {
            roi_discount_rate_percent: discount_rate,
            book_pin: Some(book.pin()),
        };
        let evaluation = evaluate(&book.book, quote, &settings);
        let text = |error: &dyn std::fmt::Display| error.to_string();
        *self = PricingCache {
            generation,
            priced: evaluation.priced.map_err(|error| text(&error)),
            tiers: evaluation
                .tiers
                .into_iter()
                .map(|tier| TierOption {
                    tier_id: tier.tier_id,
                    tier_name: tier.tier_name,
                    priced: tier.priced.map_err(|error| text(&error)),
                })
                .collect(),
            reserve_monthly: evaluation.reserve_monthly,
            cost: evaluation
                .cost
                .map(|cost| cost.map_err(|error| text(&error))),
            roi: evaluation.roi.map(|roi| roi.map_err(|error| text(&error))),
            options: evaluation
                .options
                .map(|options| options.map_err(|error| text(&error))),
            combined: evaluation.combined,
            warnings: evaluation.warnings,
            discount_rate,
            recomputations: self.recomputations + 1,
        };
    }

    /// The warnings of one part of the evaluation (the ROI's: options left out, an avoided
    /// hire after the term).
    pub(crate) fn warnings_from(&self, source: WarningSource) -> impl Iterator<Item = &str> {
        self.warnings
            .iter()
            .filter(move |warning| warning.source == source)
            .map(|warning| warning.message.as_str())
    }
}

/// The warnings of `source` as labels, each named "Warning" for assistive technology.
pub(crate) fn evaluation_warnings_ui(
    ui: &mut egui::Ui,
    cache: &PricingCache,
    source: WarningSource,
) {
    for message in cache.warnings_from(source) {
        ui.colored_label(ui.visuals().warn_fg_color, format!("Warning: {message}"))
            .accessible_name(format!("Warning: {message}"));
    }
}

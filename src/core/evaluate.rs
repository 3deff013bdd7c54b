//! One evaluation of a quote: every figure and every warning the window, the command line and
//! the documents show, computed once by the core.
//!
//! [`evaluate`] prices the quote (with the re-pricing warnings of its pin and snapshot), prices
//! its pricing options and combines them (what the customer pays), prices the quote at every
//! tier of the book ([`Quote::at_tier`]), sums the internal reserve, runs the cost analysis and
//! the ROI (every option side by side), and collects every warning once. Each part keeps its
//! own typed error: a cost analysis that fails never hides the price.

use rust_decimal::Decimal;

use crate::core::contract::{ContractBooks, ContractError, ContractSchedule, contract_schedule};
use crate::core::cost::{CostBreakdown, CostError, analyse_cost};
use crate::core::money::{AmountTooLarge, Checked};
use crate::core::options::{OptionError, PricedOptions, price_quote_options, priced_with_options};
use crate::core::price_book::PriceBook;
use crate::core::pricing::{
    PricedQuote, PricingError, price_quote, repricing_warnings, snapshot_of,
};
use crate::core::quote::{ContractTerms, PriceBookPin, Quote};
use crate::core::roi::{
    DEFAULT_DISCOUNT_RATE_PERCENT, RoiOption, RoiOptionKind, RoiPricingError, RoiResult,
    roi_options, roi_over_series,
};

/// What an evaluation needs besides the book and the quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvaluationSettings {
    /// The annual discount rate of the ROI's NPV, percent (compounded monthly).
    pub roi_discount_rate_percent: Decimal,
    /// The pin of the book in use (id, version, sha256 of its file): a quote pinned to another
    /// book gets re-pricing warnings. `None` compares nothing.
    pub book_pin: Option<PriceBookPin>,
}

impl Default for EvaluationSettings {
    /// The default discount rate ([`DEFAULT_DISCOUNT_RATE_PERCENT`]), no book pin.
    fn default() -> Self {
        EvaluationSettings {
            roi_discount_rate_percent: DEFAULT_DISCOUNT_RATE_PERCENT,
            book_pin: None,
        }
    }
}

/// The quote priced at one tier of the book: every device line moved to that tier.
#[derive(Debug, Clone, PartialEq)]
pub struct TierEvaluation {
    pub tier_id: String,
    pub tier_name: String,
    pub priced: Result<PricedQuote, PricingError>,
}

/// The ROI of every option (each tier in book order, then the quote as it is), and the
/// options left out with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoiComparison {
    pub options: Vec<RoiOption>,
    pub left_out: Vec<String>,
}

impl RoiComparison {
    /// The ROI of the quote as it is (what the customer pays, options included).
    pub fn quote_as_is(&self) -> Option<&RoiResult> {
        self.option(&RoiOptionKind::QuoteAsIs)
    }

    /// The ROI of the quote moved to the tier `tier_id`.
    pub fn at_tier(&self, tier_id: &str) -> Option<&RoiResult> {
        self.option(&RoiOptionKind::Tier(tier_id.to_string()))
    }

    fn option(&self, kind: &RoiOptionKind) -> Option<&RoiResult> {
        self.options
            .iter()
            .find(|option| &option.kind == kind)
            .map(|option| &option.roi)
    }
}

/// Which part of the evaluation a warning comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningSource {
    /// The pricing engine, including the re-pricing warnings (also in `priced.warnings`,
    /// where the quote's fields show them).
    Pricing,
    /// The cost analysis (also in the breakdown's warnings).
    Cost,
    /// The ROI: a tier option left out (also in [`RoiComparison::left_out`]).
    RoiLeftOut,
    /// The ROI: an avoided hire that starts after the term.
    Roi,
}

/// One warning of the evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvaluationWarning {
    pub source: WarningSource,
    pub message: String,
}

/// Everything the views show about one quote, computed once.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// The priced quote (tiers and add-ons only), with the re-pricing warnings of its pin and
    /// snapshot; or why it cannot be priced.
    pub priced: Result<PricedQuote, PricingError>,
    /// The quote's pricing options priced; `None` when it has none or it cannot be priced.
    pub options: Option<Result<PricedOptions, OptionError>>,
    /// What the customer pays: the priced quote combined with its options; `None` when it has
    /// no options (then it pays `priced`) or they cannot be priced.
    pub combined: Option<PricedQuote>,
    /// The quote at every tier of the book, in book order.
    pub tiers: Vec<TierEvaluation>,
    /// The internal reserve per month of the quote's device lines (internal, never shown to
    /// the customer), in the book's currency; zero, with a cost warning, when it is too large
    /// to compute exactly.
    pub reserve_monthly: Decimal,
    /// The cost analysis, when the quote has one (internal).
    pub cost: Option<Result<CostBreakdown, CostError>>,
    /// The ROI of every option, when the customer's costs are known (the quote as it is pays
    /// the amended contract when it has amendments).
    pub roi: Option<Result<RoiComparison, RoiPricingError>>,
    /// The quote priced as a contract (calendar, amendments, renewal), when it can be priced
    /// and has contract terms (`None` for a plain quote).
    pub contract: Option<Result<ContractSchedule, ContractError>>,
    /// What the amended contract pays (the configuration in force at the end, the amended
    /// schedule, options included), when it has amendments or renews a contract.
    pub amended: Option<PricedQuote>,
    /// Every warning of every part, each once, in the order pricing, cost, ROI.
    pub warnings: Vec<EvaluationWarning>,
    /// The settings the evaluation was made with.
    pub settings: EvaluationSettings,
}

impl Evaluation {
    /// What the customer pays: the amended contract when it has amendments (or renews a
    /// contract), else the quote combined with its options when it has any, else the priced
    /// quote; `None` when the quote cannot be priced.
    pub fn as_paid(&self) -> Option<&PricedQuote> {
        self.amended
            .as_ref()
            .or(self.combined.as_ref())
            .or(self.priced.as_ref().ok())
    }

    /// The quote at the tier `tier_id`, priced.
    pub fn at_tier(&self, tier_id: &str) -> Option<&TierEvaluation> {
        self.tiers.iter().find(|tier| tier.tier_id == tier_id)
    }

    /// The warnings of one part of the evaluation.
    pub fn warnings_from(&self, source: WarningSource) -> impl Iterator<Item = &str> {
        self.warnings
            .iter()
            .filter(move |warning| warning.source == source)
            .map(|warning| warning.message.as_str())
    }

    /// The quote as it is saved: pinned to `pin` and carrying the snapshot of its priced
    /// figures (when it can be priced), so a later re-pricing can report what changed.
    pub fn stamped_for_saving(&self, quote: &Quote, pin: PriceBookPin) -> Quote {
        let mut quote = quote.clone();
        stamp_for_saving(&mut quote, pin, self.priced.as_ref().ok());
        quote
    }
}

/// Pins `quote` to `pin` and stores the snapshot of `priced` (when given): the one
/// pin-and-snapshot step before a quote is saved.
pub fn stamp_for_saving(quote: &mut Quote, pin: PriceBookPin, priced: Option<&PricedQuote>) {
    quote.price_book_pin = Some(pin);
    if let Some(priced) = priced {
        quote.priced_snapshot = Some(snapshot_of(priced));
    }
}

/// Evaluates `quote` with `book`: every figure and warning the views show.
///
/// Pure: no I/O, no clock. A part that fails keeps its typed error and the others are still
/// computed (the options and the combined totals need the priced quote).
pub fn evaluate(book: &PriceBook, quote: &Quote, settings: &EvaluationSettings) -> Evaluation {
    let mut priced = price_quote(book, quote);
    if let (Ok(priced), Some(pin)) = (priced.as_mut(), settings.book_pin.as_ref()) {
        let repricing = repricing_warnings(
            quote.price_book_pin.as_ref(),
            quote.priced_snapshot.as_ref(),
            pin,
            priced,
        );
        priced.warnings.extend(repricing);
    }
    let tiers = book
        .tiers
        .iter()
        .map(|tier| TierEvaluation {
            tier_id: tier.id.clone(),
            tier_name: tier.name.clone(),
            priced: price_quote(book, &quote.for_pricing_at_tier(&tier.id)),
        })
        .collect();
    let options = match &priced {
        Ok(priced) if !quote.options.is_empty() => {
            Some(price_quote_options(book, &quote.options, priced))
        }
        _ => None,
    };
    let combined = match (&priced, &options) {
        (Ok(priced), Some(Ok(options))) => priced_with_options(priced, options).ok(),
        _ => None,
    };
    let cost = quote
        .cost_analysis
        .as_ref()
        .map(|analysis| analyse_cost(book, quote, analysis));
    // Only a quote with contract terms (a start date, amendments, a renewal) is priced as a
    // contract: a plain quote is not priced twice.
    let contract = priced
        .as_ref()
        .ok()
        .filter(|_| quote.contract != ContractTerms::default())
        .map(|_| contract_schedule(ContractBooks::single(book), quote));
    // A contract with amendments, or a renewal (no setup fee), pays its contract schedule.
    let amended = match &contract {
        Some(Ok(contract)) if quote.contract.changes_the_schedule() => {
            Some(contract.as_priced_quote())
        }
        _ => None,
    };
    let roi = quote.customer_costs.as_ref().map(|costs| {
        let (mut options, left_out) =
            roi_options(book, quote, costs, settings.roi_discount_rate_percent)?;
        if let Some(paid) = &amended {
            pay_the_contract(&mut options, costs, paid, settings, book)?;
        }
        Ok::<_, RoiPricingError>(RoiComparison { options, left_out })
    });
    let mut warnings = collect_warnings(quote, &priced, cost.as_ref(), roi.as_ref());
    let reserve_monthly = reserve_monthly(book, quote).unwrap_or_else(|error| {
        warnings.push(EvaluationWarning {
            source: WarningSource::Cost,
            message: format!("the internal reserve is not shown: {error}"),
        });
        Decimal::ZERO
    });
    Evaluation {
        priced,
        options,
        combined,
        tiers,
        reserve_monthly,
        cost,
        roi,
        contract,
        amended,
        warnings,
        settings: settings.clone(),
    }
}

/// The ROI of the quote as it is, over what the amended contract pays.
fn pay_the_contract(
    options: &mut [RoiOption],
    costs: &crate::core::roi::CustomerCosts,
    paid: &PricedQuote,
    settings: &EvaluationSettings,
    book: &PriceBook,
) -> Result<(), AmountTooLarge> {
    let decimals = book.currency.decimals;
    let series = costs.series(paid.term_months, decimals)?;
    for option in options
        .iter_mut()
        .filter(|option| option.kind == RoiOptionKind::QuoteAsIs)
    {
        option.monthly_recurring = paid.monthly_recurring;
        option.total_contract_value = paid.total_contract_value;
        option.roi = roi_over_series(
            &series,
            &paid.schedule,
            settings.roi_discount_rate_percent,
            decimals,
        )?;
    }
    Ok(())
}

/// The internal reserve per month of the quote's device lines: each line's count times its
/// tier's reserve per device (a line of an unknown tier reserves nothing).
///
/// # Errors
/// [`AmountTooLarge`] naming the tier's reserve when the sum overflows.
pub fn reserve_monthly(book: &PriceBook, quote: &Quote) -> Result<Decimal, AmountTooLarge> {
    quote
        .devices
        .iter()
        .filter_map(|line| {
            let tier = book.tier(&line.tier)?;
            Some(
                (Checked::from(tier.internal_reserve_per_device) * line.count)
                    .or_too_large_with(|| format!("tiers.{}.internal_reserve_per_device", tier.id)),
            )
        })
        .sum::<Result<Checked, AmountTooLarge>>()?
        .or_too_large("the internal reserve of the device lines")
}

/// The evaluation's warnings, each once: pricing, cost, then ROI (options left out, an
/// avoided hire that starts after the term).
fn collect_warnings(
    quote: &Quote,
    priced: &Result<PricedQuote, PricingError>,
    cost: Option<&Result<CostBreakdown, CostError>>,
    roi: Option<&Result<RoiComparison, RoiPricingError>>,
) -> Vec<EvaluationWarning> {
    let mut warnings: Vec<EvaluationWarning> = Vec::new();
    let mut push = |source: WarningSource, message: String| {
        if !warnings
            .iter()
            .any(|warning| warning.source == source && warning.message == message)
        {
            warnings.push(EvaluationWarning { source, message });
        }
    };
    if let Ok(priced) = priced {
        for warning in &priced.warnings {
            push(WarningSource::Pricing, warning.message.clone());
        }
    }
    if let Some(Ok(breakdown)) = cost {
        for warning in &breakdown.warnings {
            push(WarningSource::Cost, warning.message.clone());
        }
    }
    if let Some(Ok(roi)) = roi {
        for reason in &roi.left_out {
            push(WarningSource::RoiLeftOut, reason.clone());
        }
    }
    if let Some(costs) = &quote.customer_costs
        && let Some(hire) = &costs.avoided_hire
        && hire.start_month > quote.term_months
    {
        push(
            WarningSource::Roi,
            avoided_hire_after_term(hire.start_month, quote.term_months),
        );
    }
    warnings
}

/// "the avoided hire starts in month 30, after the 24-month term: it saves nothing here".
pub fn avoided_hire_after_term(start_month: u32, term_months: u32) -> String {
    format!(
        "the avoided hire starts in month {start_month}, after the {term_months}-month term: it saves nothing here"
    )
}

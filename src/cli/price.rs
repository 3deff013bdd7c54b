//! `msp-quote price`: price a quote and print it as a table or JSON.

use std::path::PathBuf;

use clap::Args;

use super::quote_args::QuoteArgs;
use super::table::{Align, TextTable, counted, summary, warning_lines};
use super::{CliError, OutputFormat};
use crate::core::money::percent_text;
use crate::core::pricing::PricedQuote;
use crate::core::roi::DEFAULT_DISCOUNT_RATE_PERCENT;
use crate::formats::json::contract::contract_json;
use crate::formats::json::export::StreamedObject;
use crate::formats::quote::save_quote;

/// Arguments of `price`.
#[derive(Debug, Args)]
pub struct PriceArgs {
    #[command(flatten)]
    pub quote: QuoteArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Also save the quote (with its price-book pin and priced figures) to this RON file.
    #[arg(long, value_name = "QUOTE.ron")]
    pub save: Option<PathBuf>,
    /// Components, phases and complete packages priced beside the quote's tiers.
    #[command(flatten)]
    pub options: super::options::PriceOptionArgs,
}

/// Runs `price`.
///
/// # Errors
/// A one-line [`CliError`] for bad input or an unwritable `--save` path.
pub fn run(args: &PriceArgs) -> Result<String, CliError> {
    let inputs = args
        .quote
        .resolve_with(DEFAULT_DISCOUNT_RATE_PERCENT, |quote| {
            quote.options = args.options.override_options(&quote.options);
        })?;
    let options = super::options::price_options(&inputs)?;
    if let Some(path) = &args.save {
        let quote = inputs
            .evaluation
            .stamped_for_saving(&inputs.quote, inputs.loaded.pin());
        save_quote(path, &quote)
            .map_err(|error| CliError::new(format!("cannot write {}: {error}", path.display())))?;
    }
    Ok(match args.format {
        OutputFormat::Json => {
            // The device lines are turned into JSON one at a time as the text is written (no
            // tree of the whole quote); the bytes are those of the tree (keys sorted).
            let pin = inputs.loaded.pin();
            let mut streamed = StreamedObject::price(&inputs.priced, &pin);
            super::options::add_options_json(&mut streamed.summary, options.as_ref());
            if let (Some(contract), serde_json::Value::Object(map)) =
                (&inputs.contract, &mut streamed.summary)
            {
                map.insert("contract".to_string(), contract_json(contract));
            }
            super::json_text(&streamed)?
        }
        OutputFormat::Text => {
            let contract = match &inputs.contract {
                Some(contract) if inputs.quote.contract != Default::default() => {
                    format!(
                        "\n{}",
                        super::contract_files::contract_months_table(contract)
                    )
                }
                _ => String::new(),
            };
            price_table(&inputs.priced)
                + &super::options::options_table(options.as_ref(), &inputs.priced.currency)
                + &contract
        }
    })
}

/// The priced quote as a readable table.
pub fn price_table(priced: &PricedQuote) -> String {
    let money = |amount| priced.currency.money(amount);
    let mut lines = TextTable::new(&[
        ("Line", Align::Left),
        ("Count", Align::Right),
        ("List", Align::Right),
        ("Discount", Align::Right),
        ("Net unit", Align::Right),
        ("Monthly", Align::Right),
    ]);
    for line in &priced.lines {
        let discount = if line.extra_discount_percent.is_zero() {
            format!("{}%", percent_text(line.discount_percent))
        } else {
            format!(
                "{}+{}%",
                percent_text(line.discount_percent),
                percent_text(line.extra_discount_percent)
            )
        };
        lines.row([
            format!("{} {}", line.tier_name, line.kind_name),
            line.count.to_string(),
            money(line.unit_list),
            discount,
            money(line.unit_net),
            money(line.monthly),
        ]);
    }
    for addon in &priced.addons {
        lines.row([
            addon.name.clone(),
            addon.quantity.to_string(),
            money(addon.unit_list),
            format!("{}%", percent_text(addon.discount_percent)),
            money(addon.unit_net),
            money(addon.monthly),
        ]);
    }
    let mut totals = vec![
        (
            "Monthly recurring".to_string(),
            money(priced.monthly_recurring),
        ),
        (
            format!("Setup fee ({})", priced.setup_mode.name()),
            money(priced.setup_fee),
        ),
        ("First invoice".to_string(), money(priced.first_invoice())),
    ];
    for credit in &priced.credits {
        totals.push((
            format!("Credit, month {}", credit.month),
            money(-credit.amount),
        ));
    }
    totals.extend([
        (
            "Term".to_string(),
            counted(priced.term_months, "month", "months"),
        ),
        (
            "Total contract value".to_string(),
            money(priced.total_contract_value),
        ),
        (
            "Effective monthly".to_string(),
            money(priced.effective_monthly),
        ),
    ]);
    let mut out = lines.render();
    out.push('\n');
    out.push_str(&summary(totals));
    out.push_str(&warning_lines(priced.warnings.iter().map(|w| &w.message)));
    out
}

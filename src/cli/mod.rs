//! The command-line interface: raw arguments parsed once by clap into validated values, each
//! subcommand a thin adapter over the core. Bad input exits 2 with one line on stderr.

pub mod amend;
pub mod check;
pub mod contract_documents;
pub mod contract_files;
pub mod cost;
pub mod documents;
pub mod export;
pub mod options;
pub mod price;
pub mod price_book;
pub mod quote_args;
pub mod renew;
pub mod roi;
pub mod table;
pub mod template;
pub mod terminate;
pub mod window;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Prices managed IT services: tiers, quantity discounts, term credits, cost-plus, ROI,
/// proposals and SOW pricing appendices. Without a subcommand, opens the window.
#[derive(Debug, Parser)]
#[command(name = "msp-quote", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub window: window::WindowArgs,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Price a quote (a file, flags, or both) and print the result.
    Price(price::PriceArgs),
    /// Validate a price book: print every error (exit 2) or its warnings (exit 0).
    CheckPriceBook(check::CheckArgs),
    /// Make the price book yours: export / import a spreadsheet, diff two versions, adjust prices.
    PriceBook(price_book::PriceBookArgs),
    /// Cost-plus analysis of a quote: per-device fee, margins, tier comparison (internal).
    Cost(cost::CostArgs),
    /// Compare the customer's current costs with the contract: ROI, payback, NPV, options.
    Roi(roi::RoiArgs),
    /// Write a spreadsheet template (cost-analysis, customer-costs) that the importer reads back.
    Template(template::TemplateArgs),
    /// Estimate time-and-materials work from items, billed in whole increments.
    Tm(options::TmArgs),
    /// Price an assessment from the infrastructure's type, servers and locations.
    Assessment(options::AssessmentArgs),
    /// Show the support-hour ledger: included support and banked flex hours, month by month.
    Ledger(options::LedgerArgs),
    /// Write the customer proposal (PDF) for a quote.
    Proposal(documents::DocumentArgs),
    /// Write the SOW pricing appendix (PDF) for a quote.
    Appendix(documents::DocumentArgs),
    /// Evaluate a quote once and write any of its proposal, appendix, cost workbook and JSON.
    Export(export::ExportArgs),
    /// Amend a signed contract from a date: new configuration, proration, reduction fee.
    Amend(amend::AmendArgs),
    /// What ending a contract after a month costs: damages, unbilled setup, credits lost.
    Terminate(terminate::TerminateArgs),
    /// A renewal quote for the devices in force at the end of a contract.
    Renew(renew::RenewArgs),
}

/// Output format of the reporting commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

/// A user-facing failure: printed as `error: {message}` on stderr, exit code 2.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct CliError {
    pub message: String,
}

impl CliError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Self {
        CliError {
            message: message.into(),
        }
    }
}

/// `value` as pretty JSON text with a final newline: what `--format json` prints.
///
/// # Errors
/// A [`CliError`] when `value` cannot be written as JSON.
pub(crate) fn json_text(value: &impl serde::Serialize) -> Result<String, CliError> {
    let mut text = serde_json::to_string_pretty(value)
        .map_err(|error| CliError::new(format!("cannot write the JSON: {error}")))?;
    text.push('\n');
    Ok(text)
}

/// What a run produced: text for stdout, or an error for stderr.
pub enum Outcome {
    /// Print this to stdout and exit 0.
    Output(String),
    /// No subcommand: the caller opens the window with these options.
    OpenWindow(window::WindowArgs),
}

thread_local! {
    /// Warnings for stderr, printed only when the command succeeds (an error stays one line).
    static WARNINGS_ON_SUCCESS: std::cell::RefCell<Vec<String>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Queues `message` for stderr, printed as `warning: {message}` after the command's output
/// when it succeeds; dropped when it fails.
pub fn warn_on_success(message: impl Into<String>) {
    WARNINGS_ON_SUCCESS.with(|warnings| warnings.borrow_mut().push(message.into()));
}

/// The queued warnings, emptying the queue.
fn take_warnings() -> Vec<String> {
    WARNINGS_ON_SUCCESS.with(|warnings| std::mem::take(&mut *warnings.borrow_mut()))
}

/// Parses `args` (including the program name) and runs the subcommand.
///
/// # Errors
/// A [`CliError`] for any bad input; clap's help and version output come back as `Output`.
pub fn run_with_args<I, T>(args: I) -> Result<Outcome, CliError>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    take_warnings();
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            use clap::error::ErrorKind;
            return match error.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    Ok(Outcome::Output(error.render().to_string()))
                }
                _ => Err(CliError::new(first_line_of_clap_error(&error))),
            };
        }
    };
    let Some(command) = cli.command else {
        if cli.window.screenshot.is_some()
            && let Some(path) = &cli.window.quote
        {
            // A screenshot run has no one to show an error to: a quote the window could not
            // open is refused here, as every command refuses it.
            crate::formats::quote::load_quote(path)
                .map_err(|error| CliError::new(error.one_line()))?;
        }
        return Ok(Outcome::OpenWindow(cli.window));
    };
    let output = match command {
        Command::Price(args) => price::run(&args)?,
        Command::CheckPriceBook(args) => check::run(&args)?,
        Command::PriceBook(args) => price_book::run(&args)?,
        Command::Cost(args) => cost::run(&args)?,
        Command::Roi(args) => roi::run(&args)?,
        Command::Template(args) => template::run(&args)?,
        Command::Tm(args) => options::run_tm(&args)?,
        Command::Assessment(args) => options::run_assessment(&args)?,
        Command::Ledger(args) => options::run_ledger(&args)?,
        Command::Proposal(args) => documents::run(&args, documents::DocumentKind::Proposal)?,
        Command::Appendix(args) => documents::run(&args, documents::DocumentKind::Appendix)?,
        Command::Export(args) => export::run(&args)?,
        Command::Amend(args) => amend::run(&args)?,
        Command::Terminate(args) => terminate::run(&args)?,
        Command::Renew(args) => renew::run(&args)?,
    };
    Ok(Outcome::Output(output))
}

/// clap's message as one line: its first paragraph, lines joined, then its tips in brackets,
/// without the usage block ("the following required arguments were not provided: --reason
/// <TEXT>").
fn first_line_of_clap_error(error: &clap::Error) -> String {
    let rendered = error.render().to_string();
    let paragraph: Vec<&str> = rendered
        .lines()
        .skip_while(|line| line.trim().is_empty())
        .take_while(|line| !line.trim().is_empty())
        .map(str::trim)
        .collect();
    let tips = rendered
        .lines()
        .map(str::trim)
        .filter(|line| line.starts_with("tip:"));
    let line = std::iter::once(paragraph.join(" "))
        .chain(tips.map(|tip| format!("({tip})")))
        .collect::<Vec<_>>()
        .join(" ");
    let line = line.trim_start_matches("error: ").trim();
    if line.is_empty() {
        "invalid arguments (see --help)".to_string()
    } else {
        line.to_string()
    }
}

/// Runs the command line of this process; `open_window` is called when no subcommand is given.
pub fn main_with(open_window: impl FnOnce(crate::app::WindowOptions) -> ExitCode) -> ExitCode {
    match run_with_args(std::env::args_os()) {
        Ok(Outcome::Output(text)) => {
            print!("{text}");
            for warning in take_warnings() {
                eprintln!("warning: {warning}");
            }
            ExitCode::SUCCESS
        }
        Ok(Outcome::OpenWindow(args)) => open_window(args.options()),
        Err(error) => {
            for line in error.message.lines() {
                eprintln!("error: {}", table::printable(line));
            }
            ExitCode::from(2)
        }
    }
}

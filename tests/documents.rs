//! The PDF proposal and SOW pricing appendix: figures equal the engine's to the cent, the
//! files are reproducible, tables paginate cleanly, and nothing internal leaks.
//!
//! Text is extracted in-process with pdf-extract (no external tools).

use std::path::PathBuf;
use std::process::Command;

use chrono::NaiveDate;
use msp_quote::core::cost::{
    Acquisition, CostAnalysis, HardwareLine, SoftwareBasis, SoftwareBilling, SoftwareLine,
    analyse_cost,
};
use msp_quote::core::evaluate::{EvaluationSettings, evaluate};
use msp_quote::core::money::display;
use msp_quote::core::pricing::{PricedQuote, price_quote};
use msp_quote::core::quote::{AddOnLine, Customer, DeviceLine, Quote, SetupMode};
use msp_quote::documents::{
    DEFAULT_FONT, DocumentAssets, DocumentError, DocumentInputs, RoiFigures, render_appendix,
    render_proposal,
};
use msp_quote::formats::price_book::{
    LoadedBook, STANDARD_BOOK_RON, parse_price_book, sha256_hex, standard_book,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

const BIN: &str = env!("CARGO_BIN_EXE_msp-quote");

/// A fresh, empty scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("msp-quote-documents-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the binary with a pinned SOURCE_DATE_EPOCH (2026-03-02), so flag-built quotes are dated.
fn run(args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1772409600")
        .output()
        .unwrap()
}

/// The document's text with every run of whitespace (line and page breaks included) folded
/// into one space, so a phrase wrapped across lines is still found.
fn text_of(bytes: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(bytes).unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pages_of(bytes: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(bytes).unwrap()
}

fn page_count(bytes: &[u8]) -> usize {
    pages_of(bytes).len()
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn quote(devices: &[(&str, u32)], term: u32) -> Quote {
    let mut quote = Quote::empty(date("2026-03-02"));
    quote.number = "Q-2026-0042".to_string();
    quote.revision = 2;
    quote.customer = Customer {
        name: "Contoso Dental".to_string(),
        contact: "Dana Reyes".to_string(),
        sites: 1,
        users: 40,
        desktops: 35,
    };
    quote.devices = devices
        .iter()
        .map(|(tier, count)| DeviceLine {
            tier: (*tier).to_string(),
            kind: "server".to_string(),
            count: *count,
        })
        .collect();
    quote.term_months = term;
    quote
}

#[derive(Debug)]
enum Kind {
    Proposal,
    Appendix,
}

fn render_with(
    kind: &Kind,
    loaded: &LoadedBook,
    quote: &Quote,
    roi: Option<&RoiFigures>,
    assets: DocumentAssets,
) -> Result<Vec<u8>, DocumentError> {
    let evaluation = evaluate(&loaded.book, quote, &EvaluationSettings::default());
    let pin = loaded.pin();
    let inputs = DocumentInputs {
        book: &loaded.book,
        book_pin: &pin,
        quote,
        evaluation: &evaluation,
        roi,
        assets,
    };
    match kind {
        Kind::Proposal => render_proposal(&inputs),
        Kind::Appendix => render_appendix(&inputs),
    }
}

fn render(kind: &Kind, loaded: &LoadedBook, quote: &Quote) -> Vec<u8> {
    render_with(kind, loaded, quote, None, DocumentAssets::standard()).unwrap()
}

#[test]
fn acceptance_proposal_shows_customer_monthly_fee_and_contract_value() {
    let dir = scratch("acceptance");
    let out = dir.join("p.pdf");
    let output = run(&[
        "proposal",
        "--device",
        "silver:server=7",
        "--term",
        "24",
        "--customer",
        "Contoso Dental",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let text = text_of(&bytes);
    // pricing-rules.md 9.1: 750 x 0.92 = 690.00 a server; x 7 = 4,830.00 a month; first
    // invoice 4,830.00 + 1,000.00 setup = 5,830.00; TCV 4,830.00 x 24 + 1,000.00 - 1,200.00
    // = 115,720.00.
    for expected in [
        "Contoso Dental",
        "$4,830.00",
        "$115,720.00",
        "$5,830.00",
        "$690.00",
    ] {
        assert!(text.contains(expected), "proposal lacks {expected}");
    }
}

#[test]
fn the_same_command_twice_gives_identical_bytes() {
    let dir = scratch("twice");
    let mut files = Vec::new();
    for (index, command) in ["proposal", "proposal", "appendix", "appendix"]
        .iter()
        .enumerate()
    {
        let out = dir.join(format!("{index}.pdf"));
        let output = run(&[
            command,
            "--device",
            "silver:server=7",
            "--term",
            "24",
            "--customer",
            "Contoso Dental",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(output.status.success());
        files.push(std::fs::read(&out).unwrap());
    }
    assert_eq!(files[0], files[1], "proposal differs between runs");
    assert_eq!(files[2], files[3], "appendix differs between runs");
    // In one process too (printpdf's id generator is process-global state).
    let loaded = standard_book().unwrap();
    let quote = quote(&[("silver", 7)], 24);
    assert_eq!(
        render(&Kind::Proposal, &loaded, &quote),
        render(&Kind::Proposal, &loaded, &quote)
    );
    assert_eq!(
        render(&Kind::Appendix, &loaded, &quote),
        render(&Kind::Appendix, &loaded, &quote)
    );
}

#[test]
fn acceptance_appendix_states_credit_rates_increment_late_fee_and_damages() {
    let dir = scratch("appendix");
    let out = dir.join("a.pdf");
    let output = run(&[
        "appendix",
        "--device",
        "silver:server=7",
        "--term",
        "24",
        "--customer",
        "Contoso Dental",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = text_of(&std::fs::read(&out).unwrap());
    let cases = [
        // pricing-rules.md 3: 24 months, $1,200 credit in month 24.
        ("credit in month 24", "$1,200.00 in month 24"),
        // month 24: 4,830.00 - 1,200.00 = 3,630.00 due.
        ("month 24 due", "$3,630.00"),
        // 1: emergency on-site support $185/hour (Bronze; Silver too).
        ("emergency rate", "$185.00"),
        ("15-minute accrual", "15-minute increments"),
        ("15-minute billing", "15 min"),
        ("late fee", "1.5% per month"),
        // liquidated damages: 3 months (standard book) x 4,830.00 = 14,490.00.
        ("damages amount", "3 x $4,830.00 = $14,490.00"),
        ("damages months", "3 months"),
        // per device: 3 x 690.00 = 2,070.00.
        ("device removal", "3 x $690.00 = $2,070.00"),
        ("flex cap", "160 hours"),
        ("on-site blocks", "blocks of 4 hours"),
        ("patch target", "within 3 business days"),
        ("book id and version", "2026.1"),
        ("book sha256", &sha256_hex(STANDARD_BOOK_RON.as_bytes())),
        ("page footer", "Page 1 of"),
    ];
    for (name, expected) in cases {
        assert!(
            text.contains(expected),
            "case {name}: appendix lacks {expected:?}"
        );
    }
    let pages = pages_of(&std::fs::read(&out).unwrap());
    for (index, page) in pages.iter().enumerate() {
        let footer = format!("Page {} of {}", index + 1, pages.len());
        assert!(
            page.contains(&footer),
            "page {} lacks {footer:?}",
            index + 1
        );
    }
}

#[test]
fn every_key_figure_equals_the_price_commands_json() {
    let dir = scratch("json");
    let args = [
        "--device",
        "silver:server=7",
        "--device",
        "gold:server=2",
        "--term",
        "36",
        "--setup",
        "amortized",
        "--addon",
        "offsite-backup=9",
    ];
    let json = run(&[&["price", "--format", "json"][..], &args[..]].concat());
    assert!(json.status.success());
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let money = |field: &serde_json::Value| {
        display(field.as_str().unwrap().parse::<Decimal>().unwrap(), "$", 2)
    };
    let mut expected = vec![
        money(&value["monthly_recurring"]),
        money(&value["total_contract_value"]),
        money(&value["first_invoice"]),
        money(&value["setup_fee"]),
    ];
    for line in value["lines"].as_array().unwrap() {
        expected.push(money(&line["unit_net"]));
        expected.push(money(&line["monthly"]));
    }
    for month in value["schedule"].as_array().unwrap() {
        expected.push(money(&month["due"]));
    }
    for (command, file) in [("proposal", "p.pdf"), ("appendix", "a.pdf")] {
        let out = dir.join(file);
        let output = run(&[
            &[command][..],
            &args[..],
            &["-o", out.to_str().unwrap()][..],
        ]
        .concat());
        assert!(output.status.success());
        let text = text_of(&std::fs::read(&out).unwrap());
        let checked: &[String] = if command == "appendix" {
            &expected
        } else {
            &expected[..6]
        };
        for amount in checked {
            assert!(text.contains(amount.as_str()), "{command} lacks {amount}");
        }
    }
}

#[test]
fn yearly_totals_and_page_counts_of_the_acceptance_quote() {
    let loaded = standard_book().unwrap();
    let quote = quote(&[("silver", 7)], 24);
    let proposal = render(&Kind::Proposal, &loaded, &quote);
    let appendix = render(&Kind::Appendix, &loaded, &quote);
    let text = text_of(&proposal);
    // Year 1: 4,830.00 x 12 + 1,000.00 = 58,960.00; year 2: 4,830.00 x 12 - 1,200.00 = 56,760.00.
    for expected in [
        "$58,960.00",
        "$56,760.00",
        "Q-2026-0042 rev. 2",
        "1 April 2026",
        "2 March 2026",
    ] {
        assert!(text.contains(expected), "proposal lacks {expected}");
    }
    assert_eq!(page_count(&proposal), 4, "cover, summary, fees, acceptance");
    // Eleven sections since the SLA section (issue 12): the pricing basis moves to page 5.
    assert_eq!(page_count(&appendix), 5);
    assert!(
        proposal.len() < 150 * 1024,
        "proposal is {} bytes",
        proposal.len()
    );
}

#[test]
fn fonts_are_subset_and_the_logo_lossless() {
    let loaded = standard_book().unwrap();
    let bytes = render(&Kind::Proposal, &loaded, &quote(&[("silver", 7)], 24));
    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|window| window == needle);
    assert!(
        contains(b"/MSPQUB+Ubuntu-Light"),
        "font not embedded as a subset"
    );
    assert!(
        contains(b"/ToUnicode"),
        "no ToUnicode map: text would not be searchable"
    );
    assert!(contains(b"/Image"), "no logo image");
    assert!(!contains(b"/DCTDecode"), "logo re-encoded as JPEG");
    // Dated from the quote (2026-03-02), not from the clock.
    assert!(
        contains(b"CreationDate(D:20260302000000+00'00')"),
        "creation date is not the quote's"
    );
}

/// A thousand device lines of one tier and kind are one fee row of 1,000 devices: the
/// documents summarise the lines instead of growing a page per 40 of them.
#[test]
fn a_thousand_device_lines_of_one_tier_and_kind_are_one_fee_row() {
    let loaded = standard_book().unwrap();
    let mut quote = quote(&[], 12);
    quote.devices = (0..1000)
        .map(|_| DeviceLine {
            tier: "silver".to_string(),
            kind: "server".to_string(),
            count: 1,
        })
        .collect();
    for kind in [Kind::Proposal, Kind::Appendix] {
        let bytes = render(&kind, &loaded, &quote);
        assert!(
            page_count(&bytes) < 12,
            "{kind:?}: {} pages",
            page_count(&bytes)
        );
        let text = text_of(&bytes);
        // 1,000 servers: past the last band, 25%: 750 x 0.75 = 562.50 a server; 562,500.00 a month.
        assert_eq!(
            text.matches("Silver managed service, Server").count(),
            1,
            "{kind:?}: {text}"
        );
        assert!(text.contains("1000"), "{kind:?}: the row's quantity");
        assert!(
            text.contains("$562,500.00"),
            "{kind:?}: monthly 562.50 x 1,000"
        );
    }
}

/// Lines that differ in price stay apart: servers at two tiers give two rows, and a line's
/// devices that fall in two discount segments keep a row each.
#[test]
fn device_lines_merge_only_with_lines_of_the_same_tier_kind_and_price() {
    let loaded = standard_book().unwrap();
    let mut quote = quote(&[("silver", 3), ("gold", 2), ("silver", 4)], 12);
    quote.devices.push(DeviceLine {
        tier: "gold".to_string(),
        kind: "server".to_string(),
        count: 1,
    });
    let text = text_of(&render(&Kind::Proposal, &loaded, &quote));
    // 10 servers across the tiers: band 6-10, 8% (pricing-rules section 3, standard book).
    // Silver 750.00 x 0.92 = 690.00, 3 + 4 = 7 servers: 4,830.00.
    // Gold 1,000.00 x 0.92 = 920.00, 2 + 1 = 3 servers: 2,760.00. Together 7,590.00 a month.
    assert_eq!(
        text.matches("Silver managed service, Server").count(),
        1,
        "{text}"
    );
    assert_eq!(
        text.matches("Gold managed service, Server").count(),
        1,
        "{text}"
    );
    for figure in ["$690.00", "$4,830.00", "$920.00", "$2,760.00", "$7,590.00"] {
        assert!(text.contains(figure), "{figure} missing: {text}");
    }
}

/// A fee table longer than a page flows over pages: every page with rows repeats the
/// header, and no row is cut (each shows its list, net and monthly amounts). 300 distinct
/// add-ons (a book may have that many), one of each: 300 rows.
#[test]
fn a_fee_table_of_300_addons_paginates_without_cutting_rows() {
    use msp_quote::core::price_book::{AddOn, AddOnUnit};
    let mut loaded = standard_book().unwrap();
    loaded.book.addons = (0..300)
        .map(|index| AddOn {
            id: format!("service-{index:03}"),
            name: format!("Managed extra service {index:03}"),
            unit: AddOnUnit::Flat,
            monthly_price: dec!(100),
            discountable: false,
        })
        .collect();
    let mut quote = quote(&[("silver", 1)], 12);
    quote.addons = (0..300)
        .map(|index| AddOnLine {
            id: format!("service-{index:03}"),
            quantity: 1,
        })
        .collect();
    // The appendix lists add-ons only in its fee table (the proposal also lists them in its
    // configuration table, without amounts).
    let bytes = render(&Kind::Appendix, &loaded, &quote);
    let pages = pages_of(&bytes);
    assert!(pages.len() > 8, "only {} pages", pages.len());
    assert!(
        pages.len() < 30,
        "{} pages: something is repeated per line",
        pages.len()
    );
    let label = "Managed extra service";
    let mut rows = 0;
    for (index, page) in pages.iter().enumerate() {
        let on_page = page.matches(label).count();
        if on_page > 0 {
            assert!(
                page.contains("Net price"),
                "page {} has rows but no header",
                index + 1
            );
            // A whole row: list, net and monthly, $100.00 each (flat, never discounted).
            assert!(
                page.matches("$100.00").count() >= 3 * on_page,
                "page {}: a row is cut",
                index + 1
            );
        }
        rows += on_page;
    }
    assert_eq!(rows, 300);
    // 300 x 100.00 + one Silver server at 750.00 = 30,750.00 a month.
    assert!(text_of(&bytes).contains("$30,750.00"));
}

/// A thousand lines of one add-on are one row of 1,000, in the fee table and in the
/// proposal's configuration.
#[test]
fn a_thousand_lines_of_one_addon_are_one_row() {
    let loaded = standard_book().unwrap();
    let mut quote = quote(&[("silver", 1)], 12);
    quote.addons = (0..1000)
        .map(|_| AddOnLine {
            id: "quarterly-review".to_string(),
            quantity: 1,
        })
        .collect();
    for kind in [Kind::Proposal, Kind::Appendix] {
        let bytes = render(&kind, &loaded, &quote);
        assert!(
            page_count(&bytes) < 12,
            "{kind:?}: {} pages",
            page_count(&bytes)
        );
        let text = text_of(&bytes);
        let rows = text.matches("Quarterly business review").count();
        // The proposal names it in the configuration and the fee table, the appendix in its
        // fee table.
        let expected = match kind {
            Kind::Proposal => 2,
            Kind::Appendix => 1,
        };
        assert_eq!(rows, expected, "{kind:?}: {text}");
        // 1,000 x 100.00 = 100,000.00 a month, + 750.00 for the server.
        assert!(text.contains("$100,000.00"), "{kind:?}");
        assert!(text.contains("$100,750.00"), "{kind:?}");
    }
}

/// The logo in the PDF is the PNG's pixels, sample for sample: colour in the image, alpha in
/// its soft mask (the logo is deflated once per process and embedded in every document).
#[test]
fn the_logo_in_the_pdf_is_the_pngs_exact_pixels() {
    let loaded = standard_book().unwrap();
    let mut decoder = png::Decoder::new(std::io::Cursor::new(
        msp_quote::documents::STANDARD_LOGO_PNG,
    ))
    .read_info()
    .unwrap();
    let mut rgba = vec![0; decoder.output_buffer_size().unwrap()];
    let info = decoder.next_frame(&mut rgba).unwrap();
    assert_eq!(
        info.color_type,
        png::ColorType::Rgba,
        "the standard logo is RGBA"
    );
    let rgb: Vec<u8> = rgba
        .chunks_exact(4)
        .flat_map(|pixel| pixel[..3].to_vec())
        .collect();
    let alpha: Vec<u8> = rgba.chunks_exact(4).map(|pixel| pixel[3]).collect();
    for kind in [Kind::Proposal, Kind::Appendix] {
        let bytes = render(&kind, &loaded, &quote(&[("silver", 7)], 24));
        let pdf = lopdf::Document::load_mem(&bytes).unwrap();
        let image = pdf
            .objects
            .values()
            .filter_map(|object| object.as_stream().ok())
            .find(|stream| stream.dict.get(b"SMask").is_ok())
            .expect("an image with a soft mask");
        assert_eq!(
            image.decompressed_content().unwrap(),
            rgb,
            "{kind:?}: colour"
        );
        let mask = image
            .dict
            .get(b"SMask")
            .and_then(lopdf::Object::as_reference)
            .and_then(|id| pdf.get_object(id))
            .and_then(lopdf::Object::as_stream)
            .unwrap();
        assert_eq!(
            mask.decompressed_content().unwrap(),
            alpha,
            "{kind:?}: alpha"
        );
    }
}

#[test]
fn a_missing_or_unreadable_logo_is_a_clear_error() {
    let loaded = standard_book().unwrap();
    let quote = quote(&[("silver", 7)], 24);
    let missing = DocumentAssets {
        font: DEFAULT_FONT,
        logo_png: None,
    };
    assert_eq!(
        render_with(&Kind::Proposal, &loaded, &quote, None, missing),
        Err(DocumentError::MissingLogo {
            path: "logo.png".to_string()
        })
    );
    let not_png = DocumentAssets {
        font: DEFAULT_FONT,
        logo_png: Some(b"GIF89a not a png"),
    };
    assert!(matches!(
        render_with(&Kind::Appendix, &loaded, &quote, None, not_png),
        Err(DocumentError::BadLogo { .. })
    ));
    // Through the CLI: a book file whose logo is not beside it.
    let dir = scratch("logo");
    let book = dir.join("book.ron");
    std::fs::write(&book, STANDARD_BOOK_RON).unwrap();
    let out = dir.join("p.pdf");
    let output = run(&[
        "proposal",
        "--price-book",
        book.to_str().unwrap(),
        "--device",
        "silver:server=7",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("logo") && stderr.contains("logo.png"),
        "{stderr}"
    );
    assert!(!out.exists());
    // With the logo beside the book it works.
    std::fs::write(
        dir.join("logo.png"),
        msp_quote::documents::STANDARD_LOGO_PNG,
    )
    .unwrap();
    let output = run(&[
        "proposal",
        "--price-book",
        book.to_str().unwrap(),
        "--device",
        "silver:server=7",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn an_unreadable_font_is_a_clear_error() {
    let loaded = standard_book().unwrap();
    let quote = quote(&[("silver", 7)], 24);
    let cases: [(&str, &[u8]); 3] = [
        ("empty", b""),
        ("text", b"this is not a font"),
        ("truncated", &DEFAULT_FONT[..DEFAULT_FONT.len() / 8]),
    ];
    for (name, font) in cases {
        let assets = DocumentAssets {
            font,
            logo_png: Some(msp_quote::documents::STANDARD_LOGO_PNG),
        };
        let result = render_with(&Kind::Proposal, &loaded, &quote, None, assets);
        assert!(
            matches!(result, Err(DocumentError::BadFont { .. })),
            "case {name}: {result:?}"
        );
    }
}

#[test]
fn an_unwritable_output_path_exits_2_naming_it() {
    let out = "/nonexistent-folder/p.pdf";
    let output = run(&["appendix", "--device", "silver:server=7", "-o", out]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains(out));
}

#[test]
fn the_proposal_shows_roi_figures_when_given() {
    let loaded = standard_book().unwrap();
    let quote = quote(&[("silver", 7)], 24);
    let priced = price_quote(&loaded.book, &quote).unwrap();
    let roi = example_roi(&priced, dec!(6500));
    let bytes = render_with(
        &Kind::Proposal,
        &loaded,
        &quote,
        Some(&roi),
        DocumentAssets::standard(),
    )
    .unwrap();
    std::fs::write(scratch("roi").join("proposal-with-roi.pdf"), &bytes).unwrap();
    let text = text_of(&bytes);
    // Avoided 6,500.00 a month x 24 = 156,000.00; investment 115,720.00; net 40,280.00;
    // ROI 40,280 / 115,720 = 34.81%. Cumulative avoided reaches payments first in month 1?
    // Month 1: 6,500.00 >= 5,830.00: payback in month 1.
    for expected in [
        "$40,280.00",
        "34.81%",
        "Payback: month 1",
        "Return on investment",
    ] {
        assert!(text.contains(expected), "proposal lacks {expected}");
    }
}

/// ROI figures for an avoided monthly cost (the ROI engine's definitions, pricing-rules.md 6).
fn example_roi(priced: &PricedQuote, avoided_monthly: Decimal) -> RoiFigures {
    let mut current = Vec::new();
    let mut managed = Vec::new();
    let (mut avoided, mut paid) = (Decimal::ZERO, Decimal::ZERO);
    let mut payback = None;
    for month in &priced.schedule {
        avoided += avoided_monthly;
        paid += month.due;
        current.push(avoided);
        managed.push(paid);
        if payback.is_none() && avoided >= paid {
            payback = Some(month.month);
        }
    }
    let net = avoided - paid;
    RoiFigures {
        current_cumulative: current,
        managed_cumulative: managed,
        payback_month: payback,
        net_savings: net,
        roi_percent: Some(msp_quote::core::money::round_percent(
            net / paid * dec!(100),
        )),
    }
}

/// The standard book with its internal figures changed to values no customer figure can
/// equal by chance (cents that no price, discount or schedule of the book produces).
fn book_with_odd_internal_figures() -> LoadedBook {
    let text = STANDARD_BOOK_RON
        .replace(
            "internal_reserve_per_device: \"250.00\"",
            "internal_reserve_per_device: \"247.13\"",
        )
        .replace(
            "internal_reserve_per_device: \"500.00\"",
            "internal_reserve_per_device: \"497.29\"",
        )
        .replace("hourly_cost: \"50.00\"", "hourly_cost: \"53.17\"")
        .replace("hourly_cost: \"85.00\"", "hourly_cost: \"88.41\"")
        .replace(
            "setup_cost_per_device: \"150.00\"",
            "setup_cost_per_device: \"151.37\"",
        );
    assert_ne!(text, STANDARD_BOOK_RON);
    LoadedBook {
        book: parse_price_book(&text, "odd").unwrap(),
        path: None,
        sha256: sha256_hex(text.as_bytes()),
    }
}

/// Every internal figure of the book for this quote, as documents would print it.
fn internal_figures(loaded: &LoadedBook, quote: &Quote) -> Vec<String> {
    let book = &loaded.book;
    let money = |amount: Decimal| display(amount, "$", 2);
    let plain = |amount: Decimal| msp_quote::core::money::cents(amount);
    let mut figures = Vec::new();
    let mut reserve_total = Decimal::ZERO;
    for line in &quote.devices {
        if let Some(tier) = book.tier(&line.tier) {
            let reserve = tier.internal_reserve_per_device;
            if !reserve.is_zero() {
                figures.push(money(reserve));
                figures.push(plain(reserve));
                figures.push(money(reserve * Decimal::from(line.count)));
                reserve_total += reserve * Decimal::from(line.count);
            }
        }
    }
    if !reserve_total.is_zero() {
        figures.push(money(reserve_total));
    }
    for role in &book.cost_defaults.labour_roles {
        figures.push(money(role.hourly_cost));
        figures.push(plain(role.hourly_cost));
    }
    let setup_cost = book.cost_defaults.setup_cost_per_device;
    figures.push(money(setup_cost));
    figures.push(money(setup_cost * Decimal::from(quote.device_count())));
    figures
}

fn arbitrary_quote() -> impl Strategy<Value = Quote> {
    (
        prop::collection::vec(
            (
                prop::sample::select(vec!["bronze", "silver", "gold"]),
                1u32..40,
            ),
            1..4,
        ),
        prop::sample::select(vec![12u32, 24, 36]),
        any::<bool>(),
        prop::collection::vec(
            (
                prop::sample::select(vec!["offsite-backup", "spam-filtering", "quarterly-review"]),
                1u32..60,
            ),
            0..3,
        ),
    )
        .prop_map(|(devices, term, amortized, addons)| {
            let mut quote = quote(&[], term);
            quote.devices = devices
                .into_iter()
                .map(|(tier, count)| DeviceLine {
                    tier: tier.to_string(),
                    kind: "server".to_string(),
                    count,
                })
                .collect();
            let mut seen = Vec::new();
            quote.addons = addons
                .into_iter()
                .filter(|(id, _)| {
                    let fresh = !seen.contains(id);
                    seen.push(*id);
                    fresh
                })
                .map(|(id, quantity)| AddOnLine {
                    id: id.to_string(),
                    quantity,
                })
                .collect();
            quote.setup_mode = if amortized {
                SetupMode::Amortized
            } else {
                SetupMode::Upfront
            };
            quote
        })
}

/// A random cost analysis: hardware bought, leased or rented and software licences, with
/// amounts in odd cents, and the book's labour catalog.
fn arbitrary_cost_analysis() -> impl Strategy<Value = CostAnalysis> {
    let cents = |low: i64, high: i64| (low..high).prop_map(|value| Decimal::new(value, 2));
    (
        prop::collection::vec((1u32..6, cents(5_001, 900_000), 0u8..3), 1..4),
        prop::collection::vec((1u32..40, cents(101, 20_000), any::<bool>()), 0..3),
    )
        .prop_map(|(hardware, software)| CostAnalysis {
            hardware: hardware
                .into_iter()
                .enumerate()
                .map(|(index, (quantity, unit_cost, how))| HardwareLine {
                    description: format!("Hardware {index}"),
                    quantity,
                    unit_cost,
                    acquisition: match how {
                        0 => Acquisition::Purchased,
                        1 => Acquisition::Leased {
                            apr_percent: dec!(6.9),
                            months: 36,
                        },
                        _ => Acquisition::Monthly,
                    },
                    source: None,
                })
                .collect(),
            software: software
                .into_iter()
                .enumerate()
                .map(|(index, (quantity, unit_cost, annual))| SoftwareLine {
                    description: format!("Software {index}"),
                    basis: SoftwareBasis::Flat,
                    quantity: Some(quantity),
                    unit_cost,
                    billing: if annual {
                        SoftwareBilling::Annual
                    } else {
                        SoftwareBilling::Monthly
                    },
                    source: None,
                })
                .collect(),
            ..CostAnalysis::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// Neither document ever shows a reserve, a labour or setup cost, or any figure of the
    /// quote's cost analysis (costs, markups, cost-plus prices, margins), nor the words that
    /// would introduce one; and the documents do not depend on the analysis at all.
    #[test]
    fn no_internal_figure_reaches_a_customer_document(
        quote in arbitrary_quote(),
        analysis in arbitrary_cost_analysis(),
    ) {
        let loaded = book_with_odd_internal_figures();
        let mut with_analysis = quote.clone();
        with_analysis.cost_analysis = Some(analysis.clone());
        let breakdown = analyse_cost(&loaded.book, &with_analysis, &analysis).unwrap();
        let priced = price_quote(&loaded.book, &quote).unwrap();
        let public = public_figures(&loaded, &priced);
        let mut internal = internal_figures(&loaded, &quote);
        internal.extend(
            cost_analysis_figures(&breakdown)
                .into_iter()
                .filter(|figure| !public.contains(figure))
                .map(|figure| display(figure, "$", 2)),
        );
        let monthly = display(priced.monthly_recurring, "$", 2);
        for kind in [Kind::Proposal, Kind::Appendix] {
            let bytes = render(&kind, &loaded, &with_analysis);
            prop_assert!(bytes == render(&kind, &loaded, &quote), "the analysis changed the document");
            let text = text_of(&bytes);
            // The extraction works: the customer figures are there.
            prop_assert!(text.contains(monthly.as_str()), "monthly fee {} missing", monthly);
            for figure in &internal {
                prop_assert!(!text.contains(figure.as_str()), "internal figure {} leaked", figure);
            }
            let lower = text.to_lowercase();
            for word in ["reserve", "markup", "margin", "labour cost", "internal"] {
                prop_assert!(!lower.contains(word), "the word {} appears", word);
            }
        }
    }
}

#[test]
fn the_standard_books_reserves_never_appear() {
    // The standard book's Silver reserve is 250.00 and Gold's 500.00 per server a month. For
    // device-only quotes of 7 Silver and 3 Gold servers no customer figure is 250.00 (unit
    // nets 690.00 and 920.00; monthly 4,830.00 + 2,760.00 = 7,590.00), so the amount must not
    // appear at all, nor the reserve totals 1,750.00 (7 x 250), 1,500.00 (3 x 500) and
    // 3,250.00; 500.00 appears only as Bronze's list price.
    let loaded = standard_book().unwrap();
    let quote = quote(&[("silver", 7), ("gold", 3)], 36);
    for kind in [Kind::Proposal, Kind::Appendix] {
        let text = text_of(&render(&kind, &loaded, &quote));
        for figure in ["$250.00", "250.00", "$1,750.00", "$1,500.00", "$3,250.00"] {
            assert!(!text.contains(figure), "reserve figure {figure} leaked");
        }
        assert!(text.contains("$7,590.00"));
    }
}

fn book_from(text: &str) -> LoadedBook {
    LoadedBook {
        book: parse_price_book(text, "test book").unwrap(),
        path: None,
        sha256: sha256_hex(text.as_bytes()),
    }
}

/// Width and height in points of every page.
fn page_sizes(bytes: &[u8]) -> Vec<(f32, f32)> {
    let document = lopdf::Document::load_mem(bytes).unwrap();
    document
        .get_pages()
        .values()
        .map(|id| {
            let page = document.get_object(*id).unwrap().as_dict().unwrap();
            let media = page.get(b"MediaBox").unwrap().as_array().unwrap();
            let number = |object: &lopdf::Object| object.as_float().unwrap();
            (
                number(&media[2]) - number(&media[0]),
                number(&media[3]) - number(&media[1]),
            )
        })
        .collect()
}

#[test]
fn the_paper_is_the_books() {
    let letter = standard_book().unwrap();
    let a4 = book_from(&STANDARD_BOOK_RON.replace("paper: Letter", "paper: A4"));
    let quote = quote(&[("silver", 7)], 24);
    // Letter: 8.5 x 11 in = 612 x 792 pt. A4: 210 x 297 mm = 595.28 x 841.89 pt.
    let cases = [
        ("letter", &letter, (612.0, 792.0)),
        ("a4", &a4, (595.28, 841.89)),
    ];
    for (name, book, (width, height)) in cases {
        for kind in [Kind::Proposal, Kind::Appendix] {
            let sizes = page_sizes(&render(&kind, book, &quote));
            assert!(!sizes.is_empty());
            for (w, h) in sizes {
                assert!(
                    (w - width).abs() < 0.05 && (h - height).abs() < 0.05,
                    "case {name}: {w} x {h}"
                );
            }
        }
    }
}

#[test]
fn a_book_without_a_logo_needs_none() {
    let loaded = book_from(&STANDARD_BOOK_RON.replace("logo: Some(\"logo.png\")", "logo: None"));
    assert_eq!(loaded.book.branding.logo, None);
    let assets = DocumentAssets {
        font: DEFAULT_FONT,
        logo_png: None,
    };
    let bytes = render_with(
        &Kind::Proposal,
        &loaded,
        &quote(&[("silver", 7)], 24),
        None,
        assets,
    )
    .unwrap();
    assert!(!bytes.windows(6).any(|window| window == b"/Image"));
    assert!(text_of(&bytes).contains("$4,830.00"));
}

#[test]
fn accented_and_long_names_survive_extraction() {
    let loaded = standard_book().unwrap();
    let mut quote = quote(&[("silver", 7)], 24);
    quote.customer.name = "Zoë's Café & Crème Brûlée Bakery of the Greater Springfield Metropolitan Area and Surrounding Counties".to_string();
    let proposal = render(&Kind::Proposal, &loaded, &quote);
    let appendix = render(&Kind::Appendix, &loaded, &quote);
    assert_eq!(page_count(&proposal), 4);
    // The full name appears in the body (wrapped there, never cut).
    assert!(text_of(&proposal).contains(&quote.customer.name));
    let appendix_text = text_of(&appendix);
    assert!(appendix_text.contains("Zoë's Café"));
    assert!(
        appendix_text.contains("à la carte"),
        "non-ASCII text must map back through ToUnicode"
    );
}

fn example(name: &str) -> String {
    format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_roi_section_equals_the_roi_commands_json() {
    let dir = scratch("roi-json");
    let cases = [
        (
            "quote's own costs",
            vec![example("roi-two-silver-servers.ron")],
        ),
        (
            "costs file",
            vec![
                "--device".to_string(),
                "silver:server=2".to_string(),
                "--term".to_string(),
                "36".to_string(),
                "--costs".to_string(),
                example("small-customer-costs.csv"),
            ],
        ),
    ];
    for (name, args) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let json = run(&[&["roi", "--format", "json"][..], &args[..]].concat());
        assert!(
            json.status.success(),
            "case {name}: {}",
            String::from_utf8_lossy(&json.stderr)
        );
        let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        let out = dir.join("p.pdf");
        let output = run(&[
            &["proposal"][..],
            &args[..],
            &["-o", out.to_str().unwrap()][..],
        ]
        .concat());
        assert!(
            output.status.success(),
            "case {name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let text = text_of(&std::fs::read(&out).unwrap());
        let net = display(
            value["net_savings"].as_str().unwrap().parse().unwrap(),
            "$",
            2,
        );
        let roi = value["roi_percent"].as_str().map(|percent| {
            format!(
                "{}%",
                msp_quote::core::money::percent_text(percent.parse().unwrap())
            )
        });
        let payback = value["payback_month"]
            .as_u64()
            .map(|month| format!("Payback: month {month}"));
        assert!(text.contains(&net), "case {name}: lacks net savings {net}");
        if let Some(roi) = roi {
            assert!(text.contains(&roi), "case {name}: lacks ROI {roi}");
        }
        if let Some(payback) = payback {
            assert!(text.contains(&payback), "case {name}: lacks {payback}");
        }
    }
    // The worked example of docs/ROI.md: net savings 109,640.00, ROI 319.09%, payback month 1.
    let out = dir.join("worked.pdf");
    let output = run(&[
        "proposal",
        &example("roi-two-silver-servers.ron"),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success());
    let text = text_of(&std::fs::read(&out).unwrap());
    for expected in ["$109,640.00", "319.09%", "Payback: month 1"] {
        assert!(text.contains(expected), "worked example lacks {expected}");
    }
}

/// Every money figure of a cost analysis that only the provider may see: costs, markups,
/// cost-plus prices, per-device fee, margins and reserves. (A tier's monthly price is the
/// customer's price, so it is not among them.)
fn cost_analysis_figures(breakdown: &msp_quote::core::cost::CostBreakdown) -> Vec<Decimal> {
    let mut figures = vec![
        breakdown.total_monthly_cost,
        breakdown.total_monthly_markup,
        breakdown.total_monthly_price,
        breakdown.per_device_monthly_fee,
        breakdown.gross_margin,
    ];
    figures.extend(breakdown.lines.iter().map(|line| line.monthly_cost));
    for category in &breakdown.categories {
        figures.extend([category.cost, category.markup, category.price]);
    }
    for tier in &breakdown.tier_comparison {
        figures.extend([tier.reserve, tier.margin]);
    }
    figures.retain(|figure| !figure.is_zero());
    figures
}

/// Every amount the documents print by design: prices, discounts' results, fees, schedule,
/// totals, damages, and the book's public price list and rate card. An internal figure that
/// happens to equal one of these cannot be told apart in the text, so it is not checked.
fn public_figures(loaded: &LoadedBook, priced: &PricedQuote) -> Vec<Decimal> {
    let book = &loaded.book;
    let damages = Decimal::from(book.contract.liquidated_damages_months);
    let mut figures = vec![
        priced.monthly_recurring,
        priced.setup_fee,
        priced.first_invoice(),
        priced.total_contract_value,
        priced.credits_applied(),
        damages * priced.monthly_recurring,
        priced.schedule.iter().map(|m| m.recurring).sum(),
        priced.schedule.iter().map(|m| m.setup).sum(),
    ];
    for line in &priced.lines {
        figures.extend([
            line.unit_list,
            line.unit_net,
            line.monthly,
            damages * line.unit_net,
        ]);
        figures.extend(line.segments.iter().flat_map(|s| [s.unit_net, s.amount]));
    }
    for addon in &priced.addons {
        figures.extend([addon.unit_list, addon.unit_net, addon.monthly]);
    }
    figures.extend(priced.credits.iter().map(|credit| credit.amount));
    figures.extend(
        priced
            .schedule
            .iter()
            .flat_map(|m| [m.recurring, m.setup, m.credit, m.due]),
    );
    figures.extend(priced.yearly_totals());
    for tier in &book.tiers {
        figures.extend(tier.monthly_prices.values().copied());
    }
    for rate in &book.hourly_rates {
        figures.extend([rate.rate, rate.travel_premium]);
    }
    figures
}

#[test]
fn the_medium_examples_cost_analysis_never_reaches_its_documents() {
    let loaded = standard_book().unwrap();
    let quote = msp_quote::formats::quote::load_quote(std::path::Path::new(&example(
        "medium-customer.ron",
    )))
    .unwrap();
    let analysis = quote
        .cost_analysis
        .clone()
        .expect("the medium example has a cost analysis");
    let breakdown = msp_quote::core::cost::analyse_cost(&loaded.book, &quote, &analysis).unwrap();
    let priced = price_quote(&loaded.book, &quote).unwrap();
    let public = public_figures(&loaded, &priced);
    let mut figures = cost_analysis_figures(&breakdown);
    figures.retain(|figure| !public.contains(figure));
    assert!(figures.len() > 20, "{} figures", figures.len());
    let mut without = quote.clone();
    without.cost_analysis = None;
    for kind in [Kind::Proposal, Kind::Appendix] {
        let bytes = render(&kind, &loaded, &quote);
        // The documents do not read the analysis at all: with or without it, the same bytes.
        assert_eq!(bytes, render(&kind, &loaded, &without));
        let text = text_of(&bytes);
        for figure in &figures {
            let shown = display(*figure, "$", 2);
            assert!(
                !text.contains(&shown),
                "cost-analysis figure {shown} leaked"
            );
        }
    }
}

/// The examples in docs/ are what the commands the README shows produce today, byte for byte
/// (and so they carry no figure a current build would not print).
#[test]
fn the_docs_examples_are_current() {
    let dir = scratch("docs");
    let docs = format!("{}/docs", env!("CARGO_MANIFEST_DIR"));
    let medium = example("medium-customer.ron");
    let costs = example("medium-customer-costs.xlsx");
    let cases = [
        (
            "proposal-example.pdf",
            vec!["proposal", &medium, "--costs", &costs],
        ),
        ("appendix-example.pdf", vec!["appendix", &medium]),
    ];
    for (file, args) in cases {
        let out = dir.join(file);
        let output = run(&[&args[..], &["-o", out.to_str().unwrap()][..]].concat());
        assert!(
            output.status.success(),
            "{file}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let fresh = std::fs::read(&out).unwrap();
        let committed = std::fs::read(format!("{docs}/{file}")).unwrap();
        assert!(
            fresh == committed,
            "docs/{file} is stale: re-render it with msp-quote {}",
            args.join(" ")
        );
    }
}

#[test]
fn pricing_warnings_are_reported_when_a_document_is_written() {
    let dir = scratch("warnings");
    let out = dir.join("p.pdf");
    // 120 servers: above the last band (51-100), so custom pricing needs approval.
    let output = run(&[
        "proposal",
        "--device",
        "gold:server=120",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("warning:") && stdout.contains("approval"),
        "{stdout}"
    );
    assert!(out.exists());
}

/// A quote file carrying components, a phase and a package: both documents show each line's
/// per-device price and monthly amount and the package's fee, and every total they print is
/// the combined figure `price --format json` reports; the cost-plus derivation never appears.
#[test]
fn a_quote_files_pricing_options_reach_both_documents_as_combined_totals() {
    let dir = scratch("options");
    let file = dir.join("q.ron");
    let file = file.to_str().unwrap();
    // Saved by `price --save`, so the documents read the options from the file.
    let saved = run(&[
        "price",
        "--device",
        "silver:server=7",
        "--component",
        "patching:server=5",
        "--phase",
        "2:server=5",
        "--package",
        "11-25",
        "--save",
        file,
    ]);
    assert!(saved.status.success());
    let json = run(&["price", file, "--format", "json"]);
    assert!(json.status.success());
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let options = &value["options"];
    let money = |field: &serde_json::Value| {
        display(field.as_str().unwrap().parse::<Decimal>().unwrap(), "$", 2)
    };
    // By hand (docs/OPTIONS.md): patching 49.00 x 5 = 245.00; phase 2 119.00 x 5 = 595.00;
    // 11-25 owned over 12 months 1,390.00; options 2,230.00 + Silver 4,830.00 = 7,060.00 a
    // month; 7,060 x 12 + 1,000 setup = 85,720.00; first invoice 7,060 + 1,000 = 8,060.00.
    assert_eq!(options["combined_monthly_recurring"], "7060.00");
    assert_eq!(options["combined_total_contract_value"], "85720.00");
    assert_eq!(options["combined_first_invoice"], "8060.00");
    let mut expected = vec![
        money(&options["combined_monthly_recurring"]),
        money(&options["combined_total_contract_value"]),
        money(&options["combined_first_invoice"]),
        money(&options["package"]["monthly_fee"]),
    ];
    for line in options["components"].as_array().unwrap() {
        expected.push(money(&line["per_device_monthly_fee"]));
        expected.push(money(&line["monthly"]));
    }
    // Internal figures: the lines' labour cost per device (patching 35.00, phase 2 85.00),
    // the 40% labour markup, the bundle's hardware and software costs, and the server's
    // share (4,800 x 1.1 / 12 = 440.00) that would reveal its cost.
    let internal = [
        "$35.00",
        "$85.00",
        "40%",
        "$4,800.00",
        "$2,400.00",
        "$440.00",
    ];
    for (command, name) in [("proposal", "p.pdf"), ("appendix", "a.pdf")] {
        let out = dir.join(name);
        let output = run(&[command, file, "-o", out.to_str().unwrap()]);
        assert!(output.status.success(), "{command}");
        let text = text_of(&std::fs::read(&out).unwrap());
        for amount in &expected {
            assert!(text.contains(amount.as_str()), "{command} lacks {amount}");
        }
        // The tiers-only figures are not printed as totals: 4,830.00 x 12 + 1,000 = 58,960.00.
        assert!(
            !text.contains("$58,960.00"),
            "{command} shows the tiers-only TCV"
        );
        for figure in internal {
            assert!(!text.contains(figure), "{command} shows internal {figure}");
        }
        assert!(text.contains("Patching, Server"), "{command}");
        assert!(
            text.contains("Complete package: Office (11-25 users), owned"),
            "{command}"
        );
    }
    let appendix = text_of(&std::fs::read(dir.join("a.pdf")).unwrap());
    assert!(appendix.contains("2. Per-service components and packages"));
    for included in [
        "Bronze managed service for 1 server",
        "Server and client licences",
        "Firewall",
        "UPS",
    ] {
        assert!(appendix.contains(included), "appendix lacks {included}");
    }
    // The combined schedule: months 2-12 are each 7,060.00 due.
    assert!(appendix.contains("$7,060.00"));
}

/// With a billing start on the quote, the schedule tables carry each month's dates
/// (pricing-rules section 10: month m runs from start + (m - 1) months to the day before
/// start + m months, clamped at a short month's end); without one, no date is invented.
#[test]
fn schedules_carry_dates_only_when_the_quote_states_its_billing_start() {
    let loaded = standard_book().unwrap();
    let plain = quote(&[("silver", 7)], 24);
    for kind in [Kind::Proposal, Kind::Appendix] {
        let text = text_of(&render(&kind, &loaded, &plain));
        assert!(
            !text.contains(" to 1"),
            "{kind:?}: a date without a start: {text}"
        );
    }

    let mut dated = plain.clone();
    dated.contract.start_date = Some(date("2026-01-31"));
    // Month 1: 31 Jan 2026 to the day before 28 Feb (31 Jan + 1 month, clamped): 27 Feb.
    // Month 2: 28 Feb 2026 to the day before 31 Mar: 30 Mar 2026.
    // Month 24 (the term credit's month): 31 Dec 2027 + ... = 31 Dec 2027 to 30 Jan 2028.
    // Year 2: months 13-24, 31 Jan 2027 to 30 Jan 2028.
    let appendix = text_of(&render(&Kind::Appendix, &loaded, &dated));
    for expected in [
        "starting on 31 January 2026 (the billing start)",
        "1: 31 Jan 2026 to 27 Feb 2026",
        "2: 28 Feb 2026 to 30 Mar 2026",
        "24: 31 Dec 2027 to 30 Jan 2028",
    ] {
        assert!(
            appendix.contains(expected),
            "appendix: {expected}: {appendix}"
        );
    }
    let proposal = text_of(&render(&Kind::Proposal, &loaded, &dated));
    for expected in [
        "Months 1-12: 31 Jan 2026 to 30 Jan 2027",
        "Months 13-24: 31 Jan 2027 to 30 Jan 2028",
        "Month 24: 31 Dec 2027 to 30 Jan 2028",
    ] {
        assert!(
            proposal.contains(expected),
            "proposal: {expected}: {proposal}"
        );
    }
}

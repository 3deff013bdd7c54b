//! Per-kind pricing: a tier prices any kind the book declares, per-user kinds count the
//! quote's users, each kind has its own schedule counted on that kind, and labour-task hours
//! differ by kind. The example provider's book (fictional values) and quote.

use rust_decimal_macros::dec;

use msp_quote::core::cost::analyse_cost;
use msp_quote::core::pricing::{PricingError, price_quote};
use msp_quote::formats::price_book::load_price_book;
use msp_quote::formats::quote::load_quote;

use super::ok;

fn example(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

#[test]
fn acceptance_provider_quote_prices_each_kind_with_its_own_band() {
    // examples/provider-book.ron, Plus tier (fictional prices), volume bands per kind:
    // servers: 2 in 2-5 (5%): 700.00 x 0.95 = 665.00 x 2 = 1,330.00;
    // workstations: 35 in 25-99 (6%): 65.00 x 0.94 = 61.10 x 35 = 2,138.50;
    // users: the quote's 40 users in 25-49 (5%): 25.00 x 0.95 = 23.75 x 40 = 950.00.
    // Monthly 4,418.50; 36 months: 4,418.50 x 36 + 1,500.00 - 750.00 - 750.00 = 159,066.00.
    let book = load_price_book(&example("provider-book.ron")).unwrap().book;
    let quote = load_quote(&example("provider-quote.ron")).unwrap();
    let priced = price_quote(&book, &quote).unwrap();
    let lines: Vec<_> = priced
        .lines
        .iter()
        .map(|l| {
            (
                l.kind.as_str(),
                l.count,
                l.discount_percent,
                l.unit_net,
                l.monthly,
            )
        })
        .collect();
    assert_eq!(
        lines,
        vec![
            ("server", 2, dec!(5), dec!(665.00), dec!(1330.00)),
            ("workstation", 35, dec!(6), dec!(61.10), dec!(2138.50)),
            ("user", 40, dec!(5), dec!(23.75), dec!(950.00)),
        ]
    );
    assert_eq!(priced.monthly_recurring, dec!(4418.50));
    assert_eq!(priced.total_contract_value, dec!(159066.00));
    let bands: Vec<_> = priced
        .bands
        .iter()
        .map(|b| (b.schedule_id.as_str(), b.count, b.min, b.max))
        .collect();
    assert_eq!(
        bands,
        vec![
            ("server-volume", 2, 2, 5),
            ("workstation-volume", 35, 25, 99),
            ("user-volume", 40, 25, 49),
        ]
    );

    // The command line finds the book the quote names.
    let stdout = ok(&["price", "examples/provider-quote.ron", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["monthly_recurring"], "4418.50");
    assert_eq!(json["total_contract_value"], "159066.00");
    assert_eq!(json["bands"][1]["schedule"], "workstation-volume");
    assert_eq!(json["bands"][2]["count"], 40);
    let text = ok(&["price", "examples/provider-quote.ron"]);
    for line in ["Plus User", "40", "$23.75", "$950.00"] {
        assert!(text.contains(line), "{text}");
    }
}

#[test]
fn workstations_are_banded_independently_of_servers() {
    // 25 servers are in band 21-100 (14%) for servers; 10 workstations stay in 1-24 (0%):
    // 65.00 x 10 = 650.00; 25 servers: 700 x 0.86 = 602.00 x 25 = 15,050.00.
    let book = load_price_book(&example("provider-book.ron")).unwrap().book;
    let mut quote = load_quote(&example("provider-quote.ron")).unwrap();
    quote.devices[0].count = 25;
    quote.devices[1].count = 10;
    let priced = price_quote(&book, &quote).unwrap();
    assert_eq!(priced.lines[0].monthly, dec!(15050.00));
    assert_eq!(
        (priced.lines[1].discount_percent, priced.lines[1].monthly),
        (dec!(0), dec!(650.00))
    );
}

#[test]
fn a_per_user_line_without_users_is_refused() {
    let book = load_price_book(&example("provider-book.ron")).unwrap().book;
    let mut quote = load_quote(&example("provider-quote.ron")).unwrap();
    quote.customer.users = 0;
    let error = price_quote(&book, &quote).unwrap_err();
    assert!(
        matches!(error, PricingError::NoUsers { line: 3, .. }),
        "{error}"
    );
    assert!(error.to_string().contains("priced per user"), "{error}");
}

#[test]
fn labour_task_hours_differ_by_device_kind() {
    // Monitoring: 0.5 h per server, 0.1 h per workstation, 0 per user (provider book):
    // 0.5 x 2 + 0.1 x 35 + 0 x 40 = 4.5 h x 48.00 = 216.00 a month. A flat 0.5 h would have
    // been 0.5 x 77 = 38.5 h = 1,848.00.
    let book = load_price_book(&example("provider-book.ron")).unwrap().book;
    let mut quote = load_quote(&example("provider-quote.ron")).unwrap();
    quote.cost_analysis = Some(Default::default());
    let analysis = quote.cost_analysis.clone().unwrap();
    let breakdown = analyse_cost(&book, &quote, &analysis).unwrap();
    let monitoring = breakdown
        .lines
        .iter()
        .find(|line| line.description == "Monitoring")
        .expect("a monitoring line");
    assert_eq!(monitoring.monthly_cost, dec!(216.00));
    let detail = monitoring.detail_text(&breakdown.currency);
    assert!(detail.contains("0.1 h x 35 workstations"), "{detail}");
}

#[test]
fn the_standard_book_adds_the_a_la_carte_items_as_placeholders() {
    let text = msp_quote::formats::price_book::STANDARD_BOOK_RON;
    for id in [
        "managed-desktop",
        "managed-printer",
        "network-device-management",
    ] {
        let line = text
            .lines()
            .find(|line| line.contains(&format!("id: \"{id}\"")))
            .unwrap();
        assert!(line.contains("// placeholder"), "{line}");
    }
}

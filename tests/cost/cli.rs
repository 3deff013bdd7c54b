//! `msp-quote cost` and `msp-quote template cost-analysis` end to end.

use calamine::{Data, Reader, Xlsx, open_workbook};
use msp_quote::cli::{Outcome, run_with_args};
use msp_quote::formats::xlsx::template::{COST_LINE_COLUMNS, COST_LINES_SHEET};
use serde_json::Value;

fn examples(name: &str) -> String {
    format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn output(args: &[&str]) -> String {
    match run_with_args(std::iter::once("msp-quote").chain(args.iter().copied())) {
        Ok(Outcome::Output(text)) => text,
        Ok(Outcome::OpenWindow(_)) => panic!("opened a window"),
        Err(error) => panic!("{}", error.message),
    }
}

fn error(args: &[&str]) -> String {
    match run_with_args(std::iter::once("msp-quote").chain(args.iter().copied())) {
        Err(error) => error.message,
        Ok(_) => panic!("{args:?} should fail"),
    }
}

#[test]
fn cost_json_of_worked_example_9_3() {
    let text = output(&[
        "cost",
        &examples("worked-example-9-3.ron"),
        "--format",
        "json",
    ]);
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["per_device_monthly_fee"], "547.00");
    assert_eq!(json["total_monthly_price"], "2735.00");
    assert_eq!(json["total_monthly_cost"], "2300.00");
    assert_eq!(json["devices"], 5);
    assert_eq!(json["gross_margin"], "435.00");
    assert_eq!(json["gross_margin_percent"], "15.9");
    let categories: Vec<(String, String, String, String, String)> = json["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let field = |key: &str| c[key].as_str().unwrap().to_string();
            (
                field("category"),
                field("cost"),
                field("markup_percent"),
                field("markup"),
                field("price"),
            )
        })
        .collect();
    let expected = [
        ("hardware", "1000.00", "10", "100.00", "1100.00"),
        ("software", "500.00", "15", "75.00", "575.00"),
        ("affiliate", "300.00", "20", "60.00", "360.00"),
        ("labour", "500.00", "40", "200.00", "700.00"),
    ];
    assert_eq!(categories.len(), expected.len());
    for (got, want) in categories.iter().zip(expected) {
        assert_eq!(
            (
                got.0.as_str(),
                got.1.as_str(),
                got.2.as_str(),
                got.3.as_str(),
                got.4.as_str()
            ),
            want
        );
    }
    let tiers = json["tier_comparison"].as_array().unwrap();
    assert_eq!(tiers[0]["tier"], "bronze");
    assert_eq!(tiers[0]["monthly_price"], "2400.00");
    assert_eq!(tiers[0]["margin_percent"], "4.17");
    assert!(json["warnings"].as_array().unwrap().len() >= 4);
}

#[test]
fn cost_text_shows_the_fee_and_writes_xlsx() {
    let out = std::env::temp_dir().join(format!("msp-quote-cli-cost-{}.xlsx", std::process::id()));
    let text = output(&[
        "cost",
        &examples("small-customer.ron"),
        "--xlsx",
        out.to_str().unwrap(),
    ]);
    assert!(text.contains("Per-device monthly fee"), "{text}");
    let mut workbook: Xlsx<_> = open_workbook(&out).unwrap();
    assert!(workbook.worksheet_range("Cost analysis").is_ok());
    let _ = std::fs::remove_file(&out);
}

#[test]
fn bad_cost_input_names_the_file_and_field() {
    let dir = std::env::temp_dir().join(format!("msp-quote-cli-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let unknown_task = dir.join("unknown-task.ron");
    std::fs::write(
        &unknown_task,
        r#"(number: "Q-1", revision: 1, date: "2026-03-02", term_months: 12, setup: upfront,
            devices: [(tier: "bronze", kind: "server", count: 2)],
            cost_analysis: Some((labour: (tasks: Some([(task: "juggling")])))))"#,
    )
    .unwrap();
    let message = error(&["cost", unknown_task.to_str().unwrap()]);
    assert!(
        message.contains("unknown-task.ron:cost_analysis.labour.tasks[0].task"),
        "{message}"
    );
    assert!(message.contains("unknown task 'juggling'"), "{message}");

    let negative = dir.join("negative.ron");
    std::fs::write(
        &negative,
        r#"(number: "Q-1", revision: 1, date: "2026-03-02", term_months: 12, setup: upfront,
            cost_analysis: Some((hardware: [(description: "x", quantity: 1, unit_cost: "-3", acquisition: monthly)])))"#,
    )
    .unwrap();
    let message = error(&["cost", negative.to_str().unwrap()]);
    assert!(
        message.contains("negative.ron:cost_analysis.hardware[0].unit_cost"),
        "{message}"
    );

    let plain = dir.join("plain.ron");
    std::fs::write(
        &plain,
        r#"(number: "Q-1", revision: 1, date: "2026-03-02", term_months: 12, setup: upfront)"#,
    )
    .unwrap();
    let message = error(&["cost", plain.to_str().unwrap()]);
    assert!(
        message.contains("plain.ron: the quote has no cost_analysis"),
        "{message}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn template_cost_analysis_writes_the_header_row() {
    let out = std::env::temp_dir().join(format!("msp-quote-template-{}.xlsx", std::process::id()));
    output(&["template", "cost-analysis", out.to_str().unwrap()]);
    let mut workbook: Xlsx<_> = open_workbook(&out).unwrap();
    let range = workbook.worksheet_range(COST_LINES_SHEET).unwrap();
    for (col, title) in COST_LINE_COLUMNS.iter().enumerate() {
        assert_eq!(
            range.get_value((0, col as u32)),
            Some(&Data::String(title.to_string()))
        );
    }
    assert_eq!(range.height(), 1, "header only, no data rows");
    let _ = std::fs::remove_file(&out);
    assert!(error(&["template", "nonsense", "x.xlsx"]).contains("nonsense"));
}

#[test]
fn cost_import_adds_located_lines_and_reports_skips() {
    let dir = std::env::temp_dir().join(format!("msp-quote-cli-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let sheet = dir.join("costs.xlsx");
    std::fs::write(&sheet, super::import::messy_cost_workbook()).unwrap();
    let saved = dir.join("saved.ron");
    let text = output(&[
        "cost",
        &examples("worked-example-9-3.ron"),
        "--import",
        sheet.to_str().unwrap(),
        "--format",
        "json",
        "--save",
        saved.to_str().unwrap(),
    ]);
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        json["import"]["lines"], 10,
        "4 hardware + 2 software + 4 affiliate lines"
    );
    assert_eq!(json["import"]["sheet"], "Quote costs");
    let skipped: Vec<&str> = json["import"]["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["location"].as_str().unwrap())
        .collect();
    assert!(skipped.contains(&"Quote costs!C9"), "{skipped:?}");
    let firewall = json["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|line| line["description"] == "Firewall")
        .unwrap();
    assert_eq!(firewall["source"], "Quote costs!6:6");
    // 1,450 purchased over the 12-month term: 120.833 -> 120.83.
    assert_eq!(firewall["monthly_cost"], "120.83");
    // The saved quote keeps the imported lines and their sources.
    let quote = msp_quote::formats::quote::load_quote(&saved).unwrap();
    let analysis = quote.cost_analysis.unwrap();
    assert_eq!(analysis.hardware.len(), 1 + 4);
    assert_eq!(
        analysis.hardware[1].source.as_deref(),
        Some("Quote costs!6:6")
    );

    let template = dir.join("template.xlsx");
    output(&["template", "cost-analysis", template.to_str().unwrap()]);
    let text = output(&[
        "cost",
        &examples("worked-example-9-3.ron"),
        "--import",
        template.to_str().unwrap(),
    ]);
    assert!(
        text.starts_with("imported 0 cost lines"),
        "an empty template imports nothing: {text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

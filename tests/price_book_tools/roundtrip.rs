//! The spreadsheet round trip: export, edit in a spreadsheet, import; re-export is
//! byte-identical; an imported book prices every quote as the RON did.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use proptest::prelude::*;
use rust_xlsxwriter::Workbook;

use msp_quote::core::pricing::price_quote;
use msp_quote::core::quote::{DeviceLine, Quote, SetupMode};
use msp_quote::formats::price_book::xlsx::{export_price_book_xlsx, import_price_book_xlsx};
use msp_quote::formats::price_book::{STANDARD_BOOK_RON, parse_price_book, standard_book};

use super::{STANDARD, msp_quote, ok, path_str, scratch};

/// Every sheet's cells (absolute row, column, value).
type Cells = Vec<(String, Vec<(u32, u32, Data)>)>;

fn cells_of(bytes: &[u8]) -> Cells {
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let names = workbook.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let range = workbook.worksheet_range(&name).unwrap();
            let (top, left) = range.start().unwrap_or((0, 0));
            let cells = range
                .cells()
                .filter(|(_, _, value)| **value != Data::Empty)
                .map(|(row, col, value)| (top + row as u32, left + col as u32, value.clone()))
                .collect();
            (name, cells)
        })
        .collect()
}

/// A copy of the workbook as another program would save it: the same cells, written anew,
/// with `edit` applied (sheet, row, column, value) -> replacement.
fn rewrite(
    bytes: &[u8],
    edit: impl Fn(&str, &[(u32, u32, Data)], u32, u32) -> Option<Data>,
) -> Vec<u8> {
    let mut workbook = Workbook::new();
    for (name, cells) in cells_of(bytes) {
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name).unwrap();
        for (row, col, value) in &cells {
            let value = edit(&name, &cells, *row, *col).unwrap_or_else(|| value.clone());
            let col = *col as u16;
            match value {
                Data::Float(number) => sheet.write_number(*row, col, number).map(|_| ()),
                Data::Int(number) => sheet.write_number(*row, col, number as f64).map(|_| ()),
                Data::String(text) => sheet.write_string(*row, col, text).map(|_| ()),
                Data::Bool(flag) => sheet.write_boolean(*row, col, flag).map(|_| ()),
                _ => Ok(()),
            }
            .unwrap();
        }
    }
    workbook.save_to_buffer().unwrap()
}

/// The text of the cell at (row, col) of `cells`.
fn text_at(cells: &[(u32, u32, Data)], row: u32, col: u32) -> String {
    cells
        .iter()
        .find(|(r, c, _)| *r == row && *c == col)
        .map_or(String::new(), |(_, _, value)| value.to_string())
}

/// Sets the Silver server price of the Tier prices sheet to 790.
fn silver_to_790(sheet: &str, cells: &[(u32, u32, Data)], row: u32, col: u32) -> Option<Data> {
    (sheet == "Tier prices"
        && col == 2
        && text_at(cells, row, 0) == "silver"
        && text_at(cells, row, 1) == "server")
        .then_some(Data::Float(790.0))
}

#[test]
fn acceptance_export_edit_import_and_price() {
    // pricing-rules.md 2: 7 servers -> 8%; 790 x 0.92 = 726.80 x 7 = 5,087.60 a month.
    let dir = scratch("roundtrip-acceptance");
    let xlsx = dir.join("standard.xlsx");
    ok(&["price-book", "export", STANDARD, "--xlsx", path_str(&xlsx)]);
    let edited = dir.join("edited.xlsx");
    std::fs::write(
        &edited,
        rewrite(&std::fs::read(&xlsx).unwrap(), silver_to_790),
    )
    .unwrap();
    let new = dir.join("new.ron");
    let stdout = ok(&[
        "price-book",
        "import",
        path_str(&edited),
        "-o",
        path_str(&new),
    ]);
    assert!(stdout.contains("wrote"), "{stdout}");
    let json: serde_json::Value = serde_json::from_str(&ok(&[
        "price",
        "--price-book",
        path_str(&new),
        "--device",
        "silver:server=7",
        "--term",
        "24",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(json["monthly_recurring"], "5087.60");
    let diff = ok(&["price-book", "diff", STANDARD, path_str(&new)]);
    assert_eq!(diff, "Silver server 750.00 -> 790.00\n");
    // The changed price's citation ("handbook: $750 ...") is dropped; the others come back.
    let text = std::fs::read_to_string(&new).unwrap();
    assert!(
        !text.contains("handbook: $750 per server per month"),
        "{text}"
    );
    assert!(
        text.contains("handbook: $500 per server per month"),
        "{text}"
    );
    assert!(text.contains("an additional $250"), "{text}");
    assert!(stdout.contains("notes were dropped"), "{stdout}");
}

#[test]
fn acceptance_a_workbook_saved_by_libreoffice_imports() {
    // tests/fixtures/standard-silver-790-libreoffice.xlsx: the standard book's export with the
    // Silver server price changed to 790 and saved by LibreOffice (see fixtures/README.md).
    let dir = scratch("roundtrip-libreoffice");
    let new = dir.join("new.ron");
    ok(&[
        "price-book",
        "import",
        "tests/fixtures/standard-silver-790-libreoffice.xlsx",
        "-o",
        path_str(&new),
    ]);
    let json: serde_json::Value = serde_json::from_str(&ok(&[
        "price",
        "--price-book",
        path_str(&new),
        "--device",
        "silver:server=7",
        "--term",
        "24",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(json["monthly_recurring"], "5087.60");
}

#[test]
fn export_import_gives_the_same_book_and_reexport_the_same_bytes() {
    let cases = [
        ("standard", STANDARD_BOOK_RON.to_string()),
        (
            "provider",
            std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/examples/provider-book.ron"
            ))
            .unwrap(),
        ),
    ];
    for (name, text) in cases {
        let original = parse_price_book(&text, name).unwrap();
        let first = export_price_book_xlsx(&text, name).unwrap();
        let imported = import_price_book_xlsx(&first, "first.xlsx").unwrap();
        assert_eq!(
            imported.book, original,
            "case {name}: the imported book differs"
        );
        let second = export_price_book_xlsx(&imported.ron, name).unwrap();
        assert!(first == second, "case {name}: re-export changed bytes");
        assert_eq!(
            export_price_book_xlsx(&text, name).unwrap(),
            first,
            "case {name}: not deterministic"
        );
    }
}

#[test]
fn every_comment_survives_the_round_trip() {
    use msp_quote::formats::price_book::xlsx::capture_comments;
    let bytes = export_price_book_xlsx(STANDARD_BOOK_RON, "standard").unwrap();
    let imported = import_price_book_xlsx(&bytes, "standard.xlsx").unwrap();
    let texts = |text: &str| {
        let mut comments: Vec<String> =
            capture_comments(text).into_iter().map(|(_, c)| c).collect();
        comments.sort();
        comments
    };
    assert_eq!(texts(&imported.ron), texts(STANDARD_BOOK_RON));
}

#[test]
fn tolerant_cells_read_like_the_other_imports() {
    // "$1,250.00" in a price cell, "12%" and 12 in a percent cell, the header moved down.
    let bytes = export_price_book_xlsx(STANDARD_BOOK_RON, "standard").unwrap();
    let edited = rewrite(&bytes, |sheet, cells, row, col| match (sheet, col) {
        ("Tier prices", 2) if text_at(cells, row, 0) == "gold" => {
            Some(Data::String("$1,250.00".into()))
        }
        ("Bands", 3) if text_at(cells, row, 1) == "6" => Some(Data::Float(9.0)),
        ("Bands", 3) if text_at(cells, row, 1) == "11" => Some(Data::String("13%".into())),
        _ => None,
    });
    let imported = import_price_book_xlsx(&edited, "edited.xlsx").unwrap();
    assert_eq!(
        imported.book.tier("gold").unwrap().monthly_prices["server"],
        rust_decimal_macros::dec!(1250.00)
    );
    let bands = &imported.book.discount_schedules[0].bands;
    assert_eq!(
        (bands[2].discount_percent, bands[3].discount_percent),
        (rust_decimal_macros::dec!(9), rust_decimal_macros::dec!(13))
    );
}

#[test]
fn an_invalid_workbook_names_every_cell_and_writes_nothing() {
    // Two problems: a price that is not a number, and an overlapping band (5-10 after 2-5).
    let dir = scratch("roundtrip-invalid");
    let bytes = export_price_book_xlsx(STANDARD_BOOK_RON, "standard").unwrap();
    let edited = rewrite(&bytes, |sheet, cells, row, col| match (sheet, col) {
        ("Tier prices", 2) if text_at(cells, row, 0) == "bronze" => {
            Some(Data::String("enquire".into()))
        }
        ("Bands", 1) if text_at(cells, row, 1) == "6" => Some(Data::Float(5.0)),
        _ => None,
    });
    let path = dir.join("bad.xlsx");
    std::fs::write(&path, edited).unwrap();
    let out = dir.join("out.ron");
    let output = msp_quote(&[
        "price-book",
        "import",
        path_str(&path),
        "-o",
        path_str(&out),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("Tier prices!C"), "{stderr}");
    assert!(stderr.contains("enquire"), "{stderr}");
    assert!(!out.exists(), "nothing is written");

    // With the price fixed, the band overlap is reported at its row of the Bands sheet.
    let edited = rewrite(&bytes, |sheet, cells, row, col| match (sheet, col) {
        ("Bands", 1) if text_at(cells, row, 1) == "6" => Some(Data::Float(5.0)),
        _ => None,
    });
    let error = import_price_book_xlsx(&edited, "bad.xlsx").unwrap_err();
    let lines = error.lines().join("\n");
    assert!(
        lines.contains("bad.xlsx:Bands!4:4: band 5-10 overlaps 2-5"),
        "{lines}"
    );
}

fn arbitrary_quote() -> impl Strategy<Value = Quote> {
    (
        prop::collection::vec(
            (
                prop::sample::select(vec!["bronze", "silver", "gold"]),
                1u32..130,
            ),
            1..4,
        ),
        prop::sample::select(vec![12u32, 24, 36]),
        any::<bool>(),
    )
        .prop_map(|(lines, term, amortized)| {
            let mut quote = Quote::empty(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
            quote.devices = lines
                .into_iter()
                .map(|(tier, count)| DeviceLine {
                    tier: tier.to_string(),
                    kind: "server".to_string(),
                    count,
                })
                .collect();
            quote.term_months = term;
            quote.setup_mode = if amortized {
                SetupMode::Amortized
            } else {
                SetupMode::Upfront
            };
            quote
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn an_imported_book_prices_every_quote_as_the_ron_did(quote in arbitrary_quote()) {
        use std::sync::OnceLock;
        static IMPORTED: OnceLock<msp_quote::core::price_book::PriceBook> = OnceLock::new();
        let imported = IMPORTED.get_or_init(|| {
            let bytes = export_price_book_xlsx(STANDARD_BOOK_RON, "standard").unwrap();
            import_price_book_xlsx(&bytes, "standard.xlsx").unwrap().book
        });
        let original = standard_book().unwrap().book;
        prop_assert_eq!(price_quote(imported, &quote), price_quote(&original, &quote));
    }
}

#[test]
fn a_misspelt_setting_is_named_with_its_cell() {
    let bytes = export_price_book_xlsx(STANDARD_BOOK_RON, "standard").unwrap();
    let edited = rewrite(&bytes, |sheet, cells, row, col| {
        (sheet == "Book" && col == 0 && text_at(cells, row, 0) == "guardrails.margin_floor_percent")
            .then(|| Data::String("guardrails.margin_flor_percent".into()))
    });
    let error = import_price_book_xlsx(&edited, "book.xlsx").unwrap_err();
    let lines = error.lines().join("\n");
    assert!(
        lines.contains("book.xlsx:Book!A21: unknown setting 'guardrails.margin_flor_percent'"),
        "{lines}"
    );
    assert!(
        lines.contains("no row for 'guardrails.margin_floor_percent'"),
        "{lines}"
    );
}

//! Hostile input: imports. Spreadsheets that would exhaust memory are refused before they are
//! read (exit 2, one line); silent misreads become a skipped cell or a located warning.

use std::io::{Cursor, Read, Write};
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use calamine::{Data, Reader, Xlsx};
use msp_quote::core::cost::Acquisition;
use msp_quote::formats::import::cost_lines::{CostImportOptions, import_cost_lines_from_bytes};
use msp_quote::formats::import::customer_costs::import_customer_costs_from_bytes;
use msp_quote::formats::import::{ColumnKind, ColumnSpec, read_table_from_bytes};
use rust_decimal_macros::dec;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use zip::write::SimpleFileOptions;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "msp-quote-hostile-imports-{}-{name}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn example(name: &str) -> String {
    format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary with a time limit; (exit code, stdout, stderr).
fn run_cli(args: &[&str]) -> (i32, String, String) {
    let start = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_msp-quote"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "{args:?} took {:?}",
        start.elapsed()
    );
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn small_workbook() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "Category").unwrap();
    sheet.write_string(0, 1, "Description").unwrap();
    sheet.write_string(0, 2, "Unit cost").unwrap();
    sheet.write_string(1, 0, "Hardware").unwrap();
    sheet.write_string(1, 1, "Firewall").unwrap();
    sheet.write_number(1, 2, 100.0).unwrap();
    workbook.save_to_buffer().unwrap()
}

/// Copies the zip `bytes`, changing entries by `edit` (name, content) -> new content, and adding
/// `extra` entries.
fn rezip(
    bytes: &[u8],
    edit: impl Fn(&str, Vec<u8>) -> Vec<u8>,
    extra: &[(&str, &[u8], usize)],
) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).unwrap();
        out.start_file(name.as_str(), options).unwrap();
        out.write_all(&edit(&name, content)).unwrap();
    }
    for (name, chunk, times) in extra {
        out.start_file(*name, options).unwrap();
        for _ in 0..*times {
            out.write_all(chunk).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_expanded() {
    // 210 MB of zeros: a few hundred KB compressed, over the 200 MB limit expanded.
    let zeros = vec![b' '; 1024 * 1024];
    let bomb = rezip(
        &small_workbook(),
        |_, content| content,
        &[("xl/media/padding.xml", &zeros, 210)],
    );
    assert!(bomb.len() < 5 * 1024 * 1024, "{} bytes", bomb.len());
    let error = import_cost_lines_from_bytes(&bomb, "bomb.xlsx", &CostImportOptions::default())
        .unwrap_err();
    assert!(
        error.one_line().contains("over the limit of 200 MB"),
        "{}",
        error.one_line()
    );
    let dir = scratch("bomb");
    let path = dir.join("bomb.xlsx");
    std::fs::write(&path, &bomb).unwrap();
    let (code, stdout, stderr) = run_cli(&[
        "cost",
        &example("worked-example-9-3.ron"),
        "--import",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("bomb.xlsx") && stderr.contains("200 MB"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_sheet_claiming_17_billion_cells_is_refused() {
    let huge = rezip(
        &small_workbook(),
        |name, content| {
            if name == "xl/worksheets/sheet1.xml" {
                let xml = String::from_utf8(content).unwrap();
                let start = xml.find("<dimension").unwrap();
                let end = start + xml[start..].find("/>").unwrap() + 2;
                format!(
                    "{}<dimension ref=\"A1:XFD1048576\"/>{}",
                    &xml[..start],
                    &xml[end..]
                )
                .into_bytes()
            } else {
                content
            }
        },
        &[],
    );
    let error = import_customer_costs_from_bytes(&huge, "huge.xlsx").unwrap_err();
    let message = error.one_line();
    assert!(
        message.contains("17179869184 cells, over the limit of 5000000"),
        "{message}"
    );
    let dir = scratch("huge");
    let path = dir.join("huge.xlsx");
    std::fs::write(&path, &huge).unwrap();
    let (code, _, stderr) = run_cli(&[
        "roi",
        "--device",
        "silver:server=1",
        "--costs",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("huge.xlsx") && stderr.contains("5000000"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

const MONEY: &[ColumnSpec] = &[
    ColumnSpec {
        key: "description",
        synonyms: &["description"],
        required: true,
        kind: ColumnKind::Text,
    },
    ColumnSpec {
        key: "amount",
        synonyms: &["amount"],
        required: true,
        kind: ColumnKind::Amount,
    },
    ColumnSpec {
        key: "quantity",
        synonyms: &["quantity"],
        required: false,
        kind: ColumnKind::Number,
    },
];

#[test]
fn misread_numbers_become_located_skips_or_notes() {
    let csv = "Description,Amount,Quantity\n\
               grouping,\"$1,2,3\",1\n\
               percent,12%,1\n\
               comma,\"1,2\",1\n\
               \u{1b}[31mred\u{1b}[0m,5,1\n";
    let table = read_table_from_bytes(csv.as_bytes(), "x.csv", MONEY).unwrap();
    let skipped: Vec<String> = table.skipped.iter().map(ToString::to_string).collect();
    assert!(
        skipped
            .iter()
            .any(|s| s.starts_with("x.csv!B2: '$1,2,3'") && s.contains("not a number")),
        "{skipped:?}"
    );
    assert!(
        skipped
            .iter()
            .any(|s| s.starts_with("x.csv!B3: '12%' is a percentage")),
        "{skipped:?}"
    );
    let warnings: Vec<String> = table.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("x.csv!B4: '1,2' read as 1.2 (a decimal comma)")),
        "{warnings:?}"
    );
    assert_eq!(table.rows[2].number("amount"), Some(dec!(1.2)));
    // The escape character is shown, never sent to the terminal.
    let text = table.rows[3].text("description").unwrap();
    assert!(!text.contains('\u{1b}'), "{text:?}");
    assert!(text.contains("\\u{1b}[31mred"), "{text:?}");
}

#[test]
fn dates_are_not_amounts_and_merged_categories_carry_down() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Costs").unwrap();
    for (col, title) in [
        "Category",
        "Description",
        "Quantity",
        "Unit cost",
        "Billing",
        "APR %",
        "Lease months",
    ]
    .into_iter()
    .enumerate()
    {
        sheet.write_string(0, col as u16, title).unwrap();
    }
    // Category "Hardware" merged down A2:A4.
    sheet
        .merge_range(1, 0, 3, 0, "Hardware", &Format::new())
        .unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let day = ExcelDateTime::from_ymd(2024, 1, 1).unwrap();
    sheet.write_string(1, 1, "Switch").unwrap();
    sheet.write_number(1, 2, 1.0).unwrap();
    sheet.write_number(1, 3, 300.0).unwrap();
    sheet.write_string(2, 1, "Dated cost").unwrap();
    sheet.write_number(2, 2, 1.0).unwrap();
    sheet.write_datetime_with_format(2, 3, &day, &date).unwrap();
    sheet.write_string(3, 1, "Leased NAS").unwrap();
    sheet.write_number(3, 2, 1.0).unwrap();
    sheet.write_number(3, 3, 1200.0).unwrap();
    sheet.write_string(3, 4, "Leased").unwrap();
    sheet.write_number(3, 5, -5.0).unwrap();
    sheet.write_number(3, 6, 12.0).unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    let lines =
        import_cost_lines_from_bytes(&bytes, "c.xlsx", &CostImportOptions::default()).unwrap();
    assert_eq!(lines.hardware.len(), 1, "{:?}", lines);
    assert_eq!(lines.hardware[0].description, "Switch");
    assert_eq!(lines.hardware[0].acquisition, Acquisition::Purchased);
    let skipped: Vec<String> = lines.skipped.iter().map(ToString::to_string).collect();
    assert!(
        skipped
            .iter()
            .any(|s| s.starts_with("Costs!D3: a date-formatted cell")),
        "{skipped:?}"
    );
    assert!(
        skipped
            .iter()
            .any(|s| s.starts_with("Costs!F4: APR -5% is outside 0-100")),
        "{skipped:?}"
    );
    assert!(
        !skipped.iter().any(|s| s.contains("unknown category")),
        "merged cells carry the category: {skipped:?}"
    );
}

#[test]
fn a_utf16_csv_is_decoded() {
    let text = "Category,Description,Amount\nInternal staff,Admin,4000\n";
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let imported = import_customer_costs_from_bytes(&bytes, "utf16.csv").unwrap();
    assert_eq!(imported.costs.lines.len(), 1);
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.message.contains("UTF-16"))
    );
}

#[test]
fn formula_looking_descriptions_are_written_to_xlsx_as_text() {
    let dir = scratch("formula-text");
    let csv = dir.join("lines.csv");
    std::fs::write(
        &csv,
        "Category,Description,Unit cost\nHardware,=HYPERLINK(\"http://x\"),10\nHardware,+1+1,20\nHardware,@SUM(A1),30\nHardware,-2+3,40\n",
    )
    .unwrap();
    let out = dir.join("cost.xlsx");
    let (code, _, stderr) = run_cli(&[
        "cost",
        &example("worked-example-9-3.ron"),
        "--import",
        csv.to_str().unwrap(),
        "--xlsx",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let mut workbook: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let name = workbook.sheet_names()[0].clone();
    let range = workbook.worksheet_range(&name).unwrap();
    let formulas = workbook.worksheet_formula(&name).unwrap();
    for text in ["=HYPERLINK(\"http://x\")", "+1+1", "@SUM(A1)", "-2+3"] {
        let position = range
            .cells()
            .find(|(_, _, cell)| **cell == Data::String(text.to_string()))
            .map(|(row, col, _)| (row as u32, col as u32))
            .unwrap_or_else(|| panic!("{text} is not a text cell"));
        let absolute = (
            range.start().unwrap().0 + position.0,
            range.start().unwrap().1 + position.1,
        );
        assert!(
            formulas.get_value(absolute).is_none_or(String::is_empty),
            "{text} became a formula"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Imported values past what a quote file accepts were taken (a unit cost of 2,000,000,000,
/// a 240-month lease, 2,000,000 labour hours), so the analysis showed them and a quote saved
/// with `--save` could not be opened again. Each is now skipped at its cell with the limit,
/// and the saved quote opens.
#[test]
fn imported_values_past_the_quote_files_limits_are_skipped_at_their_cell_and_the_saved_quote_opens()
{
    let dir = scratch("past-limits");
    let costs = dir.join("lines.csv");
    std::fs::write(
        &costs,
        "Category,Description,Quantity,Unit cost,Billing,Months,Hours per month\n\
         Hardware,Mainframe,1,2000000000,purchased,,\n\
         Hardware,Racks,20000000,10,purchased,,\n\
         Hardware,Leased firewall,1,2400,leased,240,\n\
         Labour,Night operator,,,,,2000000\n\
         Software,Licences,2,30,monthly,,\n",
    )
    .unwrap();
    let saved = dir.join("saved.ron");
    let (code, stdout, stderr) = run_cli(&[
        "cost",
        &example("medium-customer.ron"),
        "--import",
        costs.to_str().unwrap(),
        "--save",
        saved.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    for (cell, says) in [
        ("lines.csv!D2", "above the limit of 1,000,000,000"),
        ("lines.csv!C3", "above the limit of 10,000,000"),
        ("lines.csv!F4", "lease months (1-120"),
        ("line 5", "above the limit of 1,000,000 hours"),
    ] {
        assert!(
            stderr
                .lines()
                .any(|line| line.contains(cell) && line.contains(says)),
            "{cell}: {says}: {stderr}"
        );
    }
    assert!(stdout.contains("imported 1 cost line"), "{stdout}");
    let (code, _, stderr) = run_cli(&["price", saved.to_str().unwrap()]);
    assert_eq!(code, 0, "the saved quote does not open: {stderr}");

    let customer = dir.join("customer.csv");
    std::fs::write(
        &customer,
        "Category,Description,Cost per hour,Hours per month,Monthly\n\
         Internal staff,Admins,,,2000000000\n\
         Consultant fees,Night cover,50,2000000,\n\
         Internal staff,Help desk,,,4000\n",
    )
    .unwrap();
    let (code, stdout, stderr) = run_cli(&[
        "roi",
        &example("medium-customer.ron"),
        "--costs",
        customer.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    for (cell, says) in [
        ("customer.csv!E2", "above the limit of 1,000,000,000"),
        ("customer.csv!D3", "above the limit of 1,000,000"),
    ] {
        assert!(
            stderr
                .lines()
                .any(|line| line.contains(cell) && line.contains(says)),
            "{cell}: {says}: {stderr}"
        );
    }
    assert!(
        stdout.contains("imported 1 line") || stderr.contains("imported 1 line"),
        "{stdout}{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

//! The tolerant importer on sheets built here in the shapes real spreadsheets have.

use msp_quote::formats::import::{
    CellValue, ColumnKind, ColumnSpec, read_table, read_table_from_bytes,
};
use msp_quote::formats::problem::Location;
use rust_decimal_macros::dec;
use rust_xlsxwriter::{Format, Formula, Workbook};

const COLUMNS: &[ColumnSpec] = &[
    ColumnSpec {
        key: "description",
        synonyms: &["description", "item", "name"],
        required: true,
        kind: ColumnKind::Text,
    },
    ColumnSpec {
        key: "amount",
        synonyms: &["monthly cost", "amount", "cost"],
        required: true,
        kind: ColumnKind::Amount,
    },
    ColumnSpec {
        key: "avoidable",
        synonyms: &["avoidable", "avoidable share"],
        required: false,
        kind: ColumnKind::Percent,
    },
];

fn cell(sheet: &str, cell: &str) -> Location {
    Location::Cell {
        sheet: sheet.to_string(),
        cell: cell.to_string(),
    }
}

/// Header in row 4 under a merged title, currency formats, "N/A" and "--" in the amount
/// column, a group row, a total row and a formula without a cached value.
fn messy_workbook() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Current IT costs").unwrap();
    let money = Format::new().set_num_format("$#,##0.00;;");
    let percent = Format::new().set_num_format("0%");
    sheet
        .merge_range(0, 0, 0, 3, "Contoso: current IT costs", &Format::new())
        .unwrap();
    sheet.write_string(3, 0, "Item").unwrap();
    sheet.write_string(3, 1, "Monthly\nCost (USD)").unwrap();
    sheet.write_string(3, 2, "Avoidable share").unwrap();
    sheet.write_string(4, 0, "Staff").unwrap(); // group row
    sheet.write_string(5, 0, "Internal staff").unwrap();
    sheet
        .write_number_with_format(5, 1, 4000.0, &money)
        .unwrap();
    sheet.write_number_with_format(5, 2, 0.5, &percent).unwrap();
    sheet.write_string(6, 0, "Consultant fees").unwrap();
    sheet.write_string(6, 1, "N/A").unwrap();
    sheet.write_string(7, 0, "Training").unwrap();
    sheet.write_string(7, 1, "--").unwrap();
    sheet.write_string(8, 0, "Emergency support").unwrap();
    sheet.write_string(8, 1, "$1,250.50").unwrap();
    sheet.write_number(8, 2, 100.0).unwrap();
    sheet.write_string(9, 0, "Tools").unwrap();
    sheet.write_formula(9, 1, Formula::new("=B6/10")).unwrap(); // cached value written as 0
    sheet.write_string(10, 0, "Travel").unwrap();
    sheet
        .write_formula(10, 1, Formula::new("=B6/20").set_result("200"))
        .unwrap();
    sheet.write_string(11, 0, "Total").unwrap();
    sheet
        .write_formula(11, 1, Formula::new("=SUM(B6:B11)").set_result("5450.5"))
        .unwrap();
    workbook.save_to_buffer().unwrap()
}

#[test]
fn messy_sheet_imports_with_every_skipped_cell_located() {
    let table = read_table_from_bytes(&messy_workbook(), "costs.xlsx", COLUMNS).unwrap();
    assert_eq!(table.sheet, "Current IT costs");
    assert_eq!(
        table.header_location,
        Some(Location::Row {
            sheet: "Current IT costs".to_string(),
            row: 4
        }),
        "the header is in row 4, under the merged title"
    );
    let descriptions: Vec<String> = table
        .rows
        .iter()
        .map(|r| r.text("description").unwrap())
        .collect();
    assert_eq!(
        descriptions,
        [
            "Internal staff",
            "Consultant fees",
            "Training",
            "Emergency support",
            "Tools",
            "Travel"
        ]
    );
    let amounts: Vec<Option<_>> = table.rows.iter().map(|r| r.number("amount")).collect();
    assert_eq!(
        amounts,
        [
            Some(dec!(4000)),
            None,
            None,
            Some(dec!(1250.50)),
            Some(dec!(0)),
            Some(dec!(200))
        ]
    );
    assert_eq!(
        table.rows[0].number("avoidable"),
        Some(dec!(50)),
        "0.5 in a % cell is 50%"
    );
    assert_eq!(table.rows[3].number("avoidable"), Some(dec!(100)));
    assert_eq!(
        table.rows[0].cell("amount").unwrap().location,
        cell("Current IT costs", "B6")
    );

    let skipped: Vec<String> = table
        .skipped
        .iter()
        .map(|p| p.location.to_string())
        .collect();
    assert_eq!(
        skipped,
        [
            "Current IT costs!5:5",
            "Current IT costs!B7",
            "Current IT costs!B8",
            "Current IT costs!12:12"
        ],
        "group row, N/A, -- and the total row, each located: {:?}",
        table.skipped
    );
    assert!(table.skipped[1].message.contains("'N/A'"));
    assert!(table.skipped[3].message.contains("total row"));
    let warned: Vec<String> = table
        .warnings
        .iter()
        .map(|p| p.location.to_string())
        .collect();
    assert!(
        warned.contains(&"Current IT costs!B10".to_string()),
        "the formula cached as 0 is warned: {:?}",
        table.warnings
    );
}

#[test]
fn csv_with_bom_semicolons_and_ragged_rows() {
    let text = "\u{feff}Name;Amount;Avoidable\n\"Staff; internal\";\"4.000\";100\nTools;250\nTravel;50;20;extra\n";
    let table = read_table_from_bytes(text.as_bytes(), "costs.csv", COLUMNS).unwrap();
    assert_eq!(table.rows.len(), 2);
    assert_eq!(
        table.rows[0].text("description").unwrap(),
        "Staff; internal"
    );
    assert_eq!(table.rows[0].number("amount"), Some(dec!(4.000)));
    assert_eq!(table.rows[1].number("amount"), Some(dec!(250)));
    assert_eq!(table.rows[1].location, Location::Line(3));
    assert_eq!(table.skipped.len(), 1, "{:?}", table.skipped);
    assert_eq!(
        table.skipped[0].location,
        Location::Line(4),
        "too many fields"
    );
    assert_eq!(table.warnings.len(), 1, "{:?}", table.warnings);
    assert_eq!(
        table.warnings[0].location,
        Location::Line(3),
        "too few fields"
    );
}

#[test]
fn header_only_file_gives_no_rows_and_no_error() {
    let table = read_table_from_bytes(b"Item,Monthly cost\n", "empty.csv", COLUMNS).unwrap();
    assert!(table.rows.is_empty());
    assert!(table.skipped.is_empty());
}

#[test]
fn bad_inputs_are_errors_never_panics() {
    let cases: [(&str, &[u8], &str); 4] = [
        ("no header", b"a,b\n1,2\n", "no sheet has a header row"),
        ("empty csv", b"", "no sheet has a header row"),
        (
            "garbage workbook",
            b"PK\x03\x04 not really",
            "not a readable workbook",
        ),
        ("unknown type", b"whatever", "unknown file type"),
    ];
    for (name, bytes, expected) in cases {
        let file = match name {
            "garbage workbook" => "x.xlsx",
            "unknown type" => "x.pdf",
            _ => "x.csv",
        };
        let error = read_table_from_bytes(bytes, file, COLUMNS).unwrap_err();
        assert!(
            error.one_line().contains(expected),
            "case {name}: {}",
            error.one_line()
        );
    }
    let missing = read_table(std::path::Path::new("/nonexistent/costs.xlsx"), COLUMNS).unwrap_err();
    assert!(missing.one_line().contains("cannot read"));
}

#[test]
fn text_cells_in_amount_column_never_become_numbers() {
    let table = read_table_from_bytes(
        b"Item,Cost\nA,upto $170\nB,enquire\nC,2XXX\nD,12\n",
        "p.csv",
        COLUMNS,
    )
    .unwrap();
    assert_eq!(table.rows.len(), 4);
    assert_eq!(table.skipped.len(), 3);
    assert_eq!(
        table.rows[3].cell("amount").unwrap().value,
        CellValue::Number(dec!(12))
    );
}

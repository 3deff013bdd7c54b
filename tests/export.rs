//! `msp-quote export`: one process, every output, each equal to what the single commands write.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::cli::{json_of, msp_quote, scratch_dir};

const QUOTE: &str = "examples/medium-customer.ron";
const COSTS: &str = "examples/medium-customer-costs.xlsx";

fn path_text(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// Runs `export` of the medium customer with its costs, every output into `dir`.
fn export_all_into(dir: &Path) -> [PathBuf; 4] {
    let files = ["p.pdf", "a.pdf", "c.xlsx", "r.json"].map(|name| dir.join(name));
    let output = msp_quote(&[
        "export",
        QUOTE,
        "--costs",
        COSTS,
        "--proposal",
        path_text(&files[0]),
        "--appendix",
        path_text(&files[1]),
        "--xlsx",
        path_text(&files[2]),
        "--json",
        path_text(&files[3]),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report = String::from_utf8_lossy(&output.stdout);
    for file in &files {
        assert!(
            report.contains(&format!("wrote {}", file.display())),
            "{report}"
        );
    }
    files
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn export_writes_the_four_files_the_single_commands_write() {
    let dir = scratch_dir("export-all");
    let [proposal, appendix, xlsx, json] = export_all_into(&dir);

    let single = dir.join("single");
    std::fs::create_dir_all(&single).unwrap();
    let (single_proposal, single_appendix, single_xlsx) = (
        single.join("p.pdf"),
        single.join("a.pdf"),
        single.join("c.xlsx"),
    );
    for (command, path) in [
        ("proposal", &single_proposal),
        ("appendix", &single_appendix),
    ] {
        let output = msp_quote(&[command, QUOTE, "--costs", COSTS, "-o", path_text(path)]);
        assert!(output.status.success(), "{command}");
    }
    let output = msp_quote(&["cost", QUOTE, "--xlsx", path_text(&single_xlsx)]);
    assert!(output.status.success());

    assert!(
        bytes(&proposal) == bytes(&single_proposal),
        "proposal differs"
    );
    assert!(
        bytes(&appendix) == bytes(&single_appendix),
        "appendix differs"
    );
    assert!(bytes(&xlsx) == bytes(&single_xlsx), "workbook differs");

    let exported: Value = serde_json::from_slice(&bytes(&json)).unwrap();
    assert_eq!(
        exported["price"],
        json_of(&["price", QUOTE, "--format", "json"])
    );
    assert_eq!(
        exported["cost"],
        json_of(&["cost", QUOTE, "--format", "json"])
    );
    assert_eq!(
        exported["roi"],
        json_of(&["roi", QUOTE, "--costs", COSTS, "--format", "json"])
    );
    let keys: Vec<&String> = exported.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["cost", "price", "roi"]);
    // The medium customer's fee is divided over its 259 managed devices (the example's header).
    assert_eq!(exported["cost"]["devices"], 259);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn export_twice_gives_byte_identical_files() {
    let first = scratch_dir("export-determinism-1");
    let second = scratch_dir("export-determinism-2");
    let first_files = export_all_into(&first);
    let second_files = export_all_into(&second);
    for (one, two) in first_files.iter().zip(&second_files) {
        assert!(bytes(one) == bytes(two), "{} differs", one.display());
    }
    std::fs::remove_dir_all(&first).unwrap();
    std::fs::remove_dir_all(&second).unwrap();
}

#[test]
fn export_json_holds_only_the_parts_the_quote_has() {
    let dir = scratch_dir("export-json-parts");
    let json = dir.join("r.json");
    // Customer costs, no cost analysis: price and roi.
    let output = msp_quote(&[
        "export",
        "examples/roi-two-silver-servers.ron",
        "--json",
        path_text(&json),
    ]);
    assert!(output.status.success());
    let value: Value = serde_json::from_slice(&bytes(&json)).unwrap();
    let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["price", "roi"]);
    // The ROI acceptance case of the example's header (tests/roi.rs): investment 34,360.00,
    // paid back in month 1.
    assert_eq!(value["roi"]["investment"], "34360.00");
    assert_eq!(value["roi"]["payback_month"], 1);
    // At a 0% discount rate the NPV is the net savings: 144,000.00 - 34,360.00 = 109,640.00.
    let output = msp_quote(&[
        "export",
        "examples/roi-two-silver-servers.ron",
        "--discount-rate",
        "0",
        "--json",
        path_text(&json),
    ]);
    assert!(output.status.success());
    let value: Value = serde_json::from_slice(&bytes(&json)).unwrap();
    assert_eq!(value["roi"]["npv"], "109640.00");
    assert_eq!(value["roi"]["net_savings"], "109640.00");
    // Flags only: no file, no cost analysis, no customer costs: price alone (pricing-rules.md
    // 9.1: 7 Silver servers for 24 months come to 115,720.00).
    let output = msp_quote(&[
        "export",
        "--device",
        "silver:server=7",
        "--term",
        "24",
        "--json",
        path_text(&json),
    ]);
    assert!(output.status.success());
    let value: Value = serde_json::from_slice(&bytes(&json)).unwrap();
    let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["price"]);
    assert_eq!(value["price"]["total_contract_value"], "115720.00");
    std::fs::remove_dir_all(&dir).unwrap();
}

fn assert_exit_2_one_line(output: &std::process::Output, needle: &str) {
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(needle), "{stderr}");
}

#[test]
fn export_without_an_output_exits_2_with_one_line() {
    let output = msp_quote(&["export", QUOTE]);
    assert_exit_2_one_line(&output, "nothing to export");
}

#[test]
fn export_xlsx_of_a_quote_without_cost_analysis_exits_2_saying_so() {
    let dir = scratch_dir("export-no-cost");
    let xlsx = dir.join("c.xlsx");
    let json = dir.join("r.json");
    let output = msp_quote(&[
        "export",
        "examples/roi-two-silver-servers.ron",
        "--json",
        path_text(&json),
        "--xlsx",
        path_text(&xlsx),
    ]);
    assert_exit_2_one_line(&output, "no cost_analysis");
    assert!(files_in(&dir).is_empty(), "{:?}", files_in(&dir));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn export_to_an_unwritable_path_exits_2_naming_it_and_leaves_no_file() {
    let dir = scratch_dir("export-unwritable");
    let proposal = dir.join("p.pdf");
    let missing_folder = dir.join("no-such-folder").join("r.json");
    let output = msp_quote(&[
        "export",
        QUOTE,
        "--proposal",
        path_text(&proposal),
        "--json",
        path_text(&missing_folder),
    ]);
    assert_exit_2_one_line(&output, path_text(&missing_folder));
    assert!(files_in(&dir).is_empty(), "{:?}", files_in(&dir));

    // A directory where the workbook should go: refused by name, nothing written.
    let in_the_way = dir.join("c.xlsx");
    std::fs::create_dir_all(&in_the_way).unwrap();
    let output = msp_quote(&[
        "export",
        QUOTE,
        "--proposal",
        path_text(&proposal),
        "--xlsx",
        path_text(&in_the_way),
    ]);
    assert_exit_2_one_line(&output, path_text(&in_the_way));
    assert_eq!(files_in(&dir), ["c.xlsx"]);
    assert!(files_in(&in_the_way).is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn export_refuses_one_path_for_two_outputs() {
    let dir = scratch_dir("export-same-path");
    let same = dir.join("out");
    let output = msp_quote(&[
        "export",
        QUOTE,
        "--proposal",
        path_text(&same),
        "--appendix",
        path_text(&same),
    ]);
    assert_exit_2_one_line(&output, "name the same file");
    assert!(files_in(&dir).is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The outputs are made side by side; the report still lists them in the flag order, and
/// one that fails on its own (a read-only workbook in the way) names itself, keeps the old
/// file and leaves no temporary behind.
#[test]
fn export_reports_in_flag_order_and_a_failing_output_names_itself_and_keeps_the_old_file() {
    let dir = scratch_dir("export-order");
    let files = export_all_into(&dir);
    let output = msp_quote(&[
        "export",
        QUOTE,
        "--json",
        path_text(&files[3]),
        "--xlsx",
        path_text(&files[2]),
        "--appendix",
        path_text(&files[1]),
        "--proposal",
        path_text(&files[0]),
    ]);
    assert!(output.status.success());
    let report = String::from_utf8_lossy(&output.stdout);
    let positions: Vec<usize> = files
        .iter()
        .map(|file| report.find(&format!("wrote {}", file.display())).unwrap())
        .collect();
    assert!(positions.is_sorted(), "not in flag order: {report}");

    let read_only = &files[2];
    std::fs::write(read_only, b"the analyst's old workbook").unwrap();
    let mut permissions = std::fs::metadata(read_only).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(read_only, permissions).unwrap();
    let output = msp_quote(&[
        "export",
        QUOTE,
        "--proposal",
        path_text(&files[0]),
        "--appendix",
        path_text(&files[1]),
        "--xlsx",
        path_text(read_only),
        "--json",
        path_text(&files[3]),
    ]);
    assert_exit_2_one_line(&output, path_text(read_only));
    assert_eq!(bytes(read_only), b"the analyst's old workbook");
    assert_eq!(files_in(&dir), ["a.pdf", "c.xlsx", "p.pdf", "r.json"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `price`, `cost` and `export --json` stream their long arrays; the text is still exactly what
/// serde_json writes for the whole tree (keys sorted, two-space indent, final newline), so
/// re-serialising what they print gives the same bytes.
#[test]
fn streamed_json_is_byte_for_byte_the_json_of_its_tree() {
    let dir = scratch_dir("export-streamed-json");
    let json_file = dir.join("r.json");
    let exported = msp_quote(&[
        "export",
        QUOTE,
        "--costs",
        COSTS,
        "--json",
        path_text(&json_file),
    ]);
    assert!(exported.status.success());
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "price",
            msp_quote(&["price", QUOTE, "--format", "json"]).stdout,
        ),
        (
            "cost",
            msp_quote(&["cost", QUOTE, "--format", "json"]).stdout,
        ),
        (
            "price of a quote with a contract",
            msp_quote(&["price", QUOTE, "--start", "2026-04-01", "--format", "json"]).stdout,
        ),
        ("export --json", bytes(&json_file)),
    ];
    for (case, printed) in cases {
        let tree: Value = serde_json::from_slice(&printed)
            .unwrap_or_else(|error| panic!("{case}: not JSON: {error}"));
        let mut expected = serde_json::to_string_pretty(&tree).unwrap();
        expected.push('\n');
        assert!(
            printed == expected.as_bytes(),
            "{case}: the streamed text is not the tree's"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

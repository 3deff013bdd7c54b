//! Hostile files: inputs that are not regular files or are too large, saves over links,
//! read-only, private and non-regular files, racing saves, megabytes of customer text, and
//! command lines that clap or the parsers refuse. Every input is built here, in a fresh folder;
//! every run of the binary has a time limit, so a hang fails the test instead of stalling it.

use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use msp_quote::app::sample_quote;
use msp_quote::formats::price_book::STANDARD_BOOK_RON;
use msp_quote::formats::quote::quote_to_ron;
use msp_quote::formats::{QUOTE_SIZE_LIMIT, write_atomically};

/// How long one run of the binary may take before it counts as a hang (debug build).
pub const RUN_LIMIT: Duration = Duration::from_secs(30);

/// What a run of the binary gave.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub took: Duration,
}

/// Runs `msp-quote args`, killing it (and failing the test) if it runs longer than `limit`.
pub fn run_within(args: &[&str], limit: Duration) -> Run {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_msp-quote"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1795737600")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stdout.read_to_string(&mut text);
        text
    });
    let err_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return Run {
                code: status.code(),
                stdout: out_reader.join().unwrap(),
                stderr: err_reader.join().unwrap(),
                took: started.elapsed(),
            };
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("msp-quote {args:?} still ran after {limit:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A fresh, empty folder for one test.
pub fn hostile_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("msp-quote-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Makes a FIFO at `path` (with the system's mkfifo).
pub fn make_fifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

/// A valid quote file (the sample quote) at `dir/name`.
pub fn quote_file(dir: &Path, name: &str) -> PathBuf {
    let quote = sample_quote(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
    let path = dir.join(name);
    std::fs::write(&path, quote_to_ron(&quote).unwrap()).unwrap();
    path
}

/// Asserts exit 2 with exactly one line on stderr that contains every one of `needles`.
pub fn assert_refused(run: &Run, case: &str, needles: &[&str]) {
    assert_eq!(
        run.code,
        Some(2),
        "case {case}: {} {}",
        run.stdout,
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "case {case}: {}", run.stderr);
    for needle in needles {
        assert!(run.stderr.contains(needle), "case {case}: {}", run.stderr);
    }
}

fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn temporaries_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".msp-quote-tmp") || name.ends_with(".tmp"))
        .collect()
}

fn mode_of(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn inputs_that_are_not_regular_files_are_refused_at_once() {
    let dir = hostile_dir("non-regular");
    let fifo = dir.join("fifo.ron");
    make_fifo(&fifo);
    let fifo_csv = dir.join("fifo.csv");
    make_fifo(&fifo_csv);
    let folder = dir.join("folder.ron");
    std::fs::create_dir_all(&folder).unwrap();
    let quote = quote_file(&dir, "q.ron");
    // A book whose logo is a FIFO.
    let book_dir = dir.join("book");
    std::fs::create_dir_all(&book_dir).unwrap();
    std::fs::write(book_dir.join("book.ron"), STANDARD_BOOK_RON).unwrap();
    make_fifo(&book_dir.join("logo.png"));
    let book = book_dir.join("book.ron");
    let pdf = dir.join("out.pdf");
    let device = "silver:server=7";
    let cases: Vec<(&str, Vec<&str>, &str)> = vec![
        ("quote is a FIFO", vec!["price", text(&fifo)], "FIFO"),
        (
            "book is a FIFO",
            vec!["price", "--price-book", text(&fifo), "--device", device],
            "FIFO",
        ),
        (
            "costs are a FIFO",
            vec!["roi", text(&quote), "--costs", text(&fifo)],
            "FIFO",
        ),
        (
            "imported sheet is a FIFO",
            vec!["cost", text(&quote), "--import", text(&fifo_csv)],
            "FIFO",
        ),
        (
            "logo is a FIFO",
            vec![
                "proposal",
                "--price-book",
                text(&book),
                "--device",
                device,
                "-o",
                text(&pdf),
            ],
            "logo.png",
        ),
        (
            "quote is a directory",
            vec!["price", text(&folder)],
            "directory",
        ),
        ("quote is a device", vec!["price", "/dev/zero"], "device"),
        (
            "check a FIFO book",
            vec!["check-price-book", text(&fifo)],
            "FIFO",
        ),
    ];
    for (case, args, named) in cases {
        let run = run_within(&args, Duration::from_secs(10));
        assert_refused(&run, case, &[named, "not a regular file"]);
    }
    assert!(!pdf.exists());
}

#[test]
fn an_input_over_its_stated_size_limit_is_refused() {
    let dir = hostile_dir("too-large");
    let path = dir.join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    // Sparse: no disk space is used.
    file.set_len(QUOTE_SIZE_LIMIT + 1).unwrap();
    drop(file);
    let run = run_within(&["price", text(&path)], RUN_LIMIT);
    assert_refused(&run, "quote over the limit", &["huge.ron", "32 MiB limit"]);
}

#[test]
fn a_save_through_a_symlink_replaces_the_target_and_keeps_the_link() {
    let dir = hostile_dir("symlink");
    let target = dir.join("real").join("quote.ron");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    std::fs::write(&target, "old").unwrap();
    let link = dir.join("link.ron");
    std::os::unix::fs::symlink("real/quote.ron", &link).unwrap();
    let run = run_within(
        &[
            "price",
            "--device",
            "silver:server=7",
            "--save",
            text(&link),
        ],
        RUN_LIMIT,
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let saved = std::fs::read_to_string(&target).unwrap();
    assert!(saved.contains("silver"), "{saved}");
    assert!(temporaries_in(&dir).is_empty());
    assert!(temporaries_in(target.parent().unwrap()).is_empty());
    // A dangling link: the file it names is created.
    let dangling = dir.join("dangling.ron");
    std::os::unix::fs::symlink("real/new.ron", &dangling).unwrap();
    write_atomically(&dangling, b"new").unwrap();
    assert_eq!(std::fs::read(dir.join("real/new.ron")).unwrap(), b"new");
}

#[test]
fn a_read_only_file_is_refused_and_left_untouched() {
    let dir = hostile_dir("read-only");
    let path = dir.join("locked.ron");
    std::fs::write(&path, "old").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let run = run_within(
        &[
            "price",
            "--device",
            "silver:server=7",
            "--save",
            text(&path),
        ],
        RUN_LIMIT,
    );
    assert_refused(&run, "read-only save", &["locked.ron", "read-only"]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
    assert_eq!(mode_of(&path), 0o444);
    assert!(temporaries_in(&dir).is_empty());
}

#[test]
fn a_private_file_stays_private_when_replaced() {
    let dir = hostile_dir("private");
    let path = dir.join("private.ron");
    std::fs::write(&path, "old").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let run = run_within(
        &[
            "price",
            "--device",
            "silver:server=7",
            "--save",
            text(&path),
        ],
        RUN_LIMIT,
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(std::fs::read_to_string(&path).unwrap().contains("silver"));
    assert_eq!(mode_of(&path), 0o600);
}

#[test]
fn non_regular_files_are_never_replaced() {
    let dir = hostile_dir("non-regular-save");
    let fifo = dir.join("fifo.ron");
    make_fifo(&fifo);
    let folder = dir.join("folder.ron");
    std::fs::create_dir_all(&folder).unwrap();
    for (case, path) in [("FIFO", &fifo), ("directory", &folder)] {
        let error = write_atomically(path, b"x").expect_err(case);
        assert!(
            error.to_string().contains("not a regular file"),
            "case {case}: {error}"
        );
    }
    let file_type = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&file_type));
    assert!(folder.is_dir());
    assert!(temporaries_in(&dir).is_empty());
    let run = run_within(
        &["template", "cost-analysis", text(&fifo)],
        Duration::from_secs(10),
    );
    assert_refused(
        &run,
        "template over a FIFO",
        &["fifo.ron", "not a regular file"],
    );
}

#[test]
fn of_two_concurrent_saves_the_file_is_one_whole_save_and_no_temporary_remains() {
    // The old writers shared one temporary name, so a racing pair could install the other's
    // half-written bytes and both report success. Now each writer has its own temporary and the
    // last rename wins: the file is always one writer's complete content. Which writer's rename
    // came last cannot be observed from outside the call (a thread may be preempted between its
    // rename and its return), so the test asserts the whole-content property, then that a save
    // made after the race is the one on disk.
    let dir = hostile_dir("concurrent");
    let path = dir.join("quote.ron");
    let contents: Vec<Vec<u8>> = (0..2u8)
        .map(|writer| vec![b'a' + writer; 1 + usize::from(writer) * 300_000])
        .collect();
    for round in 0..30 {
        let barrier = Arc::new(std::sync::Barrier::new(2));
        let reported = Arc::new(AtomicUsize::new(0));
        std::thread::scope(|scope| {
            for content in &contents {
                let barrier = Arc::clone(&barrier);
                let reported = Arc::clone(&reported);
                let path = path.clone();
                scope.spawn(move || {
                    barrier.wait();
                    write_atomically(&path, content).unwrap();
                    reported.fetch_add(1, Ordering::SeqCst);
                });
            }
        });
        assert_eq!(reported.load(Ordering::SeqCst), 2, "round {round}");
        let on_disk = std::fs::read(&path).unwrap();
        assert!(
            contents.contains(&on_disk),
            "round {round}: the file on disk is not one whole save ({} bytes)",
            on_disk.len()
        );
        assert!(temporaries_in(&dir).is_empty(), "round {round}");
        write_atomically(&path, b"after the race").unwrap();
        assert_eq!(
            std::fs::read(&path).unwrap(),
            b"after the race",
            "round {round}"
        );
    }
}

#[test]
fn a_stale_temporary_of_a_killed_save_is_cleaned_up_by_the_next_save() {
    let dir = hostile_dir("stale");
    let path = dir.join("quote.ron");
    // pid 4294967 is above Linux's largest pid: no process owns it.
    let stale = dir.join(".quote.ron.4294967-0.msp-quote-tmp");
    std::fs::write(&stale, "half a save").unwrap();
    let other = dir.join(".other.ron.4294967-0.msp-quote-tmp");
    std::fs::write(&other, "another file's").unwrap();
    write_atomically(&path, b"saved").unwrap();
    assert!(!stale.exists());
    assert!(
        other.exists(),
        "only the target's own temporaries are removed"
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"saved");
}

#[test]
fn a_proposal_for_a_customer_name_of_megabytes_renders_quickly() {
    let dir = hostile_dir("long-name");
    for (case, name) in [
        ("one word", "A".repeat(3_000_000)),
        ("many words", "Contoso Dental ".repeat(200_000)),
    ] {
        let mut quote = sample_quote(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
        quote.customer.name = name;
        let path = dir.join("long.ron");
        std::fs::write(&path, quote_to_ron(&quote).unwrap()).unwrap();
        let pdf = dir.join("long.pdf");
        for command in ["proposal", "appendix"] {
            let run = run_within(&[command, text(&path), "-o", text(&pdf)], RUN_LIMIT);
            assert_eq!(run.code, Some(0), "case {case} {command}: {}", run.stderr);
            assert!(
                run.took < Duration::from_secs(15),
                "case {case} {command}: took {:?}",
                run.took
            );
            let size = std::fs::metadata(&pdf).unwrap().len();
            assert!(size < 2_000_000, "case {case} {command}: {size} bytes");
        }
    }
}

#[test]
fn command_line_mistakes_are_one_line_with_exit_2() {
    let dir = hostile_dir("cli-errors");
    let quote = quote_file(&dir, "q.ron");
    let truncated = dir.join("truncated.ron");
    let full = std::fs::read_to_string(&quote).unwrap();
    std::fs::write(&truncated, &full[..full.len() / 2]).unwrap();
    let garbage = dir.join("garbage.ron");
    std::fs::write(&garbage, b"\x00\x01garbage\xff").unwrap();
    let png = dir.join("shot.png");
    let mut term_quote = sample_quote(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
    term_quote.term_months = 13;
    let term_13 = dir.join("term13.ron");
    std::fs::write(&term_13, quote_to_ron(&term_quote).unwrap()).unwrap();
    term_quote.term_months = 0;
    let term_0 = dir.join("term0.ron");
    std::fs::write(&term_0, quote_to_ron(&term_quote).unwrap()).unwrap();
    let device = "silver:server=7";
    let cases: Vec<(&str, Vec<&str>, Vec<&str>)> = vec![
        (
            "missing --reason",
            vec!["price", "--device", device, "--extra-discount", "5"],
            vec!["--reason"],
        ),
        (
            "missing -o",
            vec!["proposal", "--device", device],
            vec!["--output"],
        ),
        ("missing quote file", vec!["cost"], vec!["QUOTE.ron"]),
        (
            "negative term",
            vec!["price", "--device", device, "--term", "-1"],
            vec!["'-1'", "at least 1"],
        ),
        (
            "negative discount rate",
            vec!["roi", text(&quote), "--discount-rate", "-1200"],
            vec!["'-1200'", "0-100"],
        ),
        (
            "discount rate of -100%",
            vec!["roi", text(&quote), "--discount-rate", "-100"],
            vec!["'-100'", "0-100"],
        ),
        (
            "negative servers",
            vec!["assessment", "--type", "small", "--servers", "-1"],
            vec!["'-1'", "at least 1"],
        ),
        (
            "term 13",
            vec!["price", "--device", device, "--term", "13"],
            vec!["term_months", "13 months", "allowed: 12, 24, 36"],
        ),
        (
            "term 0 as a flag",
            vec!["price", text(&quote), "--term", "0"],
            vec!["'0'", "at least 1"],
        ),
        (
            "term 13 in a file",
            vec!["price", text(&term_13)],
            vec!["term13.ron:term_months", "allowed: 12, 24, 36"],
        ),
        (
            "term 0 in a file",
            vec!["price", text(&term_0)],
            vec!["term0.ron:term_months"],
        ),
        (
            "unknown tier",
            vec![
                "price",
                "--device",
                "silver:server=1",
                "--device",
                "platinum:server=2",
            ],
            vec!["devices[1].tier", "platinum"],
        ),
        (
            "unknown kind",
            vec!["price", "--device", "silver:toaster=1"],
            vec!["devices[0].kind", "toaster"],
        ),
        (
            "unknown add-on",
            vec!["price", "--device", device, "--addon", "unicorns=1"],
            vec!["addons[0].id", "unicorns"],
        ),
        (
            "screenshot of a truncated quote",
            vec!["--screenshot", text(&png), text(&truncated)],
            vec!["truncated.ron"],
        ),
        (
            "screenshot of garbage",
            vec!["--screenshot", text(&png), text(&garbage)],
            vec!["garbage.ron:1:10", "UTF-8"],
        ),
    ];
    for (case, args, needles) in cases {
        let run = run_within(&args, RUN_LIMIT);
        assert_refused(&run, case, &needles);
    }
    assert!(!png.exists());
}

//! The `msp-quote` binary: runs a subcommand, or opens the window when none is given.

fn main() -> std::process::ExitCode {
    msp_quote::cli::main_with(|| {
        eprintln!("error: the desktop window is not built yet; use a subcommand (see --help)");
        std::process::ExitCode::from(2)
    })
}

//! The `msp-quote` binary: runs a subcommand, or opens the window when none is given.

fn main() -> std::process::ExitCode {
    msp_quote::cli::main_with(msp_quote::app::run)
}

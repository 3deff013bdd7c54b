//! File formats: adapters between files and the core's domain types.
//!
//! Raw serde types are read here and converted once into validated domain types; every
//! problem is reported with its location.

mod atomic;
pub mod date;
pub mod import;
pub mod input;
pub mod json;
pub mod price_book;
pub mod problem;
pub mod quote;
mod scratch_dir;
pub mod xlsx;

pub use atomic::{write_atomically, write_atomically_with, write_target};
pub use date::default_date;
pub use input::{
    COSTS_SIZE_LIMIT, LOGO_SIZE_LIMIT, PRICE_BOOK_SIZE_LIMIT, QUOTE_SIZE_LIMIT,
    SPREADSHEET_SIZE_LIMIT, read_input_file, read_input_text,
};
pub use scratch_dir::ScratchDir;

//! The pure core: price book, quote, and the engines that price them.
//!
//! Nothing under `core` reads files, draws, or knows a file format: every function is plain
//! data in, plain data out, with money as exact [`rust_decimal::Decimal`].

pub mod bands;
pub mod contract;
pub mod cost;
pub mod evaluate;
pub mod limits;
pub mod lint;
pub mod money;
pub mod options;
pub mod price_book;
pub mod price_book_adjust;
pub mod price_book_diff;
pub mod price_book_options;
pub mod pricing;
pub mod quote;
pub mod quote_options;
pub mod roi;

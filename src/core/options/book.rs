//! What a price book says about the pricing options: the data types live beside the price
//! book ([`crate::core::price_book_options`]); re-exported here for the option functions.

pub use crate::core::price_book_options::*;

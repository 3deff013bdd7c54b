//! The one integration-test binary: each part of the product is a module.

mod app;
mod app_lists;
mod cli;
mod contract;
mod cost;
mod documents;
mod evaluate;
mod export;
mod hostile;
mod import;
mod options;
mod price_book_editor;
mod price_book_tools;
mod pricing;
mod pricing_properties;
mod quote_options;
mod regression;
mod roi;
mod workbooks;

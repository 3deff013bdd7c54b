//! The one integration-test binary: each part of the product is a module.

mod app;
mod cli;
mod cost;
mod documents;
mod import;
mod options;
mod pricing;
mod pricing_properties;
mod quote_options;
mod roi;

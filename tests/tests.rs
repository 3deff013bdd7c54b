//! The one integration-test binary: each part of the product is a module.

mod app;
mod cli;
mod cost;
mod import;
mod pricing;
mod pricing_properties;

//! The one integration-test binary: each part of the product is a module.

mod cli;
mod documents;
mod import;
mod pricing;
mod pricing_properties;

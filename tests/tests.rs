//! The one integration-test binary: each part of the product is a module.

mod import;
mod roi;

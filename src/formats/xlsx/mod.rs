//! Excel workbooks written with rust_xlsxwriter: live formulas with cached results equal to
//! the engine's cents, so Excel, LibreOffice and calamine all show the same figures.

pub mod cost;
pub mod customer_costs_template;
pub mod template;

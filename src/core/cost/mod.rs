//! Cost-plus analysis (pricing-rules.md section 5): every monthly cost of serving a customer,
//! marked up per category and divided over the managed devices, with the margin of every
//! option and the book's guardrails.
//!
//! [`analyse_cost`] is pure: the analysis, the quote and the book in, a [`CostBreakdown`] out.

mod breakdown;
mod engine;
mod labour;
mod lines;
pub mod model;

pub use breakdown::*;
pub use engine::analyse_cost;
pub use lines::lease_payment;
pub use model::*;

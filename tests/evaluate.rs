//! core::evaluate: one evaluation for every view.

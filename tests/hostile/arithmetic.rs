//! Hostile input: arithmetic.

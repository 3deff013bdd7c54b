//! Hostile input: imports.

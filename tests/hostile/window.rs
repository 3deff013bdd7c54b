//! Hostile input: window.

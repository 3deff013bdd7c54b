//! Hostile input: files.

//! Regression tests: one per fixed bug, each named after the bug it keeps fixed (ripgrep's
//! style). A test here reproduces what a user saw, then asserts the behaviour we want instead.

// ---------------------------------------------------------------------------------------------
// Defects a user saw in the window and the command line (issue "One evaluation for every view")
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Hostile input: overflow, wrapped counts, files and saves (issue "Hostile input")
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Imports (issue "Imports that take the analyst's own workbook")
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Contracts after the signature, price-book tools, the window's lists
// ---------------------------------------------------------------------------------------------

//! Analysts' own workbooks: sheet choice, two-row headers, inventories, inferred categories.

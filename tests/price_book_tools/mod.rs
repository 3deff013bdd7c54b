//! Price-book tools: spreadsheet round trip, diff, adjust, per-kind and per-user pricing.

//! Contracts after the signature: calendar, amendments, termination, renewal, SLA.

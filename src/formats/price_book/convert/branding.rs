//! The branding of a raw book -> validated [`Branding`], and `#RRGGBB` colours.

use super::super::raw::*;
use crate::core::price_book::*;
use crate::formats::problem::Checker;

pub(super) fn branding_of(check: &mut Checker, raw: &RawBranding) -> Branding {
    let accent_rgb = parse_colour(&raw.accent_colour).unwrap_or_else(|| {
        check.error(
            "branding.accent_colour",
            format!("'{}' is not a colour (write #RRGGBB)", raw.accent_colour),
        );
        [0, 0, 0]
    });
    if raw.company_name.trim().is_empty() {
        check.error("branding.company_name", "must not be empty");
    }
    Branding {
        company_name: raw.company_name.clone(),
        address_lines: raw.address_lines.clone(),
        logo: raw.logo.clone(),
        accent_rgb,
        paper: match raw.paper {
            RawPaperSize::A4 => PaperSize::A4,
            RawPaperSize::Letter => PaperSize::Letter,
        },
    }
}

/// Parses `#RRGGBB`.
pub fn parse_colour(text: &str) -> Option<[u8; 3]> {
    let hex = text.trim().strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let channel = |at: usize| u8::from_str_radix(&hex[at..at + 2], 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

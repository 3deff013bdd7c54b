//! Changes of the book's header, device kinds and tiers.

use rust_decimal::Decimal;

use super::BookSection;
use super::changes::{Changes, hours, yes_no};
use crate::core::money::plain;
use crate::core::price_book::{PriceBook, RateOverride, Tier};

impl Changes {
    pub(super) fn book(&mut self, old: &PriceBook, new: &PriceBook) {
        let s = BookSection::Book;
        let text = |v: &String| v.clone();
        self.field(s, "book id", &old.id, &new.id, text);
        self.field(s, "book name", &old.name, &new.name, text);
        self.field(s, "version", &old.version, &new.version, text);
        self.field(
            s,
            "effective date",
            &old.effective_date,
            &new.effective_date,
            |d| d.format("%Y-%m-%d").to_string(),
        );
        self.field(s, "currency", &old.currency, &new.currency, |c| {
            format!("{} ({}, {} decimals)", c.code, c.symbol, c.decimals)
        });
    }

    pub(super) fn device_kinds(&mut self, old: &PriceBook, new: &PriceBook) {
        let s = BookSection::DeviceKinds;
        self.keyed(
            s,
            &old.device_kinds,
            &new.device_kinds,
            |kind| kind.id.clone(),
            |_, kind| (format!("device kind {}", kind.id), kind.name.clone()),
            |this, a, b| {
                this.field(
                    s,
                    format!("device kind {} name", a.id),
                    &a.name,
                    &b.name,
                    Clone::clone,
                );
                this.field(
                    s,
                    format!("device kind {} counted from users", a.id),
                    &a.counted_from_users,
                    &b.counted_from_users,
                    yes_no,
                );
            },
        );
    }

    pub(super) fn tiers(&mut self, old: &PriceBook, new: &PriceBook) {
        let s = BookSection::Tiers;
        self.keyed(
            s,
            &old.tiers,
            &new.tiers,
            |tier| tier.id.clone(),
            |this, tier| (format!("tier {}", tier.name), this.tier_summary(old, tier)),
            |this, a, b| this.tier(old, a, b),
        );
    }

    pub(super) fn tier_summary(&self, book: &PriceBook, tier: &Tier) -> String {
        let prices: Vec<String> = tier
            .monthly_prices
            .iter()
            .map(|(kind, price)| {
                format!(
                    "{} {}",
                    book.kind_name(kind).to_lowercase(),
                    self.money(price)
                )
            })
            .collect();
        prices.join(", ")
    }

    pub(super) fn tier(&mut self, book: &PriceBook, a: &Tier, b: &Tier) {
        let s = BookSection::Tiers;
        let name = &a.name;
        self.field(
            s,
            format!("tier {} name", a.id),
            &a.name,
            &b.name,
            Clone::clone,
        );
        let money = |this: &Self, v: &Decimal| this.money(v);
        let decimals = self.decimals;
        self.map(
            s,
            |kind| format!("{name} {}", book.kind_name(kind).to_lowercase()),
            &a.monthly_prices,
            &b.monthly_prices,
            |v| plain(*v, decimals),
        );
        for inclusion in &a.inclusions {
            if !b.inclusions.contains(inclusion) {
                self.push(
                    s,
                    format!("{name} inclusion"),
                    Some(inclusion.clone()),
                    None,
                );
            }
        }
        for inclusion in &b.inclusions {
            if !a.inclusions.contains(inclusion) {
                self.push(
                    s,
                    format!("{name} inclusion"),
                    None,
                    Some(inclusion.clone()),
                );
            }
        }
        self.field(
            s,
            format!("{name} included support hours"),
            &a.included_support_hours,
            &b.included_support_hours,
            hours,
        );
        self.field(
            s,
            format!("{name} included flex hours"),
            &a.included_flex_hours,
            &b.included_flex_hours,
            hours,
        );
        self.map(
            s,
            |rate| format!("{name} rate override {rate}"),
            &a.rate_overrides,
            &b.rate_overrides,
            |v| match v {
                RateOverride::Included => "included".to_string(),
                RateOverride::Rate(amount) => plain(*amount, decimals),
            },
        );
        self.map(
            s,
            |rate| format!("{name} condition of included {rate}"),
            &a.included_conditions,
            &b.included_conditions,
            Clone::clone,
        );
        let reserve = (
            money(self, &a.internal_reserve_per_device),
            money(self, &b.internal_reserve_per_device),
        );
        self.field(
            s,
            format!("{name} internal reserve per device"),
            &reserve.0,
            &reserve.1,
            Clone::clone,
        );
        let schedule = |v: &Option<String>| v.clone().unwrap_or_else(|| "none".to_string());
        self.field(
            s,
            format!("{name} discount schedule"),
            &a.discount_schedule,
            &b.discount_schedule,
            schedule,
        );
        self.map(
            s,
            |kind| {
                format!(
                    "{name} discount schedule for {}",
                    book.kind_name(kind).to_lowercase()
                )
            },
            &a.kind_discount_schedules,
            &b.kind_discount_schedules,
            Clone::clone,
        );
    }
}

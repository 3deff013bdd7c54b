//! Changes of discount schedules and bands, terms and credits, setup, rates and add-ons.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::BookSection;
use super::changes::{Changes, percent, yes_no};
use crate::core::money::plain;
use crate::core::price_book::{AddOnUnit, CreditBasis, DiscountMode, PastLastBand, PriceBook};

impl Changes {
    pub(super) fn discount_schedules(&mut self, old: &PriceBook, new: &PriceBook) {
        let s = BookSection::DiscountSchedules;
        self.keyed(
            s,
            &old.discount_schedules,
            &new.discount_schedules,
            |schedule| schedule.id.clone(),
            |_, schedule| {
                let bands: Vec<String> = schedule
                    .bands
                    .iter()
                    .map(|band| format!("{}-{} {}", band.min, band.max, percent(&band.discount_percent)))
                    .collect();
                (format!("discount schedule {}", schedule.id), bands.join(", "))
            },
            |this, a, b| {
                let id = &a.id;
                this.field(s, format!("{id} mode"), &a.mode, &b.mode, |m| match m {
                    DiscountMode::Volume => "volume".to_string(),
                    DiscountMode::Graduated => "graduated".to_string(),
                });
                this.field(s, format!("{id} counted kind"), &a.counted_kind, &b.counted_kind, Clone::clone);
                this.field(s, format!("{id} applies to kinds"), &a.applies_to_kinds, &b.applies_to_kinds, |k| k.join(", "));
                this.field(s, format!("{id} applies to discountable add-ons"), &a.applies_to_discountable_addons, &b.applies_to_discountable_addons, yes_no);
                this.field(s, format!("{id} past the last band"), &a.past_last_band, &b.past_last_band, |p| match p {
                    PastLastBand::LastRateWithWarning => "last rate with a warning".to_string(),
                    PastLastBand::Refuse => "refuse".to_string(),
                });
                let bands = |schedule: &crate::core::price_book::DiscountSchedule| -> BTreeMap<String, Decimal> {
                    schedule
                        .bands
                        .iter()
                        .map(|band| (format!("{:>10}-{}", band.min, band.max), band.discount_percent))
                        .collect()
                };
                this.map(s, |key| format!("{id} band {}", key.trim_start()), &bands(a), &bands(b), percent);
            },
        );
    }

    pub(super) fn terms(&mut self, old: &PriceBook, new: &PriceBook) {
        let s = BookSection::Terms;
        let credit_text = |decimals: u32, credit: &crate::core::price_book::TermCredit| {
            let per = match credit.per {
                CreditBasis::PerContract => "per contract",
                CreditBasis::PerDevice => "per device",
            };
            format!("{} {per}", plain(credit.amount, decimals))
        };
        let decimals = self.decimals;
        self.keyed(
            s,
            &old.terms,
            &new.terms,
            |term| term.months.to_string(),
            |_, term| {
                let credits: Vec<String> = term
                    .credits
                    .iter()
                    .map(|credit| {
                        format!("month {}: {}", credit.month, credit_text(decimals, credit))
                    })
                    .collect();
                let text = if credits.is_empty() {
                    "no credits".to_string()
                } else {
                    format!("credits {}", credits.join(", "))
                };
                (format!("term {} months", term.months), text)
            },
            |this, a, b| {
                let credits =
                    |term: &crate::core::price_book::TermOption| -> BTreeMap<String, String> {
                        term.credits
                            .iter()
                            .map(|credit| {
                                (
                                    format!("{:>6}", credit.month),
                                    credit_text(decimals, credit),
                                )
                            })
                            .collect()
                    };
                let months = a.months;
                this.map(
                    s,
                    |month| format!("{months}-month term credit in month {}", month.trim_start()),
                    &credits(a),
                    &credits(b),
                    Clone::clone,
                );
            },
        );
    }

    pub(super) fn setup(&mut self, old: &PriceBook, new: &PriceBook) {
        let s = BookSection::Setup;
        let (a, b) = (&old.setup, &new.setup);
        let amounts = (self.money(&a.amount), self.money(&b.amount));
        self.field(s, "setup fee", &amounts.0, &amounts.1, Clone::clone);
        self.field(
            s,
            "setup up front offered",
            &a.upfront_offered,
            &b.upfront_offered,
            yes_no,
        );
        self.field(
            s,
            "setup amortized offered",
            &a.amortized_offered,
            &b.amortized_offered,
            yes_no,
        );
    }

    pub(super) fn hourly_rates(&mut self, old: &PriceBook, new: &PriceBook) {
        let s = BookSection::HourlyRates;
        let decimals = self.decimals;
        self.keyed(
            s,
            &old.hourly_rates,
            &new.hourly_rates,
            |rate| rate.id.clone(),
            |this, rate| {
                (
                    format!("hourly rate {}", rate.name),
                    format!("{}/h", this.money(&rate.rate)),
                )
            },
            |this, a, b| {
                let name = &a.name;
                this.field(
                    s,
                    format!("hourly rate {} name", a.id),
                    &a.name,
                    &b.name,
                    Clone::clone,
                );
                this.field(s, format!("hourly rate {name}"), &a.rate, &b.rate, |v| {
                    plain(*v, decimals)
                });
                this.field(
                    s,
                    format!("{name} billing increment"),
                    &a.billing_increment_minutes,
                    &b.billing_increment_minutes,
                    |m| format!("{m} min"),
                );
                this.field(
                    s,
                    format!("{name} travel premium"),
                    &a.travel_premium,
                    &b.travel_premium,
                    |v| plain(*v, decimals),
                );
                this.field(s, format!("{name} on site"), &a.on_site, &b.on_site, yes_no);
                this.field(
                    s,
                    format!("{name} discountable"),
                    &a.discountable,
                    &b.discountable,
                    yes_no,
                );
            },
        );
    }

    pub(super) fn addons(&mut self, old: &PriceBook, new: &PriceBook) {
        let s = BookSection::AddOns;
        let decimals = self.decimals;
        self.keyed(
            s,
            &old.addons,
            &new.addons,
            |addon| addon.id.clone(),
            |this, addon| {
                (
                    format!("add-on {}", addon.name),
                    this.money(&addon.monthly_price),
                )
            },
            |this, a, b| {
                let name = &a.name;
                this.field(
                    s,
                    format!("add-on {} name", a.id),
                    &a.name,
                    &b.name,
                    Clone::clone,
                );
                this.field(
                    s,
                    format!("add-on {name}"),
                    &a.monthly_price,
                    &b.monthly_price,
                    |v| plain(*v, decimals),
                );
                this.field(
                    s,
                    format!("add-on {name} unit"),
                    &a.unit,
                    &b.unit,
                    |u| match u {
                        AddOnUnit::PerDevice => "per device".to_string(),
                        AddOnUnit::PerUser => "per user".to_string(),
                        AddOnUnit::Flat => "flat".to_string(),
                    },
                );
                this.field(
                    s,
                    format!("add-on {name} discountable"),
                    &a.discountable,
                    &b.discountable,
                    yes_no,
                );
            },
        );
    }
}

//! The section-by-section comparison behind [`super::diff_price_books`].

use std::collections::BTreeMap;
use std::fmt::Debug;

use rust_decimal::Decimal;

use super::{BookChange, BookSection};
use crate::core::money::{percent_text, plain};
use crate::core::price_book::{
    AddOnUnit, CreditBasis, DiscountMode, PastLastBand, PriceBook, RateOverride, Tier,
};

/// The list being built, and how amounts are shown.
pub(super) struct Changes {
    list: Vec<BookChange>,
    decimals: u32,
}

fn percent(value: &Decimal) -> String {
    format!("{}%", percent_text(*value))
}

fn hours(value: &Decimal) -> String {
    format!("{} h", value.normalize())
}

fn yes_no(value: &bool) -> String {
    if *value { "yes" } else { "no" }.to_string()
}

fn debug_text<T: Debug>(value: &T) -> String {
    format!("{value:?}").to_lowercase()
}

impl Changes {
    pub(super) fn new(decimals: u32) -> Self {
        Changes {
            list: Vec::new(),
            decimals,
        }
    }

    pub(super) fn into_list(self) -> Vec<BookChange> {
        self.list
    }

    fn money(&self, value: &Decimal) -> String {
        plain(*value, self.decimals)
    }

    fn push(
        &mut self,
        section: BookSection,
        subject: String,
        old: Option<String>,
        new: Option<String>,
    ) {
        self.list.push(BookChange {
            section,
            subject,
            old,
            new,
        });
    }

    /// Records `subject: old -> new` when the values differ.
    fn field<T: PartialEq>(
        &mut self,
        section: BookSection,
        subject: impl Into<String>,
        old: &T,
        new: &T,
        show: impl Fn(&T) -> String,
    ) {
        if old != new {
            self.push(section, subject.into(), Some(show(old)), Some(show(new)));
        }
    }

    /// Compares two maps key by key: changed values, added and removed keys.
    fn map<V: PartialEq>(
        &mut self,
        section: BookSection,
        subject: impl Fn(&str) -> String,
        old: &BTreeMap<String, V>,
        new: &BTreeMap<String, V>,
        show: impl Fn(&V) -> String,
    ) {
        for (key, old_value) in old {
            match new.get(key) {
                Some(new_value) => self.field(section, subject(key), old_value, new_value, &show),
                None => self.push(section, subject(key), Some(show(old_value)), None),
            }
        }
        for (key, new_value) in new {
            if !old.contains_key(key) {
                self.push(section, subject(key), None, Some(show(new_value)));
            }
        }
    }

    /// Compares two lists of items by key: `compare` for items in both, added and removed
    /// items summarised.
    fn keyed<T>(
        &mut self,
        section: BookSection,
        old: &[T],
        new: &[T],
        key: impl Fn(&T) -> String,
        summary: impl Fn(&Self, &T) -> (String, String),
        mut compare: impl FnMut(&mut Self, &T, &T),
    ) {
        for old_item in old {
            match new.iter().find(|item| key(item) == key(old_item)) {
                Some(new_item) => compare(self, old_item, new_item),
                None => {
                    let (subject, text) = summary(self, old_item);
                    self.push(section, subject, Some(text), None);
                }
            }
        }
        for new_item in new {
            if !old.iter().any(|item| key(item) == key(new_item)) {
                let (subject, text) = summary(self, new_item);
                self.push(section, subject, None, Some(text));
            }
        }
    }

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

    fn tier_summary(&self, book: &PriceBook, tier: &Tier) -> String {
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

    fn tier(&mut self, book: &PriceBook, a: &Tier, b: &Tier) {
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

    pub(super) fn contract_and_rules(&mut self, old: &PriceBook, new: &PriceBook) {
        let s = BookSection::Contract;
        let (a, b) = (&old.contract, &new.contract);
        self.field(
            s,
            "late fee per month",
            &a.late_fee_percent_per_month,
            &b.late_fee_percent_per_month,
            percent,
        );
        self.field(
            s,
            "liquidated damages",
            &a.liquidated_damages_months,
            &b.liquidated_damages_months,
            |m| format!("{m} months"),
        );
        self.field(
            s,
            "quote valid",
            &a.quote_valid_days,
            &b.quote_valid_days,
            |d| format!("{d} days"),
        );
        let s = BookSection::SupportRules;
        let (a, b) = (&old.technical_support, &new.technical_support);
        self.field(
            s,
            "support accrual increment",
            &a.accrual_increment_minutes,
            &b.accrual_increment_minutes,
            |m| format!("{m} min"),
        );
        self.field(
            s,
            "support carry-over",
            &a.carry_over,
            &b.carry_over,
            yes_no,
        );
        let (a, b) = (&old.flex_time, &new.flex_time);
        self.field(
            s,
            "flex-time bank cap",
            &a.bank_cap_hours,
            &b.bank_cap_hours,
            hours,
        );
        self.field(
            s,
            "flex time expires at year end",
            &a.expires_at_calendar_year_end,
            &b.expires_at_calendar_year_end,
            yes_no,
        );
        self.field(
            s,
            "flex-time on-site block",
            &a.on_site_block_hours,
            &b.on_site_block_hours,
            hours,
        );
        let s = BookSection::Guardrails;
        let (a, b) = (&old.guardrails, &new.guardrails);
        self.field(
            s,
            "guardrail max extra discount",
            &a.max_extra_discount_percent,
            &b.max_extra_discount_percent,
            percent,
        );
        self.field(
            s,
            "guardrail margin floor",
            &a.margin_floor_percent,
            &b.margin_floor_percent,
            percent,
        );
    }

    pub(super) fn cost_defaults(&mut self, old: &PriceBook, new: &PriceBook) {
        let s = BookSection::CostDefaults;
        let (a, b) = (&old.cost_defaults, &new.cost_defaults);
        let decimals = self.decimals;
        self.keyed(
            s,
            &a.labour_roles,
            &b.labour_roles,
            |role| role.id.clone(),
            |this, role| {
                (
                    format!("labour role {}", role.name),
                    format!("{}/h", this.money(&role.hourly_cost)),
                )
            },
            |this, x, y| {
                this.field(
                    s,
                    format!("labour role {} name", x.id),
                    &x.name,
                    &y.name,
                    Clone::clone,
                );
                this.field(
                    s,
                    format!("labour cost {}", x.name),
                    &x.hourly_cost,
                    &y.hourly_cost,
                    |v| plain(*v, decimals),
                );
            },
        );
        self.keyed(
            s,
            &a.tasks,
            &b.tasks,
            |task| task.id.clone(),
            |_, task| (format!("task {}", task.name), hours(&task.hours_per_month)),
            |this, x, y| {
                let name = &x.name;
                this.field(
                    s,
                    format!("task {} name", x.id),
                    &x.name,
                    &y.name,
                    Clone::clone,
                );
                this.field(
                    s,
                    format!("task {name} hours"),
                    &x.hours_per_month,
                    &y.hours_per_month,
                    hours,
                );
                this.map(
                    s,
                    |kind| format!("task {name} hours for {kind}"),
                    &x.hours_by_kind,
                    &y.hours_by_kind,
                    hours,
                );
                this.field(
                    s,
                    format!("task {name} role"),
                    &x.role,
                    &y.role,
                    Clone::clone,
                );
                this.field(
                    s,
                    format!("task {name} per group"),
                    &x.per_group,
                    &y.per_group,
                    yes_no,
                );
                this.field(
                    s,
                    format!("task {name} components"),
                    &x.components,
                    &y.components,
                    |c| c.join(", "),
                );
            },
        );
        self.map(
            s,
            |category| format!("markup {category}"),
            &a.markups,
            &b.markups,
            percent,
        );
        let setup = (
            self.money(&a.setup_cost_per_device),
            self.money(&b.setup_cost_per_device),
        );
        self.field(s, "setup cost per device", &setup.0, &setup.1, Clone::clone);
    }

    pub(super) fn other(&mut self, old: &PriceBook, new: &PriceBook) {
        let s = BookSection::Other;
        self.field(
            s,
            "customer requirements",
            &old.customer_requirements,
            &new.customer_requirements,
            |r| r.join("; "),
        );
        self.field(
            s,
            "patch targets",
            &old.patch_targets,
            &new.patch_targets,
            |targets| {
                let texts: Vec<String> = targets
                    .iter()
                    .map(|t| format!("{} {}", t.class, t.target))
                    .collect();
                texts.join("; ")
            },
        );
        let (a, b) = (&old.branding, &new.branding);
        self.field(
            s,
            "company name",
            &a.company_name,
            &b.company_name,
            Clone::clone,
        );
        self.field(s, "address", &a.address_lines, &b.address_lines, |lines| {
            lines.join(", ")
        });
        self.field(s, "logo", &a.logo, &b.logo, |logo| {
            logo.clone().unwrap_or_else(|| "none".to_string())
        });
        self.field(s, "accent colour", &a.accent_rgb, &b.accent_rgb, |c| {
            format!("#{:02X}{:02X}{:02X}", c[0], c[1], c[2])
        });
        self.field(s, "paper", &a.paper, &b.paper, debug_text);
        if old.options != new.options {
            self.push(
                s,
                "pricing options (components, phases, packages, time and materials, assessment)"
                    .to_string(),
                Some("as before".to_string()),
                Some("changed".to_string()),
            );
        }
    }
}

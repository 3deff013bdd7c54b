//! Changes of the contract and support rules, guardrails, cost defaults and the rest.

use super::BookSection;
use super::changes::{Changes, debug_text, hours, percent, yes_no};
use crate::core::money::plain;
use crate::core::price_book::PriceBook;

impl Changes {
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

//! Discount schedules with their bands (volume or graduated, the counted kind, what they
//! apply to, past the last band), and the terms with their credits.

use super::fields::{Form, row_ui, rows_ui};
use crate::formats::price_book::raw::{
    RawBand, RawCredit, RawCreditBasis, RawDiscountMode, RawDiscountSchedule, RawPastLastBand,
    RawPriceBook, RawTerm,
};

/// Every discount schedule.
pub(crate) fn schedules_ui(ui: &mut egui::Ui, form: &mut Form<'_>, raw: &mut RawPriceBook) {
    let kinds: Vec<String> = raw
        .device_kinds
        .iter()
        .map(|kind| kind.id.clone())
        .collect();
    let mut remove = None;
    for (index, schedule) in raw.discount_schedules.iter_mut().enumerate() {
        let path = format!("discount_schedules[{index}]");
        egui::CollapsingHeader::new(format!("Schedule {}", schedule.id))
            .id_salt(("book-editor-schedule", index))
            .default_open(true)
            .show(ui, |ui| {
                schedule_ui(ui, form, &path, schedule, &kinds);
                bands_ui(ui, form, &path, &schedule.id.clone(), &mut schedule.bands);
                if form.button(
                    ui,
                    "Remove this schedule",
                    &format!("Remove schedule {}", index + 1),
                ) {
                    remove = Some(index);
                }
            });
    }
    form.problems_ui(ui, "discount_schedules");
    if let Some(index) = remove {
        raw.discount_schedules.remove(index);
        form.mark_changed();
    }
    if form.button(
        ui,
        "Add a schedule (a copy of the last)",
        "Add a discount schedule",
    ) && let Some(mut schedule) = raw.discount_schedules.last().cloned()
    {
        schedule.id = format!("{}-copy", schedule.id);
        raw.discount_schedules.push(schedule);
        form.mark_changed();
    }
}

/// A schedule's id, mode, counted kind, what it applies to, and past the last band.
fn schedule_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    path: &str,
    schedule: &mut RawDiscountSchedule,
    kinds: &[String],
) {
    let id = schedule.id.clone();
    row_ui(ui, "Id", |ui| {
        form.text(
            ui,
            &format!("{path}.id"),
            &format!("Schedule {id} id"),
            &mut schedule.id,
        );
    });
    row_ui(ui, "Mode", |ui| {
        let current = match schedule.mode {
            Some(RawDiscountMode::Volume) => 0,
            Some(RawDiscountMode::Graduated) => 1,
            None => 2,
        };
        let modes = [RawDiscountMode::Volume, RawDiscountMode::Graduated];
        if let Some(index) = form.choice(
            ui,
            &format!("{path}.mode"),
            &format!("Schedule {id} mode"),
            current,
            &["volume", "graduated"],
        ) {
            schedule.mode = modes.get(index).copied();
        }
    });
    row_ui(ui, "Counts", |ui| {
        let current = kinds.iter().position(|kind| *kind == schedule.counted_kind);
        let texts: Vec<&str> = kinds.iter().map(String::as_str).collect();
        if let Some(index) = form.choice(
            ui,
            &format!("{path}.counted_kind"),
            &format!("Schedule {id} counts"),
            current.unwrap_or(usize::MAX),
            &texts,
        ) {
            schedule.counted_kind.clone_from(&kinds[index]);
        }
    });
    schedule_scope_ui(ui, form, path, &id, schedule, kinds);
}

/// What a schedule applies to, and what happens past its last band.
fn schedule_scope_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    path: &str,
    id: &str,
    schedule: &mut RawDiscountSchedule,
    kinds: &[String],
) {
    row_ui(ui, "Applies to", |ui| {
        for kind in kinds {
            let mut applies = schedule.applies_to_kinds.contains(kind);
            if ui
                .checkbox(&mut applies, kind.as_str())
                .on_hover_text(format!("Schedule {id} applies to {kind}"))
                .changed()
            {
                if applies {
                    schedule.applies_to_kinds.push(kind.clone());
                } else {
                    schedule.applies_to_kinds.retain(|known| known != kind);
                }
                form.mark_changed();
            }
        }
        form.flag(
            ui,
            &format!("{path}.applies_to_discountable_addons"),
            "discountable add-ons",
            &mut schedule.applies_to_discountable_addons,
        );
    });
    for index in 0..schedule.applies_to_kinds.len() {
        form.problems_ui(ui, &format!("{path}.applies_to_kinds[{index}]"));
    }
    row_ui(ui, "Past the last band", |ui| {
        let current = usize::from(matches!(schedule.past_last_band, RawPastLastBand::Refuse));
        let choices = [
            RawPastLastBand::LastRateWithWarning,
            RawPastLastBand::Refuse,
        ];
        if let Some(index) = form.choice(
            ui,
            &format!("{path}.past_last_band"),
            &format!("Schedule {id} past the last band"),
            current,
            &["last rate, needs approval", "refuse"],
        ) {
            schedule.past_last_band = choices[index];
        }
    });
}

/// A schedule's bands, virtualised; each band's problems beside it.
fn bands_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    path: &str,
    schedule_id: &str,
    bands: &mut Vec<RawBand>,
) {
    ui.weak("Bands: from, to (devices), discount %");
    let mut remove = None;
    rows_ui(ui, &format!("{path}.bands"), bands.len(), |ui, index| {
        let Some(band) = bands.get_mut(index) else {
            return;
        };
        let band_path = format!("{path}.bands[{index}]");
        let name = format!("Schedule {schedule_id} band {}", index + 1);
        form.count(
            ui,
            &format!("{band_path}.min"),
            &format!("{name} from"),
            &mut band.min,
        );
        form.count(
            ui,
            &format!("{band_path}.max"),
            &format!("{name} to"),
            &mut band.max,
        );
        form.amount(
            ui,
            &format!("{band_path}.discount_percent"),
            &format!("{name} discount percent"),
            &mut band.discount_percent,
        );
        if form.button(ui, "Remove", &format!("Remove {name}")) {
            remove = Some(index);
        }
        form.problems_ui(ui, &band_path);
    });
    form.problems_ui(ui, &format!("{path}.bands"));
    if let Some(index) = remove {
        bands.remove(index);
        form.mark_changed();
    }
    if form.button(
        ui,
        "Add a band",
        &format!("Add a band to schedule {schedule_id}"),
    ) {
        let min = bands.last().map_or(1, |band| band.max.saturating_add(1));
        bands.push(RawBand {
            min,
            max: min.saturating_add(9),
            discount_percent: bands
                .last()
                .map_or("0".to_string(), |band| band.discount_percent.clone()),
        });
        form.mark_changed();
    }
}

/// The terms offered and their credits.
pub(crate) fn terms_ui(ui: &mut egui::Ui, form: &mut Form<'_>, terms: &mut Vec<RawTerm>) {
    let mut remove = None;
    for (index, term) in terms.iter_mut().enumerate() {
        let path = format!("terms[{index}]");
        let number = index + 1;
        row_ui(ui, &format!("Term {number}, months"), |ui| {
            form.count(
                ui,
                &format!("{path}.months"),
                &format!("Term {number} months"),
                &mut term.months,
            );
            if form.button(ui, "Remove", &format!("Remove term {number}")) {
                remove = Some(index);
            }
        });
        credits_ui(ui, form, &path, number, &mut term.credits);
    }
    form.problems_ui(ui, "terms");
    if let Some(index) = remove {
        terms.remove(index);
        form.mark_changed();
    }
    if form.button(ui, "Add a term", "Add a term") {
        let months = terms.iter().map(|term| term.months).max().unwrap_or(0) + 12;
        terms.push(RawTerm {
            months,
            credits: Vec::new(),
        });
        form.mark_changed();
    }
}

fn credits_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    path: &str,
    term_number: usize,
    credits: &mut Vec<RawCredit>,
) {
    let mut remove = None;
    for (index, credit) in credits.iter_mut().enumerate() {
        let credit_path = format!("{path}.credits[{index}]");
        let name = format!("Term {term_number} credit {}", index + 1);
        ui.horizontal_wrapped(|ui| {
            ui.add_space(24.0);
            ui.label("credit in month");
            form.count(
                ui,
                &format!("{credit_path}.month"),
                &format!("{name} month"),
                &mut credit.month,
            );
            form.amount(
                ui,
                &format!("{credit_path}.amount"),
                &format!("{name} amount"),
                &mut credit.amount,
            );
            let current = usize::from(matches!(credit.per, RawCreditBasis::PerDevice));
            let bases = [RawCreditBasis::PerContract, RawCreditBasis::PerDevice];
            if let Some(chosen) = form.choice(
                ui,
                "",
                &format!("{name} basis"),
                current,
                &["per contract", "per device"],
            ) {
                credit.per = bases[chosen];
            }
            if form.button(ui, "Remove", &format!("Remove {name}")) {
                remove = Some(index);
            }
        });
    }
    if let Some(index) = remove {
        credits.remove(index);
        form.mark_changed();
    }
    ui.horizontal(|ui| {
        ui.add_space(24.0);
        if form.button(
            ui,
            "Add a credit",
            &format!("Add a credit to term {term_number}"),
        ) {
            credits.push(RawCredit {
                month: 1,
                amount: "0.00".to_string(),
                per: RawCreditBasis::PerContract,
            });
            form.mark_changed();
        }
    });
}

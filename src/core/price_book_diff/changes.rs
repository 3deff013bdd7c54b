//! The change list behind [`super::diff_price_books`] and the helpers that compare fields,
//! maps and keyed lists.

use std::collections::BTreeMap;
use std::fmt::Debug;

use rust_decimal::Decimal;

use super::{BookChange, BookSection};
use crate::core::money::{percent_text, plain};

/// The list being built, and how amounts are shown.
pub(super) struct Changes {
    pub(super) list: Vec<BookChange>,
    pub(super) decimals: u32,
}

pub(super) fn percent(value: &Decimal) -> String {
    format!("{}%", percent_text(*value))
}

pub(super) fn hours(value: &Decimal) -> String {
    format!("{} h", value.normalize())
}

pub(super) fn yes_no(value: &bool) -> String {
    if *value { "yes" } else { "no" }.to_string()
}

pub(super) fn debug_text<T: Debug>(value: &T) -> String {
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

    pub(super) fn money(&self, value: &Decimal) -> String {
        plain(*value, self.decimals)
    }

    pub(super) fn push(
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

    pub(super) fn field<T: PartialEq>(
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

    pub(super) fn map<V: PartialEq>(
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

    pub(super) fn keyed<T>(
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
}

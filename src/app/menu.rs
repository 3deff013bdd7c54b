//! The window's frame around the tabs: the menu bar, the status bar and the notices.

use super::{Action, QuoteApp, Tab, documents_tab, files, meeting_mode, price_book_tab, quote_tab};
use super::{cost_tab, roi_tab};

impl QuoteApp {
    /// Draws the panels of the frame.
    pub(super) fn draw(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        egui::Panel::top("menu-bar").show(ui, |ui| self.menu_bar_ui(ui, actions));
        egui::Panel::bottom("status-bar").show(ui, |ui| self.status_bar_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| {
            self.notices_ui(ui, actions);
            super::price_book_editor::kept_book_banner_ui(ui, self);
            match self.tab {
                Tab::Quote => quote_tab::quote_tab_ui(ui, self, actions),
                Tab::Cost => cost_tab::cost_tab_ui(ui, self, actions),
                Tab::Roi => roi_tab::roi_tab_ui(ui, self, actions),
                Tab::Documents => documents_tab::documents_tab_ui(ui, self, actions),
                Tab::Contract => super::contract_tab::contract_tab_ui(ui, self),
                Tab::PriceBook => price_book_tab::price_book_tab_ui(ui, self, actions),
            }
        });
        files::prompts_ui(ui.ctx(), self, actions);
    }

    pub(super) fn menu_bar_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.horizontal_wrapped(|ui| {
            ui.menu_button("File", |ui| {
                let items = [
                    ("New quote", Action::NewQuote),
                    ("Open quote… (Ctrl+O)", Action::OpenQuote),
                    ("Save (Ctrl+S)", Action::SaveQuote),
                    ("Save as… (Ctrl+Shift+S)", Action::SaveQuoteAs),
                    ("New revision…", Action::NewRevision),
                    ("Load price book…", Action::LoadBook),
                ];
                for (text, action) in items {
                    if ui.button(text).clicked() {
                        actions.push(action);
                        ui.close();
                    }
                }
            });
            ui.menu_button("View", |ui| {
                let current = ui.ctx().options(|options| options.theme_preference);
                for (text, preference) in [
                    ("Theme: follow the system", egui::ThemePreference::System),
                    ("Theme: light", egui::ThemePreference::Light),
                    ("Theme: dark", egui::ThemePreference::Dark),
                ] {
                    if ui.selectable_label(current == preference, text).clicked() {
                        ui.ctx().set_theme(preference);
                        ui.close();
                    }
                }
            });
            if ui
                .add_enabled(self.history.can_undo(), egui::Button::new("Undo"))
                .on_hover_text("Undo the last edit (Ctrl+Z)")
                .clicked()
            {
                actions.push(Action::Undo);
            }
            if ui
                .add_enabled(self.history.can_redo(), egui::Button::new("Redo"))
                .on_hover_text("Redo (Ctrl+Shift+Z)")
                .clicked()
            {
                actions.push(Action::Redo);
            }
            ui.separator();
            for tab in Tab::ALL {
                if ui.selectable_label(self.tab == tab, tab.title()).clicked() {
                    self.tab = tab;
                }
            }
            ui.separator();
            meeting_mode::toggle_ui(ui, &mut self.meeting_mode);
            if let Some(job) = &self.files.job
                && job.started.elapsed() > std::time::Duration::from_millis(100)
            {
                ui.separator();
                ui.spinner();
                ui.label(job.label.as_str());
            }
        });
    }

    pub(super) fn status_bar_ui(&self, ui: &mut egui::Ui) {
        ui.horizontal_wrapped(|ui| {
            let file = self
                .files
                .path
                .as_ref()
                .map_or("Unsaved quote".to_string(), |path| {
                    path.display().to_string()
                });
            let marker = if self.files.dirty { " (changed)" } else { "" };
            ui.label(format!("{file}{marker}"));
            ui.separator();
            ui.label(format!(
                "Quote {} revision {}",
                self.quote.number, self.quote.revision
            ));
            ui.separator();
            let pin = self.book.pin();
            ui.label(format!(
                "Price book {} {} (sha256 {})",
                pin.id,
                pin.version,
                pin.sha256.chars().take(12).collect::<String>()
            ));
            if let Some(status) = &self.files.autosave_status {
                ui.separator();
                ui.weak(status.as_str());
            }
        });
    }

    pub(super) fn notices_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        for (index, notice) in self.notices.iter().enumerate() {
            let colour = if notice.is_error {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().text_color()
            };
            ui.horizontal(|ui| {
                if ui
                    .small_button("Dismiss")
                    .accessible_name(format!("Dismiss notice {}", index + 1))
                    .clicked()
                {
                    actions.push(Action::DismissNotice(index));
                }
                let prefix = if notice.is_error { "Error: " } else { "" };
                ui.colored_label(colour, format!("{prefix}{}", notice.text));
            });
        }
    }
}

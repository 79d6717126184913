//! The central page while comparing: the decision card, the headline of the tab
//! being edited, the table and the charts, all in one page that scrolls, so
//! opening "What changed" or a long table never pushes the charts out of reach.

use egui::{ScrollArea, Ui};

use super::CaseloadApp;
use crate::ui::charts::comparison_charts_ui;
use crate::ui::comparison::{comparison_details_ui, comparison_ui};
use crate::ui::headline::headline_ui;

/// The least height the two comparison charts get together, so a short window
/// scrolls to them rather than squashing them.
const MIN_CHARTS_HEIGHT: f32 = 760.0;

impl CaseloadApp {
    pub(super) fn comparison_page_ui(&mut self, ui: &mut Ui) {
        let viewport_height = ui.available_height();
        let active = self.active;
        ScrollArea::vertical()
            .id_salt("comparison_page")
            .auto_shrink(false)
            .show(ui, |ui| {
                let Some(comparing) =
                    comparison_ui(ui, &mut self.comparison, &self.documents, active)
                else {
                    return;
                };
                ui.add_space(4.0);
                ui.weak(format!(
                    "Headline of the tab being edited: {}",
                    self.documents[active].scenario.name
                ));
                headline_ui(ui, self.documents[active].projection());
                ui.separator();
                comparison_details_ui(ui, &self.documents, &comparing, &mut self.commands);
                let size = egui::vec2(ui.available_width(), viewport_height.max(MIN_CHARTS_HEIGHT));
                ui.allocate_ui(size, |ui| {
                    comparison_charts_ui(
                        ui,
                        &mut self.tab,
                        &self.documents,
                        &comparing.shown,
                        comparing.scenario,
                        &mut self.commands,
                    );
                });
            });
    }
}

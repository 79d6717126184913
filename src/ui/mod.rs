//! Everything drawn in the window. Panels read the model and the projection; only
//! the editor changes the scenario, and menus queue commands.

pub mod charts;
pub mod check_history;
pub mod comparison;
pub mod copy_table;
pub mod council_search;
pub mod decision_card;
pub mod dialogs;
pub mod documents;
pub mod editor;
pub mod file_chooser;
pub mod fit_history;
pub mod headline;
pub mod help;
pub mod how_we_compare;
pub mod menu_bar;
pub mod new_from_council;
pub mod notice;
pub mod risk;
pub mod sensitivity_table;
pub mod staff_table;
pub mod theme;

/// Gives a widget the name a screen reader (and a UI test) uses, where its visible
/// text alone is ambiguous: "Remove" becomes "Remove Early help".
pub fn accessible_label(response: &egui::Response, label: impl Into<String>) {
    let label = label.into();
    response
        .ctx
        .accesskit_node_builder(response.id, |node| node.set_label(label));
}

//! Everything drawn in the window. Panels read the model and the projection; only
//! the editor changes the scenario, and menus queue commands.

pub mod charts;
pub mod dialogs;
pub mod editor;
pub mod headline;
pub mod help;
pub mod menu_bar;
pub mod theme;

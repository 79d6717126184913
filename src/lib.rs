//! Caseload: plan children's social care for an English council, month by month
//! and financial year by financial year.
//!
//! `model` holds the scenario (plain data), `sim` projects it, `io` reads and
//! writes scenario files and CSV, `units` formats numbers for people, `cli` is the
//! headless command line, `app` and `ui` the desktop window. `published` holds
//! every council's published figures, and `council_scenario` builds a scenario
//! from them. `workspace` holds what the window's panels and the app share
//! (commands, open documents, preferences, risk work), so `ui` depends on it and
//! never on `app`.

pub mod app;
pub mod charts;
pub mod cli;
pub mod compare;
pub mod council_scenario;
pub mod export;
pub mod history;
pub mod io;
pub mod model;
pub mod published;
pub mod sim;
pub mod ui;
pub mod units;
pub mod workspace;

pub use app::CaseloadApp;
pub use model::Scenario;
pub use sim::{Projection, project};

//! The editor's input rows: a label, a value that cannot go outside what the model
//! accepts, its unit, and a tooltip with its meaning and where its default comes
//! from. Problems the validator finds are shown under the field they concern.

use std::ops::RangeInclusive;

use egui::{DragValue, RichText, Ui};

use crate::model::calendar::{FIRST_YEAR, LAST_YEAR};
use crate::model::catalogue::{self, Input, Scope};
use crate::model::{Month, Problem};
use crate::units;

/// How a number is shown and typed.
#[derive(Clone, Copy, PartialEq)]
pub enum Format {
    /// Plain number with the given decimals.
    Plain(usize),
    /// Pounds with thousands separators; `£` and commas are accepted when typing.
    Pounds,
}

/// One numeric input: its label in the editor, and its catalogue entry, which
/// gives its unit, range, format, drag speed and tooltip.
pub struct NumberField<'a> {
    pub label: &'a str,
    pub unit: &'a str,
    pub range: RangeInclusive<f64>,
    pub format: Format,
    input: Option<&'static Input>,
}

impl<'a> NumberField<'a> {
    /// The input of the scenario itself at `field` (`demand.referrals_per_month`).
    pub fn scenario(label: &'a str, field: &str) -> Self {
        Self::of(label, catalogue::scenario_input(field))
    }

    /// The input `field` of every item of a list (`fte` of a staff group,
    /// `action.extra_fte` of a `Recruit` intervention).
    pub fn item(label: &'a str, scope: Scope, field: &str, action: Option<&str>) -> Self {
        Self::of(label, catalogue::entry(scope, field, action))
    }

    /// A catalogue entry, shown with `label`.
    pub fn for_input(label: &'a str, input: &'static Input) -> Self {
        Self::of(label, Some(input))
    }

    fn of(label: &'a str, input: Option<&'static Input>) -> Self {
        let (min, max) = input
            .and_then(|input| input.kind.limits())
            .unwrap_or((f64::MIN, f64::MAX));
        let format = match input {
            Some(input) if input.is_pounds() => Format::Pounds,
            Some(input) => Format::Plain(input.decimals()),
            None => Format::Plain(1),
        };
        Self {
            label,
            unit: input.map_or("", |input| input.unit),
            range: min..=max,
            format,
            input,
        }
    }

    /// A number that is no input of the scenario (a range's low or high).
    pub fn new(label: &'a str, unit: &'a str, range: RangeInclusive<f64>) -> Self {
        Self {
            label,
            unit,
            range,
            format: Format::Plain(1),
            input: None,
        }
    }

    pub fn decimals(mut self, decimals: usize) -> Self {
        self.format = Format::Plain(decimals);
        self
    }
}

/// The tooltip of an input of the scenario itself (`name`, `start`...): its
/// meaning, default and limits from the catalogue.
pub fn scenario_help(field: &str) -> String {
    catalogue::scenario_input(field).map_or_else(String::new, Input::help)
}

/// How far a number moves for each point the pointer is dragged: the
/// catalogue's step for its input, else one unit of its last decimal (pounds:
/// a 200th of the amount), never more than a 1,000th of its range.
pub fn drag_step(field: &NumberField<'_>, value: f64) -> f64 {
    if let Some(input) = field.input {
        return input.drag_speed(value);
    }
    let step = match field.format {
        Format::Pounds => (value.abs() / 200.0).max(1.0),
        Format::Plain(decimals) => 10f64.powi(-(decimals as i32)),
    };
    let span = field.range.end() - field.range.start();
    if span.is_finite() && span > 0.0 {
        step.min(span / 1_000.0)
    } else {
        step
    }
}

/// The value a drag has reached: the value when it started plus the step for
/// each point moved right or up since the press, rounded to the step and kept
/// in range. Computed from the press, not added up frame by frame, so a long
/// drag cannot run away and dragging back to the start gives the start value.
pub fn dragged_value(start: f64, moved_points: f32, step: f64, range: &RangeInclusive<f64>) -> f64 {
    let raw = start + f64::from(moved_points) * step;
    let rounded = if step > 0.0 {
        let steps = ((raw - start) / step).round();
        // Six decimals: no 95.80000000000001 in a saved scenario.
        ((start + steps * step) * 1e6).round() / 1e6
    } else {
        raw
    };
    rounded.clamp(*range.start(), *range.end())
}

/// A drag-and-type box for a number, clamped to the field's range.
pub fn number_input(ui: &mut Ui, value: &mut f64, field: &NumberField<'_>) -> egui::Response {
    let start_id = ui.next_auto_id().with("drag_start");
    let speed = drag_step(field, *value);
    let before = *value;
    let mut drag = DragValue::new(value)
        .range(field.range.clone())
        .speed(speed)
        .update_while_editing(false);
    drag = match field.format {
        Format::Pounds => drag
            .custom_formatter(|amount, _| format!("£{}", units::thousands(amount, 0)))
            .custom_parser(|text| text.replace(['£', ',', ' '], "").parse().ok()),
        Format::Plain(decimals) => drag
            .custom_formatter(move |amount, _| units::thousands(amount, decimals))
            .custom_parser(|text| text.replace([',', ' ', '%'], "").parse().ok()),
    };
    let mut response = ui.add(drag);
    // egui adds each frame's movement to a rounded value, which can run away
    // and not come back; take the value from where the drag started instead.
    if response.drag_started() {
        ui.data_mut(|data| data.insert_temp(start_id, (before, speed)));
    }
    if response.dragged()
        && let Some((start, step)) = ui.data(|data| data.get_temp::<(f64, f64)>(start_id))
        && let Some((origin, now)) = ui.input(|input| {
            input
                .pointer
                .press_origin()
                .zip(input.pointer.interact_pos())
        })
    {
        let moved = (now.x - origin.x) - (now.y - origin.y);
        let dragged = dragged_value(start, moved, step, &field.range);
        if dragged != *value {
            *value = dragged;
        }
        if *value != before {
            response.mark_changed();
        }
    }
    if response.drag_stopped() {
        ui.data_mut(|data| data.remove::<(f64, f64)>(start_id));
    }
    response.on_hover_text(help_text(field))
}

/// The tooltip: the catalogue's meaning, default, source and limits.
fn help_text(field: &NumberField<'_>) -> String {
    match field.input {
        Some(input) => input.help(),
        None => format!(
            "Unit: {}. Allowed: {} to {}.",
            field.unit,
            units::thousands(*field.range.start(), 0),
            units::thousands(*field.range.end(), 0)
        ),
    }
}

/// A grid row: label, input, unit. Call inside a 3-column `egui::Grid`.
pub fn number_row(
    ui: &mut Ui,
    value: &mut f64,
    field: &NumberField<'_>,
    problem: Option<&Problem>,
) {
    let label = ui.label(field.label).on_hover_text(help_text(field));
    number_input(ui, value, field).labelled_by(label.id);
    ui.label(RichText::new(field.unit).weak());
    ui.end_row();
    problem_row(ui, problem);
}

/// An optional number: a checkbox turns it on (with the value its catalogue
/// entry gives for that) or off.
pub fn optional_number_row(
    ui: &mut Ui,
    value: &mut Option<f64>,
    field: &NumberField<'_>,
    problem: Option<&Problem>,
) {
    let default_value = match field.input.map(|input| input.kind) {
        Some(catalogue::Kind::OptionalNumber {
            when_switched_on, ..
        }) => when_switched_on,
        _ => *field.range.start(),
    };
    let mut on = value.is_some();
    if ui
        .checkbox(&mut on, field.label)
        .on_hover_text(help_text(field))
        .changed()
    {
        *value = on.then_some(default_value);
    }
    match value {
        Some(number) => {
            let input = number_input(ui, number, field);
            crate::ui::accessible_label(&input, format!("{}: value", field.label.trim()));
        }
        None => {
            ui.label(RichText::new("none").weak());
        }
    }
    ui.label(RichText::new(field.unit).weak());
    ui.end_row();
    problem_row(ui, problem);
}

/// A validation problem, in red, spanning the row under the field.
pub fn problem_row(ui: &mut Ui, problem: Option<&Problem>) {
    if let Some(problem) = problem {
        ui.label("");
        ui.label(problem_text(ui, &problem.message));
        ui.label("");
        ui.end_row();
    }
}

pub fn problem_text(ui: &Ui, message: &str) -> RichText {
    RichText::new(format!("Problem: {message}"))
        .color(super::super::theme::status_colours(ui.visuals()).bad)
}

/// The problem reported for exactly this path, if any.
pub fn problem_at<'a>(problems: &'a [Problem], path: &str) -> Option<&'a Problem> {
    problems.iter().find(|problem| problem.path == path)
}

/// A month: a month name and a year. Returns true when changed.
pub fn month_input(ui: &mut Ui, id: impl egui::AsIdSalt, month: &mut Month, help: &str) -> bool {
    let mut changed = false;
    let mut number = month.month_number();
    let mut year = month.year();
    ui.horizontal(|ui| {
        egui::ComboBox::from_id_salt(id)
            .width(60.0)
            .selected_text(month.short_name())
            .show_ui(ui, |ui| {
                for candidate in 1..=12 {
                    let name = Month::new(2000, candidate).map_or("", Month::short_name);
                    changed |= ui.selectable_value(&mut number, candidate, name).changed();
                }
            })
            .response
            .on_hover_text(help);
        changed |= ui
            .add(
                DragValue::new(&mut year)
                    .range(FIRST_YEAR..=LAST_YEAR)
                    .speed(0.05),
            )
            .on_hover_text(help)
            .changed();
    });
    if changed && let Some(new_month) = Month::new(year, number) {
        *month = new_month;
    }
    changed
}

/// A whole number of months (for durations and lags).
pub fn months_input(ui: &mut Ui, value: &mut u32, range: RangeInclusive<u32>, help: &str) -> bool {
    ui.add(
        DragValue::new(value)
            .range(range)
            .speed(0.1)
            .suffix(" months"),
    )
    .on_hover_text(help)
    .changed()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate::{MAX_FTE, MAX_GBP};

    #[test]
    fn fields_take_their_range_unit_format_and_help_from_the_catalogue() {
        let fte = NumberField::item("FTE", Scope::StaffGroup, "fte", None);
        assert_eq!(fte.range, 0.0..=MAX_FTE);
        assert_eq!(fte.unit, "FTE");
        assert!(fte.format == Format::Plain(1));
        let salary = NumberField::item("Salary", Scope::StaffGroup, "annual_salary_gbp", None);
        assert!(salary.format == Format::Pounds);
        let reserves = NumberField::scenario("Reserves", "money.reserves_gbp");
        assert_eq!(reserves.range, 0.0..=MAX_GBP);
        let help = help_text(&NumberField::scenario(
            "Growth",
            "demand.referral_growth_percent_per_year",
        ));
        assert!(help.starts_with("Yearly growth of referrals"), "{help}");
        assert!(help.contains("Default: 2 (an assumption"), "{help}");
        assert!(help.contains("Allowed: -50 to 100."), "{help}");
    }

    /// Experienced FTE 90 went to 600 in 58 points: now a 58-point drag moves
    /// it by the catalogue's 0.1 a point, and dragging back gives 90 again.
    #[test]
    fn a_drag_moves_by_the_catalogue_step_and_comes_back() {
        let fte = NumberField::item("FTE", Scope::StaffGroup, "fte", None);
        let step = drag_step(&fte, 90.0);
        assert!((step - 0.1).abs() < 1e-9, "{step}");
        let far = dragged_value(90.0, 58.0, step, &fte.range);
        assert_eq!(far, 95.8);
        assert_eq!(dragged_value(90.0, 0.0, step, &fte.range), 90.0);
        assert_eq!(dragged_value(90.0, -2_000.0, step, &fte.range), 0.0);
        // A number that is no input of the scenario steps by its last decimal.
        let low = NumberField::new("Low", "%", f64::MIN..=f64::MAX);
        assert!((drag_step(&low, 5.0) - 0.1).abs() < 1e-9);
        let pounds = NumberField::item("Salary", Scope::StaffGroup, "annual_salary_gbp", None);
        assert!((drag_step(&pounds, 40_000.0) - 200.0).abs() < 1e-9);
    }
}

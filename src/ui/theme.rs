//! Colours, named once. Each has a light and a dark variant so that text and lines
//! stay readable in both themes.

use egui::{Color32, Visuals};

use crate::charts::{self, Rgb, STATUS_ON_DARK, STATUS_ON_LIGHT, StatusRgb};
use crate::sim::CapacityRating;

/// Dims the window behind Caseload's own file chooser, as egui's modal windows do.
pub const BACKDROP: Color32 = Color32::from_black_alpha(100);

/// Colours for status: over cap or budget, close to it, within it, spare.
pub struct StatusColours {
    pub bad: Color32,
    pub warning: Color32,
    pub good: Color32,
    pub spare: Color32,
}

pub fn status_colours(visuals: &Visuals) -> StatusColours {
    let StatusRgb {
        bad,
        warning,
        good,
        spare,
    } = if visuals.dark_mode {
        STATUS_ON_DARK
    } else {
        STATUS_ON_LIGHT
    };
    StatusColours {
        bad: colour(bad),
        warning: colour(warning),
        good: colour(good),
        spare: colour(spare),
    }
}

/// A chart colour as egui draws it.
pub fn colour(Rgb(red, green, blue): Rgb) -> Color32 {
    Color32::from_rgb(red, green, blue)
}

pub fn rating_colour(visuals: &Visuals, rating: CapacityRating) -> Color32 {
    let colours = status_colours(visuals);
    match rating {
        CapacityRating::Red => colours.bad,
        CapacityRating::Amber => colours.warning,
        CapacityRating::Green => colours.good,
        CapacityRating::Blue => colours.spare,
    }
}

/// Series colours for charts, distinct in both themes (Okabe-Ito, colour-blind
/// safe), from the palette PNG export shares.
pub fn series_colour(index: usize) -> Color32 {
    colour(charts::series_colour(index))
}

/// The colour of the `index`th series a scenario lists (a staff group): a hue,
/// never the grey of totals; [`charts::series_dashed`] says when it repeats.
pub fn listed_colour(index: usize) -> Color32 {
    colour(charts::listed_colour(index))
}

/// Reference lines (caps, budgets) and intervention markers.
pub fn reference_colour(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_gray(200)
    } else {
        Color32::from_gray(70)
    }
}

pub fn marker_colour(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_gray(140)
    } else {
        Color32::from_gray(120)
    }
}

/// The colour of a scenario on comparison charts, the same in exported images.
pub fn scenario_colour(index: usize) -> Color32 {
    colour(charts::scenario_colour(index))
}

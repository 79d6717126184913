//! Colours, named once. Each has a light and a dark variant so that text and lines
//! stay readable in both themes.

use egui::{Color32, Visuals};

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
    if visuals.dark_mode {
        StatusColours {
            bad: Color32::from_rgb(0xff, 0x6b, 0x6b),
            warning: Color32::from_rgb(0xff, 0xb3, 0x47),
            good: Color32::from_rgb(0x5f, 0xd0, 0x7a),
            spare: Color32::from_rgb(0x6c, 0xb4, 0xff),
        }
    } else {
        StatusColours {
            bad: Color32::from_rgb(0xc0, 0x1c, 0x1c),
            warning: Color32::from_rgb(0xb0, 0x5c, 0x00),
            good: Color32::from_rgb(0x1e, 0x7b, 0x34),
            spare: Color32::from_rgb(0x1b, 0x5f, 0xb0),
        }
    }
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

/// Series colours for charts, distinct in both themes (Okabe-Ito, colour-blind safe).
pub const SERIES: [Color32; 8] = [
    Color32::from_rgb(0x00, 0x72, 0xb2),
    Color32::from_rgb(0xe6, 0x9f, 0x00),
    Color32::from_rgb(0x00, 0x9e, 0x73),
    Color32::from_rgb(0xcc, 0x79, 0xa7),
    Color32::from_rgb(0xd5, 0x5e, 0x00),
    Color32::from_rgb(0xf0, 0xe4, 0x42),
    Color32::from_rgb(0x56, 0xb4, 0xe9),
    Color32::from_rgb(0x99, 0x99, 0x99),
];

pub fn series_colour(index: usize) -> Color32 {
    SERIES[index % SERIES.len()]
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
    let (red, green, blue) = crate::export::scenario_colour(index);
    Color32::from_rgb(red, green, blue)
}

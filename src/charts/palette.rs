//! Chart colours as plain RGB, named once: the window converts them to egui
//! colours and PNG export to plotters colours, so both draw the same.

/// A colour as red, green and blue bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// Series colours, distinct in light and dark themes and for colour-blind
/// readers (Okabe-Ito), in the order single-scenario charts use them.
pub const PALETTE: [Rgb; 8] = [
    Rgb(0x00, 0x72, 0xb2), // blue
    Rgb(0xe6, 0x9f, 0x00), // orange
    Rgb(0x00, 0x9e, 0x73), // bluish green
    Rgb(0xcc, 0x79, 0xa7), // reddish purple
    Rgb(0xd5, 0x5e, 0x00), // vermillion
    Rgb(0xf0, 0xe4, 0x42), // yellow
    Rgb(0x56, 0xb4, 0xe9), // sky blue
    Rgb(0x99, 0x99, 0x99), // grey
];

/// The palette entries that tell scenarios apart on comparison charts, in
/// order: blue, vermillion, green, purple, orange, sky blue. Yellow is too pale
/// for a scenario's line on white, and grey reads as a reference line.
const SCENARIO_ORDER: [usize; 6] = [0, 4, 2, 3, 1, 6];

/// The colour of series `index` of a single-scenario chart.
pub fn series_colour(index: usize) -> Rgb {
    PALETTE[index % PALETTE.len()]
}

/// The colour of scenario `index` on comparison charts, in the window and in
/// exported images alike.
pub fn scenario_colour(index: usize) -> Rgb {
    PALETTE[SCENARIO_ORDER[index % SCENARIO_ORDER.len()]]
}

/// Colours for status: over cap or budget, close to it, within it, spare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusRgb {
    pub bad: Rgb,
    pub warning: Rgb,
    pub good: Rgb,
    pub spare: Rgb,
}

/// Status colours on a light background (and in exported images).
pub const STATUS_ON_LIGHT: StatusRgb = StatusRgb {
    bad: Rgb(0xc0, 0x1c, 0x1c),
    warning: Rgb(0xb0, 0x5c, 0x00),
    good: Rgb(0x1e, 0x7b, 0x34),
    spare: Rgb(0x1b, 0x5f, 0xb0),
};

/// Status colours on a dark background.
pub const STATUS_ON_DARK: StatusRgb = StatusRgb {
    bad: Rgb(0xff, 0x6b, 0x6b),
    warning: Rgb(0xff, 0xb3, 0x47),
    good: Rgb(0x5f, 0xd0, 0x7a),
    spare: Rgb(0x6c, 0xb4, 0xff),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scenarios_take_distinct_palette_colours_and_wrap_around() {
        let colours: Vec<Rgb> = (0..SCENARIO_ORDER.len()).map(scenario_colour).collect();
        for (index, colour) in colours.iter().enumerate() {
            assert!(!colours[..index].contains(colour), "{colour:?} repeats");
        }
        assert_eq!(scenario_colour(0), series_colour(0));
        assert_eq!(scenario_colour(1), Rgb(0xd5, 0x5e, 0x00));
        assert_eq!(scenario_colour(SCENARIO_ORDER.len()), scenario_colour(0));
        assert_eq!(series_colour(PALETTE.len() + 2), series_colour(2));
    }
}

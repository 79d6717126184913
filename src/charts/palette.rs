//! Chart colours as plain RGB, named once: the window converts them to egui
//! colours and PNG export to plotters colours, so both draw the same.

/// A colour as red, green and blue bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// Series colours, each of its own hue so that no two series on one chart
/// share one: the Okabe-Ito colours that stay apart for colour-blind readers
/// (blue, orange, bluish green, reddish purple, vermillion), one indigo where a
/// chart needs a sixth hue (Okabe-Ito's sky blue and yellow read as a second
/// blue and a second orange beside the first), and a neutral grey. Charts with
/// more series than hues repeat them dashed ([`series_dashed`]).
pub const PALETTE: [Rgb; 7] = [
    Rgb(0x00, 0x72, 0xb2), // blue
    Rgb(0xe6, 0x9f, 0x00), // orange
    Rgb(0x00, 0x9e, 0x73), // bluish green
    Rgb(0xcc, 0x79, 0xa7), // reddish purple
    Rgb(0xd5, 0x5e, 0x00), // vermillion
    Rgb(0x5e, 0x3c, 0x99), // indigo
    Rgb(0x99, 0x99, 0x99), // grey
];

/// The palette entry that is no hue: for "all", "other" and totals.
pub const NEUTRAL: usize = 6;

/// The hues a reader tells apart at a glance; two colours of one family (a
/// blue and a sky blue) read as the same series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hue {
    Blue,
    Orange,
    Green,
    Purple,
    Red,
    Indigo,
    /// Greys, black and white: told apart by lightness, not hue.
    Neutral,
}

/// The family of a colour, by its hue angle (degrees on the colour wheel).
pub fn hue_family(Rgb(red, green, blue): Rgb) -> Hue {
    let [r, g, b] = [red, green, blue].map(|channel| f64::from(channel) / 255.0);
    let high = r.max(g).max(b);
    let low = r.min(g).min(b);
    let chroma = high - low;
    if chroma < 0.15 {
        return Hue::Neutral;
    }
    let sector = if high == r {
        ((g - b) / chroma).rem_euclid(6.0)
    } else if high == g {
        (b - r) / chroma + 2.0
    } else {
        (r - g) / chroma + 4.0
    };
    match sector * 60.0 {
        angle if !(32.0..345.0).contains(&angle) => Hue::Red,
        angle if angle < 70.0 => Hue::Orange,
        angle if angle < 185.0 => Hue::Green,
        angle if angle < 245.0 => Hue::Blue,
        angle if angle < 290.0 => Hue::Indigo,
        _ => Hue::Purple,
    }
}

/// The palette entries that tell scenarios apart on comparison charts, in
/// order: blue, vermillion, green, purple, orange, indigo. Grey reads as a
/// reference line.
const SCENARIO_ORDER: [usize; 6] = [0, 4, 2, 3, 1, 5];

/// The colour of series `index` of a single-scenario chart whose series are
/// fixed (spend categories, placement kinds): the grey comes last.
pub fn series_colour(index: usize) -> Rgb {
    PALETTE[index % PALETTE.len()]
}

/// The colour of the `index`th of a list of series that a scenario decides
/// (its staff groups): the hues in turn, never the grey, which a chart keeps
/// for its total.
pub fn listed_colour(index: usize) -> Rgb {
    PALETTE[index % NEUTRAL]
}

/// Whether the `index`th listed series is drawn dashed: from the second round
/// of hues, so that it differs from the solid line of its hue.
pub fn series_dashed(index: usize) -> bool {
    index >= NEUTRAL
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

    #[test]
    fn every_palette_colour_has_a_hue_of_its_own() {
        let families: Vec<Hue> = PALETTE.iter().map(|colour| hue_family(*colour)).collect();
        for (index, family) in families.iter().enumerate() {
            assert!(
                !families[..index].contains(family),
                "{:?} shares the hue {family:?}",
                PALETTE[index]
            );
        }
        assert_eq!(families[NEUTRAL], Hue::Neutral);
        // The pairs a councillor could not tell apart in Okabe-Ito's full set.
        assert_eq!(hue_family(Rgb(0x56, 0xb4, 0xe9)), Hue::Blue, "sky blue");
        assert_eq!(hue_family(Rgb(0xf0, 0xe4, 0x42)), Hue::Orange, "yellow");
    }

    #[test]
    fn listed_series_repeat_the_hues_dashed_and_never_take_the_grey() {
        for index in 0..20 {
            assert_ne!(hue_family(listed_colour(index)), Hue::Neutral);
        }
        assert_eq!(listed_colour(0), listed_colour(NEUTRAL));
        assert!(!series_dashed(0) && series_dashed(NEUTRAL));
    }
}

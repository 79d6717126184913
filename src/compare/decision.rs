//! The decision card: a scenario (B, usually the plan) against a baseline (A,
//! usually doing nothing) in a few plain sentences. One source of words, so the
//! window, the HTML report, `caseload compare` and the workbook say the same.

use crate::model::FinancialYear;
use crate::sim::{CapStanding, Projection, YearSummary};
use crate::units;

/// Whether a difference is good news, by the figure's own direction: less
/// spend, less overspend, higher reserves, fewer months over cap and fewer
/// children in care are better.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Better,
    Worse,
    Same,
}

impl Verdict {
    /// From a difference (B minus A) and whether lower is better; `same` says the
    /// difference rounds to nothing as shown.
    pub fn of(difference: f64, lower_is_better: bool, same: bool) -> Self {
        if same || difference == 0.0 || difference.is_nan() {
            Verdict::Same
        } else if (difference < 0.0) == lower_is_better {
            Verdict::Better
        } else {
            Verdict::Worse
        }
    }

    /// A word for people who cannot see the colour.
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Better => "better",
            Verdict::Worse => "worse",
            Verdict::Same => "no change",
        }
    }
}

/// One sentence of the card, with what it is about and whether it is good news.
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionLine {
    /// A short name for the point: "Cost", "Overspend", "Reserves"...
    pub topic: &'static str,
    pub sentence: String,
    pub verdict: Verdict,
}

/// The plan (B) against the baseline (A) in plain words.
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionSummary {
    pub baseline_name: String,
    pub scenario_name: String,
    pub lines: Vec<DecisionLine>,
}

/// "£4.3m more", "£1.2m less" or "the same".
fn more_or_less(difference: f64) -> String {
    let amount = units::gbp(difference.abs());
    if amount == "£0" {
        "the same".to_owned()
    } else if difference > 0.0 {
        format!("{amount} more")
    } else {
        format!("{amount} less")
    }
}

fn rounds_to_nothing(difference: f64) -> bool {
    units::gbp(difference.abs()) == "£0"
}

/// The financial years both projections cover, A's and B's summary side by side.
fn common_years<'a>(
    baseline: &'a Projection,
    scenario: &'a Projection,
) -> Vec<(&'a YearSummary, &'a YearSummary)> {
    baseline
        .years
        .iter()
        .filter_map(|a| {
            scenario
                .years
                .iter()
                .find(|b| b.year == a.year)
                .map(|b| (a, b))
        })
        .collect()
}

fn year_label(year: FinancialYear, months: usize) -> String {
    units::financial_year_covered(year.0, months)
}

/// When reserves run out under B, with A's month beside it: "they run out in
/// Jan 2021 (May 2020 under Do nothing)".
fn run_out_words(baseline: &Projection, scenario: &Projection, baseline_name: &str) -> String {
    let month = |projection: &Projection| {
        projection
            .reserves_run_out()
            .map(|run_out| run_out.month.label())
    };
    match (month(scenario), month(baseline)) {
        (Some(b), Some(a)) => format!("they run out in {b} ({a} under {baseline_name})"),
        (Some(b), None) => format!("they run out in {b} (never under {baseline_name})"),
        (None, Some(a)) => format!("they never run out ({a} under {baseline_name})"),
        (None, None) => "they never run out".to_owned(),
    }
}

fn cap_words(projection: &Projection) -> String {
    match projection.cap_standing() {
        CapStanding::NeverOver => "never over cap".to_owned(),
        CapStanding::WithinFrom(month) => format!("within cap from {}", month.label()),
        CapStanding::OverAtTheEnd => "still over cap at the end".to_owned(),
    }
}

/// The names as the sentences use them: a shared "Council year: " prefix is left
/// off, so "Liverpool 2019: do nothing" reads "do nothing" beside "Liverpool
/// 2019: +160 staff plan" (the title keeps the full names).
pub fn names_in_sentences<'a>(baseline: &'a str, scenario: &'a str) -> (&'a str, &'a str) {
    match (baseline.split_once(": "), scenario.split_once(": ")) {
        (Some((prefix_a, rest_a)), Some((prefix_b, rest_b)))
            if prefix_a == prefix_b && !rest_a.trim().is_empty() && !rest_b.trim().is_empty() =>
        {
            (rest_a.trim(), rest_b.trim())
        }
        _ => (baseline, scenario),
    }
}

impl DecisionSummary {
    /// Compares `scenario` (B) with `baseline` (A). Money is summed over the
    /// financial years both cover; "at the end" figures are each one's last month.
    pub fn new(
        baseline: &Projection,
        scenario: &Projection,
        baseline_name: &str,
        scenario_name: &str,
    ) -> Self {
        let years = common_years(baseline, scenario);
        let (full_baseline_name, full_scenario_name) = (baseline_name, scenario_name);
        let (baseline_name, scenario_name) = names_in_sentences(baseline_name, scenario_name);
        let mut lines = Vec::new();

        // Cost: spend, in all and by year.
        let spend_a: f64 = years.iter().map(|(a, _)| a.spend.total()).sum();
        let spend_b: f64 = years.iter().map(|(_, b)| b.spend.total()).sum();
        let by_year: Vec<String> = years
            .iter()
            .map(|(a, b)| (a, b.spend.total() - a.spend.total()))
            .filter(|(_, difference)| !rounds_to_nothing(*difference))
            .map(|(a, difference)| {
                format!(
                    "{} in {}",
                    more_or_less(difference),
                    year_label(a.year, a.months)
                )
            })
            .collect();
        let cost_difference = spend_b - spend_a;
        let cost = if rounds_to_nothing(cost_difference) {
            format!("{scenario_name} costs the same as {baseline_name} over the period")
        } else {
            let mut sentence = format!(
                "{scenario_name} costs {} than {baseline_name} over the period ({} against {})",
                more_or_less(cost_difference),
                units::gbp(spend_b),
                units::gbp(spend_a),
            );
            if !by_year.is_empty() {
                sentence.push_str(&format!(": {}", by_year.join(", ")));
            }
            sentence
        };
        lines.push(DecisionLine {
            topic: "Cost",
            sentence: format!("{cost}."),
            verdict: Verdict::of(cost_difference, true, rounds_to_nothing(cost_difference)),
        });

        // Overspend: spend against funding.
        let over_a: f64 = years.iter().map(|(a, _)| a.variance).sum();
        let over_b: f64 = years.iter().map(|(_, b)| b.variance).sum();
        let over_difference = over_b - over_a;
        let overspend = if rounds_to_nothing(over_difference) {
            format!(
                "Against funding it is {}, the same as {baseline_name}.",
                units::budget_variance(over_b)
            )
        } else {
            let amount = units::gbp(over_difference.abs());
            let less_or_more = if over_difference < 0.0 {
                "less overspend"
            } else {
                "more overspend"
            };
            format!(
                "Against funding: {amount} {less_or_more} ({} in all, against {} under {baseline_name}).",
                units::budget_variance(over_b),
                units::budget_variance(over_a)
            )
        };
        lines.push(DecisionLine {
            topic: "Overspend",
            sentence: overspend,
            verdict: Verdict::of(over_difference, true, rounds_to_nothing(over_difference)),
        });

        // Reserves at the end.
        let reserves_a = baseline.last().map_or(0.0, |row| row.reserves_at_end);
        let reserves_b = scenario.last().map_or(0.0, |row| row.reserves_at_end);
        let reserves_difference = reserves_b - reserves_a;
        let higher_or_lower = if rounds_to_nothing(reserves_difference) {
            "the same as".to_owned()
        } else if reserves_difference > 0.0 {
            format!("{} higher than", units::gbp(reserves_difference.abs()))
        } else {
            format!("{} lower than", units::gbp(reserves_difference.abs()))
        };
        let reserves_sentence = format!(
            "Reserves end at {}, {higher_or_lower} under {baseline_name} ({}); {}.",
            units::gbp(reserves_b),
            units::gbp(reserves_a),
            run_out_words(baseline, scenario, baseline_name)
        );
        lines.push(DecisionLine {
            topic: "Reserves",
            sentence: reserves_sentence,
            verdict: Verdict::of(
                reserves_difference,
                false,
                rounds_to_nothing(reserves_difference),
            ),
        });

        // Caseloads against the caps.
        let over_cap_a = baseline.months_over_cap();
        let over_cap_b = scenario.months_over_cap();
        lines.push(DecisionLine {
            topic: "Caseloads",
            sentence: format!(
                "Caseloads are {} ({} under {baseline_name}); over cap in {} of {} months, against {}.",
                cap_words(scenario),
                cap_words(baseline),
                over_cap_b,
                scenario.rows.len(),
                over_cap_a,
            ),
            verdict: Verdict::of(over_cap_b as f64 - over_cap_a as f64, true, false),
        });

        // Children in care at the end.
        let care_a = baseline.last().map_or(0.0, |row| row.looked_after_at_end);
        let care_b = scenario.last().map_or(0.0, |row| row.looked_after_at_end);
        let care_same = units::children(care_a) == units::children(care_b);
        let care_difference = care_b - care_a;
        let care_change = if care_same {
            "the same".to_owned()
        } else if care_difference < 0.0 {
            format!("{} fewer", units::children(care_difference.abs()))
        } else {
            format!("{} more", units::children(care_difference.abs()))
        };
        lines.push(DecisionLine {
            topic: "Children in care",
            sentence: format!(
                "Children in care at the end: {} against {} under {baseline_name} ({care_change}).",
                units::children(care_b),
                units::children(care_a)
            ),
            verdict: Verdict::of(care_difference, true, care_same),
        });

        Self {
            baseline_name: full_baseline_name.to_owned(),
            scenario_name: full_scenario_name.to_owned(),
            lines,
        }
    }

    /// The card's heading: "Liverpool plan against Do nothing".
    pub fn title(&self) -> String {
        format!("{} against {}", self.scenario_name, self.baseline_name)
    }

    /// The sentences, in order, each with its verdict word where a colour would
    /// not be seen: "(better)".
    pub fn sentences(&self) -> Vec<String> {
        self.lines
            .iter()
            .map(|line| line.sentence.clone())
            .collect()
    }

    /// The whole card as plain text: the title, then one sentence a line, each
    /// marked better or worse (for the terminal and the workbook).
    pub fn text(&self) -> String {
        let mut text = format!("{}\n", self.title());
        for line in &self.lines {
            text.push_str(&format!("  [{}] {}\n", line.verdict.word(), line.sentence));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::default_scenario;
    use crate::sim::project;

    #[test]
    fn a_shared_council_prefix_is_left_off_in_sentences() {
        assert_eq!(
            names_in_sentences("Liverpool 2019: do nothing", "Liverpool 2019: plan"),
            ("do nothing", "plan")
        );
        assert_eq!(
            names_in_sentences("Do nothing", "Wakefield: plan"),
            ("Do nothing", "Wakefield: plan")
        );
    }

    #[test]
    fn verdicts_follow_each_figures_direction() {
        assert_eq!(Verdict::of(-5.6e6, true, false), Verdict::Better);
        assert_eq!(Verdict::of(5.6e6, true, false), Verdict::Worse);
        assert_eq!(Verdict::of(1e6, false, false), Verdict::Better);
        assert_eq!(Verdict::of(-1e6, false, false), Verdict::Worse);
        assert_eq!(Verdict::of(3.0, true, true), Verdict::Same);
    }

    #[test]
    fn the_same_scenario_is_no_change_on_every_line() {
        let projection = project(&default_scenario());
        let card = DecisionSummary::new(&projection, &projection, "Do nothing", "Plan");
        assert_eq!(card.lines.len(), 5);
        for line in &card.lines {
            assert_eq!(line.verdict, Verdict::Same, "{}", line.sentence);
        }
        assert!(card.sentences()[0].starts_with("Plan costs the same as Do nothing"));
        assert!(card.text().starts_with("Plan against Do nothing\n"));
    }

    #[test]
    fn more_funding_reads_as_less_overspend_and_higher_reserves() {
        let baseline = default_scenario();
        let mut plan = baseline.clone();
        for budget in &mut plan.money.budgets {
            budget.budget_gbp += 5_000_000.0;
        }
        let a = project(&baseline);
        let b = project(&plan);
        let card = DecisionSummary::new(&a, &b, "Do nothing", "Plan");
        let overspend = &card.lines[1];
        assert_eq!(overspend.verdict, Verdict::Better, "{}", overspend.sentence);
        assert!(
            overspend.sentence.contains("less overspend"),
            "{}",
            overspend.sentence
        );
        let reserves = &card.lines[2];
        assert_eq!(reserves.verdict, Verdict::Better);
        assert!(
            reserves.sentence.contains("higher than"),
            "{}",
            reserves.sentence
        );
        // Spend did not change.
        assert_eq!(card.lines[0].verdict, Verdict::Same);
    }
}

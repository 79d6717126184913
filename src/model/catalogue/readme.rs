//! The README's file-format tables, written from the catalogue so that the two
//! cannot drift apart: a test compares them with the README's text.

use super::{CATALOGUE, Input, Kind, Scope};

/// One section of the file format: its heading, a line of introduction and
/// which entries it lists.
struct Section {
    heading: &'static str,
    introduction: &'static str,
    holds: fn(&Input) -> bool,
}

const SECTIONS: [Section; 8] = [
    Section {
        heading: "Scenario (top level)",
        introduction: "The sections below follow these fields: `demand`, `placements`, `staff` (required, at least one group), `workforce`, `money`, `interventions` and `uncertainty`; each may be left out but `staff`.",
        holds: |input| input.scope == Scope::Scenario && !input.field.contains('.'),
    },
    Section {
        heading: "`demand`",
        introduction: "Referrals, what they lead to, and the children with open cases. The four `referral_outcomes` add up to 100.",
        holds: |input| {
            input.scope == Scope::Season
                || (input.scope == Scope::Scenario && input.field.starts_with("demand."))
        },
    },
    Section {
        heading: "`placements`",
        introduction: "Five kinds, each a group of the four fields below: `in_house_foster`, `independent_fostering`, `residential`, `kinship`, `other`. Defaults are given in that order.",
        holds: |input| {
            input.scope == Scope::Placement
                || (input.scope == Scope::Scenario && input.field.starts_with("placements."))
        },
    },
    Section {
        heading: "`staff` (a list of groups)",
        introduction: "Each group is `(id: \"experienced\", name: \"...\", fte: 90.0, ...)`; a field left out takes the default of an experienced social worker.",
        holds: |input| input.scope == Scope::StaffGroup,
    },
    Section {
        heading: "`workforce`",
        introduction: "How posts are filled, agency cover and the burnout loop.",
        holds: |input| input.scope == Scope::Scenario && input.field.starts_with("workforce."),
    },
    Section {
        heading: "`money`",
        introduction: "`budgets` is a list of `(year: \"2019-20\", budget_gbp: ...)`, `grants` a list of `(name: \"...\", month: \"2019-04\", amount_gbp: ...)`.",
        holds: |input| {
            matches!(input.scope, Scope::Budget | Scope::Grant)
                || (input.scope == Scope::Scenario && input.field.starts_with("money."))
        },
    },
    Section {
        heading: "`interventions` (a list)",
        introduction: "Each is `(label: \"...\", enabled: true, start: \"2019-04\", action: ...)`; the `action` is one of `Recruit(...)`, `SetCaseloadCap(...)`, `Funding(...)`, `RecurringFunding(...)`, `EarlyHelp(...)`, `ContractedTeam(...)`, `ConvertAgency(...)`, `ExtraSpending(...)` or `AddFosterPlaces(...)`, with the fields below.",
        holds: |input| input.scope == Scope::Intervention,
    },
    Section {
        heading: "`uncertainty` (a list, optional)",
        introduction: "Ranges for Monte Carlo runs, each `(field: \"PATH\", low: 5.0, high: 25.0, shape: Triangular)`.",
        holds: |input| input.scope == Scope::Range,
    },
];

/// The field as the README names it within its section.
fn field_in_section(input: &Input) -> String {
    match input.scope {
        Scope::Scenario => {
            let field = ["demand.", "placements.", "workforce.", "money."]
                .iter()
                .find_map(|section| input.field.strip_prefix(section))
                .unwrap_or(input.field);
            format!("`{field}`")
        }
        Scope::Season => "`seasonality` (12 numbers, or none)".to_owned(),
        Scope::Budget => format!("`budgets`: `{}`", input.field),
        Scope::Grant => format!("`grants`: `{}`", input.field),
        Scope::Intervention => match input.action {
            Some(action) => format!(
                "`{action}`: `{}`",
                input.field.trim_start_matches("action.")
            ),
            None => format!("`{}`", input.field),
        },
        _ => format!("`{}`", input.field),
    }
}

/// What a value of this kind is, where it is not a number with limits.
fn allowed(input: &Input) -> String {
    match input.kind {
        Kind::Text => "text".to_owned(),
        Kind::Switch => "`true` or `false`".to_owned(),
        Kind::Month => "a month, `\"2019-04\"`".to_owned(),
        Kind::FinancialYear => "a financial year, `\"2019-20\"`".to_owned(),
        Kind::Shape => "`Triangular` or `Uniform`".to_owned(),
        Kind::OptionalNumber { .. } | Kind::OptionalWholeMonths { .. } => {
            format!("{}, or left out", input.allowed().unwrap_or_default())
        }
        _ => input.allowed().unwrap_or_default(),
    }
}

/// The tables of the README's "The scenario file format", one section after
/// another, each under its `###` heading.
pub fn readme_tables() -> String {
    let mut text = String::new();
    for section in &SECTIONS {
        text.push_str(&format!(
            "### {}\n\n{}\n\n| Field | Name in Caseload | Unit | Allowed | Default | Meaning |\n|---|---|---|---|---|---|\n",
            section.heading, section.introduction
        ));
        for input in CATALOGUE.iter().filter(|input| (section.holds)(input)) {
            let default = if input.source.is_empty() {
                input.default.to_owned()
            } else {
                format!("{} ({})", input.default, input.source)
            };
            text.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                field_in_section(input),
                input.name,
                input.unit,
                allowed(input),
                default,
                input.meaning
            ));
        }
        text.push('\n');
    }
    text
}

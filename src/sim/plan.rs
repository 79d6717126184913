//! The enabled interventions of a scenario, resolved once (group names to indices,
//! dates to month offsets) so that the monthly loop only does arithmetic.

use crate::model::{Action, Scenario};

use super::equations as eq;

struct Recruitment {
    group: usize,
    start: i32,
    extra_fte: f64,
    over_months: u32,
}

struct CapChange {
    group: usize,
    start: i32,
    cap: f64,
}

struct EarlyHelp {
    start: i32,
    months: Option<u32>,
    lag_months: u32,
    monthly_cost: f64,
    referral_reduction_percent: f64,
    care_entry_reduction_percent: f64,
}

struct ContractedTeam {
    start: i32,
    months: u32,
    cases: f64,
    monthly_cost: f64,
}

pub struct Conversion {
    pub group: usize,
    start: i32,
    over_months: u32,
    pub fte_per_month: f64,
}

struct ExtraSpending {
    start: i32,
    months: Option<u32>,
    monthly_cost: f64,
}

struct RecurringFunding {
    start: i32,
    years: u32,
    amount_per_year: f64,
}

struct FosterPlaces {
    start: i32,
    places: f64,
    over_months: u32,
}

/// The dated plan, month offsets counted from the scenario's start month.
pub struct Plan {
    base_establishment: Vec<f64>,
    base_caps: Vec<f64>,
    /// (manager group, span of control) for groups whose establishment follows a span.
    spans: Vec<(usize, f64)>,
    /// Groups whose establishment counts towards managers' spans.
    span_workers: Vec<bool>,
    progression_targets: Vec<Option<usize>>,
    base_in_house_places: Option<f64>,
    recruitments: Vec<Recruitment>,
    cap_changes: Vec<CapChange>,
    early_help: Vec<EarlyHelp>,
    contracted: Vec<ContractedTeam>,
    conversions: Vec<Conversion>,
    foster_places: Vec<FosterPlaces>,
    extra_spending: Vec<ExtraSpending>,
    /// (month offset, £) for grants and one-off funding.
    funding: Vec<(i32, f64)>,
    recurring_funding: Vec<RecurringFunding>,
    /// By month offset: whether posts differ from the month before (the first
    /// month, and months in which a recruitment is phasing in).
    establishment_changes: Vec<bool>,
    /// By month offset: whether caseload caps differ from the month before.
    caps_change: Vec<bool>,
}

impl Plan {
    pub fn new(scenario: &Scenario) -> Self {
        let offset = |month: crate::model::Month| month.months_since(scenario.start);
        let mut plan = Plan {
            base_establishment: scenario
                .staff
                .iter()
                .map(|group| group.establishment.max(0.0))
                .collect(),
            base_caps: scenario
                .staff
                .iter()
                .map(|group| group.caseload_cap.max(0.0))
                .collect(),
            spans: scenario
                .staff
                .iter()
                .enumerate()
                .filter(|(_, group)| !group.agency)
                .filter_map(|(index, group)| group.span_of_control.map(|span| (index, span)))
                .collect(),
            span_workers: scenario
                .staff
                .iter()
                .map(|group| {
                    !group.agency && group.span_of_control.is_none() && group.holds_cases()
                })
                .collect(),
            progression_targets: scenario
                .staff
                .iter()
                .enumerate()
                .map(|(index, group)| {
                    group
                        .progresses_to
                        .as_deref()
                        .and_then(|target| scenario.group_index(target))
                        .filter(|target| *target != index && !scenario.staff[*target].agency)
                })
                .collect(),
            base_in_house_places: scenario.placements.in_house_foster_places,
            recruitments: Vec::new(),
            cap_changes: Vec::new(),
            early_help: Vec::new(),
            contracted: Vec::new(),
            conversions: Vec::new(),
            foster_places: Vec::new(),
            extra_spending: Vec::new(),
            funding: scenario
                .money
                .grants
                .iter()
                .map(|grant| (offset(grant.month), grant.amount_gbp))
                .collect(),
            recurring_funding: Vec::new(),
            establishment_changes: Vec::new(),
            caps_change: Vec::new(),
        };
        let permanent_group = |id: &str| {
            scenario
                .group_index(id)
                .filter(|index| !scenario.staff[*index].agency)
        };
        for intervention in scenario.interventions.iter().filter(|i| i.enabled) {
            let start = offset(intervention.start);
            match &intervention.action {
                Action::Recruit {
                    group,
                    extra_fte,
                    over_months,
                } => {
                    if let Some(group) = permanent_group(group) {
                        plan.recruitments.push(Recruitment {
                            group,
                            start,
                            extra_fte: *extra_fte,
                            over_months: *over_months,
                        });
                    }
                }
                Action::SetCaseloadCap { group, cap } => {
                    if let Some(group) = scenario.group_index(group) {
                        plan.cap_changes.push(CapChange {
                            group,
                            start,
                            cap: cap.max(0.0),
                        });
                    }
                }
                Action::Funding { amount_gbp } => plan.funding.push((start, *amount_gbp)),
                Action::RecurringFunding {
                    amount_gbp_per_year,
                    years,
                } => plan.recurring_funding.push(RecurringFunding {
                    start,
                    years: *years,
                    amount_per_year: *amount_gbp_per_year,
                }),
                Action::EarlyHelp {
                    annual_cost_gbp,
                    referral_reduction_percent,
                    care_entry_reduction_percent,
                    lag_months,
                    months,
                } => plan.early_help.push(EarlyHelp {
                    start,
                    months: *months,
                    lag_months: *lag_months,
                    monthly_cost: eq::monthly_amount(*annual_cost_gbp),
                    referral_reduction_percent: *referral_reduction_percent,
                    care_entry_reduction_percent: *care_entry_reduction_percent,
                }),
                Action::ContractedTeam {
                    cases,
                    months,
                    total_cost_gbp,
                } => plan.contracted.push(ContractedTeam {
                    start,
                    months: *months,
                    cases: cases.max(0.0),
                    monthly_cost: eq::spread_evenly(*total_cost_gbp, *months),
                }),
                Action::ConvertAgency {
                    group,
                    fte,
                    over_months,
                } => {
                    if let Some(group) = permanent_group(group) {
                        plan.conversions.push(Conversion {
                            group,
                            start,
                            over_months: *over_months,
                            fte_per_month: eq::spread_evenly(fte.max(0.0), *over_months),
                        });
                    }
                }
                Action::ExtraSpending {
                    annual_cost_gbp,
                    months,
                } => plan.extra_spending.push(ExtraSpending {
                    start,
                    months: *months,
                    monthly_cost: eq::monthly_amount(*annual_cost_gbp),
                }),
                Action::AddFosterPlaces {
                    places,
                    over_months,
                } => plan.foster_places.push(FosterPlaces {
                    start,
                    places: *places,
                    over_months: *over_months,
                }),
            }
        }
        // Later changes win: apply cap changes in date order.
        plan.cap_changes.sort_by_key(|change| change.start);
        plan.mark_changes(scenario.horizon_months as usize);
        plan
    }

    /// Marks the months whose posts or caps differ from the month before, so the
    /// monthly loop works them out only then: `phased_share` moves from month
    /// `start` to `start + over - 1`, and a cap changes in its first month.
    fn mark_changes(&mut self, horizon: usize) {
        // Months `from..to` (offsets; the part within the projection).
        let mark = |marks: &mut Vec<bool>, from: i32, to: i32| {
            let clamp = |offset: i32| (offset.max(0) as usize).min(horizon);
            let (from, to) = (clamp(from), clamp(to));
            if from < to {
                marks[from..to].fill(true);
            }
        };
        let mut establishment = vec![false; horizon];
        let mut caps = vec![false; horizon];
        mark(&mut establishment, 0, 1);
        mark(&mut caps, 0, 1);
        for recruitment in &self.recruitments {
            let over = recruitment.over_months.max(1).min(i32::MAX as u32) as i32;
            mark(
                &mut establishment,
                recruitment.start,
                recruitment.start.saturating_add(over),
            );
        }
        for change in &self.cap_changes {
            mark(&mut caps, change.start, change.start.saturating_add(1));
        }
        self.establishment_changes = establishment;
        self.caps_change = caps;
    }

    /// Whether posts in month `t` may differ from month `t - 1`.
    pub fn establishment_changes(&self, t: i32) -> bool {
        self.establishment_changes
            .get(t as usize)
            .copied()
            .unwrap_or(true)
    }

    /// Whether caseload caps in month `t` may differ from month `t - 1`.
    pub fn caps_change(&self, t: i32) -> bool {
        self.caps_change.get(t as usize).copied().unwrap_or(true)
    }

    /// Funded posts by group in month `t` (FTE): the base establishment plus
    /// `phased_amount(extra)` for each recruitment; managers with a span of control
    /// get `span_establishment(sum of case-holding establishment, span)`.
    pub fn establishment(&self, t: i32, out: &mut [f64]) {
        out.copy_from_slice(&self.base_establishment);
        for recruitment in &self.recruitments {
            out[recruitment.group] += eq::phased_amount(
                recruitment.extra_fte,
                t,
                recruitment.start,
                recruitment.over_months,
            );
        }
        self.set_span_establishment(out);
    }

    /// Funded posts by group before any intervention (FTE): the base establishment,
    /// managers with a span of control on the base case-holding establishment.
    pub fn opening_establishment(&self, out: &mut [f64]) {
        out.copy_from_slice(&self.base_establishment);
        self.set_span_establishment(out);
    }

    /// Sets managers' posts from their span of control on the case-holding posts in `out`.
    fn set_span_establishment(&self, out: &mut [f64]) {
        if !self.spans.is_empty() {
            let workers: f64 = out
                .iter()
                .zip(&self.span_workers)
                .filter(|(_, counts)| **counts)
                .map(|(establishment, _)| establishment)
                .sum();
            for (manager, span) in &self.spans {
                out[*manager] = eq::span_establishment(workers, *span);
            }
        }
    }

    /// Caseload caps by group in month `t` (cases per FTE).
    pub fn caseload_caps(&self, t: i32, out: &mut [f64]) {
        out.copy_from_slice(&self.base_caps);
        for change in self.cap_changes.iter().filter(|change| change.start <= t) {
            out[change.group] = change.cap;
        }
    }

    /// Early help works from `lag` months after it starts to the end of its funded
    /// months ([`eq::early_help_effect_on`]).
    fn early_help_effect_active(programme: &EarlyHelp, t: i32) -> bool {
        eq::early_help_effect_on(t, programme.start, programme.lag_months, programme.months)
    }

    /// Share of referrals early help leaves in place in month `t`.
    pub fn referral_factor(&self, t: i32) -> f64 {
        eq::early_help_factor(
            self.early_help
                .iter()
                .filter(|programme| Self::early_help_effect_active(programme, t))
                .map(|programme| programme.referral_reduction_percent),
        )
    }

    /// Share of entries to care early help leaves in place in month `t`.
    pub fn care_entry_factor(&self, t: i32) -> f64 {
        eq::early_help_factor(
            self.early_help
                .iter()
                .filter(|programme| Self::early_help_effect_active(programme, t))
                .map(|programme| programme.care_entry_reduction_percent),
        )
    }

    /// Early help bought by interventions in month `t` (£).
    pub fn early_help_cost(&self, t: i32) -> f64 {
        self.early_help
            .iter()
            .filter(|programme| eq::in_window(t, programme.start, programme.months))
            .map(|programme| programme.monthly_cost)
            .sum()
    }

    fn contracted_in(&self, t: i32) -> impl Iterator<Item = &ContractedTeam> + '_ {
        self.contracted
            .iter()
            .filter(move |team| eq::in_window(t, team.start, Some(team.months)))
    }

    /// Cases held by contracted teams in month `t`.
    pub fn contracted_capacity(&self, t: i32) -> f64 {
        self.contracted_in(t).map(|team| team.cases).sum()
    }

    /// Contracted teams' cost in month `t` (£).
    pub fn contracted_cost(&self, t: i32) -> f64 {
        self.contracted_in(t).map(|team| team.monthly_cost).sum()
    }

    /// Other spending from interventions in month `t` (£).
    pub fn extra_spending(&self, t: i32) -> f64 {
        self.extra_spending
            .iter()
            .filter(|spending| eq::in_window(t, spending.start, spending.months))
            .map(|spending| spending.monthly_cost)
            .sum()
    }

    /// Conversions of agency staff under way in month `t`.
    pub fn conversions_in(&self, t: i32) -> impl Iterator<Item = &Conversion> + '_ {
        self.conversions.iter().filter(move |conversion| {
            eq::in_window(t, conversion.start, Some(conversion.over_months))
        })
    }

    /// In-house foster places in month `t`; `None` = no limit.
    pub fn in_house_foster_places(&self, t: i32) -> Option<f64> {
        self.base_in_house_places.map(|base| {
            base + self
                .foster_places
                .iter()
                .map(|added| eq::phased_amount(added.places, t, added.start, added.over_months))
                .sum::<f64>()
        })
    }

    /// Grants, one-off and recurring funding received in month `t` (£).
    pub fn funding_received(&self, t: i32) -> f64 {
        let one_off: f64 = self
            .funding
            .iter()
            .filter(|(month, _)| *month == t)
            .map(|(_, amount)| amount)
            .sum();
        let recurring: f64 = self
            .recurring_funding
            .iter()
            .map(|funding| {
                eq::recurring_funding(t, funding.start, funding.amount_per_year, funding.years)
            })
            .sum();
        one_off + recurring
    }

    pub fn progression_target(&self, group: usize) -> Option<usize> {
        self.progression_targets.get(group).copied().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Intervention, Month};

    fn at(offset: i32) -> Month {
        crate::io::default_scenario().start.plus(offset)
    }

    /// Months not marked as changing have exactly the posts and caps of the month
    /// before, however recruitments and cap changes fall (before the start, one
    /// month long, overlapping, past the end).
    #[test]
    fn unmarked_months_have_the_posts_and_caps_of_the_month_before() {
        let mut scenario = crate::io::default_scenario();
        let recruit = |start: i32, over_months: u32| Intervention {
            label: format!("recruit {start} {over_months}"),
            enabled: true,
            start: at(start),
            action: Action::Recruit {
                group: "experienced".to_owned(),
                extra_fte: 10.0,
                over_months,
            },
        };
        let cap = |start: i32, cap: f64| Intervention {
            label: format!("cap {start}"),
            enabled: true,
            start: at(start),
            action: Action::SetCaseloadCap {
                group: "experienced".to_owned(),
                cap,
            },
        };
        scenario.interventions = vec![
            recruit(-5, 10),
            recruit(3, 1),
            recruit(6, 12),
            recruit(30, 24),
            cap(-2, 18.0),
            cap(7, 16.0),
            cap(38, 15.0),
        ];
        let plan = Plan::new(&scenario);
        let groups = scenario.staff.len();
        let (mut posts, mut caps) = (vec![0.0; groups], vec![0.0; groups]);
        let (mut before_posts, mut before_caps) = (vec![0.0; groups], vec![0.0; groups]);
        let mut changed = 0;
        for t in 0..scenario.horizon_months as i32 {
            plan.establishment(t, &mut posts);
            plan.caseload_caps(t, &mut caps);
            if t > 0 {
                if !plan.establishment_changes(t) {
                    assert_eq!(posts, before_posts, "posts in month {t}");
                }
                if !plan.caps_change(t) {
                    assert_eq!(caps, before_caps, "caps in month {t}");
                }
            }
            changed += usize::from(plan.establishment_changes(t));
            before_posts.clone_from(&posts);
            before_caps.clone_from(&caps);
        }
        // Months with no recruitment phasing in are not worked out again.
        assert!(changed < scenario.horizon_months as usize, "{changed}");
    }
}

//! A small bounded least-squares solver: Levenberg-Marquardt with a
//! finite-difference Jacobian, every trial step put back inside the bounds.
//!
//! Marquardt's damping by the diagonal of `JᵀJ` makes the steps independent of
//! each unknown's units (months, % a year, % a month).

/// What the solver found.
#[derive(Clone, Debug, PartialEq)]
pub struct Solution {
    pub values: Vec<f64>,
    /// `Σ residual²` at `values`.
    pub cost: f64,
    /// How many times the residuals were worked out.
    pub evaluations: usize,
}

/// Most Jacobians worked out before the solver stops.
const MAX_ITERATIONS: usize = 60;
/// Forward-difference step, as a share of each unknown's range.
const DIFFERENCE_STEP: f64 = 1e-6;
/// The fit stops when a step lowers the cost by less than this share of it.
const SMALLEST_GAIN: f64 = 1e-10;
/// The damping at which no step helps any more: the solver is at a minimum.
const MOST_DAMPING: f64 = 1e12;

/// Minimises `Σ rᵢ(x)²` over `x`, starting from `start`.
///
/// Each iteration solves the damped normal equations
/// `(JᵀJ + λ diag(JᵀJ)) δ = -Jᵀr`, with `Jᵢⱼ = (rᵢ(x + h eⱼ) - rᵢ(x)) / h`, tries
/// `x' = feasible(x + δ)`, keeps it and lowers `λ` (÷3) when the cost falls, and
/// otherwise raises `λ` (×4) and tries again. `ranges` are the unknowns' widths
/// (for the difference step); `feasible` puts any `x` back inside the bounds; the
/// residuals may be `None` where a trial cannot be projected (the step is then
/// refused).
pub fn least_squares(
    start: &[f64],
    ranges: &[f64],
    feasible: impl Fn(&mut [f64]),
    mut residuals: impl FnMut(&[f64]) -> Option<Vec<f64>>,
) -> Option<Solution> {
    let count = start.len();
    let mut x = start.to_vec();
    feasible(&mut x);
    let mut r = residuals(&x)?;
    let mut evaluations = 1;
    let mut cost = sum_of_squares(&r);
    let mut damping = 1e-3;
    for _ in 0..MAX_ITERATIONS {
        if cost == 0.0 {
            break;
        }
        let jacobian = {
            let mut columns = Vec::with_capacity(count);
            for index in 0..count {
                let step = DIFFERENCE_STEP * ranges[index].max(f64::EPSILON);
                let mut moved = x.clone();
                moved[index] += step;
                feasible(&mut moved);
                let mut taken = moved[index] - x[index];
                if taken.abs() < step / 2.0 {
                    // At the upper bound: step down instead.
                    moved = x.clone();
                    moved[index] -= step;
                    feasible(&mut moved);
                    taken = moved[index] - x[index];
                }
                evaluations += 1;
                let column = match residuals(&moved) {
                    Some(shifted) if taken != 0.0 => shifted
                        .iter()
                        .zip(&r)
                        .map(|(after, before)| (after - before) / taken)
                        .collect(),
                    _ => vec![0.0; r.len()],
                };
                columns.push(column);
            }
            columns
        };
        let (normal, gradient) = normal_equations(&jacobian, &r);
        let mut improved = false;
        while damping < MOST_DAMPING {
            let mut damped = normal.clone();
            for index in 0..count {
                damped[index][index] += damping * normal[index][index].max(1e-12);
            }
            let negative: Vec<f64> = gradient.iter().map(|g| -g).collect();
            let Some(step) = solve(damped, negative) else {
                damping *= 4.0;
                continue;
            };
            let mut trial: Vec<f64> = x.iter().zip(&step).map(|(x, d)| x + d).collect();
            feasible(&mut trial);
            evaluations += 1;
            let Some(trial_r) = residuals(&trial) else {
                damping *= 4.0;
                continue;
            };
            let trial_cost = sum_of_squares(&trial_r);
            if trial_cost < cost {
                let gain = (cost - trial_cost) / cost;
                x = trial;
                r = trial_r;
                cost = trial_cost;
                damping = (damping / 3.0).max(1e-12);
                improved = gain > SMALLEST_GAIN;
                break;
            }
            damping *= 4.0;
        }
        if !improved {
            break;
        }
    }
    Some(Solution {
        values: x,
        cost,
        evaluations,
    })
}

fn sum_of_squares(values: &[f64]) -> f64 {
    values.iter().map(|value| value * value).sum()
}

/// `JᵀJ` and `Jᵀr`, from the Jacobian's columns.
fn normal_equations(columns: &[Vec<f64>], r: &[f64]) -> (Vec<Vec<f64>>, Vec<f64>) {
    let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(a, b)| a * b).sum::<f64>();
    let normal = columns
        .iter()
        .map(|a| columns.iter().map(|b| dot(a, b)).collect())
        .collect();
    let gradient = columns.iter().map(|column| dot(column, r)).collect();
    (normal, gradient)
}

/// Solves `A x = b` by Gaussian elimination with partial pivoting; `None` when `A`
/// is singular.
pub fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for column in 0..n {
        let pivot =
            (column..n).max_by(|&i, &j| a[i][column].abs().total_cmp(&a[j][column].abs()))?;
        if a[pivot][column].abs() <= 1e-300 || a[pivot][column].is_nan() {
            return None;
        }
        a.swap(column, pivot);
        b.swap(column, pivot);
        let (above, below) = a.split_at_mut(column + 1);
        let pivot_row = &above[column];
        for (offset, row) in below.iter_mut().enumerate() {
            let factor = row[column] / pivot_row[column];
            if factor == 0.0 {
                continue;
            }
            for (cell, pivot_cell) in row.iter_mut().zip(pivot_row).skip(column) {
                *cell -= factor * pivot_cell;
            }
            b[column + 1 + offset] -= factor * b[column];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let known: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - known) / a[row][row];
    }
    x.iter().all(|value| value.is_finite()).then_some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_system_is_solved() {
        let x = solve(vec![vec![2.0, 1.0], vec![1.0, 3.0]], vec![3.0, 5.0]).unwrap();
        assert!(
            (x[0] - 0.8).abs() < 1e-12 && (x[1] - 1.4).abs() < 1e-12,
            "{x:?}"
        );
        assert_eq!(
            solve(vec![vec![1.0, 2.0], vec![2.0, 4.0]], vec![1.0, 2.0]),
            None
        );
    }

    #[test]
    fn a_curve_is_fitted_and_the_bounds_hold() {
        // y = a e^(b t) through points made with a = 2, b = 0.3.
        let points: Vec<(f64, f64)> = (0..8)
            .map(|t| (f64::from(t), 2.0 * (0.3 * f64::from(t)).exp()))
            .collect();
        let residuals = |x: &[f64]| {
            Some(
                points
                    .iter()
                    .map(|(t, y)| x[0] * (x[1] * t).exp() - y)
                    .collect(),
            )
        };
        let clamp_to = |upper: f64| {
            move |x: &mut [f64]| {
                x[0] = x[0].clamp(0.0, 10.0);
                x[1] = x[1].clamp(0.0, upper);
            }
        };
        let free = least_squares(&[1.0, 0.1], &[10.0, 1.0], clamp_to(1.0), residuals).unwrap();
        assert!((free.values[0] - 2.0).abs() < 1e-6, "{free:?}");
        assert!((free.values[1] - 0.3).abs() < 1e-6, "{free:?}");
        // With b held to at most 0.2, the best fit sits on that bound.
        let held = least_squares(&[1.0, 0.1], &[10.0, 1.0], clamp_to(0.2), residuals).unwrap();
        assert!(held.values[1] <= 0.2 && held.values[1] > 0.199, "{held:?}");
        assert!(held.cost > free.cost);
    }
}

//! The projection: pure functions from a scenario to monthly and yearly figures.

pub mod balance;
mod engine;
pub mod equations;
pub mod monte_carlo;
mod plan;
pub mod projection;
pub mod quantiles;
pub mod sensitivity;
pub mod solve;
mod years;

pub use engine::{Detail, project, project_months};
pub use equations::CapacityRating;
pub use projection::{
    CapStanding, Flows, GroupInfo, GroupMonth, MonthRow, Projection, ReservesRunOut, Spend,
    Staffing, Stocks, Workload, YearSummary,
};

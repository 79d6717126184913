//! The projection: pure functions from a scenario to monthly and yearly figures.

mod engine;
pub mod equations;
mod plan;
pub mod projection;
mod years;

pub use engine::project;
pub use equations::CapacityRating;
pub use projection::{
    Flows, GroupInfo, GroupMonth, MonthRow, Projection, Spend, Staffing, Stocks, Workload,
    YearSummary,
};

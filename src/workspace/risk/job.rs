//! Work on another thread that the window can watch and cancel, and a result
//! kept with the scenario it was computed for.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, channel};

use crate::model::Scenario;

/// Work running on another thread.
pub struct Job<T> {
    pub scenario: Scenario,
    done: Arc<AtomicUsize>,
    pub total: usize,
    cancel: Arc<AtomicBool>,
    result: Receiver<T>,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a copy of `scenario`; `repaint` is called when it ends so
    /// the window shows the result without waiting for input.
    pub fn start(
        scenario: Scenario,
        total: usize,
        repaint: impl Fn() + Send + 'static,
        work: impl FnOnce(&Scenario, &AtomicUsize, &AtomicBool) -> T + Send + 'static,
    ) -> Self {
        let done = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (sender, result) = channel();
        let job_scenario = scenario.clone();
        let (job_done, job_cancel) = (Arc::clone(&done), Arc::clone(&cancel));
        std::thread::spawn(move || {
            let value = work(&job_scenario, &job_done, &job_cancel);
            // The window may have dropped the job (cancelled); then nobody listens.
            let _ = sender.send(value);
            repaint();
        });
        Self {
            scenario,
            done,
            total,
            cancel,
            result,
        }
    }

    /// The result, once the work has finished.
    pub fn poll(&self) -> Option<T> {
        self.result.try_recv().ok()
    }

    /// Share done, 0 to 1.
    pub fn progress(&self) -> f32 {
        if self.total == 0 {
            0.0
        } else {
            (self.done.load(Ordering::Relaxed) as f32 / self.total as f32).min(1.0)
        }
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// A result with the scenario it was computed for.
pub struct Computed<T> {
    pub scenario: Scenario,
    pub value: T,
}

impl<T> Computed<T> {
    pub fn is_for(&self, scenario: &Scenario) -> bool {
        self.scenario == *scenario
    }
}

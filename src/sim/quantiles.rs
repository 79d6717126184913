//! Percentiles in bounded memory: a log-linear histogram (the idea of HdrHistogram
//! and DDSketch).
//!
//! Each power of two is split into [`BUCKETS_PER_DOUBLING`] equal buckets, found
//! from the bits of the number itself (its exponent and the top bits of its
//! mantissa), so every value in a bucket is within [`RELATIVE_ACCURACY`] of the
//! bucket's middle. A sketch holds counts, not values: its size depends on how
//! widely the values spread, never on how many there are, and it never holds more
//! than [`MAX_BUCKETS`] buckets a sign.
//!
//! Merging adds counts, and the smallest and largest values are kept exactly, so
//! the result does not depend on the order values arrive in or how draws are split
//! between threads.

/// Mantissa bits that pick the bucket within a power of two.
const MANTISSA_BITS: u32 = 9;

/// Buckets per power of two: 512.
pub const BUCKETS_PER_DOUBLING: usize = 1 << MANTISSA_BITS;

/// Percentiles are within this share of the true value: half a bucket's width,
/// 1 / 1024 (under 0.1%).
pub const RELATIVE_ACCURACY: f64 = 1.0 / (2 * BUCKETS_PER_DOUBLING) as f64;

/// Most buckets kept for each sign: 8 powers of two. Spread over more than that (a
/// factor of 256 between the smallest and largest magnitude), the smallest
/// magnitudes share the lowest bucket.
pub const MAX_BUCKETS: usize = 8 * BUCKETS_PER_DOUBLING;

/// Magnitudes below this count as zero.
const SMALLEST: f64 = 1e-12;

/// Counts by bucket index, stored densely from `lowest`.
#[derive(Clone, Debug, Default, PartialEq)]
struct Buckets {
    lowest: i32,
    counts: Vec<u32>,
}

impl Buckets {
    #[cfg(test)]
    fn total(&self) -> u64 {
        self.counts.iter().map(|count| u64::from(*count)).sum()
    }

    #[cfg(test)]
    fn highest(&self) -> Option<i32> {
        (!self.counts.is_empty()).then(|| self.lowest + self.counts.len() as i32 - 1)
    }

    fn add(&mut self, index: i32, count: u32) {
        if self.counts.is_empty() {
            self.lowest = index;
            self.counts.push(count);
            return;
        }
        if index < self.lowest {
            let grow = (self.lowest - index) as usize;
            self.counts.splice(0..0, std::iter::repeat_n(0, grow));
            self.lowest = index;
        }
        let offset = (index - self.lowest) as usize;
        if offset >= self.counts.len() {
            self.counts.resize(offset + 1, 0);
        }
        self.counts[offset] += count;
        self.collapse_lowest();
    }

    /// Folds the lowest buckets into one so that at most [`MAX_BUCKETS`] remain.
    /// A value ends up in `max(its bucket, highest - MAX_BUCKETS + 1)` whatever the
    /// order of additions, so merging stays order-independent.
    fn collapse_lowest(&mut self) {
        if self.counts.len() <= MAX_BUCKETS {
            return;
        }
        let excess = self.counts.len() - MAX_BUCKETS;
        let folded: u32 = self.counts.drain(..excess).sum();
        self.counts[0] += folded;
        self.lowest += excess as i32;
    }

    fn merge(&mut self, other: &Buckets) {
        for (offset, count) in other.counts.iter().enumerate() {
            if *count > 0 {
                self.add(other.lowest + offset as i32, *count);
            }
        }
    }
}

/// A percentile sketch of one series in one month.
#[derive(Clone, Debug, PartialEq)]
pub struct QuantileSketch {
    positive: Buckets,
    /// Negative values, by the bucket of their magnitude.
    negative: Buckets,
    zeros: u64,
    count: u64,
    min: f64,
    max: f64,
}

impl Default for QuantileSketch {
    fn default() -> Self {
        Self::new()
    }
}

/// The bucket of a positive magnitude: its bits without the lowest mantissa bits.
/// Bucket order is number order, since positive floats order like their bits.
fn bucket_of(magnitude: f64) -> i32 {
    (magnitude.to_bits() >> (52 - MANTISSA_BITS)) as i32
}

/// The middle of a bucket: halfway between its lower and upper bounds.
fn bucket_middle(index: i32) -> f64 {
    let lower = f64::from_bits((index as u64) << (52 - MANTISSA_BITS));
    let upper = f64::from_bits(((index as u64) + 1) << (52 - MANTISSA_BITS));
    (lower + upper) / 2.0
}

impl QuantileSketch {
    pub fn new() -> Self {
        Self {
            positive: Buckets::default(),
            negative: Buckets::default(),
            zeros: 0,
            count: 0,
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
        }
    }

    /// Values counted so far.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Adds a value; NaN and infinities are left out.
    pub fn add(&mut self, value: f64) {
        if !value.is_finite() {
            return;
        }
        self.count += 1;
        self.min = self.min.min(value);
        self.max = self.max.max(value);
        let magnitude = value.abs();
        if magnitude < SMALLEST {
            self.zeros += 1;
        } else {
            let index = bucket_of(magnitude);
            if value > 0.0 {
                self.positive.add(index, 1);
            } else {
                self.negative.add(index, 1);
            }
        }
    }

    /// Adds everything `other` counted.
    pub fn merge(&mut self, other: &QuantileSketch) {
        self.count += other.count;
        self.zeros += other.zeros;
        self.min = self.min.min(other.min);
        self.max = self.max.max(other.max);
        self.positive.merge(&other.positive);
        self.negative.merge(&other.negative);
    }

    /// The `percent`th percentile (0 to 100) of the values added, at rank
    /// `percent / 100 x (count - 1)` counting from the smallest; within
    /// [`RELATIVE_ACCURACY`] of the exact value, and exact at 0 and 100 and when
    /// every value is the same. `None` before any value is added.
    pub fn percentile(&self, percent: f64) -> Option<f64> {
        if self.count == 0 {
            return None;
        }
        let rank = (percent.clamp(0.0, 100.0) / 100.0 * (self.count - 1) as f64).round() as u64;
        if rank == 0 {
            return Some(self.min);
        }
        if rank >= self.count - 1 {
            return Some(self.max);
        }
        let value = self.value_at_rank(rank);
        Some(value.clamp(self.min, self.max))
    }

    /// The representative value of the bucket holding the value of rank `rank`
    /// (0 = smallest).
    fn value_at_rank(&self, rank: u64) -> f64 {
        let mut seen = 0;
        // Negative values, largest magnitude (smallest value) first.
        for (offset, count) in self.negative.counts.iter().enumerate().rev() {
            seen += u64::from(*count);
            if seen > rank {
                return -bucket_middle(self.negative.lowest + offset as i32);
            }
        }
        seen += self.zeros;
        if seen > rank {
            return 0.0;
        }
        for (offset, count) in self.positive.counts.iter().enumerate() {
            seen += u64::from(*count);
            if seen > rank {
                return bucket_middle(self.positive.lowest + offset as i32);
            }
        }
        self.max
    }

    /// Buckets in use, both signs (for memory checks).
    pub fn buckets(&self) -> usize {
        self.positive.counts.len() + self.negative.counts.len()
    }

    /// The highest bucket index in use for positive values, if any.
    #[cfg(test)]
    fn highest_positive(&self) -> Option<i32> {
        self.positive.highest()
    }

    #[cfg(test)]
    fn total_in_buckets(&self) -> u64 {
        self.positive.total() + self.negative.total() + self.zeros
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(sorted: &[f64], percent: f64) -> f64 {
        let rank = (percent / 100.0 * (sorted.len() - 1) as f64).round() as usize;
        sorted[rank]
    }

    fn pseudo_random(count: usize) -> Vec<f64> {
        let mut state: u64 = 12345;
        (0..count)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (state >> 11) as f64 / (1u64 << 53) as f64
            })
            .collect()
    }

    #[test]
    fn percentiles_are_within_the_relative_accuracy() {
        let values: Vec<f64> = pseudo_random(10_000)
            .iter()
            .map(|unit| 15.0 + 20.0 * unit * unit)
            .collect();
        let mut sketch = QuantileSketch::new();
        values.iter().for_each(|value| sketch.add(*value));
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        for percent in [0.0, 5.0, 10.0, 25.0, 50.0, 75.0, 90.0, 95.0, 100.0] {
            let (Some(estimate), truth) = (sketch.percentile(percent), exact(&sorted, percent))
            else {
                panic!("values were added");
            };
            assert!(
                (estimate - truth).abs() <= truth * RELATIVE_ACCURACY * 1.0001,
                "P{percent}: {estimate} vs {truth}"
            );
        }
        assert_eq!(sketch.percentile(0.0), Some(sorted[0]));
        assert_eq!(sketch.percentile(100.0), Some(sorted[9_999]));
    }

    #[test]
    fn one_repeated_value_comes_back_exactly() {
        let mut sketch = QuantileSketch::new();
        for _ in 0..100 {
            sketch.add(1_234.567_89);
        }
        for percent in [5.0, 50.0, 95.0] {
            assert_eq!(sketch.percentile(percent), Some(1_234.567_89));
        }
    }

    #[test]
    fn merging_in_any_order_gives_the_same_sketch() {
        let values: Vec<f64> = pseudo_random(3_000)
            .iter()
            .map(|unit| (unit - 0.3) * 1e6)
            .collect();
        let mut whole = QuantileSketch::new();
        values.iter().for_each(|value| whole.add(*value));
        let mut parts: Vec<QuantileSketch> = values
            .chunks(7)
            .map(|chunk| {
                let mut part = QuantileSketch::new();
                chunk.iter().for_each(|value| part.add(*value));
                part
            })
            .collect();
        parts.reverse();
        let mut merged = QuantileSketch::new();
        parts.iter().for_each(|part| merged.merge(part));
        assert_eq!(merged, whole);
        assert_eq!(merged.total_in_buckets(), 3_000);
    }

    #[test]
    fn negative_zero_and_positive_values_keep_their_order() {
        let mut sketch = QuantileSketch::new();
        for value in [-50.0, -5.0, 0.0, -0.0, 5.0, 50.0, f64::NAN, f64::INFINITY] {
            sketch.add(value);
        }
        assert_eq!(sketch.count(), 6);
        let values: Vec<f64> = [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
            .iter()
            .filter_map(|percent| sketch.percentile(*percent))
            .collect();
        assert_eq!(values[0], -50.0);
        assert!((values[1] + 5.0).abs() < 0.01, "{values:?}");
        assert_eq!(values[2], 0.0);
        assert!((values[4] - 5.0).abs() < 0.01, "{values:?}");
        assert_eq!(values[5], 50.0);
        assert!(values.windows(2).all(|pair| pair[0] <= pair[1]));
        assert_eq!(QuantileSketch::new().percentile(50.0), None);
    }

    #[test]
    fn memory_stays_bounded_however_wide_the_spread() {
        let mut sketch = QuantileSketch::new();
        let mut value = 1e-9;
        while value < 1e12 {
            sketch.add(value);
            value *= 1.0001;
        }
        assert!(sketch.buckets() <= MAX_BUCKETS, "{}", sketch.buckets());
        assert!(sketch.highest_positive().is_some());
        // The top of the range is still accurate.
        let (Some(p99), true) = (sketch.percentile(99.0), sketch.count() > 100_000) else {
            panic!("a wide sketch");
        };
        assert!(p99 > 1e11, "{p99}");
    }
}

//! Any bytes as a scenario file: parse and check them, and if they make a valid
//! scenario, project it, write it anew and read that back; save it unedited
//! (byte for byte the same) and with one value edited (chosen from the bytes):
//! it must read back as the edited scenario with only that value's text changed.
//! The checks live in `tests/fuzz_check`, shared with `tests/fuzz_crashes.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/fuzz_check/mod.rs"]
mod fuzz_check;

fuzz_target!(|bytes: &[u8]| fuzz_check::check(bytes));

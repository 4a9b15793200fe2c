//! Any text as a pasted share link → `share::decode` (never panics, returns nothing unless
//! its figures add up); what decodes is encoded again and must read back the same.
#![no_main]

use canbo_core::share;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = share::kind(text);
    if let Ok(shared) = share::decode(text) {
        if let Ok(again) = shared.encode() {
            assert!(
                share::decode(&again).is_ok(),
                "a decoded link re-encodes unreadably"
            );
        }
    }
});

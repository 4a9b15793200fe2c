//! Any text as what the page kept in local storage → `store::unpack`, as a roster and as
//! plain JSON, through a migration that passes values on.
#![no_main]

use canbo_core::store::unpack;
use canbo_core::Roster;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = unpack::<Roster>(text, "canbo.roster", 1, |_, v| Ok(v));
    let _ = unpack::<serde_json::Value>(text, "canbo.state", 2, |_, v| Ok(v));
});

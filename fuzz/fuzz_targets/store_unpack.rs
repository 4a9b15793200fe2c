//! Any text as what the page kept in local storage → `store::unpack`, as a roster and as
//! plain JSON, through a migration that passes values on; and → `store::columnar::unpack`
//! (the roster's version 2, columns 15 bits a character). A roster it reads must pack and
//! read back the same. Inflated a small step at a time, as the page does at start-up, the
//! same text must give what inflating at once gives.
#![no_main]

use canbo_core::store::columnar::Opened;
use canbo_core::store::{columnar, unpack};
use canbo_core::Roster;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = unpack::<Roster>(text, "canbo.roster", 1, |_, v| Ok(v));
    let _ = unpack::<serde_json::Value>(text, "canbo.state", 2, |_, v| Ok(v));
    if let (Ok(Opened::Deflated(mut stepwise)), Ok(Opened::Deflated(whole))) =
        (columnar::open(text), columnar::open(text))
    {
        let stepped = loop {
            match stepwise.step(1 << 10) {
                Ok(true) => break stepwise.finish(),
                Ok(false) => {}
                Err(error) => break Err(error),
            }
        };
        assert_eq!(stepped.ok(), whole.finish().ok());
    }
    if let Ok(roster) = columnar::unpack(text) {
        let again = columnar::pack(&roster).expect("a read roster packs");
        assert_eq!(columnar::unpack(&again).as_ref(), Ok(&roster));
    }
});

//! `yishi roster import`: any bytes are either refused with a line number and a
//! message free of control characters, or give rows whose every cell is clean and whose
//! areas are within bounds. Never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yishi::domain::roster_csv::{MAX_AREA_CENTI, parse};
use yishi::domain::text::has_unsafe;

fuzz_target!(|data: &[u8]| {
    match parse(data) {
        Ok(rows) => {
            for r in rows {
                assert!(r.line >= 2);
                assert!((0..=MAX_AREA_CENTI).contains(&r.area_centi));
                for cell in [&r.label, &r.building, &r.unit, &r.owner, &r.roles, &r.phone] {
                    assert!(!has_unsafe(cell), "{cell:?}");
                }
                // An empty label is allowed: a member without a unit (councils).
                assert!(!r.owner.is_empty());
            }
        }
        Err(e) => {
            assert!(e.line >= 1);
            assert!(!has_unsafe(&e.en) && !has_unsafe(&e.zh), "{e:?}");
        }
    }
});

//! `yishi verify --file`: any bytes are either refused as not an export (with a message
//! that, once cleaned as the program does, has no control characters) or verified
//! without a panic, and the verdict line is clean.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yishi::domain::text::{clean_line, has_unsafe};
use yishi::domain::signing::verify::{ExportBundle, verify_record};
use yishi::strings::{Lang, verify_line};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match serde_json::from_str::<ExportBundle>(text) {
        Err(e) => assert!(!has_unsafe(&clean_line(&e.to_string()))),
        Ok(b) => {
            let status = verify_record(&b.record, b.minutes.as_ref(), &b.signatures, &[]);
            for lang in [Lang::En, Lang::Zh] {
                let line = verify_line(lang, None, &b.record.title, &status, "");
                assert!(!has_unsafe(&clean_line(&line)));
            }
        }
    }
});

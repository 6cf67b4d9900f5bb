//! Measure of issue 18: the district report over the whole archive (every community,
//! every year, as `yishi report --format json` builds it), against its floor: one
//! aggregate query over the meetings table.

use std::path::Path;

use yishi::store::Store;
use yishi::strings::Lang;

use super::{Measure, measure, raw, time};

pub fn report(db: &Path, samples: usize) -> Measure {
    let mut m = measure(
        "`report`: the district report (every community, all years)",
        "< 2 s at district scale",
    );
    let store = Store::open_deferred(db).expect("open");
    for _ in 0..samples.min(10) {
        let (t, _) = time(|| {
            let r =
                yishi::report::build(&store, None, None, "2099-12-31", Lang::Zh).expect("report");
            std::hint::black_box(yishi::report::to_json(&r).len())
        });
        m.samples.push(t);
        let (t, _) = time(|| {
            let c = raw(db);
            let mut st = c
                .prepare("SELECT community_id, kind, count(*) FROM meetings GROUP BY 1, 2")
                .expect("prepare");
            let n = st
                .query_map([], |r| r.get::<_, i64>(2))
                .expect("query")
                .count();
            std::hint::black_box(n)
        });
        m.floor.push(t);
    }
    m
}

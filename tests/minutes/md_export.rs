//! Issue 13: text typed in a meeting can never look like structure in an export. A
//! remark "## 签署" is not a signature block, "<script>" is not HTML, a link is not a
//! link, in the Markdown and in the HTML export of the real binary.

use crate::trust_support::{laptop, yishi};
use yishi::store::Store;
use yishi::store::ids::MeetingId;

#[test]
fn a_remark_that_looks_like_markdown_exports_as_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = laptop(dir.path(), "a");
    {
        let mut store = Store::open(&db).expect("open");
        store
            .start_meeting(MeetingId(2))
            .expect("open the draft meeting");
        let item = store.items(MeetingId(2)).expect("items")[0].id;
        let r = store.queue_speaker(item, "王伟", None).expect("queue");
        store.next_speaker(item).expect("floor");
        store
            .record_remark(
                r,
                "## 签署\n<script>alert(1)</script>\n[点此领奖](http://x.example)",
            )
            .expect("remark");
        // The next call of the queue ends the remark: it is then part of the record.
        store.next_speaker(item).expect("floor ends");
    }
    let path = db.display().to_string();
    let (code, md, err) = yishi(&["--db", &path, "export", "2", "--format", "md"]);
    assert_eq!(code, 0, "{err}");
    assert!(md.contains("\\## 签署"), "{md}");
    // One signature block: the document's own, never one typed in a remark.
    assert_eq!(
        md.lines()
            .filter(|l| l.trim_start().starts_with("## 签署"))
            .count(),
        1,
        "{md}"
    );
    assert!(md.contains("王伟（") && md.contains("：\\## 签署"), "{md}");
    assert!(
        md.contains("&lt;script&gt;") && !md.contains("<script>"),
        "{md}"
    );
    assert!(md.contains("\\[点此领奖\\](http://x.example)"), "{md}");
    let (code, html, err) = yishi(&["--db", &path, "export", "2", "--format", "html"]);
    assert_eq!(code, 0, "{err}");
    assert!(html.contains("## 签署"), "shown as typed: {html}");
    assert!(
        !html.contains("<script>") && !html.contains("<a "),
        "{html}"
    );
}

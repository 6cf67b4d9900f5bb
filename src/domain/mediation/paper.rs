//! The agreement as a printable A4 page (`yishi print agreement CASE`): its text line by
//! line, then who signed it and its signed addenda; a draft is marked as one. Print CSS
//! only (domain::paper::page): no script, no remote resource, every piece escaped.

use crate::domain::lang::Lang;
use crate::domain::mediation::verify::{AgreementAddendum, AgreementSignature};
use crate::domain::paper::{esc, page};
use crate::domain::text::clean_line;

/// The page; without signatures it is marked as a draft.
pub fn agreement_html(
    title: &str,
    text: &str,
    signatures: &[AgreementSignature],
    addenda: &[AgreementAddendum],
) -> String {
    let mut body = String::from("<section class=\"sheet\">\n");
    if signatures.is_empty() {
        body.push_str("<p><b>草稿（尚未签署）</b></p>\n");
    }
    let mut lines = text.lines();
    if let Some(h) = lines.next() {
        body.push_str(&format!("<h1>{}</h1>\n", esc(&clean_line(h))));
    }
    for l in lines {
        // Leading spaces of the text's indented blocks are kept as they print.
        let indent = l.chars().take_while(|c| *c == ' ').count();
        body.push_str(&format!(
            "<p>{}{}</p>\n",
            "&nbsp;".repeat(indent),
            esc(&clean_line(l.trim_start()))
        ));
    }
    let own: Vec<&AgreementSignature> = signatures
        .iter()
        .filter(|s| s.addendum_id.is_none())
        .collect();
    if !own.is_empty() {
        body.push_str("<h2>调解员电子签名</h2>\n");
        for s in own {
            body.push_str(&format!(
                "<p>{}　{}　{}</p>\n",
                esc(&clean_line(&s.signer_name)),
                esc(&s.fingerprint()),
                esc(&clean_line(&s.signed_at))
            ));
        }
    }
    for a in addenda {
        body.push_str(&format!(
            "<h2>补充协议 {}（{}）</h2>\n",
            a.id,
            esc(&clean_line(&a.at))
        ));
        for l in a.text.lines() {
            body.push_str(&format!("<p>{}</p>\n", esc(&clean_line(l))));
        }
        for s in signatures.iter().filter(|s| s.addendum_id == Some(a.id)) {
            body.push_str(&format!(
                "<p>{}　{}</p>\n",
                esc(&clean_line(&s.signer_name)),
                esc(&s.fingerprint())
            ));
        }
    }
    body.push_str("</section>\n");
    page(Lang::Zh, title, &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_page_is_marked_escaped_and_without_script() {
        let html = agreement_html(
            "t",
            "人民调解协议书\n  <script>alert(1)</script>\n",
            &[],
            &[],
        );
        assert!(html.contains("草稿"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(!html.contains("<script"));
        assert!(!html.contains("http://") && !html.contains("https://"));
        assert!(html.contains("<h1>人民调解协议书</h1>"));
    }
}

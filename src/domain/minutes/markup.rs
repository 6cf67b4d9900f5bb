//! Plain text and printable HTML made from the minutes' Markdown (for export; never
//! signed).

use crate::domain::lang::Lang;
use unicode_width::UnicodeWidthStr;

use crate::domain::minutes::frozen::text::{clean_line, unescape};

/// Plain text from the minutes' Markdown: headings underlined, block quotes indented.
/// Only the Markdown this module writes is handled. `escaped`: as for [`to_html`].
pub fn to_txt(md: &str, escaped: bool) -> String {
    let mut o = String::new();
    for line in md.lines() {
        let owned;
        let line = if escaped {
            owned = unescape(line);
            owned.as_str()
        } else {
            line
        };
        if let Some(h) = line.strip_prefix("# ") {
            o.push_str(h);
            o.push('\n');
            o.push_str(&"=".repeat(UnicodeWidthStr::width(h).max(1)));
        } else if let Some(h) = line.strip_prefix("## ") {
            o.push_str(h);
            o.push('\n');
            o.push_str(&"-".repeat(UnicodeWidthStr::width(h).max(1)));
        } else if let Some(h) = line
            .strip_prefix("### ")
            .or_else(|| line.strip_prefix("#### "))
        {
            o.push_str(&format!("[{h}]"));
        } else if let Some(q) = line.strip_prefix("> ") {
            o.push_str("    ");
            o.push_str(q);
        } else if line == ">" {
        } else {
            o.push_str(line);
        }
        o.push('\n');
    }
    o
}

/// HTML-escape text (after removing control characters and bidi overrides).
pub fn html_escape(t: &str) -> String {
    let t = clean_line(t);
    let mut o = String::with_capacity(t.len());
    for ch in t.chars() {
        match ch {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// A printable A4 HTML page from the minutes' Markdown (only what this module writes:
/// headings, list items, numbered remarks, block quotes, paragraphs). Every piece of text
/// is escaped; no control characters reach the page. `escaped`: the data in `md` is
/// escaped for Markdown (minutes format V2 and every notice), so it is unescaped before
/// it is escaped for HTML; V1 text is taken as it is.
pub fn to_html(md: &str, title: &str, lang: Lang, escaped: bool) -> String {
    let html_escape = |t: &str| {
        if escaped {
            html_escape(&unescape(t))
        } else {
            html_escape(t)
        }
    };
    html_page(lang, &html_escape(title), &html_body(md, &html_escape))
}

/// The page's body: each Markdown line as its HTML element, lists and block quotes
/// opened and closed around their lines; `html_escape` escapes a piece of text.
fn html_body(md: &str, html_escape: &dyn Fn(&str) -> String) -> String {
    let mut body = String::new();
    let mut in_list = false;
    let mut in_quote = false;
    let close = |body: &mut String, in_list: &mut bool, in_quote: &mut bool| {
        if *in_list {
            body.push_str("</ul>\n");
            *in_list = false;
        }
        if *in_quote {
            body.push_str("</blockquote>\n");
            *in_quote = false;
        }
    };
    for line in md.lines() {
        if let Some(q) = line
            .strip_prefix("> ")
            .or(if line == ">" { Some("") } else { None })
        {
            if in_list {
                body.push_str("</ul>\n");
                in_list = false;
            }
            if !in_quote {
                body.push_str("<blockquote>\n");
                in_quote = true;
            }
            body.push_str(&format!("{}<br>\n", html_escape(q)));
            continue;
        }
        let item = line.strip_prefix("- ").or_else(|| {
            let digits = line.find(". ")?;
            line[..digits]
                .chars()
                .all(|c| c.is_ascii_digit())
                .then_some(line)
        });
        if let Some(it) = item {
            if in_quote {
                body.push_str("</blockquote>\n");
                in_quote = false;
            }
            if !in_list {
                body.push_str("<ul>\n");
                in_list = true;
            }
            body.push_str(&format!("<li>{}</li>\n", html_escape(it)));
            continue;
        }
        if in_list
            && let Some(sub) = line
                .strip_prefix("  - ")
                .or_else(|| line.strip_prefix("  "))
        {
            body.push_str(&format!("<li class=\"sub\">{}</li>\n", html_escape(sub)));
            continue;
        }
        close(&mut body, &mut in_list, &mut in_quote);
        if line.is_empty() {
            continue;
        }
        let (tag, text) = if let Some(h) = line.strip_prefix("#### ") {
            ("h4", h)
        } else if let Some(h) = line.strip_prefix("### ") {
            ("h3", h)
        } else if let Some(h) = line.strip_prefix("## ") {
            ("h2", h)
        } else if let Some(h) = line.strip_prefix("# ") {
            ("h1", h)
        } else {
            ("p", line)
        };
        body.push_str(&format!("<{tag}>{}</{tag}>\n", html_escape(text)));
    }
    close(&mut body, &mut in_list, &mut in_quote);
    body
}

/// A printable A4 page around `body` (already HTML); `title` is already escaped.
fn html_page(lang: Lang, title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n\
@page {{ size: A4; margin: 18mm 16mm; }}\n\
body {{ font-family: \"Noto Serif CJK SC\", \"Source Han Serif SC\", \"SimSun\", serif; font-size: 11pt; line-height: 1.6; max-width: 178mm; margin: 0 auto; color: #000; }}\n\
h1 {{ font-size: 17pt; text-align: center; margin: 0 0 8pt; }}\n\
h2 {{ font-size: 13pt; border-bottom: 1px solid #000; margin: 14pt 0 6pt; page-break-after: avoid; }}\n\
h3 {{ font-size: 11.5pt; margin: 10pt 0 4pt; page-break-after: avoid; }}\n\
h4 {{ font-size: 11pt; margin: 8pt 0 4pt; }}\n\
ul {{ margin: 0 0 6pt; padding-left: 18pt; }}\n\
li {{ margin: 1pt 0; }}\n\
li.sub {{ list-style: circle; margin-left: 14pt; }}\n\
blockquote {{ margin: 4pt 0 8pt; padding: 4pt 10pt; border-left: 3px solid #888; }}\n\
@media print {{ body {{ max-width: none; }} a {{ color: #000; }} }}\n\
</style>\n</head>\n<body>\n{}</body>\n</html>\n",
        lang.code(),
        title,
        body
    )
}

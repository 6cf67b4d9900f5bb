//! The import graph of `src/`, read from the code as a reader would: every `use` line and
//! every path written in the code (`crate::…`, `super::…`, a child module's name, a module
//! named by a `use`), resolved to the file that defines the module it reaches. Inline
//! `#[cfg(test)] mod … { }` blocks are left out: a file's own tests are not its imports.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One file of `src/` and the module path it defines (`crate` is the empty path).
pub struct SourceFile {
    pub path: PathBuf,
    pub module: Vec<String>,
    pub text: String,
}

/// Every `.rs` file of the library under `root` (main.rs is its own crate and is skipped).
pub fn source_files(root: &Path) -> Vec<SourceFile> {
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<SourceFile>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(root, &p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            let rel = p.strip_prefix(root).unwrap();
            if rel == Path::new("main.rs") {
                continue;
            }
            let mut module: Vec<String> = rel
                .with_extension("")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                module.pop();
            }
            let text = std::fs::read_to_string(&p).unwrap();
            out.push(SourceFile {
                path: p,
                module,
                text,
            });
        }
    }
}

/// The edges file → file, each with the names that tie them.
pub fn graph(files: &[SourceFile]) -> BTreeMap<usize, BTreeMap<usize, BTreeSet<String>>> {
    let by_module: BTreeMap<Vec<String>, usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.module.clone(), i))
        .collect();
    let mut edges: BTreeMap<usize, BTreeMap<usize, BTreeSet<String>>> = BTreeMap::new();
    for (i, f) in files.iter().enumerate() {
        let code = strip(&f.text);
        let children: BTreeSet<String> = by_module
            .keys()
            .filter(|m| m.len() == f.module.len() + 1 && m.starts_with(&f.module))
            .map(|m| m.last().unwrap().clone())
            .collect();
        let mut aliases: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let (uses, rest) = split_uses(&code);
        let mut reached: Vec<(Vec<String>, String)> = Vec::new();
        for u in &uses {
            for (segs, local) in expand_use(u) {
                if let Some(abs) = absolute(&segs, &f.module, &children, &aliases) {
                    if let Some(local) = local {
                        aliases.insert(local, abs.clone());
                    }
                    let name = abs.last().cloned().unwrap_or_default();
                    reached.push((abs, name));
                }
            }
        }
        for segs in inline_paths(&rest) {
            if let Some(abs) = absolute(&segs, &f.module, &children, &aliases) {
                let name = abs.last().cloned().unwrap_or_default();
                reached.push((abs, name));
            }
        }
        for (abs, name) in reached {
            // The deepest module the path reaches is the file it imports.
            let target = (0..=abs.len())
                .rev()
                .find_map(|n| by_module.get(&abs[..n]).copied());
            if let Some(t) = target.filter(|t| *t != i) {
                edges
                    .entry(i)
                    .or_default()
                    .entry(t)
                    .or_default()
                    .insert(name);
            }
        }
    }
    edges
}

/// The path made absolute from the crate root, or None for another crate's path.
fn absolute(
    segs: &[String],
    here: &[String],
    children: &BTreeSet<String>,
    aliases: &BTreeMap<String, Vec<String>>,
) -> Option<Vec<String>> {
    let first = segs.first()?;
    let mut base: Vec<String>;
    let mut rest = &segs[1..];
    match first.as_str() {
        "crate" => base = Vec::new(),
        "self" => base = here.to_vec(),
        "super" => {
            base = here.to_vec();
            base.pop();
            while rest.first().is_some_and(|s| s == "super") {
                base.pop();
                rest = &rest[1..];
            }
        }
        name if children.contains(name) => {
            base = here.to_vec();
            rest = segs;
        }
        name => {
            base = aliases.get(name)?.clone();
        }
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

/// The code without comments, string and char literals, and inline test modules.
pub fn strip(text: &str) -> String {
    let no_lit = strip_literals(text);
    let mut out = String::new();
    let mut lines = no_lit.lines().peekable();
    while let Some(line) = lines.next() {
        let t = line.trim();
        if t.starts_with("#[cfg(test)]") {
            // An inline test module: skip to its closing brace.
            let mut block = String::new();
            for next in lines.by_ref() {
                block.push_str(next);
                block.push('\n');
                let tn = next.trim();
                if tn.starts_with("#[") {
                    continue;
                }
                if tn.contains("mod ") && tn.ends_with('{') {
                    skip_block(&mut lines, 1);
                    block.clear();
                }
                break;
            }
            out.push_str(&block);
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn skip_block<'a>(lines: &mut impl Iterator<Item = &'a str>, mut depth: i32) {
    for l in lines {
        depth += l.matches('{').count() as i32 - l.matches('}').count() as i32;
        if depth <= 0 {
            return;
        }
    }
}

fn strip_literals(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < c.len() {
        if c[i] == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if c[i] == '\n' {
                        out.push('\n');
                    }
                    i += 1;
                }
            }
        } else if c[i] == 'r'
            && (c.get(i + 1) == Some(&'"') || c.get(i + 1) == Some(&'#'))
            && (i == 0 || !(c[i - 1].is_alphanumeric() || c[i - 1] == '_'))
        {
            let mut j = i + 1;
            let mut hashes = 0;
            while c.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if c.get(j) != Some(&'"') {
                out.push(c[i]);
                i += 1;
                continue;
            }
            j += 1;
            while j < c.len() {
                if c[j] == '"' && (0..hashes).all(|k| c.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                if c[j] == '\n' {
                    out.push('\n');
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c[i] == '"' {
            i += 1;
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' {
                    i += 1;
                } else if c[i] == '\n' {
                    out.push('\n');
                }
                i += 1;
            }
            out.push_str("\"\"");
            i += 1;
        } else if c[i] == '\'' {
            // A char literal ('x', '\n', '\u{..}') or a lifetime ('a).
            if c.get(i + 1) == Some(&'\\') {
                let mut j = i + 2;
                while j < c.len() && c[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
            } else if c.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                out.push(c[i]);
                i += 1;
            }
            out.push(' ');
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// The `use` trees of the code, and the code without them.
fn split_uses(code: &str) -> (Vec<String>, String) {
    let mut uses = Vec::new();
    let mut rest = String::new();
    let mut i = 0;
    let b = code.as_bytes();
    while i < b.len() {
        let at_word = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        if at_word && code[i..].starts_with("use ") {
            let end = code[i..].find(';').map_or(code.len(), |e| i + e);
            uses.push(code[i + 4..end].to_string());
            i = end + 1;
        } else {
            let ch = code[i..].chars().next().unwrap();
            rest.push(ch);
            i += ch.len_utf8();
        }
    }
    (uses, rest)
}

/// Each leaf of a use tree as (path, the local name it binds when it may be a module).
fn expand_use(tree: &str) -> Vec<(Vec<String>, Option<String>)> {
    let cleaned: String = tree
        .chars()
        .filter(|c| !c.is_whitespace() || *c == ' ')
        .collect();
    let mut out = Vec::new();
    expand(&cleaned.replace('\n', " "), &[], &mut out);
    out
}

fn expand(tree: &str, prefix: &[String], out: &mut Vec<(Vec<String>, Option<String>)>) {
    let tree = tree.trim().trim_start_matches("::");
    if let Some(open) = tree.find('{') {
        let head: Vec<String> = segments(&tree[..open]);
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let mut base = prefix.to_vec();
        base.extend(head);
        for part in split_top(inner) {
            expand(&part, &base, out);
        }
        return;
    }
    let (path, alias) = match tree.split_once(" as ") {
        Some((p, a)) => (p, Some(a.trim().to_string())),
        None => (tree, None),
    };
    let mut segs = prefix.to_vec();
    segs.extend(segments(path));
    if segs.last().is_some_and(|s| s == "self") {
        segs.pop();
    }
    let glob = segs.last().is_some_and(|s| s == "*");
    if glob {
        segs.pop();
    }
    if segs.is_empty() {
        return;
    }
    let local = if glob {
        None
    } else {
        alias.or_else(|| segs.last().cloned())
    };
    out.push((segs, local));
}

fn segments(path: &str) -> Vec<String> {
    path.split("::")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn split_top(inner: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0;
    let mut cur = String::new();
    for ch in inner.chars() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(std::mem::take(&mut cur));
                continue;
            }
            _ => {}
        }
        cur.push(ch);
    }
    parts.push(cur);
    parts.into_iter().filter(|p| !p.trim().is_empty()).collect()
}

/// Paths written in the code: `a::b::c` where `a` starts with a lower-case letter.
fn inline_paths(code: &str) -> Vec<Vec<String>> {
    let b: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    while i < b.len() {
        let starts = (b[i].is_ascii_lowercase() || b[i] == '_')
            && (i == 0 || !(ident(b[i - 1]) || b[i - 1] == ':'));
        if !starts {
            i += 1;
            continue;
        }
        let mut segs = Vec::new();
        let mut j = i;
        loop {
            let s = j;
            while j < b.len() && ident(b[j]) {
                j += 1;
            }
            if s == j {
                break;
            }
            segs.push(b[s..j].iter().collect::<String>());
            if b.get(j) == Some(&':') && b.get(j + 1) == Some(&':') {
                j += 2;
            } else {
                break;
            }
        }
        if segs.len() > 1 {
            out.push(segs);
        }
        i = j.max(i + 1);
    }
    out
}

/// The strongly connected components of more than one file (Tarjan).
pub fn circles(
    n: usize,
    edges: &BTreeMap<usize, BTreeMap<usize, BTreeSet<String>>>,
) -> Vec<Vec<usize>> {
    struct T<'a> {
        edges: &'a BTreeMap<usize, BTreeMap<usize, BTreeSet<String>>>,
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on: Vec<bool>,
        stack: Vec<usize>,
        next: usize,
        out: Vec<Vec<usize>>,
    }
    fn visit(t: &mut T, v: usize) {
        t.index[v] = Some(t.next);
        t.low[v] = t.next;
        t.next += 1;
        t.stack.push(v);
        t.on[v] = true;
        let targets: Vec<usize> = t
            .edges
            .get(&v)
            .map(|m| m.keys().copied().collect())
            .unwrap_or_default();
        for w in targets {
            match t.index[w] {
                None => {
                    visit(t, w);
                    t.low[v] = t.low[v].min(t.low[w]);
                }
                Some(iw) if t.on[w] => t.low[v] = t.low[v].min(iw),
                _ => {}
            }
        }
        if Some(t.low[v]) == t.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on[w] = false;
                comp.push(w);
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                t.out.push(comp);
            }
        }
    }
    let mut t = T {
        edges,
        index: vec![None; n],
        low: vec![0; n],
        on: vec![false; n],
        stack: vec![],
        next: 0,
        out: vec![],
    };
    for v in 0..n {
        if t.index[v].is_none() {
            visit(&mut t, v);
        }
    }
    t.out
}

//! The bilingual string: every word of the program is a `Tr` or a function of the
//! language; and which language the user wants.

pub use crate::domain::lang::Lang;

/// Which language the user wants (reads the environment, so it lives here, not in the
/// domain).
impl Lang {
    /// `--lang` wins; else LANG / LC_ALL / LC_MESSAGES starting with "zh" mean Chinese.
    pub fn detect(flag: Option<&str>) -> Lang {
        if let Some(f) = flag {
            return Lang::parse(f).unwrap_or(Lang::Zh);
        }
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var)
                && !v.is_empty()
            {
                return if v.starts_with("zh") {
                    Lang::Zh
                } else {
                    Lang::En
                };
            }
        }
        Lang::Zh
    }
}

/// A string in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr(pub &'static str, pub &'static str);

impl Tr {
    pub fn get(self, l: Lang) -> &'static str {
        match l {
            Lang::Zh => self.0,
            Lang::En => self.1,
        }
    }
}

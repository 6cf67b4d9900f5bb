//! Words for writing and reading user-named files (export, backup, a missing database).

use crate::strings::tr::Lang;

pub fn file_exists(l: Lang, file: &str) -> String {
    match l {
        Lang::Zh => format!("{file} 已存在，未做改动；如要替换，请加 --force。"),
        Lang::En => {
            format!("{file} already exists and was left as it is; add --force to replace it.")
        }
    }
}

/// The TUI has no --force: another name is the way out.
pub fn file_exists_tui(l: Lang, file: &str) -> String {
    match l {
        Lang::Zh => format!("{file} 已存在，未做改动；请换一个文件名。"),
        Lang::En => format!("{file} already exists and was left as it is; choose another name."),
    }
}

pub fn file_is_database(l: Lang, file: &str) -> String {
    match l {
        Lang::Zh => {
            format!("{file} 是本程序的数据库（或其日志文件），不会写入它；请换一个文件名。")
        }
        Lang::En => format!(
            "{file} is the database (or its journal) and is never written over; choose another name."
        ),
    }
}

pub fn file_is_symlink(l: Lang, file: &str) -> String {
    match l {
        Lang::Zh => format!("{file} 是符号链接，不会经由它写入；请给出真实的文件名。"),
        Lang::En => format!(
            "{file} is a symbolic link and is never written through; give a real file name."
        ),
    }
}

pub fn file_is_folder(l: Lang, file: &str) -> String {
    match l {
        Lang::Zh => format!("{file} 是文件夹，请给出文件名。"),
        Lang::En => format!("{file} is a folder; give a file name."),
    }
}

pub fn no_database(l: Lang, file: &str) -> String {
    match l {
        Lang::Zh => format!(
            "{file} 处没有数据库，未创建任何文件；请检查 --db 路径（新建数据库请用 yishi demo、yishi roster import 或直接运行 yishi）。"
        ),
        Lang::En => format!(
            "There is no database at {file}; nothing was created. Check the --db path (a new database is made by yishi demo, yishi roster import or yishi itself)."
        ),
    }
}

/// The sentence for a file that was not written (`tui`: there is no --force there).
pub fn refusal(l: Lang, file: &str, r: &crate::files::Refusal, tui: bool) -> String {
    use crate::files::Refusal as R;
    match r {
        R::Exists if tui => file_exists_tui(l, file),
        R::Exists => file_exists(l, file),
        R::Database => file_is_database(l, file),
        R::Symlink => file_is_symlink(l, file),
        R::Folder => file_is_folder(l, file),
        R::Io(why) => crate::strings::cli::cli_cannot_write(l, file, why),
    }
}

//! The command line's grammar (PRODUCT.md "Secretaries' command line").

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "yishi",
    version,
    about = "议事 yishi — run a residential community's consultation meeting and keep signed minutes",
    long_about = "议事 yishi — run a residential community's consultation meeting and keep signed minutes.\n\
                  Without a command it opens the full-screen program.\n\
                  Exit codes: 0 success, 1 a verification failed, 2 bad input or an unusable database."
)]
pub struct Cli {
    /// The database file (default: yishi.db in your data folder)
    #[arg(long, global = true, env = "YISHI_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Language of the interface: zh or en (default: from LANG)
    #[arg(long, global = true, value_parser = ["zh", "en"])]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fill the database with a demo community and open it
    Demo {
        /// Only write the database and print its path
        #[arg(long)]
        no_tui: bool,
    },
    /// Roster (名册) commands
    Roster {
        #[command(subcommand)]
        cmd: RosterCmd,
    },
    /// Minutes (会议记录) commands
    Minutes {
        #[command(subcommand)]
        cmd: MinutesCmd,
    },
    /// Export a meeting's minutes (md, html or json), or its public notice (公示)
    Export {
        /// The meeting's id (see `minutes list`)
        id: i64,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The public notice: results and totals only, names masked
        #[arg(long)]
        notice: bool,
        /// Write to FILE instead of standard output
        #[arg(short = 'o', value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists (never the database, never through a symbolic link)
        #[arg(long, requires = "out")]
        force: bool,
    },
    /// Verify signed minutes (exit 0 all valid, 1 any failure)
    Verify {
        /// One meeting's id; all signed meetings when omitted
        id: Option<i64>,
        /// Verify an exported JSON file instead of the database
        #[arg(long, value_name = "FILE.json", conflicts_with = "id")]
        file: Option<PathBuf>,
        /// The chain head printed on a notice: that link and every one before it must be here
        #[arg(long, value_name = "COMMUNITY:POSITION:HEX", conflicts_with_all = ["id", "file"])]
        head: Option<String>,
    },
    /// Make a consistent copy of the database, even while yishi runs
    Backup {
        dest: PathBuf,
        /// Replace DEST if it exists (never the database, never through a symbolic link)
        #[arg(long)]
        force: bool,
    },
    /// Import minutes exported on other laptops (each verified first)
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Pin the keys of a community's first minutes without asking (prints them)
        #[arg(long)]
        trust_new: bool,
    },
    /// Print paper for a meeting as A4 HTML: notice, sign-in, proxy-form, ballots, results, extension
    Print {
        #[arg(value_enum)]
        what: PrintWhat,
        /// The meeting's id
        id: i64,
        /// Write to FILE instead of standard output
        #[arg(short = 'o', value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists (never the database, never through a symbolic link)
        #[arg(long, requires = "out")]
        force: bool,
    },
    /// The district's pinned signer keys (fingerprints from the printed notices)
    Trust {
        #[command(subcommand)]
        cmd: TrustCmd,
    },
    /// Residents' suggestions (居民意见).
    Suggestions {
        #[command(subcommand)]
        cmd: SuggestionsCmd,
    },
    /// The district report: per community and in total.
    Report {
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        community: Option<String>,
        #[arg(long, value_enum, default_value = "html")]
        format: ReportFormat,
        #[arg(short = 'o', value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists (never the database, never through a symbolic link)
        #[arg(long, requires = "out")]
        force: bool,
    },
    /// Mediation (调解) cases: list them, export a signed agreement
    Mediation {
        #[command(subcommand)]
        cmd: MediationCmd,
    },
}

#[derive(Debug, Subcommand)]
pub enum MediationCmd {
    /// List the cases, newest first
    List {
        /// open, agreed, not_agreed, withdrawn, performed, not_performed (or its name)
        #[arg(long)]
        status: Option<String>,
        /// leak, noise, parking, family, neighbour, other (or its name: 漏水 …)
        #[arg(long)]
        kind: Option<String>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Export a signed agreement as JSON (for `verify --file` and `import`)
    Export {
        /// The case's id (see `mediation list`)
        case: i64,
        #[arg(short = 'o', value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists (never the database, never through a symbolic link)
        #[arg(long, requires = "out")]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum TrustCmd {
    /// List the pinned keys
    List,
    /// Pin keys of a community, e.g. `trust add 望城小区 a1b2:c3d4:e5f6:0718`
    Add {
        community: String,
        #[arg(required = true)]
        fingerprints: Vec<String>,
    },
    /// Remove a pinned key
    Remove {
        community: String,
        fingerprint: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum RosterCmd {
    /// Import units and voters from a CSV file with a header:
    /// label,building,unit,area,owner[,kind,roles,phone,council,council_role]
    Import {
        file: PathBuf,
        /// The community (小区) to import into; created if new
        #[arg(long)]
        community: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum MinutesCmd {
    /// List finished meetings, newest first
    List {
        #[arg(long)]
        community: Option<String>,
        /// From this date (YYYY-MM-DD)
        #[arg(long)]
        since: Option<String>,
        /// Up to this date (YYYY-MM-DD)
        #[arg(long)]
        until: Option<String>,
        /// Meeting kind: its name (业主大会, "Owners' assembly") or id (owners_assembly)
        #[arg(long)]
        kind: Option<String>,
        /// Words to find in minutes, proposals and remarks (taken as given, even "-大门")
        #[arg(long, allow_hyphen_values = true)]
        search: Option<String>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Print a meeting's minutes
    Show {
        id: i64,
        #[arg(long, value_enum, default_value = "md")]
        format: ShowFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Html,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Md,
    Txt,
}

/// What `yishi print` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PrintWhat {
    /// 会议通知 / 征求意见公告
    Notice,
    /// 签到表
    SignIn,
    /// 委托书 template
    ProxyForm,
    /// 表决票, one voter a page (a written consultation, once opened)
    Ballots,
    /// 表决结果公告 (once closed)
    Results,
    /// 延期公告 (a written consultation once extended)
    Extension,
    /// 人民调解协议书 of a mediation case (the id is the case's, see `mediation list`)
    Agreement,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Html,
    Csv,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum SuggestionsCmd {
    List {
        /// new, acknowledged, answered, handed_over, on_agenda, decided, done, closed
        #[arg(long)]
        status: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

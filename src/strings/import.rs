//! Why an exported file was not imported, in the user's language.

use super::tr::Lang;
use super::trust;
use super::verify::problem;

/// Why an exported file was not imported.
pub fn import_refusal(l: Lang, r: &crate::store::refusal::import::ImportRefusal) -> String {
    use crate::store::refusal::import::ImportRefusal as R;
    let problems = |ps: &[crate::domain::signing::verify::Problem]| {
        let list: Vec<String> = ps.iter().map(|p| problem(l, p)).collect();
        list.join(match l {
            Lang::Zh => "；",
            Lang::En => "; ",
        })
    };
    match (l, r) {
        (
            _,
            R::NewCommunity {
                community,
                fingerprints,
            },
        ) => trust::needs_pinning(l, community, &fingerprints.join(", ")),
        (Lang::Zh, R::Invalid(ps)) => format!("验证未通过：{}", problems(ps)),
        (Lang::En, R::Invalid(ps)) => format!("it does not verify: {}", problems(ps)),
        (Lang::Zh, R::Unsigned) => "会议记录尚未由主持人和记录人签署完成".into(),
        (Lang::En, R::Unsigned) => {
            "the minutes are not signed by the host and the secretary".into()
        }
        (Lang::Zh, R::Conflict { meeting_id }) => {
            format!("本数据库的会议 {meeting_id} 编号（uid）相同，但会议记录不同")
        }
        (Lang::En, R::Conflict { meeting_id }) => {
            format!("meeting {meeting_id} here has the same uid but other minutes")
        }
        (_, R::NotReproduced(status)) => {
            let why = match status {
                crate::domain::signing::verify::VerifyStatus::Invalid(ps) => problems(ps),
                _ => String::new(),
            };
            match l {
                Lang::Zh => format!("写入后无法复现签署的会议记录：{why}"),
                Lang::En => {
                    format!("the written records do not reproduce the signed minutes: {why}")
                }
            }
        }
    }
}

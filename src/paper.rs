//! The paper a host prints (domain::paper renders it), put together from the store for
//! the command line (`yishi print`) and the preparation screen.

use crate::domain::minutes::meeting_lang;
use crate::domain::model::MeetingStatus;
use crate::domain::paper;
use crate::store::ids::MeetingId;
use crate::store::{Refusal, Result, Store, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    Notice,
    SignIn,
    ProxyForm,
    Ballots,
    Results,
    /// 延期公告: the last extension of a written consultation, with its reason.
    Extension,
}

impl Paper {
    pub const ALL: [Paper; 6] = [
        Paper::Notice,
        Paper::SignIn,
        Paper::ProxyForm,
        Paper::Ballots,
        Paper::Results,
        Paper::Extension,
    ];

    /// The file name offered for meeting `id`.
    pub fn file_name(self, id: MeetingId) -> String {
        let what = match self {
            Paper::Notice => "notice",
            Paper::SignIn => "sign-in",
            Paper::ProxyForm => "proxy-form",
            Paper::Ballots => "ballots",
            Paper::Results => "results",
            Paper::Extension => "extension",
        };
        format!("yishi-{id}-{what}.html")
    }
}

/// The page, in the meeting's language.
pub fn render(store: &Store, id: MeetingId, what: Paper) -> Result<String> {
    let rec = store.meeting_record(id)?;
    let l = meeting_lang(&rec);
    Ok(match what {
        Paper::Notice => paper::notice::notice(&rec, store.notice_date(id)?.as_deref(), l),
        Paper::SignIn => paper::notice::sign_in(&rec, &store.sign_in_rows(id)?, l),
        Paper::ProxyForm => paper::notice::proxy_form(&rec, l),
        Paper::Ballots => paper::ballots::ballots(&rec, &store.ballot_sheets(id)?, l),
        Paper::Results => {
            if !matches!(rec.status, MeetingStatus::Adjourned | MeetingStatus::Signed) {
                return Err(StoreError::Refused(Refusal::Written(
                    crate::store::refusal::written::WrittenRefusal::ResultsNotClosed,
                )));
            }
            paper::results::results(&rec, l)
        }
        Paper::Extension => {
            paper::extension::extension_notice(&rec, l).ok_or(StoreError::Refused(
                Refusal::Written(crate::store::refusal::written::WrittenRefusal::NoExtension),
            ))?
        }
    })
}

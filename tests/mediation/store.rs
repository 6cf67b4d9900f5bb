//! Mediation in the store (issue 19), on a temporary database: a case from opening to
//! its signed agreement and performance check; the locks after signing; the statuses'
//! allowed moves; tampering named by the agreement's check; the figures for the district
//! report recomputed, with no name in them; and the import of a signed agreement.

use rusqlite::Connection;
use yishi::demo::{self, DEMO_SIGNERS};
use yishi::domain::mediation::stats::count;
use yishi::domain::mediation::verify::{AgreementProblem, AgreementStatus};
use yishi::domain::mediation::{CaseKind, CaseStatus, NotReady};
use yishi::store::ids::{CaseId, CommunityId, SignerId};
use yishi::store::mediation::{CaseFilter, CaseInput};
use yishi::store::refusal::mediation::MediationRefusal;
use yishi::store::{Refusal, Store, StoreError};

const MEDIATOR: &str = DEMO_SIGNERS[1].0;
const PASS: &str = DEMO_SIGNERS[1].2;

fn refused(e: StoreError) -> MediationRefusal {
    match e {
        StoreError::Refused(Refusal::Mediation(m)) => m,
        other => panic!("expected a mediation refusal, got {other:?}"),
    }
}

fn demo_store(dir: &std::path::Path) -> (Store, CommunityId) {
    let mut st = Store::open(&dir.join("m.db")).expect("open");
    demo::install(&mut st).expect("demo");
    let c = st
        .community_by_name(demo::COMMUNITY)
        .expect("read")
        .expect("community")
        .id;
    (st, c)
}

fn input(title: &str) -> CaseInput {
    CaseInput {
        kind: CaseKind::Noise,
        title: title.into(),
        facts: "楼上夜间装修。".into(),
        issue: "施工时间。".into(),
        opened_on: "2026-04-03".into(),
    }
}

/// A case ready to sign: two parties (a roster voter, an outsider), a mediator, two
/// sessions, a term, both paper signatures.
fn ready_case(st: &mut Store, community: CommunityId) -> CaseId {
    let case = st
        .open_case(community, &input("1栋夜间装修噪音"))
        .expect("open");
    let voter = st.voters(community).expect("voters")[0].clone();
    assert_eq!(st.add_party(case, &voter.name, &[]).expect("party"), 1);
    assert_eq!(
        st.add_party(case, "租户周先生", &["1栋1单元201".into()])
            .expect("party"),
        2
    );
    st.add_case_mediator(case, MEDIATOR).expect("mediator");
    st.add_session(
        case,
        "2026-04-05",
        std::slice::from_ref(&voter.name),
        "第一次调解。",
    )
    .expect("session");
    st.add_session(case, "2026-04-09", &["租户周先生".into()], "第二次调解。")
        .expect("session");
    st.add_term(case, 2, "晚上十点后不施工", "自行遵守", "2026-04-30")
        .expect("term");
    st.record_paper_signature(case, 1, "2026-04-09")
        .expect("paper");
    st.record_paper_signature(case, 2, "2026-04-09")
        .expect("paper");
    case
}

fn signer(st: &Store, name: &str) -> SignerId {
    st.signer_by_name(name).expect("read").expect("signer").id
}

#[test]
fn a_case_from_opening_to_its_performance() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut st, community) = demo_store(dir.path());
    let case = ready_case(&mut st, community);
    let rec = st.case_record(case).expect("record");
    assert!(rec.parties[0].on_roster && !rec.parties[0].units.is_empty());
    assert!(!rec.parties[1].on_roster);
    assert_eq!(st.sessions(case).expect("sessions").len(), 2);
    let draft = st.agreement_text(case).expect("draft");
    assert!(draft.contains("晚上十点后不施工") && draft.contains("租户周先生"));

    // Not a mediator of the case; a wrong passphrase: nothing signed.
    let host = signer(&st, DEMO_SIGNERS[0].0);
    assert_eq!(
        refused(
            st.sign_agreement(case, host, DEMO_SIGNERS[0].2)
                .unwrap_err()
        ),
        MediationRefusal::NotAMediator
    );
    let m = signer(&st, MEDIATOR);
    assert!(matches!(
        st.sign_agreement(case, m, "wrong passphrase"),
        Err(StoreError::WrongPassphrase)
    ));
    assert!(!st.case_row(case).expect("row").signed);

    assert!(st.sign_agreement(case, m, PASS).expect("sign"));
    let row = st.case_row(case).expect("row");
    assert!(row.signed);
    assert_eq!(row.status, CaseStatus::Agreed);
    assert_eq!(
        st.stored_agreement(case).expect("text").map(|a| a.text),
        Some(draft)
    );
    assert_eq!(
        refused(st.sign_agreement(case, m, PASS).unwrap_err()),
        MediationRefusal::AlreadySigned
    );
    assert_eq!(
        st.verify_case_agreement(case).expect("verify").status,
        AgreementStatus::Valid
    );

    // Due on home and the board until checked; a check needs its note.
    assert!(
        st.mediation_due()
            .expect("due")
            .iter()
            .any(|d| d.case_id == case && d.due_on == "2026-04-30")
    );
    assert_eq!(
        refused(st.record_check(case, "2026-05-02", true, " ").unwrap_err()),
        MediationRefusal::CheckNeedsNote
    );
    st.record_check(case, "2026-05-02", false, "仍有夜间施工。")
        .expect("check");
    assert_eq!(
        st.case_row(case).expect("row").status,
        CaseStatus::NotPerformed
    );
    st.record_check(case, "2026-05-10", true, "已停止夜间施工。")
        .expect("check");
    assert_eq!(
        st.case_row(case).expect("row").status,
        CaseStatus::Performed
    );
    assert_eq!(st.checks(case).expect("checks").len(), 2);
    assert!(
        !st.mediation_due()
            .expect("due")
            .iter()
            .any(|d| d.case_id == case)
    );
    assert_eq!(
        refused(
            st.record_check(case, "2026-05-11", true, "再次")
                .unwrap_err()
        ),
        MediationRefusal::NothingToCheck
    );
}

#[test]
fn signing_needs_a_ready_case_and_then_locks_its_facts() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut st, community) = demo_store(dir.path());
    let m = signer(&st, MEDIATOR);
    let case = st
        .open_case(community, &input("未准备好的案件"))
        .expect("open");
    st.add_party(case, "甲", &["1栋".into()]).expect("party");
    st.add_case_mediator(case, MEDIATOR).expect("mediator");
    assert_eq!(
        refused(st.sign_agreement(case, m, PASS).unwrap_err()),
        MediationRefusal::NotReady(NotReady::TwoParties)
    );
    assert_eq!(
        refused(st.add_term(case, 5, "x", "", "2026-05-01").unwrap_err()),
        MediationRefusal::NoSuchParty
    );
    assert_eq!(
        refused(st.add_term(case, 1, "x", "", "2026-02-30").unwrap_err()),
        MediationRefusal::BadDate
    );

    let case = ready_case(&mut st, community);
    st.sign_agreement(case, m, PASS).expect("sign");
    assert_eq!(
        refused(st.edit_case(case, &input("改名")).unwrap_err()),
        MediationRefusal::Signed
    );
    assert_eq!(
        refused(st.add_party(case, "新当事人", &[]).unwrap_err()),
        MediationRefusal::Signed
    );
    assert_eq!(
        refused(
            st.add_term(case, 1, "新义务", "", "2026-06-01")
                .unwrap_err()
        ),
        MediationRefusal::Signed
    );
    // Underneath, the triggers refuse a raw change of the facts or the parties.
    let raw = Connection::open(dir.path().join("m.db")).expect("raw");
    for sql in [
        "UPDATE mediation_cases SET facts = '改' WHERE id = ?1",
        "UPDATE mediation_parties SET name = '改' WHERE case_id = ?1",
        "DELETE FROM mediation_terms WHERE case_id = ?1",
        "UPDATE mediation_paper SET signed_on = '2026-01-01' WHERE case_id = ?1",
        "DELETE FROM mediation_signatures WHERE case_id = ?1",
        "UPDATE mediation_agreements SET text = '改' WHERE case_id = ?1",
    ] {
        let e = raw.execute(sql, [case]).expect_err(sql);
        assert!(e.to_string().contains("locked"), "{sql}: {e}");
    }
    // The status still moves with the follow-up; a session may follow.
    st.add_session(case, "2026-04-20", &[], "回访。")
        .expect("session");
    // A correction is a signed addendum.
    let id = st
        .add_agreement_addendum(case, "履行期限延至2026-05-15。", m, PASS)
        .expect("addendum");
    assert!(id > 0);
    assert_eq!(
        st.verify_case_agreement(case).expect("verify").status,
        AgreementStatus::Valid
    );
}

#[test]
fn statuses_move_only_as_allowed() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut st, community) = demo_store(dir.path());
    let case = st.open_case(community, &input("停车纠纷")).expect("open");
    assert_eq!(
        refused(
            st.set_case_status(case, CaseStatus::Agreed, "")
                .unwrap_err()
        ),
        MediationRefusal::Transition(CaseStatus::Open, CaseStatus::Agreed)
    );
    assert_eq!(
        refused(st.record_check(case, "2026-05-01", true, "x").unwrap_err()),
        MediationRefusal::NothingToCheck
    );
    st.set_case_status(case, CaseStatus::NotAgreed, "双方分歧较大")
        .expect("not agreed");
    st.set_case_status(case, CaseStatus::Open, "重新调解")
        .expect("again");
    st.set_case_status(case, CaseStatus::Withdrawn, "申请人撤回")
        .expect("withdrawn");
    assert_eq!(
        refused(st.set_case_status(case, CaseStatus::Open, "").unwrap_err()),
        MediationRefusal::Transition(CaseStatus::Withdrawn, CaseStatus::Open)
    );
    let f = CaseFilter {
        status: Some(CaseStatus::Withdrawn),
        ..CaseFilter::default()
    };
    assert!(st.cases(&f).expect("cases").iter().any(|c| c.id == case));
    let f = CaseFilter {
        month: Some("2026-04".into()),
        kind: Some(CaseKind::Leak),
        ..CaseFilter::default()
    };
    assert!(!st.cases(&f).expect("cases").iter().any(|c| c.id == case));
    // Found by a word of its facts or a party's name, here (the laptop that holds it).
    st.add_party(case, "车主孙女士", &[]).expect("party");
    for word in ["夜间装修", "孙女士"] {
        let f = CaseFilter {
            text: Some(word.into()),
            ..CaseFilter::default()
        };
        assert!(
            st.cases(&f).expect("cases").iter().any(|c| c.id == case),
            "{word}"
        );
    }
}

#[test]
fn tampering_with_signed_facts_is_named() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut st, community) = demo_store(dir.path());
    let case = ready_case(&mut st, community);
    let m = signer(&st, MEDIATOR);
    st.sign_agreement(case, m, PASS).expect("sign");
    drop(st);
    let raw = Connection::open(dir.path().join("m.db")).expect("raw");
    raw.execute_batch("DROP TRIGGER lock_mediation_cases_update;")
        .expect("drop trigger");
    raw.execute(
        "UPDATE mediation_cases SET facts = '楼上从未装修。' WHERE id = ?1",
        [case],
    )
    .expect("tamper");
    drop(raw);
    let st = Store::open(&dir.path().join("m.db")).expect("reopen");
    let r = st.verify_case_agreement(case).expect("verify");
    match r.status {
        AgreementStatus::Invalid(p) => assert!(
            p.iter().any(
                |x| matches!(x, AgreementProblem::FactsDiffer { records_say, .. }
                if records_say.contains("楼上从未装修"))
            ),
            "{p:?}"
        ),
        other => panic!("{other:?}"),
    }
    assert!(
        st.verify_agreements()
            .expect("all")
            .iter()
            .any(|r| !r.status.is_valid())
    );
}

#[test]
fn report_figures_recomputed_and_nameless() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut st, community) = demo_store(dir.path());
    let case = ready_case(&mut st, community);
    let m = signer(&st, MEDIATOR);
    st.sign_agreement(case, m, PASS).expect("sign");
    let f = st.mediation_figures(Some(community)).expect("figures");
    let all = st
        .cases(&CaseFilter {
            community: Some(community),
            ..CaseFilter::default()
        })
        .expect("cases");
    let again = count(
        &all.iter()
            .map(|c| (c.opened_on.clone(), c.kind, c.status))
            .collect::<Vec<_>>(),
    );
    assert_eq!(f, again);
    assert_eq!(f.total() as usize, all.len());
    assert!(f.rows.iter().any(|r| r.month == "2026-04"
        && r.kind == CaseKind::Noise
        && r.status == CaseStatus::Agreed));
    let printed = format!("{f:?}{}", serde_json::to_string(&f).expect("json"));
    for c in &all {
        let rec = st.case_record(c.id).expect("record");
        for p in &rec.parties {
            assert!(!printed.contains(&p.name), "{} in the figures", p.name);
        }
        assert!(rec.facts.is_empty() || !printed.contains(&rec.facts));
        assert!(!printed.contains(&rec.title));
    }
}

#[test]
fn a_signed_agreement_imports_at_the_district() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut st, community) = demo_store(dir.path());
    let case = ready_case(&mut st, community);
    let m = signer(&st, MEDIATOR);
    st.sign_agreement(case, m, PASS).expect("sign");
    let b = st.agreement_bundle(case).expect("bundle");
    let mut district = Store::open(&dir.path().join("district.db")).expect("district");
    assert!(district.import_agreement(&b).expect("import"));
    assert!(!district.import_agreement(&b).expect("again"));
    let reports = district.verify_agreements().expect("verify");
    assert_eq!(reports.len(), 1);
    assert!(reports[0].status.is_valid() && reports[0].case_id.is_none());
    let mut bad = b.clone();
    bad.case.facts = "改过的事实".into();
    assert_eq!(
        refused(district.import_agreement(&bad).unwrap_err()),
        MediationRefusal::ImportInvalid
    );
}

#[test]
fn an_older_database_gains_the_mediation_tables() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("v9.db");
    std::fs::copy("tests/fixtures/release-v9.db", &path).expect("copy");
    let st = Store::open(&path).expect("migrate");
    assert!(st.cases(&CaseFilter::default()).expect("cases").is_empty());
    drop(st);
    // Opening again runs nothing twice.
    let st = Store::open(&path).expect("reopen");
    assert!(st.mediation_due().expect("due").is_empty());
}

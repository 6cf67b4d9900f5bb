//! Trust: a signature means this community's named signer, and nothing newer was removed
//! (issue 13; PRODUCT.md "Trust: who signed"). Each test is one of the acceptance
//! checks, run on the real binary where a user would.

use crate::trust_support::*;
use ed25519_dalek::SigningKey;
use yishi::domain::minutes::body::signed_body;
use yishi::domain::signing::statement::{StatementV2, sign_v2};
use yishi::domain::signing::verify::{ExportBundle, Role};
use yishi::domain::signing::{self, SignedStatement, fingerprint, hex, sha256};
use yishi::store::Store;
use yishi::store::ids::MeetingId;

#[test]
fn the_district_pins_laptop_a_and_refuses_laptop_b_until_its_key_is_pinned() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Two laptops ran the demo: same passphrases, other salts, so other keys.
    let a = laptop(dir.path(), "a");
    let b = laptop(dir.path(), "b");
    let (a_host, b_host) = (fingerprint_of(&a, HOST), fingerprint_of(&b, HOST));
    let b_secretary = fingerprint_of(&b, SECRETARY);
    assert_ne!(a_host, b_host);
    let (fa, fb) = (dir.path().join("a.json"), dir.path().join("b.json"));
    export_json(&a, 1, &fa);
    export_json(&b, 1, &fb);
    let district = dir.path().join("district.db");

    // Without --trust-new (and no terminal to ask at), a new community's minutes wait
    // for its keys to be pinned; the refusal shows them.
    let (code, out, _) = en(&district, &["import", &arg(&fa)]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("no key of \"望城小区\" is pinned") && out.contains(&a_host),
        "{out}"
    );
    let (code, out, err) = en(&district, &["import", "--trust-new", &arg(&fa)]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains(&format!("pinned: \"望城小区\" {a_host}")),
        "{out}"
    );

    // B's keys are neither pinned nor endorsed by a pinned key: refused, naming the key.
    let (code, out, _) = en(&district, &["import", "--trust-new", &arg(&fb)]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(&format!("key {b_host}")), "{out}");
    assert!(out.contains("neither pinned"), "{out}");

    let (code, out, err) = en(
        &district,
        &["trust", "add", "望城小区", &b_host, &b_secretary],
    );
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = en(&district, &["import", &arg(&fb)]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("imported as meeting"), "{out}");
    let (code, out, err) = en(&district, &["verify"]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out.matches(": valid").count(), 2, "{out}");

    let (code, out, _) = en(&district, &["trust", "list"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 4, "{out}");
    let (code, _, _) = en(&district, &["trust", "remove", "望城小区", &b_host]);
    assert_eq!(code, 0);
    let (code, _, err) = en(&district, &["trust", "remove", "望城小区", &b_host]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = en(&district, &["trust", "add", "望城小区", "not-a-key"]);
    assert_eq!(code, 2, "{err}");
}

/// Listing or removing keys at a path with no archive says so and makes no file there
/// (a mistyped --db); pinning a key from a printed notice may start a new archive.
#[test]
fn trust_list_and_remove_at_a_mistyped_path_make_no_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("distrct.db");
    let key = "0000:1111:2222:3333";
    for args in [
        vec!["trust", "list"],
        vec!["trust", "remove", "望城小区", key],
    ] {
        let (code, out, err) = en(&missing, &args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(err.contains("distrct.db"), "{args:?}: {err}");
        assert!(!missing.exists(), "{args:?} made a file");
    }
    let (code, out, err) = en(&missing, &["trust", "add", "望城小区", key]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, _) = en(&missing, &["trust", "list"]);
    assert_eq!(code, 0);
    assert!(out.contains("望城小区") && out.contains(key), "{out}");
}

/// Whoever can write the file renders meeting `id`'s minutes again from its (changed)
/// records and signs them with keys of their own under the host's and the secretary's
/// names, with statement v2 or, to avoid the roster, v1. Returns the forger's fingerprint.
fn resign(db: &std::path::Path, id: i64, v1: bool) -> String {
    let store = Store::open(db).expect("open");
    let rec = store.meeting_record(MeetingId(id)).expect("record");
    let stored = store
        .stored_minutes(MeetingId(id))
        .expect("m")
        .expect("signed");
    drop(store);
    let body = signed_body(&rec);
    let sha = sha256(body.as_bytes());
    let prev: [u8; 32] = yishi::domain::signing::from_hex(&stored.prev_sha256)
        .and_then(|v| v.try_into().ok())
        .expect("prev");
    let forger = SigningKey::from_bytes(&[9u8; 32]);
    let pk = forger.verifying_key().to_bytes();
    let mut sql = format!(
        "UPDATE minutes SET text = '{}', sha256 = '{}' WHERE meeting_id = {id};
         DELETE FROM signature_statements WHERE signature_id IN
             (SELECT id FROM signatures WHERE meeting_id = {id});
         DELETE FROM signatures WHERE meeting_id = {id};",
        body.replace('\'', "''"),
        hex(&sha)
    );
    for (name, role) in [(HOST, "host"), (SECRETARY, "secretary")] {
        let signed_at = "2026-05-16T11:40:00+08:00".to_string();
        let sig = if v1 {
            let st = SignedStatement {
                meeting_uid: rec.uid.clone(),
                minutes_sha256: sha,
                prev_sha256: prev,
                role: role.into(),
                signer_key: pk,
                signed_at: signed_at.clone(),
            };
            signing::sign(&forger, &st).expect("sign")
        } else {
            let st = StatementV2 {
                community_uid: stored.community_uid.clone(),
                meeting_uid: rec.uid.clone(),
                seq: stored.seq,
                signer_name: name.into(),
                role: role.into(),
                signer_key: pk,
                signed_at: signed_at.clone(),
                minutes_sha256: sha,
                prev_sha256: prev,
            };
            sign_v2(&forger, &st).expect("sign")
        };
        sql.push_str(&format!(
            "INSERT INTO signatures (meeting_id, signer_name, public_key, role, minutes_sha256,
                prev_sha256, signed_at, signature)
             VALUES ({id}, '{name}', X'{}', '{role}', '{}', '{}', '{signed_at}', X'{}');",
            hex(&pk),
            hex(&sha),
            hex(&prev),
            hex(&sig)
        ));
        if !v1 {
            sql.push_str("INSERT INTO signature_statements VALUES (last_insert_rowid(), 2);");
        }
    }
    tamper(db, &sql);
    fingerprint(&pk)
}

#[test]
fn a_vote_changed_and_resigned_with_a_key_not_on_the_roster_fails_naming_the_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = laptop(dir.path(), "a");
    let (code, out, _) = en(&db, &["verify"]);
    assert_eq!(code, 0, "{out}");
    tamper(
        &db,
        "UPDATE votes SET choice = 'no' WHERE id = (SELECT min(id) FROM votes WHERE choice = 'yes');",
    );
    let forger = resign(&db, 1, false);
    let (code, out, _) = en(&db, &["verify"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!(
            "key {forger} ({HOST}) was not on this community's signer roster"
        )),
        "{out}"
    );
}

#[test]
fn resigning_later_minutes_with_statement_v1_does_not_avoid_the_roster() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = laptop(dir.path(), "a");
    let mut store = Store::open(&db).expect("open");
    let m = adjourned_meeting(&mut store, "第二次", HOST, SECRETARY);
    sign(
        &mut store,
        m.0,
        (HOST, HOST_PASS),
        (SECRETARY, SECRETARY_PASS),
    );
    drop(store);
    tamper(
        &db,
        &format!("UPDATE meetings SET venue = '别处' WHERE id = {m};"),
    );
    let forger = resign(&db, m.0, true);
    let (code, out, _) = en(&db, &["verify", &m.to_string()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(&format!("key {forger}")), "{out}");
}

#[test]
fn a_renamed_signer_in_an_export_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = laptop(dir.path(), "a");
    let f = dir.path().join("m.json");
    let mut b = export_json(&db, 1, &f);
    for s in b.signatures.iter_mut().filter(|s| s.role == "host") {
        s.signer_name = "王五".into();
    }
    write_bundle(&f, &b);
    let (code, out, _) = yishi(&["--lang", "en", "verify", "--file", &arg(&f)]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("INVALID"), "{out}");
    let district = dir.path().join("district.db");
    let (code, out, _) = en(&district, &["import", "--trust-new", &arg(&f)]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("refused"), "{out}");
    // Renaming the host in the records too changes the signed text.
    b.record.host = "王五".into();
    write_bundle(&f, &b);
    let (code, out, _) = en(&district, &["import", "--trust-new", &arg(&f)]);
    assert_eq!(code, 1, "{out}");
}

/// The export as a laptop from before schema 5 would have written it: statement v1
/// signatures (the chain position and the names not signed), no roster, no uid.
fn as_v1(db: &std::path::Path, b: &mut ExportBundle) {
    let store = Store::open(db).expect("open");
    let m = b.minutes.as_mut().expect("minutes");
    m.community_uid.clear();
    b.roster.clear();
    for s in b.signatures.iter_mut() {
        let pass = if s.signer_name == HOST {
            HOST_PASS
        } else {
            SECRETARY_PASS
        };
        let key = store
            .unlock_signer(signer(&store, &s.signer_name), pass)
            .expect("unlock");
        let st: SignedStatement = s.statement(&b.record.uid).expect("statement");
        s.signature = hex(&signing::sign(&key, &st).expect("sign"));
        s.version = 1;
    }
}

#[test]
fn a_chain_position_near_i64_max_is_refused_and_signing_keeps_working() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = laptop(dir.path(), "a");
    let b = laptop(dir.path(), "b");
    let f = dir.path().join("m.json");
    let genuine = export_json(&a, 1, &f);
    let mut v1 = genuine.clone();
    as_v1(&a, &mut v1);
    // Laptop B gathers A's minutes (same community name): with a moved position, none
    // enters, whether the position is signed (v2) or not (v1).
    for (what, mut bundle) in [("v2", genuine.clone()), ("v1", v1.clone())] {
        bundle.minutes.as_mut().expect("m").seq = i64::MAX;
        write_bundle(&f, &bundle);
        let (code, out, _) = en(&b, &["import", "--trust-new", &arg(&f)]);
        assert_eq!(code, 1, "{what}: {out}");
        assert!(out.contains("refused"), "{what}: {out}");
    }
    let before: i64 = query_one(&b, "SELECT CAST(max(seq) AS TEXT) FROM minutes")
        .parse()
        .expect("seq");
    assert_eq!(before, 1);
    // The genuine v1 export (not moved) is accepted, and reported as v1.
    write_bundle(&f, &v1);
    let (code, out, err) = en(&b, &["import", "--trust-new", &arg(&f)]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, _) = en(&b, &["verify"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("(signed with statement v1)"), "{out}");
    // B's community still signs its next meeting.
    let mut store = Store::open(&b).expect("open");
    let m = adjourned_meeting(&mut store, "下一次会议", HOST, SECRETARY);
    sign(
        &mut store,
        m.0,
        (HOST, HOST_PASS),
        (SECRETARY, SECRETARY_PASS),
    );
    assert!(store.verify_meeting(m).expect("verify").status.is_valid());
}

#[test]
fn a_signer_endorsed_by_the_host_signs_and_the_district_trusts_it_through_the_roster() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = laptop(dir.path(), "a");
    let mut store = Store::open(&a).expect("open");
    let c = community(&store);
    // After the founding, a new signer needs an endorsement; a wrong one registers nothing.
    let err = store.register_endorsed(c, "王芳", "wangfang-2026", "wangfang-2026", None);
    assert!(err.is_err());
    let err = store.register_endorsed(
        c,
        "王芳",
        "wangfang-2026",
        "wangfang-2026",
        Some((HOST, "wrong-passphrase")),
    );
    assert!(err.is_err());
    assert!(store.signer_by_name("王芳").expect("s").is_none());
    store
        .register_endorsed(
            c,
            "王芳",
            "wangfang-2026",
            "wangfang-2026",
            Some((HOST, HOST_PASS)),
        )
        .expect("endorsed");
    assert_eq!(store.signer_roster(c).expect("roster").len(), 3);
    let m = adjourned_meeting(&mut store, "2026年第二次业主大会", HOST, "王芳");
    sign(
        &mut store,
        m.0,
        (HOST, HOST_PASS),
        ("王芳", "wangfang-2026"),
    );
    // A signer registered here but never endorsed cannot sign.
    store
        .register_signer("赵六", "zhaoliu-2026", "zhaoliu-2026")
        .expect("register");
    let m3 = adjourned_meeting(&mut store, "第三次", HOST, "赵六");
    let h = signer(&store, HOST);
    store
        .sign_meeting(m3, h, Role::Host, HOST_PASS)
        .expect("host");
    let z = signer(&store, "赵六");
    let e = store
        .sign_meeting(m3, z, Role::Secretary, "zhaoliu-2026")
        .expect_err("refused");
    let said = yishi::strings::store_error(yishi::strings::Lang::En, &e);
    assert!(
        said.contains("not on this community's signer roster"),
        "{said}"
    );
    drop(store);
    let (code, out, _) = en(&a, &["verify", &m.to_string()]);
    assert_eq!(code, 0, "{out}");

    let f = dir.path().join("m2.json");
    export_json(&a, m.0, &f);
    let district = dir.path().join("district.db");
    let (code, _, err) = en(
        &district,
        &[
            "trust",
            "add",
            "望城小区",
            &fingerprint_of(&a, HOST),
            &fingerprint_of(&a, SECRETARY),
        ],
    );
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = en(&district, &["import", &arg(&f)]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, _) = en(&district, &["verify"]);
    assert_eq!(code, 0, "{out}");
    // A roster entry forged into the file (a self-endorsed third signer) is refused.
    let mut b = read_bundle(&f);
    b.roster[2].endorser_key = b.roster[2].public_key.clone();
    write_bundle(&f, &b);
    let other = dir.path().join("other.db");
    let (code, out, _) = en(&other, &["import", "--trust-new", &arg(&f)]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("signer roster entry 3"), "{out}");
}

#[test]
fn deleting_the_newest_signed_meeting_is_found_with_the_head_printed_on_its_notice() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = laptop(dir.path(), "a");
    let (code, notice, _) = en(&db, &["export", "1", "--format", "md", "--notice"]);
    assert_eq!(code, 0);
    let head = notice
        .split("签署链头：")
        .nth(1)
        .and_then(|t| t.split('（').next())
        .expect("the notice prints the chain head")
        .to_string();
    let sha = query_one(&db, "SELECT sha256 FROM minutes WHERE seq = 1");
    assert_eq!(head, format!("1:{}", &sha[..16]));
    let (code, html, _) = en(&db, &["export", "1", "--format", "html", "--notice"]);
    assert_eq!(code, 0);
    assert!(html.contains(&head), "{html}");
    let (code, json, _) = en(&db, &["export", "1", "--format", "json"]);
    assert_eq!(code, 0);
    assert!(json.contains(&format!("\"head\": \"{head}\"")), "{json}");

    let arg_head = format!("望城小区:{head}");
    let (code, out, _) = en(&db, &["verify", "--head", &arg_head]);
    assert_eq!(code, 0, "{out}");
    // The newest signed meeting disappears, with every row of it (triggers dropped).
    tamper(
        &db,
        "DELETE FROM signature_statements; DELETE FROM signatures; DELETE FROM imported_links;
         DELETE FROM followup_actions; DELETE FROM vote_corrections; DELETE FROM not_taken_up;
         DELETE FROM minutes; DELETE FROM addenda;
         DELETE FROM votes; DELETE FROM vote_closures; DELETE FROM vote_eligible;
         DELETE FROM remarks; DELETE FROM proposal_revisions; DELETE FROM action_history;
         DELETE FROM action_items; DELETE FROM presence_events; DELETE FROM search_index;
         DELETE FROM cost_shares; DELETE FROM cost_plans; DELETE FROM item_sources;
         DELETE FROM agenda_items WHERE meeting_id = 1; DELETE FROM meetings WHERE id = 1;",
    );
    // Nothing newer links to it, so the chain alone cannot tell; the printed head can.
    let (code, out, _) = en(&db, &["verify", "--head", &arg_head]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("FAILS") && out.contains("link 1 is not in this database"),
        "{out}"
    );
    let (code, _, _) = en(&db, &["verify", "--head", "望城小区:1:zz"]);
    assert_eq!(code, 2);
}

#[test]
fn control_c1_and_bidi_characters_in_a_bundle_are_cleaned_before_they_are_stored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = laptop(dir.path(), "a");
    let f = dir.path().join("m.json");
    let mut b = export_json(&db, 1, &f);
    b.record.community.push('\u{202e}');
    b.record.title = format!("\u{1b}[31m{}\u{9b}2J", b.record.title);
    for p in b.record.presence.iter_mut().take(3) {
        p.name = format!("{}\u{85}\u{202e}", p.name);
    }
    write_bundle(&f, &b);
    let district = dir.path().join("district.db");
    let (code, out, err) = en(&district, &["import", "--trust-new", &arg(&f)]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(
        query_one(&district, "SELECT group_concat(name) FROM communities"),
        "望城小区"
    );
    let (code, json, _) = en(&district, &["minutes", "list", "--json"]);
    assert_eq!(code, 0);
    assert!(json.contains("望城小区"), "{json}");
    for bad in [
        "\u{1b}", "\u{9b}", "\u{85}", "\u{202e}", "\\u001b", "\\u009b", "\\u202e",
    ] {
        assert!(!json.contains(bad), "{bad:?} in {json}");
    }
    let (code, out, _) = en(&district, &["verify"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn roster_rows_are_cleaned_before_they_are_stored() {
    use yishi::domain::roster_csv::RosterRow;
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("r.db");
    let mut store = Store::open(&db).expect("open");
    let mut rows = yishi::domain::roster_csv::parse(
        "label,building,unit,area,owner\n1-101,1,1,88.50,Alice Wang\n".as_bytes(),
    )
    .expect("csv");
    // Rows that did not come through the CSV parser (which refuses such cells).
    let r: &mut RosterRow = &mut rows[0];
    r.owner = "Alice\u{202e} Wang\u{1b}[2J".into();
    r.label = "1-101\u{9b}".into();
    store
        .import_roster("石鼓小区\u{202e}", &rows)
        .expect("import");
    drop(store);
    assert_eq!(query_one(&db, "SELECT name FROM voters"), "Alice Wang");
    assert_eq!(query_one(&db, "SELECT label FROM units"), "1-101");
    assert_eq!(query_one(&db, "SELECT name FROM communities"), "石鼓小区");
}

#[test]
fn markup_in_a_remark_is_text_in_the_html_export() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = laptop(dir.path(), "a");
    let mut store = Store::open(&db).expect("open");
    let m = adjourned_meeting(&mut store, "标记测试", HOST, SECRETARY);
    store
        .set_summary(
            m,
            "<script>alert(1)</script> [点此](http://evil.example) **粗**",
        )
        .expect("summary");
    drop(store);
    let (code, html, _) = en(&db, &["export", &m.to_string(), "--format", "html"]);
    assert_eq!(code, 0);
    assert!(
        !html.contains("<script>") && html.contains("&lt;script&gt;"),
        "{html}"
    );
    assert!(!html.contains("<a "), "{html}");
}

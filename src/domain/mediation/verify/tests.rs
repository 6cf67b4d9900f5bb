use ed25519_dalek::SigningKey;

use super::*;
use crate::domain::mediation::tests::sample;
use crate::domain::signing::roster::endorse;
use crate::domain::signing::roster_entry::REGISTER;

const AT: &str = "2026-05-20T10:00:00+08:00";

fn key() -> SigningKey {
    SigningKey::from_bytes(&[7u8; 32])
}

fn sign_one(
    b: &AgreementBundle,
    k: &SigningKey,
    name: &str,
    addendum: Option<&AgreementAddendum>,
) -> AgreementSignature {
    let text = &b.agreement.as_ref().expect("text").text;
    let (covered, prev) = match addendum {
        None => (sha256(text.as_bytes()), [0u8; 32]),
        Some(a) => (
            sha256(&addendum_bytes(&b.case.uid, a.id, &a.at, &a.text)),
            sha256(text.as_bytes()),
        ),
    };
    let st = AgreementStatement {
        community_uid: b.community_uid.clone(),
        case_uid: b.case.uid.clone(),
        number: b.case.number,
        signer_name: name.into(),
        role: if addendum.is_some() {
            ADDENDUM_ROLE
        } else {
            MEDIATOR_ROLE
        }
        .into(),
        signer_key: k.verifying_key().to_bytes(),
        signed_at: AT.into(),
        agreement_sha256: covered,
        prev_sha256: prev,
    };
    let sig = sign_agreement(k, &st).expect("sign");
    AgreementSignature {
        addendum_id: addendum.map(|a| a.id),
        signer_name: name.into(),
        public_key: hex(&st.signer_key),
        role: st.role.clone(),
        agreement_sha256: hex(&covered),
        prev_sha256: hex(&prev),
        signed_at: AT.into(),
        signature: hex(&sig),
    }
}

fn signed() -> AgreementBundle {
    let case = sample();
    let text = render(&case, AgreementFormat::V1);
    let k = key();
    let roster = vec![
        endorse(
            &k,
            "c0ffee",
            &[],
            REGISTER,
            "李秀英",
            &k.verifying_key().to_bytes(),
            "2026-05-01T09:00:00+08:00",
        )
        .expect("entry"),
    ];
    let mut b = AgreementBundle {
        format: EXPORT_FORMAT.into(),
        community_uid: "c0ffee".into(),
        case,
        agreement: Some(StoredAgreement {
            sha256: hex(&sha256(text.as_bytes())),
            text,
            format: 1,
            rendered_at: AT.into(),
        }),
        signatures: vec![],
        addenda: vec![],
        roster,
    };
    let s = sign_one(&b, &k, "李秀英", None);
    b.signatures.push(s);
    b
}

fn problems(b: &AgreementBundle) -> Vec<AgreementProblem> {
    match verify_agreement(b) {
        AgreementStatus::Invalid(p) => p,
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn statement_layout_is_exact() {
    let st = AgreementStatement {
        community_uid: "c0ffee".into(),
        case_uid: "k-1".into(),
        number: 3,
        signer_name: "李秀英".into(),
        role: MEDIATOR_ROLE.into(),
        signer_key: [1u8; 32],
        signed_at: AT.into(),
        agreement_sha256: [0xab; 32],
        prev_sha256: [0u8; 32],
    };
    let expected = format!(
        "yishi-agreement-v1\ncommunity=c0ffee\ncase=k-1\nnumber=3\nsigner=李秀英\nrole=mediator\n\
         signer_key={}\nsigned_at={AT}\nagreement_sha256={}\nprev_sha256={}\n",
        "01".repeat(32),
        "ab".repeat(32),
        "0".repeat(64)
    );
    assert_eq!(st.message().ok(), Some(expected.into_bytes()));
    let mut bad = st.clone();
    bad.number = 0;
    assert_eq!(bad.message(), Err(SignError::BadStatement));
    let mut bad = st;
    bad.signer_name = "李\nrole=addendum".into();
    assert_eq!(bad.message(), Err(SignError::BadStatement));
}

#[test]
fn a_signed_agreement_verifies_and_unsigned_is_unsigned() {
    assert_eq!(verify_agreement(&signed()), AgreementStatus::Valid);
    let mut b = signed();
    b.agreement = None;
    b.signatures.clear();
    assert_eq!(verify_agreement(&b), AgreementStatus::Unsigned);
}

#[test]
fn tampered_facts_are_named() {
    let mut b = signed();
    b.case.facts = "501自行漏水。".into();
    let p = problems(&b);
    assert!(matches!(
        &p[0],
        AgreementProblem::FactsDiffer { records_say, signed_says }
            if records_say.contains("501自行漏水") && signed_says.contains("601卫生间")
    ));
    let mut b = signed();
    b.case.terms[0].due_on = "2027-01-01".into();
    assert!(matches!(
        problems(&b)[0],
        AgreementProblem::FactsDiffer { .. }
    ));
}

#[test]
fn altered_text_and_signatures_are_named() {
    let mut b = signed();
    if let Some(a) = b.agreement.as_mut() {
        a.text.push('x');
    }
    let p = problems(&b);
    assert!(p.contains(&AgreementProblem::StoredTextAltered));
    assert!(
        p.iter()
            .any(|x| matches!(x, AgreementProblem::BadSignature { .. }))
    );

    let mut b = signed();
    b.signatures[0].signed_at = "2026-05-21T10:00:00+08:00".into();
    assert!(matches!(
        problems(&b)[0],
        AgreementProblem::BadSignature { .. }
    ));

    let mut b = signed();
    b.signatures.clear();
    assert_eq!(problems(&b), vec![AgreementProblem::NoMediatorSignature]);

    let mut b = signed();
    if let Some(a) = b.agreement.as_mut() {
        a.format = 9;
    }
    assert!(problems(&b).contains(&AgreementProblem::UnknownFormat { format: 9 }));
}

#[test]
fn signer_must_be_a_mediator_on_the_roster() {
    let mut b = signed();
    b.case.mediators = vec!["张三".into()];
    // The mediators' names are in the text too: re-render as signed to isolate the rule.
    let text = render(&b.case, AgreementFormat::V1);
    b.agreement = Some(StoredAgreement {
        sha256: hex(&sha256(text.as_bytes())),
        text,
        format: 1,
        rendered_at: AT.into(),
    });
    b.signatures = vec![sign_one(&b, &key(), "李秀英", None)];
    assert!(problems(&b).contains(&AgreementProblem::NotAMediator {
        signer: "李秀英".into()
    }));

    let mut b = signed();
    b.roster.clear();
    assert!(
        problems(&b)
            .iter()
            .any(|p| matches!(p, AgreementProblem::NotOnRoster { .. }))
    );
}

#[test]
fn an_addendum_must_be_signed() {
    let mut b = signed();
    let a = AgreementAddendum {
        id: 1,
        text: "履行期限延至2026-07-15。".into(),
        at: AT.into(),
    };
    b.addenda.push(a.clone());
    assert_eq!(
        problems(&b),
        vec![AgreementProblem::AddendumUnsigned { id: 1 }]
    );
    let s = sign_one(&b, &key(), "李秀英", Some(&a));
    b.signatures.push(s);
    assert_eq!(verify_agreement(&b), AgreementStatus::Valid);
    b.addenda[0].text.push('！');
    assert!(matches!(
        problems(&b)[0],
        AgreementProblem::BadSignature { .. }
    ));
}

//! Verifying a meeting's signed minutes and the chain of meetings.

use crate::domain::signing::verify::*;

fn link(id: i64, seq: i64, sha: &str, prev: &str) -> ChainLink {
    ChainLink {
        meeting_id: id,
        seq,
        sha256: sha.repeat(64),
        prev_sha256: if prev == "0" {
            ZERO_HASH.into()
        } else {
            prev.repeat(64)
        },
        imported: false,
    }
}

fn imported(mut l: ChainLink) -> ChainLink {
    l.imported = true;
    l
}

#[test]
fn imported_links_may_start_a_chain_but_local_gaps_fail() {
    // Gathered minutes 3 and 5 of another laptop's community: neither predecessor
    // is here. Not a failure; both are marked as chain starts.
    let gathered = [
        imported(link(3, 3, "c", "b")),
        imported(link(5, 5, "e", "d")),
    ];
    assert!(verify_chain(&gathered).is_empty());
    assert_eq!(chain_starts_at_import(&gathered), vec![3, 5]);
    // Minutes 4 arrive too: 5 now links to what is here.
    let filled = [
        imported(link(3, 3, "c", "b")),
        imported(link(4, 4, "d", "c")),
        imported(link(5, 5, "e", "d")),
    ];
    assert!(verify_chain(&filled).is_empty());
    assert_eq!(chain_starts_at_import(&filled), vec![3]);
    // Local minutes signed after an imported one link to it and check strictly.
    let cont = [
        imported(link(3, 3, "c", "b")),
        link(6, 4, "f", "c"),
        link(7, 5, "g", "f"),
    ];
    assert!(verify_chain(&cont).is_empty());
    let deleted = [imported(link(3, 3, "c", "b")), link(7, 5, "g", "f")];
    let p = verify_chain(&deleted);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].0, 7);
    assert!(matches!(p[0].1, Problem::ChainBroken { .. }));
    // Local chain untouched by imports: chain_starts lists nothing local.
    let local = [link(1, 1, "a", "0"), link(2, 2, "b", "a")];
    assert!(chain_starts_at_import(&local).is_empty());
}

#[test]
fn chain_ok_and_broken() {
    let ok = [
        link(1, 1, "a", "0"),
        link(2, 2, "b", "a"),
        link(3, 3, "c", "b"),
    ];
    assert!(verify_chain(&ok).is_empty());
    // Meeting 2 deleted: 3 links to b, which matches nothing.
    let gap = [link(1, 1, "a", "0"), link(3, 3, "c", "b")];
    let p = verify_chain(&gap);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].0, 3);
    assert!(matches!(p[0].1, Problem::ChainBroken { .. }));
    // The first one deleted.
    let first = [link(2, 2, "b", "a"), link(3, 3, "c", "b")];
    let p = verify_chain(&first);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].0, 2);
}

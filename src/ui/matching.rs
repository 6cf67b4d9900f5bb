//! Which one voter a typed query means, the one rule of the roll call's jump and of the
//! forms that name a voter: the voters a query matches (by a part of the name, and
//! where the caller knows them, of a unit label); of several, the one whose name is the
//! query exactly; none, or several without an exact name, is refused.

use crate::store::Refusal;

/// The index in `voters` the query `q` (already trimmed) means; `hit` says whether a
/// voter matches it, `name` gives a voter's name.
pub fn one_voter<T>(
    voters: &[T],
    q: &str,
    hit: impl Fn(&T) -> bool,
    name: impl Fn(&T) -> &str,
) -> Result<usize, Refusal> {
    let hits: Vec<usize> = (0..voters.len())
        .filter(|&i| !q.is_empty() && hit(&voters[i]))
        .collect();
    match hits.as_slice() {
        [] => Err(Refusal::VoterNotFound),
        [one] => Ok(*one),
        _ => hits
            .iter()
            .copied()
            .find(|&i| name(&voters[i]) == q)
            .ok_or(Refusal::ManyMatch),
    }
}

#[cfg(test)]
mod tests {
    use super::one_voter;
    use crate::store::Refusal;

    fn find(names: &[&str], q: &str) -> Result<usize, Refusal> {
        one_voter(names, q, |n| n.contains(q), |n| n)
    }

    #[test]
    fn one_hit_or_the_exact_name_of_several() {
        let names = ["王建国", "王建", "刘桂兰"];
        assert_eq!(find(&names, "刘"), Ok(2));
        assert_eq!(find(&names, "王建"), Ok(1));
        assert_eq!(find(&names, "王"), Err(Refusal::ManyMatch));
        assert_eq!(find(&names, "周"), Err(Refusal::VoterNotFound));
        assert_eq!(find(&names, ""), Err(Refusal::VoterNotFound));
    }
}

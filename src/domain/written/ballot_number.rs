//! Ballot numbers of a written consultation: the meeting's id, the voter's sequence on the
//! ballot list (five digits) and a check digit, all decimal, so a number is typed on a
//! keypad or read by a barcode scanner that types digits and Enter.
//!
//! The check digit is Damm's (a totally anti-symmetric quasigroup of order 10): it catches
//! every single-digit error and every transposition of two adjacent digits, which Luhn does
//! not (09 ↔ 90), and it never needs a letter, unlike ISO 7064 mod 11-2's "X".

/// Digits of the voter's sequence inside a number (up to 99,999 voters a consultation).
pub const SEQ_DIGITS: usize = 5;
pub const MAX_SEQ: i64 = 99_999;

/// Damm's table (the quasigroup from his 2004 thesis).
const DAMM: [[u8; 10]; 10] = [
    [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
    [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
    [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
    [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
    [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
    [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
    [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
    [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
    [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
    [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/// The interim digit after `digits` (0 for a valid number including its check digit).
fn damm(digits: &str) -> Option<u8> {
    let mut interim = 0u8;
    for c in digits.chars() {
        let d = c.to_digit(10)? as usize;
        interim = DAMM[interim as usize][d];
    }
    Some(interim)
}

/// The ballot number of voter `seq` (1-based) of meeting `meeting`; None when either is
/// out of range (a meeting id below 1, a sequence above `MAX_SEQ`).
pub fn encode(meeting: i64, seq: i64) -> Option<String> {
    if meeting < 1 || !(1..=MAX_SEQ).contains(&seq) {
        return None;
    }
    let body = format!("{meeting}{seq:0width$}", width = SEQ_DIGITS);
    let check = damm(&body)?;
    Some(format!("{body}{check}"))
}

/// What a typed number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decoded {
    /// A well-formed number: its meeting and the voter's sequence.
    Ballot { meeting: i64, seq: i64 },
    /// Not digits, or too short to be a ballot number.
    NotANumber,
    /// The check digit does not match: a digit mistyped or two swapped.
    WrongCheckDigit,
}

/// Read a typed or scanned number (spaces and hyphens between digit groups are allowed,
/// as printed).
pub fn decode(typed: &str) -> Decoded {
    let digits: String = typed
        .trim()
        .chars()
        .filter(|c| *c != ' ' && *c != '-')
        .collect();
    if digits.len() < SEQ_DIGITS + 2 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Decoded::NotANumber;
    }
    if damm(&digits) != Some(0) {
        return Decoded::WrongCheckDigit;
    }
    let body = &digits[..digits.len() - 1];
    let (m, s) = body.split_at(body.len() - SEQ_DIGITS);
    match (m.parse::<i64>(), s.parse::<i64>()) {
        (Ok(meeting), Ok(seq)) if meeting >= 1 && seq >= 1 => Decoded::Ballot { meeting, seq },
        _ => Decoded::NotANumber,
    }
}

/// A number as printed on the ballot: the meeting, the sequence and the check digit in
/// groups ("12-00037-4"), which `decode` reads back.
pub fn grouped(number: &str) -> String {
    if number.len() < SEQ_DIGITS + 2 || !number.is_ascii() {
        return number.to_string();
    }
    let (body, check) = number.split_at(number.len() - 1);
    let (m, s) = body.split_at(body.len() - SEQ_DIGITS);
    format!("{m}-{s}-{check}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_back() {
        for (m, s) in [(1, 1), (12, 37), (4711, 99_999), (9, 400)] {
            let n = encode(m, s).expect("in range");
            assert_eq!(decode(&n), Decoded::Ballot { meeting: m, seq: s });
            assert_eq!(decode(&grouped(&n)), Decoded::Ballot { meeting: m, seq: s });
        }
        assert_eq!(encode(0, 1), None);
        assert_eq!(encode(1, 0), None);
        assert_eq!(encode(1, MAX_SEQ + 1), None);
        assert_eq!(decode("12a0037"), Decoded::NotANumber);
        assert_eq!(decode("123"), Decoded::NotANumber);
        assert_eq!(decode(""), Decoded::NotANumber);
    }

    /// Every single-digit error of many numbers is caught.
    #[test]
    fn every_single_digit_error_is_caught() {
        for m in [1, 7, 12, 305, 9999] {
            for s in (1..=MAX_SEQ).step_by(997).chain([10, 90, 99_999]) {
                let n = encode(m, s).expect("in range");
                let b = n.as_bytes();
                for i in 0..b.len() {
                    for d in b'0'..=b'9' {
                        if d == b[i] {
                            continue;
                        }
                        let mut w = b.to_vec();
                        w[i] = d;
                        let typed = String::from_utf8(w).expect("ascii");
                        assert_ne!(damm(&typed), Some(0), "{typed} (from {n}) passed the check");
                    }
                }
            }
        }
    }

    /// Every swap of two adjacent different digits is caught (09 ↔ 90 included).
    #[test]
    fn every_adjacent_transposition_is_caught() {
        for m in [1, 9, 90, 12, 305] {
            for s in (1..=MAX_SEQ).step_by(331).chain([9, 90, 909, 9090]) {
                let n = encode(m, s).expect("in range");
                let b = n.as_bytes();
                for i in 0..b.len() - 1 {
                    if b[i] == b[i + 1] {
                        continue;
                    }
                    let mut w = b.to_vec();
                    w.swap(i, i + 1);
                    let typed = String::from_utf8(w).expect("ascii");
                    assert_eq!(decode(&typed), Decoded::WrongCheckDigit, "{typed} from {n}");
                }
            }
        }
    }
}

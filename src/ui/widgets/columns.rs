//! Table columns that fit the screen: each column asks for the width of what it
//! shows, and when the screen is narrow the columns given up first shrink to their
//! least, so a name keeps its room. Every cell is cut to its column with
//! `text::truncate`, which ends a cut in "…" (ratatui would cut it silently).

/// A column: the width its widest cell needs, the least it may be given, and its
/// place in giving up width (lower gives first).
#[derive(Clone, Copy, Debug)]
pub struct Col {
    pub want: u16,
    pub min: u16,
    pub give: u8,
}

impl Col {
    pub fn new(want: usize, min: usize, give: u8) -> Col {
        let want = u16::try_from(want).unwrap_or(u16::MAX);
        let min = u16::try_from(min).unwrap_or(u16::MAX).min(want);
        Col { want, min, give }
    }

    /// A column of figures: never cut.
    pub fn fixed(want: usize) -> Col {
        Col::new(want, want, u8::MAX)
    }
}

/// Widths for `cols` in a table `inner` columns wide (inside its borders), with
/// `extra` columns taken by the highlight symbol and one column between cells.
/// Spare width goes to the last column.
pub fn fit(inner: u16, extra: u16, cols: &[Col]) -> Vec<u16> {
    let gaps = u16::try_from(cols.len().saturating_sub(1)).unwrap_or(0);
    let avail = inner.saturating_sub(extra + gaps);
    let mut w: Vec<u16> = cols.iter().map(|c| c.want).collect();
    let mut order: Vec<usize> = (0..cols.len()).collect();
    order.sort_by_key(|&i| cols[i].give);
    for i in order {
        let total: u16 = w.iter().sum();
        if total <= avail {
            break;
        }
        let over = total - avail;
        let can = w[i] - cols[i].min;
        w[i] -= over.min(can);
    }
    let total: u16 = w.iter().sum();
    if let Some(last) = w.last_mut()
        && total < avail
    {
        *last += avail - total;
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_to_give_shrinks_first_and_names_keep_their_room() {
        let cols = [
            Col::fixed(2),
            Col::new(14, 8, 3),
            Col::fixed(6),
            Col::new(14, 4, 1),
            Col::new(6, 4, 2),
        ];
        // Wide: everyone as wanted, the rest to the last column.
        assert_eq!(fit(60, 2, &cols), vec![2, 14, 6, 14, 18]);
        // 80×24's roll call: the status column gives first.
        assert_eq!(fit(44, 2, &cols), vec![2, 14, 6, 10, 6]);
        // Narrower: status to its least, then the answer, then the name.
        assert_eq!(fit(34, 2, &cols), vec![2, 12, 6, 4, 4]);
        assert_eq!(fit(10, 2, &cols), vec![2, 8, 6, 4, 4]);
    }
}

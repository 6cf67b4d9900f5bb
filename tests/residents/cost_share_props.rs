//! Property tests of the cost allocation (issue 18): random totals, areas, coefficients
//! and fixed shares. Every fen is assigned (the shares and the fixed sums make the total),
//! no share is negative, each share is within one fen of its exact proportional value,
//! and the order is stable (same input, same output; of two units with the same weight the
//! earlier never pays less).

use proptest::prelude::*;
use yishi::domain::cost::{
    COEF_ONE, CostPlan, FixedShare, FloorCoef, Payer, ShareMethod, allocate,
};

fn method() -> impl Strategy<Value = ShareMethod> {
    prop_oneof![
        Just(ShareMethod::Area),
        Just(ShareMethod::Equal),
        Just(ShareMethod::Floor),
        Just(ShareMethod::FloorArea),
    ]
}

fn case() -> impl Strategy<Value = (CostPlan, Vec<Payer>)> {
    (
        0i64..2_000_000_000,
        proptest::collection::vec(0i64..1000, 0..3),
        method(),
        proptest::collection::vec((1i64..12, 0i64..3000), 0..8),
        proptest::collection::vec((1i64..30_000, proptest::option::of(1i64..12)), 1..40),
    )
        .prop_map(|(total, fixed_parts, method, coefs, units)| {
            // Fixed shares as thousandths of the total, never more than all of it.
            let mut left = total;
            let fixed = fixed_parts
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let fen = (total as i128 * *p as i128 / 3000) as i64;
                    let fen = fen.min(left);
                    left -= fen;
                    FixedShare {
                        party: format!("party {i}"),
                        fen,
                    }
                })
                .collect();
            let mut cs: Vec<FloorCoef> = Vec::new();
            for (floor, milli) in coefs {
                if !cs.iter().any(|c| c.floor == floor) {
                    cs.push(FloorCoef { floor, milli });
                }
            }
            let plan = CostPlan {
                total_fen: total,
                fixed,
                method,
                coefs: cs,
            };
            let payers = units
                .into_iter()
                .enumerate()
                .map(|(i, (area, floor))| Payer {
                    label: format!("u{i}"),
                    name: format!("n{i}"),
                    area_centi: area,
                    floor,
                })
                .collect();
            (plan, payers)
        })
}

fn weight(plan: &CostPlan, p: &Payer) -> i128 {
    let coef = i128::from(plan.coef(p.floor));
    let area = i128::from(p.area_centi);
    match plan.method {
        ShareMethod::Area => area,
        ShareMethod::Equal => 1,
        ShareMethod::Floor => coef,
        ShareMethod::FloorArea => coef * area,
    }
}

proptest! {
    #[test]
    fn allocation_is_exact((plan, payers) in case()) {
        let total_w: i128 = payers.iter().map(|p| weight(&plan, p)).sum();
        let res = allocate(&plan, &payers);
        if total_w == 0 && plan.rest() > 0 {
            prop_assert!(res.is_err());
            return Ok(());
        }
        let shares = res.expect("a valid plan allocates");
        prop_assert_eq!(shares.len(), payers.len());
        // Exact sum: the fixed shares and the units' shares make the total.
        let sum: i64 = shares.iter().map(|s| s.fen).sum();
        prop_assert_eq!(sum + plan.fixed_total(), plan.total_fen);
        let rest = i128::from(plan.rest());
        for (s, p) in shares.iter().zip(&payers) {
            // No negative share; the unit's own label, in order.
            prop_assert!(s.fen >= 0);
            prop_assert_eq!(&s.label, &p.label);
            // Proportional within one fen: |fen − rest·w/W| < 1, in integers.
            if total_w > 0 {
                let diff = i128::from(s.fen) * total_w - rest * weight(&plan, p);
                prop_assert!(diff.abs() < total_w, "{} off by {}/{}", s.label, diff, total_w);
            }
        }
        // Stable: the same input gives the same output.
        prop_assert_eq!(allocate(&plan, &payers).expect("again"), shares.clone());
        // Ties by unit order: of equal weights, an earlier unit never pays less.
        for i in 0..payers.len() {
            for j in i + 1..payers.len() {
                if weight(&plan, &payers[i]) == weight(&plan, &payers[j]) {
                    prop_assert!(shares[i].fen >= shares[j].fen);
                }
            }
        }
    }

    #[test]
    fn scaling_coefficients_changes_nothing((plan, payers) in case()) {
        // Coefficients are relative: doubling all of them (and the unlisted 1.000) keeps
        // every share. Checked by listing every floor explicitly.
        prop_assume!(plan.method.uses_floors());
        let mut explicit = plan.clone();
        explicit.coefs = (1..12)
            .map(|floor| FloorCoef { floor, milli: plan.coef(Some(floor)) })
            .collect();
        let payers: Vec<Payer> = payers
            .into_iter()
            .map(|p| Payer { floor: Some(p.floor.unwrap_or(1)), ..p })
            .collect();
        let mut doubled = explicit.clone();
        for c in &mut doubled.coefs {
            c.milli *= 2;
        }
        prop_assume!(doubled.coefs.iter().all(|c| c.milli <= 100 * COEF_ONE));
        prop_assert_eq!(allocate(&explicit, &payers), allocate(&doubled, &payers));
    }
}

//! The lines describing an agenda item (rule with its explanation, scope, proposer,
//! category, proposal), shown by preparation, the agenda and the discussion alike.

use ratatui::text::{Line, Span};

use crate::domain::model::ScopeKind;
use crate::domain::text::clean_line;
use crate::domain::text::wrap::wrap;
use crate::store::meetings::ItemRow;
use crate::strings::{self, Lang, ui as s};
use crate::ui::theme;

/// "全体" / "3栋2单元" / "议事会成员".
pub fn scope_text(l: Lang, it: &ItemRow) -> String {
    match it.scope.kind {
        ScopeKind::Building => clean_line(&it.scope.building),
        ScopeKind::Unit => format!(
            "{}{}",
            clean_line(&it.scope.building),
            clean_line(&it.scope.unit)
        ),
        k => strings::scope_kind(l, k).to_string(),
    }
}

/// The lines describing an item: rule with its explanation, scope, proposal.
pub fn item_detail(l: Lang, it: &ItemRow, width: usize) -> Vec<Line<'static>> {
    let colon = crate::strings::ui::colon(l);
    let code = it.rule.kind.rule_code();
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{}{colon}", s::RULE.get(l)), theme::heading()),
        Span::raw(strings::rule_name(l, code).to_string()),
    ])];
    for w in wrap(strings::rule_explain(l, code), width) {
        lines.push(Line::from(Span::styled(w, theme::dim())));
    }
    lines.push(Line::from(vec![
        Span::styled(format!("{}{colon}", s::SCOPE.get(l)), theme::heading()),
        Span::raw(scope_text(l, it)),
        Span::raw(format!(
            "   {}{colon}{}",
            s::F_PROPOSER.get(l),
            clean_line(&it.proposer)
        )),
    ]));
    lines.push(Line::from(vec![
        Span::styled(format!("{}{colon}", s::F_CATEGORY.get(l)), theme::heading()),
        Span::raw(strings::category(l, it.category).to_string()),
    ]));
    lines.push(Line::from(Span::styled(
        format!("{}{colon}", s::PROPOSAL.get(l)),
        theme::heading(),
    )));
    lines.extend(crate::ui::widgets::wrap_text(
        &crate::domain::text::clean_multiline(&it.proposal),
        width,
    ));
    lines
}

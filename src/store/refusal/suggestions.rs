//! Refusals of residents' suggestions and cost plans (their sentences in
//! strings::suggestions).

/// Refusals of suggestions and cost plans (their sentences in strings::suggestions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuggestionRefusal {
    NeedsWho,
    NeedsText,
    BadDate,
    AnswerNeedsText,
    HandOverNeedsWhom,
    /// A suggestion goes on the agenda of a draft meeting only.
    AgendaNeedsDraft,
    AlreadyOnAgenda,
    /// On the agenda and decided follow from the item; they are not set by hand.
    NotByHand,
    CostTotal,
    CostFixed,
    CostWeight,
    CostNoPayer,
    BadYear,
}

impl SuggestionRefusal {
    pub const ALL: [SuggestionRefusal; 13] = [
        SuggestionRefusal::NeedsWho,
        SuggestionRefusal::NeedsText,
        SuggestionRefusal::BadDate,
        SuggestionRefusal::AnswerNeedsText,
        SuggestionRefusal::HandOverNeedsWhom,
        SuggestionRefusal::AgendaNeedsDraft,
        SuggestionRefusal::AlreadyOnAgenda,
        SuggestionRefusal::NotByHand,
        SuggestionRefusal::CostTotal,
        SuggestionRefusal::CostFixed,
        SuggestionRefusal::CostWeight,
        SuggestionRefusal::CostNoPayer,
        SuggestionRefusal::BadYear,
    ];
}

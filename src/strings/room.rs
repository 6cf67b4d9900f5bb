//! Words of the room view (the projector).

use crate::strings::tr::Tr;

pub const ANSWERED: Tr = Tr("已表决", "Answered");
pub const PEOPLE: Tr = Tr("人", "voters");

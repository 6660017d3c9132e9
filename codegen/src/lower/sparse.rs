//! `@sparse` lists and maps: their items (or values) become `TyKind::Nullable`, and they are
//! kept out of HTTP bindings that cannot carry a null.

use super::Lowering;
use super::traits::{self, id};
use crate::ast::Traits;
use crate::ir::{Binding, Constraints, Ty, TyKind};

/// A collection's item (or map value) as stored: `Nullable` when the collection is `@sparse`.
/// The item keeps its constraints inside; the wrapper adds none.
pub(crate) fn item(item: Ty, collection_traits: &Traits) -> Ty {
    if !traits::has(collection_traits, id::SPARSE) {
        return item;
    }
    // The item keeps its own `sensitive`, so redaction and checks see it once, inside.
    Ty {
        sensitive: false,
        kind: TyKind::Nullable(Box::new(item)),
        constraints: Constraints::default(),
        check: None,
    }
}

impl Lowering<'_> {
    /// Headers and query strings have no way to write a null item, so a `@sparse` list or map
    /// bound to them is refused rather than silently made dense.
    pub(crate) fn reject_sparse_outside_body(&mut self, owner: &str, member: &str, ty: &Ty, binding: &Binding) {
        let in_text = matches!(
            binding,
            Binding::Header(_) | Binding::PrefixHeaders(_) | Binding::Query(_) | Binding::QueryParams
        );
        let mut sparse = false;
        ty.walk(&mut |t| sparse |= matches!(t.kind, TyKind::Nullable(_)));
        if in_text && sparse {
            self.error(
                owner,
                Some(member),
                None,
                "a @sparse list or map cannot be bound to headers or the query string (a null item has no text form)"
                    .to_string(),
            );
        }
    }
}

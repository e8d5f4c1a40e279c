//! The kinds of record a user can create, trash and restore, named once for the Trash, change
//! notifications and messages.

crate::text::vocabulary! {
    /// A kind of record, as named in the Trash and in change notifications.
    EntityKind, field = "kind", label = "Kind" {
        Team = "team", "team";
        Person = "person", "person";
        Product = "product", "product";
        Customer = "customer", "customer";
        Interview = "interview", "interview";
        PainPoint = "painPoint", "pain point";
        Theme = "theme", "theme";
    }
}

impl EntityKind {
    /// The table that stores this kind. Only ever one of these fixed names.
    pub(crate) fn table(self) -> &'static str {
        match self {
            EntityKind::Team => "teams",
            EntityKind::Person => "people",
            EntityKind::Product => "products",
            EntityKind::Customer => "customers",
            EntityKind::Interview => "interviews",
            EntityKind::PainPoint => "pain_points",
            EntityKind::Theme => "themes",
        }
    }

    /// An SQL expression, over this kind's table, that names a row for people.
    pub(crate) fn name_sql(self) -> &'static str {
        match self {
            EntityKind::PainPoint => "title",
            EntityKind::Interview => {
                "(SELECT name FROM customers WHERE customers.id = interviews.customer_id) \
                 || ', ' || held_on"
            }
            _ => "name",
        }
    }

    /// How many of this kind, for messages: "1 person", "3 people".
    pub(crate) fn count(self, n: u32) -> String {
        let plural = match self {
            EntityKind::Person => "people",
            EntityKind::Team => "teams",
            EntityKind::Product => "products",
            EntityKind::Customer => "customers",
            EntityKind::Interview => "interviews",
            EntityKind::PainPoint => "pain points",
            EntityKind::Theme => "themes",
        };
        crate::text::count(n, self.label(), plural)
    }

    /// The record this kind hangs on, if any: it cannot leave the Trash while that one is there.
    pub(crate) fn parent(self) -> Option<Parent> {
        let (column, kind, follows) = match self {
            EntityKind::Person | EntityKind::Product => ("team_id", EntityKind::Team, false),
            EntityKind::Interview => ("customer_id", EntityKind::Customer, true),
            EntityKind::PainPoint => ("merged_into", EntityKind::PainPoint, true),
            EntityKind::Theme => ("merged_into", EntityKind::Theme, true),
            _ => return None,
        };
        Some(Parent {
            column,
            kind,
            follows,
        })
    }

    /// The kinds that hang on this one, with how.
    pub(crate) fn children(self) -> impl Iterator<Item = (EntityKind, Parent)> {
        EntityKind::ALL.iter().copied().filter_map(move |child| {
            child
                .parent()
                .filter(|parent| parent.kind == self)
                .map(|parent| (child, parent))
        })
    }
}

/// How a record hangs on another: the column that names it, its kind, and whether the record
/// follows it into the Trash and back (a customer's interviews, what was merged into a pain
/// point or theme) or stops it from going there (a team's people and products).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Parent {
    pub column: &'static str,
    pub kind: EntityKind,
    pub follows: bool,
}

/// What a write changed, for views that need to refresh. Sent by the app after every write.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Changed {
    /// The kind of record that changed; `None` when anything may have (the example workspace
    /// was loaded, the Trash was emptied).
    pub entity: Option<EntityKind>,
    pub ids: Vec<crate::id::Id>,
}

impl Changed {
    pub fn one(entity: EntityKind, id: crate::id::Id) -> Self {
        Changed {
            entity: Some(entity),
            ids: vec![id],
        }
    }

    pub fn everything() -> Self {
        Changed {
            entity: None,
            ids: Vec::new(),
        }
    }
}

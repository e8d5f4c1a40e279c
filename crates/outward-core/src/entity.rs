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

    /// The record this kind belongs to, as (column, parent kind): it cannot be restored from
    /// the Trash while its parent is there.
    pub(crate) fn parent(self) -> Option<(&'static str, EntityKind)> {
        match self {
            EntityKind::Person | EntityKind::Product => Some(("team_id", EntityKind::Team)),
            EntityKind::Interview => Some(("customer_id", EntityKind::Customer)),
            _ => None,
        }
    }
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

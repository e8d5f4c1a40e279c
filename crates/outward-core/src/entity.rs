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
        Exercise = "exercise", "exercise";
        Workshop = "workshop", "workshop";
        Card = "card", "workshop card";
        Kudos = "kudos", "kudos";
        ActionItem = "actionItem", "action item";
        Metric = "metric", "metric";
        Measurement = "measurement", "measurement";
        Survey = "survey", "survey";
        Goal = "goal", "goal";
        Commitment = "commitment", "commitment";
        Ticket = "ticket", "ticket";
        Absence = "absence", "absence";
        SupportWeek = "supportWeek", "support week";
        SupportConversation = "supportConversation", "support conversation";
        HiringQuestion = "hiringQuestion", "hiring question";
        InterviewGuide = "interviewGuide", "interview guide";
        Migration = "migration", "migration";
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
            EntityKind::Exercise => "exercises",
            EntityKind::Workshop => "workshops",
            EntityKind::Card => "workshop_cards",
            EntityKind::Kudos => "kudos",
            EntityKind::ActionItem => "action_items",
            EntityKind::Metric => "metrics",
            EntityKind::Measurement => "measurements",
            EntityKind::Survey => "surveys",
            EntityKind::Goal => "goals",
            EntityKind::Commitment => "commitments",
            EntityKind::Ticket => "tickets",
            EntityKind::Absence => "rota_absences",
            EntityKind::SupportWeek => "support_weeks",
            EntityKind::SupportConversation => "support_conversations",
            EntityKind::HiringQuestion => "hiring_questions",
            EntityKind::InterviewGuide => "interview_guides",
            EntityKind::Migration => "platform_migrations",
        }
    }

    /// An SQL expression, over this kind's table, that names a row for people.
    pub(crate) fn name_sql(self) -> &'static str {
        match self {
            EntityKind::PainPoint
            | EntityKind::ActionItem
            | EntityKind::Goal
            | EntityKind::Commitment
            | EntityKind::Migration => "title",
            EntityKind::Survey => "title || ', ' || quarter",
            EntityKind::Measurement => {
                "(SELECT name FROM metrics WHERE metrics.id = measurements.metric_id) \
                 || ', ' || quarter"
            }
            EntityKind::Kudos => crate::kudos::NAME_SQL,
            EntityKind::Interview => {
                "(SELECT name FROM customers WHERE customers.id = interviews.customer_id) \
                 || ', ' || held_on"
            }
            EntityKind::Workshop => "title || ', ' || held_on",
            EntityKind::Card => "substr(text, 1, 80)",
            EntityKind::Ticket => "key || ': ' || substr(title, 1, 80)",
            EntityKind::Absence => crate::rota::ABSENCE_NAME_SQL,
            EntityKind::SupportWeek => crate::rota::WEEK_NAME_SQL,
            EntityKind::SupportConversation => crate::rota::CONVERSATION_NAME_SQL,
            EntityKind::HiringQuestion => "substr(text, 1, 80)",
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
            EntityKind::Exercise => "exercises",
            EntityKind::Workshop => "workshops",
            EntityKind::Card => "workshop cards",
            EntityKind::Kudos => "kudos",
            EntityKind::ActionItem => "action items",
            EntityKind::Metric => "metrics",
            EntityKind::Measurement => "measurements",
            EntityKind::Survey => "surveys",
            EntityKind::Goal => "goals",
            EntityKind::Commitment => "commitments",
            EntityKind::Ticket => "tickets",
            EntityKind::Absence => "absences",
            EntityKind::SupportWeek => "support weeks",
            EntityKind::SupportConversation => "support conversations",
            EntityKind::HiringQuestion => "hiring questions",
            EntityKind::InterviewGuide => "interview guides",
            EntityKind::Migration => "migrations",
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
            EntityKind::Workshop => ("team_id", EntityKind::Team, false),
            EntityKind::Card => ("workshop_id", EntityKind::Workshop, true),
            EntityKind::Measurement | EntityKind::Goal => ("metric_id", EntityKind::Metric, true),
            EntityKind::Absence | EntityKind::SupportConversation => {
                ("person_id", EntityKind::Person, true)
            }
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

/// What a write changed, for views that need to refresh: recorded by the store as the write
/// runs (see `db::changes`), so it names exactly the records the write touched. The app sends
/// it as the `changed` event after every write that changed something.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Changed {
    /// Every kind of record that changed, each once, in the order of [`EntityKind::ALL`].
    pub kinds: Vec<EntityKind>,
    /// The records that changed, of any of those kinds. Empty when there were too many to list:
    /// then any record of `kinds` may have changed.
    pub ids: Vec<crate::id::Id>,
    /// The workspace's settings changed (such as when a customer counts as unheard).
    pub settings: bool,
    /// A record was created, destroyed, trashed, restored or merged away: counts of records
    /// may have changed.
    pub counts: bool,
}

impl Changed {
    /// More ids than this are not listed: a view then treats every record of the changed kinds
    /// as changed, which is what it would do with a list that long anyway.
    pub const MOST_IDS: usize = 200;

    /// Whether anything changed at all.
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty() && !self.settings
    }

    /// This change followed by `later`, as one.
    pub fn merge(&mut self, later: Changed) {
        let listed = !self.ids.is_empty() || self.kinds.is_empty();
        let later_listed = !later.ids.is_empty() || later.kinds.is_empty();
        self.kinds.extend(later.kinds);
        self.kinds.sort();
        self.kinds.dedup();
        if listed && later_listed {
            self.ids.extend(later.ids);
            self.ids.sort();
            self.ids.dedup();
        }
        if !(listed && later_listed) || self.ids.len() > Self::MOST_IDS {
            self.ids.clear();
        }
        self.settings |= later.settings;
        self.counts |= later.counts;
    }
}

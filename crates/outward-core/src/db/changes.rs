//! What a write changed, recorded by SQLite itself. Every connection gets temporary triggers on
//! the tables listed in [`WATCHED`]; they note the kind and id of each record a statement
//! touches (also through other triggers and cascades) in a temporary table, which
//! [`Database::write`](super::Database::write) reads back before it commits. No write path can
//! forget to announce itself, and none can announce the wrong record.
//!
//! Triggers rather than SQLite's update hook: the hook is not called for `WITHOUT ROWID` tables,
//! which hold every link (an interview's themes, a pain point's customers) and the settings.

use crate::entity::{Changed, EntityKind};
use crate::error::Result;
use crate::id::Id;
use rusqlite::{Connection, Transaction};
use std::collections::BTreeSet;

/// What a row of a table means for views: the record of `kind` its `column` names (`None`:
/// the workspace's settings). `updated` lists the columns whose change matters for that record
/// when the row is updated; `None` means any column.
struct Watch {
    table: &'static str,
    column: &'static str,
    kind: Option<EntityKind>,
    updated: Option<&'static [&'static str]>,
    /// Whether adding or removing a row changes a count the overview keeps, though the row is
    /// not a record of its own (a quote marked in an interview takes it out of the inbox).
    counted: bool,
}

const fn watch(table: &'static str, column: &'static str, kind: EntityKind) -> Watch {
    Watch {
        table,
        column,
        kind: Some(kind),
        updated: None,
        counted: false,
    }
}

/// Every table a view can show, and the records its rows belong to. A link belongs to both
/// records it links when both show it (a theme counts its interviews), else to its owner.
const WATCHED: &[Watch] = &[
    watch("teams", "id", EntityKind::Team),
    watch("people", "id", EntityKind::Person),
    watch("products", "id", EntityKind::Product),
    watch("customers", "id", EntityKind::Customer),
    watch("customer_products", "customer_id", EntityKind::Customer),
    watch("interviews", "id", EntityKind::Interview),
    watch(
        "interview_interviewers",
        "interview_id",
        EntityKind::Interview,
    ),
    watch("interview_themes", "interview_id", EntityKind::Interview),
    watch("interview_themes", "theme_id", EntityKind::Theme),
    watch("pain_points", "id", EntityKind::PainPoint),
    watch(
        "pain_point_products",
        "pain_point_id",
        EntityKind::PainPoint,
    ),
    watch(
        "pain_point_customers",
        "pain_point_id",
        EntityKind::PainPoint,
    ),
    watch("pain_point_themes", "pain_point_id", EntityKind::PainPoint),
    watch("pain_point_themes", "theme_id", EntityKind::Theme),
    watch(
        "pain_point_status_changes",
        "pain_point_id",
        EntityKind::PainPoint,
    ),
    watch("themes", "id", EntityKind::Theme),
    watch("exercises", "id", EntityKind::Exercise),
    watch("exercise_steps", "exercise_id", EntityKind::Exercise),
    Watch {
        counted: true,
        ..watch("highlights", "interview_id", EntityKind::Interview)
    },
    // Re-anchoring a quote as notes are typed moves its offsets, which only the interview
    // shows; the pain point shows the quote, whether it is detached, and its own weight (which
    // is announced through `pain_points` when it changes).
    Watch {
        updated: Some(&["pain_point_id", "quote", "detached"]),
        ..watch("highlights", "pain_point_id", EntityKind::PainPoint)
    },
    // A workshop's board shows everything of the workshop: each of its rows announces it. The
    // note that the app is still running it (`seen_at`) announces nothing.
    Watch {
        updated: Some(&[
            "team_id",
            "exercise_key",
            "title",
            "held_on",
            "starts_at",
            "facilitator_id",
            "state",
            "current_step",
            "furthest_step",
            "started_at",
            "finished_at",
            "deleted_at",
        ]),
        ..watch("workshops", "id", EntityKind::Workshop)
    },
    watch("workshop_participants", "workshop_id", EntityKind::Workshop),
    watch("workshop_steps", "workshop_id", EntityKind::Workshop),
    watch("workshop_step_visits", "workshop_id", EntityKind::Workshop),
    watch("workshop_groups", "workshop_id", EntityKind::Workshop),
    watch("workshop_cards", "id", EntityKind::Card),
    watch("workshop_cards", "workshop_id", EntityKind::Workshop),
    watch("workshop_ballots", "workshop_id", EntityKind::Workshop),
    watch("workshop_votes", "workshop_id", EntityKind::Workshop),
    watch("workshop_ratings", "workshop_id", EntityKind::Workshop),
    // The room's devices: who joined, their votes and ratings, and the room being open.
    watch("workshop_rooms", "workshop_id", EntityKind::Workshop),
    watch("room_participants", "workshop_id", EntityKind::Workshop),
    watch("room_ballots", "workshop_id", EntityKind::Workshop),
    watch("room_votes", "workshop_id", EntityKind::Workshop),
    watch("room_ratings", "workshop_id", EntityKind::Workshop),
    watch("kudos", "id", EntityKind::Kudos),
    watch("action_items", "id", EntityKind::ActionItem),
    watch(
        "action_item_updates",
        "action_item_id",
        EntityKind::ActionItem,
    ),
    watch("commitments", "id", EntityKind::Commitment),
    watch(
        "commitment_pain_points",
        "commitment_id",
        EntityKind::Commitment,
    ),
    watch("check_ins", "commitment_id", EntityKind::Commitment),
    watch(
        "commitment_decisions",
        "commitment_id",
        EntityKind::Commitment,
    ),
    // A decision shows on its workshop's outcomes; a card kept as evidence, on its pain point.
    watch("workshop_outcomes", "workshop_id", EntityKind::Workshop),
    watch("card_evidence", "pain_point_id", EntityKind::PainPoint),
    // A survey shows its questions and how many responded; its answers, written by the
    // hundred thousand, announce nothing of their own (a response is written with them).
    watch("metrics", "id", EntityKind::Metric),
    watch("measurements", "id", EntityKind::Measurement),
    watch("measurements", "metric_id", EntityKind::Metric),
    watch("surveys", "id", EntityKind::Survey),
    watch("survey_questions", "survey_id", EntityKind::Survey),
    watch("survey_responses", "survey_id", EntityKind::Survey),
    watch(
        "survey_comment_evidence",
        "pain_point_id",
        EntityKind::PainPoint,
    ),
    watch("goals", "id", EntityKind::Goal),
    watch("celebration_dismissals", "goal_id", EntityKind::Goal),
    watch("tickets", "id", EntityKind::Ticket),
    watch("rota_absences", "id", EntityKind::Absence),
    watch("support_weeks", "id", EntityKind::SupportWeek),
    watch(
        "support_conversations",
        "id",
        EntityKind::SupportConversation,
    ),
    watch("hiring_questions", "id", EntityKind::HiringQuestion),
    watch("interview_guides", "id", EntityKind::InterviewGuide),
    watch(
        "interview_guide_questions",
        "guide_id",
        EntityKind::InterviewGuide,
    ),
    watch("platform_migrations", "id", EntityKind::Migration),
    watch("migration_teams", "migration_id", EntityKind::Migration),
    watch(
        "migration_team_changes",
        "migration_id",
        EntityKind::Migration,
    ),
    watch("migration_help", "migration_id", EntityKind::Migration),
    Watch {
        table: "settings",
        column: "key",
        kind: None,
        updated: None,
        counted: false,
    },
];

/// The name the temporary table uses for a change to the settings.
const SETTINGS: &str = "settings";

/// Creates the temporary table and triggers on `conn`. They live as long as the connection and
/// are no part of the schema, so no migration holds them. Run after migrating.
pub(crate) fn watch_writes(conn: &Connection) -> Result<()> {
    let mut sql = String::from(
        "CREATE TEMP TABLE IF NOT EXISTS changed_rows (
             kind TEXT NOT NULL, id TEXT NOT NULL, counts INTEGER NOT NULL);\n",
    );
    for (index, watch) in WATCHED.iter().enumerate() {
        let columns = columns_of(conn, watch.table)?;
        for event in ["INSERT", "UPDATE", "DELETE"] {
            sql.push_str(&trigger(index, watch, event, &columns));
        }
    }
    conn.execute_batch(&sql)?;
    Ok(())
}

fn columns_of(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1)")?;
    let columns = stmt
        .query_map([table], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(columns)
}

/// The trigger that notes `watch`'s record after `event`. An update is noted only when one of
/// the columns that matter changed, under its old and its new record (a quote moved to another
/// pain point changes both).
fn trigger(index: usize, watch: &Watch, event: &str, columns: &[String]) -> String {
    let kind = watch.kind.map_or(SETTINGS, EntityKind::as_str);
    let own_table = watch
        .kind
        .is_some_and(|k| k.table() == watch.table && watch.column == "id");
    // A record created, destroyed, trashed, restored or merged away changes what is counted.
    let counts = match event {
        "INSERT" | "DELETE" if watch.counted => "1".to_owned(),
        _ if !own_table => "0".to_owned(),
        "UPDATE" => any_changed(
            columns
                .iter()
                .map(String::as_str)
                .filter(|c| ["deleted_at", "merged_into"].contains(c)),
        ),
        _ => "1".to_owned(),
    };
    let note = |row: &str| {
        format!(
            "INSERT INTO temp.changed_rows (kind, id, counts) VALUES ('{kind}', {row}.{column}, {counts});",
            column = watch.column
        )
    };
    let body = match event {
        "INSERT" => note("NEW"),
        "DELETE" => note("OLD"),
        _ => format!("{} {}", note("NEW"), note("OLD")),
    };
    let when = match (event, watch.updated) {
        ("UPDATE", Some(matter)) => format!(" WHEN {}", any_changed(matter.iter().copied())),
        ("UPDATE", None) => format!(" WHEN {}", any_changed(columns.iter().map(String::as_str))),
        _ => String::new(),
    };
    format!(
        "CREATE TEMP TRIGGER IF NOT EXISTS changed_{index}_{event} AFTER {event} ON main.{table} \
         FOR EACH ROW{when} BEGIN {body} END;\n",
        table = watch.table,
    )
}

/// An SQL condition true when any of `columns` differs between the old and the new row.
fn any_changed<'a>(columns: impl Iterator<Item = &'a str>) -> String {
    let tests: Vec<String> = columns.map(|c| format!("OLD.{c} IS NOT NEW.{c}")).collect();
    if tests.is_empty() {
        "0".to_owned()
    } else {
        format!("({})", tests.join(" OR "))
    }
}

/// What the writes so far in `tx` changed, and forgets it: read inside the transaction, so a
/// rolled-back write announces nothing.
pub(crate) fn take(tx: &Transaction<'_>) -> Result<Changed> {
    let mut changed = Changed::default();
    let mut kinds = BTreeSet::new();
    let mut ids = BTreeSet::new();
    let mut stmt = tx.prepare_cached(
        "SELECT kind, id, max(counts) FROM temp.changed_rows GROUP BY kind, id ORDER BY kind, id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let kind: String = row.get(0)?;
        let counts: bool = row.get(2)?;
        changed.counts |= counts;
        if kind == SETTINGS {
            changed.settings = true;
            continue;
        }
        kinds.insert(kind.parse::<EntityKind>()?);
        if let Ok(id) = row.get::<_, String>(1)?.parse::<Id>() {
            ids.insert(id);
        }
    }
    tx.prepare_cached("DELETE FROM temp.changed_rows")?
        .execute([])?;
    changed.kinds = kinds.into_iter().collect();
    changed.ids = if ids.len() > Changed::MOST_IDS {
        Vec::new()
    } else {
        ids.into_iter().collect()
    };
    Ok(changed)
}

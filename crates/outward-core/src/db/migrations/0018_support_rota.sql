-- The support rotation: engineers, seniors included, support the products they build. Each
-- team runs its own rota, one person on support per week, planned around their absences; the
-- week also records who actually did it. Support conversations are a short log of what the
-- person on support heard from customer teams.
--
-- Days are ISO dates (`2027-01-04`) and a week is named by its Monday, so weeks and days
-- compare as text.

CREATE TABLE rota_absences (
    id         TEXT PRIMARY KEY NOT NULL,
    person_id  TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    starts_on  TEXT NOT NULL,
    ends_on    TEXT NOT NULL CHECK (ends_on >= starts_on),
    reason     TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 200),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;
-- A person's absences that reach a week: those ending on or after its Monday.
CREATE INDEX rota_absences_by_person ON rota_absences (person_id, ends_on)
    WHERE deleted_at IS NULL;

CREATE TABLE support_weeks (
    id                TEXT PRIMARY KEY NOT NULL,
    team_id           TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    -- The Monday the week starts on.
    week_of           TEXT NOT NULL,
    -- Who the rota planned for the week, and who did it (a recorded shift).
    planned_person_id TEXT REFERENCES people (id) ON DELETE SET NULL,
    done_by_person_id TEXT REFERENCES people (id) ON DELETE SET NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT
) STRICT;
CREATE UNIQUE INDEX support_weeks_by_team ON support_weeks (team_id, week_of);
-- A quarter's weeks across every team, for coverage by level.
CREATE INDEX support_weeks_by_week ON support_weeks
    (week_of, team_id, planned_person_id, done_by_person_id) WHERE deleted_at IS NULL;
CREATE INDEX support_weeks_by_planned ON support_weeks (planned_person_id)
    WHERE planned_person_id IS NOT NULL;
CREATE INDEX support_weeks_by_done_by ON support_weeks (done_by_person_id)
    WHERE done_by_person_id IS NOT NULL;

CREATE TABLE support_conversations (
    id          TEXT PRIMARY KEY NOT NULL,
    person_id   TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    held_on     TEXT NOT NULL,
    customer_id TEXT REFERENCES customers (id) ON DELETE SET NULL,
    product_id  TEXT REFERENCES products (id) ON DELETE SET NULL,
    note        TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE INDEX support_conversations_by_day ON support_conversations (held_on)
    WHERE deleted_at IS NULL;
CREATE INDEX support_conversations_by_person ON support_conversations (person_id);
CREATE INDEX support_conversations_by_customer ON support_conversations (customer_id)
    WHERE customer_id IS NOT NULL;
CREATE INDEX support_conversations_by_product ON support_conversations (product_id)
    WHERE product_id IS NOT NULL;

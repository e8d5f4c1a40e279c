-- The Trash lists and counts every kind's records with `deleted_at` set. Tickets, workshop
-- cards, commitments and the rota's records had no index for that, so each page of the Trash
-- scanned all of them (500,000 tickets at a heavy user's size, twice). An index of only the
-- trashed ones is empty until something is trashed, and matches those reads' filter exactly,
-- so the planner picks it without statistics.
CREATE INDEX tickets_trashed ON tickets (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX workshop_cards_trashed ON workshop_cards (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX workshops_trashed ON workshops (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX commitments_trashed ON commitments (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX measurements_trashed ON measurements (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX rota_absences_trashed ON rota_absences (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX support_weeks_trashed ON support_weeks (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX support_conversations_trashed ON support_conversations (deleted_at)
    WHERE deleted_at IS NOT NULL;

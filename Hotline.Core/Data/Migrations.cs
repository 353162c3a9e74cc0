using System.Globalization;
using Hotline.Core.Calendar;

namespace Hotline.Core.Data;

/// <summary>
/// The schema, as an ordered list of steps. Append new steps with the next version; never edit a step
/// that has shipped. Times are <c>{bigint}</c> Unix milliseconds (see <see cref="DbTime"/>).
/// </summary>
public static class Migrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "calls, seat intervals, users", """
            CREATE TABLE calls (
                call_id {key} NOT NULL PRIMARY KEY,
                direction {key} NOT NULL,
                caller_number {key} NOT NULL,
                queue {key} NULL,
                arrived_at {bigint} NOT NULL,
                queued_at {bigint} NULL,
                answered_at {bigint} NULL,
                ended_at {bigint} NULL,
                outcome {key} NOT NULL,
                wait_seconds {real} NOT NULL,
                talk_seconds {real} NOT NULL,
                wrap_up_seconds {real} NOT NULL,
                agent_id {key} NULL,
                hung_up_by {key} NULL,
                ivr_node {key} NULL,
                abandon_position {int} NULL,
                ticket_number {key} NULL
            );
            CREATE INDEX ix_calls_arrived_at ON calls (arrived_at);
            CREATE INDEX ix_calls_agent_id ON calls (agent_id);
            CREATE TABLE seat_intervals (
                id {id},
                agent_id {key} NOT NULL,
                state {key} NOT NULL,
                reason {key} NULL,
                started_at {bigint} NOT NULL,
                ended_at {bigint} NOT NULL
            );
            CREATE INDEX ix_seat_intervals_started_at ON seat_intervals (started_at);
            CREATE INDEX ix_seat_intervals_ended_at ON seat_intervals (ended_at);
            CREATE TABLE users (
                id {id},
                user_name {key} NOT NULL UNIQUE,
                display_name {key} NOT NULL,
                role {key} NOT NULL,
                password_hash {text} NOT NULL,
                agent_id {key} NULL,
                extension {key} NULL,
                department_id {key} NULL,
                disabled {bool} NOT NULL
            );
            """),
        new(2, "tickets, history, numbering, drafts, departments, categories, streets, calendar, api keys", """
            CREATE TABLE tickets (
                id {id},
                number {key} NOT NULL UNIQUE,
                channel {key} NOT NULL,
                caller_number {key} NOT NULL,
                caller_name {key} NULL,
                confidential {bool} NOT NULL,
                address {text} NULL,
                street {key} NULL,
                community {key} NULL,
                request_type {key} NOT NULL,
                category_id {bigint} NULL,
                category_path {text} NULL,
                content {text} NOT NULL,
                urgency {key} NOT NULL,
                linked_call_ids {text} NOT NULL,
                proposed_department_id {key} NULL,
                lead_department_id {key} NULL,
                assisting_department_ids {text} NOT NULL,
                deadline {bigint} NULL,
                sign_for_deadline {bigint} NULL,
                handling_deadline {bigint} NULL,
                follow_up_wanted {bool} NOT NULL,
                status {key} NOT NULL,
                version {int} NOT NULL,
                created_at {bigint} NOT NULL,
                updated_at {bigint} NOT NULL,
                created_by {key} NOT NULL,
                dispatched_at {bigint} NULL,
                signed_for_at {bigint} NULL,
                replied_at {bigint} NULL,
                closed_at {bigint} NULL,
                reply {text} NULL,
                follow_up_result {key} NULL,
                extension_count {int} NOT NULL,
                redo_count {int} NOT NULL,
                urge_count {int} NOT NULL,
                last_urged_at {bigint} NULL,
                merged_into_number {key} NULL,
                is_major_emergency {bool} NOT NULL,
                emergency_raised_at {bigint} NULL,
                emergency_acknowledged_at {bigint} NULL,
                emergency_acknowledged_by {key} NULL
            );
            CREATE INDEX ix_tickets_created_at ON tickets (created_at);
            CREATE INDEX ix_tickets_status ON tickets (status, created_at);
            CREATE INDEX ix_tickets_lead_department ON tickets (lead_department_id, created_at);
            {sqlite}CREATE INDEX ix_tickets_caller_number ON tickets (caller_number, created_at);
            {sqlserver}CREATE INDEX ix_tickets_caller_number ON tickets (caller_number, created_at);
            {postgresql}CREATE INDEX ix_tickets_caller_number ON tickets (caller_number text_pattern_ops, created_at);
            CREATE INDEX ix_tickets_deadline ON tickets (deadline);
            CREATE INDEX ix_tickets_emergency ON tickets (emergency_raised_at) WHERE emergency_raised_at IS NOT NULL AND emergency_acknowledged_at IS NULL;
            {sqlite}CREATE VIRTUAL TABLE tickets_fts USING fts5(body, content='', tokenize='trigram');
            {postgresql}CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
            {postgresql}CREATE INDEX ix_tickets_content_trgm ON tickets USING gin (content public.gin_trgm_ops);
            CREATE TABLE ticket_departments (
                ticket_id {bigint} NOT NULL,
                department_id {key} NOT NULL,
                created_at {bigint} NOT NULL,
                PRIMARY KEY (ticket_id, department_id)
            );
            CREATE INDEX ix_ticket_departments_department ON ticket_departments (department_id, created_at);
            CREATE TABLE ticket_history (
                id {id},
                ticket_number {key} NOT NULL,
                at {bigint} NOT NULL,
                action {key} NOT NULL,
                from_status {key} NULL,
                to_status {key} NOT NULL,
                actor_user_name {key} NOT NULL,
                actor_display_name {key} NULL,
                actor_role {key} NOT NULL,
                actor_department_id {key} NULL,
                note {text} NULL,
                detail {text} NULL,
                version {int} NOT NULL
            );
            CREATE INDEX ix_ticket_history_ticket ON ticket_history (ticket_number, version);
            CREATE TABLE ticket_sequences (
                day_key {key} NOT NULL PRIMARY KEY,
                last_sequence {int} NOT NULL
            );
            CREATE TABLE ticket_drafts (
                user_name {key} NOT NULL PRIMARY KEY,
                draft_json {text} NOT NULL,
                saved_at {bigint} NOT NULL
            );
            CREATE TABLE departments (
                id {key} NOT NULL PRIMARY KEY,
                name {key} NOT NULL,
                active {bool} NOT NULL
            );
            CREATE TABLE categories (
                id {id},
                parent_id {bigint} NULL,
                name {key} NOT NULL,
                path {text} NOT NULL
            );
            CREATE TABLE streets (
                id {id},
                street {key} NOT NULL,
                community {key} NOT NULL,
                UNIQUE (street, community)
            );
            CREATE TABLE calendar_days (
                day {key} NOT NULL PRIMARY KEY,
                kind {key} NOT NULL,
                name {key} NOT NULL
            );
            CREATE TABLE api_keys (
                id {id},
                key_hash {key} NOT NULL UNIQUE,
                name {key} NOT NULL,
                role {key} NOT NULL,
                department_id {key} NULL,
                created_at {bigint} NOT NULL,
                revoked {bool} NOT NULL
            );
            """),
        new(3, "ticket search in id order: department links by ticket id (with status and street copied), status by id", """
            ALTER TABLE ticket_departments ADD status {key} NULL;
            ALTER TABLE ticket_departments ADD street {key} NULL;
            UPDATE ticket_departments SET status = (SELECT t.status FROM tickets t WHERE t.id = ticket_departments.ticket_id), street = (SELECT t.street FROM tickets t WHERE t.id = ticket_departments.ticket_id);
            CREATE INDEX ix_ticket_departments_status_street ON ticket_departments (department_id, status, street, ticket_id);
            CREATE INDEX ix_ticket_departments_ticket_order ON ticket_departments (department_id, ticket_id);
            {sqlite}DROP INDEX ix_ticket_departments_department;
            {postgresql}DROP INDEX ix_ticket_departments_department;
            {sqlserver}DROP INDEX ix_ticket_departments_department ON ticket_departments;
            CREATE INDEX ix_tickets_status_id ON tickets (status, id);
            {sqlite}DROP INDEX ix_tickets_status;
            {postgresql}DROP INDEX ix_tickets_status;
            {sqlserver}DROP INDEX ix_tickets_status ON tickets;
            """),
        // pg_trgm takes no trigrams from Chinese when the database's LC_CTYPE is C (each search then rechecked every row):
        // index the content's character pairs instead, which works under any locale.
        new(4, "PostgreSQL content search by character pairs", """
            {sqlite}SELECT 1;
            {sqlserver}SELECT 1;
            {postgresql}CREATE OR REPLACE FUNCTION text_bigrams(value text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT coalesce(array_agg(DISTINCT substr(lower(value), i, 2)), '{}') FROM generate_series(1, char_length(value) - 1) AS i $$;
            {postgresql}CREATE INDEX IF NOT EXISTS ix_tickets_content_bigrams ON tickets USING gin (text_bigrams(content));
            """),
        // The audit log is append-only: the product has no update or delete for it, and the database refuses them too.
        new(5, "audit log", """
            CREATE TABLE audit_log (
                id {id},
                at {bigint} NOT NULL,
                actor {key} NOT NULL,
                role {key} NULL,
                address {key} NULL,
                action {key} NOT NULL,
                target {key} NULL,
                detail {text} NULL
            );
            CREATE INDEX ix_audit_log_at ON audit_log (at);
            CREATE INDEX ix_audit_log_actor ON audit_log (actor, at);
            CREATE INDEX ix_audit_log_action ON audit_log (action, at);
            {sqlite}CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
            {sqlite}CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
            {postgresql}CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
            {postgresql}CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
            {sqlserver}EXEC('CREATE TRIGGER audit_log_append_only ON audit_log INSTEAD OF UPDATE, DELETE AS THROW 50000, ''audit_log is append-only'', 1');
            """),
        // With a UTF-8 LC_CTYPE (which pg_trgm needs to see Chinese characters) the trigram index finds Chinese words
        // with fewer false candidates than the character pairs of step 4, and serves LIKE itself: the pairs go. The trigram
        // index takes each new ticket at once (no pending list that some unlucky registration would have to merge).
        // SQLite: FTS5 merges its segments in the background (TicketIndexMaintenance), not inside every 64th registration.
        new(6, "PostgreSQL content search by pg_trgm alone, updated at each insert; SQLite content index merged in the background", """
            {sqlite}INSERT INTO tickets_fts (tickets_fts, rank) VALUES ('automerge', 0);
            {sqlserver}SELECT 1;
            {postgresql}DROP INDEX IF EXISTS ix_tickets_content_bigrams;
            {postgresql}DROP FUNCTION IF EXISTS text_bigrams(text);
            {postgresql}ALTER INDEX ix_tickets_content_trgm SET (fastupdate = off);
            {postgresql}SELECT gin_clean_pending_list('ix_tickets_content_trgm'::regclass);
            """),
        // The shipped year goes into the stored calendar once, here; from then on the stored days are the only truth
        // (an Admin who deletes them all gets plain weekdays and weekends, not the shipped schedule back). A database
        // whose calendar already holds days keeps them.
        new(7, "the shipped 2026 work calendar, stored once", SeedCalendar(ChinaPublicHolidays.Year2026)),
        // One row per recording file of a call (issue 4). Rows are marked deleted_at by the retention job, never removed.
        new(8, "recordings index", """
            CREATE TABLE recordings (
                id {id},
                call_id {key} NOT NULL,
                file_name {key} NOT NULL,
                node {key} NOT NULL,
                started_at {bigint} NOT NULL,
                ended_at {bigint} NULL,
                bytes {bigint} NULL,
                deleted_at {bigint} NULL,
                UNIQUE (call_id, file_name)
            );
            CREATE INDEX ix_recordings_started_at ON recordings (started_at);
            CREATE INDEX ix_recordings_node_file ON recordings (node, file_name);
            """),
        // The IVR menu is kept as JSON, one row per saved version (the newest is the menu); callbacks are the
        // BackOffice worklist of queue-overflow callback requests, keyed by the inbound call that left them.
        new(9, "IVR menu versions, callback requests", """
            CREATE TABLE ivr_menus (
                id {id},
                menu_json {text} NOT NULL,
                saved_at {bigint} NOT NULL,
                saved_by {key} NOT NULL
            );
            CREATE TABLE callbacks (
                call_id {key} NOT NULL PRIMARY KEY,
                caller_number {key} NOT NULL,
                queue {key} NULL,
                queued_at {bigint} NOT NULL,
                requested_at {bigint} NOT NULL,
                status {key} NOT NULL,
                attempts {int} NOT NULL,
                last_attempt_at {bigint} NULL,
                last_attempt_by {key} NULL,
                last_call_id {key} NULL,
                closed_at {bigint} NULL,
                closed_by {key} NULL
            );
            CREATE INDEX ix_callbacks_status ON callbacks (status, queued_at);
            """),
        // Issue 5: the monthly assessment. Days are stored as 'yyyy-MM-dd' and months as 'yyyy-MM' text: local calendar
        // values, not instants, and they sort and compare the same on every provider.
        new(10, "assessment: roster, staff register, complaints, quality reviews, rules, efficiency index, confirmed months", """
            CREATE TABLE roster_shifts (
                id {id},
                agent_id {key} NOT NULL,
                day {key} NOT NULL,
                starts_at {bigint} NOT NULL,
                ends_at {bigint} NOT NULL,
                name {key} NOT NULL
            );
            CREATE INDEX ix_roster_shifts_day ON roster_shifts (day, agent_id);
            CREATE INDEX ix_roster_shifts_agent ON roster_shifts (agent_id, starts_at);
            CREATE TABLE staff_members (
                id {id},
                name {key} NOT NULL,
                agent_id {key} NULL,
                post {key} NOT NULL,
                joined_on {key} NOT NULL,
                left_on {key} NULL,
                leave_reason {key} NULL,
                note {text} NULL
            );
            CREATE TABLE complaints (
                id {id},
                received_on {key} NOT NULL,
                ticket_number {key} NULL,
                agent_id {key} NULL,
                summary {text} NOT NULL,
                finding {key} NOT NULL,
                finding_note {text} NULL,
                recorded_by {key} NOT NULL,
                recorded_at {bigint} NOT NULL
            );
            CREATE INDEX ix_complaints_received_on ON complaints (received_on);
            CREATE TABLE quality_reviews (
                id {id},
                month {key} NOT NULL,
                ticket_number {key} NOT NULL UNIQUE,
                agent_user_name {key} NOT NULL,
                agent_id {key} NULL,
                ticket_created_at {bigint} NOT NULL,
                pick {key} NOT NULL,
                status {key} NOT NULL,
                errors {text} NOT NULL,
                note {text} NULL,
                reviewer {key} NULL,
                reviewed_at {bigint} NULL,
                dispute_note {text} NULL,
                disputed_at {bigint} NULL,
                resolution_note {text} NULL,
                resolved_by {key} NULL,
                resolved_at {bigint} NULL,
                version {int} NOT NULL
            );
            CREATE INDEX ix_quality_reviews_month ON quality_reviews (month, agent_user_name);
            CREATE TABLE assessment_rules (
                id {id},
                indicator {key} NOT NULL,
                effective_from {key} NOT NULL,
                target {real} NOT NULL,
                step {real} NOT NULL,
                amount_per_step {real} NOT NULL,
                cap {real} NULL,
                changed_by {key} NOT NULL,
                changed_at {bigint} NOT NULL
            );
            CREATE TABLE efficiency_entries (
                month {key} NOT NULL PRIMARY KEY,
                score {real} NOT NULL,
                rank {int} NULL,
                note {text} NULL,
                entered_by {key} NOT NULL,
                entered_at {bigint} NOT NULL
            );
            CREATE TABLE assessment_confirmations (
                month {key} NOT NULL PRIMARY KEY,
                confirmed_by {key} NOT NULL,
                confirmed_at {bigint} NOT NULL,
                snapshot {text} NOT NULL
            );
            CREATE INDEX ix_tickets_created_by ON tickets (created_by, created_at);
            """),
        // Sign-in protection: failed attempts and lockout per user; the security stamp changes when an admin disables a user
        // or changes the role (every cookie then stops working); one row per sign-in so a sign-out ends that cookie for good.
        new(13, "user lockout, security stamp, sign-in sessions", """
            ALTER TABLE users ADD failed_sign_ins {int} NULL;
            ALTER TABLE users ADD locked_until {bigint} NULL;
            ALTER TABLE users ADD security_stamp {key} NULL;
            CREATE TABLE user_sessions (
                id {key} NOT NULL PRIMARY KEY,
                user_id {bigint} NOT NULL,
                started_at {bigint} NOT NULL,
                ended_at {bigint} NULL
            );
            CREATE INDEX ix_user_sessions_user ON user_sessions (user_id);
            """),
        // Idle expiry of open pages: the last request or circuit activity of a sign-in (NULL: none since started_at).
        new(14, "user session last activity", """
            ALTER TABLE user_sessions ADD last_seen_at {bigint} NULL;
            """),
        // The keys a caller pressed in the IVR before the queue, so a call record (and its ticket) keeps the caller's choice.
        new(15, "IVR keys of a call", """
            ALTER TABLE calls ADD ivr_keys {key} NULL;
            """),
    ];

    private static string SeedCalendar(IReadOnlyList<CalendarDay> days)
    {
        string Rows(string unicodePrefix) => string.Join(", ", days.Select(d =>
            $"('{d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}', '{d.Kind}', {unicodePrefix}'{d.Name.Replace("'", "''", StringComparison.Ordinal)}')"));
        const string Insert = "INSERT INTO calendar_days (day, kind, name) SELECT * FROM (VALUES ";
        const string WhenEmpty = " WHERE NOT EXISTS (SELECT 1 FROM calendar_days)";
        return $"""
            {"{sqlite}"}{Insert}{Rows("")}) AS v{WhenEmpty};
            {"{postgresql}"}{Insert}{Rows("")}) AS v (day, kind, name){WhenEmpty};
            {"{sqlserver}"}{Insert}{Rows("N")}) AS v (day, kind, name){WhenEmpty};
            """;
    }
}

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
    ];
}

using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using Hotline.Core.Data;

namespace Hotline.Core.Tickets.Storage;

/// <summary>
/// The SQL behind <see cref="TicketService"/>: tickets, their department links, history, numbering and search.
/// Knows nothing of roles: the service decides what an actor may see.
/// </summary>
internal sealed class TicketStore
{
    private readonly SqlDialect _dialect;
    private readonly string _insertReturningId;
    private readonly string _insertWithId;
    private readonly string _update;
    private readonly string _insertHistory;
    private readonly string _nextSequence;
    private readonly RowWriter<Ticket> _bulkTickets;
    private readonly RowWriter<TicketHistoryEntry> _bulkHistory;

    public TicketStore(SqlDialect dialect)
    {
        _dialect = dialect;
        var names = TicketRow.Columns.Select(c => c.Name).ToList();
        _insertReturningId = dialect.InsertReturningId("tickets", names);
        _insertWithId = dialect.Insert("tickets", ["id", .. names]);
        _update = "UPDATE tickets SET "
            + string.Join(", ", names.Where(n => n is not ("number" or "created_at" or "created_by")).Select(n => $"{n} = @{n}"))
            + " WHERE id = @id AND version = @old_version";
        _insertHistory = dialect.Insert("ticket_history", HistoryRow.Columns.Select(c => c.Name).ToList());
        _nextSequence = dialect.IncrementCounter("ticket_sequences", "day_key", "last_sequence");
        _bulkTickets = new RowWriter<Ticket>(dialect, "tickets", TicketRow.Columns, keyColumns: 0, TicketRow.Fill);
        _bulkHistory = new RowWriter<TicketHistoryEntry>(dialect, "ticket_history", HistoryRow.Columns, keyColumns: 0, HistoryRow.Fill);
    }

    /// <summary>The next sequence number of the day, inside the caller's transaction (rolled back with it: no gaps).</summary>
    public async Task<int> NextSequenceAsync(DbConnection connection, DbTransaction transaction, DateOnly day, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            _nextSequence, new { key = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) }, transaction, cancellationToken: cancellationToken));

    /// <summary>Stores a new ticket (in whatever state its history rows, oldest first, led it to).</summary>
    public async Task InsertAsync(
        DbConnection connection, DbTransaction transaction, Ticket ticket, IReadOnlyList<TicketHistoryEntry> history, CancellationToken cancellationToken)
    {
        if (_dialect.Provider == DatabaseProvider.PostgreSql && history.Count > 0)
        {
            // One round trip fewer for a registration: the history rows go in a data-modifying CTE of the ticket's insert.
            var parameters = TicketParameters(ticket);
            var rows = new List<string>();
            var values = new object?[HistoryRow.Columns.Length];
            for (var h = 0; h < history.Count; h++)
            {
                HistoryRow.Fill(history[h], values);
                for (var c = 0; c < values.Length; c++)
                {
                    parameters.Add($"h{h}_{HistoryRow.Columns[c].Name}", values[c], HistoryRow.Columns[c].Type);
                }

                rows.Add("(" + string.Join(", ", HistoryRow.Columns.Select(c => $"@h{h}_{c.Name}")) + ")");
            }

            var sql = $"WITH history AS (INSERT INTO ticket_history ({string.Join(", ", HistoryRow.Columns.Select(c => c.Name))}) VALUES {string.Join(", ", rows)}) "
                + _insertReturningId;
            var ticketId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
            await WriteDepartmentsAsync(connection, transaction, ticketId, ticket, cancellationToken);
            return;
        }

        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            _insertReturningId, TicketParameters(ticket), transaction, cancellationToken: cancellationToken));
        if (_dialect.Provider == DatabaseProvider.Sqlite)
        {
            // Content never changes after registration, so the full-text row is written once.
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO tickets_fts (rowid, body) VALUES (@id, @content)", new { id, content = ticket.Content }, transaction, cancellationToken: cancellationToken));
        }

        await WriteDepartmentsAsync(connection, transaction, id, ticket, cancellationToken);
        foreach (var entry in history)
        {
            await InsertHistoryAsync(connection, transaction, entry, cancellationToken);
        }
    }

    /// <summary>Saves <paramref name="next"/> if the stored version is still <paramref name="oldVersion"/>; false when someone else saved first.</summary>
    public async Task<bool> UpdateAsync(
        DbConnection connection, DbTransaction transaction, long id, Ticket before, Ticket next, TicketHistoryEntry history, CancellationToken cancellationToken)
    {
        var parameters = TicketParameters(next);
        parameters.Add("id", id);
        parameters.Add("old_version", before.Version);
        var changed = await connection.ExecuteAsync(new CommandDefinition(_update, parameters, transaction, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            return false;
        }

        if (before.LeadDepartmentId != next.LeadDepartmentId || !before.AssistingDepartmentIds.SequenceEqual(next.AssistingDepartmentIds))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM ticket_departments WHERE ticket_id = @id", new { id }, transaction, cancellationToken: cancellationToken));
            await WriteDepartmentsAsync(connection, transaction, id, next, cancellationToken);
        }
        else if (before.Status != next.Status || before.Street != next.Street)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE ticket_departments SET status = @status, street = @street WHERE ticket_id = @id",
                new { id, status = next.Status.ToString(), street = next.Street }, transaction, cancellationToken: cancellationToken));
        }

        await InsertHistoryAsync(connection, transaction, history, cancellationToken);
        return true;
    }

    public async Task<(long Id, Ticket Ticket)?> FindAsync(DbConnection connection, string number, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<TicketRow>(new CommandDefinition(
            $"SELECT {TicketRow.SelectList} FROM tickets t WHERE t.number = @number", new { number }, cancellationToken: cancellationToken));
        return row is null ? null : (row.Id, row.ToTicket());
    }

    public async Task<IReadOnlyList<TicketHistoryEntry>> HistoryAsync(DbConnection connection, string number, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<HistoryRow>(new CommandDefinition(
            $"SELECT {HistoryRow.SelectList} FROM ticket_history WHERE ticket_number = @number ORDER BY version, id",
            new { number }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    public async Task<IReadOnlyList<Ticket>> ByCallerAsync(
        DbConnection connection, string callerNumber, string? excludeNumber, string? department, int limit, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"SELECT {TicketRow.SelectList} FROM tickets t WHERE t.caller_number = @callerNumber AND t.number <> @exclude");
        if (department is not null)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM ticket_departments v WHERE v.ticket_id = t.id AND v.department_id = @department)");
        }

        sql.Append(" ORDER BY t.created_at DESC, t.id DESC").Append(_dialect.Page(0, limit));
        var rows = await connection.QueryAsync<TicketRow>(new CommandDefinition(
            sql.ToString(), new { callerNumber, exclude = excludeNumber ?? "", department }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToTicket()).ToList();
    }

    public async Task<IReadOnlyList<Ticket>> UnacknowledgedEmergenciesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<TicketRow>(new CommandDefinition(
            $"SELECT {TicketRow.SelectList} FROM tickets t WHERE t.emergency_raised_at IS NOT NULL AND t.emergency_acknowledged_at IS NULL ORDER BY t.emergency_raised_at, t.id",
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToTicket()).ToList();
    }

    /// <summary>One page and the (capped) count of the tickets matching <paramref name="search"/>, newest (highest id) first.</summary>
    /// <remarks>
    /// Registration order is id order (ids and numbers are allocated in the same transaction), so every plan walks an
    /// index backwards from the newest id and stops early: one pass reads the ids of the first
    /// <see cref="TicketPage.MaxCountedTotal"/> + 1 matches (or up to the requested page, if deeper), which gives
    /// both the capped count and the page's ids; a second query loads the page's rows by id. Nothing sorts or counts
    /// every match of a broad filter.
    /// </remarks>
    public async Task<(IReadOnlyList<Ticket> Items, int Total, bool Capped)> SearchAsync(
        DbConnection connection, TicketSearch search, int offset, int limit, CancellationToken cancellationToken)
    {
        var query = search.Query;
        var parameters = new DynamicParameters();
        var where = new List<string>();
        var text = Clean(query.Text);
        var (fullText, likeTerms) = SplitText(text, search.NumberPrefix, where, parameters);

        // The driving index decides the order column; each is in registration (id) order within its key.
        var drivingDepartment = search.VisibleToDepartment ?? Clean(query.DepartmentId);
        string from;
        string idColumn;
        if (drivingDepartment is not null)
        {
            from = "ticket_departments d JOIN tickets t ON t.id = d.ticket_id";
            idColumn = "d.ticket_id";
            where.Add("d.department_id = @drivingDepartment");
            parameters.Add("drivingDepartment", drivingDepartment);
            if (Clean(query.DepartmentId) is { } other && other != drivingDepartment)
            {
                where.Add("EXISTS (SELECT 1 FROM ticket_departments d2 WHERE d2.ticket_id = t.id AND d2.department_id = @otherDepartment)");
                parameters.Add("otherDepartment", other);
            }

            if (fullText is not null)
            {
                where.Add("t.id IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH @fts)");
            }
        }
        else if (fullText is not null && query.Statuses.Count > 0 && query.Statuses.All(s => s is not (TicketStatus.Closed or TicketStatus.Merged)))
        {
            // Unfinished tickets are a small share of all: walk the status index and keep the full-text matches
            // (the "+" stops SQLite from looking every match up in the status index instead).
            from = "tickets t";
            idColumn = "t.id";
            where.Add("+t.id IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH @fts)");
        }
        else if (fullText is not null)
        {
            // SQLite: FTS5 hands out its matches in rowid order, so the newest matches come first without a sort.
            from = "tickets_fts f JOIN tickets t ON t.id = f.rowid";
            idColumn = "f.rowid";
            where.Add("tickets_fts MATCH @fts");
        }
        else
        {
            from = "tickets t";
            idColumn = "t.id";
        }

        if (fullText is not null)
        {
            parameters.Add("fts", fullText);
        }

        for (var i = 0; i < likeTerms.Count; i++)
        {
            where.Add(_dialect.Provider == DatabaseProvider.PostgreSql ? PostgresContains(likeTerms[i], $"term{i}", parameters) : _dialect.ContainsText("t.content", $"term{i}"));
            if (_dialect.Provider != DatabaseProvider.PostgreSql)
            {
                parameters.Add($"term{i}", _dialect.ContainsPattern(likeTerms[i]));
            }
        }

        // A department's links carry the ticket's status and street, so its filtered list is read from their index.
        AddFilters(search, drivingDepartment is null ? "t" : "d", where, parameters);
        if (drivingDepartment is not null && !where.Any(w => System.Text.RegularExpressions.Regex.IsMatch(w, @"\bt\.")))
        {
            // Every condition is on the link row (department, status, street): its index alone answers.
            from = "ticket_departments d";
        }

        var whereSql = where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
        if (_dialect.Provider == DatabaseProvider.PostgreSql && from == "tickets t" && likeTerms.Any(IsTrigramTerm))
        {
            return await SearchPostgresTextAsync(connection, whereSql, parameters, offset, limit, cancellationToken);
        }

        // A substring with no index behind it (shorter than a trigram) is found by scanning newest first: only as far as
        // this page and one more match, so the count says "at least" (capped) instead of reading on to the cap.
        var scansText = likeTerms.Any(t => _dialect.Provider != DatabaseProvider.PostgreSql || t.EnumerateRunes().Count() < 3);
        var countUpTo = scansText ? offset + limit + 1 : TicketPage.MaxCountedTotal;
        var wanted = Math.Max(countUpTo + 1, offset + limit);
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(
            $"SELECT {idColumn} FROM {from}{whereSql} ORDER BY {idColumn} DESC{_dialect.Page(0, wanted)}", parameters,
            cancellationToken: cancellationToken))).AsList();
        var count = ids.Count;
        var pageIds = ids.Skip(offset).Take(limit).ToArray();
        IReadOnlyList<Ticket> items = [];
        if (pageIds.Length > 0)
        {
            var rows = await connection.QueryAsync<TicketRow>(new CommandDefinition(
                $"SELECT {TicketRow.SelectList} FROM tickets t WHERE {InList("t.id", "ids")} ORDER BY t.id DESC", new { ids = pageIds },
                cancellationToken: cancellationToken));
            items = rows.Select(r => r.ToTicket()).ToList();
        }

        return (items, Math.Min(count, countUpTo), count > countUpTo);
    }

    /// <summary>
    /// PostgreSQL, content words with a trigram index behind them: the plan is chosen here, not left to estimates of
    /// how common a word is (a common word's estimate led to reading every match, a rare word's to scanning the table).
    /// First the trigram index alone collects up to <see cref="TicketPage.MaxCountedTotal"/> + 1 matches in table
    /// order (stopping there, whatever the word): that is the capped count, and for up to the cap all the ids, sorted
    /// here. Beyond the cap the word is common (at least one ticket in a thousand), so the page is found by walking the
    /// newest ids backwards and checking each, which stops after a few hundred to a few thousand rows; a deep page
    /// sorts the index's matches instead.
    /// </summary>
    private static async Task<(IReadOnlyList<Ticket> Items, int Total, bool Capped)> SearchPostgresTextAsync(
        DbConnection connection, string whereSql, DynamicParameters parameters, int offset, int limit, CancellationToken cancellationToken)
    {
        const int NewestFirstUpTo = 200;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Local to this transaction: bitmap scans only (the index's matches, in table order); neither JIT compiling nor
        // parallel workers, whose start costs more than these few-millisecond queries.
        await connection.ExecuteAsync(new CommandDefinition(
            "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; SET LOCAL enable_indexonlyscan = off; SET LOCAL jit = off; "
            + "SET LOCAL max_parallel_workers_per_gather = 0",
            transaction: transaction, cancellationToken: cancellationToken));
        var found = (await connection.QueryAsync<long>(new CommandDefinition(
            $"SELECT t.id FROM tickets t{whereSql} LIMIT {TicketPage.MaxCountedTotal + 1}", parameters, transaction,
            cancellationToken: cancellationToken))).AsList();
        var capped = found.Count > TicketPage.MaxCountedTotal;
        long[] pageIds;
        if (!capped)
        {
            found.Sort((a, b) => b.CompareTo(a));
            pageIds = [.. found.Skip(offset).Take(limit)];
        }
        else
        {
            if (offset + limit <= NewestFirstUpTo)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "SET LOCAL enable_indexscan = on; SET LOCAL enable_bitmapscan = off",
                    transaction: transaction, cancellationToken: cancellationToken));
            }

            pageIds = [.. await connection.QueryAsync<long>(new CommandDefinition(
                $"SELECT t.id FROM tickets t{whereSql} ORDER BY t.id DESC LIMIT {limit} OFFSET {offset}", parameters, transaction,
                cancellationToken: cancellationToken))];
        }

        IReadOnlyList<Ticket> items = [];
        if (pageIds.Length > 0)
        {
            var rows = await connection.QueryAsync<TicketRow>(new CommandDefinition(
                $"SELECT {TicketRow.SelectList} FROM tickets t WHERE t.id = ANY(@ids) ORDER BY t.id DESC", new { ids = pageIds }, transaction,
                cancellationToken: cancellationToken));
            items = rows.Select(r => r.ToTicket()).ToList();
        }

        await transaction.CommitAsync(cancellationToken);
        return (items, Math.Min(found.Count, TicketPage.MaxCountedTotal), capped);
    }

    // pg_trgm indexes words of 3+ characters (under a UTF-8 LC_CTYPE, which it needs to see Chinese characters at all).
    private static bool IsTrigramTerm(string term) => term.EnumerateRunes().Count() >= 3;

    /// <summary>
    /// PostgreSQL's condition for one content word. 3+ characters: LIKE (ILIKE when the word has letters with a case),
    /// which the trigram index serves. Shorter: strpos, which no index claims, so the planner never turns a word without
    /// trigrams into a scan of the whole trigram index.
    /// </summary>
    private string PostgresContains(string term, string parameter, DynamicParameters parameters)
    {
        var cased = term.Any(c => char.ToLowerInvariant(c) != c || char.ToUpperInvariant(c) != c);
        if (IsTrigramTerm(term))
        {
            parameters.Add(parameter, _dialect.ContainsPattern(term));
            return $"t.content {(cased ? "ILIKE" : "LIKE")} @{parameter} ESCAPE '\\'";
        }

        parameters.Add(parameter, term);
        return cased ? $"strpos(lower(t.content), lower(@{parameter})) > 0" : $"strpos(t.content, @{parameter}) > 0";
    }

    private void AddFilters(TicketSearch search, string linkedAlias, List<string> where, DynamicParameters parameters)
    {
        var query = search.Query;
        if (query.Statuses.Count > 0)
        {
            where.Add(InList(linkedAlias + ".status", "statuses"));
            parameters.Add("statuses", query.Statuses.Distinct().Select(s => s.ToString()).ToArray());
        }

        if (query.RequestType is { } type)
        {
            where.Add("t.request_type = @requestType");
            parameters.Add("requestType", type.ToString());
        }

        if (search.CategoryIds is { } categories)
        {
            where.Add(categories.Count == 0 ? "1 = 0" : InList("t.category_id", "categoryIds"));
            parameters.Add("categoryIds", categories.ToArray());
        }

        if (Clean(query.Street) is { } street)
        {
            where.Add(linkedAlias + ".street = @street");
            parameters.Add("street", street);
        }

        if (query.Urgency is { } urgency)
        {
            where.Add("t.urgency = @urgency");
            parameters.Add("urgency", urgency.ToString());
        }

        // Finished tickets have no deadline, so the deadline alone decides overdue and due-soon.
        if (query.OverdueOnly)
        {
            where.Add("t.deadline < @now");
        }

        if (query.DueWithin is { } within)
        {
            where.Add("t.deadline >= @now AND t.deadline <= @dueBy");
            parameters.Add("dueBy", DbTime.ToDb(search.Now + within));
        }

        parameters.Add("now", DbTime.ToDb(search.Now));
        if (query.RegisteredFrom is { } registeredFrom)
        {
            where.Add("t.created_at >= @registeredFrom");
            parameters.Add("registeredFrom", DbTime.ToDb(registeredFrom));
        }

        if (query.RegisteredTo is { } registeredTo)
        {
            where.Add("t.created_at < @registeredTo");
            parameters.Add("registeredTo", DbTime.ToDb(registeredTo));
        }
    }

    /// <summary>
    /// Loads many finished-or-not tickets with their history in the caller's transaction, as fast as the provider
    /// allows (benchmarks, demo data). Ids are assigned from <paramref name="firstId"/>; numbering rows are raised to
    /// the highest sequence loaded per day.
    /// </summary>
    public async Task BulkInsertAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<Ticket> tickets, IReadOnlyList<TicketHistoryEntry> history,
        long firstId, string numberPrefix, CancellationToken cancellationToken)
    {
        var ids = new long[tickets.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = firstId + i;
        }

        await InsertWithIdsAsync(connection, transaction, tickets, ids, cancellationToken);
        await _bulkHistory.WriteAsync(connection, transaction, history, cancellationToken);
        var days = tickets
            .Select(t => TicketNumber.TryParse(t.Number, numberPrefix, out var n) ? n : default)
            .Where(n => n.Sequence > 0)
            .GroupBy(n => n.Day)
            .Select(g => (Day: g.Key.ToString("yyyyMMdd", CultureInfo.InvariantCulture), Last: g.Max(n => n.Sequence)));
        foreach (var (day, last) in days)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                _dialect.Upsert("ticket_sequences", ["day_key", "last_sequence"]), new { day_key = day, last_sequence = last }, transaction,
                cancellationToken: cancellationToken));
        }

        if (_dialect.Provider == DatabaseProvider.PostgreSql)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT setval(pg_get_serial_sequence('tickets', 'id'), (SELECT MAX(id) FROM tickets))", transaction: transaction, cancellationToken: cancellationToken));
        }
    }

    private async Task InsertWithIdsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Ticket> tickets, long[] ids, CancellationToken cancellationToken)
    {
        if (_dialect.Provider == DatabaseProvider.PostgreSql)
        {
            // Arrays through unnest, with the ids as one more column.
            var withIds = new RowWriter<(long Id, Ticket Ticket)>(_dialect, "tickets", [("id", System.Data.DbType.Int64), .. TicketRow.Columns], 0,
                (row, v) =>
                {
                    var values = new object?[TicketRow.Columns.Length];
                    TicketRow.Fill(row.Ticket, values);
                    v[0] = row.Id;
                    Array.Copy(values, 0, v, 1, values.Length);
                });
            await withIds.WriteAsync(connection, transaction, tickets.Select((t, i) => (ids[i], t)).ToList(), cancellationToken);
        }
        else
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = _insertWithId;
            var columns = TicketRow.Columns;
            var idParameter = command.CreateParameter();
            idParameter.ParameterName = "id";
            command.Parameters.Add(idParameter);
            var parameters = new DbParameter[columns.Length];
            for (var c = 0; c < columns.Length; c++)
            {
                parameters[c] = command.CreateParameter();
                parameters[c].ParameterName = columns[c].Name;
                parameters[c].DbType = columns[c].Type;
                command.Parameters.Add(parameters[c]);
            }

            await using var fts = connection.CreateCommand();
            fts.Transaction = transaction;
            fts.CommandText = "INSERT INTO tickets_fts (rowid, body) VALUES (@id, @body)";
            var ftsId = fts.CreateParameter();
            ftsId.ParameterName = "id";
            fts.Parameters.Add(ftsId);
            var ftsBody = fts.CreateParameter();
            ftsBody.ParameterName = "body";
            fts.Parameters.Add(ftsBody);

            var values = new object?[columns.Length];
            for (var i = 0; i < tickets.Count; i++)
            {
                TicketRow.Fill(tickets[i], values);
                idParameter.Value = ids[i];
                for (var c = 0; c < columns.Length; c++)
                {
                    parameters[c].Value = values[c] ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
                if (_dialect.Provider == DatabaseProvider.Sqlite)
                {
                    ftsId.Value = ids[i];
                    ftsBody.Value = tickets[i].Content;
                    await fts.ExecuteNonQueryAsync(cancellationToken);
                }
            }
        }

        var links = new List<DepartmentLink>();
        for (var i = 0; i < tickets.Count; i++)
        {
            links.AddRange(Links(ids[i], tickets[i]));
        }

        await new RowWriter<DepartmentLink>(_dialect, "ticket_departments", DepartmentLink.Columns, 0, DepartmentLink.Fill)
            .WriteAsync(connection, transaction, links, cancellationToken);
    }

    private async Task WriteDepartmentsAsync(DbConnection connection, DbTransaction transaction, long id, Ticket ticket, CancellationToken cancellationToken)
    {
        foreach (var link in Links(id, ticket))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO ticket_departments (ticket_id, department_id, created_at, status, street) VALUES (@TicketId, @DepartmentId, @CreatedAt, @Status, @Street)",
                link, transaction, cancellationToken: cancellationToken));
        }
    }

    private static IEnumerable<DepartmentLink> Links(long id, Ticket ticket)
    {
        var created = DbTime.ToDb(ticket.CreatedAt);
        if (ticket.LeadDepartmentId is { } lead)
        {
            yield return new DepartmentLink(id, lead, created, ticket.Status.ToString(), ticket.Street);
        }

        foreach (var assisting in ticket.AssistingDepartmentIds.Distinct().Where(d => d != ticket.LeadDepartmentId))
        {
            yield return new DepartmentLink(id, assisting, created, ticket.Status.ToString(), ticket.Street);
        }
    }

    private Task InsertHistoryAsync(DbConnection connection, DbTransaction transaction, TicketHistoryEntry history, CancellationToken cancellationToken)
    {
        var values = new object?[HistoryRow.Columns.Length];
        HistoryRow.Fill(history, values);
        var parameters = new DynamicParameters();
        for (var c = 0; c < values.Length; c++)
        {
            parameters.Add(HistoryRow.Columns[c].Name, values[c], HistoryRow.Columns[c].Type);
        }

        return connection.ExecuteAsync(new CommandDefinition(_insertHistory, parameters, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Adds the condition for a ticket number or phone number; for content words returns the FTS5 query (SQLite, terms of
    /// 3+ characters) and the terms to match by substring (shorter ones on SQLite, all on the other providers).
    /// </summary>
    private (string? FullText, List<string> LikeTerms) SplitText(string? text, string numberPrefix, List<string> where, DynamicParameters parameters)
    {
        var likeTerms = new List<string>();
        if (text is null)
        {
            return (null, likeTerms);
        }

        if (TicketNumber.IsValid(text, numberPrefix))
        {
            where.Add("t.number = @number");
            parameters.Add("number", text);
            return (null, likeTerms);
        }

        var phone = ChinesePhoneNumber.Normalize(text);
        if (phone.Length >= 3 && phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-'))
        {
            where.Add(_dialect.StartsWith("t.caller_number", "phonePrefix"));
            parameters.Add("phonePrefix", _dialect.StartsWithPattern(phone));
            return (null, likeTerms);
        }

        var ftsTerms = new List<string>();
        foreach (var term in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct())
        {
            // The trigram index finds substrings of 3+ characters; shorter terms need a substring scan.
            if (_dialect.Provider == DatabaseProvider.Sqlite && term.EnumerateRunes().Count() >= 3)
            {
                ftsTerms.Add("\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
            }
            else
            {
                likeTerms.Add(term);
            }
        }

        return (ftsTerms.Count > 0 ? string.Join(" ", ftsTerms) : null, likeTerms);
    }

    private static DynamicParameters TicketParameters(Ticket ticket)
    {
        var values = new object?[TicketRow.Columns.Length];
        TicketRow.Fill(ticket, values);
        var parameters = new DynamicParameters();
        for (var c = 0; c < values.Length; c++)
        {
            parameters.Add(TicketRow.Columns[c].Name, values[c], TicketRow.Columns[c].Type);
        }

        return parameters;
    }

    // Dapper expands a list into (@p1, @p2, ...) except for Npgsql, which takes the array as one parameter.
    private string InList(string column, string parameter) =>
        _dialect.Provider == DatabaseProvider.PostgreSql ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

using Dapper;
using Hotline.Core;
using Hotline.Core.Calendar;
using Hotline.Core.Data;
using Hotline.Core.Departments;
using Hotline.Core.Tickets;
using Hotline.Core.Tickets.Storage;
using Hotline.Tests.Data;
using Hotline.Tests.Tickets;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Tests.TicketStorage;

public abstract class TicketStorageTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly Actor Agent = TicketTestKit.Agent;
    private static readonly Actor BackOffice = TicketTestKit.BackOffice;
    private static readonly Actor Lead = TicketTestKit.LeadDepartment;       // D1
    private static readonly Actor Assisting = TicketTestKit.AssistingDepartment; // D2
    private static readonly Actor Other = TicketTestKit.OtherDepartment;     // D9

    private readonly FakeTimeProvider _time = new(TicketTestKit.Monday);
    private TicketService _service = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await TicketStorageReset.ResetAsync(database.Connections);
        _service = new TicketService(database.Connections, new CalendarStore(database.Connections, new HotlineOptions()), new TicketOptions(), _time);
        var departments = new DepartmentStore(database.Connections);
        foreach (var id in new[] { "D1", "D2", "D9" })
        {
            await departments.SaveAsync(new Department(id, "单位" + id), Ct);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<Ticket> RegisterAsync(TicketDraft? draft = null)
    {
        var outcome = await _service.RegisterAsync(draft ?? TicketTestKit.Draft(), Agent, Ct);
        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        return outcome.Ticket;
    }

    private async Task<Ticket> ApplyAsync(Ticket ticket, TicketCommand command, Actor actor)
    {
        var outcome = await _service.ApplyAsync(ticket.Number, command, actor, Ct);
        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        return outcome.Ticket;
    }

    private Task<Ticket> DispatchAsync(Ticket ticket, string lead = "D1", params string[] assisting) =>
        ApplyAsync(ticket, new TicketCommand(TicketAction.Dispatch) { LeadDepartmentId = lead, AssistingDepartmentIds = assisting }, BackOffice);

    private static TicketDraft Draft(string content = "小区门口长期有流动摊贩占道经营，影响通行。", string caller = "13800138000", bool confidential = false) =>
        new()
        {
            Channel = TicketChannel.Phone,
            CallerNumber = caller,
            CallerName = "张先生",
            Confidential = confidential,
            RequestType = RequestType.Complaint,
            CategoryId = 12,
            CategoryPath = "城市管理/市容环境/占道经营",
            Content = content,
            Street = "城关街道",
            Urgency = Urgency.Normal,
            FollowUpWanted = true,
        };

    // Records compare lists by reference: compare the lists' items and the rest separately.
    private static void AssertSame(Ticket? expected, Ticket? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected.LinkedCallIds, actual.LinkedCallIds);
        Assert.Equal(expected.AssistingDepartmentIds, actual.AssistingDepartmentIds);
        Assert.Equal(expected with { LinkedCallIds = [], AssistingDepartmentIds = [] }, actual with { LinkedCallIds = [], AssistingDepartmentIds = [] });
    }

    [Fact]
    public async Task Registered_tickets_are_numbered_by_local_day_with_a_sequence_that_restarts_each_day()
    {
        var first = await RegisterAsync();
        var second = await RegisterAsync();
        _time.Advance(TimeSpan.FromDays(1));
        var nextDay = await RegisterAsync();

        Assert.Equal("YH20261102-0001", first.Number);
        Assert.Equal("YH20261102-0002", second.Number);
        Assert.Equal("YH20261103-0001", nextDay.Number);
        AssertSame(second, await _service.GetAsync(second.Number, BackOffice, Ct));
    }

    [Fact]
    public async Task Twenty_concurrent_registrations_get_unique_gap_free_numbers()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _service.RegisterAsync(TicketTestKit.Draft(), Agent, Ct)));

        var sequences = outcomes.Select(o => { Assert.True(o.Succeeded); return TicketNumber.TryParse(o.Ticket.Number, out var n) ? n.Sequence : 0; });
        Assert.Equal(Enumerable.Range(1, 20), sequences.Order());
    }

    [Fact]
    public async Task An_invalid_draft_is_refused_with_field_errors_and_uses_no_number()
    {
        var refused = await _service.RegisterAsync(new TicketDraft { Content = "短" }, Agent, Ct);
        var next = await RegisterAsync();

        Assert.Equal(TransitionFailureKind.Invalid, refused.Failure?.Kind);
        Assert.Contains("requestType", refused.Failure!.FieldErrors.Keys);
        Assert.Equal("YH20261102-0001", next.Number);
    }

    [Fact]
    public async Task The_whole_loop_is_stored_with_one_history_row_per_transition()
    {
        var ticket = await RegisterAsync();
        ticket = await DispatchAsync(ticket, "D1", "D2");
        ticket = await ApplyAsync(ticket, new TicketCommand(TicketAction.SignFor), Lead);
        ticket = await ApplyAsync(ticket, new TicketCommand(TicketAction.Reply) { Note = "已清理占道摊贩。" }, Lead);
        ticket = await ApplyAsync(ticket, new TicketCommand(TicketAction.AcceptReply), BackOffice);
        ticket = await ApplyAsync(ticket, new TicketCommand(TicketAction.RecordFollowUp) { FollowUpResult = FollowUpResult.Satisfied }, BackOffice);

        var stored = await _service.GetAsync(ticket.Number, BackOffice, Ct);
        var history = await _service.HistoryAsync(ticket.Number, BackOffice, Ct);
        Assert.NotNull(history);
        AssertSame(ticket, stored);
        Assert.Equal(TicketStatus.Closed, stored!.Status);
        Assert.Equal(["D2"], stored.AssistingDepartmentIds);
        Assert.Equal(
            [TicketAction.Register, TicketAction.Dispatch, TicketAction.SignFor, TicketAction.Reply, TicketAction.AcceptReply, TicketAction.RecordFollowUp],
            history.Select(h => h.Action));
        Assert.Equal([1, 2, 3, 4, 5, 6], history.Select(h => h.Version));
        Assert.Equal("已清理占道摊贩。", history[3].Note);
    }

    [Fact]
    public async Task Two_actions_from_the_same_version_let_one_win_and_give_the_other_a_conflict_with_the_current_ticket()
    {
        var ticket = await DispatchAsync(await RegisterAsync());
        var signFor = new TicketCommand(TicketAction.SignFor) { ExpectedVersion = ticket.Version };
        var giveBack = new TicketCommand(TicketAction.Return) { Note = "不属于本单位职责", ExpectedVersion = ticket.Version };

        var outcomes = await Task.WhenAll(_service.ApplyAsync(ticket.Number, signFor, Lead, Ct), _service.ApplyAsync(ticket.Number, giveBack, Lead, Ct));

        var winner = Assert.Single(outcomes, o => o.Succeeded);
        var loser = Assert.Single(outcomes, o => !o.Succeeded);
        Assert.Equal(TransitionFailureKind.VersionConflict, loser.Failure!.Kind);
        AssertSame(winner.Ticket, loser.Ticket);
        Assert.Equal(3, (await _service.HistoryAsync(ticket.Number, BackOffice, Ct))!.Count);
    }

    [Fact]
    public async Task A_refused_action_returns_the_stored_ticket_and_changes_nothing()
    {
        var ticket = await RegisterAsync();

        var outcome = await _service.ApplyAsync(ticket.Number, new TicketCommand(TicketAction.SignFor), Lead, Ct);

        Assert.True(outcome.NotFound); // not dispatched to D1 yet, so D1 cannot see it
        var wrongState = await _service.ApplyAsync(ticket.Number, new TicketCommand(TicketAction.AcceptReply), BackOffice, Ct);
        Assert.Equal(TransitionFailureKind.NotAllowedInState, wrongState.Failure?.Kind);
        AssertSame(ticket, wrongState.Ticket);
        Assert.Single((await _service.HistoryAsync(ticket.Number, BackOffice, Ct))!);
    }

    [Fact]
    public async Task Dispatch_to_an_unknown_department_and_merge_into_a_missing_ticket_are_invalid()
    {
        var ticket = await RegisterAsync();

        var dispatch = await _service.ApplyAsync(ticket.Number, new TicketCommand(TicketAction.Dispatch) { LeadDepartmentId = "D404" }, BackOffice, Ct);
        var merge = await _service.ApplyAsync(ticket.Number, new TicketCommand(TicketAction.Merge) { MergeIntoNumber = "YH20261101-0099" }, BackOffice, Ct);

        Assert.Contains("leadDepartmentId", dispatch.Failure!.FieldErrors.Keys);
        Assert.Contains("mergeIntoNumber", merge.Failure!.FieldErrors.Keys);
    }

    [Fact]
    public async Task Merging_into_an_existing_ticket_finishes_the_duplicate()
    {
        var original = await RegisterAsync();
        var duplicate = await RegisterAsync();

        var merged = await ApplyAsync(duplicate, new TicketCommand(TicketAction.Merge) { MergeIntoNumber = original.Number }, BackOffice);

        Assert.Equal(TicketStatus.Merged, merged.Status);
        Assert.Equal(original.Number, merged.MergedIntoNumber);
    }

    [Fact]
    public async Task A_department_sees_only_tickets_it_leads_or_assists()
    {
        var own = await DispatchAsync(await RegisterAsync(), "D1", "D2");
        var others = await DispatchAsync(await RegisterAsync(), "D9");

        Assert.NotNull(await _service.GetAsync(own.Number, Assisting, Ct));
        Assert.Null(await _service.GetAsync(others.Number, Lead, Ct));
        Assert.Null(await _service.HistoryAsync(others.Number, Lead, Ct));
        Assert.True((await _service.ApplyAsync(others.Number, new TicketCommand(TicketAction.SignFor), Lead, Ct)).NotFound);
        var page = await _service.SearchAsync(new TicketQuery(), Lead, Ct);
        Assert.Equal([own.Number], page.Items.Select(t => t.Number));
        Assert.Empty((await _service.SearchAsync(new TicketQuery { Text = others.Number }, Lead, Ct)).Items);
        Assert.Equal(2, (await _service.SearchAsync(new TicketQuery(), BackOffice, Ct)).Total);
    }

    [Fact]
    public async Task A_department_gets_a_confidential_ticket_without_the_callers_identity()
    {
        var ticket = await DispatchAsync(await RegisterAsync(Draft(confidential: true)));

        var seen = await _service.GetAsync(ticket.Number, Lead, Ct);
        var listed = (await _service.SearchAsync(new TicketQuery(), Lead, Ct)).Items.Single();

        Assert.Equal("", seen!.CallerNumber);
        Assert.Null(seen.CallerName);
        Assert.Equal("", listed.CallerNumber);
        Assert.Equal("13800138000", (await _service.GetAsync(ticket.Number, BackOffice, Ct))!.CallerNumber);
    }

    [Fact]
    public async Task Searching_by_ticket_number_finds_exactly_that_ticket()
    {
        await RegisterAsync();
        var wanted = await RegisterAsync();
        await RegisterAsync();

        var page = await _service.SearchAsync(new TicketQuery { Text = " " + wanted.Number + " " }, BackOffice, Ct);

        Assert.Equal([wanted.Number], page.Items.Select(t => t.Number));
    }

    [Fact]
    public async Task Searching_by_phone_number_matches_exactly_or_by_prefix()
    {
        var a = await RegisterAsync(Draft(caller: "13800138000"));
        var b = await RegisterAsync(Draft(caller: "13800139999"));
        await RegisterAsync(Draft(caller: "15900001111"));

        var exact = await _service.SearchAsync(new TicketQuery { Text = "13800138000" }, BackOffice, Ct);
        var prefix = await _service.SearchAsync(new TicketQuery { Text = "1380013" }, BackOffice, Ct);

        Assert.Equal([a.Number], exact.Items.Select(t => t.Number));
        Assert.Equal([b.Number, a.Number], prefix.Items.Select(t => t.Number));
    }

    [Fact]
    public async Task Searching_chinese_content_finds_terms_of_three_or_more_characters_and_shorter_ones()
    {
        var noise = await RegisterAsync(Draft("楼下餐馆油烟直排，影响居民开窗通风。"));
        var stalls = await RegisterAsync(Draft("小区门口流动摊贩占道经营，影响通行。"));
        var water = await RegisterAsync(Draft("小区突然停水，没有提前通知居民。"));

        var threeOrMore = await _service.SearchAsync(new TicketQuery { Text = "占道经营" }, BackOffice, Ct);
        var two = await _service.SearchAsync(new TicketQuery { Text = "停水" }, BackOffice, Ct);
        var both = await _service.SearchAsync(new TicketQuery { Text = "小区 通知" }, BackOffice, Ct);
        var none = await _service.SearchAsync(new TicketQuery { Text = "噪音扰民" }, BackOffice, Ct);

        Assert.Equal([stalls.Number], threeOrMore.Items.Select(t => t.Number));
        Assert.Equal([water.Number], two.Items.Select(t => t.Number));
        Assert.Equal([water.Number], both.Items.Select(t => t.Number));
        Assert.Empty(none.Items);
        Assert.NotNull(noise);
    }

    [Fact]
    public async Task Content_words_match_whatever_the_letter_case()
    {
        var lift = await RegisterAsync(Draft("幸福小区3号楼ABC品牌电梯经常故障。"));
        await RegisterAsync(Draft("小区门口流动摊贩占道经营，影响通行。"));

        var three = await _service.SearchAsync(new TicketQuery { Text = "abc品牌" }, BackOffice, Ct);
        var two = await _service.SearchAsync(new TicketQuery { Text = "Bc" }, BackOffice, Ct);

        Assert.Equal([lift.Number], three.Items.Select(t => t.Number));
        Assert.Equal([lift.Number], two.Items.Select(t => t.Number));
    }

    [Fact]
    public async Task A_common_content_word_is_counted_to_the_cap_and_paged_newest_first()
    {
        // 1,100 matches among 1,650 tickets: past the counted total, on a first page and on a deep one.
        var template = await RegisterAsync();
        var tickets = Enumerable.Range(1, 1_650).Select(i => template with
        {
            Number = $"YH20261130-{i:D4}",
            Content = i % 3 == 0 ? $"第{i}号：在建工地施工机器照明，其他问题。" : $"第{i}号：夜间施工噪音扰民，影响休息。",
            CreatedAt = template.CreatedAt.AddMinutes(i),
        }).ToList();
        await _service.BulkLoadAsync(tickets, [], Ct);
        var newestMatches = tickets.Where(t => t.Content.Contains("噪音扰民", StringComparison.Ordinal)).Reverse().Select(t => t.Number).ToList();

        var first = await _service.SearchAsync(new TicketQuery { Text = "噪音扰民" }, BackOffice, Ct);
        var deep = await _service.SearchAsync(new TicketQuery { Text = "噪音扰民", Page = 15 }, BackOffice, Ct);

        Assert.Equal(TicketPage.MaxCountedTotal, first.Total);
        Assert.True(first.TotalCapped);
        Assert.Equal(newestMatches.Take(20), first.Items.Select(t => t.Number));
        Assert.Equal(newestMatches.Skip(280).Take(20), deep.Items.Select(t => t.Number));
    }

    [Fact]
    public async Task Index_maintenance_merges_the_content_index_without_changing_what_is_found()
    {
        for (var i = 0; i < 12; i++)
        {
            await RegisterAsync(Draft($"第{i}号：小区门口流动摊贩占道经营，影响通行。"));
        }

        var before = await ContentIndexRowsAsync();
        var steps = await new TicketIndexMaintenance(database.Connections).RunAsync(Ct);
        var page = await _service.SearchAsync(new TicketQuery { Text = "占道经营" }, BackOffice, Ct);

        Assert.Equal(12, page.Total);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // Twelve registrations left twelve small segments (registrations no longer merge them); maintenance did.
            Assert.True(steps > 0);
            Assert.True(await ContentIndexRowsAsync() < before, "merging leaves fewer index rows");
        }
        else
        {
            Assert.Equal(0, steps);
        }
    }

    private async Task<long> ContentIndexRowsAsync()
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return 0;
        }

        await using var connection = await database.Connections.OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM tickets_fts_data");
    }

    [Fact]
    public async Task Filters_combine_and_pages_count_every_match_newest_first()
    {
        var numbers = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            var ticket = await RegisterAsync();
            numbers.Add(ticket.Number);
            if (i % 5 == 0)
            {
                await DispatchAsync(ticket);
            }

            _time.Advance(TimeSpan.FromMinutes(1));
        }

        var registered = await _service.SearchAsync(new TicketQuery { Statuses = [TicketStatus.Registered], PageSize = 10, Page = 2 }, BackOffice, Ct);
        var dispatched = await _service.SearchAsync(new TicketQuery { Statuses = [TicketStatus.Dispatched], DepartmentId = "D1", Street = "城关街道" }, BackOffice, Ct);
        var otherStreet = await _service.SearchAsync(new TicketQuery { Street = "东湖街道" }, BackOffice, Ct);
        var lastTen = await _service.SearchAsync(new TicketQuery { RegisteredFrom = TicketTestKit.Monday + TimeSpan.FromMinutes(15) }, BackOffice, Ct);

        Assert.Equal(20, registered.Total);
        Assert.Equal(2, registered.PageCount);
        Assert.Equal(numbers.Where((_, i) => i % 5 != 0).Reverse().Skip(10).Take(10), registered.Items.Select(t => t.Number));
        Assert.Equal(5, dispatched.Total);
        Assert.Equal(0, otherStreet.Total);
        Assert.Equal(10, lastTen.Total);
    }

    [Fact]
    public async Task Filtering_by_category_includes_the_categories_below_it()
    {
        var categories = new CategoryStore(database.Connections);
        var top = await categories.AddAsync(null, "城市管理", Ct);
        var middle = await categories.AddAsync(top.Id, "市容环境", Ct);
        var leaf = await categories.AddAsync(middle.Id, "占道经营", Ct);
        var other = await categories.AddAsync(null, "市场监管", Ct);
        await RegisterAsync(); // category 12: not in the tree
        var leafDraft = Draft();
        leafDraft.CategoryId = leaf.Id;
        var inBranch = await RegisterAsync(leafDraft);
        var otherDraft = Draft();
        otherDraft.CategoryId = other.Id;
        await RegisterAsync(otherDraft);

        var page = await _service.SearchAsync(new TicketQuery { CategoryId = top.Id }, BackOffice, Ct);

        Assert.Equal("城市管理/市容环境/占道经营", leaf.Path);
        Assert.Equal([inBranch.Number], page.Items.Select(t => t.Number));
    }

    [Fact]
    public async Task Overdue_and_due_soon_filters_follow_the_current_deadline()
    {
        var urgent = Draft();
        urgent.Urgency = Urgency.Urgent; // dispatch within 30 minutes
        var soon = await RegisterAsync(urgent);
        var normal = await RegisterAsync(); // dispatch by 17:30 today
        _time.Advance(TimeSpan.FromMinutes(40));

        var overdue = await _service.SearchAsync(new TicketQuery { OverdueOnly = true }, BackOffice, Ct);
        var dueSoon = await _service.SearchAsync(new TicketQuery { DueWithin = TimeSpan.FromHours(8) }, BackOffice, Ct);

        Assert.Equal([soon.Number], overdue.Items.Select(t => t.Number));
        Assert.Equal([normal.Number], dueSoon.Items.Select(t => t.Number));
    }

    [Fact]
    public async Task Previous_tickets_of_the_same_caller_are_listed_newest_first_without_the_current_one()
    {
        var first = await RegisterAsync();
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await RegisterAsync();
        _time.Advance(TimeSpan.FromMinutes(1));
        var current = await RegisterAsync();
        await RegisterAsync(Draft(caller: "15900001111"));

        var related = await _service.RelatedByCallerAsync("138 0013 8000", current.Number, 10, Agent, Ct);

        Assert.Equal([second.Number, first.Number], related.Select(t => t.Number));
    }

    [Fact]
    public async Task Emergency_alerts_are_listed_until_someone_acknowledges_them()
    {
        var critical = Draft();
        critical.Urgency = Urgency.Critical;
        var ticket = await RegisterAsync(critical);
        await RegisterAsync();

        Assert.Equal([ticket.Number], (await _service.ListUnacknowledgedEmergenciesAsync(Ct)).Select(t => t.Number));
        await ApplyAsync(ticket, new TicketCommand(TicketAction.AcknowledgeEmergency), TicketTestKit.Official);
        Assert.Empty(await _service.ListUnacknowledgedEmergenciesAsync(Ct));
    }

    [Fact]
    public async Task Demo_data_seeds_departments_categories_keys_and_tickets_with_real_histories_once()
    {
        await DemoTicketData.SeedAsync(database.Connections, _service, _time, 60, Ct);
        await DemoTicketData.SeedAsync(database.Connections, _service, _time, 60, Ct);

        var all = await _service.SearchAsync(new TicketQuery { PageSize = 200 }, BackOffice, Ct);
        var demoDepartment = new Actor("department01", Core.Security.Roles.Department, DemoTicketData.DemoDepartmentId);
        Assert.Equal(60, all.Total);
        Assert.Contains(all.Items, t => t.Status == TicketStatus.Closed);
        Assert.Contains(all.Items, t => t.Status != TicketStatus.Closed);
        Assert.True((await _service.SearchAsync(new TicketQuery(), demoDepartment, Ct)).Total > 0);
        var history = await _service.HistoryAsync(all.Items[^1].Number, BackOffice, Ct);
        Assert.Equal(all.Items[^1].Version, history!.Count);
        Assert.True((await new CategoryStore(database.Connections).ListAsync(Ct)).Count >= 40);
        Assert.NotNull(await new Core.Security.ApiKeyStore(database.Connections, _time).FindAsync(DemoTicketData.DepartmentApiKey, Ct));
        var registered = await _service.RegisterAsync(TicketTestKit.Draft(), Agent, Ct);
        Assert.True(registered.Succeeded);
        Assert.DoesNotContain(all.Items, t => t.Number == registered.Ticket!.Number);
    }
}

public sealed class SqliteTicketStorageTests(SqliteTestDatabase database) : TicketStorageTests<SqliteTestDatabase>(database);

public sealed class PostgresTicketStorageTests(PostgresTestDatabase database) : TicketStorageTests<PostgresTestDatabase>(database);

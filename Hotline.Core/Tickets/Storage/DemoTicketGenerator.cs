using System.Globalization;
using Hotline.Core.Departments;
using Hotline.Core.Security;

namespace Hotline.Core.Tickets.Storage;

/// <summary>
/// Realistic tickets for demo data and benchmarks: random requests driven through the real <see cref="TicketWorkflow"/>
/// (so statuses, deadlines and histories are what the product would have written), as far as their age allows.
/// Deterministic for a seed.
/// </summary>
internal sealed class DemoTicketGenerator
{
    private static readonly Dictionary<string, string[]> Issues = new()
    {
        ["物业服务收费"] = ["物业公司未经业主大会同意上涨物业费", "物业费收取标准不公开"],
        ["公共设施维修"] = ["电梯经常故障困人，物业迟迟不修", "楼道照明损坏一个多月无人维修"],
        ["业主委员会"] = ["业主委员会换届选举程序不透明"],
        ["危房隐患"] = ["老旧楼房外墙脱落，存在安全隐患"],
        ["违规装修"] = ["楼上住户装修拆除承重墙"],
        ["夜间施工噪音"] = ["工地夜间十一点后仍在施工，噪音扰民", "附近工地凌晨浇筑混凝土影响休息"],
        ["工地扬尘"] = ["工地未覆盖防尘网，扬尘严重"],
        ["占道经营"] = ["流动摊贩长期占道经营，影响通行", "早餐店在人行道上摆放桌椅"],
        ["乱堆乱放"] = ["楼道内堆放大量杂物，存在消防隐患"],
        ["违规广告"] = ["路边违规设置大型广告牌"],
        ["私搭乱建"] = ["一楼住户在公共绿地私自搭建棚子"],
        ["垃圾清运"] = ["小区垃圾几天没有清运，气味难闻", "垃圾分类投放点满溢无人处理"],
        ["公厕管理"] = ["公共厕所卫生状况差，长期无人打扫"],
        ["预付卡退费"] = ["健身房突然关门，预付卡无法退费", "理发店办的会员卡余额无法使用"],
        ["商品质量"] = ["网购的电热水器使用一周就漏电"],
        ["虚假宣传"] = ["商家宣传保健品能治病，涉嫌虚假宣传"],
        ["餐饮卫生"] = ["饭店后厨卫生条件差，吃完后腹泻"],
        ["过期食品"] = ["超市销售过期牛奶"],
        ["拖欠工资"] = ["公司拖欠三个月工资不发", "工地老板拖欠农民工工资"],
        ["劳动合同"] = ["单位不签订劳动合同"],
        ["社保缴纳"] = ["单位未按规定缴纳社会保险", "咨询灵活就业人员社保缴费办法"],
        ["医保报销"] = ["咨询异地就医医保报销流程"],
        ["入学咨询"] = ["咨询小学新生入学报名条件和时间"],
        ["校外培训"] = ["校外培训机构退费难"],
        ["医疗纠纷"] = ["对医院收费项目有异议"],
        ["预约挂号"] = ["医院预约挂号系统无法使用"],
        ["噪声扰民"] = ["广场舞音响声音过大，晚上十点后仍不停", "酒吧夜间噪音扰民"],
        ["油烟污染"] = ["楼下餐馆油烟直排，影响居民开窗"],
        ["污水排放"] = ["河道有不明污水排放，水面发黑发臭"],
        ["公交线路"] = ["建议增开早高峰公交班次", "公交车到站不停"],
        ["出租车服务"] = ["出租车拒载、不打表"],
        ["低保申请"] = ["咨询低保申请条件和所需材料"],
        ["养老服务"] = ["社区养老服务中心收费不合理"],
        ["停水"] = ["小区突然停水，没有提前通知", "停水已超过二十四小时仍未恢复"],
        ["管道漏水"] = ["路边供水管道破裂漏水"],
    };

    private static readonly string[] Places = ["小区内", "楼下", "3号楼附近", "路口", "菜市场旁", "学校门口", "公园东门", "商业街"];
    private static readonly string[] Durations = ["已持续一周，", "反映多次未解决，", "近期经常发生，", "", "情况比较紧急，"];
    private static readonly string[] Demands = ["希望有关部门尽快处理", "请相关部门调查核实", "要求给予答复", "希望尽快解决"];
    private static readonly string[] Surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"];
    private static readonly string[] MobilePrefixes = ["135", "136", "138", "139", "150", "158", "186", "188"];

    private readonly TicketWorkflow _workflow;
    private readonly Random _random;
    private readonly List<(Category Leaf, string DepartmentId)> _leaves;
    private readonly string[] _phones;
    private readonly Actor[] _agents = [.. Enumerable.Range(1, 5).Select(i => new Actor($"agent{i:00}", Roles.Agent, null, $"话务员{i:00}"))];
    private readonly Actor _backOffice = new("backoffice01", Roles.BackOffice, null, "后台处理01");
    private readonly Actor _supervisor = new("supervisor01", Roles.Supervisor, null, "班长01");
    private readonly string _prefix;
    private readonly Dictionary<DateOnly, int> _sequences = [];

    public DemoTicketGenerator(TicketWorkflow workflow, IReadOnlyList<Category> categories, int seed, int phonePool = 0, string prefix = TicketNumber.DefaultPrefix)
    {
        _workflow = workflow;
        _random = new Random(seed);
        _prefix = prefix;
        var tops = DemoTicketData.CategoryTree.ToDictionary(t => t.Name, t => t.DepartmentId);
        _leaves = [.. categories
            .Where(c => Issues.ContainsKey(c.Name))
            .Select(c => (c, tops.GetValueOrDefault(c.Path.Split('/')[0], DemoTicketData.DemoDepartmentId)))];
        if (_leaves.Count == 0)
        {
            throw new ArgumentException("The category tree has none of the demo leaves.", nameof(categories));
        }

        _phones = [.. Enumerable.Range(0, Math.Max(50, phonePool))
            .Select(_ => MobilePrefixes[_random.Next(MobilePrefixes.Length)] + _random.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture))];
    }

    /// <summary>
    /// <paramref name="count"/> tickets registered evenly over [from, now), numbered per local day in registration order,
    /// each advanced through the loop as far as its age allows; plus every history row.
    /// </summary>
    public (List<Ticket> Tickets, List<TicketHistoryEntry> History) Generate(int count, DateTimeOffset from, DateTimeOffset now) =>
        Generate(count, from, now, now);

    /// <summary>
    /// <paramref name="count"/> tickets registered evenly over [from, to), advanced as far as <paramref name="now"/> allows.
    /// Call with consecutive ranges to generate in chunks: numbering continues across calls.
    /// </summary>
    public (List<Ticket> Tickets, List<TicketHistoryEntry> History) Generate(int count, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var tickets = new List<Ticket>(count);
        var history = new List<TicketHistoryEntry>(count * 5);
        var step = (to - from) / Math.Max(1, count);
        var sequences = _sequences;
        var timeZone = _workflow.Deadlines.Calendar.TimeZone;
        for (var i = 0; i < count; i++)
        {
            var registeredAt = from + step * i + step * _random.NextDouble() * 0.9;
            var day = TicketNumber.DayOf(registeredAt, timeZone);
            var sequence = sequences[day] = sequences.GetValueOrDefault(day) + 1;
            var (ticket, rows) = Live(TicketNumber.Format(day, sequence, _prefix), registeredAt, now);
            tickets.Add(ticket);
            history.AddRange(rows);
        }

        return (tickets, history);
    }

    private (Ticket, List<TicketHistoryEntry>) Live(string number, DateTimeOffset at, DateTimeOffset now)
    {
        var (leaf, departmentId) = _leaves[_random.Next(_leaves.Count)];
        var street = DemoTicketData.Streets[_random.Next(DemoTicketData.Streets.Count)];
        var community = street.Communities[_random.Next(street.Communities.Count)];
        var issues = Issues[leaf.Name];
        var urgencyRoll = _random.NextDouble();
        var draft = new TicketDraft
        {
            Channel = _random.NextDouble() < 0.9 ? TicketChannel.Phone : TicketChannel.WeChat,
            CallerNumber = _phones[_random.Next(_phones.Length)],
            CallerName = Surnames[_random.Next(Surnames.Length)] + (_random.Next(2) == 0 ? "先生" : "女士"),
            Confidential = _random.NextDouble() < 0.1,
            Street = street.Name,
            Community = community,
            Address = $"{street.Name}{community}{_random.Next(1, 60)}号",
            RequestType = leaf.Name.Contains("咨询", StringComparison.Ordinal) || issues[0].StartsWith("咨询", StringComparison.Ordinal)
                ? RequestType.Consultation
                : _random.NextDouble() switch { < 0.6 => RequestType.Complaint, < 0.75 => RequestType.HelpRequest, < 0.85 => RequestType.Report, < 0.95 => RequestType.Suggestion, _ => RequestType.Consultation },
            CategoryId = leaf.Id,
            CategoryPath = leaf.Path,
            Content = $"{community}{Places[_random.Next(Places.Length)]}{issues[_random.Next(issues.Length)]}，{Durations[_random.Next(Durations.Length)]}{Demands[_random.Next(Demands.Length)]}。",
            Urgency = urgencyRoll < 0.85 ? Urgency.Normal : urgencyRoll < 0.97 ? Urgency.Urgent : Urgency.Critical,
            FollowUpWanted = _random.NextDouble() < 0.7,
            LinkedCallIds = [$"sim-{at.ToUnixTimeMilliseconds()}"],
        };
        var agent = _agents[_random.Next(_agents.Length)];
        var registered = _workflow.Register(draft, number, agent, at);
        if (!registered.Succeeded)
        {
            throw new InvalidOperationException($"Demo draft refused: {registered.Failure.Message}");
        }

        var ticket = registered.Ticket;
        var rows = new List<TicketHistoryEntry> { registered.History };
        var time = at;
        var department = new Actor(departmentId == DemoTicketData.DemoDepartmentId ? "department01" : $"dept-{departmentId}", Roles.Department, departmentId);

        bool Do(TicketCommand command, Actor actor, TimeSpan after)
        {
            var when = time + after;
            if (when >= now)
            {
                return false;
            }

            var result = _workflow.Apply(ticket, command, actor, when);
            if (!result.Succeeded)
            {
                return false;
            }

            ticket = result.Ticket;
            rows.Add(result.History);
            time = when;
            return true;
        }

        TimeSpan Hours(double min, double max) => TimeSpan.FromHours(min + _random.NextDouble() * (max - min));

        if (ticket.AwaitsEmergencyAcknowledgement && _random.NextDouble() < 0.8)
        {
            // Acknowledged soon after, without moving the ticket's own clock.
            var saved = time;
            Do(new TicketCommand(TicketAction.AcknowledgeEmergency), _supervisor, TimeSpan.FromMinutes(_random.Next(2, 30)));
            time = saved;
        }

        if (draft.RequestType == RequestType.Consultation && _random.NextDouble() < 0.7)
        {
            Do(new TicketCommand(TicketAction.AnswerDirectly) { Note = "已根据知识库政策向市民解释说明。" }, agent, TimeSpan.FromMinutes(_random.Next(3, 15)));
            return (ticket, rows);
        }

        var lead = departmentId;
        var assisting = _random.NextDouble() < 0.2 ? DemoTicketData.Departments[_random.Next(DemoTicketData.Departments.Count)].Id : null;
        var dispatch = new TicketCommand(TicketAction.Dispatch)
        {
            LeadDepartmentId = lead,
            AssistingDepartmentIds = assisting is null || assisting == lead ? [] : [assisting],
        };
        if (!Do(dispatch, _backOffice, Hours(0.2, 3)))
            return (ticket, rows);

        if (_random.NextDouble() < 0.08)
        {
            if (!Do(new TicketCommand(TicketAction.Return) { Note = "该事项不属于本单位职责范围。" }, department, Hours(1, 6)))
                return (ticket, rows);
            var other = DemoTicketData.Departments[_random.Next(DemoTicketData.Departments.Count)];
            if (other.Id == lead || other.Id == assisting)
                other = DemoTicketData.Departments[(DemoTicketData.Departments.ToList().IndexOf(other) + 3) % DemoTicketData.Departments.Count];
            if (other.Id == assisting)
                assisting = null;
            lead = other.Id;
            department = new Actor(lead == DemoTicketData.DemoDepartmentId ? "department01" : $"dept-{lead}", Roles.Department, lead);
            if (!Do(new TicketCommand(TicketAction.Reassign) { LeadDepartmentId = lead, AssistingDepartmentIds = assisting is null ? [] : [assisting] }, _backOffice, Hours(0.5, 4)))
                return (ticket, rows);
        }

        if (!Do(new TicketCommand(TicketAction.SignFor), department, Hours(0.5, 20)))
            return (ticket, rows);
        if (_random.NextDouble() < 0.1)
        {
            if (!Do(new TicketCommand(TicketAction.RequestExtension) { Note = "需协调多个部门现场核查，申请延期。" }, department, Hours(24, 72)))
                return (ticket, rows);
            if (!Do(new TicketCommand(TicketAction.ApproveExtension), _backOffice, Hours(1, 8)))
                return (ticket, rows);
        }

        var handling = Hours(10, ticket.Urgency == Urgency.Normal ? 200 : 30);
        if (ticket.Deadline is { } deadline && time + handling > deadline && deadline + TimeSpan.FromHours(1) < now && _random.NextDouble() < 0.7)
        {
            var saved = time;
            time = deadline;
            Do(new TicketCommand(TicketAction.Urge) { Note = "已超期，请尽快办理。" }, _backOffice, TimeSpan.FromHours(1));
            time = saved;
        }

        if (!Do(new TicketCommand(TicketAction.Reply) { Note = "经现场核查，已责令相关责任方整改，并将持续跟踪。" }, department, handling))
            return (ticket, rows);
        if (_random.NextDouble() < 0.1)
        {
            if (!Do(new TicketCommand(TicketAction.RejectReply) { Note = "答复内容未回应市民诉求，请补充办理情况。" }, _backOffice, Hours(1, 10)))
                return (ticket, rows);
            if (!Do(new TicketCommand(TicketAction.Reply) { Note = "已补充现场整改情况及后续措施。" }, department, Hours(5, 48)))
                return (ticket, rows);
        }

        if (!Do(new TicketCommand(TicketAction.AcceptReply), _backOffice, Hours(1, 20)) || ticket.IsFinished)
            return (ticket, rows);

        var roll = _random.NextDouble();
        var result = roll < 0.7 ? FollowUpResult.Satisfied : roll < 0.9 ? FollowUpResult.BasicallySatisfied : FollowUpResult.Dissatisfied;
        Do(new TicketCommand(TicketAction.RecordFollowUp) { FollowUpResult = result, ObjectiveReason = result == FollowUpResult.Dissatisfied && _random.Next(2) == 0 },
            _backOffice, Hours(1, 20));
        return (ticket, rows);
    }
}

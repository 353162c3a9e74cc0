using Dapper;
using Hotline.Core.Data;
using Hotline.Core.Departments;
using Hotline.Core.Security;

namespace Hotline.Core.Tickets.Storage;

/// <summary>
/// Demo data for a district: departments (D001 区住建局 …), the category tree, streets and communities, the work
/// calendar, the demo API keys and about 200 tickets of the last 30 days driven through the real workflow
/// (so their histories are real). Idempotent: each part is only added when its table is empty.
/// </summary>
public static class DemoTicketData
{
    /// <summary>The department of the demo user <c>department01</c> and of the key <see cref="DepartmentApiKey"/>.</summary>
    public const string DemoDepartmentId = "D001";

    public const string BackOfficeApiKey = "demo-api-backoffice";
    public const string DepartmentApiKey = "demo-api-department";
    public const string OfficialApiKey = "demo-api-official";

    /// <summary>The demo departments (id, Chinese name).</summary>
    public static IReadOnlyList<Department> Departments { get; } =
    [
        new("D001", "区住建局"),
        new("D002", "区城管执法局"),
        new("D003", "区市场监管局"),
        new("D004", "区人社局"),
        new("D005", "区教育局"),
        new("D006", "区卫健委"),
        new("D007", "市生态环境局区分局"),
        new("D008", "区交通运输局"),
        new("D009", "区民政局"),
        new("D010", "区水务局"),
        new("D011", "公安分局"),
        new("D012", "城关街道办事处"),
        new("D013", "东湖街道办事处"),
    ];

    /// <summary>Top-level category → sub-categories → leaves, and the department that usually handles the branch.</summary>
    internal static IReadOnlyList<(string Name, string DepartmentId, (string Name, string[] Leaves)[] Children)> CategoryTree { get; } =
    [
        ("城乡建设", "D001", [("物业管理", ["物业服务收费", "公共设施维修", "业主委员会"]), ("房屋安全", ["危房隐患", "违规装修"]), ("建筑施工", ["夜间施工噪音", "工地扬尘"])]),
        ("城市管理", "D002", [("市容环境", ["占道经营", "乱堆乱放", "违规广告"]), ("违法建设", ["私搭乱建"]), ("环境卫生", ["垃圾清运", "公厕管理"])]),
        ("市场监管", "D003", [("消费维权", ["预付卡退费", "商品质量", "虚假宣传"]), ("食品安全", ["餐饮卫生", "过期食品"])]),
        ("劳动保障", "D004", [("劳动关系", ["拖欠工资", "劳动合同"]), ("社会保险", ["社保缴纳", "医保报销"])]),
        ("教育", "D005", [("学校管理", ["入学咨询", "校外培训"])]),
        ("卫生健康", "D006", [("医疗服务", ["医疗纠纷", "预约挂号"])]),
        ("生态环境", "D007", [("污染防治", ["噪声扰民", "油烟污染", "污水排放"])]),
        ("交通出行", "D008", [("公共交通", ["公交线路", "出租车服务"])]),
        ("民政", "D009", [("社会救助", ["低保申请", "养老服务"])]),
        ("水电气", "D010", [("供排水", ["停水", "管道漏水"])]),
    ];

    /// <summary>Streets (街道) and their communities (社区).</summary>
    public static IReadOnlyList<Street> Streets { get; } =
    [
        new("城关街道", ["幸福社区", "人民路社区", "南门社区"]),
        new("东湖街道", ["东湖社区", "湖滨社区", "梅园社区"]),
        new("西城街道", ["西城社区", "锦绣社区", "和平社区"]),
        new("北山街道", ["北山社区", "翠柏社区"]),
        new("南湖街道", ["南湖社区", "滨江社区", "花园社区"]),
        new("高新街道", ["科技园社区", "创业社区"]),
        new("新桥镇", ["新桥村", "桥东村", "集镇社区"]),
        new("清水镇", ["清水村", "石桥村"]),
    ];

    /// <summary>Seeds what is missing; <paramref name="ticketCount"/> tickets spread over the 30 days before now.</summary>
    public static async Task SeedAsync(
        ConnectionFactory connections, TicketService tickets, TimeProvider time, int ticketCount = 200, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(tickets);
        ArgumentNullException.ThrowIfNull(time);

        var departments = new DepartmentStore(connections);
        if ((await departments.ListAsync(includeInactive: true, cancellationToken)).Count == 0)
        {
            foreach (var department in Departments)
            {
                await departments.SaveAsync(department, cancellationToken);
            }
        }

        var categories = new CategoryStore(connections);
        if ((await categories.ListAsync(cancellationToken)).Count == 0)
        {
            foreach (var (name, _, children) in CategoryTree)
            {
                var top = await categories.AddAsync(null, name, cancellationToken);
                foreach (var (childName, leaves) in children)
                {
                    var child = await categories.AddAsync(top.Id, childName, cancellationToken);
                    foreach (var leaf in leaves)
                    {
                        await categories.AddAsync(child.Id, leaf, cancellationToken);
                    }
                }
            }
        }

        var streets = new StreetStore(connections);
        if ((await streets.ListAsync(cancellationToken)).Count == 0)
        {
            foreach (var street in Streets)
            {
                await streets.SaveAsync(street, cancellationToken);
            }
        }

        var keys = new ApiKeyStore(connections, time);
        await keys.EnsureDemoKeyAsync(BackOfficeApiKey, "演示后台接口", Roles.BackOffice, null, cancellationToken);
        await keys.EnsureDemoKeyAsync(DepartmentApiKey, "演示承办单位接口", Roles.Department, DemoDepartmentId, cancellationToken);
        await keys.EnsureDemoKeyAsync(OfficialApiKey, "演示信访局接口", Roles.Official, null, cancellationToken);

        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM tickets", cancellationToken: cancellationToken)) > 0)
            {
                return;
            }
        }

        if (ticketCount > 0)
        {
            var generator = new DemoTicketGenerator(await tickets.WorkflowAsync(cancellationToken), await categories.ListAsync(cancellationToken), seed: 12345);
            var now = time.GetUtcNow();
            var (generated, history) = generator.Generate(ticketCount, now - TimeSpan.FromDays(30), now);
            await tickets.BulkLoadAsync(generated, history, cancellationToken);
        }
    }
}

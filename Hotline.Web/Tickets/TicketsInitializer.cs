using Dapper;
using Hotline.Core.Data;
using Hotline.Core.Tickets;
using Hotline.Core.Tickets.Storage;
using Hotline.Web.Configuration;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Tickets;

/// <summary>At start, with demo data: the departments, categories, tickets and API keys (the shipped calendar comes with the migrations).</summary>
public sealed class TicketsInitializer(
    ConnectionFactory connections,
    TicketService tickets,
    TimeProvider time,
    IOptions<DemoOptions> demo,
    IConfiguration configuration,
    ILogger<TicketsInitializer> logger) : IHostedService
{
    /// <summary>How many demo tickets to create (tests ask for fewer).</summary>
    public const string DemoTicketCountKey = "Hotline:Demo:TicketCount";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (connections.Dialect.Provider == DatabaseProvider.PostgreSql)
        {
            // Under a C LC_CTYPE pg_trgm sees no Chinese characters: the content search still works, reading every row.
            await using var connection = await connections.OpenAsync(cancellationToken);
            var trigrams = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT cardinality(public.show_trgm('噪音扰民'))", cancellationToken: cancellationToken));
            if (trigrams == 0)
            {
                logger.LogWarning("PostgreSQL's LC_CTYPE is not a UTF-8 locale: pg_trgm indexes no Chinese text and content searches read every ticket. Create the database with a UTF-8 locale (README, PostgreSQL).");
            }
        }

        if (demo.Value.Enabled)
        {
            var count = configuration.GetValue(DemoTicketCountKey, 200);
            await DemoTicketData.SeedAsync(connections, tickets, time, count, cancellationToken);
            logger.LogInformation("Demo tickets, departments and API keys present");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

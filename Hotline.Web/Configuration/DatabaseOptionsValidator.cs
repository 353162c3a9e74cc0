using Hotline.Core.Data;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Configuration;

/// <summary>Checks <c>Hotline:Database</c> and <c>ConnectionStrings:Hotline</c> at start.</summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    private static readonly string[] Providers = ["Sqlite", "PostgreSql", "SqlServer"];

    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var failures = new List<string>();
        if (!Providers.Contains(options.Provider, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"Hotline:Database:Provider must be Sqlite, PostgreSql or SqlServer (was '{options.Provider}')");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("ConnectionStrings:Hotline must not be empty");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

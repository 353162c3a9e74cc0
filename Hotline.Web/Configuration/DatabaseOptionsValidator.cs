using Hotline.Core.Data;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Configuration;

/// <summary>Checks <c>Hotline:Database</c> and <c>ConnectionStrings:Hotline</c> at start.</summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var failures = options.Validate();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

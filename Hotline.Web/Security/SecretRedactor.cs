using Serilog.Core;
using Serilog.Events;
using System.Text.RegularExpressions;

namespace Hotline.Web.Security;

/// <summary>
/// Keeps secrets out of the log: every configured secret (AMI secrets, ARI and other passwords, wallboard device tokens,
/// the initial admin password, passwords inside connection strings) and every <c>token=</c> / <c>access_token=</c> query
/// value is replaced by *** in the properties of each log event, which is what the sinks render.
/// </summary>
public sealed partial class SecretRedactor(IConfiguration configuration) : ILogEventEnricher
{
    private const string Mask = "***";
    private string[]? _secrets;

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var secrets = _secrets ??= SecretsIn(configuration);
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (Redact(value, secrets) is { } redacted)
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, redacted));
            }
        }
    }

    /// <summary>The configured values that are secrets (at least 4 characters, so that nothing common gets masked).</summary>
    public static string[] SecretsIn(IConfiguration configuration)
    {
        var secrets = new List<string>();
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (string.IsNullOrEmpty(value) || value.Length < 4)
            {
                continue;
            }

            var last = key[(key.LastIndexOf(':') + 1)..];
            if (last.Equals("Secret", StringComparison.OrdinalIgnoreCase) || last.EndsWith("Password", StringComparison.OrdinalIgnoreCase)
                || last.Equals("Token", StringComparison.OrdinalIgnoreCase) || key.Contains(":DeviceTokens:", StringComparison.OrdinalIgnoreCase))
            {
                secrets.Add(value);
            }
            else if (key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase))
            {
                secrets.AddRange(ConnectionPassword().Matches(value).Select(m => m.Groups[2].Value).Where(v => v.Length >= 4));
            }
        }

        return [.. secrets.Distinct().OrderByDescending(s => s.Length)];
    }

    /// <summary>The text with secrets masked.</summary>
    public static string RedactText(string text, IReadOnlyList<string> secrets)
    {
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return TokenQuery().Replace(text, "$1=" + Mask);
    }

    private static LogEventPropertyValue? Redact(LogEventPropertyValue value, IReadOnlyList<string> secrets)
    {
        switch (value)
        {
            case ScalarValue { Value: string text }:
                var redacted = RedactText(text, secrets);
                return redacted == text ? null : new ScalarValue(redacted);
            case ScalarValue { Value: { } other } when other is not (ValueType):
                var asText = other.ToString() ?? "";
                var masked = RedactText(asText, secrets);
                return masked == asText ? null : new ScalarValue(masked);
            case SequenceValue sequence:
                var items = sequence.Elements.Select(e => Redact(e, secrets)).ToList();
                return items.All(i => i is null) ? null : new SequenceValue(sequence.Elements.Select((e, i) => items[i] ?? e));
            case StructureValue structure:
                var props = structure.Properties.Select(p => Redact(p.Value, secrets)).ToList();
                return props.All(p => p is null) ? null
                    : new StructureValue(structure.Properties.Select((p, i) => new LogEventProperty(p.Name, props[i] ?? p.Value)), structure.TypeTag);
            default:
                return null;
        }
    }

    [GeneratedRegex("((?:access_)?token)=[^&\\s\"']*", RegexOptions.IgnoreCase)]
    private static partial Regex TokenQuery();

    [GeneratedRegex("(password|pwd)\\s*=\\s*([^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionPassword();
}

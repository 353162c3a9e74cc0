namespace Hotline.Core.Data;

/// <summary>
/// One schema step: SQL written once for every provider, with the type placeholders of
/// <see cref="SqlDialect.ExpandTypes"/>. Statements are separated by <c>;</c> at the end of a line.
/// </summary>
public sealed record Migration(int Version, string Description, string Sql);

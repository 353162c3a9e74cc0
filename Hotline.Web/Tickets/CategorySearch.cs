using Hotline.Core.Departments;

namespace Hotline.Web.Tickets;

/// <summary>Finds categories by any part of their path (城乡建设/物业管理/…), leaves first: agents pick leaves.</summary>
public static class CategorySearch
{
    public static IEnumerable<Category> Find(IReadOnlyList<Category> categories, string? text, int max = 50)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var terms = (text ?? "").Split([' ', '/', '　'], StringSplitOptions.RemoveEmptyEntries);
        var parents = categories.Where(c => c.ParentId is not null).Select(c => c.ParentId!.Value).ToHashSet();
        return categories
            .Where(c => terms.All(t => c.Path.Contains(t, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => parents.Contains(c.Id) ? 1 : 0)
            .ThenBy(c => c.Path, StringComparer.Ordinal)
            .Take(max)
            .ToList();
    }
}

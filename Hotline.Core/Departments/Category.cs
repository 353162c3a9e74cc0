namespace Hotline.Core.Departments;

/// <summary>A node of the request category tree (诉求分类).</summary>
/// <param name="Id">Stable id (tickets keep it).</param>
/// <param name="ParentId">Null for a top-level node.</param>
/// <param name="Name">This node's name, e.g. 物业服务收费.</param>
/// <param name="Path">Names from the root joined by '/', e.g. 城乡建设/物业管理/物业服务收费 (what tickets store as CategoryPath).</param>
public sealed record Category(long Id, long? ParentId, string Name, string Path)
{
    /// <summary>How deep the node is: 1 for a top-level node.</summary>
    public int Depth => Path.Count(c => c == '/') + 1;
}

using GovSite.Publishing;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace GovSite.Admin;

/// <summary>A site's columns flattened depth-first, each with its depth, for indented lists and selects.</summary>
public static class ColumnTree
{
    public sealed record Node(Column Column, int Depth);

    public static List<Node> Flatten(IEnumerable<Column> columns)
    {
        var all = columns.ToList();
        var ids = all.Select(c => c.Id).ToHashSet();
        var children = all.ToLookup(c => c.ParentId is int p && ids.Contains(p) ? p : (int?)null);
        var result = new List<Node>();
        void Walk(int? parent, int depth)
        {
            foreach (var c in children[parent].OrderBy(c => c.SortOrder).ThenBy(c => c.Id))
            {
                result.Add(new Node(c, depth));
                Walk(c.Id, depth + 1);
            }
        }
        Walk(null, 0);
        return result;
    }

    /// <summary>Options with the depth shown as leading marks, since a select cannot indent.</summary>
    public static List<SelectListItem> Options(IEnumerable<Node> nodes, Func<Column, bool>? include = null) =>
        [.. nodes.Where(n => include?.Invoke(n.Column) ?? true)
            .Select(n => new SelectListItem(string.Concat(Enumerable.Repeat("— ", n.Depth)) + n.Column.Name,
                n.Column.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
}

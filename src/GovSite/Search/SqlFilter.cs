using System.Data.Common;

namespace GovSite.Search;

/// <summary>The filter part of a backend's SQL, the same on both databases; values always travel as parameters.</summary>
internal static class SqlFilter
{
    /// <summary>
    /// For a filter that <see cref="SearchFilter.OnlyExcludes"/>: the condition on SearchDocuments
    /// <c>d</c> that the left-out documents meet (not yet published, or on a hidden site).
    /// </summary>
    public static string Excluded(SearchFilter filter, List<DbParameter> parameters, Func<string, object, DbParameter> parameter)
    {
        var now = $"@f{parameters.Count}";
        parameters.Add(parameter(now, filter.NowUtc));
        var sql = $"d.\"PublishedAt\" > {now}";
        if (filter.HiddenSites.Count > 0)
        {
            var names = new List<string>();
            foreach (var hidden in filter.HiddenSites)
            {
                var name = $"@f{parameters.Count}";
                parameters.Add(parameter(name, hidden));
                names.Add(name);
            }
            sql += $" OR d.\"SiteId\" IN ({string.Join(", ", names)})";
        }
        return sql;
    }

    public static string Where(SearchFilter filter, List<DbParameter> parameters, Func<string, object, DbParameter> parameter)
    {
        var sql = new List<string>();
        void Add(string clause, object value)
        {
            var name = $"@f{parameters.Count}";
            parameters.Add(parameter(name, value));
            sql.Add(clause.Replace("@", name, StringComparison.Ordinal));
        }
        Add("d.\"PublishedAt\" <= @", filter.NowUtc);
        if (filter.SiteId is int site)
        {
            Add("d.\"SiteId\" = @", site);
        }
        if (filter.HiddenSites.Count > 0)
        {
            sql.Add($"d.\"SiteId\" NOT IN ({List(filter.HiddenSites)})");
        }
        if (filter.Sites.Count > 0)
        {
            sql.Add($"d.\"SiteId\" IN ({List(filter.Sites)})");
        }
        if (filter.ColumnType is { } type)
        {
            Add("d.\"ColumnType\" = @", type.ToString());
        }
        if (filter.SubjectCategory is { Length: > 0 } subject)
        {
            Add("d.\"SubjectCategory\" = @", subject);
        }
        if (filter.Year is int year)
        {
            Add("d.\"Year\" = @", year);
        }
        if (filter.Issuer is { Length: > 0 } issuer)
        {
            Add("d.\"Issuer\" = @", issuer);
        }
        if (filter.Validity is { } validity)
        {
            Add("d.\"Validity\" = @", validity.ToString());
        }
        return string.Join(" AND ", sql);

        string List(IReadOnlyCollection<int> ids)
        {
            var names = new List<string>();
            foreach (var id in ids)
            {
                var name = $"@f{parameters.Count}";
                parameters.Add(parameter(name, id));
                names.Add(name);
            }
            return string.Join(", ", names);
        }
    }
}

using GovSite.Common;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Admin;

/// <summary>
/// How editors find their work in the item and article lists: a keyword (title, summary,
/// keywords), 文号, 索引号, status, column, author (the 作者 field or the staff member who wrote
/// it) and a date range. Bound from the query string, so a filtered list is a link.
/// </summary>
public sealed class ContentFilter
{
    [FromQuery(Name = "q")]
    public string? Keyword { get; set; }

    [FromQuery(Name = "doc")]
    public string? DocNumber { get; set; }

    [FromQuery(Name = "index")]
    public string? IndexNumber { get; set; }

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "column")]
    public int? Column { get; set; }

    [FromQuery(Name = "author")]
    public string? Author { get; set; }

    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    public string? Q => TypedText.Line(Keyword);
    public string? Doc => TypedText.Line(DocNumber);
    public string? Index => TypedText.Line(IndexNumber);
    public string? Who => TypedText.Line(Author);

    /// <summary>The start of <see cref="From"/> and the end of <see cref="To"/> in China time, as UTC.</summary>
    public DateTime? FromUtc => From is DateOnly d ? GovSite.Common.ChinaTime.ToUtc(d.ToDateTime(TimeOnly.MinValue)) : null;
    public DateTime? ToUtc => To is DateOnly d ? Deadline.EndOfDay(d) : null;

    public bool Any => Q is not null || Doc is not null || Index is not null || Status is { Length: > 0 } || Column is not null || Who is not null
        || From is not null || To is not null;
}

/// <summary>What the filter bar partial shows: the filter and the choices of its two drop-downs.</summary>
public sealed record ContentFilterView(ContentFilter Filter, List<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Columns,
    List<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Statuses, bool ShowIndex);

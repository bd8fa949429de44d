using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovSite.Monitoring;

// The report of `govsite check` and of the scheduled monitor. Field names are a published
// contract (issue: Monitoring): keep them exactly; adding fields is fine.

public sealed record CheckReport(
    [property: JsonPropertyName("asOf")] string AsOf,
    [property: JsonPropertyName("sites")] List<SiteReport> Sites)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

public sealed record SiteReport
{
    public string Url { get; init; } = "";
    public string? Name { get; init; }
    public string? IdentifierCode { get; init; }

    /// <summary>"pass", "fail", or "error" when the check itself could not be completed (the reason is the first finding, check_error).</summary>
    public string Verdict { get; init; } = "pass";
    public double? Score { get; init; }
    public List<Veto> Vetoes { get; init; } = [];
    public List<Finding> Findings { get; init; } = [];
    public List<ColumnReport> Columns { get; init; } = [];
    public List<BrokenLink> BrokenLinks { get; init; } = [];

    /// <summary>An extra field: "portal" or "department" (from the name unless the caller knows), which the score depends on.</summary>
    public string? Kind { get; init; }

    /// <summary>An extra field: the bonus items a portal's homepage offers (counted only above 80).</summary>
    public List<string> Bonus { get; init; } = [];

    /// <summary>An extra field: how much the check fetched, for the bench and the progress display.</summary>
    public CheckStats? Stats { get; init; }
}

/// <param name="PagesFetched">Pages of the site fetched and parsed.</param>
/// <param name="LinksChecked">Distinct URLs requested: the site's pages, its assets and off-site links.</param>
public sealed record CheckStats(int PagesFetched, int LinksChecked, double Seconds);

/// <param name="Code">site_unreachable, homepage_stale, columns_stale, columns_empty, serious_error, interaction_unresponsive, service_guide_incomplete</param>
public sealed record Veto(string Code, string Detail, List<string> Evidence)
{
    /// <summary>
    /// An extra field: which part of the veto item applies when it has several (item 5:
    /// no_channel or unanswered_message; item 6: no_services or incomplete_guides).
    /// </summary>
    public string? Reason { get; init; }
}

public static class VetoReasons
{
    public const string NoChannel = "no_channel";
    public const string UnansweredMessage = "unanswered_message";
    public const string NoServices = "no_services";
    public const string IncompleteGuides = "incomplete_guides";
}

/// <param name="Code">broken_link, missing_footer_item, invalid_identifier_code, missing_meta_tag, slow_page, …</param>
/// <param name="Severity">veto, deduction or notice</param>
/// <param name="Detail">For missing_footer_item: identifier_code, icp, police_record, error_report_entry, host_unit or contact.</param>
public sealed record Finding(string Code, string Severity, string? Url, string Detail);

/// <param name="Type">news, notice, policy, interpretation, personnel, planning, overview, service, interaction, disclosure, topic, other</param>
/// <param name="Latest">YYYY-MM-DD or null</param>
public sealed record ColumnReport(string Name, string Url, string Type, string? Latest, int Items, bool Stale, bool Empty);

public sealed record BrokenLink(string Url, string FoundOn, int? Status, string? Error);

public static class VetoCodes
{
    public const string SiteUnreachable = "site_unreachable";
    public const string HomepageStale = "homepage_stale";
    public const string ColumnsStale = "columns_stale";
    public const string ColumnsEmpty = "columns_empty";
    public const string SeriousError = "serious_error";
    public const string InteractionUnresponsive = "interaction_unresponsive";
    public const string ServiceGuideIncomplete = "service_guide_incomplete";
}

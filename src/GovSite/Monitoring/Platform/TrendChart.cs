namespace GovSite.Monitoring.Platform;

/// <summary>
/// A chart drawn by ECharts, always with the same numbers in a table beside it: the table is
/// what screen readers and people without JavaScript read.
/// </summary>
public sealed record TrendChart(string Id, string Caption, string[] Categories, IReadOnlyList<TrendSeries> Series);

/// <param name="Kind">"bar" (stacked) or "line".</param>
public sealed record TrendSeries(string Name, string Kind, IReadOnlyList<double?> Values, string Color);

using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Visits;

/// <summary>One line of an nginx or CDN access log in the combined format.</summary>
public sealed record AccessLogEntry(string Address, DateTimeOffset Time, string Method, string Path, int Status, string Referrer, string UserAgent);

public sealed record AccessLogReport(int Lines, int Counted, int Malformed, int Skipped);

/// <summary>
/// Reads the access logs of a site served from a static export (no counting endpoint behind it)
/// into the same daily aggregates. Unique visitors are counted inside the import with a salt made
/// for it and thrown away after, so nothing of an address outlives the run. A line that is not
/// the combined format is counted and skipped; one that is a bot, not a GET, not a success or not
/// a page (a stylesheet, an image) is skipped.
/// </summary>
public static partial class AccessLogImport
{
    // $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"
    [GeneratedRegex("""^(\S+) \S+ \S+ \[([^\]]+)\] "((?:[^"\\]|\\.)*)" (\d{3}) (?:\d+|-) "((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)"(?: .*)?$""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Combined();

    public static AccessLogEntry? Parse(string line)
    {
        if (line.Length is 0 or > 16384)
        {
            return null;
        }
        Match match;
        try
        {
            match = Combined().Match(line);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
        if (!match.Success
            || !DateTimeOffset.TryParseExact(match.Groups[2].Value, "dd/MMM/yyyy:HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return null;
        }
        var request = match.Groups[3].Value.Split(' ');
        if (request.Length < 2 || request[0].Length == 0)
        {
            return null;
        }
        var target = request[1];
        // An absolute-form request target (a proxy's log) keeps only its path.
        if (Uri.TryCreate(target, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            target = absolute.PathAndQuery;
        }
        return new AccessLogEntry(match.Groups[1].Value, time, request[0], target,
            int.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture), Unescape(match.Groups[5].Value), Unescape(match.Groups[6].Value));
    }

    private static string Unescape(string value) => value.Contains('\\', StringComparison.Ordinal) ? value.Replace("\\\"", "\"", StringComparison.Ordinal) : value;

    /// <summary>A page a person reads: not an asset, a feed or the counting endpoint.</summary>
    public static bool IsPage(string path)
    {
        if (path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/lib/", StringComparison.Ordinal)
            || path.StartsWith("/files/", StringComparison.Ordinal))
        {
            return false;
        }
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot < 0 || name[dot..].ToLowerInvariant() is ".html" or ".htm" or ".shtml";
    }

    /// <summary>The address a page is counted under: "/articles/12/index.html" and "/articles/12" are one page.</summary>
    public static string Canonical(string path)
    {
        if (path.EndsWith("/index.html", StringComparison.Ordinal))
        {
            path = path[..^"index.html".Length];
        }
        if (path.Length > 1 && path.EndsWith('/'))
        {
            path = path[..^1];
        }
        if (path.EndsWith(".html", StringComparison.Ordinal) && (path.StartsWith("/articles/", StringComparison.Ordinal) || path.StartsWith("/columns/", StringComparison.Ordinal)))
        {
            path = path[..^".html".Length];
        }
        return path;
    }

    [GeneratedRegex(@"^/(articles|columns)/(\d{1,9})(?:/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Addressed();

    public static async Task<AccessLogReport> ImportAsync(GovSiteDb db, int siteId, string[] ownHosts, TextReader reader,
        Action<long>? progress, CancellationToken ct)
    {
        var salt = RandomNumberGenerator.GetBytes(32);
        var seen = new HashSet<(DateOnly, long)>();
        var tally = new VisitTally();
        var perVisitor = new Dictionary<(DateOnly, long), int>();
        int lines = 0, counted = 0, malformed = 0, skipped = 0;
        long bytes = 0;
        var articleColumns = await db.Articles.IgnoreQueryFilters().AsNoTracking().Where(a => a.SiteId == siteId)
            .Select(a => new { a.Id, a.ColumnId }).ToDictionaryAsync(a => a.Id, a => a.ColumnId, ct);
        var columns = (await db.Columns.IgnoreQueryFilters().AsNoTracking().Where(c => c.SiteId == siteId).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            lines++;
            bytes += line.Length + 1;
            if (lines % 10000 == 0)
            {
                progress?.Invoke(bytes);
            }
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            if (Parse(line) is not { } entry)
            {
                malformed++;
                continue;
            }
            var path = VisitorText.PagePath(entry.Path, VisitCounter.MaxPathLength);
            if (entry.Method != "GET" || entry.Status is not (200 or 304) || path is null || !IsPage(path) || VisitorText.IsBot(entry.UserAgent))
            {
                skipped++;
                continue;
            }
            path = Canonical(path);
            var day = DateOnly.FromDateTime(ChinaTime.ToLocal(entry.Time.UtcDateTime));
            var visitor = VisitCounter.Key(salt, $"{day.DayNumber}\n{entry.Address}\n{entry.UserAgent}");
            var views = perVisitor[(day, visitor)] = perVisitor.GetValueOrDefault((day, visitor)) + 1;
            if (views > VisitorsPerDayLimit)
            {
                skipped++;
                continue;
            }
            int? columnId = null;
            if (Addressed().Match(path) is { Success: true } m && int.TryParse(m.Groups[2].Value, CultureInfo.InvariantCulture, out var id))
            {
                columnId = m.Groups[1].Value == "articles" ? articleColumns.TryGetValue(id, out var c) ? c : null : columns.Contains(id) ? id : null;
            }
            var page = VisitCounter.Key(salt, $"{visitor.ToString(CultureInfo.InvariantCulture)}\n{path}");
            tally.Add(siteId, day, path, columnId,
                VisitorText.Referrer(entry.Referrer, host => ownHosts.Contains(host, StringComparer.OrdinalIgnoreCase)),
                VisitorText.Device(entry.UserAgent), seen.Add((day, visitor)), seen.Add((day, page)));
            counted++;
        }
        progress?.Invoke(bytes);
        await VisitStore.AddAsync(db, tally, ct);
        return new AccessLogReport(lines, counted, malformed, skipped);
    }

    /// <summary>The same behaviour rule as the counting endpoint (<see cref="VisitOptions.MaxViewsPerVisitorPerDay"/>'s default).</summary>
    private const int VisitorsPerDayLimit = 300;
}

using System.Text.RegularExpressions;

namespace GovSite.Visits;

/// <summary>What a request's user agent and referrer say about a visit: a bot or not, the device, the referring host.</summary>
public static partial class VisitorText
{
    /// <summary>
    /// Crawlers, monitors and scripts say so in their user agent; a browser never sends an empty one.
    /// GovSite's own checker and the national monitoring crawlers name themselves too.
    /// </summary>
    public static bool IsBot(string? userAgent) =>
        string.IsNullOrWhiteSpace(userAgent) || userAgent.Length < 10 || BotPattern().IsMatch(userAgent);

    public static string Device(string? userAgent)
    {
        if (string.IsNullOrEmpty(userAgent))
        {
            return "其他";
        }
        if (userAgent.Contains("iPad", StringComparison.Ordinal) || userAgent.Contains("Tablet", StringComparison.OrdinalIgnoreCase))
        {
            return "平板";
        }
        return userAgent.Contains("Mobi", StringComparison.Ordinal) || userAgent.Contains("Android", StringComparison.Ordinal)
            || userAgent.Contains("iPhone", StringComparison.Ordinal) || userAgent.Contains("MicroMessenger", StringComparison.Ordinal)
            ? "手机" : "电脑";
    }

    public const string Direct = "直接访问";
    public const string Internal = "站内";

    /// <summary>The referring host, lower-cased; <see cref="Internal"/> when it is one of the site's own hosts.</summary>
    public static string Referrer(string? referrer, Func<string, bool> isOwnHost)
    {
        if (string.IsNullOrWhiteSpace(referrer) || referrer == "-"
            || !Uri.TryCreate(referrer.Trim(), UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return Direct;
        }
        var host = uri.IdnHost.ToLowerInvariant();
        if (isOwnHost(host))
        {
            return Internal;
        }
        return host.Length > 200 ? host[..200] : host;
    }

    /// <summary>A page's path as counted: absolute, without query or fragment, at most <paramref name="max"/> characters.</summary>
    public static string? PagePath(string? path, int max)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/' || path.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }
        var end = path.IndexOfAny(['?', '#']);
        if (end >= 0)
        {
            path = path[..end];
        }
        if (path.Any(char.IsControl))
        {
            return null;
        }
        return path.Length > max ? path[..max] : path;
    }

    [GeneratedRegex(@"bot|spider|crawl|slurp|curl|wget|python|java/|httpclient|okhttp|go-http|headless|phantom|monitor|checker|scan|govsite|lighthouse|pingdom|uptime|feed|fetch|preview", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BotPattern();
}

using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace GovSite.Tests.Monitoring.Farm2;

/// <summary>
/// The farm checked against its own model, without the checker: every link and asset on every
/// page is resolved against what the farm serves, so the expected broken links are exactly the
/// links that fail, and every page decodes in its charset.
/// </summary>
public static partial class FarmAudit
{
    private static readonly Encoding Gbk = CodePagesEncodingProvider.Instance.GetEncoding(936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

    [GeneratedRegex("(?:href|src)\\s*=\\s*\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Links();

    /// <summary>The links of a site that do not work, as absolute URLs.</summary>
    public static HashSet<string> BrokenLinks(Farm2Server farm, SiteModel site)
    {
        var resources = farm.ResourcesOf(site);
        var origin = farm.OriginOf(site);
        var broken = new HashSet<string>();
        foreach (var (key, page) in resources.Where(r => r.Key.StartsWith(site.Base, StringComparison.Ordinal) && r.Value.ContentType.StartsWith("text/html", StringComparison.Ordinal) && r.Value.Status == 200))
        {
            var html = site.Charset == Charset.Utf8 ? new UTF8Encoding(false, true).GetString(page.Body) : Gbk.GetString(page.Body);
            var pageUrl = new Uri(origin + key);
            foreach (Match match in Links().Matches(html))
            {
                var href = WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
                if (href.Length == 0 || href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
                    || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                var target = new Uri(pageUrl, href);
                if (!Works(farm, resources, origin, target))
                {
                    broken.Add(target.GetLeftPart(UriPartial.Query));
                }
            }
        }
        return broken;
    }

    private static bool Works(Farm2Server farm, IReadOnlyDictionary<string, Resource> resources, string origin, Uri target)
    {
        var targetOrigin = target.GetLeftPart(UriPartial.Authority);
        if (targetOrigin == origin)
        {
            var key = Uri.UnescapeDataString(target.AbsolutePath) + target.Query;
            return resources.TryGetValue(key, out var resource) ? resource.Status < 400 : resources.ContainsKey(key + "/");
        }
        foreach (var server in Enum.GetValues<External>())
        {
            if (farm.OriginOf(server) == targetOrigin)
            {
                return server != External.Dead && Farm2Server.ExternalStatus(server, target.AbsolutePath, head: false) < 400;
            }
        }
        throw new InvalidOperationException($"a link to an unknown host: {target}");
    }
}

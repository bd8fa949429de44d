using System.Text.RegularExpressions;
using GovSite.Sites;

namespace GovSite.Monitoring;

public sealed partial class SiteChecker
{
    /// <summary>The homepage as the checker read it: unreachable (a finished report), or its page and what it shows.</summary>
    private sealed record Homepage(SiteReport? Unreachable, PageReader? Page, List<Finding> Findings, string? Name, string? IdentifierCode,
        List<(DateOnly Date, string Text)> Dates);

    private sealed partial class Run
    {
        /// <summary>Phase 1: availability probes, the homepage (through forwarding pages), its footer and meta tags.</summary>
        private async Task<Homepage> ReadHomepageAsync(CancellationToken ct)
        {
            progress?.Report($"{start}：可用性探测");
            var probes = new List<ProbeResult>();
            for (var i = 0; i < Math.Max(1, options.AvailabilityProbes); i++)
            {
                probes.Add(await Availability.ProbeAsync(fetcher.Http, start, owner._clock, ct));
            }
            var findings = new List<Finding>();
            var failedProbes = probes.Count(p => !p.Ok);
            _seen.TryAdd(start.AbsoluteUri, 0);
            Reading = start.AbsoluteUri;
            var home = failedProbes == probes.Count ? null : await fetcher.GetAsync(start, keepHtml: true, ct);
            Interlocked.Increment(ref _pages);
            var page = home is { Ok: true, Html: not null } ? Read(home) : null;
            // A homepage that only forwards (meta refresh, a script setting the location, a frameset).
            for (var hop = 0; page is not null && hop < 3 && page.Forward() is { } next && next.AbsoluteUri != page.Url.AbsoluteUri; hop++)
            {
                _seen.TryAdd(next.AbsoluteUri, 0);
                var forwarded = await fetcher.GetAsync(next, keepHtml: true, ct);
                Interlocked.Increment(ref _pages);
                if (forwarded is not { Ok: true, Html: not null } || Read(forwarded) is not { } target)
                {
                    break;
                }
                (home, page) = (forwarded, target);
            }
            if (home is not { Ok: true, Html: not null } || page is null)
            {
                var why = probes.FirstOrDefault(p => !p.Ok)?.Error ?? home?.Error ?? $"HTTP {home?.Status}";
                return new Homepage(new SiteReport
                {
                    Url = start.AbsoluteUri,
                    Verdict = "fail",
                    Vetoes = [new Veto(VetoCodes.SiteUnreachable, $"首页 {probes.Count} 次探测均未能在15秒内打开：{why}", [start.AbsoluteUri])],
                }, null, findings, null, null, []);
            }
            if (failedProbes > 0)
            {
                findings.Add(new Finding("availability_probe_failed", "deduction", start.AbsoluteUri,
                    $"首页 {probes.Count} 次探测中 {failedProbes} 次失败：{probes.First(p => !p.Ok).Error}"));
            }
            // Redirects (http → https, / → /index.html, another host name) move the site's root.
            _root = home.FinalUrl;
            var finalFolder = home.FinalUrl.AbsolutePath[..(home.FinalUrl.AbsolutePath.LastIndexOf('/') + 1)];
            if (!finalFolder.StartsWith(_scopePrefix, StringComparison.Ordinal))
            {
                _scopePrefix = finalFolder;
            }
            _seen.TryAdd(home.FinalUrl.AbsoluteUri, 0);
            _fetched.TryAdd(home.FinalUrl.AbsoluteUri, 0);

            _queue = System.Threading.Channels.Channel.CreateUnbounded<Job>(new System.Threading.Channels.UnboundedChannelOptions { SingleReader = false });
            var name = NonEmpty(page.Meta("SiteName")) ?? SiteNameFromTitle(page.Title);
            var identifierCode = CheckFooter(page, findings);
            CheckMeta(page, ["SiteName", "SiteDomain", "SiteIDCode"], "首页");
            _boilerplate = [.. page.TextNodes(withChrome: true).Select(PageReader.Clean).Where(t => t.Length > 0)];
            var dates = HomepageDates(page);
            Harvest(page, home);
            return new Homepage(null, page, findings, name, identifierCode ?? NonEmpty(page.Meta("SiteIDCode")), dates);
        }

        /// <summary>
        /// Dates the homepage shows, each with the text it stands in, so that the verdict can leave
        /// out a date every page repeats (a header's 今天是… or a copyright line).
        /// </summary>
        private List<(DateOnly, string)> HomepageDates(PageReader page)
        {
            // Dates of the homepage's list entries are news by construction; a date standing alone
            // in the text is news unless other pages repeat that text.
            var dates = page.ListItems(_asOf).Where(i => i.Date is not null).Select(i => (i.Date!.Value, "")).ToList();
            foreach (var text in page.TextNodes(withChrome: false))
            {
                if (TodayLine().IsMatch(text))
                {
                    continue;
                }
                foreach (var d in DateFinder.InText(text, _asOf))
                {
                    dates.Add((d, PageReader.Clean(text)));
                }
            }
            foreach (var d in page.MarkupDates())
            {
                dates.Add((d, ""));
            }
            return [.. dates.Where(d => d.Item1 <= _asOf.AddDays(1) && !TodayLine().IsMatch(d.Item2))];
        }

        private void CheckMeta(PageReader page, string[] tags, string kind) => CheckMeta(page.HasMeta, page.Url, tags, kind);

        private void CheckMeta(Func<string, bool> hasMeta, Uri url, string[] tags, string kind)
        {
            foreach (var tag in tags)
            {
                if (!hasMeta(tag))
                {
                    _missingMeta.AddOrUpdate($"{kind} {tag}", _ => (1, url.AbsoluteUri), (_, v) => (v.Count + 1, v.Example));
                }
            }
        }

        /// <summary>Footer items and the identifier code; returns the code when one is shown.</summary>
        private string? CheckFooter(PageReader home, List<Finding> findings)
        {
            var (text, links) = home.Footer();
            var flat = PageReader.Clean(text);
            string? code = null;
            if (IdentifierCode().Match(flat) is { Success: true } m)
            {
                code = m.Groups[1].Value;
                if (SiteCode.Check(code).Warning is { } warning)
                {
                    findings.Add(new Finding("invalid_identifier_code", "deduction", start.AbsoluteUri, $"{code}：{warning}"));
                }
            }
            else
            {
                Missing("identifier_code");
            }
            if (!Icp().IsMatch(flat))
            {
                Missing("icp");
            }
            if (!Police().IsMatch(flat))
            {
                Missing("police_record");
            }
            // The entry is a link to the national 找错 page, or the official script (jiucuo.js with
            // the site's code), which draws the entry without any text in the HTML.
            if (!links.Any(a => a.TextContent.Contains("找错", StringComparison.Ordinal) || (a.GetAttribute("href") ?? "").Contains("jiucuo", StringComparison.OrdinalIgnoreCase)
                    || (a.QuerySelector("img")?.GetAttribute("src") ?? "").Contains("jiucuo", StringComparison.OrdinalIgnoreCase))
                && !home.ScriptSources().Any(s => s.Contains("jiucuo", StringComparison.OrdinalIgnoreCase)))
            {
                Missing("error_report_entry");
            }
            if (!HostUnit().IsMatch(flat))
            {
                Missing("host_unit");
            }
            if (!Contact().IsMatch(flat))
            {
                Missing("contact");
            }
            return code;

            void Missing(string item) => findings.Add(new Finding("missing_footer_item", "deduction", start.AbsoluteUri, item));
        }

        private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

        private static string? SiteNameFromTitle(string title) =>
            NonEmpty(title.Split(['-', '_', '|', '—', '–'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault());

        [GeneratedRegex(@"网站标识码[：:]?([A-Za-z0-9]+)")]
        private static partial Regex IdentifierCode();

        [GeneratedRegex(@"ICP(备|证)\d+号", RegexOptions.IgnoreCase)]
        private static partial Regex Icp();

        [GeneratedRegex(@"公网安备\d+号|公安机关备案号[：:]?\d+")]
        private static partial Regex Police();

        [GeneratedRegex(@"主办单位|主办[：:]")]
        private static partial Regex HostUnit();

        [GeneratedRegex(@"(联系方式|联系电话|电话|邮箱|联系我们)[：:]?\s*[0-9０-９(（]|@|联系我们")]
        private static partial Regex Contact();

        [GeneratedRegex(@"今天是|今日|星期[一二三四五六日天]|农历|天气|©|copyright|版权所有", RegexOptions.IgnoreCase)]
        private static partial Regex TodayLine();
    }
}

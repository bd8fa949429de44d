using System.Globalization;
using GovSite.Rules;

namespace GovSite.Monitoring;

public sealed partial class SiteChecker
{
    private sealed partial class Run
    {
        /// <summary>Phase 4: the veto items, the deductions and the score, from what the phases before found.</summary>
        private SiteReport Verdict(Homepage home, List<ColumnReport> columnReports)
        {
            var findings = home.Findings;
            var vetoes = new List<Veto>();
            var homePage = home.Page!;
            var kind = options.Kind ?? Scoring.KindFromName(home.Name);
            var homeLinks = homePage.NamedLinks();
            var offered = homePage.NamedLinks(outsideHeader: true);

            VetoStaleHomepage(home, columnReports, vetoes);
            var (stale, empty) = VetoStaleOrEmptyColumns(columnReports, vetoes);
            VetoSeriousErrors(vetoes, findings);
            VetoUnresponsiveInteraction(columnReports, offered, vetoes, findings);
            var hasServices = VetoMissingServices(columnReports, offered, kind, vetoes, findings);
            Deductions(stale, empty, vetoes, findings);
            var broken = _broken.Values.OrderBy(b => b.Url, StringComparer.Ordinal).ToList();
            findings.AddRange(broken.Take(MaxListed).Select(b => new Finding("broken_link", "deduction", b.Url,
                $"{(b.Status is { } s ? $"HTTP {s}" : b.Error)}（所在页面 {b.FoundOn}）")));

            var bonus = kind == SiteKind.Portal ? Scoring.BonusItemsIn(homeLinks.Select(l => l.Name)) : [];
            var score = vetoes.Count > 0 ? (double?)null : Scoring.Score(findings, broken.Count, _slowCount, kind, hasServices, bonus);
            return new SiteReport
            {
                Url = start.AbsoluteUri,
                Name = home.Name,
                IdentifierCode = home.IdentifierCode,
                Verdict = vetoes.Count > 0 || score < Scoring.PassMark ? "fail" : "pass",
                Score = score,
                Kind = kind == SiteKind.Portal ? "portal" : "department",
                Bonus = bonus,
                Vetoes = vetoes,
                Findings = findings,
                Columns = columnReports,
                BrokenLinks = broken,
            };
        }

        /// <summary>Veto 2: the homepage's newest date, leaving out dates in texts that other pages repeat (a header's date).</summary>
        private void VetoStaleHomepage(Homepage home, List<ColumnReport> columnReports, List<Veto> vetoes)
        {
            var homeDates = home.Dates.Where(d => d.Text.Length == 0 || !_repeated.ContainsKey(d.Text)).Select(d => d.Date).ToList();
            var newestOnHome = homeDates.Count > 0 ? homeDates.Max() : (DateOnly?)null;
            // A homepage without any date is judged by its newest column instead.
            var newest = newestOnHome ?? columnReports.Where(c => c.Latest is not null)
                .Select(c => (DateOnly?)DateOnly.Parse(c.Latest!, CultureInfo.InvariantCulture)).Max();
            if (newest is null || _asOf.DayNumber - newest.Value.DayNumber > _rules.HomepageStaleDays)
            {
                vetoes.Add(new Veto(VetoCodes.HomepageStale,
                    newest is null ? "首页未发现任何带日期的信息" : $"首页最新信息日期为 {newest:yyyy-MM-dd}，已 {_asOf.DayNumber - newest.Value.DayNumber} 天未更新（超过 {_rules.HomepageStaleDays} 天）",
                    [start.AbsoluteUri]));
            }
        }

        /// <summary>Veto 3: stale and empty columns.</summary>
        private (List<ColumnReport> Stale, List<ColumnReport> Empty) VetoStaleOrEmptyColumns(List<ColumnReport> columnReports, List<Veto> vetoes)
        {
            var stale = columnReports.Where(c => c.Stale).ToList();
            var staleKey = stale.Where(c => ColumnTypes.IsKeyType(c.Type)).ToList();
            if (staleKey.Count >= _rules.StaleKeyColumnsForVeto || stale.Count >= _rules.StaleColumnsForVeto)
            {
                vetoes.Add(new Veto(VetoCodes.ColumnsStale,
                    $"动态、通知公告、政策文件类栏目中 {staleKey.Count} 个未按时更新，全部栏目中 {stale.Count} 个未按时更新：{string.Join("、", stale.Select(c => c.Name))}",
                    [.. stale.Select(c => c.Url)]));
            }
            var empty = columnReports.Where(c => c.Empty).ToList();
            if (empty.Count >= _rules.EmptyColumnsForVeto)
            {
                vetoes.Add(new Veto(VetoCodes.ColumnsEmpty, $"{empty.Count} 个栏目为空：{string.Join("、", empty.Select(c => c.Name))}", [.. empty.Select(c => c.Url)]));
            }
            return (stale, empty);
        }

        /// <summary>Veto 4: serious errors.</summary>
        private void VetoSeriousErrors(List<Veto> vetoes, List<Finding> findings)
        {
            if (!_errors.IsEmpty)
            {
                var list = _errors.Values.OrderBy(e => e.Url, StringComparer.Ordinal).ToList();
                vetoes.Add(new Veto(VetoCodes.SeriousError,
                    string.Join("；", list.Take(10).Select(e => $"“{e.Error.Text}”应为“{e.Error.Term}”")),
                    [.. list.SelectMany(e => e.Evidence).Distinct().Take(MaxListed)]));
                findings.AddRange(list.Take(MaxListed).Select(e => new Finding("serious_error", "veto", e.Url, $"“{e.Error.Text}”应为“{e.Error.Term}”")));
            }
        }

        /// <summary>Veto 5: a working channel, and no valid message of the last year unanswered for 3 months.</summary>
        private void VetoUnresponsiveInteraction(List<ColumnReport> columnReports, IEnumerable<(string Name, Uri Url)> offered, List<Veto> vetoes, List<Finding> findings)
        {
            var channels = Offered(columnReports, "interaction", offered.Where(l => ColumnTypes.NamesChannel(l.Name)));
            if (channels.Working.Count == 0)
            {
                vetoes.Add(new Veto(VetoCodes.InteractionUnresponsive, channels.All.Count == 0
                        ? "首页和导航中未发现任何互动交流渠道（信箱、留言、咨询、投诉等）"
                        : $"互动交流渠道均无法使用：{string.Join("、", channels.All.Take(5))}",
                    channels.All.Count == 0 ? [start.AbsoluteUri] : [.. channels.All.Take(MaxListed)]) { Reason = VetoReasons.NoChannel });
            }
            var unansweredDays = _rules.UnansweredDays;
            var unanswered = _messages.Where(m => m.Value.Unresponsive(_asOf, unansweredDays)).OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
            if (unanswered.Count > 0)
            {
                vetoes.Add(new Veto(VetoCodes.InteractionUnresponsive,
                    $"{unanswered.Count} 条一年内的有效留言超过 {_rules.UnansweredMonths} 个月未答复：" + string.Join("；",
                        unanswered.Take(5).Select(m => $"{m.Value.Posted:yyyy-MM-dd} 留言，至今未答复")),
                    [.. unanswered.Select(m => m.Key).Take(MaxListed)]) { Reason = VetoReasons.UnansweredMessage });
            }
            foreach (var (url, facts) in _messages.Where(m => m.Value.AnsweredLate(_asOf, unansweredDays)).OrderBy(m => m.Key, StringComparer.Ordinal).Take(MaxListed))
            {
                findings.Add(new Finding("message_answered_late", "deduction", url,
                    $"{facts.Posted:yyyy-MM-dd} 留言，{facts.Replied:yyyy-MM-dd} 才答复（超过 {_rules.UnansweredMonths} 个月）"));
            }
        }

        /// <summary>Veto 6: services (a portal must offer them) and complete guides. True when the site offers services.</summary>
        private bool VetoMissingServices(List<ColumnReport> columnReports, IEnumerable<(string Name, Uri Url)> offered, SiteKind kind, List<Veto> vetoes, List<Finding> findings)
        {
            var services = Offered(columnReports, "service", offered.Where(l => ColumnTypes.NamesService(l.Name)));
            var hasServices = services.Working.Count > 0 || !_guides.IsEmpty;
            if (kind == SiteKind.Portal && !hasServices)
            {
                vetoes.Add(new Veto(VetoCodes.ServiceGuideIncomplete, services.All.Count == 0
                        ? "门户网站首页和导航中未发现任何办事服务入口"
                        : $"办事服务入口均无法使用：{string.Join("、", services.All.Take(5))}",
                    services.All.Count == 0 ? [start.AbsoluteUri] : [.. services.All.Take(MaxListed)]) { Reason = VetoReasons.NoServices });
            }
            var incomplete = _guides.Where(g => g.Value.Missing >= _rules.GuideMissingElements).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            foreach (var (url, g) in incomplete.Take(MaxListed))
            {
                findings.Add(new Finding("service_guide_incomplete", incomplete.Count >= _rules.IncompleteGuidesForVeto ? "veto" : "deduction", url,
                    $"办事指南缺少 {g.Missing} 项要素：{string.Join("、", g.Lacking)}"));
            }
            if (incomplete.Count >= _rules.IncompleteGuidesForVeto)
            {
                vetoes.Add(new Veto(VetoCodes.ServiceGuideIncomplete,
                    $"{incomplete.Count} 个办事指南各缺少 {_rules.GuideMissingElements} 项及以上要素", [.. incomplete.Select(g => g.Key).Take(MaxListed)])
                { Reason = VetoReasons.IncompleteGuides });
            }
            return hasServices;
        }

        /// <summary>Deductions: stale and empty columns not already vetoed, missing meta tags, slow and unreadable pages (broken links follow).</summary>
        private void Deductions(List<ColumnReport> stale, List<ColumnReport> empty, List<Veto> vetoes, List<Finding> findings)
        {
            foreach (var c in stale.Where(_ => vetoes.All(v => v.Code != VetoCodes.ColumnsStale)))
            {
                findings.Add(new Finding("column_stale", "deduction", c.Url, $"栏目“{c.Name}”最新信息为 {c.Latest}，未按时更新"));
            }
            foreach (var c in empty.Where(_ => vetoes.All(v => v.Code != VetoCodes.ColumnsEmpty)))
            {
                findings.Add(new Finding("column_empty", "deduction", c.Url, $"栏目“{c.Name}”为空"));
            }
            foreach (var (tag, (count, example)) in _missingMeta.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                findings.Add(new Finding("missing_meta_tag", "deduction", example, $"{tag}（{count} 个页面缺少）"));
            }
            findings.AddRange(_slow.Take(MaxListed));
            findings.AddRange(_unreadable.Take(MaxListed));
        }

        /// <summary>
        /// Where the site offers something (interaction, services): its columns of that type and the
        /// links that name it, on the site or off it; working = not found broken by the crawl.
        /// </summary>
        private (List<string> All, List<string> Working) Offered(List<ColumnReport> columns, string type, IEnumerable<(string Name, Uri Url)> links)
        {
            var all = columns.Where(c => c.Type == type).Select(c => c.Url).Concat(links.Select(l => l.Url.AbsoluteUri)).Distinct(StringComparer.Ordinal).ToList();
            return (all, [.. all.Where(u => !_broken.ContainsKey(u))]);
        }
    }
}

using GovSite.Monitoring;
using GovSite.Tests.Monitoring.Farm;
using Xunit.Abstractions;

namespace GovSite.Tests.Monitoring;

/// <summary>The checker against the farm: every planted defect found, no clean site failed.</summary>
public sealed class FarmTests(FarmFixture farm, ITestOutputHelper output) : IClassFixture<FarmFixture>
{
    private static readonly string[] VetoCodes =
        ["site_unreachable", "homepage_stale", "columns_stale", "columns_empty", "serious_error", "interaction_unresponsive", "service_guide_incomplete"];

    [Fact]
    public void Every_verdict_matches_the_planted_defects()
    {
        var wrong = farm.Sites.Where(s => farm.Reports[s.Slug].Verdict != farm.Expected[s.Slug].Verdict)
            .Select(s => $"{s.Slug} {s.Name}: expected {farm.Expected[s.Slug].Verdict}, got {farm.Reports[s.Slug].Verdict} " +
                $"[{string.Join(",", farm.Reports[s.Slug].Vetoes.Select(v => v.Code + ": " + v.Detail))}]").ToList();
        var accuracy = 1 - (double)wrong.Count / farm.Sites.Count;
        output.WriteLine($"verdict accuracy {accuracy:P1} over {farm.Sites.Count} sites");
        wrong.ShouldBeEmpty();
        farm.Sites.Count(s => farm.Expected[s.Slug].Verdict == "pass").ShouldBeGreaterThanOrEqualTo(8);
    }

    [Fact]
    public void Each_veto_has_precision_and_recall_of_at_least_95_percent()
    {
        var problems = new List<string>();
        foreach (var code in VetoCodes)
        {
            int tp = 0, fp = 0, fn = 0;
            foreach (var site in farm.Sites)
            {
                var expected = farm.Expected[site.Slug].Vetoes.Contains(code);
                var actual = farm.Reports[site.Slug].Vetoes.Any(v => v.Code == code);
                if (expected && actual) { tp++; }
                else if (actual) { fp++; problems.Add($"{code}: false positive on {site.Slug} {site.Name}: {farm.Reports[site.Slug].Vetoes.First(v => v.Code == code).Detail}"); }
                else if (expected) { fn++; problems.Add($"{code}: missed on {site.Slug} {site.Name}"); }
            }
            var precision = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
            var recall = tp + fn == 0 ? 1 : (double)tp / (tp + fn);
            output.WriteLine($"{code,-26} tp {tp,2} fp {fp} fn {fn}  precision {precision:P0} recall {recall:P0}");
            tp.ShouldBeGreaterThanOrEqualTo(2, $"the farm plants {code} on at least two sites");
            precision.ShouldBeGreaterThanOrEqualTo(0.95, code);
            recall.ShouldBeGreaterThanOrEqualTo(0.95, code);
        }
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Broken_links_are_found_with_precision_and_recall_of_at_least_95_percent()
    {
        int tp = 0, fp = 0, fn = 0;
        var problems = new List<string>();
        foreach (var site in farm.Sites.Where(s => !s.Unreachable))
        {
            var expected = site.BrokenUrls(farm.Farm.Origin).ToHashSet();
            var actual = farm.Reports[site.Slug].BrokenLinks.Select(b => b.Url).ToHashSet();
            tp += actual.Intersect(expected).Count();
            fp += actual.Except(expected).Count();
            fn += expected.Except(actual).Count();
            problems.AddRange(actual.Except(expected).Select(u => $"{site.Slug}: false broken link {u}"));
            problems.AddRange(expected.Except(actual).Select(u => $"{site.Slug}: missed broken link {u}"));
        }
        var precision = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 1 : (double)tp / (tp + fn);
        output.WriteLine($"broken links tp {tp} fp {fp} fn {fn}  precision {precision:P1} recall {recall:P1}");
        tp.ShouldBeGreaterThanOrEqualTo(20);
        precision.ShouldBeGreaterThanOrEqualTo(0.95);
        recall.ShouldBeGreaterThanOrEqualTo(0.95);
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Columns_have_the_right_type_date_count_and_flags_in_every_layout_and_date_style()
    {
        var problems = new List<string>();
        foreach (var site in farm.Sites.Where(s => !s.Unreachable))
        {
            var report = farm.Reports[site.Slug];
            foreach (var expected in farm.Expected[site.Slug].Columns)
            {
                var actual = report.Columns.FirstOrDefault(c => c.Name == expected.Name);
                if (actual is null)
                {
                    problems.Add($"{site.Slug} ({site.Layout}/{site.Dates}): column {expected.Name} not found");
                    continue;
                }
                var latest = expected.Latest?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                if (actual.Type != expected.Type || actual.Latest != latest || actual.Items != expected.Items || actual.Stale != expected.Stale || actual.Empty != expected.Empty)
                {
                    problems.Add($"{site.Slug} ({site.Layout}/{site.Dates}) {expected.Name}: expected {expected.Type} {latest} {expected.Items} stale={expected.Stale} empty={expected.Empty}, " +
                        $"got {actual.Type} {actual.Latest} {actual.Items} stale={actual.Stale} empty={actual.Empty}");
                }
            }
            report.Columns.Count.ShouldBe(site.Columns.Count, $"{site.Slug}: no columns beyond those in the navigation");
        }
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Deductions_are_reported_without_failing_the_site()
    {
        var site = farm.Sites.Single(s => s.InvalidCode);
        var report = farm.Reports[site.Slug];
        report.Verdict.ShouldBe("pass");
        report.Score.ShouldNotBeNull();
        report.Score!.Value.ShouldBeLessThan(100);
        report.Findings.Where(f => f.Code == "missing_footer_item").Select(f => f.Detail).Order().ShouldBe(["icp", "police_record"]);
        report.Findings.ShouldContain(f => f.Code == "invalid_identifier_code" && f.Detail.StartsWith("JC", StringComparison.Ordinal));
        report.Findings.ShouldContain(f => f.Code == "missing_meta_tag" && f.Detail.Contains("SiteIDCode", StringComparison.Ordinal));
        report.Findings.ShouldContain(f => f.Code == "slow_page" && f.Url!.EndsWith("/c0/a2.html", StringComparison.Ordinal));
        report.IdentifierCode.ShouldBe("JC" + site.Code[..6]);
    }

    [Fact]
    public void Clean_sites_score_full_marks_and_show_their_identity()
    {
        foreach (var site in farm.Sites.Take(6))
        {
            var report = farm.Reports[site.Slug];
            report.Vetoes.ShouldBeEmpty(site.Slug);
            report.Findings.ShouldBeEmpty($"{site.Slug}: {string.Join("; ", report.Findings.Select(f => f.Code + " " + f.Detail))}");
            report.Score.ShouldBe(100);
            report.Name.ShouldBe(site.Name);
            report.IdentifierCode.ShouldBe(site.Code);
        }
    }

    [Fact]
    public void Veto_evidence_points_at_the_pages_that_show_the_defect()
    {
        var misspelt = farm.Sites.First(s => s.Misspellings.Count > 0);
        farm.Reports[misspelt.Slug].Vetoes.Single(v => v.Code == "serious_error").Evidence
            .ShouldContain(farm.Farm.Origin + misspelt.ItemPath(0, 0));
        var unanswered = farm.Sites.First(s => farm.Expected[s.Slug].Vetoes.Contains("interaction_unresponsive"));
        farm.Reports[unanswered.Slug].Vetoes.Single(v => v.Code == "interaction_unresponsive").Evidence.Count.ShouldBe(1);
        var unreachable = farm.Sites.First(s => s.Unreachable);
        farm.Reports[unreachable.Slug].Score.ShouldBeNull();
        farm.Reports[unreachable.Slug].Vetoes.Single().Evidence.ShouldBe([farm.Farm.UrlOf(unreachable)]);
    }

    [Fact]
    public void A_portal_without_services_and_sites_without_a_working_channel_fail_and_their_near_misses_pass()
    {
        SiteReport Of(string name) => farm.Reports[farm.Sites.Single(s => s.Name == name).Slug];
        foreach (var portal in new[] { "松溪县人民政府", "白沙县人民政府门户网站" })
        {
            var veto = Of(portal).Vetoes.Single(v => v.Code == "service_guide_incomplete");
            (veto.Reason, Of(portal).Kind).ShouldBe(("no_services", "portal"), portal);
        }
        Of("南屏市退役军人事务局").Vetoes.Single(v => v.Code == "interaction_unresponsive").Reason.ShouldBe("no_channel");
        var gone = farm.Sites.Single(s => s.ChannelGone);
        var goneVeto = Of(gone.Name).Vetoes.Single(v => v.Code == "interaction_unresponsive");
        goneVeto.Reason.ShouldBe("no_channel");
        goneVeto.Evidence.ShouldContain(farm.Farm.Origin + gone.ColumnPath(gone.Columns.FindIndex(c => c.Type == "interaction")));

        // The region's service or interaction platform off the site counts; a department need not offer services.
        foreach (var name in new[] { "东岭市人民政府", "云溪市档案局", "临江市审计局" })
        {
            (Of(name).Verdict, Of(name).Vetoes.Count).ShouldBe(("pass", 0), name);
        }
        Of("云溪市档案局").Kind.ShouldBe("department");
        // Every message on the farm's other sites stays a message veto, not a channel one.
        farm.Reports.Values.SelectMany(r => r.Vetoes).Where(v => v.Code == "interaction_unresponsive" && v.Reason == "unanswered_message")
            .Count().ShouldBe(2);
    }
}

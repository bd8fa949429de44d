using System.Text;
using GovSite.Data;
using GovSite.Tests.Interaction;
using GovSite.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Visits;

/// <summary>nginx/CDN access logs of an exported site into the daily aggregates.</summary>
public class AccessLogImportTests(InteractionFactory app) : IClassFixture<InteractionFactory>
{
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

    [Fact]
    public void A_combined_format_line_is_read_field_by_field()
    {
        var entry = AccessLogImport.Parse("""203.0.113.9 - - [10/Oct/2030:13:55:36 +0800] "GET /articles/12/index.html?x=1 HTTP/1.1" 200 2326 "https://www.baidu.com/s?wd=%E7%A4%BE%E4%BF%9D" "Mozilla/5.0 (iPhone) \"quoted\" Mobile" "-" """.TrimEnd());
        entry.ShouldNotBeNull();
        entry.Address.ShouldBe("203.0.113.9");
        entry.Time.ShouldBe(new DateTimeOffset(2030, 10, 10, 13, 55, 36, TimeSpan.FromHours(8)));
        entry.Method.ShouldBe("GET");
        entry.Path.ShouldBe("/articles/12/index.html?x=1");
        entry.Status.ShouldBe(200);
        entry.Referrer.ShouldBe("https://www.baidu.com/s?wd=%E7%A4%BE%E4%BF%9D");
        entry.UserAgent.ShouldBe("Mozilla/5.0 (iPhone) \"quoted\" Mobile");
        AccessLogImport.Canonical("/articles/12/index.html").ShouldBe("/articles/12");
        AccessLogImport.IsPage("/css/site.abc.css").ShouldBeFalse();
        AccessLogImport.IsPage("/columns/3/page/2.html").ShouldBeTrue();
    }

    [Fact]
    public async Task An_import_counts_pages_per_day_and_visitor_and_skips_what_is_not_a_page_view()
    {
        var column = await app.ColumnIdAsync(app.Department.Id, "通知公告");
        var log = new StringBuilder()
            // Day 1 (China time): A reads the column twice and the homepage; B reads the column.
            .AppendLine($"""10.0.0.1 - - [01/Feb/2030:09:00:00 +0800] "GET /columns/{column}/ HTTP/1.1" 200 100 "-" "{Chrome}" """)
            .AppendLine($"""10.0.0.1 - - [01/Feb/2030:09:01:00 +0800] "GET /columns/{column}/index.html HTTP/1.1" 304 0 "https://zjj.hd.test.gov.cn/" "{Chrome}" """)
            .AppendLine($"""10.0.0.1 - - [01/Feb/2030:09:02:00 +0800] "GET / HTTP/1.1" 200 100 "https://www.so.com/" "{Chrome}" """)
            .AppendLine($"""10.0.0.2 - - [01/Feb/2030:23:30:00 +0800] "GET /columns/{column} HTTP/2.0" 200 100 "-" "Mozilla/5.0 (Linux; Android 14) Mobile Safari" """)
            // Day 2: 16:30 UTC of 1 Feb is 00:30 of 2 Feb in China. A again.
            .AppendLine($"""10.0.0.1 - - [01/Feb/2030:16:30:00 +0000] "GET / HTTP/1.1" 200 100 "-" "{Chrome}" """)
            // Not page views: an asset, a 404, a POST, a crawler.
            .AppendLine($"""10.0.0.1 - - [01/Feb/2030:09:00:01 +0800] "GET /css/site.css HTTP/1.1" 200 100 "-" "{Chrome}" """)
            .AppendLine($"""10.0.0.1 - - [01/Feb/2030:09:00:02 +0800] "GET /missing HTTP/1.1" 404 100 "-" "{Chrome}" """)
            .AppendLine($"""10.0.0.1 - - [01/Feb/2030:09:00:03 +0800] "POST /api/v1/stat HTTP/1.1" 204 0 "-" "{Chrome}" """)
            .AppendLine("""10.0.0.4 - - [01/Feb/2030:09:00:04 +0800] "GET / HTTP/1.1" 200 100 "-" "Mozilla/5.0 (compatible; Googlebot/2.1)" """)
            // Malformed.
            .AppendLine("this is not a log line")
            .AppendLine("""10.0.0.1 - - [32/Feb/2030:09:00:00 +0800] "GET / HTTP/1.1" 200 1 "-" "x" """)
            .ToString();
        var report = await app.AsSystemAsync(sp => AccessLogImport.ImportAsync(sp.GetRequiredService<GovSiteDb>(), app.Department.Id,
            ["zjj.hd.test.gov.cn"], new StringReader(log), null, default));
        report.Lines.ShouldBe(11);
        report.Counted.ShouldBe(5);
        report.Skipped.ShouldBe(4);
        report.Malformed.ShouldBe(2);

        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var days = await db.SiteVisitDays.Where(d => d.SiteId == app.Department.Id && d.Day.Year == 2030).OrderBy(d => d.Day).ToListAsync();
            days.Select(d => (d.Day, d.Views, d.Visitors)).ShouldBe([(new DateOnly(2030, 2, 1), 4L, 2L), (new DateOnly(2030, 2, 2), 1L, 1L)]);
            var columnPage = await db.PageVisitDays.SingleAsync(p => p.SiteId == app.Department.Id && p.Day == new DateOnly(2030, 2, 1) && p.Path == $"/columns/{column}");
            (columnPage.Views, columnPage.Visitors, columnPage.ColumnId).ShouldBe((3L, 2L, (int?)column));
            var referrers = await db.VisitFacetDays.Where(f => f.SiteId == app.Department.Id && f.Day == new DateOnly(2030, 2, 1) && f.Facet == VisitFacet.Referrer)
                .ToDictionaryAsync(f => f.Value, f => f.Views);
            referrers.ShouldBe(new Dictionary<string, long> { [VisitorText.Direct] = 2, [VisitorText.Internal] = 1, ["www.so.com"] = 1 }, ignoreOrder: true);
            return 0;
        });
    }

    [Fact]
    public void No_line_of_random_or_mangled_input_crashes_the_parser()
    {
        var random = new Random(20);
        var good = $"""10.0.0.1 - - [01/Feb/2030:09:00:00 +0800] "GET /columns/1 HTTP/1.1" 200 100 "-" "{Chrome}" """;
        const string alphabet = "\"\\[] -:/+0123456789abcGET\t\r政\u0000\uFFFF";
        for (var i = 0; i < 20000; i++)
        {
            string line;
            if (i % 2 == 0)
            {
                var chars = good.ToCharArray();
                for (var k = 0; k < 1 + random.Next(6); k++)
                {
                    chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
                }
                line = new string(chars[..random.Next(chars.Length + 1)]);
            }
            else
            {
                line = new string([.. Enumerable.Range(0, random.Next(300)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            }
            var entry = AccessLogImport.Parse(line);
            if (entry is not null)
            {
                // Whatever parses goes through the rest of the pipeline without throwing.
                _ = VisitorText.PagePath(entry.Path, VisitCounter.MaxPathLength) is { } path && AccessLogImport.IsPage(path);
                _ = VisitorText.Referrer(entry.Referrer, _ => false);
                _ = VisitorText.Device(entry.UserAgent);
            }
        }
    }
}

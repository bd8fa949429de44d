using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Tests.Cli;

public class ImportTests
{
    [Fact]
    public void Csv_rows_report_their_physical_line_even_after_multi_line_fields()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, """
            title,body,publishDate,source
            第一篇,"第一段
            第二段",2026-01-05,办公室
            ,缺标题的正文,2026-01-06,
            第三篇,正文,2026年1月7日,
            第四篇,正文,明天,
            """);
        var rows = ArticleImport.Read(file, columnId: 7);
        rows.Count.ShouldBe(4);
        rows[0].Input!.Body.ShouldBe("<p>第一段</p><p>第二段</p>");
        rows[0].Input!.PublishedAt.ShouldBe(new DateTime(2026, 1, 5));
        rows[0].Input!.ColumnId.ShouldBe(7);
        rows[1].Line.ShouldBe(4);
        rows[1].Error.ShouldBe("缺少标题（title）");
        rows[2].Input!.PublishedAt.ShouldBe(new DateTime(2026, 1, 7));
        rows[3].Line.ShouldBe(6);
        rows[3].Error!.ShouldContain("发布日期“明天”无法识别");
    }

    [Fact]
    public void Json_lines_keep_html_bodies_and_policy_fields()
    {
        var file = Path.GetTempFileName() + ".jsonl";
        File.WriteAllLines(file,
        [
            """{"title":"关于印发办法的通知","body":"<p>现印发给你们。</p>","publishDate":"2026-03-01 09:30","docNumber":"测政发〔2026〕2号","issuer":"测试市人民政府"}""",
            "",
            "{not json",
            """{"title":"无正文"}""",
        ]);
        var rows = ArticleImport.Read(file, columnId: 1);
        rows.Count.ShouldBe(3);
        rows[0].Input!.Body.ShouldBe("<p>现印发给你们。</p>");
        rows[0].Input!.DocNumber.ShouldBe("测政发〔2026〕2号");
        rows[0].Input!.PublishedAt.ShouldBe(new DateTime(2026, 3, 1, 9, 30, 0));
        rows[1].Line.ShouldBe(3);
        rows[1].Error.ShouldBe("不是有效的 JSON 对象");
        rows[2].Line.ShouldBe(4);
        rows[2].Error.ShouldBe("缺少正文（body）");
    }

    /// <summary>The real command line, as an operator runs it: migrate, then import a file with good and bad rows.</summary>
    [Fact]
    public async Task The_import_command_publishes_good_rows_and_reports_bad_ones_by_line()
    {
        await using var test = await TestDatabase.CreateAsync();
        (await GovSiteCli.RunAsync(test, "migrate")).ExitCode.ShouldBe(0);

        int siteId, columnId;
        await using (var db = test.NewContext())
        {
            var region = new Region { Code = "370100", Name = "测试市", Level = RegionLevel.City };
            db.Regions.Add(region);
            await db.SaveChangesAsync();
            var site = new Site
            {
                Code = "3701000001", Name = "测试市人民政府", Type = SiteType.Portal, Level = SiteLevel.City, Status = SiteStatus.Online,
                RegionId = region.Id, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                Domains = [new SiteDomain { Host = "www.cli.test.gov.cn", IsMain = true }],
            };
            db.Sites.Add(site);
            await db.SaveChangesAsync();
            await StandardColumns.ProvisionAsync(db, site.Id, StandardColumns.For(SiteType.Portal));
            siteId = site.Id;
            columnId = await db.Columns.Where(c => c.SiteId == site.Id && c.Name == "政策文件").Select(c => c.Id).FirstAsync();
        }

        var file = Path.Combine(test.DataDirectory, "import.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"title":"导入文件一","body":"第一段\n\n第二段","publishDate":"2026-02-01","docNumber":"测政办发〔2026〕1号","issuer":"测试市人民政府办公室"}""",
            """{"title":"","body":"缺标题"}""",
            """{"title":"导入文件二","body":"<p>正文<script>alert(1)</script></p>","publishDate":"2026-02-02 10:00","author":"张三"}""",
            """{"title":"日期有误","body":"正文","publishDate":"2026-13-45"}""",
        ]);
        var run = await GovSiteCli.RunAsync(test, "import", file, "--site", "3701000001", "--column", columnId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldContain("已导入 2 篇");
        run.Output.ShouldContain("缺少标题");
        run.Output.ShouldContain("无法识别");

        await using var check = test.NewContext();
        var imported = await check.Articles.Where(a => a.SiteId == siteId).OrderBy(a => a.Id).ToListAsync();
        imported.Select(a => a.Title).ShouldBe(["导入文件一", "导入文件二"]);
        imported.ShouldAllBe(a => a.Status == ArticleStatus.Published && a.ColumnId == columnId);
        imported[0].Body.ShouldBe("<p>第一段</p><p>第二段</p>");
        imported[0].DocNumber.ShouldBe("测政办发〔2026〕1号");
        imported[0].Validity.ShouldBe(PolicyValidity.Valid);
        imported[1].Body.ShouldNotContain("script");
        imported[1].Author.ShouldBe("张三");
        ChinaTime.Format(imported[1].PublishedAt).ShouldBe("2026-02-02 10:00");
    }

    [Fact]
    public async Task The_import_command_refuses_an_unknown_site_clearly()
    {
        await using var test = await TestDatabase.CreateAsync();
        var file = Path.Combine(test.DataDirectory, "x.csv");
        await File.WriteAllTextAsync(file, "title,body\n标题,正文\n");
        var run = await GovSiteCli.RunAsync(test, "import", file, "--site", "0000000000", "--column", "1");
        run.ExitCode.ShouldBe(2);
        run.Output.ShouldContain("网站标识码 0000000000 不存在");
    }
}

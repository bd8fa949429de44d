using System.Text.RegularExpressions;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Publishing.Quality;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Publishing;

/// <summary>Each check of the gate, positive and negative, over a real database.</summary>
public partial class QualityGateTests(EmptyPlatformFactory app) : IClassFixture<EmptyPlatformFactory>
{
    private static int s_sites;

    public static string[] Seeds() =>
        [.. Directory.GetFiles("/work/shared/corpus/seeds", "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    /// <summary>The same speech given again by someone else, somewhere else, on other dates.</summary>
    public static string Twin(string text) =>
        Digits().Replace(text.Replace("王仲偉", "李德華", StringComparison.Ordinal).Replace("浙江省", "江川省", StringComparison.Ordinal)
            .Replace("國務院副秘書長", "江川省副省長", StringComparison.Ordinal), m => ((m.Value[0] - '0' + 3) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex("[0-9]")]
    private static partial Regex Digits();

    private async Task<Site> NewSiteAsync()
    {
        var n = Interlocked.Increment(ref s_sites);
        return await app.CreateSiteAsync($"330200{n:0000}", $"质量测试站{n}");
    }

    private Task<IReadOnlyList<QualityFinding>> CheckAsync(int siteId, string title, string body, int? itemId = null) =>
        app.AsSystemAsync(sp => sp.GetRequiredService<QualityGate>().CheckAsync(new QualityInput(siteId, title, body, itemId)));

    private Task<T> WithAsync<T>(Func<QualityLists, Task<T>> work) => app.AsSystemAsync(sp => work(sp.GetRequiredService<QualityLists>()));

    private async Task<int> ListAsync(int? siteId, QualityListKind kind, QualitySeverity? severity, params string[] terms)
    {
        var created = await WithAsync(l => l.CreateAsync(siteId, kind, $"测试词库{Guid.NewGuid():N}"[..12], severity));
        created.Succeeded.ShouldBeTrue();
        (await WithAsync(l => l.ChangeTermsAsync(created.Value!.Id, QualityLists.TermChange.Add, string.Join('\n', terms)))).Succeeded.ShouldBeTrue();
        return created.Value!.Id;
    }

    private Task SettingsAsync(int siteId, Action<QualitySettings> change) => WithAsync(async l =>
    {
        var s = await l.SettingsAsync(siteId);
        change(s);
        (await l.SaveSettingsAsync(siteId, s)).Succeeded.ShouldBeTrue();
        return 0;
    });

    [Fact]
    public async Task A_clean_article_passes_with_no_findings()
    {
        var site = await NewSiteAsync();
        var findings = await CheckAsync(site.Id, "关于做好2026年政务公开工作的通知",
            "<p>根据《中华人民共和国政府信息公开条例》和国务院办公厅有关要求，现就做好政务公开工作通知如下。</p><p><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"会议现场\"></p>");
        findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Sensitive_words_are_found_at_their_place_with_the_list_severity()
    {
        var site = await NewSiteAsync();
        await ListAsync(null, QualityListKind.SensitiveWords, QualitySeverity.Block, "代开发票");
        await ListAsync(site.Id, QualityListKind.SensitiveWords, null, "内部资料");
        var findings = await CheckAsync(site.Id, "本站提供代開發票服务", "<p>这是一份内部资料，请勿外传。</p>");

        var platform = findings.Single(f => f.Code == "sensitive_word" && f.Field == "title");
        platform.ShouldBe(platform with { Severity = "block", Excerpt = "代開發票", Start = 4, Length = 4 });
        var own = findings.Single(f => f.Code == "sensitive_word" && f.Field == "body");
        own.Severity.ShouldBe("block"); // the site's default for sensitive_word
        own.Start.ShouldBe("这是一份".Length);

        // The site's severity applies to lists that follow it; platform lists keep their own.
        await SettingsAsync(site.Id, s => s.SensitiveWord = QualitySeverity.Warn);
        var after = await CheckAsync(site.Id, "本站提供代开发票服务", "<p>这是一份内部资料。</p>");
        after.Single(f => f.Field == "body").Severity.ShouldBe("warn");
        after.Single(f => f.Field == "title").Severity.ShouldBe("block");
    }

    [Fact]
    public async Task A_sites_own_list_does_not_apply_to_another_site()
    {
        var mine = await NewSiteAsync();
        var other = await NewSiteAsync();
        await ListAsync(mine.Id, QualityListKind.SensitiveWords, QualitySeverity.Block, "本地专用禁词");
        (await CheckAsync(mine.Id, "含本地专用禁词", "<p>正文。</p>")).ShouldContain(f => f.Code == "sensitive_word");
        (await CheckAsync(other.Id, "含本地专用禁词", "<p>正文。</p>")).ShouldNotContain(f => f.Code == "sensitive_word");
    }

    [Fact]
    public async Task A_changed_list_is_used_by_the_next_check()
    {
        var site = await NewSiteAsync();
        var list = await ListAsync(site.Id, QualityListKind.SensitiveWords, QualitySeverity.Warn, "旧词");
        (await CheckAsync(site.Id, "新词出现", "")).ShouldNotContain(f => f.Code == "sensitive_word");
        (await WithAsync(l => l.ChangeTermsAsync(list, QualityLists.TermChange.Add, "新词"))).Succeeded.ShouldBeTrue();
        (await CheckAsync(site.Id, "新词出现", "")).ShouldContain(f => f.Code == "sensitive_word" && f.Excerpt == "新词");
        (await WithAsync(l => l.ChangeTermsAsync(list, QualityLists.TermChange.Remove, "新词"))).Succeeded.ShouldBeTrue();
        (await CheckAsync(site.Id, "新词出现", "")).ShouldNotContain(f => f.Code == "sensitive_word");
    }

    [Fact]
    public async Task Another_node_notices_a_changed_list_through_its_version()
    {
        var site = await NewSiteAsync();
        var list = await ListAsync(null, QualityListKind.SensitiveWords, QualitySeverity.Block, "甲词");
        // A second node: its own matcher cache over the same database, nothing sent between them.
        var otherNode = new QualityCache(TimeProvider.System);
        Task<IReadOnlyList<QualityFinding>> CheckOnOtherNodeAsync() => app.AsSystemAsync(sp => new QualityGate(
            sp.GetRequiredService<GovSiteDb>(), otherNode, sp.GetRequiredService<NearDuplicates>(), sp.GetRequiredService<QualityLinks>(),
            TimeProvider.System).CheckAsync(new QualityInput(site.Id, "甲词和乙词", "")));
        (await CheckOnOtherNodeAsync()).Where(f => f.Code == "sensitive_word").Select(f => f.Excerpt).ShouldBe(["甲词"]);
        (await WithAsync(l => l.ChangeTermsAsync(list, QualityLists.TermChange.Add, "乙词"))).Succeeded.ShouldBeTrue();
        (await CheckOnOtherNodeAsync()).Where(f => f.Code == "sensitive_word").Select(f => f.Excerpt).ShouldBe(["甲词", "乙词"]);
    }

    [Fact]
    public async Task A_list_of_a_hundred_thousand_terms_loads_and_matches()
    {
        var site = await NewSiteAsync();
        var terms = QualityMatcherTests.GeneratedTerms(100_000, seed: 11);
        var list = await WithAsync(l => l.CreateAsync(site.Id, QualityListKind.SensitiveWords, "十万词", QualitySeverity.Block));
        var saved = await WithAsync(l => l.ChangeTermsAsync(list.Value!.Id, QualityLists.TermChange.Replace, string.Join('\n', terms)));
        saved.Value!.TermCount.ShouldBe(100_000);
        var body = $"<p>{string.Concat(Enumerable.Repeat("依法推进政务公开。", 500))}{terms[54_321]}</p>";
        var findings = await CheckAsync(site.Id, "标题" + terms[0], body);
        findings.Where(f => f.Code == "sensitive_word").Select(f => f.Excerpt).ShouldBe([terms[0], terms[54_321]], ignoreOrder: true);
    }

    [Theory]
    [InlineData("国务院办工厅印发通知", "国务院办公厅")]
    [InlineData("依据中华人民共合国宪法", "中华人民共和国")]
    [InlineData("中国人民政治协商商会议召开", "中国人民政治协商会议")]
    public async Task Serious_errors_are_blocked_at_their_place(string text, string term)
    {
        var site = await NewSiteAsync();
        var finding = (await CheckAsync(site.Id, "通知", $"<p>{text}</p>")).Single(f => f.Code == "serious_error");
        finding.Severity.ShouldBe("block");
        finding.Detail.ShouldContain(term);
        text.Substring(finding.Start, finding.Length).ShouldBe(finding.Excerpt);
    }

    [Fact]
    public async Task Correct_spellings_and_every_seed_pass_the_serious_error_check()
    {
        var site = await NewSiteAsync();
        (await CheckAsync(site.Id, "全国人民代表大会常务委员会",
            "<p>中华人民共和国国务院办公厅、中国人民政治协商会议全国委员会、中華人民共和國國務院辦公廳</p>"))
            .ShouldNotContain(f => f.Code == "serious_error");
        foreach (var seed in Seeds())
        {
            var findings = await CheckAsync(site.Id, "种子文本", HtmlSanitiser.FromPlainText(seed));
            findings.Where(f => f.Code == "serious_error").ShouldBeEmpty(string.Join(", ", findings.Select(f => f.Excerpt)));
        }
    }

    [Fact]
    public async Task Organisation_names_and_the_platform_dictionary_extend_the_serious_error_check()
    {
        var site = await NewSiteAsync();
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var region = await db.Regions.FirstAsync();
            db.Organisations.Add(new Organisation { Name = "江川省人力资源和社会保障厅", RegionId = region.Id });
            return await db.SaveChangesAsync();
        });
        (await CheckAsync(site.Id, "通知", "<p>江川省人力资原和社会保障厅发布通知</p>"))
            .ShouldContain(f => f.Code == "serious_error" && f.Detail.Contains("江川省人力资源和社会保障厅"));
        (await CheckAsync(site.Id, "通知", "<p>江川省人力资源和社会保障厅发布通知</p>")).ShouldNotContain(f => f.Code == "serious_error");

        var dictionary = await WithAsync(l => l.PlatformListAsync(QualityListKind.SeriousErrorTerms));
        (await WithAsync(l => l.ChangeTermsAsync(dictionary.Id, QualityLists.TermChange.Add, "乡村振兴战略规划"))).Succeeded.ShouldBeTrue();
        (await CheckAsync(site.Id, "通知", "<p>实施乡村振兴战略规化</p>")).ShouldContain(f => f.Code == "serious_error" && f.Excerpt == "乡村振兴战略规化");
    }

    [Fact]
    public async Task A_twin_report_of_a_seed_speech_is_a_near_duplicate_and_an_unrelated_seed_is_not()
    {
        var site = await NewSiteAsync();
        var seeds = Seeds();
        var now = DateTime.UtcNow;
        await app.AsSystemAsync(async sp =>
        {
            var twins = sp.GetRequiredService<NearDuplicates>();
            await twins.IndexAsync(900_001, site.Id, now.AddDays(-40), "切实加强内容建设 努力办好政府网站", seeds[0]);
            await twins.IndexAsync(900_002, site.Id, now.AddDays(-400), "一年多以前的同一篇讲话", seeds[0]);
            return 0;
        });
        var twin = Twin(seeds[0]);
        twin.ShouldNotContain("王仲偉");
        var findings = await CheckAsync(site.Id, "加强内容建设", HtmlSanitiser.FromPlainText(twin));
        var finding = findings.Single(f => f.Code == "near_duplicate");
        finding.Severity.ShouldBe("warn");
        finding.Detail.ShouldContain("条目 900001");
        finding.Detail.ShouldContain("切实加强内容建设");
        int.Parse(Percent().Match(finding.Detail).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(80);

        (await CheckAsync(site.Id, "另一篇", HtmlSanitiser.FromPlainText(seeds[3]))).ShouldNotContain(f => f.Code == "near_duplicate");
        // The item itself is not its own twin, and a removed item is gone.
        (await CheckAsync(site.Id, "加强内容建设", HtmlSanitiser.FromPlainText(twin), itemId: 900_001)).ShouldNotContain(f => f.Code == "near_duplicate");
        await app.AsSystemAsync(async sp => { await sp.GetRequiredService<NearDuplicates>().RemoveAsync(900_001); return 0; });
        (await CheckAsync(site.Id, "加强内容建设", HtmlSanitiser.FromPlainText(twin))).ShouldNotContain(f => f.Code == "near_duplicate");
    }

    [GeneratedRegex("相似度 ([0-9]+)%")]
    private static partial Regex Percent();

    [Fact]
    public async Task Internal_links_are_checked_against_the_platform_at_once()
    {
        var site = await NewSiteAsync();
        var column = await app.ColumnIdAsync(site.Id, "工作动态");
        var (published, draft) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var a = new Article { SiteId = site.Id, ColumnId = column, Title = "已发布", Body = "<p>正文</p>", Status = ArticleStatus.Published, PublishedAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            var d = new Article { SiteId = site.Id, ColumnId = column, Title = "草稿", Body = "<p>正文</p>", Status = ArticleStatus.Draft, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Articles.AddRange(a, d);
            await db.SaveChangesAsync();
            return (a.Id, d.Id);
        });
        var host = site.Domains[0].Host;
        var body = $"""
            <p>见<a href="/articles/{published}">已发布文章</a>、<a href="https://{host}/columns/{column}">栏目</a>和<a href="/sites/{site.Code}/">首页</a>。</p>
            <p>又见<a href="/articles/{draft}">草稿</a>、<a href="http://{host}/articles/987654">不存在</a>、<a href="/columns/987654">没有的栏目</a>、<a href="/sites/9999999999/">没有的网站</a>。</p>
            """;
        var plain = HtmlSanitiser.ToPlainText(HtmlSanitiser.Sanitise(body));
        var broken = (await CheckAsync(site.Id, "链接", body)).Where(f => f.Code == "broken_link").ToList();
        broken.Select(f => f.Excerpt).ShouldBe([$"/articles/{draft}", $"http://{host}/articles/987654", "/columns/987654", "/sites/9999999999/"]);
        broken[0].Start.ShouldBe(plain.IndexOf("草稿", StringComparison.Ordinal));
        broken[0].Severity.ShouldBe("warn");
        broken[1].Detail.ShouldContain("不存在");
    }

    [Fact]
    public async Task External_links_are_queued_and_reported_once_known_broken()
    {
        var site = await NewSiteAsync();
        const string url = "https://www.example.org/gone";
        var body = $"<p>参见<a href=\"{url}\">外部网页</a></p>";
        (await CheckAsync(site.Id, "外链", body)).ShouldNotContain(f => f.Code == "broken_link");
        var hash = QualityLinks.Hash(url);
        var queued = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Jobs.CountAsync(j => j.Key == $"quality.link:{hash}"));
        queued.ShouldBe(1);
        (await CheckAsync(site.Id, "外链", body)).ShouldNotContain(f => f.Code == "broken_link");
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Jobs.CountAsync(j => j.Key == $"quality.link:{hash}"))).ShouldBe(1);

        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            db.ExternalLinkStatuses.Add(new ExternalLinkStatus { UrlHash = hash, Url = url, Broken = true, StatusCode = 404, CheckedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var finding = (await CheckAsync(site.Id, "外链", body)).Single(f => f.Code == "broken_link");
        finding.Excerpt.ShouldBe(url);
        finding.Detail.ShouldContain("404");
        finding.Start.ShouldBe(2);
    }

    [Fact]
    public async Task Images_without_alt_text_are_found_where_they_sit()
    {
        var site = await NewSiteAsync();
        var findings = await CheckAsync(site.Id, "图片", "<p>会议现场<img src=\"/files/a.jpg\">如图。<img src=\"/files/b.jpg\" alt=\"IMG_2031.JPG\"><img src=\"/files/c.jpg\" alt=\"与会人员合影\"></p>");
        var missing = findings.Where(f => f.Code == "missing_alt").ToList();
        missing.Select(f => f.Excerpt).ShouldBe(["/files/a.jpg", "/files/b.jpg"]);
        missing[0].Start.ShouldBe(4);
        missing[0].Length.ShouldBe(0);
        missing[0].Severity.ShouldBe("warn");
    }

    [Fact]
    public async Task The_sites_severity_is_used_for_each_code()
    {
        var site = await NewSiteAsync();
        await SettingsAsync(site.Id, s =>
        {
            s.MissingAlt = QualitySeverity.Block;
            s.InappropriateText = QualitySeverity.Warn;
        });
        var findings = await CheckAsync(site.Id, "哈哈哈", "<p><img src=\"/a.png\">正文</p>");
        findings.Single(f => f.Code == "missing_alt").Severity.ShouldBe("block");
        findings.Single(f => f.Code == "inappropriate_text").Severity.ShouldBe("warn");
        var other = await NewSiteAsync();
        var defaults = await CheckAsync(other.Id, "哈哈哈", "<p><img src=\"/a.png\">正文</p>");
        defaults.Single(f => f.Code == "missing_alt").Severity.ShouldBe("warn");
        defaults.Single(f => f.Code == "inappropriate_text").Severity.ShouldBe("block");
    }

    [Fact]
    public async Task Empty_and_placeholder_content_is_blocked()
    {
        var site = await NewSiteAsync();
        (await CheckAsync(site.Id, "标题", "  ")).ShouldContain(f => f.Code == "empty_content" && f.Field == "body" && f.Severity == "block");
        (await CheckAsync(site.Id, "", "<p>正文</p>")).ShouldContain(f => f.Code == "empty_content" && f.Field == "title");
        var placeholder = (await CheckAsync(site.Id, "通知", "<p>一、此处填写正文</p><p>联系人：xxx</p>")).Where(f => f.Code == "empty_content").ToList();
        placeholder.Select(f => (f.Excerpt, f.Start)).ShouldBe([("此处填写正文", 2), ("xxx", "一、此处填写正文 联系人：".Length)]);
        (await CheckAsync(site.Id, "图片新闻", "<p><img src=\"/a.png\" alt=\"现场\"></p>")).ShouldNotContain(f => f.Code == "empty_content");
        (await CheckAsync(site.Id, "通知", "<p>尺码为XXXL的服装、××县人民政府</p>")).Select(f => f.Excerpt).ShouldBe(["××"]);
    }

    [Fact]
    public async Task Mood_and_test_phrases_are_inappropriate_and_a_site_can_add_its_own()
    {
        var site = await NewSiteAsync();
        var found = (await CheckAsync(site.Id, "工作动态", "<p>今天心情非常的不好，测试测试。今天心情不好</p>")).Where(f => f.Code == "inappropriate_text").ToList();
        found.Select(f => (f.Excerpt, f.Start)).ShouldBe([("今天心情", 0), ("测试测试", 10), ("今天心情不好", 15)]);
        (await CheckAsync(site.Id, "工作动态", "<p>全市经济运行总体平稳，群众满意度持续提升。</p>")).ShouldBeEmpty();
        await ListAsync(site.Id, QualityListKind.InappropriatePhrases, null, "好开心");
        (await CheckAsync(site.Id, "好开心", "<p>正文内容齐全。</p>")).ShouldContain(f => f.Code == "inappropriate_text" && f.Field == "title");
    }

    [Fact]
    public async Task A_phrase_quoted_as_an_example_is_shown_to_the_reviewer_but_does_not_stop_publishing()
    {
        // From a real speech (seed corpus): it cites a county site's scrolling text as the scandal it was.
        var site = await NewSiteAsync();
        var quoted = (await CheckAsync(site.Id, "讲话", "<p>某县住建局网站首页滚动着“今天心情非常的不好!”的文字，引发网民热议。</p>"))
            .Where(f => f.Code == "inappropriate_text").ToList();
        quoted.ShouldHaveSingleItem().Severity.ShouldBe("warn");
        (await CheckAsync(site.Id, "讲话", "<p>他说「测试一下」不应出现。</p><p>今天心情不好</p>"))
            .Where(f => f.Code == "inappropriate_text").Select(f => (f.Excerpt, f.Severity))
            .ShouldBe([("测试一下", "warn"), ("今天心情不好", "block")]);
        // An opening mark with no closing one quotes nothing.
        (await CheckAsync(site.Id, "讲话", "<p>“今天心情不好</p><p>全文完。</p>")).Single(f => f.Code == "inappropriate_text").Severity.ShouldBe("block");
    }
}

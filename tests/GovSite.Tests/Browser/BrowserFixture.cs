using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovSite.Tests.Browser;

/// <summary>
/// GovSite on a real Kestrel port with Debian's Chromium driven by Playwright. The platform
/// starts as on a first run (demo region seeded) plus one site with known content.
/// </summary>
public sealed class BrowserFixture : GovSiteFactory
{
    public const string Code = "3501000077";
    public string BaseUrl { get; private set; } = "";
    public Site Site { get; private set; } = null!;
    public int NewsColumnId { get; private set; }
    public int PolicyId { get; private set; }
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        Site = await CreateSiteAsync(Code, "测试浏览器市人民政府", SiteType.Portal, "www.browser.test.gov.cn");
        NewsColumnId = await ColumnIdAsync(Site.Id, "要闻动态");
        var policyColumn = await ColumnIdAsync(Site.Id, "政策文件");
        var interpretationColumn = await ColumnIdAsync(Site.Id, "政策解读");
        PolicyId = await AsSystemAsync(async sp =>
        {
            var articles = sp.GetRequiredService<ArticleService>();
            for (var i = 1; i <= 22; i++)
            {
                await articles.SaveAsync(Site.Id, null, new ArticleInput
                {
                    Publish = true,
                    ColumnId = NewsColumnId,
                    Title = $"全市重点项目建设推进情况通报（第{i}期）",
                    Body = "<p>各重点项目按计划推进。</p><p><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"项目现场\"></p>",
                    PublishedAt = new DateTime(2026, 10, 1, 9, 0, 0).AddDays(i),
                });
            }
            var policy = await articles.SaveAsync(Site.Id, null, new ArticleInput
            {
                Publish = true,
                ColumnId = policyColumn,
                Title = "关于进一步优化营商环境的若干措施",
                Body = "<p>为进一步优化营商环境，制定以下措施。</p><h2>一、总体要求</h2><p>坚持问题导向。</p>",
                IndexNumber = "350100/2026-00077",
                Issuer = "测试浏览器市人民政府",
                DocNumber = "测政〔2026〕77号",
                WrittenDate = new DateOnly(2026, 10, 20),
                SubjectCategory = "综合政务",
                PublishedAt = new DateTime(2026, 10, 21, 9, 0, 0),
            });
            await articles.SaveAsync(Site.Id, null, new ArticleInput
            {
                Publish = true,
                ColumnId = interpretationColumn,
                Title = "《关于进一步优化营商环境的若干措施》政策解读",
                Body = "<p>一、出台背景。</p>",
                InterpretsId = policy.Value!.Id,
                PublishedAt = new DateTime(2026, 10, 22, 9, 0, 0),
            });
            // A classification from before today's taxonomy (the case): stored, not offered by the form.
            var db = sp.GetRequiredService<GovSite.Data.GovSiteDb>();
            var itemId = policy.Value!.ItemId!.Value;
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(db.LibraryItems.Where(i => i.Id == itemId),
                u => u.SetProperty(i => i.SubjectClass, "经济管理"));
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(db.Articles.Where(a => a.ItemId == itemId),
                u => u.SetProperty(a => a.SubjectCategory, "经济管理"));
            return policy.Value!.Id;
        });

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", BaseURL = BaseUrl });
        return await context.NewPageAsync();
    }

    /// <summary>A page signed in to the back office as admin.</summary>
    public async Task<IPage> SignedInPageAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", GovSiteFactory.AdminPassword);
        await page.ClickAsync("button:has-text('登录')");
        await page.WaitForURLAsync(url => !url.Contains("/admin/login", StringComparison.Ordinal));
        return page;
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        Playwright?.Dispose();
        await base.DisposeAsync();
    }
}

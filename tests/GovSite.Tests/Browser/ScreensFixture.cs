using GovSite.Common;
using GovSite.Data;
using GovSite.Demo;
using GovSite.Interaction;
using GovSite.Publishing;
using GovSite.Publishing.Library;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovSite.Tests.Browser;

/// <summary>
/// GovSite as on a first start (the full demo) with its clock stopped at a fixed instant, so that
/// every date, deadline and 逾期 mark on a page is the same whatever day the tests run; plus one
/// Chromium. Shared by the screenshot and the per-page accessibility tests (one app, one browser).
/// </summary>
public sealed class ScreensFixture : GovSiteFactory
{
    /// <summary>Monday 16 November 2026, 10:00 in China: a working day, in the demo's story "today".</summary>
    public static readonly DateTimeOffset Today = new(ChinaTime.ToUtc(new DateTime(2026, 11, 16, 10, 0, 0)), TimeSpan.Zero);

    public string BaseUrl { get; private set; } = "";
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The pages named in issue 23, with their addresses in this demo.</summary>
    public IReadOnlyDictionary<string, Screen> Screens { get; private set; } = null!;

    private readonly Dictionary<string, string> _signedIn = [];
    private readonly SemaphoreSlim _signIn = new(1, 1);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new StoppedClock(Today)));
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        Screens = await AsSystemAsync(async sp => Screen.Catalogue(await DemoAddresses.ReadAsync(sp.GetRequiredService<GovSiteDb>())));

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // Same pixels on every run: no scrollbars, no font hinting that depends on the host's settings.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--hide-scrollbars", "--font-render-hinting=none", "--force-color-profile=srgb", "--disable-lcd-text"],
        });
    }

    /// <summary>
    /// A page at the given width, signed in as the screen's user, with motion reduced and the
    /// browser's clock stopped at <see cref="Today"/> too.
    /// </summary>
    public async Task<IPage> OpenAsync(Screen screen, int width)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new() { Width = width, Height = width < 600 ? 844 : 768 },
            ReducedMotion = ReducedMotion.Reduce,
            StorageState = screen.User is { } user ? await StorageStateAsync(user) : null,
        });
        var page = await context.NewPageAsync();
        await page.Clock.SetFixedTimeAsync(Today.UtcDateTime);
        var response = await page.GotoAsync(screen.Path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        response!.Status.ShouldBe(screen.Status, $"{screen.Name}: {screen.Path}");
        // Web fonts, pictures and the charts' drawing are done before anything is measured.
        await page.EvaluateAsync("""
            async () => {
                await document.fonts.ready;
                await Promise.all([...document.images].filter(i => !i.complete).map(i => new Promise(r => { i.onload = i.onerror = r; })));
                await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
            }
            """);
        return page;
    }

    /// <summary>Signs in once per user through the login form and keeps the cookies for later contexts.</summary>
    private async Task<string> StorageStateAsync(string user)
    {
        await _signIn.WaitAsync();
        try
        {
            if (_signedIn.TryGetValue(user, out var state))
            {
                return state;
            }
            var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, Locale = "zh-CN" });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/admin/login");
            await page.FillAsync("#UserName", user);
            await page.FillAsync("#Password", user == "admin" ? AdminPassword : DemoPassword);
            await page.ClickAsync("button:has-text('登录')");
            await page.WaitForURLAsync(url => !url.Contains("/admin/login", StringComparison.Ordinal));
            state = await context.StorageStateAsync();
            await context.CloseAsync();
            return _signedIn[user] = state;
        }
        finally
        {
            _signIn.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        Playwright?.Dispose();
        _signIn.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A clock that does not move: pages say the same "today" on every run.</summary>
    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>One page to look at: who sees it, where it is, what it answers.</summary>
/// <param name="Public">A public page (has the site's own high-contrast toggle) or a back-office page.</param>
/// <param name="Masks">Selectors of regions that must vary from run to run, painted over in screenshots.</param>
public sealed record Screen(string Name, string Path, string? User, bool Public, int Status = 200, params string[] Masks)
{
    public static IReadOnlyDictionary<string, Screen> Catalogue(DemoAddresses a)
    {
        var portal = $"/sites/{DemoRegion.ProvincialPortalCode}";
        Screen[] all =
        [
            new("home", $"{portal}/", null, true),
            new("column", $"{portal}/columns/{a.NewsColumnId}", null, true),
            new("article", $"{portal}/articles/{a.NewsArticleId}", null, true),
            new("policy", $"{portal}/articles/{a.PolicyArticleId}", null, true),
            new("search", $"{portal}/search?q=%E8%90%A5%E5%95%86%E7%8E%AF%E5%A2%83", null, true),
            new("message-form", $"{portal}/interaction/write", null, true),
            new("not-found", $"{portal}/no-such-page", null, true, 404),
            new("desk-admin", "/admin", "admin", false),
            new("desk-siteadmin", "/admin", "siteadmin", false),
            new("desk-editor", "/admin", "editor", false),
            new("desk-reviewer", "/admin", "reviewer", false),
            new("desk-secrecy", "/admin", "secrecy", false),
            new("desk-supervisor", "/admin", "supervisor", false),
            new("library", $"/admin/sites/{a.CountyPortalId}/library", "editor", false),
            new("item-edit", $"/admin/library/{a.DraftItemId}", "editor", false),
            new("review-queue", $"/admin/sites/{a.CountyPortalId}/library?queue=true", "reviewer", false),
            new("message-triage", $"/admin/messages/{a.ReceivedMessageId}", "siteadmin", false),
        ];
        return all.ToDictionary(s => s.Name);
    }

    /// <summary>Every screen at a phone's and a desktop's width.</summary>
    public static TheoryData<string, int> AtBothWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in Catalogue(new DemoAddresses(0, 0, 0, 0, 0, 0, 0)).Keys)
        {
            data.Add(name, 390);
            data.Add(name, 1366);
        }
        return data;
    }
}

/// <summary>Where the demo put the records the screens show (ids differ between databases' seeds only by order).</summary>
public sealed record DemoAddresses(int NewsColumnId, int NewsArticleId, int PolicyArticleId, int CountyPortalId, int DraftItemId, int ReceivedMessageId, int PortalId)
{
    public static async Task<DemoAddresses> ReadAsync(GovSiteDb db)
    {
        var portal = await db.Sites.Where(s => s.Code == DemoRegion.ProvincialPortalCode).Select(s => s.Id).SingleAsync();
        var county = await db.Sites.Where(s => s.Code == DemoRegion.CountyPortalCode).Select(s => s.Id).SingleAsync();
        var published = db.Articles.Where(a => a.SiteId == portal && a.Status == ArticleStatus.Published);
        // The column with the most news (no documents), its newest article; the newest policy document.
        var newsColumn = await published.Where(a => a.DocNumber == null).GroupBy(a => a.ColumnId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync();
        var article = await published.Where(a => a.ColumnId == newsColumn)
            .OrderByDescending(a => a.PublishedAt).ThenBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var policy = await published.Where(a => a.DocNumber != null)
            .OrderByDescending(a => a.PublishedAt).ThenBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var draft = await db.LibraryItems.Where(i => i.OwnerSiteId == county && i.Status == ItemStatus.Draft)
            .OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        // A letter still to triage or in hand (the demo's county has no untouched one): the page with 确定 and 答复.
        var received = await db.Messages.Where(m => m.HandlingSiteId == county && (m.Status == MessageStatus.Received || m.Status == MessageStatus.Handling))
            .OrderBy(m => m.Status).ThenBy(m => m.Id).Select(m => m.Id).FirstAsync();
        return new DemoAddresses(newsColumn, article, policy, county, draft, received, portal);
    }
}

using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace GovSite.Tests.TestData;

/// <summary>
/// The positive control for every XSS test: each payload, put into a page without encoding in the
/// contexts it names, really calls alert (or confirm, prompt, print) in Chromium. A payload that
/// cannot run proves nothing when a test finds it did not run on GovSite's pages.
/// </summary>
[Trait("Category", "Browser")]
public sealed class XssCorpusBrowserTests : IAsyncLifetime
{
    private const string Origin = "http://corpus.test";

    private IPlaywright playwright = null!;
    private IBrowser browser = null!;
    private IBrowserContext context = null!;
    private readonly ConcurrentDictionary<string, (string ContentType, byte[] Body)> documents = new();
    private readonly ConcurrentDictionary<IPage, string> fired = new();

    // Runs before any page script in every frame: the dialogs report instead of blocking.
    private const string Trap = """
        (() => {
          for (const name of ['alert', 'confirm', 'prompt', 'print']) {
            const trap = function () { try { window.__xssFired(name); } catch (e) { try { top.__xssFired(name); } catch (e2) { } } };
            try { Object.defineProperty(window, name, { value: trap, writable: true, configurable: true }); } catch (e) { }
          }
        })();
        """;

    // What a person does to a page: move over, press, click every element.
    private const string Interact = """
        () => {
          const all = Array.from(document.querySelectorAll('body *'));
          for (const el of all) {
            for (const type of ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'dblclick', 'contextmenu'])
              el.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true }));
            for (const type of ['pointerover', 'pointerenter', 'pointerdown', 'pointerup'])
              el.dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true }));
          }
          for (const el of all) {
            if (el instanceof HTMLElement) el.click();
            else el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
          }
        }
        """;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
        context = await browser.NewContextAsync();
        // Pages come from memory; every other request (images, scripts, frames) is refused, so
        // nothing leaves the machine and broken resources fail at once.
        await context.RouteAsync("**/*", async route =>
        {
            if (documents.TryGetValue(route.Request.Url, out var document))
            {
                await route.FulfillAsync(new RouteFulfillOptions { ContentType = document.ContentType, BodyBytes = document.Body });
            }
            else
            {
                await route.AbortAsync();
            }
        });
        await context.ExposeBindingAsync("__xssFired", (BindingSource source, string name) =>
        {
            fired[source.Page] = name;
            return 0;
        });
        await context.AddInitScriptAsync(Trap);
    }

    public async Task DisposeAsync()
    {
        await context.CloseAsync();
        await browser.DisposeAsync();
        playwright.Dispose();
    }

    private static string PageWith(string context, string payload) => context switch
    {
        // One line after the payload, as minified templates are: an unclosed <script> payload
        // runs into the page's own script on the same line.
        "html" => $"<!doctype html><html><head><meta charset=utf-8><title>t</title></head><body><div class=\"content\">{payload}</div><p>后续内容</p><script>var tail = 1;</script></body></html>",
        "attribute" => $"<!doctype html><html><head><meta charset=utf-8><title>t</title></head><body><form><input name=\"q\" value=\"{payload}\"><input name=\"r\" value='{payload}'></form><p>后续内容</p></body></html>",
        "script" => $"<!doctype html><html><head><meta charset=utf-8><title>t</title></head><body><script>var a = '{payload}';</script><script>var b = \"{payload}\";</script><script>var c = `{payload}`;</script><p>后续内容</p></body></html>",
        "url" => $"<!doctype html><html><head><meta charset=utf-8><title>t</title></head><body><a id=\"target\" href=\"{payload}\">链接</a><p>后续内容</p></body></html>",
        _ => throw new ArgumentOutOfRangeException(nameof(context), context, null),
    };

    /// <summary>Opens the document, gives it a moment, interacts if nothing ran, and says whether a dialog was called.</summary>
    private async Task<bool> RunsAsync(IPage page, string url, string contentType, byte[] body, string interaction, int waitMs = 1_000)
    {
        fired.TryRemove(page, out _);
        documents[url] = (contentType, body);
        try
        {
            try
            {
                await page.GotoAsync(url, new PageGotoOptions { Timeout = 10_000 });
            }
            catch (PlaywrightException)
            {
                // A payload may navigate away while loading; whether it ran is what counts.
            }
            if (!fired.ContainsKey(page))
            {
                try
                {
                    await page.EvaluateAsync(interaction);
                }
                catch (PlaywrightException)
                {
                }
            }
            // Animations, SVG timelines and followed links take a few frames.
            for (var i = 0; i < waitMs / 20 && !fired.ContainsKey(page); i++)
            {
                await Task.Delay(20);
            }
            return fired.ContainsKey(page);
        }
        finally
        {
            documents.TryRemove(url, out _);
        }
    }

    [Fact]
    public async Task Every_xss_payload_runs_in_chromium_in_each_context_it_names()
    {
        var work = new ConcurrentQueue<(int Number, string Context, string Payload)>(Corpora.XssPayloadsWithContexts()
            .SelectMany((p, i) => p.Contexts.Select(c => (i + 1, c, p.Text))));
        var total = work.Count;
        var silent = new ConcurrentBag<(int Number, string Context, string Payload)>();

        async Task Worker()
        {
            var page = await NewTrappedPageAsync();
            while (work.TryDequeue(out var item))
            {
                if (!await RunsItemAsync(page, item, 1_000))
                {
                    silent.Add(item);
                }
            }
            await page.CloseAsync();
        }

        // Three pages share the browser; every payload gets a fresh window by navigation.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Worker()));
        total.ShouldBeGreaterThanOrEqualTo(300);

        // On a loaded machine (CI runs two suites at once) an animation iteration or a followed
        // javascript: link can miss the first second. What stayed silent gets a page to itself and
        // longer, twice; a payload that never runs is still a failure.
        var stillSilent = new List<string>();
        var alone = await NewTrappedPageAsync();
        foreach (var item in silent.OrderBy(i => i.Number))
        {
            if (!await RunsItemAsync(alone, item, 4_000) && !await RunsItemAsync(alone, item, 4_000))
            {
                stillSilent.Add($"#{item.Number} [{item.Context}] {item.Payload}");
            }
        }
        await alone.CloseAsync();
        stillSilent.ShouldBeEmpty();
    }

    private async Task<IPage> NewTrappedPageAsync()
    {
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) =>
        {
            fired[page] = dialog.Type;
            await dialog.DismissAsync();
        };
        return page;
    }

    private Task<bool> RunsItemAsync(IPage page, (int Number, string Context, string Payload) item, int waitMs)
    {
        var url = $"{Origin}/{item.Number}/{item.Context}";
        var body = System.Text.Encoding.UTF8.GetBytes(PageWith(item.Context, item.Payload));
        var interaction = item.Context == "url" ? "() => document.getElementById('target').click()" : Interact;
        return RunsAsync(page, url, "text/html; charset=utf-8", body, interaction, waitMs);
    }

    [Fact]
    public async Task Hostile_uploads_run_their_script_when_served_as_what_they_pretend_to_be_not()
    {
        var page = await NewTrappedPageAsync();
        const string none = "() => {}";

        // An upload folder that serves by sniffing or by extension runs these.
        (await RunsAsync(page, $"{Origin}/upload/avatar.png", "text/html", HostileUploads.PngHtmlPolyglot().Bytes, none)).ShouldBeTrue("PNG read as HTML");
        (await RunsAsync(page, $"{Origin}/upload/form.pdf", "text/html", HostileUploads.PdfHtmlPolyglot().Bytes, none)).ShouldBeTrue("PDF read as HTML");
        (await RunsAsync(page, $"{Origin}/upload/logo.svg", "image/svg+xml", HostileUploads.SvgWithScript().Bytes, none)).ShouldBeTrue("SVG opened directly");
        (await RunsAsync(page, $"{Origin}/upload/photo.jpg", "text/html", HostileUploads.LyingExtensions().Single(u => u.FileName == "照片.jpg").Bytes, none)).ShouldBeTrue("JPEG that is HTML");

        // Chromium refuses to run a script sent as image/*, so the GIF runs where the upload is
        // sent with a generic type, as folders of unknown files often are.
        documents[$"{Origin}/upload/icon.gif"] = ("application/octet-stream", HostileUploads.GifJavaScriptPolyglot().Bytes);
        var host = System.Text.Encoding.UTF8.GetBytes("<!doctype html><img src=\"/upload/icon.gif\"><script src=\"/upload/icon.gif\"></script>");
        (await RunsAsync(page, $"{Origin}/gif-as-script", "text/html", host, none)).ShouldBeTrue("GIF loaded as a script");
        (await page.EvaluateAsync<int>("() => document.querySelector('img').naturalHeight")).ShouldBe(1, "and it is still a picture");

        // Served as the image it claims to be, the PNG is a picture and nothing runs.
        documents[$"{Origin}/upload/avatar.png"] = ("image/png", HostileUploads.PngHtmlPolyglot().Bytes);
        var picture = System.Text.Encoding.UTF8.GetBytes("<!doctype html><img src=\"/upload/avatar.png\">");
        (await RunsAsync(page, $"{Origin}/png-as-image", "text/html", picture, none)).ShouldBeFalse();
        (await page.EvaluateAsync<int>("() => document.querySelector('img').naturalWidth")).ShouldBe(1);
        await page.CloseAsync();
    }
}

using System.Collections.Concurrent;
using System.Text;
using GovSite.Common;
using GovSite.Tests.TestData;
using Microsoft.Playwright;

namespace GovSite.Tests.Security;

/// <summary>
/// The XSS corpus as it is sent: the shared corpus (TestData/xss-payloads.txt) and this folder's
/// additions, each payload's literal <c>alert(1)</c> turned into <c>alert(N)</c> so that a call
/// names the payload that made it.
/// </summary>
public static class XssCorpus
{
    public const int FirstMarker = 1001;

    private static readonly Lazy<IReadOnlyList<string>> payloads = new(() =>
    {
        var own = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Security", "xss-payloads.txt"), Encoding.UTF8)
            .Where(l => l.Length > 0 && !l.StartsWith('#'));
        return [.. Corpora.XssPayloads().Concat(own).Distinct(StringComparer.Ordinal)
            .Select((p, i) => p.Replace("alert(1)", $"alert({FirstMarker + i})", StringComparison.Ordinal))];
    });

    public static IReadOnlyList<string> Payloads => payloads.Value;

    /// <summary>
    /// The payloads in groups that fit a field of <paramref name="maxLength"/> characters, joined
    /// by <paramref name="separator"/>; a payload longer than the field is left out (the field
    /// would refuse it, which proves nothing about encoding).
    /// </summary>
    public static List<List<string>> Batches(int maxLength, string separator = "\n", int maxCount = 60)
    {
        var batches = new List<List<string>>();
        var current = new List<string>();
        var length = 0;
        foreach (var payload in Payloads)
        {
            var size = TypedText.Length(payload);
            if (size > maxLength)
            {
                continue;
            }
            if (current.Count > 0 && (length + separator.Length + size > maxLength || current.Count == maxCount))
            {
                batches.Add(current);
                current = [];
                length = 0;
            }
            length += (current.Count > 0 ? separator.Length : 0) + size;
            current.Add(payload);
        }
        if (current.Count > 0)
        {
            batches.Add(current);
        }
        return batches;
    }

    /// <summary>
    /// The payloads of <paramref name="batch"/> that fit one line of <paramref name="maxLength"/>,
    /// joined by a space; a plain name when none fits (the field may be required).
    /// </summary>
    public static string Line(IEnumerable<string> batch, int maxLength)
    {
        var sb = new StringBuilder();
        foreach (var payload in batch)
        {
            var extra = (sb.Length > 0 ? 1 : 0) + TypedText.Length(payload);
            if (TypedText.Length(sb.ToString()) + extra <= maxLength && payload.Trim() == payload)
            {
                sb.Append(sb.Length > 0 ? " " : "").Append(payload);
            }
        }
        return sb.Length > 0 ? sb.ToString() : "王小明";
    }
}

/// <summary>
/// Opens pages in Chromium twice, once under GovSite's Content-Security-Policy and once with the
/// policy bypassed, and reports what ran: a dialog (alert, confirm, prompt, print, trapped in
/// every frame before any page script), <c>window.__xss</c> set, <c>document.title</c> set to
/// 'XSS'; what the policy refused; and markup that a payload left in the page whether or not it
/// ran (an inline handler, a script without the page's nonce, a <c>javascript:</c> link, a frame).
/// It also compares the page's text with the plain text it must show exactly.
/// </summary>
public sealed class XssProbe : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> hits = new();
    private IBrowserContext guarded = null!;
    private IBrowserContext bypassed = null!;
    private IPage guardedPage = null!;
    private IPage bypassedPage = null!;

    public List<string> Executed { get; } = [];
    public List<string> ExecutedOnlyWithoutPolicy { get; } = [];
    public List<string> PolicyViolations { get; } = [];
    public List<string> Injected { get; } = [];
    public List<string> NotShownExactly { get; } = [];
    public int PagesVisited { get; private set; }

    private const string Trap = """
        (() => {
          const report = (how, arg) => {
            const what = how + '(' + String(arg).slice(0, 40) + ') @' + location.href.slice(0, 80);
            try { window.__xssHit(what); } catch (e) { try { top.__xssHit(what); } catch (e2) { } }
          };
          for (const name of ['alert', 'confirm', 'prompt', 'print']) {
            const trap = function (arg) { report(name, arg); };
            try { Object.defineProperty(window, name, { value: trap, writable: true, configurable: true }); } catch (e) { }
          }
          window.__csp = [];
          document.addEventListener('securitypolicyviolation', function (e) {
            window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sample || '').slice(0, 60));
          });
        })();
        """;

    // What a person does to a page short of following links: hover, press, focus. A payload that
    // waits for a click shows up as an inline handler in the scan below, clicked or not.
    private const string Interact = """
        () => {
          for (const el of Array.from(document.querySelectorAll('body *'))) {
            for (const type of ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup'])
              el.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true }));
            for (const type of ['pointerover', 'pointerenter', 'pointerdown', 'pointerup'])
              el.dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true }));
            el.dispatchEvent(new FocusEvent('focus'));
          }
        }
        """;

    // GovSite's pages carry no inline handlers, no javascript: links, no frames and no script
    // without the page's nonce (the policy would refuse them), so any of these came from input.
    private const string Scan = """
        () => {
          const found = [];
          const bad = /^(javascript|vbscript|data:text\/html|data:application\/xhtml|data:image\/svg)/;
          // Attributes a browser follows or loads; text in others (a meta description) is only text.
          const urls = ['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'background', 'poster', 'codebase', 'lowsrc', 'dynsrc'];
          const walk = (doc, where) => {
            for (const el of doc.querySelectorAll('*')) {
              const tag = el.localName;
              for (const a of Array.from(el.attributes)) {
                const n = a.name.toLowerCase();
                const v = a.value.replace(/[\u0000-\u0020\u007f-\u009f\u200b-\u200d\u2028\u2029\ufeff]/g, '').toLowerCase();
                if (n.startsWith('on') || n === 'srcdoc' || (urls.includes(n) && bad.test(v) && !(tag === 'img' && v.startsWith('data:image/svg')))
                    || (n === 'style' && /expression\(|javascript:|behavior:/.test(v)))
                  found.push(where + '<' + tag + ' ' + n + '="' + a.value.slice(0, 60) + '">');
              }
              if (['iframe', 'frame', 'frameset', 'object', 'embed', 'base', 'applet'].includes(tag)
                  || (tag === 'meta' && el.hasAttribute('http-equiv') && el.closest('body'))
                  || (tag === 'script' && !el.nonce && !(el.src && el.src.startsWith(location.origin + '/'))))
                found.push(where + '<' + tag + '>' + (el.outerHTML || '').slice(0, 80));
            }
            for (const f of doc.querySelectorAll('iframe, frame')) {
              try { if (f.contentDocument) walk(f.contentDocument, where + 'frame:'); } catch (e) { }
            }
          };
          walk(document, '');
          return found;
        }
        """;

    private const string Ran = """
        () => {
          const ran = [];
          const look = (w, where) => {
            try {
              if (w.__xss) ran.push(where + 'window.__xss');
              if (w.document.title === 'XSS') ran.push(where + "document.title='XSS'");
              for (let i = 0; i < w.frames.length; i++) look(w.frames[i], where + 'frame:');
            } catch (e) { }
          };
          look(window, '');
          return ran;
        }
        """;

    public static async Task<XssProbe> StartAsync(IBrowser browser, string baseUrl, Func<IPage, Task>? signIn = null)
    {
        var probe = new XssProbe();
        (probe.guarded, probe.guardedPage) = await probe.ContextAsync(browser, baseUrl, bypassCsp: false, signIn);
        (probe.bypassed, probe.bypassedPage) = await probe.ContextAsync(browser, baseUrl, bypassCsp: true, signIn);
        return probe;
    }

    private async Task<(IBrowserContext, IPage)> ContextAsync(IBrowser browser, string baseUrl, bool bypassCsp, Func<IPage, Task>? signIn)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", BaseURL = baseUrl, BypassCSP = bypassCsp });
        // Nothing leaves the machine: a payload's outside URL fails at once.
        await context.RouteAsync(url => !url.StartsWith(baseUrl, StringComparison.Ordinal), route => route.AbortAsync());
        var page = await context.NewPageAsync();
        if (signIn is not null)
        {
            await signIn(page);
        }
        await context.ExposeBindingAsync("__xssHit", (BindingSource _, string what) =>
        {
            hits.Enqueue(what);
            return 0;
        });
        await context.AddInitScriptAsync(Trap);
        page.Dialog += async (_, dialog) =>
        {
            hits.Enqueue($"dialog {dialog.Type}({dialog.Message})");
            await dialog.DismissAsync();
        };
        return (context, page);
    }

    /// <summary>
    /// Opens <paramref name="path"/> in both contexts and records what ran and what was injected;
    /// each of <paramref name="plainText"/> must appear exactly in the page's text. A page that
    /// shows its content only after a form post (a status lookup) is checked after
    /// <paramref name="submit"/> has filled and sent that form.
    /// </summary>
    public async Task VisitAsync(string path, IEnumerable<string>? plainText = null, Func<IPage, Task>? submit = null)
    {
        PagesVisited++;
        var guardedRan = await OpenAsync(guardedPage, path, collectViolations: true, plainText, submit);
        var bypassedRan = await OpenAsync(bypassedPage, path, collectViolations: false, null, submit);
        Executed.AddRange(guardedRan.Select(r => $"{path}: {r}"));
        ExecutedOnlyWithoutPolicy.AddRange(bypassedRan.Except(guardedRan).Select(r => $"{path}: {r}"));
    }

    private async Task<List<string>> OpenAsync(IPage page, string path, bool collectViolations, IEnumerable<string>? plainText, Func<IPage, Task>? submit)
    {
        hits.Clear();
        var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        response.ShouldNotBeNull(path);
        response.Status.ShouldBe(200, $"GET {path}");
        if (submit is not null)
        {
            // The form's response is a page (a receipt) or a redirect to one (a list with its
            // notice); either way the checks below run on the document that follows.
            await page.EvaluateAsync("() => { window.__beforePost = true; }");
            var posted = await page.RunAndWaitForResponseAsync(() => submit(page), r => r.Request.IsNavigationRequest && r.Request.Method == "POST");
            posted.Status.ShouldBeOneOf([200, 302], $"POST {path}");
            await page.WaitForFunctionAsync("() => window.__beforePost === undefined && document.readyState === 'complete'");
        }
        try
        {
            await page.EvaluateAsync(Interact);
        }
        catch (PlaywrightException)
        {
            // A payload that navigated the page away ran; the hits say so.
        }
        // Timers, animations and SVG timelines take a few frames.
        await page.WaitForTimeoutAsync(150);
        var ran = new List<string>(hits);
        try
        {
            ran.AddRange(await page.EvaluateAsync<string[]>(Ran));
            if (collectViolations)
            {
                PolicyViolations.AddRange((await page.EvaluateAsync<string[]>("() => window.__csp || []")).Select(v => $"{path}: {v}"));
                Injected.AddRange((await page.EvaluateAsync<string[]>(Scan)).Select(v => $"{path}: {v}"));
                if (plainText is not null)
                {
                    var text = (await page.EvaluateAsync<string>("() => document.documentElement.textContent")).Replace('\u00a0', ' ');
                    foreach (var expected in plainText.Where(t => !text.Contains(t.Replace('\u00a0', ' '), StringComparison.Ordinal)))
                    {
                        NotShownExactly.Add($"{path}: 「{(expected.Length > 80 ? expected[..80] + "…" : expected)}」");
                    }
                }
            }
        }
        catch (PlaywrightException e)
        {
            ran.Add($"the page navigated away or broke: {e.Message[..Math.Min(e.Message.Length, 120)]}");
        }
        return ran;
    }

    /// <summary>Everything that counts as a failure, one line each.</summary>
    public IEnumerable<string> Failures() =>
        Executed.Select(e => "executed: " + e)
            .Concat(ExecutedOnlyWithoutPolicy.Select(e => "executed with the policy bypassed: " + e))
            .Concat(PolicyViolations.Select(e => "refused only by the policy: " + e))
            .Concat(Injected.Select(e => "markup injected: " + e))
            .Concat(NotShownExactly.Select(e => "plain text not shown as typed: " + e));

    public async ValueTask DisposeAsync()
    {
        await guarded.CloseAsync();
        await bypassed.CloseAsync();
    }
}

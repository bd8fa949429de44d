using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovSite.Tests;

/// <summary>
/// The back office as a browser drives it, over HTTP: signed in with the cookie, forms read from
/// the page and posted back with what they hold (antiforgery token included), so a test can open a
/// form, change nothing or some fields, and save. Form values are collected as the HTML standard
/// says a browser submits them: checked boxes only, a select's selected option (else its first),
/// a textarea's text.
/// </summary>
public sealed class BackOfficeSession : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient _client;

    private BackOfficeSession(HttpClient client) => _client = client;

    public HttpClient Client => _client;

    /// <summary>A visitor: cookies kept (antiforgery), nobody signed in.</summary>
    public static BackOfficeSession Anonymous(WebApplicationFactory<Program> app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = app.ClientOptions.BaseAddress, HandleCookies = true, AllowAutoRedirect = false }));

    public static async Task<BackOfficeSession> SignInAsync(WebApplicationFactory<Program> app, string userName, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = app.ClientOptions.BaseAddress, HandleCookies = true, AllowAutoRedirect = false });
        var session = new BackOfficeSession(client);
        var login = await session.OpenAsync("/admin/login");
        var response = await session.SubmitAsync(login.Form("form[method=post]:not([action='/admin/logout'])"),
            new() { ["UserName"] = userName, ["Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "signing in as " + userName);
        return session;
    }

    /// <summary>
    /// Signs in a user who has enrolled a second factor: the password, then the code the
    /// authenticator computes now from the secret, as the person's phone would.
    /// </summary>
    public static async Task<BackOfficeSession> SignInAsync(WebApplicationFactory<Program> app, string userName, string password, Authenticator authenticator)
    {
        var session = await PasswordOnlyAsync(app, userName, password);
        var response = await session.EnterCodeAsync(await authenticator.NextCodeAsync());
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the code of " + userName);
        response.Headers.Location!.ToString().ShouldNotContain("/admin/login");
        return session;
    }

    /// <summary>
    /// Signs in by password and enrols a second factor on the enrolment page (where a platform
    /// administrator or supervisor is sent, or which other staff open themselves): the secret read
    /// from the page, the first code computed from it. Returns the authenticator and the recovery codes shown.
    /// </summary>
    public static async Task<(BackOfficeSession Session, Authenticator Authenticator, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(
        WebApplicationFactory<Program> app, string userName, string password)
    {
        var session = await PasswordOnlyAsync(app, userName, password);
        var page = await session.OpenAsync("/admin/login/two-factor");
        var secret = page.Document.QuerySelector(".totp-secret")!.TextContent.Trim();
        var authenticator = new Authenticator(secret);
        var done = await session.SubmitAsync(page.Handler("Confirm"), new() { ["Code"] = await authenticator.NextCodeAsync() });
        var html = await done.Content.ReadAsStringAsync();
        done.StatusCode.ShouldBe(HttpStatusCode.OK, html[..Math.Min(html.Length, 500)]);
        var codes = Parser.ParseDocument(html).QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent.Trim()).ToList();
        codes.Count.ShouldBe(GovSite.Accounts.SecondFactor.RecoveryCodeCount, "recovery codes shown after enrolment");
        return (session, authenticator, codes);
    }

    /// <summary>The password step alone: the caller looks at where it leads.</summary>
    public static async Task<BackOfficeSession> PasswordOnlyAsync(WebApplicationFactory<Program> app, string userName, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = app.ClientOptions.BaseAddress, HandleCookies = true, AllowAutoRedirect = false });
        var session = new BackOfficeSession(client);
        var login = await session.OpenAsync("/admin/login");
        var response = await session.SubmitAsync(login.Form("form[method=post]:not([action='/admin/logout'])"),
            new() { ["UserName"] = userName, ["Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "signing in as " + userName);
        session.LastRedirect = response.Headers.Location?.ToString();
        return session;
    }

    /// <summary>Where the last sign-in step sent the browser.</summary>
    public string? LastRedirect { get; private set; }

    /// <summary>Types a code on the sign-in code page.</summary>
    public async Task<HttpResponseMessage> EnterCodeAsync(string code)
    {
        var page = await OpenAsync("/admin/login/code");
        return await SubmitAsync(page.Form("form[method=post]:not([action='/admin/logout'])"), new() { ["Code"] = code });
    }

    public async Task<Page> OpenAsync(string url)
    {
        var response = await _client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}: {html[..Math.Min(html.Length, 500)]}");
        return new Page(url, Parser.ParseDocument(html), html);
    }

    /// <summary>Posts a form with its current values, <paramref name="changes"/> applied (a null value removes the field).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(Form form, Dictionary<string, string?>? changes = null, string? button = null)
    {
        var fields = form.ValuesWith(changes, button);
        var content = new FormUrlEncodedContent(fields);
        return await _client.PostAsync(form.Action, content);
    }

    /// <summary>Posts a form as multipart/form-data with its current values, <paramref name="changes"/> applied, and files under their field names.</summary>
    public async Task<HttpResponseMessage> SubmitWithFilesAsync(Form form, Dictionary<string, string?> changes, params (string Field, string FileName, byte[] Bytes)[] files)
    {
        var fields = form.ValuesWith(changes);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }
        foreach (var (field, fileName, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), field, fileName);
        }
        return await _client.PostAsync(form.Action, content);
    }

    public void Dispose() => _client.Dispose();

    public sealed record Page(string Url, IHtmlDocument Document, string Html)
    {
        /// <summary>The form matched by a CSS selector (it must be unique on the page).</summary>
        public Form Form(string selector)
        {
            var forms = Document.QuerySelectorAll(selector).OfType<IHtmlFormElement>().ToList();
            forms.Count.ShouldBe(1, $"one form matching {selector} on {Url}");
            return new Form(forms[0], Url);
        }

        /// <summary>The form that posts to a page handler (asp-page-handler), or the page's default handler when null.</summary>
        public Form Handler(string? handler)
        {
            var forms = Document.QuerySelectorAll("form[method=post]").OfType<IHtmlFormElement>()
                .Where(f => (f.GetAttribute("action") ?? "") is var action && (handler is null
                    ? !action.Contains("handler=", StringComparison.OrdinalIgnoreCase) && !action.Contains("/admin/logout", StringComparison.Ordinal)
                    : action.Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase)))
                .ToList();
            forms.Count.ShouldBeGreaterThan(0, $"a form for handler {handler ?? "(default)"} on {Url}");
            return new Form(forms[0], Url);
        }

        /// <summary>Messages shown beside fields and in the summary.</summary>
        public IReadOnlyList<string> Errors =>
            [.. Document.QuerySelectorAll(".field-validation-error, .validation-summary-errors li, .error-summary li").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0)];
    }

    public sealed class Form(IHtmlFormElement form, string pageUrl)
    {
        public IHtmlFormElement Element => form;

        public string Action => form.GetAttribute("action") is { Length: > 0 } action ? action : pageUrl;

        /// <summary>The form's values with <paramref name="changes"/> applied (a null value removes the field).</summary>
        public List<KeyValuePair<string, string>> ValuesWith(Dictionary<string, string?>? changes, string? button = null)
        {
            var fields = Values(button);
            foreach (var (name, value) in changes ?? [])
            {
                fields.RemoveAll(f => f.Key == name);
                if (value is not null)
                {
                    fields.Add(new(name, value));
                }
            }
            return fields;
        }

        public List<KeyValuePair<string, string>> Values(string? button = null)
        {
            var fields = new List<KeyValuePair<string, string>>();
            foreach (var element in form.Elements)
            {
                var name = element.GetAttribute("name");
                if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
                {
                    continue;
                }
                switch (element)
                {
                    case IHtmlInputElement input:
                        var type = (input.GetAttribute("type") ?? "text").ToLowerInvariant();
                        if (type is "checkbox" or "radio")
                        {
                            if (input.HasAttribute("checked"))
                            {
                                fields.Add(new(name, input.GetAttribute("value") ?? "on"));
                            }
                        }
                        else if (type is not ("submit" or "button" or "file" or "image" or "reset"))
                        {
                            fields.Add(new(name, input.GetAttribute("value") ?? ""));
                        }
                        break;
                    case IHtmlTextAreaElement area:
                        fields.Add(new(name, area.TextContent));
                        break;
                    case IHtmlSelectElement select:
                        var options = select.Options.ToList();
                        var chosen = options.Where(o => o.HasAttribute("selected")).ToList();
                        if (chosen.Count == 0 && !select.IsMultiple && options.Count > 0)
                        {
                            chosen = [options[0]];
                        }
                        fields.AddRange(chosen.Select(o => new KeyValuePair<string, string>(name, o.GetAttribute("value") ?? o.TextContent)));
                        break;
                    case IHtmlButtonElement b when button is not null && b.GetAttribute("value") == button:
                        fields.Add(new(name, button));
                        break;
                }
            }
            return fields;
        }

        /// <summary>The value a field holds as the page shows it (the first when repeated).</summary>
        public string? this[string name] => Values().Where(f => f.Key == name).Select(f => f.Value).FirstOrDefault();
    }
}

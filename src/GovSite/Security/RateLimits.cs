using System.Data.Common;
using System.Net;
using System.Text;
using GovSite.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace GovSite.Security;

/// <summary>
/// One fixed window of one limit for one key (a client address, a phone number, an account):
/// how many requests it has taken so far. The row lives in the database, so every node counts
/// into the same window.
/// </summary>
public sealed class RateLimitWindow
{
    public string Bucket { get; set; } = "";
    public string Key { get; set; } = "";

    /// <summary>Unix seconds at which the window began (a multiple of its length).</summary>
    public long WindowStart { get; set; }
    public int Count { get; set; }

    public static void ConfigureModel(ModelBuilder b) => b.Entity<RateLimitWindow>(e =>
    {
        e.ToTable("RateLimitWindows");
        e.HasKey(x => new { x.Bucket, x.Key, x.WindowStart });
        e.Property(x => x.Bucket).HasMaxLength(64);
        e.Property(x => x.Key).HasMaxLength(128);
        e.HasIndex(x => x.WindowStart);
    });
}

/// <summary>A limit: so many requests per fixed window.</summary>
public sealed class RateLimitRule
{
    public int Limit { get; set; }
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// The limits by name. Defaults here; each can be changed in configuration, e.g.
/// <c>RateLimits__Rules__staff-sign-in__Limit=50</c> (or <c>__WindowSeconds</c>).
/// </summary>
public sealed class RateLimitOptions
{
    public const string StaffSignIn = "staff-sign-in";
    public const string CitizenSignIn = "citizen-sign-in";
    public const string CitizenSignInPerNumber = "citizen-sign-in-number";

    // The public forms and APIs (issue 21). Each counts per client address; where the form has a
    // phone number, an account or a ticket number, a second limit counts per that too, so one
    // sender spread over many addresses still meets a limit. The domain's own rules (five
    // letters per phone a day, one rating per item a day) stay where they are; these limits are
    // the flood guard in front of them.
    public const string Letters = "letters";
    public const string LettersPerPhone = "letters-phone";
    public const string Opinions = "opinions";
    public const string SurveyAnswers = "survey-answers";
    public const string InterviewQuestions = "interview-questions";
    public const string ErrorReports = "error-reports";
    public const string ErrorReportsPerPhone = "error-reports-phone";
    public const string InformationRequests = "information-requests";
    public const string InformationRequestsPerPhone = "information-requests-phone";
    public const string ServiceRatings = "service-ratings";
    public const string ServiceUses = "service-uses";
    public const string Subscriptions = "subscriptions";
    public const string CitizenPosts = "citizen-posts";
    public const string CitizenPostsPerAccount = "citizen-posts-account";
    public const string Lookups = "lookups";
    public const string LookupsPerNumber = "lookups-number";
    public const string Search = "search";
    public const string Uploads = "uploads";

    /// <summary>The limits that guard what the public can send (tests raise them all at once).</summary>
    public static readonly string[] PublicBuckets =
    [
        Letters, LettersPerPhone, Opinions, SurveyAnswers, InterviewQuestions, ErrorReports, ErrorReportsPerPhone,
        InformationRequests, InformationRequestsPerPhone, ServiceRatings, ServiceUses, Subscriptions, CitizenPosts,
        CitizenPostsPerAccount, Lookups, LookupsPerNumber, Search, Uploads,
    ];

    public Dictionary<string, RateLimitRule> Rules { get; } = new(StringComparer.Ordinal)
    {
        // Password guessing against the token endpoint: a handful of attempts per address and minute.
        [StaffSignIn] = new() { Limit = 20, WindowSeconds = 60 },
        // Citizens' sign-in and registration attempts (Citizens:SignInPerMinute overrides the limit).
        [CitizenSignIn] = new() { Limit = 30, WindowSeconds = 60 },
        // The same mobile number from many addresses: a spread-out guesser still meets this.
        [CitizenSignInPerNumber] = new() { Limit = 20, WindowSeconds = 600 },
        // Letters (every channel, form and API): an office behind one address may send several.
        [Letters] = new() { Limit = 20, WindowSeconds = 600 },
        [LettersPerPhone] = new() { Limit = 10, WindowSeconds = 3600 },
        // Consultation opinions, survey answers, interview questions (Participation:PostsPerWindow
        // and Participation:WindowMinutes, the older settings, still set all three).
        [Opinions] = new() { Limit = 20, WindowSeconds = 600 },
        [SurveyAnswers] = new() { Limit = 20, WindowSeconds = 600 },
        [InterviewQuestions] = new() { Limit = 20, WindowSeconds = 600 },
        [ErrorReports] = new() { Limit = 20, WindowSeconds = 600 },
        [ErrorReportsPerPhone] = new() { Limit = 10, WindowSeconds = 3600 },
        [InformationRequests] = new() { Limit = 20, WindowSeconds = 600 },
        [InformationRequestsPerPhone] = new() { Limit = 10, WindowSeconds = 3600 },
        // 好差评 and the use counter behind every guide link and hall button.
        [ServiceRatings] = new() { Limit = 30, WindowSeconds = 60 },
        [ServiceUses] = new() { Limit = 240, WindowSeconds = 60 },
        // Subscribing and unsubscribing (the page, and the mail client's one-click POST).
        [Subscriptions] = new() { Limit = 30, WindowSeconds = 600 },
        // A signed-in citizen's own page: saving, removing, linking a letter, deleting the account.
        [CitizenPosts] = new() { Limit = 120, WindowSeconds = 600 },
        [CitizenPostsPerAccount] = new() { Limit = 120, WindowSeconds = 600 },
        // Looking up a letter, error report or request by number and query code: guessing codes.
        [Lookups] = new() { Limit = 30, WindowSeconds = 600 },
        [LookupsPerNumber] = new() { Limit = 10, WindowSeconds = 600 },
        // Searches, page and API, suggestions while typing included (GOVSITE_SEARCH_RATE sets the limit).
        [Search] = new() { Limit = 120, WindowSeconds = 60 },
        // Uploads, per account (staff) or address (Files:UploadsPerMinute sets the limit).
        [Uploads] = new() { Limit = 60, WindowSeconds = 60 },
    };

    public RateLimitRule Rule(string bucket) =>
        Rules.TryGetValue(bucket, out var rule) ? rule : throw new InvalidOperationException($"No rate limit named {bucket}.");
}

/// <summary>
/// Rate limits held in the database (issue 21): a fixed-window counter per (limit, key, window),
/// taken with one upsert that SQLite (3.35+) and PostgreSQL both run as written, so the limit holds
/// across every node behind the load balancer. Windows past their use are swept now and then by
/// whichever request opens a new window.
/// </summary>
public sealed class RateLimits(GovSiteDb db, TimeProvider clock, IOptions<RateLimitOptions> options)
{
    /// <summary>Windows older than this are swept (longer than any configured window).</summary>
    private static readonly TimeSpan Keep = TimeSpan.FromDays(1);

    public const string Sql = """
        INSERT INTO "RateLimitWindows" ("Bucket", "Key", "WindowStart", "Count") VALUES (@bucket, @key, @start, 1)
        ON CONFLICT ("Bucket", "Key", "WindowStart") DO UPDATE SET "Count" = "RateLimitWindows"."Count" + 1
        RETURNING "Count"
        """;

    /// <summary>
    /// Counts one request against the limit for this key. Null when it is within the limit; else
    /// the time until the window ends (for Retry-After).
    /// </summary>
    public async Task<TimeSpan?> TakeAsync(string bucket, string key, CancellationToken ct = default)
    {
        var rule = options.Value.Rule(bucket);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var start = now - now % rule.WindowSeconds;
        var count = await IncrementAsync(bucket, key.Length <= 128 ? key : key[..128], start, ct);
        if (count == 1 && Random.Shared.Next(100) == 0)
        {
            var before = now - (long)Keep.TotalSeconds;
            await db.Set<RateLimitWindow>().Where(w => w.WindowStart < before).ExecuteDeleteAsync(ct);
        }
        return count <= rule.Limit ? null : TimeSpan.FromSeconds(start + rule.WindowSeconds - now);
    }

    /// <summary>Removes the windows that ended more than a day ago; returns how many.</summary>
    public Task<int> SweepAsync(CancellationToken ct = default)
    {
        var before = clock.GetUtcNow().ToUnixTimeSeconds() - (long)Keep.TotalSeconds;
        return db.Set<RateLimitWindow>().Where(w => w.WindowStart < before).ExecuteDeleteAsync(ct);
    }

    private async Task<int> IncrementAsync(string bucket, string key, long start, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            Add(command, "bucket", bucket);
            Add(command, "key", key);
            Add(command, "start", start);
            return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>The client's address as the key (behind nginx, forwarded headers have set it).</summary>
    public static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// For minimal APIs: each request counts against <paramref name="bucket"/> per client address;
    /// over the limit, a 429 ProblemDetails in Chinese with Retry-After.
    /// </summary>
    public static EndpointFilterDelegate PerAddress(EndpointFilterFactoryContext _, EndpointFilterDelegate next, string bucket) => async invocation =>
        await RefuseAsync(invocation.HttpContext, bucket, Address(invocation.HttpContext)) ?? await next(invocation);

    /// <summary>Counts one request and, over the limit, answers with the 429 ProblemDetails (else null).</summary>
    internal static async Task<IResult?> RefuseAsync(HttpContext http, string bucket, string key)
    {
        if (await http.RequestServices.GetRequiredService<RateLimits>().TakeAsync(bucket, key, http.RequestAborted) is not { } wait)
        {
            return null;
        }
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem($"您的操作过于频繁，请 {seconds} 秒后再试", statusCode: StatusCodes.Status429TooManyRequests, title: "请求过于频繁");
    }
}

/// <summary>Marks an endpoint counted in a database-held limit: the OpenAPI document lists its 429.</summary>
public sealed record RateLimitedEndpoint(string Bucket);

/// <summary>The database-held limits on minimal API endpoints and groups.</summary>
public static class RateLimitEndpoints
{
    /// <summary>Every request counts against <paramref name="bucket"/> per client address.</summary>
    public static TBuilder LimitPerAddress<TBuilder>(this TBuilder builder, string bucket) where TBuilder : IEndpointConventionBuilder =>
        builder.LimitBy(bucket, RateLimits.Address);

    /// <summary>Every request counts against <paramref name="bucket"/> per the key chosen from the request.</summary>
    public static TBuilder LimitBy<TBuilder>(this TBuilder builder, string bucket, Func<HttpContext, string> key) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RateLimitedEndpoint(bucket)).AddEndpointFilter(async (invocation, next) =>
            await RateLimits.RefuseAsync(invocation.HttpContext, bucket, key(invocation.HttpContext)) ?? await next(invocation));

    /// <summary>
    /// Per address in <paramref name="bucket"/>, and per a value of the bound body (a phone number)
    /// in <paramref name="keyBucket"/> when it has one.
    /// </summary>
    public static TBuilder LimitPerAddressAnd<TBuilder, TInput>(this TBuilder builder, string bucket, string keyBucket, Func<TInput, string?> key)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RateLimitedEndpoint(bucket)).AddEndpointFilter(async (invocation, next) =>
        {
            var http = invocation.HttpContext;
            if (await RateLimits.RefuseAsync(http, bucket, RateLimits.Address(http)) is { } refused)
            {
                return refused;
            }
            var value = invocation.Arguments.OfType<TInput>().Select(key).FirstOrDefault()?.Trim();
            return value is { Length: > 0 } && await RateLimits.RefuseAsync(http, keyBucket, value) is { } refusedByKey
                ? refusedByKey
                : await next(invocation);
        });
}

/// <summary>
/// On a public form's page: every POST counts per client address and, when
/// <see cref="KeyField"/> names a field (a mobile number, a ticket number), per its value too, or
/// with <see cref="PerCitizen"/> per the signed-in citizen's account. Over a limit the answer is
/// a 429 page in Chinese that shows what was typed and can send it again unchanged once the
/// window has passed, so nothing typed is lost. Showing the form (GET) is not counted unless
/// <see cref="Reads"/> says so (the search page, whose query is its form).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PublicFormLimitAttribute(string bucket) : Attribute, IAsyncPageFilter
{
    /// <summary>A second limit keyed by this form field's value (e.g. the phone number).</summary>
    public string? KeyField { get; init; }
    public string? KeyBucket { get; init; }

    /// <summary>The second limit (<see cref="KeyBucket"/>) is keyed by the signed-in citizen's account.</summary>
    public bool PerCitizen { get; init; }

    /// <summary>GET counts too: the page is itself the answer to a query.</summary>
    public bool Reads { get; init; }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var post = HttpMethods.IsPost(http.Request.Method);
        if (!post && !(Reads && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))))
        {
            await next();
            return;
        }
        var limits = http.RequestServices.GetRequiredService<RateLimits>();
        var wait = await limits.TakeAsync(bucket, RateLimits.Address(http), http.RequestAborted);
        if (wait is null && KeyBucket is not null && await SecondKeyAsync(http) is { Length: > 0 } value)
        {
            wait = await limits.TakeAsync(KeyBucket, value, http.RequestAborted);
        }
        if (wait is null)
        {
            await next();
            return;
        }
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.Value.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Result = new ContentResult
        {
            StatusCode = StatusCodes.Status429TooManyRequests,
            ContentType = "text/html; charset=utf-8",
            Content = TooManyPage(http, seconds, post),
        };
    }

    private async Task<string?> SecondKeyAsync(HttpContext http)
    {
        if (PerCitizen)
        {
            return await Citizens.CitizensSetup.CitizenIdAsync(http) is int id ? "citizen:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        }
        return KeyField is not null && http.Request.HasFormContentType ? http.Request.Form[KeyField].ToString().Trim() : null;
    }

    /// <summary>What was typed, shown and kept in a form that sends it again (passwords excepted).</summary>
    private static string TooManyPage(HttpContext http, int seconds, bool post)
    {
        var html = new StringBuilder(2048);
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>请求过于频繁</title></head><body><main><h1>").Append(post ? "提交过于频繁" : "请求过于频繁")
            .Append("</h1><p role=\"alert\">您的操作过于频繁，请 ")
            .Append(seconds).Append(post ? " 秒后点击“重新提交”。您填写的内容保留如下，不会丢失。</p>" : " 秒后点击“重试”。</p>");
        IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> fields = [];
        if (post)
        {
            html.Append("<form method=\"post\" action=\"").Append(WebUtility.HtmlEncode(http.Request.Path + http.Request.QueryString)).Append("\">");
            fields = http.Request.HasFormContentType ? http.Request.Form : fields;
        }
        else
        {
            html.Append("<form method=\"get\" action=\"").Append(WebUtility.HtmlEncode(http.Request.Path.ToString())).Append("\">");
            fields = http.Request.Query;
        }
        foreach (var (name, values) in fields)
        {
            var secret = name.Contains("Password", StringComparison.OrdinalIgnoreCase);
            foreach (var value in values)
            {
                var encodedName = WebUtility.HtmlEncode(name);
                if (name == "__RequestVerificationToken")
                {
                    html.Append("<input type=\"hidden\" name=\"").Append(encodedName).Append("\" value=\"").Append(WebUtility.HtmlEncode(value)).Append("\">");
                }
                else if (!secret)
                {
                    html.Append("<p><label>").Append(encodedName).Append("<br><textarea name=\"").Append(encodedName).Append("\" rows=\"2\" cols=\"60\">\n")
                        .Append(WebUtility.HtmlEncode(value)).Append("</textarea></label></p>");
                }
            }
        }
        html.Append("<p><button type=\"submit\">").Append(post ? "重新提交" : "重试").Append("</button></p></form></main></body></html>");
        return html.ToString();
    }
}

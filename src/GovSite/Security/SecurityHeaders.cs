using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace GovSite.Security;

/// <summary>
/// The headers every response carries, whichever part of the pipeline answers it (a cached
/// public page, a static file, a Razor page, the API, an error page): they are set when the
/// response starts, so nothing that writes or clears headers earlier can lose them.
/// </summary>
/// <remarks>
/// Scripts run only from GovSite's own files, or inline when they carry the request's nonce
/// (<see cref="CspNonceTagHelper"/> puts it on every &lt;script&gt; a Razor page writes). A page
/// that keeps an inline script in what it caches or exports (the public pages written in code)
/// would carry a stale nonce, so those pages load scripts from files only. Styles may be inline:
/// the rich-text bodies of articles and the chart library set style attributes.
/// </remarks>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string Policy =
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data:; "
        + "media-src 'self' https:; frame-src 'self' https:; object-src 'none'; base-uri 'self'; form-action 'self'; "
        + "frame-ancestors 'self'; script-src 'self'";

    public const string StrictTransportSecurity = "max-age=31536000";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            var headers = context.Response.Headers;
            var nonce = context.Items[typeof(CspNonce)] as CspNonce;
            headers.ContentSecurityPolicy = nonce is null ? Policy : string.Concat(Policy, " 'nonce-", nonce.Value, "'");
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "SAMEORIGIN";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            // Over plain http the header means nothing to a browser, and a test or an internal
            // address must not be pinned to https by it.
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}

/// <summary>The request's script nonce, made only when a page asks for one.</summary>
public sealed class CspNonce
{
    // Hex, not base64: nothing in it that HTML attribute encoding would turn into an entity.
    public string Value { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}

public static class CspNonceExtensions
{
    /// <summary>
    /// The nonce an inline &lt;script&gt; of this response must carry (<c>nonce="@Context.CspNonce()"</c>);
    /// asking for it adds it to the response's Content-Security-Policy.
    /// </summary>
    public static string CspNonce(this HttpContext context)
    {
        if (context.Items[typeof(CspNonce)] is not CspNonce nonce)
        {
            context.Items[typeof(CspNonce)] = nonce = new CspNonce();
        }
        return nonce.Value;
    }
}

/// <summary>
/// Puts the request's nonce on every &lt;script&gt; element written in a Razor page or partial,
/// so an inline script in a .cshtml file runs under the policy without anyone remembering to.
/// Text from people never passes through here: Razor encodes it, and tag helpers only see markup
/// written in the .cshtml file itself.
/// </summary>
[HtmlTargetElement("script")]
public sealed class CspNonceTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override int Order => int.MaxValue;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.ContainsName("src") && !output.Attributes.ContainsName("nonce"))
        {
            output.Attributes.SetAttribute("nonce", ViewContext.HttpContext.CspNonce());
        }
    }
}

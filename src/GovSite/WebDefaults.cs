using System.Text.Json;
using System.Text.Json.Serialization;
using GovSite.Admin;
using Microsoft.AspNetCore.ResponseCompression;

namespace GovSite;

/// <summary>
/// What every request meets whatever feature answers it: Kestrel's limits, JSON and problem
/// details, compression, the rate limiter, Razor Pages with the one /admin rule, OpenAPI.
/// </summary>
public static class WebDefaults
{
    public static WebApplicationBuilder AddWebDefaults(this WebApplicationBuilder builder)
    {
        // From a build (not a publish) the CSS lives in the project's wwwroot; the build's manifest
        // points there. Development turns this on by itself; Production needs asking.
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, builder.Configuration["urls"] ?? "http://localhost:5080");
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = GovSiteApp.MaxRequestBytes;
            // Kestrel answers a longer request line or larger headers itself, with a blank 414 or
            // 431. Its limits are set well above the app's (GovSiteApp.MaxRequestLineBytes, a search
            // form's longest query), so that OversizedRequests answers in Chinese on every path;
            // only a request four times over meets Kestrel's blank answer.
            k.Limits.MaxRequestLineSize = OversizedRequests.KestrelRequestLineBytes;
            k.Limits.MaxRequestHeadersTotalSize = OversizedRequests.KestrelHeaderBytes;
            k.AddServerHeader = false;
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        // Razor would otherwise write every Chinese character as &#x…; entities: triple the bytes.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // A request that does not bind (malformed JSON, a wrong type, an unknown enum value) throws,
        // so BadRequests can name the field in Chinese (BindingErrors), in every environment.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Enums travel as the documented lower-camel-case names (read case-insensitively). Numbers
        // stay accepted in bodies: 好差评 documents its levels as 5 to 1, and each service checks
        // that a number names a value (an unknown name is refused here, by BindingErrors).
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.Converters.Add(new NoNulStrings());
        });
        builder.Services.AddOpenApi(ApiDocumentation.Configure);
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/rss+xml", "image/svg+xml"]);
        });

        builder.Services.AddRazorPages(o =>
        {
            // Pages live in their feature folders (Admin/, PublicSite/), so the root is the project.
            o.RootDirectory = "/";
            // Every page under /admin, in whatever feature folder, requires sign-in (one rule).
            o.Conventions.Add(new AdminAuthorization());
            o.Conventions.AddPageRoute("/PublicSite/ColumnPage", "columns/{id:int}/page/{pageNumber:int}");
        });
        return builder;
    }
}

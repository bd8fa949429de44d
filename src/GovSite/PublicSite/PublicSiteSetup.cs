using System.Globalization;
using System.Net;
using System.Text;
using System.Xml;
using GovSite.Publishing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace GovSite.PublicSite;

public static class PublicSiteSetup
{
    public static WebApplicationBuilder AddPublicSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CurrentSite>();
        builder.Services.AddScoped<SiteContent>();
        builder.Services.AddScoped<Themes.ThemeService>();
        builder.Services.AddScoped<Topics.TopicService>();
        builder.Services.AddScoped<StaticExport.StaticExporter>();
        builder.Services.AddSingleton<StaticExport.PageRenderer>();
        builder.Services.AddSingleton<AssetLinks>();
        builder.Services.AddSingleton<StaticExport.StaticExportOptions>();
        builder.Services.AddSingleton<StaticExport.StaticExportQueue>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StaticExport.StaticExportQueue>());
        builder.Services.AddScoped<IArticleObserver, StaticExport.StaticExportObserver>();
        builder.Services.AddOutputCache(o =>
        {
            o.AddPolicy(PublicPageCachePolicy.Name, new PublicPageCachePolicy());
        });
        builder.Services.AddSingleton<PublicPageCache>();
        // Wrap the output cache's store so every tag eviction also reaches the public-page cache.
        var store = builder.Services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        builder.Services.Remove(store);
        builder.Services.AddSingleton<IOutputCacheStore>(sp => new EvictingOutputCacheStore(
            store.ImplementationFactory is { } factory ? (IOutputCacheStore)factory(sp)
                : store.ImplementationInstance as IOutputCacheStore ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, store.ImplementationType!),
            sp.GetRequiredService<PublicPageCache>()));
        return builder;
    }

    public static void ConfigureModel(ModelBuilder b)
    {
        b.Entity<Themes.SiteTheme>(e =>
        {
            e.HasKey(x => x.SiteId);
            e.HasOne<Sites.Site>().WithOne().HasForeignKey<Themes.SiteTheme>(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Topics.SpecialTopic>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.Ignore(x => x.IsClosed);
            e.HasIndex(x => x.ColumnId).IsUnique();
            e.HasOne<Sites.Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Column>().WithMany().HasForeignKey(x => x.ColumnId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    public static IEndpointRouteBuilder MapPublicSite(this IEndpointRouteBuilder app)
    {
        app.MapGet("/robots.txt", (CurrentSite current, HttpRequest request) => current.Site is null
                ? Results.Text("User-agent: *\nDisallow: /admin\n", "text/plain")
                : Results.Text($"User-agent: *\nDisallow: /admin\nSitemap: {BaseUrl(request)}/sitemap.xml\n", "text/plain"))
            .CacheOutput(PublicPageCachePolicy.Name).ExcludeFromDescription();
        app.MapGet("/sitemap.xml", SitemapAsync).CacheOutput(PublicPageCachePolicy.Name).ExcludeFromDescription();
        app.MapGet("/columns/{id:int}/rss.xml", RssAsync).CacheOutput(PublicPageCachePolicy.Name).ExcludeFromDescription();
        // A fingerprinted URL (css/site.{hash}.css) never changes content: cache it for a year. The
        // build-time manifest says no-cache for everything; only a publish sets this by itself.
        app.MapStaticAssets().Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>().FirstOrDefault() is { } asset
                && asset.Route != asset.AssetPath && endpoint.RequestDelegate is { } inner)
            {
                endpoint.RequestDelegate = context =>
                {
                    context.Response.OnStarting(() =>
                    {
                        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                        return Task.CompletedTask;
                    });
                    return inner(context);
                };
            }
        });
        app.ServiceProvider.GetRequiredService<AssetLinks>()
            .Use(Microsoft.AspNetCore.StaticAssets.Infrastructure.StaticAssetsEndpointDataSourceHelper.ResolveStaticAssetDescriptors(app, null));
        return app;
    }

    /// <summary>Scheme, host and path base: /sites/{code} locally, the bare domain in production.</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static async Task<IResult> SitemapAsync(CurrentSite current, SiteContent content, HttpRequest request, CancellationToken ct)
    {
        if (current.Site is not { } site)
        {
            return Results.NotFound();
        }
        var baseUrl = BaseUrl(request);
        PageTags.Add(request.HttpContext, PageTags.Sitemap(site.Id));
        var columns = await content.ColumnsAsync(site.Id, ct);
        var articles = await content.Published(site.Id).OrderByDescending(a => a.PublishedAt)
            .Select(a => new { a.Id, a.UpdatedAt }).Take(50_000 - columns.Count - 1).ToListAsync(ct);
        var sb = new StringBuilder();
        using (var xml = XmlWriter.Create(sb, new XmlWriterSettings { Indent = false, OmitXmlDeclaration = false }))
        {
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            WriteUrl(xml, baseUrl + "/", null);
            foreach (var column in columns)
            {
                WriteUrl(xml, $"{baseUrl}/columns/{column.Id}", null);
            }
            foreach (var article in articles)
            {
                WriteUrl(xml, $"{baseUrl}/articles/{article.Id}", article.UpdatedAt);
            }
            xml.WriteEndElement();
        }
        return Results.Text(sb.ToString().Replace("utf-16", "utf-8", StringComparison.Ordinal), "application/xml", Encoding.UTF8);

        static void WriteUrl(XmlWriter xml, string loc, DateTime? modified)
        {
            xml.WriteStartElement("url");
            xml.WriteElementString("loc", loc);
            if (modified is DateTime m)
            {
                xml.WriteElementString("lastmod", m.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            }
            xml.WriteEndElement();
        }
    }

    private static async Task<IResult> RssAsync(int id, CurrentSite current, SiteContent content, HttpRequest request, CancellationToken ct)
    {
        if (current.Site is not { } site)
        {
            return Results.NotFound();
        }
        var columns = await content.ColumnsAsync(site.Id, ct);
        var column = columns.FirstOrDefault(c => c.Id == id);
        if (column is null)
        {
            return Results.NotFound();
        }
        PageTags.Add(request.HttpContext, PageTags.Feed(site.Id, id));
        var ids = ColumnService.WithDescendants(columns, id);
        var items = await content.Published(site.Id).Where(a => ids.Contains(a.ColumnId))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(50)
            .Select(a => new { a.Id, a.Title, a.Summary, a.Body, a.PublishedAt, a.Author }).ToListAsync(ct);
        var baseUrl = BaseUrl(request);
        var sb = new StringBuilder();
        using (var xml = XmlWriter.Create(sb))
        {
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", $"{column.Name} - {site.Name}");
            xml.WriteElementString("link", $"{baseUrl}/columns/{column.Id}");
            xml.WriteElementString("description", column.Description ?? $"{site.Name}{column.Name}栏目");
            xml.WriteElementString("language", "zh-cn");
            foreach (var item in items)
            {
                var link = $"{baseUrl}/articles/{item.Id}";
                xml.WriteStartElement("item");
                xml.WriteElementString("title", item.Title);
                xml.WriteElementString("link", link);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "true");
                xml.WriteString(link);
                xml.WriteEndElement();
                xml.WriteElementString("description", item.Summary ?? Excerpt(HtmlSanitiser.PlainTextStart(item.Body, 200), 200));
                if (item.PublishedAt is DateTime published)
                {
                    xml.WriteElementString("pubDate", DateTime.SpecifyKind(published, DateTimeKind.Utc).ToString("r", CultureInfo.InvariantCulture));
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return Results.Text(sb.ToString().Replace("utf-16", "utf-8", StringComparison.Ordinal), "application/rss+xml", Encoding.UTF8);
    }

    public static string Excerpt(string text, int length) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}

using System.Text;
using GovSite.Data;
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
        builder.Services.AddScoped<Sites.ISiteChangeFollower, StaticExport.StaticExportFollower>();
        builder.AddJobHandler<StaticExport.StaticExportJob>(StaticExport.StaticExportFollower.JobType);
        builder.Services.AddScoped<Sites.ISiteChangeFollower, Sites.PageCacheFollower>();
        builder.Services.AddScoped<Mourning.MourningService>();
        builder.AddJobHandler<Mourning.MourningEdgeJob>(Mourning.MourningService.EdgeJob);
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
        b.Entity<Mourning.MourningPeriod>(e =>
        {
            e.HasIndex(x => x.EndsAt);
            e.Property(x => x.Reason).HasMaxLength(100);
            e.Property(x => x.CreatedBy).HasMaxLength(64);
            e.HasOne<Sites.Region>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Cascade);
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
        app.MapGet("/robots.txt", (CurrentSite current, HttpRequest request) =>
                Results.Text(SiteFeeds.Robots(current.Site is null ? null : BaseUrl(request)), "text/plain"))
            .CacheOutput(PublicPageCachePolicy.Name).ExcludeFromDescription();
        app.MapGet("/sitemap.xml", SitemapAsync).CacheOutput(PublicPageCachePolicy.Name).ExcludeFromDescription();
        app.MapGet("/columns/{id:int}/rss.xml", RssAsync).CacheOutput(PublicPageCachePolicy.Name).ExcludeFromDescription();
        app.MapGet("/topics/{id:int}/rss.xml", TopicRssAsync).CacheOutput(PublicPageCachePolicy.Name).ExcludeFromDescription();
        app.MapGet("/disclosure/subjects/{subject}/rss.xml", PolicyThemeRssAsync).CacheOutput(PublicPageCachePolicy.Name).ExcludeFromDescription();
        MapAssets(app);
        return app;
    }

    /// <summary>
    /// The app's stylesheets and scripts at their fingerprinted addresses, and <see cref="AssetLinks"/>
    /// filled from the same manifest. Once per app: the static export's command line maps only this
    /// (see <see cref="StaticExport.PublishStaticCommand"/>) and may map the rest later.
    /// </summary>
    public static void MapAssets(IEndpointRouteBuilder app)
    {
        if (Microsoft.AspNetCore.StaticAssets.Infrastructure.StaticAssetsEndpointDataSourceHelper.HasStaticAssetsDataSource(app))
        {
            return;
        }
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
    }

    /// <summary>Scheme, host and path base: /sites/{code} locally, the bare domain in production.</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static async Task<IResult> SitemapAsync(CurrentSite current, SiteContent content, HttpRequest request, CancellationToken ct)
    {
        if (current.Site is not { } site)
        {
            return Results.NotFound();
        }
        PageTags.Add(request.HttpContext, PageTags.Sitemap(site.Id));
        return Results.Text(await SiteFeeds.SitemapAsync(content, site, BaseUrl(request), ct), "application/xml", Encoding.UTF8);
    }

    private static async Task<IResult> RssAsync(int id, CurrentSite current, SiteContent content, HttpRequest request, CancellationToken ct)
    {
        if (current.Site is not { } site || await SiteFeeds.RssAsync(content, site, id, BaseUrl(request), ct) is not { } rss)
        {
            return Results.NotFound();
        }
        PageTags.Add(request.HttpContext, PageTags.Feed(site.Id, id));
        return Results.Text(rss, "application/rss+xml", Encoding.UTF8);
    }

    private static async Task<IResult> TopicRssAsync(int id, CurrentSite current, SiteContent content, HttpRequest request, CancellationToken ct)
    {
        if (current.Site is not { } site || await SiteFeeds.TopicRssAsync(content, site, id, BaseUrl(request), ct) is not { } rss)
        {
            return Results.NotFound();
        }
        // The topic's root column: an article change anywhere under it evicts that column's feeds (PageTags.ForArticle).
        var topic = (await content.TopicsAsync(site.Id, ct)).Find(t => t.Id == id)!;
        PageTags.Add(request.HttpContext, PageTags.Feed(site.Id, topic.ColumnId));
        return Results.Text(rss, "application/rss+xml", Encoding.UTF8);
    }

    private static async Task<IResult> PolicyThemeRssAsync(string subject, CurrentSite current, SiteContent content, HttpRequest request, CancellationToken ct)
    {
        if (current.Site is not { } site || await SiteFeeds.PolicyThemeRssAsync(content, site, subject, BaseUrl(request), ct) is not { } rss)
        {
            return Results.NotFound();
        }
        PageTags.Add(request.HttpContext, PageTags.PolicyThemeFeeds(site.Id));
        return Results.Text(rss, "application/rss+xml", Encoding.UTF8);
    }

    public static string Excerpt(string text, int length) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");
}

using System.Text;
using System.Text.Encodings.Web;

namespace GovSite.PublicSite;

/// <summary>
/// The 404 page of a site: its own header, navigation and footer around the message, and a way
/// back to the site's home and search, so a visitor who followed a dead link stays on the site.
/// Requests that name no site (platform paths, unknown hosts) keep the plain page.
/// </summary>
public static class SiteNotFoundPage
{
    public static async Task<bool> TryWriteAsync(HttpContext context, string title, string detail)
    {
        var services = context.RequestServices;
        if (services.GetService<CurrentSite>()?.Site is not { } site)
        {
            return false;
        }
        var ct = context.RequestAborted;
        string html;
        try
        {
            var content = services.GetRequiredService<SiteContent>();
            var shell = new PageShell
            {
                Site = site,
                Columns = await content.ColumnsAsync(site.Id, ct),
                Theme = await content.ThemeAsync(site.Id, false, ct),
                Topics = await content.TopicsAsync(site.Id, ct),
                Mourning = await content.MourningAsync(site.Id, ct),
                PathBase = context.Request.PathBase.ToString(),
                Origin = $"{context.Request.Scheme}://{context.Request.Host}",
                Path = context.Request.Path.ToString(),
                Assets = services.GetRequiredService<AssetLinks>(),
                PageTitle = $"{title} - {site.Name}",
            };
            shell.Meta.AddRange(PageShell.SiteMeta(site));
            var sb = new StringBuilder(8192);
            PublicLayout.WritePage(new HtmlWriter(sb, services.GetService<HtmlEncoder>() ?? HtmlEncoder.Default), shell, page => page
                .Raw("<nav class=\"breadcrumb\" aria-label=\"当前位置\"><a href=\"").Text(shell.Link("/")).Raw("\">首页</a> &gt; ").Text(title).Raw("</nav>\n")
                .Raw("        <section class=\"not-found\">\n            <h1>").Text(title).Raw("</h1>\n            <p>").Text(detail)
                .Raw("请检查网址是否正确，或从首页、站内搜索查找所需内容。</p>\n            <p class=\"not-found-links\"><a href=\"").Text(shell.Link("/")).Raw("\">返回")
                .Text(site.Name).Raw("首页</a><a href=\"").Text(shell.Link("/search")).Raw("\">搜索本站内容</a></p>\n        </section>"));
            html = sb.ToString();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The site's shell needs the database; when it cannot be read the plain page still answers 404.
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SiteNotFoundPage)).LogDebug(e, "Plain 404 page for {Site}", site.Code);
            return false;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html, ct);
        return true;
    }
}

using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace GovSite.Bench;

/// <summary>
/// For bench/public.sh: one site with <c>articles</c> news articles in GovSite's database, and the
/// same articles as a Hugo site with a comparably simple theme (header, navigation, footer,
/// paginated column list of 20, RSS and sitemap), so the two static builds do the same work.
/// </summary>
public static class PublicSiteBench
{
    public static async Task<string> GenerateAsync(string dataDir, string hugoDir, int articles, CancellationToken ct)
    {
        var generated = await SiteGenerator.RunAsync(new GenerateOptions(1, dataDir), null, ct);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, "govsite.db")}");
        await connection.OpenAsync(ct);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        await using var find = connection.CreateCommand();
        find.CommandText = "SELECT Id, Name FROM Columns WHERE SiteId = 1 AND Type = 'News' ORDER BY Id LIMIT 1";
        await using var reader = await find.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var columnId = reader.GetInt32(0);
        var columnName = reader.GetString(1);
        await reader.DisposeAsync();

        Directory.CreateDirectory(Path.Combine(hugoDir, "content", "articles"));
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO Articles (SiteId, ColumnId, Title, Body, Source, Status, PublishedAt, CreatedAt, UpdatedAt)
            VALUES (1, $column, $title, $body, '办公室', 'Published', $published, $published, $published);
            SELECT last_insert_rowid();
            """;
        var title = insert.Parameters.Add("$title", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        var published = insert.Parameters.Add("$published", SqliteType.Text);
        insert.Parameters.AddWithValue("$column", columnId);
        var start = DateTime.UtcNow.AddDays(-articles / 24.0 - 2);
        for (var i = 1; i <= articles; i++)
        {
            var when = start.AddHours(i);
            title.Value = $"全县第{i}次重点工作推进情况通报";
            body.Value = BenchText.ShortBody(i);
            published.Value = when.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            var id = Convert.ToInt32(await insert.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            await File.WriteAllTextAsync(Path.Combine(hugoDir, "content", "articles", $"{id}.md"), $"""
                ---
                title: "{title.Value}"
                date: {when:yyyy-MM-ddTHH:mm:ssZ}
                source: 办公室
                ---
                {body.Value}

                """, ct);
        }
        await tx.CommitAsync(ct);
        WriteHugoSite(hugoDir, columnName);
        WriteSameTheme(hugoDir, await HugoParamsAsync(connection, ct));
        return $"BENCH_PUBLIC_SITE={generated.LongArticleSiteCode}\nBENCH_PUBLIC_HOST={generated.LongArticleHost}\n" +
            $"BENCH_PUBLIC_ARTICLE=/articles/{generated.LongArticleId}\nBENCH_PUBLIC_COLUMN={columnId}\n";
    }

    private static void WriteHugoSite(string dir, string columnName)
    {
        void Write(string path, string text)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, path))!);
            File.WriteAllText(Path.Combine(dir, path), text);
        }
        Write("hugo.toml", """
            baseURL = "http://bench.example/"
            languageCode = "zh-cn"
            title = "基准测试县人民政府"
            paginate = 20
            hasCJKLanguage = true
            theme = "minimal"
            [markup.goldmark.renderer]
            unsafe = true
            """);
        Write("content/articles/_index.md", $"---\ntitle: \"{columnName}\"\n---\n");
        const string head = """
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{ .Title }} - {{ site.Title }}</title><meta name="SiteName" content="{{ site.Title }}"><link rel="stylesheet" href="/css/site.css"></head>
            <body><a class="skip-link" href="#main">跳到主要内容</a><header class="site-header"><a class="site-name" href="/">{{ site.Title }}</a>
            <nav class="main-nav" aria-label="主导航"><ul><li><a href="/">首页</a></li>{{ range site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav></header>
            <main id="main">
            """;
        const string foot = """
            </main><footer class="site-footer"><p>主办单位：{{ site.Title }}</p><p>网站标识码：9901010001</p></footer></body></html>
            """;
        Write("themes/minimal/layouts/_default/single.html", head + """
            <article><h1>{{ .Title }}</h1><p>发布时间：{{ .Date.Format "2006-01-02 15:04" }} 来源：{{ .Params.source }}</p><div class="article-body">{{ .Content }}</div></article>
            """ + foot);
        Write("themes/minimal/layouts/_default/list.html", head + """
            <h1>{{ .Title }}</h1><ul class="article-list">{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}</ul>
            {{ with .Paginator }}<nav class="pager">{{ if .HasPrev }}<a href="{{ .Prev.URL }}">上一页</a>{{ end }} 第{{ .PageNumber }}/{{ .TotalPages }}页 {{ if .HasNext }}<a href="{{ .Next.URL }}">下一页</a>{{ end }}</nav>{{ end }}
            """ + foot);
        Write("themes/minimal/layouts/index.html", head + """
            <section><h2>最新信息</h2><ul class="article-list">{{ range first 7 (where site.RegularPages "Section" "articles") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></section>
            """ + foot);
        Write("static/css/site.css", "body{font-family:sans-serif;margin:0}.site-header{background:#a8101a;color:#fff}\n");
    }

    /// <summary>The site's name, codes, footer and navigation, for the "same" Hugo theme.</summary>
    private static async Task<string> HugoParamsAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.Name, s.Code, (SELECT Host FROM SiteDomains d WHERE d.SiteId = s.Id AND d.IsMain = 1),
                   COALESCE((SELECT u.Name FROM Organisations u WHERE u.Id = s.HostUnitId), s.Name),
                   s.ContactPhone, s.ContactEmail, s.Address, s.IcpNumber, s.PoliceRecordNumber
            FROM Sites s WHERE s.Id = 1
            """;
        var toml = new StringBuilder();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            string Q(int i) => "\"" + (reader.IsDBNull(i) ? "" : reader.GetString(i)).Replace("\"", "\\\"") + "\"";
            toml.Append(CultureInfo.InvariantCulture, $"[params]\nname = {Q(0)}\ncode = {Q(1)}\ndomain = {Q(2)}\nhostUnit = {Q(3)}\n")
                .Append(CultureInfo.InvariantCulture, $"phone = {Q(4)}\nemail = {Q(5)}\naddress = {Q(6)}\nicp = {Q(7)}\npolice = {Q(8)}\n");
        }
        command.CommandText = "SELECT Id, Name FROM Columns WHERE SiteId = 1 AND ParentId IS NULL AND IsVisible = 1 ORDER BY SortOrder, Id";
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            var weight = 0;
            while (await reader.ReadAsync(ct))
            {
                toml.Append(CultureInfo.InvariantCulture,
                    $"[[menu.main]]\nname = \"{reader.GetString(1)}\"\nurl = \"/columns/{reader.GetInt32(0)}\"\nweight = {++weight}\n");
            }
        }
        return toml.ToString();
    }

    /// <summary>
    /// The "same" theme: Hugo writes the page GovSite writes (the same head with the national meta
    /// tags and a summary, accessibility toolbar, search form, navigation, breadcrumb, article
    /// information, share links with the page's escaped address, footer), so the two builds do the
    /// same work per page. Left out because Hugo 0.111 has no function for it: the QR code.
    /// </summary>
    private static void WriteSameTheme(string dir, string siteParams)
    {
        void Write(string path, string text)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, path))!);
            File.WriteAllText(Path.Combine(dir, path), text);
        }
        Write("themes/same/config.toml", siteParams);
        Write("themes/same/layouts/partials/head.html", """
            <!DOCTYPE html>
            <html lang="zh-CN" style="--main:#a8101a;--main-dark:#750b12">
            <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{{ if .IsHome }}{{ site.Params.name }}{{ else }}{{ .Title }} - {{ site.Params.name }}{{ end }}</title>
                <meta name="SiteName" content="{{ site.Params.name }}">
                <meta name="SiteDomain" content="{{ site.Params.domain }}">
                <meta name="SiteIDCode" content="{{ site.Params.code }}">
            {{ with .Section }}{{ with site.GetPage (printf "/%s" .) }}    <meta name="ColumnName" content="{{ .Title }}">
                <meta name="ColumnDescription" content="{{ site.Params.name }}{{ .Title }}">
                <meta name="ColumnKeywords" content="{{ .Title }}">
                <meta name="ColumnType" content="新闻动态">
            {{ end }}{{ end }}{{ if .IsPage }}    <meta name="ArticleTitle" content="{{ .Title }}">
                <meta name="PubDate" content="{{ .Date.Format "2006-01-02 15:04" }}">
                <meta name="ContentSource" content="{{ .Params.source }}">
                <meta name="Keywords" content="{{ .Parent.Title }}">
                <meta name="Author" content="">
                <meta name="Description" content="{{ .Summary | plainify | truncate 120 }}">
                <meta name="Image" content="">
                <meta name="Url" content="{{ .Permalink }}">
            {{ end }}    <link rel="stylesheet" href="/css/site.css">
                <link rel="stylesheet" href="/css/search.css">
                <script src="/js/a11y.js" data-cn2t="/lib/opencc-cn2t.js"></script>
            {{ if .IsSection }}    <link rel="alternate" type="application/rss+xml" title="RSS" href="{{ .RelPermalink }}index.xml">
            {{ end }}</head>
            <body class="theme-portal">

            """ + GovSite.PublicSite.PublicLayout.Toolbar + """
                <header class="site-header">
                    <div class="wrap header-inner">
                        <a class="site-name" href="/"><span>{{ site.Params.name }}</span></a>
                        <form class="site-search" role="search" method="get" action="/search" aria-label="搜索本站">

            """ + GovSite.PublicSite.PublicLayout.SearchFormEnd + """
                            <li><a href="/">首页</a></li>
            {{ range site.Menus.main }}                <li><a href="{{ .URL }}">{{ .Name }}</a></li>
            {{ end }}                <li><a href="/interaction">留言咨询</a></li>
                            <li><a href="/participation">公众参与</a></li>
                        </ul>
                    </nav>
                </header>
                <main id="main" class="wrap" tabindex="-1">

            """);
        Write("themes/same/layouts/partials/foot.html", """

                </main>
                <div class="reading-guide" aria-hidden="true"></div>
                <footer class="site-footer">
                    <div class="wrap">
                        <div class="footer-badges">
                            <a class="conac" href="https://bszs.conac.cn/sitename?method=show&amp;id={{ site.Params.code }}" title="党政机关网站标识">
                                <span class="conac-mark" aria-hidden="true">党政</span>党政机关网站标识
                            </a>
                            <a class="jiucuo" href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={{ site.Params.code }}&amp;url={{ .Permalink | urlquery }}">我为政府网站找错</a>
                        </div>
                        <p>主办单位：{{ site.Params.hostUnit }}</p>
                        <p>联系方式：电话 {{ site.Params.phone }}　邮箱 {{ site.Params.email }}　地址 {{ site.Params.address }}</p>
                        <p>
                            <span class="site-code">网站标识码：{{ site.Params.code }}</span>
                            <a class="icp" href="https://beian.miit.gov.cn/">{{ site.Params.icp }}</a>
                            <a class="police" href="https://www.beian.gov.cn/portal/registerSystemInfo">{{ site.Params.police }}</a>
                        </p>
                    </div>
                </footer>
            </body>
            </html>

            """);
        Write("themes/same/layouts/_default/single.html", """
            {{ partial "head.html" . }}<nav class="breadcrumb" aria-label="当前位置">
                <a href="/">首页</a>
                    <span aria-hidden="true">›</span>
                    <a href="{{ .Parent.RelPermalink }}">{{ .Parent.Title }}</a>
            </nav>
            <article class="article">
                <h1>{{ .Title }}</h1>
                <p class="article-info">
                    <span>发布时间：<time datetime="{{ .Date.Format "2006-01-02 15:04" }}">{{ .Date.Format "2006-01-02 15:04" }}</time></span>
                        <span>来源：{{ .Params.source }}</span>
                </p>
                <div class="article-body">
                    {{ .Content }}
                </div>
                <section class="share" aria-labelledby="share-title">
                    <h2 id="share-title" class="visually-hidden">分享与打印</h2>
                    <p><a href="https://service.weibo.com/share/share.php?url={{ .Permalink | urlquery }}&amp;title={{ .Title | urlquery }}">分享到新浪微博</a></p>
                    <p><a href="javascript:window.print()">打印本页</a></p>
                </section>
            </article>
            {{ partial "foot.html" . }}
            """);
        Write("themes/same/layouts/_default/list.html", """
            {{ partial "head.html" . }}<nav class="breadcrumb" aria-label="当前位置">
                <a href="/">首页</a>
                    <span aria-hidden="true">›</span>
                    <span>{{ .Title }}</span>
            </nav>
            <h1>{{ .Title }}</h1>
            <ul class="article-list">
            {{ range .Paginator.Pages }}    <li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time></li>
            {{ end }}</ul>
            {{ with .Paginator }}<nav class="pager" aria-label="分页">{{ if .HasPrev }}<a href="{{ .Prev.URL }}">上一页</a>{{ end }} 第{{ .PageNumber }}/{{ .TotalPages }}页，共{{ .TotalNumberOfElements }}条 {{ if .HasNext }}<a href="{{ .Next.URL }}">下一页</a>{{ end }}</nav>{{ end }}
            {{ partial "foot.html" . }}
            """);
        Write("themes/same/layouts/index.html", """
            {{ partial "head.html" . }}<section class="home-block"><h2>最新信息</h2><ul class="article-list">
            {{ range first 7 (where site.RegularPages "Section" "articles") }}    <li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>
            {{ end }}</ul></section>
            {{ partial "foot.html" . }}
            """);
    }

    /// <summary>Edits one article's title the way an editor's save does (title and UpdatedAt), for the incremental re-export.</summary>
    public static async Task EditOneAsync(string dataDir, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, "govsite.db")}");
        await connection.OpenAsync(ct);
        await using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE Articles SET Title = Title || '（更正）', UpdatedAt = $now
            WHERE Id = (SELECT MAX(Id) FROM Articles WHERE SiteId = 1)
            """;
        update.Parameters.AddWithValue("$now", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        await update.ExecuteNonQueryAsync(ct);
    }
}

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
        Write("layouts/_default/single.html", head + """
            <article><h1>{{ .Title }}</h1><p>发布时间：{{ .Date.Format "2006-01-02 15:04" }} 来源：{{ .Params.source }}</p><div class="article-body">{{ .Content }}</div></article>
            """ + foot);
        Write("layouts/_default/list.html", head + """
            <h1>{{ .Title }}</h1><ul class="article-list">{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}</ul>
            {{ with .Paginator }}<nav class="pager">{{ if .HasPrev }}<a href="{{ .Prev.URL }}">上一页</a>{{ end }} 第{{ .PageNumber }}/{{ .TotalPages }}页 {{ if .HasNext }}<a href="{{ .Next.URL }}">下一页</a>{{ end }}</nav>{{ end }}
            """ + foot);
        Write("layouts/index.html", head + """
            <section><h2>最新信息</h2><ul class="article-list">{{ range first 7 (where site.RegularPages "Section" "articles") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></section>
            """ + foot);
        Write("static/css/site.css", "body{font-family:sans-serif;margin:0}.site-header{background:#a8101a;color:#fff}\n");
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

using System.Diagnostics;
using System.Globalization;
using System.Text;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Bench;

/// <param name="Postgres">A PostgreSQL connection string: bench the GIN backend there instead of SQLite.</param>
/// <param name="WithoutBodyPinyin">Leave the pinyin tokens out of bodies: a database to compare the index size with.</param>
/// <param name="Trace">A query kind: print each of its queries' engine calls, timed, instead of the timed passes.</param>
public sealed record SearchBenchOptions(int Documents, string DataDirectory, string SeedDirectory, int QueriesPerKind, string? Postgres = null,
    bool WithoutBodyPinyin = false, string? Trace = null);

public sealed record LatencyRow(string Kind, int Queries, double P50Ms, double P95Ms, double MeanTotal);

/// <summary>The engine's two calls behind one search, timed apart in a second pass: (p50, p95) in ms.</summary>
public sealed record StepRow(string Kind, (double P50, double P95) Count, (double P50, double P95) Ranking);

/// <param name="Build">Null when an earlier run's database was reused.</param>
/// <param name="TokenBytes">The token tables alone (SQLite: search_text and search_title with their shadow tables), -1 when unknown.</param>
public sealed record SearchBenchResult(int Documents, TimeSpan? Build, long IndexBytes, long FileBytes, long TokenBytes, List<LatencyRow> Latency,
    List<StepRow> Steps);

/// <summary>
/// Generates articles from the seed corpus (real policy text, both scripts) straight into the
/// search tables through GovSite's own pipeline and FTS5 SQL, then times SearchService — the
/// same code path as /api/v1/search, counting, reranking and snippets included.
/// </summary>
public static class SearchBenchmark
{
    public static async Task<SearchBenchResult> RunAsync(SearchBenchOptions options, Action<int> progress, CancellationToken ct)
    {
        Directory.CreateDirectory(options.DataDirectory);
        // The search services as the app registers them, over SQLite in the given directory.
        var services = new ServiceCollection();
        var dataOptions = new DataOptions { DataDirectory = options.DataDirectory, PostgresConnection = options.Postgres };
        services.AddSingleton(dataOptions);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<SiteAccess>();
        services.AddDbContext<GovSiteDb>(o => DataSetup.Configure(o, dataOptions));
        services.AddSingleton<GovSite.Sites.SiteDirectory>();
        services.AddSingleton(SearchText.Default);
        if (options.Postgres is null)
        {
            services.AddScoped<ISearchBackend, SqliteSearchBackend>();
        }
        else
        {
            services.AddScoped<ISearchBackend, PostgresSearchBackend>();
        }
        services.AddScoped<SearchService>();
        // What 热门搜索 needs to be built (the bench searches without logging, so it records nothing).
        services.AddMemoryCache();
        services.AddSingleton(new HotSearchOptions());
        services.AddScoped<HotSearches>();
        services.AddSingleton<GovSite.Publishing.Quality.QualityCache>();
        services.AddSingleton(new GovSite.Publishing.Quality.QualityOptions());
        services.AddSingleton(new JobQueueOptions());
        services.AddScoped<JobQueue>();
        services.AddScoped<GovSite.Publishing.Quality.NearDuplicates>();
        services.AddScoped<GovSite.Publishing.Quality.QualityLinks>();
        services.AddScoped<GovSite.Publishing.Quality.QualityGate>();
        await using var provider = services.BuildServiceProvider();
        var random = new Random(20261122);
        var phrases = SeedPhrases(options.SeedDirectory);
        var text = provider.GetRequiredService<SearchText>();
        var sampleTitles = new List<string>();

        var buildStarted = Stopwatch.GetTimestamp();
        var file = new FileInfo(Path.Combine(options.DataDirectory, "govsite.db"));
        var reuse = (file.Exists || options.Postgres is not null) && await IndexedAsync(provider, options.Postgres is not null, ct) == options.Documents;
        if (reuse)
        {
            // Generating a million articles takes minutes: query an earlier run's database again.
            sampleTitles = await SampleTitlesAsync(provider, options.Documents, random, ct);
        }
        else if (options.Postgres is not null)
        {
            sampleTitles = await BuildPostgresAsync(provider, options.Documents, phrases, random, progress, ct);
        }
        else
        {
            // Another size or an older layout: build from scratch (pooled connections would keep the old file).
            SqliteConnection.ClearAllPools();
            foreach (var stale in new[] { file.FullName, file.FullName + "-wal", file.FullName + "-shm" })
            {
                File.Delete(stale);
            }
            using (var scope = provider.CreateScope())
            {
                scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
                var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
                await DataSetup.MigrateAsync(db, ct);
                await scope.ServiceProvider.GetRequiredService<ISearchBackend>().EnsureSchemaAsync(ct);
                await using var connection = new SqliteConnection(db.Database.GetConnectionString());
                await connection.OpenAsync(ct);
                var types = Enum.GetValues<ColumnType>();
                var now = DateTime.UtcNow;
                const int Batch = 5000;
                for (var first = 1; first <= options.Documents; first += Batch)
                {
                    await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
                    using var doc = connection.CreateCommand();
                    doc.Transaction = tx;
                    doc.CommandText = """
                        INSERT INTO "SearchDocuments" ("Id", "SiteId", "SiteCode", "ColumnId", "ColumnType", "Title", "Text", "SubjectCategory",
                            "Issuer", "Validity", "DocNumber", "IndexNumber", "Year", "PublishedAt", "IndexedAt")
                        VALUES ($id, $site, $code, $column, $type, $title, $text, NULL, NULL, NULL, $docnumber, NULL, $year, $published, $indexed)
                        """;
                    using var fts = connection.CreateCommand();
                    fts.Transaction = tx;
                    fts.CommandText = SqliteSearchBackend.InsertTextSql;
                    using var titles = connection.CreateCommand();
                    titles.Transaction = tx;
                    titles.CommandText = SqliteSearchBackend.InsertTitleSql;
                    var p = new Dictionary<string, SqliteParameter>();
                    foreach (var name in new[] { "$id", "$site", "$code", "$column", "$type", "$title", "$text", "$docnumber", "$year", "$published", "$indexed" })
                    {
                        p[name] = doc.Parameters.Add(name, SqliteType.Text);
                    }
                    var fkey = fts.Parameters.Add("$key", SqliteType.Integer);
                    var ftitle = fts.Parameters.Add("$title", SqliteType.Text);
                    var fbody = fts.Parameters.Add("$body", SqliteType.Text);
                    var tkey = titles.Parameters.Add("$key", SqliteType.Integer);
                    var ttitle = titles.Parameters.Add("$title", SqliteType.Text);
                    for (var id = first; id < first + Batch && id <= options.Documents; id++)
                    {
                        var title = Title(phrases, random);
                        var (docNumber, body) = Numbered(id, Body(phrases, random), random);
                        var published = now.AddMinutes(-random.Next(1, 5 * 365 * 24 * 60));
                        if (sampleTitles.Count < 5000)
                        {
                            sampleTitles.Add(title);
                        }
                        else if (random.Next(id) < 5000)
                        {
                            sampleTitles[random.Next(5000)] = title;
                        }
                        p["$id"].Value = id;
                        p["$site"].Value = id % 1000 + 1;
                        p["$code"].Value = (9800000000L + id % 1000).ToString(CultureInfo.InvariantCulture);
                        p["$column"].Value = id % 20_000 + 1;
                        p["$type"].Value = types[id % types.Length].ToString();
                        p["$title"].Value = title;
                        p["$text"].Value = body;
                        p["$docnumber"].Value = (object?)docNumber ?? DBNull.Value;
                        p["$year"].Value = ChinaTime.ToLocal(published).Year;
                        p["$published"].Value = published.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
                        p["$indexed"].Value = now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
                        await doc.ExecuteNonQueryAsync(ct);
                        var (titleTokens, bodyTokens) = text.DocumentTokens(title, null, body, docNumber, null);
                        if (options.WithoutBodyPinyin)
                        {
                            bodyTokens = string.Join(' ', bodyTokens.Split(' ').Where(t => !t.StartsWith(SearchText.PinyinPrefix, StringComparison.Ordinal)));
                        }
                        fkey.Value = SqliteSearchBackend.TextKey(id);
                        ftitle.Value = titleTokens;
                        fbody.Value = bodyTokens;
                        await fts.ExecuteNonQueryAsync(ct);
                        tkey.Value = SqliteSearchBackend.TitleKey(id, titleTokens);
                        ttitle.Value = titleTokens;
                        await titles.ExecuteNonQueryAsync(ct);
                    }
                    await tx.CommitAsync(ct);
                    progress(Math.Min(first + Batch - 1, options.Documents));
                }
                using var optimize = connection.CreateCommand();
                optimize.CommandText = "INSERT INTO search_text (search_text) VALUES ('optimize'); INSERT INTO search_title (search_title) VALUES ('optimize')";
                await optimize.ExecuteNonQueryAsync(ct);
            }
        }
        TimeSpan? build = reuse ? null : Stopwatch.GetElapsedTime(buildStarted);
        if (options.Trace is { } traced)
        {
            var traceNumbers = await SampleDocNumbersAsync(provider, ct);
            foreach (var query in Queries(sampleTitles, traceNumbers, random, options.QueriesPerKind).Single(q => q.Kind == traced).Queries)
            {
                await TraceAsync(provider, query, ct);
            }
            return new SearchBenchResult(options.Documents, build, -1, -1, -1, [], []);
        }
        long indexBytes;
        using (var scope = provider.CreateScope())
        {
            indexBytes = await scope.ServiceProvider.GetRequiredService<ISearchBackend>().SizeAsync(ct) ?? -1;
        }
        file.Refresh();
        var tokenBytes = options.Postgres is null ? await TokenBytesAsync(provider, ct) : -1;

        var numbers = await SampleDocNumbersAsync(provider, ct);
        var queries = Queries(sampleTitles, numbers, random, options.QueriesPerKind);
        // Warm-up with other queries of every kind (their own random source, so the timed ones stay
        // the same): .NET compiles hot methods again optimised after about 30 calls, in the
        // background, and five warm-up queries left the first kind timing that (p95 twice the
        // rest of the run); a server that has answered a few hundred searches has done it.
        foreach (var (_, list) in Queries(sampleTitles, numbers, new Random(1), 50))
        {
            foreach (var query in list)
            {
                await TimeAsync(provider, query, ct);
            }
        }
        var latency = new List<LatencyRow>();
        foreach (var (kind, list) in queries)
        {
            var times = new List<double>();
            var totals = 0L;
            foreach (var query in list)
            {
                var (ms, total) = await TimeAsync(provider, query, ct);
                times.Add(ms);
                totals += total;
            }
            times.Sort();
            latency.Add(new LatencyRow(kind, times.Count, Percentile(times, 0.50), Percentile(times, 0.95), (double)totals / times.Count));
        }
        // Where the time goes: the capped count and the ranked candidates (what SearchService asks
        // the engine), after the timed pass; the rest of a search is documents, rerank and snippets.
        var steps = new List<StepRow>();
        foreach (var (kind, list) in queries)
        {
            var counts = new List<double>();
            var rankings = new List<double>();
            foreach (var query in list)
            {
                using var scope = provider.CreateScope();
                var backend = scope.ServiceProvider.GetRequiredService<ISearchBackend>();
                var plan = text.Parse(query);
                var filter = new SearchFilter(DateTime.UtcNow);
                var started = Stopwatch.GetTimestamp();
                await CandidateWindows.CountAsync(backend, plan.Terms, filter, ct);
                counts.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                started = Stopwatch.GetTimestamp();
                await CandidateWindows.FindAsync(backend, new TermFrequencies(backend), plan, filter, SearchService.RankingDepth, false, ct);
                rankings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            counts.Sort();
            rankings.Sort();
            steps.Add(new StepRow(kind, (Percentile(counts, 0.5), Percentile(counts, 0.95)), (Percentile(rankings, 0.5), Percentile(rankings, 0.95))));
        }
        return new SearchBenchResult(options.Documents, build, indexBytes, file.Exists ? file.Length : -1, tokenBytes, latency, steps);
    }

    private static async Task<long> TokenBytesAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        try
        {
            return await scope.ServiceProvider.GetRequiredService<GovSiteDb>().Database.SqlQueryRaw<long>(
                "SELECT coalesce(sum(pgsize), 0) AS \"Value\" FROM dbstat WHERE name LIKE 'search_text%' OR name LIKE 'search_title%'").SingleAsync(ct);
        }
        catch (SqliteException)
        {
            return -1; // dbstat is an optional SQLite module
        }
    }

    private static async Task<int> IndexedAsync(IServiceProvider services, bool postgres, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
        try
        {
            if (!postgres && !await SqliteSearchBackend.CurrentLayoutAsync(db, ct))
            {
                return -1; // an older layout: build again
            }
            return await db.Database.SqlQueryRaw<int>(postgres
                ? "SELECT count(*)::int AS \"Value\" FROM search_tokens"
                : "SELECT count(*) AS \"Value\" FROM search_title").SingleAsync(ct);
        }
        catch (System.Data.Common.DbException)
        {
            return -1; // no token table: not a database this bench built
        }
    }

    /// <summary>PostgreSQL: the same articles through EF and the backend's own IndexAsync, in batches.</summary>
    private static async Task<List<string>> BuildPostgresAsync(IServiceProvider services, int documents, List<string> phrases, Random random,
        Action<int> progress, CancellationToken ct)
    {
        var sample = new List<string>();
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
            await DataSetup.MigrateAsync(db, ct);
            var backend = scope.ServiceProvider.GetRequiredService<ISearchBackend>();
            await backend.EnsureSchemaAsync(ct);
            await backend.ClearAsync(ct);
            await db.SearchDocuments.ExecuteDeleteAsync(ct);
        }
        var text = services.GetRequiredService<SearchText>();
        var types = Enum.GetValues<ColumnType>();
        var now = DateTime.UtcNow;
        const int Batch = 2000;
        for (var first = 1; first <= documents; first += Batch)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
            var backend = scope.ServiceProvider.GetRequiredService<ISearchBackend>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var batch = new List<SearchDocument>();
            for (var id = first; id < first + Batch && id <= documents; id++)
            {
                var title = Title(phrases, random);
                var published = now.AddMinutes(-random.Next(1, 5 * 365 * 24 * 60));
                if (sample.Count < 5000)
                {
                    sample.Add(title);
                }
                var (docNumber, body) = Numbered(id, Body(phrases, random), random);
                batch.Add(new SearchDocument
                {
                    Id = id, SiteId = id % 1000 + 1, SiteCode = (9800000000L + id % 1000).ToString(CultureInfo.InvariantCulture),
                    ColumnId = id % 20_000 + 1, ColumnType = types[id % types.Length], Title = title, Text = body, DocNumber = docNumber,
                    Year = ChinaTime.ToLocal(published).Year, PublishedAt = published, IndexedAt = now,
                });
            }
            db.SearchDocuments.AddRange(batch);
            await db.SaveChangesAsync(ct);
            foreach (var document in batch)
            {
                var (titleTokens, bodyTokens) = text.DocumentTokens(document.Title, null, document.Text, document.DocNumber, null);
                await backend.IndexAsync(document.Id, titleTokens, bodyTokens, ct);
            }
            await tx.CommitAsync(ct);
            progress(Math.Min(first + Batch - 1, documents));
        }
        using (var scope = services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<GovSiteDb>().Database.ExecuteSqlRawAsync("VACUUM ANALYZE search_tokens", ct);
        }
        return sample;
    }

    /// <summary>The titles queries are cut from, as a fresh build would have sampled them.</summary>
    private static async Task<List<string>> SampleTitlesAsync(IServiceProvider services, int documents, Random random, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
        var ids = Enumerable.Range(0, 5000).Select(_ => random.Next(1, documents + 1)).Distinct().ToList();
        return await db.SearchDocuments.Where(d => ids.Contains(d.Id)).Select(d => d.Title).ToListAsync(ct);
    }

    private static async Task<(double Ms, int Total)> TimeAsync(IServiceProvider services, string query, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var scope = services.CreateScope();
        var response = await scope.ServiceProvider.GetRequiredService<SearchService>().SearchAsync(new SearchRequest(query), log: false, ct);
        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.Total);
    }

    /// <summary>One search with its engine calls timed and printed, slowest first.</summary>
    private static async Task TraceAsync(IServiceProvider services, string query, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var calls = new List<(string Call, double Ms, int Found)>();
        var backend = new TracingSearchBackend(scope.ServiceProvider.GetRequiredService<ISearchBackend>(), calls);
        var service = ActivatorUtilities.CreateInstance<SearchService>(scope.ServiceProvider, (ISearchBackend)backend);
        var started = Stopwatch.GetTimestamp();
        var response = await service.SearchAsync(new SearchRequest(query), log: false, ct);
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{query}: {ms:F1} ms, total {response.Total}, {calls.Count} engine calls {calls.Sum(c => c.Ms):F1} ms, notice {response.Notice ?? "-"}"));
        foreach (var (call, callMs, found) in calls)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {callMs,7:F2} ms {found,5} {call}"));
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>
    /// Every twentieth article carries a 文号 in its field and every tenth quotes one in its body,
    /// from a few issuers' abbreviations, so 文号 queries find the field and the mentions.
    /// </summary>
    private static (string? DocNumber, string Body) Numbered(int id, string body, Random random)
    {
        string Number() => $"{Issuers[random.Next(Issuers.Length)]}〔{random.Next(2010, 2026)}〕{random.Next(1, 200)}号";
        var docNumber = id % 20 == 0 ? Number() : null;
        return (docNumber, id % 10 == 3 ? body + "根据《" + Number() + "》要求，" : body);
    }

    private static readonly string[] Issuers = ["国办发", "国办函", "国发", "粤府办", "江府办", "京政办发", "湘政办发", "浙政发", "苏府", "鲁政办字"];

    /// <summary>文号 of the generated articles' fields, for the 文号 queries.</summary>
    private static async Task<List<string>> SampleDocNumbersAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
        return await db.SearchDocuments.Where(d => d.DocNumber != null).OrderBy(d => d.Id).Select(d => d.DocNumber!).Take(5000).ToListAsync(ct);
    }

    /// <summary>2-character, 4-character, two-word, pinyin and 文号 queries cut from generated titles and fields, so each finds something.</summary>
    private static List<(string Kind, List<string> Queries)> Queries(List<string> titles, List<string> numbers, Random random, int count)
    {
        string HanRun(int length)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var title = titles[random.Next(titles.Count)];
                if (title.Length < length)
                {
                    continue;
                }
                var start = random.Next(title.Length - length + 1);
                var run = title.Substring(start, length);
                if (run.All(ChineseText.IsHan))
                {
                    return run;
                }
            }
            return "政府";
        }
        var pinyin = new List<string>();
        while (pinyin.Count < count)
        {
            var spelling = Pinyin.Spellings(ChineseText.Fold(HanRun(random.Next(2, 4)))).FirstOrDefault();
            if (spelling is { Length: > 0 })
            {
                pinyin.Add(spelling);
            }
        }
        return
        [
            ("2 characters", [.. Enumerable.Range(0, count).Select(_ => HanRun(2))]),
            ("4 characters", [.. Enumerable.Range(0, count).Select(_ => HanRun(4))]),
            ("multi-word", [.. Enumerable.Range(0, count).Select(_ => HanRun(2) + " " + HanRun(3))]),
            ("pinyin", pinyin),
            ("文号", [.. Enumerable.Range(0, count).Select(_ => numbers.Count == 0 ? "国办发〔2014〕57号" : numbers[random.Next(numbers.Count)])]),
        ];
    }

    private static string Title(List<string> phrases, Random random)
    {
        var title = phrases[random.Next(phrases.Count)];
        if (title.Length < 12)
        {
            title += phrases[random.Next(phrases.Count)];
        }
        return title.Length > 40 ? title[..40] : title;
    }

    private static string Body(List<string> phrases, Random random)
    {
        var sb = new StringBuilder();
        var count = random.Next(6, 16);
        for (var i = 0; i < count; i++)
        {
            sb.Append(phrases[random.Next(phrases.Count)]).Append(i % 3 == 2 ? '。' : '，');
        }
        return sb.ToString();
    }

    /// <summary>Clauses of the seed texts: the real vocabulary, in whichever script each seed uses.</summary>
    public static List<string> SeedPhrases(string directory)
    {
        var phrases = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.txt"))
        {
            foreach (var part in File.ReadAllText(file).Split(['。', '，', '；', '！', '？', '\n', '、', ',', ';', ':', '：', ' ', '　']))
            {
                var phrase = part.Trim();
                if (phrase.Length is >= 4 and <= 40 && phrase.Count(ChineseText.IsHan) * 2 > phrase.Length)
                {
                    phrases.Add(phrase);
                }
            }
        }
        return phrases.Count > 0 ? phrases : throw new InvalidOperationException($"No usable text in {directory}");
    }
}

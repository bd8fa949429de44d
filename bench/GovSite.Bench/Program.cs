using System.CommandLine;
using System.Globalization;
using GovSite.Bench;
using Spectre.Console;

// The pieces of bench/run.sh that need GovSite's own code: generating sites, timing Host
// resolution, and visiting every site. run.sh drives the server, nginx and wrk around them.

var sitesOption = new Option<int>("--sites") { Description = "Number of sites", DefaultValueFactory = _ => 10_000 };
var dataOption = new Option<string>("--data") { Description = "Data directory for the new govsite.db", Required = true };
var generate = new Command("generate", "Create a fresh SQLite database with many sites, columns and articles") { sitesOption, dataOption };
generate.SetAction(async (parse, ct) =>
{
    var sites = parse.GetValue(sitesOption);
    var dir = Path.GetFullPath(parse.GetValue(dataOption)!);
    if (File.Exists(Path.Combine(dir, "govsite.db")))
    {
        AnsiConsole.MarkupLineInterpolated($"[red]{dir} already holds a govsite.db; generate only writes fresh databases.[/]");
        return 1;
    }
    GenerateResult? result = null;
    await AnsiConsole.Progress().StartAsync(async progress =>
    {
        var task = progress.AddTask("Generating sites", maxValue: sites);
        result = await SiteGenerator.RunAsync(new GenerateOptions(sites, dir), n =>
        {
            if (n % 100 == 0 || n == sites)
            {
                task.Value = n;
            }
        }, ct);
    });
    var r = result!;
    // Plain lines rather than Spectre markup: run.sh reads them, and Spectre wraps at 80 columns when piped.
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Generated {r.Sites:N0} sites, {r.Domains:N0} domains, {r.Columns:N0} columns, {r.Articles:N0} articles in {r.Elapsed.TotalSeconds:F1} s → {dir}"));
    // Shell-readable facts for run.sh: which page is the long article, and how long this took.
    await File.WriteAllTextAsync(Path.Combine(dir, "bench.env"), string.Create(CultureInfo.InvariantCulture, $"""
        BENCH_SITES={r.Sites}
        BENCH_GENERATE_SECONDS={r.Elapsed.TotalSeconds:F1}
        BENCH_COUNTS="{r.Domains} domains, {r.Columns} columns, {r.Articles} articles"
        BENCH_ARTICLE_HOST={r.LongArticleHost}
        BENCH_ARTICLE_PATH=/articles/{r.LongArticleId}
        BENCH_ARTICLE_SITE_CODE={r.LongArticleSiteCode}
        BENCH_ARTICLE_BODY_BYTES={r.LongArticleBytes}

        """), ct);
    return 0;
});

var sizesOption = new Option<string>("--sizes") { Description = "Comma-separated site counts", DefaultValueFactory = _ => "100,1000,10000" };
var markdownOption = new Option<string?>("--markdown") { Description = "Also write the table as markdown to this file" };
var resolve = new Command("resolve", "Time SiteDirectory.FindByHost at several numbers of sites") { sizesOption, markdownOption };
resolve.SetAction(async (parse, ct) =>
{
    var sizes = parse.GetValue(sizesOption)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).Distinct().ToList();
    var work = Directory.CreateTempSubdirectory("govsite-resolve-");
    try
    {
        var results = await ResolveBenchmark.MeasureAsync(sizes, work.FullName, Console.WriteLine, ct);
        var table = new Table().AddColumns("Sites", "FindByHost, random ASCII host", "random punycode host", "same 64 hosts",
            "Snapshot reload", "Snapshot heap");
        foreach (var r in results)
        {
            table.AddRow(r.Sites.ToString("N0", CultureInfo.InvariantCulture), $"{r.AsciiNs:F0} ns", $"{r.PunycodeNs:F0} ns", $"{r.HotNs:F0} ns",
                $"{r.LoadMs:F0} ms", $"{r.SnapshotMb:F1} MB");
        }
        AnsiConsole.Write(table);
        if (parse.GetValue(markdownOption) is { } file)
        {
            await File.WriteAllTextAsync(file, ResolveBenchmark.Markdown(results), ct);
        }
        return 0;
    }
    finally
    {
        work.Delete(recursive: true);
    }
});

var urlOption = new Option<string>("--url") { Description = "GovSite base URL", DefaultValueFactory = _ => "http://127.0.0.1:5183" };
var concurrencyOption = new Option<int>("--concurrency") { Description = "Requests in flight", DefaultValueFactory = _ => 8 };
var visit = new Command("visit", "Request the home page of every generated site by its Host header") { urlOption, sitesOption, concurrencyOption };
visit.SetAction(async (parse, ct) =>
{
    var sites = parse.GetValue(sitesOption);
    VisitResult? result = null;
    await AnsiConsole.Progress().StartAsync(async progress =>
    {
        var task = progress.AddTask("Visiting home pages", maxValue: sites);
        result = await SiteVisitor.VisitAsync(new Uri(parse.GetValue(urlOption)!), sites, parse.GetValue(concurrencyOption),
            () => task.Increment(1), ct);
    });
    var r = result!;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Visited {r.Pages} home pages in {r.Elapsed.TotalSeconds:F1} s ({r.Pages / r.Elapsed.TotalSeconds:F0} pages/s, uncached), {r.Failures} failed"));
    foreach (var sample in r.FailureSamples)
    {
        Console.WriteLine($"  {sample}");
    }
    return r.Failures == 0 ? 0 : 1;
});

var docsOption = new Option<int>("--docs") { Description = "Articles to generate", DefaultValueFactory = _ => 1_000_000 };
var searchDataOption = new Option<string>("--data") { Description = "Data directory for the search database; one this bench built with as many articles is queried again", Required = true };
var seedsOption = new Option<string>("--seeds") { Description = "Seed corpus directory", DefaultValueFactory = _ => "/work/shared/corpus/seeds" };
var queriesOption = new Option<int>("--queries") { Description = "Timed queries per kind", DefaultValueFactory = _ => 200 };
var searchPostgresOption = new Option<string?>("--postgres") { Description = "PostgreSQL connection string: bench the GIN backend in that (scratch) database instead of SQLite" };
var withoutBodyPinyinOption = new Option<bool>("--without-body-pinyin") { Description = "Leave pinyin tokens out of bodies (to measure what they cost in index size)" };
var search = new Command("search", "Generate articles from the seed corpus, build the search index, time queries (see bench/search.sh)")
    { docsOption, searchDataOption, seedsOption, queriesOption, searchPostgresOption, withoutBodyPinyinOption };
search.SetAction(async (parse, ct) =>
{
    var docs = parse.GetValue(docsOption);
    var dir = Path.GetFullPath(parse.GetValue(searchDataOption)!);
    SearchBenchResult? result = null;
    await AnsiConsole.Progress().StartAsync(async progress =>
    {
        var task = progress.AddTask("Indexing articles", maxValue: docs);
        result = await SearchBenchmark.RunAsync(new SearchBenchOptions(docs, dir, parse.GetValue(seedsOption)!, parse.GetValue(queriesOption),
            parse.GetValue(searchPostgresOption), parse.GetValue(withoutBodyPinyinOption)),
            n => task.Value = n, ct);
    });
    var r = result!;
    Console.WriteLine(r.Build is not { } build
        ? string.Create(CultureInfo.InvariantCulture, $"Reused the {r.Documents:N0} articles indexed by an earlier run; database file {r.FileBytes / 1048576.0:F0} MB")
        : string.Create(CultureInfo.InvariantCulture, $"Indexed {r.Documents:N0} articles in {build.TotalSeconds:F1} s ({r.Documents / build.TotalSeconds:F0} docs/s); database file {r.FileBytes / 1048576.0:F0} MB (FTS5 index + SearchDocuments with snippet text){(r.IndexBytes > 0 ? $", dbstat {r.IndexBytes / 1048576.0:F0} MB" : "")}{(r.TokenBytes > 0 ? $", token tables {r.TokenBytes / 1048576.0:F0} MB" : "")}"));
    Console.WriteLine("| query kind | queries | p50 | p95 | mean hits |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
    foreach (var row in r.Latency)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {row.Kind} | {row.Queries} | {row.P50Ms:F1} ms | {row.P95Ms:F1} ms | {row.MeanTotal:F0} |"));
    }
    Console.WriteLine();
    Console.WriteLine("Engine steps, second pass (p50 / p95): the capped count, the candidate windows (CandidateWindows.FindAsync)");
    Console.WriteLine("| query kind | count | ranking |");
    Console.WriteLine("| --- | ---: | ---: |");
    foreach (var row in r.Steps)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {row.Kind} | {row.Count.P50:F1} / {row.Count.P95:F1} ms | {row.Ranking.P50:F1} / {row.Ranking.P95:F1} ms |"));
    }
    return 0;
});

var articlesOption = new Option<int>("--articles") { Description = "Articles in the one site", DefaultValueFactory = _ => 10_000 };
var hugoOption = new Option<string>("--hugo") { Description = "Directory for the equivalent Hugo site", Required = true };
var publicSite = new Command("public-site", "One site with many articles, and the same articles as a Hugo site (bench/public.sh)")
    { dataOption, hugoOption, articlesOption };
publicSite.SetAction(async (parse, ct) =>
{
    var dir = Path.GetFullPath(parse.GetValue(dataOption)!);
    var env = await PublicSiteBench.GenerateAsync(dir, Path.GetFullPath(parse.GetValue(hugoOption)!), parse.GetValue(articlesOption), ct);
    await File.WriteAllTextAsync(Path.Combine(dir, "public.env"), env, ct);
    Console.Write(env);
    return 0;
});
var editOne = new Command("edit-one", "Edit the newest article's title, as an editor's save would") { dataOption };
editOne.SetAction(async (parse, ct) =>
{
    await PublicSiteBench.EditOneAsync(Path.GetFullPath(parse.GetValue(dataOption)!), ct);
    return 0;
});

var root = new RootCommand("GovSite benchmarks (see bench/*.sh)")
{
    generate, resolve, visit, search, publicSite, editOne, InteractionBench.Overdue(), InteractionBench.Submit(),
};
root.Subcommands.Add(CheckFarm.ServeCommand());
root.Subcommands.Add(CheckFarm.CheckCommand());
root.Subcommands.Add(CheckFarm.RegionCommand());
root.Subcommands.Add(SupervisionBench.RoundCommand());
root.Subcommands.Add(SupervisionBench.ScoreCommand());
root.Subcommands.Add(QualityBench.Command());
root.Subcommands.Add(RenderBench.Command());
root.Subcommands.Add(RenderBench.ExportCommand());
root.Subcommands.Add(DisclosureBench.CatalogueCommand());
root.Subcommands.Add(DisclosureBench.ReportCommand());
root.Subcommands.Add(AnnualReportsBench.Command());
return await root.Parse(args).InvokeAsync();

using System.Diagnostics;
using Spectre.Console;

namespace GovSite.Search;

/// <summary>`govsite search-rebuild`: the index from scratch, with a progress bar.</summary>
public static class SearchCli
{
    public static async Task<int> RebuildAsync(AsyncServiceScope scope, CancellationToken ct)
    {
        await using (scope)
        {
            var indexer = scope.ServiceProvider.GetRequiredService<SearchIndexer>();
            var started = Stopwatch.GetTimestamp();
            var indexed = 0;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("重建检索索引", maxValue: 1);
                    indexed = await indexer.RebuildAsync(new Progress<(int Done, int Total)>(p =>
                    {
                        task.MaxValue = Math.Max(p.Total, 1);
                        task.Value = p.Done;
                    }), ct);
                    task.Value = task.MaxValue;
                });
            var size = await scope.ServiceProvider.GetRequiredService<ISearchBackend>().SizeAsync(ct);
            AnsiConsole.MarkupLine($"[green]已索引 {indexed} 篇文章[/]，用时 {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} 秒" +
                (size is long bytes ? $"，索引约 {bytes / 1024.0 / 1024.0:0.0} MB" : ""));
            return 0;
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Bench;

/// <param name="AsciiNs">Median ns per FindByHost for s{n}.bench.gov.cn, n random over all sites.</param>
/// <param name="PunycodeNs">The same for the xn-- form a browser sends for 站{n}.政务.</param>
/// <param name="HotNs">FindByHost cycling over the same 64 ASCII hosts: the cost without CPU cache misses.</param>
public sealed record ResolveResult(int Sites, double LoadMs, double SnapshotMb, double AsciiNs, double PunycodeNs, double HotNs);

/// <summary>
/// Times the product's own Host → site path (SiteDirectory.FindByHost, which normalises the host
/// first) over directories loaded from real databases of different sizes.
/// </summary>
public static class ResolveBenchmark
{
    private const int AsciiLookups = 1_000_000;
    private const int PunycodeLookups = 200_000;
    private const int Rounds = 9;

    /// <summary>
    /// Sizes are measured in interleaved rounds (100, 1,000, 10,000, 100, …) and each size reports
    /// its median, so noise from other work on the machine falls on all sizes alike.
    /// </summary>
    public static async Task<List<ResolveResult>> MeasureAsync(IReadOnlyList<int> sizes, string workDirectory,
        Action<string>? status = null, CancellationToken ct = default)
    {
        var subjects = new List<Subject>();
        try
        {
            foreach (var size in sizes)
            {
                status?.Invoke($"Generating and loading {size:N0} sites");
                subjects.Add(await LoadAsync(size, workDirectory, ct));
            }
            status?.Invoke("Warming up");
            foreach (var s in subjects)
            {
                WarmUp(s);
            }
            var ascii = subjects.Select(_ => new List<double>()).ToList();
            var punycode = subjects.Select(_ => new List<double>()).ToList();
            var hot = subjects.Select(_ => new List<double>()).ToList();
            for (var round = 0; round < Rounds; round++)
            {
                status?.Invoke($"Round {round + 1} of {Rounds}");
                for (var i = 0; i < subjects.Count; i++)
                {
                    ascii[i].Add(TimeNs(subjects[i].Directory, subjects[i].AsciiHosts, AsciiLookups));
                    punycode[i].Add(TimeNs(subjects[i].Directory, subjects[i].PunycodeHosts, PunycodeLookups));
                    hot[i].Add(TimeNs(subjects[i].Directory, subjects[i].AsciiHosts[..64], AsciiLookups));
                }
            }
            return [.. subjects.Select((s, i) => new ResolveResult(s.Sites, s.LoadMs, s.SnapshotMb, Median(ascii[i]), Median(punycode[i]), Median(hot[i])))];
        }
        finally
        {
            foreach (var s in subjects)
            {
                await s.Services.DisposeAsync();
            }
            SqliteCleanup();
        }
    }

    private sealed record Subject(int Sites, ServiceProvider Services, SiteDirectory Directory, double LoadMs, double SnapshotMb,
        string[] AsciiHosts, string[] PunycodeHosts);

    private static async Task<Subject> LoadAsync(int sites, string workDirectory, CancellationToken ct)
    {
        var dir = Path.Combine(workDirectory, $"resolve-{sites}");
        await SiteGenerator.RunAsync(new GenerateOptions(sites, dir, Content: false), ct: ct);

        var services = new ServiceCollection();
        var dataOptions = new DataOptions { DataDirectory = dir };
        services.AddSingleton(dataOptions);
        services.AddScoped<GovSite.Accounts.SiteAccess>();
        services.AddDbContext<GovSiteDb>(o => DataSetup.Configure(o, dataOptions));
        services.AddSingleton<SiteDirectory>();
        var provider = services.BuildServiceProvider();
        var directory = provider.GetRequiredService<SiteDirectory>();

        // The first load also warms EF (model, compiled query); the reload after Invalidate is what
        // a change to a site costs in production, and the heap it adds is the snapshot itself.
        _ = directory.All;
        directory.Invalidate();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var load = Stopwatch.StartNew();
        _ = directory.All;
        load.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);

        // Random sites, so that at 10,000 the lookups touch memory the way real traffic would.
        var random = new Random(sites);
        var ascii = new string[4096];
        var punycode = new string[4096];
        for (var i = 0; i < ascii.Length; i++)
        {
            var n = random.Next(1, sites + 1);
            ascii[i] = SiteGenerator.MainHost(n);
            punycode[i] = HostName.ToAscii(SiteGenerator.ZhengwuHost(n));
        }
        return new Subject(sites, provider, directory, load.Elapsed.TotalMilliseconds, (after - before) / 1024.0 / 1024.0, ascii, punycode);
    }

    /// <summary>
    /// Tiered JIT promotes a method only after it has been called often and the runtime has seen
    /// a quiet moment, so warm up with many short calls and pauses before timing.
    /// </summary>
    private static void WarmUp(Subject s)
    {
        for (var pass = 0; pass < 3; pass++)
        {
            for (var i = 0; i < 100; i++)
            {
                Lookup(s.Directory, s.AsciiHosts, 2_000);
                Lookup(s.Directory, s.PunycodeHosts, 200);
            }
            Thread.Sleep(150);
        }
    }

    private static double TimeNs(SiteDirectory directory, string[] hosts, int lookups)
    {
        var clock = Stopwatch.StartNew();
        Lookup(directory, hosts, lookups);
        return clock.Elapsed.TotalNanoseconds / lookups;
    }

    private static double Median(List<double> samples)
    {
        samples.Sort();
        return samples[samples.Count / 2];
    }

    private static void Lookup(SiteDirectory directory, string[] hosts, int count)
    {
        var mask = hosts.Length - 1;
        for (var i = 0; i < count; i++)
        {
            if (directory.FindByHost(hosts[i & mask]) is null)
            {
                throw new InvalidOperationException($"{hosts[i & mask]} did not resolve");
            }
        }
    }

    /// <summary>Pooled connections keep the file open; release them so the work directory can be deleted.</summary>
    private static void SqliteCleanup() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    public static string Markdown(IReadOnlyList<ResolveResult> results)
    {
        var lines = new List<string>
        {
            "| Sites | FindByHost, random ASCII host | random punycode host | same 64 hosts | Snapshot reload | Snapshot heap |",
            "|---:|---:|---:|---:|---:|---:|",
        };
        lines.AddRange(results.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"| {r.Sites:N0} | {r.AsciiNs:F0} ns | {r.PunycodeNs:F0} ns | {r.HotNs:F0} ns | {r.LoadMs:F0} ms | {r.SnapshotMb:F1} MB |")));
        return string.Join('\n', lines) + "\n";
    }
}

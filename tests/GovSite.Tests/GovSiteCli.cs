using System.Diagnostics;

namespace GovSite.Tests;

/// <summary>The real `govsite` program in a process of its own, as an operator runs a command.</summary>
public static class GovSiteCli
{
    /// <param name="Out">Standard output.</param>
    /// <param name="Err">Standard error.</param>
    public sealed record Run(int ExitCode, string Out, string Err)
    {
        /// <summary>Both streams, for messages that may go to either.</summary>
        public string Output => Out + Err;
    }

    /// <summary>A command on a test database (its data directory, and PostgreSQL when the run uses it).</summary>
    public static Task<Run> RunAsync(TestDatabase database, params string[] args)
    {
        var environment = new Dictionary<string, string> { ["GOVSITE_DATA"] = database.DataDirectory };
        if (database.PostgresConnection is { } pg)
        {
            environment["GOVSITE_DB"] = pg;
        }
        return RunAsync(environment, args);
    }

    public static async Task<Run> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "govsite.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // Wide enough that Spectre.Console does not wrap the lines a test reads.
        start.Environment["COLUMNS"] = "200";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Run(process.ExitCode, await stdout, await stderr);
    }
}

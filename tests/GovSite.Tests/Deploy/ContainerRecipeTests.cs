using System.Diagnostics;
using System.Text.RegularExpressions;
using Shouldly;
using Xunit.Abstractions;

namespace GovSite.Tests.Deploy;

/// <summary>
/// The container recipe (deploy/Dockerfile) builds and starts. No container runtime runs on
/// this machine or in CI, so the test follows the recipe's own steps on the host, read from the
/// Dockerfile itself: each stage gets a directory as its file system, COPY copies (honouring
/// .dockerignore), RUN runs in the stage's WORKDIR with absolute paths mapped into that directory,
/// ENV, ENTRYPOINT and CMD start the program. Only package installation (apt-get) and the
/// system user are not repeated; the tools they install must be present. A step that fails
/// here fails in `docker build` too.
/// </summary>
[Trait("Category", "Recipe")]
public partial class ContainerRecipeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_container_recipe_builds_and_starts_when_its_steps_run_on_the_host()
    {
        var root = TestPaths.RepositoryRoot();
        var ignored = File.ReadAllLines(Path.Combine(root, ".dockerignore"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        ignored.ShouldContain("**/obj/"); // else the host's restore output would overwrite the image's
        var work = Path.Combine(Path.GetTempPath(), "govsite-recipe-" + Guid.NewGuid().ToString("N"));
        Process? program = null;
        try
        {
            var stages = new Dictionary<string, string>();
            string? fs = null;
            var workdir = "/";
            var env = new Dictionary<string, string>();
            string[] entrypoint = [];
            string[] cmd = [];
            string? user = null;
            var users = new List<string>();
            string Map(string path) => Path.Combine(fs!, path.TrimStart('/'));

            foreach (var (instruction, args) in Instructions(File.ReadAllText(Path.Combine(root, "deploy", "Dockerfile"))))
            {
                switch (instruction)
                {
                    case "FROM":
                        var name = args.Split(" AS ", StringSplitOptions.TrimEntries) is [_, var alias] ? alias : "final";
                        fs = Path.Combine(work, name);
                        Directory.CreateDirectory(fs);
                        stages[name] = fs;
                        workdir = "/";
                        env.Clear();
                        break;
                    case "WORKDIR":
                        workdir = args;
                        Directory.CreateDirectory(Map(workdir));
                        break;
                    case "COPY":
                        var parts = args.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
                        var from = parts[0].StartsWith("--from=", StringComparison.Ordinal) ? stages[parts[0]["--from=".Length..]] : null;
                        if (from is not null)
                        {
                            parts.RemoveAt(0);
                        }
                        var dest = parts[^1].StartsWith('/') ? Map(parts[^1]) : Path.Combine(Map(workdir), parts[^1]);
                        foreach (var source in parts[..^1])
                        {
                            var path = from is null ? Path.Combine(root, source) : Path.Combine(from, source.TrimStart('/'));
                            (File.Exists(path) || Directory.Exists(path)).ShouldBeTrue($"COPY {source}: not in the build context");
                            Copy(path, dest, parts.Count > 2 || parts[^1].EndsWith('/'), from is null ? root : null, ignored);
                        }
                        break;
                    case "ENV":
                        foreach (Match m in EnvPair().Matches(args))
                        {
                            env[m.Groups[1].Value] = m.Groups[2].Value;
                        }
                        break;
                    case "RUN":
                        var steps = args.Split("&&", StringSplitOptions.TrimEntries);
                        var kept = new List<string>();
                        foreach (var step in steps)
                        {
                            if (step.StartsWith("apt-get install", StringComparison.Ordinal))
                            {
                                // The packages the step installs must be here already.
                                foreach (var package in step.Split(' ').Skip(2).Where(p => !p.StartsWith('-')))
                                {
                                    var tool = package switch { "nodejs" => "node", "postgresql-client" => "pg_dump", _ => package };
                                    Which(tool).ShouldBeTrue($"RUN {step}: {tool} is not installed on this machine");
                                }
                            }
                            else if (step.StartsWith("apt-get", StringComparison.Ordinal) || step.StartsWith("rm -rf /var/lib/apt", StringComparison.Ordinal))
                            {
                            }
                            else if (step.StartsWith("useradd", StringComparison.Ordinal))
                            {
                                users.Add(step.Split(' ')[^1]);
                            }
                            else if (step.StartsWith("chown", StringComparison.Ordinal))
                            {
                                users.ShouldContain(step.Split(' ')[^2].Split(':')[0]);
                            }
                            else
                            {
                                kept.Add(AbsolutePath().Replace(step, m => " " + Map(m.Value.Trim())));
                            }
                        }
                        if (kept.Count > 0)
                        {
                            await RunAsync(string.Join(" && ", kept), Map(workdir));
                        }
                        break;
                    case "USER":
                        user = args;
                        break;
                    case "ENTRYPOINT":
                        entrypoint = JsonArray(args);
                        break;
                    case "CMD":
                        cmd = JsonArray(args);
                        break;
                }
            }

            user.ShouldNotBeNull("the image must not run as root");
            users.ShouldContain(user);
            entrypoint.ShouldNotBeEmpty();
            var port = TestPaths.FreePort();
            var start = new ProcessStartInfo(Map(entrypoint[0])) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Map(workdir) };
            foreach (var arg in entrypoint.Skip(1).Concat(cmd))
            {
                start.ArgumentList.Add(arg.Replace("http://0.0.0.0:8080", $"http://127.0.0.1:{port}", StringComparison.Ordinal));
            }
            start.ArgumentList.ShouldContain($"http://127.0.0.1:{port}", "CMD no longer listens on 0.0.0.0:8080 (EXPOSE 8080)");
            foreach (var (name, value) in env)
            {
                start.Environment[name] = value.StartsWith('/') ? Map(value) : value;
            }
            // As deploy/compose.yaml runs it (GOVSITE_NO_DEMO defaults to true there).
            start.Environment["GOVSITE_NO_DEMO"] = "true";
            start.Environment["GOVSITE_ADMIN_PASSWORD"] = "Recipe-Test-2026!";
            program = Process.Start(start)!;
            var log = new System.Text.StringBuilder();
            program.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
            program.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
            program.BeginOutputReadLine();
            program.BeginErrorReadLine();
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            HttpResponseMessage? ready = null;
            for (var i = 0; i < 240 && !program.HasExited; i++)
            {
                try
                {
                    ready = await client.GetAsync("/health/ready");
                    if (ready.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }
                await Task.Delay(500);
            }
            ready.ShouldNotBeNull(log.ToString());
            ready.IsSuccessStatusCode.ShouldBeTrue(log.ToString());
            (await client.GetAsync("/admin/login")).IsSuccessStatusCode.ShouldBeTrue(log.ToString());
            Directory.EnumerateFileSystemEntries(Map(env["GOVSITE_DATA"])).ShouldNotBeEmpty("the database is written under GOVSITE_DATA");
        }
        finally
        {
            if (program is { HasExited: false })
            {
                program.Kill(entireProcessTree: true);
                await program.WaitForExitAsync();
            }
            program?.Dispose();
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private async Task RunAsync(string command, string directory)
    {
        output.WriteLine($"RUN {command}");
        var start = new ProcessStartInfo("bash", ["-c", command])
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        // npm and NuGet answer from this machine's caches, filled by the build that runs the tests.
        start.Environment["npm_config_prefer_offline"] = "true";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"RUN {command}\n{await stdout}\n{await stderr}");
    }

    /// <summary>The Dockerfile's instructions with continuation lines joined and comments dropped.</summary>
    internal static List<(string Instruction, string Args)> Instructions(string dockerfile)
    {
        var joined = Regex.Replace(dockerfile, @"\\\r?\n\s*", " ");
        return [.. joined.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2) is [var i, var a] ? (i.ToUpperInvariant(), a.Trim()) : (l.ToUpperInvariant(), ""))];
    }

    private static string[] JsonArray(string args) => System.Text.Json.JsonSerializer.Deserialize<string[]>(args)!;

    private static bool Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, tool)))
        || Directory.Exists("/usr/lib/postgresql") && tool == "pg_dump"
           && Directory.EnumerateFiles("/usr/lib/postgresql", "pg_dump", SearchOption.AllDirectories).Any();

    private static void Copy(string source, string dest, bool intoDirectory, string? contextRoot, List<string> ignored)
    {
        if (File.Exists(source))
        {
            var target = intoDirectory ? Path.Combine(dest, Path.GetFileName(source)) : dest;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
            return;
        }
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (contextRoot is not null && Ignored(Path.GetRelativePath(contextRoot, file), ignored))
            {
                continue;
            }
            var target = Path.Combine(dest, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>The .dockerignore patterns this repository uses: `**/dir/` anywhere, `dir/` at the root.</summary>
    private static bool Ignored(string relative, List<string> patterns)
    {
        var segments = relative.Split(Path.DirectorySeparatorChar);
        foreach (var pattern in patterns)
        {
            var name = pattern.TrimEnd('/');
            if (name.StartsWith("**/", StringComparison.Ordinal) ? segments.AsSpan(0, segments.Length - 1).Contains(name[3..]) : segments[0] == name)
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"([A-Z_][A-Z0-9_]*)=(\S+)")]
    private static partial Regex EnvPair();

    // An absolute path as a command's argument (" /app", " /var/lib/govsite/data").
    [GeneratedRegex(@"(?<=^|\s)/[\w./*-]+")]
    private static partial Regex AbsolutePath();
}

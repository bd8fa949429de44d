using System.CommandLine;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Demo;
using GovSite.Monitoring;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace GovSite.Cli;

/// <summary>
/// The command line: the same program and configuration as the server (GOVSITE_DATA,
/// GOVSITE_DB), with commands that do one job and exit.
/// </summary>
public static class CliCommands
{
    private static readonly string[] HelpFlags = ["--help", "-h", "-?"];

    /// <summary>
    /// A command-line run: a known command, a help flag, or a first word that is no option and no
    /// <c>serve</c> (an unknown command, answered with the list instead of starting the server).
    /// </summary>
    public static bool IsCliCommand(string[] args) =>
        args.Length > 0 && (HelpFlags.Contains(args[0]) || Names().Contains(args[0])
            || (args[0] != "serve" && !args[0].StartsWith('-'))
            || ServeOptionProblem(args) is not null);

    /// <summary>
    /// The server's options are configuration, each <c>--key value</c> or <c>--key=value</c>
    /// (<c>--urls http://…</c>, <c>--GOVSITE_DB …</c>). A word that is neither (<c>--bogus</c> alone,
    /// <c>-x</c>, a stray word) is a mistake the operator should hear about, not a server started
    /// without it; this returns that word.
    /// </summary>
    public static string? ServeOptionProblem(string[] args)
    {
        var rest = ServeArguments(args);
        for (var i = 0; i < rest.Length; i++)
        {
            var word = rest[i];
            if (!word.StartsWith("--", StringComparison.Ordinal) || word.Length <= 2)
            {
                return word;
            }
            if (word.Contains('=', StringComparison.Ordinal))
            {
                continue;
            }
            if (i + 1 >= rest.Length || rest[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return word;
            }
            i++;
        }
        return null;
    }

    /// <summary>The names of every command, read from the command tree itself so the list cannot drift.</summary>
    public static IReadOnlyList<string> Names() => [.. BuildRoot().Subcommands.Select(c => c.Name)];

    /// <summary>`govsite serve --urls …` and `govsite --urls …` both start the server.</summary>
    public static string[] ServeArguments(string[] args) => args.Length > 0 && args[0] == "serve" ? args[1..] : args;

    public static async Task<int> RunAsync(string[] args)
    {
        var root = BuildRoot();
        if (ServeOptionProblem(args) is { } word && (args[0] == "serve" || args[0].StartsWith('-')))
        {
            if (ServeArguments(args).Any(a => HelpFlags.Contains(a)))
            {
                return await root.Parse(["--help"]).InvokeAsync();
            }
            await Console.Error.WriteLineAsync($"未知选项：{word}（unknown option: {word}）；服务的选项须为 --名称 值，如 --urls http://127.0.0.1:5080（server options are --name value）");
            await WriteCommandsAsync(root);
            return 2;
        }
        if (!HelpFlags.Contains(args[0]) && root.Subcommands.All(c => c.Name != args[0]))
        {
            await Console.Error.WriteLineAsync($"未知命令：{args[0]}（unknown command: {args[0]}）");
            await WriteCommandsAsync(root);
            return 2;
        }
        return await root.Parse(args).InvokeAsync();
    }

    private static async Task WriteCommandsAsync(RootCommand root)
    {
        var error = Console.Error;
        await error.WriteLineAsync("可用的命令（commands）：");
        await error.WriteLineAsync("  serve".PadRight(20) + "启动网站服务（start the web server; the default）");
        foreach (var command in root.Subcommands)
        {
            await error.WriteLineAsync("  " + command.Name.PadRight(18) + command.Description);
        }
        await error.WriteLineAsync("govsite <命令> --help 查看命令的参数（each command's options）");
    }

    /// <summary>The command tree, for the test that reads every command's help.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("GovSite 政府网站集约化平台。不带命令（或 serve）时启动网站服务。"
            + "\nGovSite, the platform for a region's government websites. Without a command (or with serve) it starts the web server.");

        var migrate = new Command("migrate", "创建或升级数据库结构（create or upgrade the database schema）");
        migrate.SetAction(async (_, ct) =>
        {
            await using var scope = await OpenAsync(ct);
            AnsiConsole.MarkupLine("[green]数据库结构已是最新版本[/]");
            return 0;
        });
        root.Subcommands.Add(migrate);

        var seed = new Command("seed-demo", "写入演示地区（省门户、三个部门网站、县门户及乡镇子站）（seed the demo region）");
        seed.SetAction(async (_, ct) =>
        {
            await using var scope = await OpenAsync(ct);
            var seeded = await DemoRegion.SeedAsync(scope.ServiceProvider, ct);
            AnsiConsole.MarkupLine(seeded ? "[green]演示数据已写入[/]" : "[yellow]演示网站已存在，未重复写入[/]");
            return 0;
        });
        root.Subcommands.Add(seed);

        var file = new Argument<FileInfo>("FILE") { Description = "JSON Lines（每行一个对象）或 CSV（首行为字段名）文件（JSON Lines or CSV with a header row）" };
        var site = new Option<string>("--site") { Description = "网站标识码（the site's code）", Required = true };
        var column = new Option<int>("--column") { Description = "栏目编号（column id）", Required = true };
        var import = new Command("import", "从 JSON Lines 或 CSV 导入文章并发布到指定栏目（import articles into a column）") { file, site, column };
        import.SetAction(async (parse, ct) =>
            await ImportAsync(parse.GetValue(file)!, parse.GetValue(site)!, parse.GetValue(column), ct));
        root.Subcommands.Add(import);

        root.Subcommands.Add(CheckCommand.Create());
        var who = new Argument<string>("USER") { Description = "用户名（user name）" };
        var resetSecondFactor = new Command("reset-second-factor",
            "清除账号的两步验证（手机丢失且恢复码用完时），该账号下次登录时重新绑定（reset a user's second factor; they enrol again at the next sign-in）") { who };
        resetSecondFactor.SetAction(async (parse, ct) =>
        {
            await using var scope = await OpenAsync(ct);
            var name = parse.GetValue(who)!;
            var user = await scope.ServiceProvider.GetRequiredService<GovSiteDb>().Users.FirstOrDefaultAsync(u => u.UserName == name, ct);
            if (user is null)
            {
                AnsiConsole.MarkupLine($"[red]没有用户 {Markup.Escape(name)}[/]");
                return 2;
            }
            await scope.ServiceProvider.GetRequiredService<Accounts.SecondFactor>().RemoveAsync(user, "命令行重置两步验证", ct);
            AnsiConsole.MarkupLine($"[green]已清除 {Markup.Escape(name)} 的两步验证，其全部会话已结束[/]");
            return 0;
        });
        root.Subcommands.Add(resetSecondFactor);
        var holidayFile = new Argument<FileInfo>("FILE") { Description = "holiday-cn 格式的 JSON 文件（{\"year\":…,\"days\":[…]}）（a holiday-cn JSON file）" };
        var calendarImport = new Command("calendar-import", "导入一年的节假日和调休安排（holiday-cn 格式）（import a year of holidays and make-up working days）") { holidayFile };
        calendarImport.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(holidayFile)!;
            if (!path.Exists)
            {
                AnsiConsole.MarkupLine($"[red]文件不存在：{Markup.Escape(path.FullName)}[/]");
                return 2;
            }
            await using var scope = await OpenAsync(ct);
            var (count, error) = await Calendar.CalendarSetup.ImportFileAsync(scope.ServiceProvider, path.FullName, ct);
            if (error is not null)
            {
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(error)}[/]");
                return 2;
            }
            AnsiConsole.MarkupLine($"[green]已导入 {count} 个日期[/]");
            return 0;
        });
        root.Subcommands.Add(calendarImport);
        var rebuild = new Command("search-rebuild", "重建全文检索索引（所有已发布文章）（rebuild the search index）");
        rebuild.SetAction(async (_, ct) => await Search.SearchCli.RebuildAsync(await OpenAsync(ct), ct));
        root.Subcommands.Add(rebuild);
        var reindex = new Command("library-reindex", "重建重复稿件检测索引（近一年已发布的条目），升级后运行一次（rebuild the near-duplicate index）");
        reindex.SetAction(async (_, ct) =>
        {
            await using var scope = await OpenAsync(ct);
            var count = 0;
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("重复稿件检测索引");
                count = await Publishing.Library.LibraryService.IndexPublishedAsync(scope.ServiceProvider.GetRequiredService<GovSiteDb>(),
                    scope.ServiceProvider.GetRequiredService<Publishing.Quality.NearDuplicates>(), DateTime.UtcNow,
                    (done, total) => { task.MaxValue = Math.Max(total, 1); task.Value = done; }, ct);
            });
            AnsiConsole.MarkupLine($"[green]已索引 {count} 个条目[/]");
            return 0;
        });
        root.Subcommands.Add(reindex);
        root.Subcommands.Add(PublicSite.StaticExport.PublishStaticCommand.Create());
        root.Subcommands.Add(Backup.BackupCommand());
        root.Subcommands.Add(Backup.RestoreCommand());
        root.Subcommands.Add(Visits.VisitsImportCommand.Create(OpenAsync));

        return root;
    }

    private static async Task<AsyncServiceScope> OpenAsync(CancellationToken ct)
    {
        var app = GovSiteApp.Build([]);
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
        await DataSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<GovSiteDb>(), ct);
        return scope;
    }

    private static async Task<int> ImportAsync(FileInfo file, string siteCode, int columnId, CancellationToken ct)
    {
        if (!file.Exists)
        {
            AnsiConsole.MarkupLine($"[red]文件不存在：{Markup.Escape(file.FullName)}[/]");
            return 2;
        }
        await using var scope = await OpenAsync(ct);
        var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
        var site = await db.Sites.FirstOrDefaultAsync(s => s.Code == siteCode, ct);
        if (site is null)
        {
            AnsiConsole.MarkupLine($"[red]网站标识码 {Markup.Escape(siteCode)} 不存在[/]");
            return 2;
        }
        if (!await db.Columns.AnyAsync(c => c.Id == columnId && c.SiteId == site.Id, ct))
        {
            AnsiConsole.MarkupLine($"[red]栏目 {columnId} 不属于网站 {Markup.Escape(site.Name)}[/]");
            return 2;
        }
        var rows = ArticleImport.Read(file.FullName, columnId);
        var importer = scope.ServiceProvider.GetRequiredService<ArticleImport>();
        ImportReport report = null!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"导入到 {Markup.Escape(site.Name)}", maxValue: Math.Max(rows.Count, 1));
                report = await importer.ImportAsync(site.Id, rows, done => task.Value = done, ct);
                task.Value = task.MaxValue;
            });
        AnsiConsole.MarkupLine($"[green]已导入 {report.Imported} 篇[/]，共 {rows.Count} 行" +
            (report.Submitted > 0 ? $"；其中 {report.Submitted} 篇所在栏目须审核，已提交审核" : "") +
            (report.Drafts > 0 ? $"；{report.Drafts} 篇存为草稿" : ""));
        if (report.Problems.Count > 0)
        {
            var table = new Table().AddColumn("行号").AddColumn("原因");
            foreach (var p in report.Problems)
            {
                table.AddRow(p.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(p.Reason));
            }
            AnsiConsole.MarkupLine($"[yellow]{report.Problems.Count} 行未导入：[/]");
            AnsiConsole.Write(table);
        }
        return 0;
    }
}

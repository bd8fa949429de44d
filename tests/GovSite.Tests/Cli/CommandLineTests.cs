using GovSite.Cli;

namespace GovSite.Tests.Cli;

/// <summary>The command line as an operator meets it: unknown words are refused with the list, help is in both languages.</summary>
public sealed class CommandLineTests
{
    // No database is needed to be told a command does not exist or to read help.
    private static Task<GovSiteCli.Run> RunAsync(params string[] args) =>
        GovSiteCli.RunAsync(new Dictionary<string, string> { ["GOVSITE_DATA"] = "/nonexistent/govsite-cli" }, args);

    [Fact]
    public async Task An_unknown_command_is_refused_with_the_list_of_commands_instead_of_starting_the_server()
    {
        var run = await RunAsync("bakup", "--out", "/tmp/x");
        run.ExitCode.ShouldBe(2);
        run.Err.ShouldContain("未知命令：bakup");
        run.Err.ShouldContain("unknown command");
        foreach (var name in new[] { "serve", "migrate", "import", "check", "backup", "restore", "publish-static" })
        {
            run.Err.ShouldContain("  " + name);
        }
        run.Out.ShouldNotContain("Now listening");
    }

    [Fact]
    public async Task An_unknown_option_of_a_command_is_an_error_not_a_silent_default()
    {
        var run = await RunAsync("backup", "--output", "/tmp/x");
        run.ExitCode.ShouldNotBe(0);
        run.Output.ShouldContain("--output");
    }

    [Fact]
    public async Task Help_names_every_command_in_Chinese_and_English()
    {
        var run = await RunAsync("--help");
        run.ExitCode.ShouldBe(0, run.Err);
        run.Out.ShouldContain("政府网站集约化平台");
        run.Out.ShouldContain("starts the web server");
        foreach (var name in CliCommands.Names())
        {
            run.Out.ShouldContain(name);
        }
        var backup = await RunAsync("backup", "--help");
        backup.ExitCode.ShouldBe(0, backup.Err);
        backup.Out.ShouldContain("备份数据库");
        backup.Out.ShouldContain("back up the database");
    }

    [Fact]
    public void The_server_is_started_by_no_word_serve_or_an_option_and_every_command_is_known()
    {
        CliCommands.IsCliCommand([]).ShouldBeFalse();
        CliCommands.IsCliCommand(["serve", "--urls", "http://127.0.0.1:5000"]).ShouldBeFalse();
        CliCommands.IsCliCommand(["--urls", "http://127.0.0.1:5000"]).ShouldBeFalse();
        CliCommands.IsCliCommand(["nonsense"]).ShouldBeTrue();
        CliCommands.Names().ShouldContain("library-reindex");
    }
}

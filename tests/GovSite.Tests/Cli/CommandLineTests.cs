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

    [Fact]
    public async Task An_option_the_server_does_not_take_is_refused_with_the_list_of_commands()
    {
        var run = await RunAsync("--bogus");
        run.ExitCode.ShouldBe(2);
        run.Err.ShouldContain("未知选项：--bogus");
        run.Err.ShouldContain("unknown option");
        run.Err.ShouldContain("  backup");
        run.Out.ShouldNotContain("Now listening");

        var stray = await RunAsync("serve", "--urls", "http://127.0.0.1:1", "extra");
        stray.ExitCode.ShouldBe(2);
        stray.Err.ShouldContain("未知选项：extra");
    }

    [Fact]
    public void Server_options_are_configuration_pairs()
    {
        CliCommands.ServeOptionProblem(["--urls", "http://127.0.0.1:5000", "--GOVSITE_QUIET", "true"]).ShouldBeNull();
        CliCommands.ServeOptionProblem(["serve", "--Logging:LogLevel:Default=Warning"]).ShouldBeNull();
        CliCommands.ServeOptionProblem(["--urls"]).ShouldBe("--urls");
        CliCommands.ServeOptionProblem(["--verbose", "--urls", "http://127.0.0.1:5000"]).ShouldBe("--verbose");
        CliCommands.ServeOptionProblem(["-v"]).ShouldBe("-v");
    }

    [Fact]
    public void Every_command_option_and_argument_is_described_in_Chinese_and_English()
    {
        var missing = new List<string>();
        foreach (var command in CliCommands.BuildRoot().Subcommands)
        {
            Check(command.Name, command.Description);
            foreach (var option in command.Options.Where(o => !o.Name.StartsWith("--help", StringComparison.Ordinal) && o.Name != "-?" && o.Name != "-h"))
            {
                Check($"{command.Name} {option.Name}", option.Description);
            }
            foreach (var argument in command.Arguments)
            {
                Check($"{command.Name} {argument.Name}", argument.Description);
            }
        }
        missing.ShouldBeEmpty(string.Join("\n", missing));

        void Check(string what, string? description)
        {
            if (description is null || !System.Text.RegularExpressions.Regex.IsMatch(description, @"\p{IsCJKUnifiedIdeographs}")
                || !System.Text.RegularExpressions.Regex.IsMatch(description, "[A-Za-z]{3,} [A-Za-z]{2,}"))
            {
                missing.Add($"{what}: {description}");
            }
        }
    }

    [Fact]
    public async Task Each_command_answers_help_in_both_languages_and_serve_help_is_the_overview()
    {
        var import = await RunAsync("import", "--help");
        import.ExitCode.ShouldBe(0, import.Err);
        import.Out.ShouldContain("导入文章");
        import.Out.ShouldContain("import articles");
        var serve = await RunAsync("serve", "--help");
        serve.ExitCode.ShouldBe(0, serve.Err);
        serve.Out.ShouldContain("starts the web server");
    }
}

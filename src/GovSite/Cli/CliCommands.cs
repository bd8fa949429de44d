namespace GovSite.Cli;

public static class CliCommands
{
    private static readonly string[] Commands = ["migrate", "seed-demo", "import"];

    public static bool IsCliCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static string[] ServeArguments(string[] args) => args.Length > 0 && args[0] == "serve" ? args[1..] : args;

    public static Task<int> RunAsync(string[] args) => Task.FromResult(0);
}

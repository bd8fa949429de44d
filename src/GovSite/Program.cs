using GovSite;
using GovSite.Cli;

// One program is both the web server and the command line: `govsite` and `govsite serve`
// start the server; `migrate`, `seed-demo` and `import` do their work and exit.
if (CliCommands.IsCliCommand(args))
{
    return await CliCommands.RunAsync(args);
}

var app = GovSiteApp.Build(CliCommands.ServeArguments(args));
await app.RunAsync();
return 0;

public partial class Program;

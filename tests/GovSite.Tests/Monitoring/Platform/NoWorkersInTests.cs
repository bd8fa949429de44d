using System.Runtime.CompilerServices;

namespace GovSite.Tests.Monitoring.Platform;

internal static class NoWorkersInTests
{
    /// <summary>
    /// Background workers and the monitoring scheduler stay off in every test host unless a test
    /// turns them on: they would probe made-up domains and slow the suite. Tests run jobs by
    /// calling the worker and scheduler directly.
    /// </summary>
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Test-host configuration must be in place before any factory starts.")]
    internal static void Initialise() => Environment.SetEnvironmentVariable("GOVSITE_NO_WORKERS", "true");
}

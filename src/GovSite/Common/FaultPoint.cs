using System.Collections.Concurrent;

namespace GovSite.Common;

/// <summary>
/// Named step boundaries where the crash tests stop the program, so that a <c>kill -9</c> lands
/// "in the middle" of a publish, an import, an export or a job every time, not by luck of timing.
/// With <c>GOVSITE_FAULT_POINT=name</c> (or <c>name#n</c>: the n-th time it is reached) the process
/// writes <c>GOVSITE_FAULT_POINT name</c> to standard error when it gets there and waits, holding
/// whatever it holds (an open transaction, a half-renamed file), until it is killed. Unset (as in
/// every real deployment) a fault point costs one comparison.
/// </summary>
public static class FaultPoint
{
    public const string Variable = "GOVSITE_FAULT_POINT";
    public const string Marker = "GOVSITE_FAULT_POINT ";

    private static readonly (string Name, int Hit)? Armed = Parse(Environment.GetEnvironmentVariable(Variable));
    private static readonly ConcurrentDictionary<string, int> Hits = new(StringComparer.Ordinal);

    private static (string, int)? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var parts = value.Trim().Split('#', 2);
        return (parts[0], parts.Length == 2 && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1);
    }

    /// <summary>Stops here for good when this is the armed point (and its armed occurrence).</summary>
    public static void Reach(string name)
    {
        if (Armed is not { } armed || armed.Name != name || Hits.AddOrUpdate(name, 1, (_, n) => n + 1) != armed.Hit)
        {
            return;
        }
        Console.Error.WriteLine(Marker + name);
        Console.Error.Flush();
        Thread.Sleep(Timeout.Infinite);
    }
}

using System.Globalization;

namespace GovSite.Bench;

public static class BenchProcess
{
    /// <summary>This process's peak resident memory (VmHWM), in MB; NaN where /proc is not there.</summary>
    public static double PeakRssMb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
            }
        }
        return double.NaN;
    }
}

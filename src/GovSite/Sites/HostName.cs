using System.Globalization;

namespace GovSite.Sites;

/// <summary>Normalises a Host header or a typed domain: lower case, no port, punycode decoded.</summary>
public static class HostName
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = true };

    public static string Normalise(string host)
    {
        var h = host.Trim().TrimEnd('.');
        var colon = h.LastIndexOf(':');
        if (colon > 0 && !h.Contains(']', StringComparison.Ordinal))
        {
            h = h[..colon];
        }
        h = h.ToLowerInvariant();
        if (h.Contains("xn--", StringComparison.Ordinal))
        {
            try
            {
                h = Idn.GetUnicode(h);
            }
            catch (ArgumentException)
            {
                // Not valid punycode: keep it as typed so the lookup simply misses.
            }
        }
        return h;
    }

    public static bool IsGovCn(string host) => host.EndsWith(".gov.cn", StringComparison.Ordinal);

    public static bool IsZhengwu(string host) => host.EndsWith(".政务", StringComparison.Ordinal);

    /// <summary>Punycode form for links and for the Host header a browser sends.</summary>
    public static string ToAscii(string host) => Idn.GetAscii(host);
}

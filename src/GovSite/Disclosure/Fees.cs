namespace GovSite.Disclosure;

/// <summary>
/// 信息处理费 by 国办函〔2020〕109号, counted per applicant per calendar month. Each band charges
/// only the part of the month's total that falls in it, so the fee for one request is the month's
/// total after it minus the total before it.
/// <list type="bullet">
/// <item>按件计收: up to 10 requests free; the 11th to 30th ¥100 each; beyond 30, in steps of
/// 10 requests, ¥100 more each step (31st–40th ¥200, 41st–50th ¥300, …).</item>
/// <item>按量计收: up to 30 pages free; pages 31–100 ¥10 each; 101–200 ¥20 each; beyond 200 ¥40 each.</item>
/// </list>
/// One method per request, never both.
/// </summary>
public static class FeeSchedule
{
    public const int FreeRequests = 10;
    public const int FreePages = 30;

    /// <summary>The fee for <paramref name="count"/> requests after <paramref name="earlier"/> requests this month.</summary>
    public static decimal ByRequests(int earlier, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(earlier);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return RequestsTotal(earlier + count) - RequestsTotal(earlier);
    }

    /// <summary>The fee for <paramref name="pages"/> pages after <paramref name="earlierPages"/> pages this month.</summary>
    public static decimal ByPages(int earlierPages, int pages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(earlierPages);
        ArgumentOutOfRangeException.ThrowIfNegative(pages);
        return PagesTotal(earlierPages + pages) - PagesTotal(earlierPages);
    }

    /// <summary>The price of the n-th request of a month (1-based).</summary>
    public static decimal PriceOfRequest(int n) => n switch
    {
        <= FreeRequests => 0,
        <= 30 => 100,
        _ => 100 * (2 + (n - 31) / 10),
    };

    /// <summary>The price of the n-th page of a month (1-based).</summary>
    public static decimal PriceOfPage(int n) => n switch
    {
        <= FreePages => 0,
        <= 100 => 10,
        <= 200 => 20,
        _ => 40,
    };

    /// <summary>The month's total for n requests.</summary>
    public static decimal RequestsTotal(int n)
    {
        if (n <= FreeRequests)
        {
            return 0;
        }
        var total = 100m * (Math.Min(n, 30) - FreeRequests);
        // Beyond 30: whole steps of ten at 200, 300, … and the part of the last step.
        for (var step = 0; 30 + step * 10 < n; step++)
        {
            total += (200 + 100 * step) * Math.Min(10, n - 30 - step * 10);
        }
        return total;
    }

    /// <summary>The month's total for p pages.</summary>
    public static decimal PagesTotal(int p) =>
        10m * Math.Clamp(p - 30, 0, 70) + 20m * Math.Clamp(p - 100, 0, 100) + 40m * Math.Max(p - 200, 0);

    /// <summary>What a fee notice says about the standard applied.</summary>
    public static string Describe(FeeMethod method) => method == FeeMethod.ByRequests
        ? "按件计收：同一申请人一个自然月内累计申请10件以下（含10件）的不收费；11—30件（含30件）的部分100元/件；30件以上的部分以10件为一档，每增加一档收费标准提高100元/件"
        : "按量计收：同一申请人一个自然月内累计申请30页以下（含30页）的不收费；31—100页（含100页）的部分10元/页；101—200页（含200页）的部分20元/页；200页以上的部分40元/页";
}

namespace GovSite.Monitoring;

/// <summary>
/// The numbers of the veto items (domain.md). Those marked there as configurable defaults are
/// settings here; the others are national rules and are fixed.
/// </summary>
public sealed record CheckRules
{
    public static readonly CheckRules Default = new();

    public int HomepageStaleDays { get; init; } = 14;
    public int StaleKeyColumnsForVeto { get; init; } = 5;
    public int StaleColumnsForVeto { get; init; } = 10;
    public int EmptyColumnsForVeto { get; init; } = 5;
    public int UnansweredMonths { get; init; } = 3;

    /// <summary>Configurable default (domain.md): "more than 3 months" counted as more than 92 days.</summary>
    public int UnansweredDays { get; init; } = 92;

    /// <summary>Configurable default: a guide lacking this many of the ten elements is incomplete.</summary>
    public int GuideMissingElements { get; init; } = 4;

    /// <summary>Configurable default: this many incomplete guides fail the site.</summary>
    public int IncompleteGuidesForVeto { get; init; } = 5;

    public TimeSpan SlowPage { get; init; } = TimeSpan.FromSeconds(3);
}

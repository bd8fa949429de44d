namespace GovSite.PublicSite.Mourning;

/// <summary>
/// 哀悼日: for a set time every site of a region (and of the regions below it) shows grey, images
/// and logos included; the whole platform when <see cref="RegionId"/> is null. It ends by itself.
/// </summary>
public class MourningPeriod
{
    public int Id { get; set; }

    /// <summary>Null: every site on the platform.</summary>
    public int? RegionId { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }

    /// <summary>Why (全国哀悼日, 国家公祭日), as typed; shown in the back office only.</summary>
    public string Reason { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

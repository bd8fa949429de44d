using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Quality;

public enum QualityListKind
{
    /// <summary>敏感词: matched exactly (after folding), severity from the list.</summary>
    SensitiveWords,

    /// <summary>严重表述错误词典: standard expressions whose near misses are flagged (platform only).</summary>
    SeriousErrorTerms,

    /// <summary>不当用语: personal-mood and test phrases that do not belong on a government site.</summary>
    InappropriatePhrases,
}

public enum QualitySeverity
{
    Block,
    Warn,
}

/// <summary>
/// A list of terms kept by the platform (SiteId null) or by one site. The terms are one text
/// (one per line) because they are only ever read whole, to build a matcher; a 100,000-line
/// list is one row read instead of 100,000. <see cref="Version"/> goes up on every change, which
/// is how every node notices that its cached matcher is stale.
/// </summary>
public class QualityList
{
    public int Id { get; set; }
    public int? SiteId { get; set; }
    public QualityListKind Kind { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Fixed severity of the list's matches; null follows the site's setting for the code.</summary>
    public QualitySeverity? Severity { get; set; }
    public string Terms { get; set; } = "";
    public int TermCount { get; set; }
    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>A site's gate settings: block or warn per finding code. No row means the defaults.</summary>
public class QualitySettings
{
    public int SiteId { get; set; }
    public QualitySeverity SensitiveWord { get; set; } = QualitySeverity.Block;
    public QualitySeverity SeriousError { get; set; } = QualitySeverity.Block;
    public QualitySeverity NearDuplicate { get; set; } = QualitySeverity.Warn;
    public QualitySeverity BrokenLink { get; set; } = QualitySeverity.Warn;
    public QualitySeverity MissingAlt { get; set; } = QualitySeverity.Warn;
    public QualitySeverity EmptyContent { get; set; } = QualitySeverity.Block;
    public QualitySeverity InappropriateText { get; set; } = QualitySeverity.Block;

    /// <summary>Estimated similarity (percent) from which another item counts as a near-duplicate.</summary>
    public int NearDuplicatePercent { get; set; } = DefaultNearDuplicatePercent;
    public DateTime UpdatedAt { get; set; }

    public const int DefaultNearDuplicatePercent = 70;

    public QualitySeverity For(string code) => code switch
    {
        QualityCodes.SensitiveWord => SensitiveWord,
        QualityCodes.SeriousError => SeriousError,
        QualityCodes.NearDuplicate => NearDuplicate,
        QualityCodes.BrokenLink => BrokenLink,
        QualityCodes.MissingAlt => MissingAlt,
        QualityCodes.EmptyContent => EmptyContent,
        QualityCodes.InappropriateText => InappropriateText,
        _ => QualitySeverity.Warn,
    };
}

/// <summary>One indexed item for near-duplicate lookup: its MinHash signature, not its text.</summary>
public class NearDuplicateEntry
{
    public int ItemId { get; set; }
    public int SiteId { get; set; }
    public string Title { get; set; } = "";
    public DateTime DateUtc { get; set; }
    public byte[] Signature { get; set; } = [];
}

/// <summary>One LSH band of an entry: items sharing any band hash are candidates.</summary>
public class NearDuplicateBand
{
    public long Hash { get; set; }
    public int ItemId { get; set; }
}

/// <summary>What the background check last found about an external link.</summary>
public class ExternalLinkStatus
{
    /// <summary>SHA-256 of the URL, hex: URLs are too long for a portable key.</summary>
    public string UrlHash { get; set; } = "";
    public string Url { get; set; } = "";
    public bool Broken { get; set; }
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    public DateTime CheckedAt { get; set; }
}

public static class QualityCodes
{
    public const string SensitiveWord = "sensitive_word";
    public const string SeriousError = "serious_error";
    public const string NearDuplicate = "near_duplicate";
    public const string BrokenLink = "broken_link";
    public const string MissingAlt = "missing_alt";
    public const string EmptyContent = "empty_content";
    public const string InappropriateText = "inappropriate_text";

    public static readonly IReadOnlyList<string> All =
        [SensitiveWord, SeriousError, NearDuplicate, BrokenLink, MissingAlt, EmptyContent, InappropriateText];

    public static string Label(string code) => code switch
    {
        SensitiveWord => "敏感词",
        SeriousError => "严重表述错误",
        NearDuplicate => "疑似重复（孪生报道）",
        BrokenLink => "错误链接",
        MissingAlt => "图片缺少替代文字",
        EmptyContent => "空白或占位内容",
        InappropriateText => "不当用语",
        _ => code,
    };

    public static string Name(QualitySeverity severity) => severity == QualitySeverity.Block ? "block" : "warn";
}

internal static class QualityModel
{
    public static void ConfigureModel(ModelBuilder b)
    {
        b.Entity<QualityList>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.UpdatedBy).HasMaxLength(64);
            e.HasIndex(x => new { x.SiteId, x.Kind });
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<QualitySettings>(e =>
        {
            e.HasKey(x => x.SiteId);
            e.Property(x => x.SiteId).ValueGeneratedNever();
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<NearDuplicateEntry>(e =>
        {
            e.HasKey(x => x.ItemId);
            e.Property(x => x.ItemId).ValueGeneratedNever();
            e.Property(x => x.Title).HasMaxLength(500);
        });
        b.Entity<NearDuplicateBand>(e =>
        {
            e.HasKey(x => new { x.Hash, x.ItemId });
            e.HasIndex(x => x.ItemId);
        });
        b.Entity<ExternalLinkStatus>(e =>
        {
            e.HasKey(x => x.UrlHash);
            e.Property(x => x.UrlHash).HasMaxLength(64);
            e.Property(x => x.Error).HasMaxLength(500);
        });
    }
}

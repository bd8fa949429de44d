namespace GovSite.Publishing;

/// <summary>栏目: a node of a site's column tree.</summary>
public class Column
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public int? ParentId { get; set; }
    public string Name { get; set; } = "";
    public ColumnType Type { get; set; }
    public int SortOrder { get; set; }
    public bool IsVisible { get; set; } = true;
    public string? Description { get; set; }
    public string? Keywords { get; set; }

    /// <summary>A township's sub-site inside a county portal: townships have no site of their own.</summary>
    public bool IsSubSite { get; set; }

    /// <summary>Review levels an item placed here passes before it may be published; 0 lets editors publish directly.</summary>
    public int ReviewLevels { get; set; }

    /// <summary>保密审查 after the last review level.</summary>
    public bool RequiresConfidentialityReview { get; set; }
}

/// <summary>Column types from domain.md; the type decides freshness rules in monitoring.</summary>
public enum ColumnType
{
    News,
    Notice,
    Policy,
    Personnel,
    Planning,
    Interpretation,
    Overview,
    Service,
    Interaction,
    Disclosure,
    Topic,
    Other,
}

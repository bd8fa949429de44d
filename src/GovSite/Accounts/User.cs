namespace GovSite.Accounts;

public class User
{
    public int Id { get; set; }
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";

    /// <summary>Where notices are also sent by e-mail (through the outbox); none means back-office notices only.</summary>
    public string? Email { get; set; }
    public string PasswordHash { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public int FailedLoginCount { get; set; }
    public DateTime? LockoutEnd { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<RoleGrant> Grants { get; set; } = [];
}

/// <summary>
/// A role held on one site (site roles), one region (supervisor) or the whole platform
/// (platform admin, both ids null).
/// </summary>
public class RoleGrant
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public Role Role { get; set; }
    public int? SiteId { get; set; }
    public int? RegionId { get; set; }
}

public enum Role
{
    PlatformAdmin,
    Supervisor,
    SiteAdmin,
    Editor,
    Reviewer,
    Contributor,

    /// <summary>保密审查: clears items of columns that require it, after the last review level.</summary>
    ConfidentialityReviewer,
}

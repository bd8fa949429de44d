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

    /// <summary>
    /// Copied into every cookie and token at sign-in and compared on every request: a new value
    /// (lockout, password change, role change, deactivation) ends every session and token at once,
    /// on every node, since the row is what each node reads.
    /// </summary>
    public string SecurityStamp { get; set; } = NewSecurityStamp();
    public DateTime CreatedAt { get; set; }
    public List<RoleGrant> Grants { get; set; } = [];

    /// <summary>
    /// The authenticator's shared secret (TOTP), protected with Data Protection so a copy of the
    /// database alone does not hand out codes. Set when enrolment starts; in force from
    /// <see cref="SecondFactorEnabledAt"/>.
    /// </summary>
    public string? SecondFactorSecret { get; set; }
    public DateTime? SecondFactorEnabledAt { get; set; }

    /// <summary>The last time step whose code was accepted: a code is good once, even within its window.</summary>
    public long SecondFactorLastStep { get; set; }

    /// <summary>SHA-256 hashes (hex, space-separated) of the recovery codes not used yet.</summary>
    public string? RecoveryCodeHashes { get; set; }

    public bool HasSecondFactor => SecondFactorEnabledAt is not null;

    public static string NewSecurityStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>Ends the user's sessions and tokens (they carry the old stamp).</summary>
    public void RevokeSessions() => SecurityStamp = NewSecurityStamp();
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

using GovSite.Notifications;

namespace GovSite.Citizens;

/// <summary>自然人 or 法人: who the account belongs to decides the services suggested and the 法人办事 view.</summary>
public enum CitizenKind
{
    Person,
    Enterprise,
}

/// <summary>
/// A citizen's or an enterprise's own account (千人千网), separate from staff accounts: it signs
/// in with its own cookie, holds no site role, and can be deleted by its owner with everything
/// personal in it. The mobile number is the account's name and where one-time codes go.
/// </summary>
public class Citizen
{
    public int Id { get; set; }
    public CitizenKind Kind { get; set; }

    /// <summary>11 digits, unique: the name the account signs in with.</summary>
    public string Mobile { get; set; } = "";

    /// <summary>The person's name, or the enterprise's, kept as typed.</summary>
    public string Name { get; set; } = "";

    /// <summary>统一社会信用代码 of an enterprise (18 characters, check digit verified); null for a person.</summary>
    public string? CreditCode { get; set; }

    /// <summary>For e-mail subscriptions; optional.</summary>
    public string? Email { get; set; }

    /// <summary>Null for an account that signs in with one-time codes only.</summary>
    public string? PasswordHash { get; set; }
    public int FailedLoginCount { get; set; }
    public DateTime? LockoutEnd { get; set; }

    /// <summary>人生事件 (a person) or 企业事件 (an enterprise) chosen for suggestions, comma-separated.</summary>
    public string Events { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
}

/// <summary>A one-time code sent by SMS; only its hash is kept, and it is spent on first use.</summary>
public class CitizenCode
{
    public long Id { get; set; }
    public string Mobile { get; set; } = "";
    public string CodeHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }

    /// <summary>Wrong guesses against this code; after <see cref="CitizenAccounts.MaxCodeAttempts"/> it is dead.</summary>
    public int Attempts { get; set; }
    public DateTime? UsedAt { get; set; }
}

public enum SavedKind
{
    Service,
    Article,
}

/// <summary>A service item or an article a citizen keeps on their page (收藏).</summary>
public class SavedEntry
{
    public long Id { get; set; }
    public int CitizenId { get; set; }
    public SavedKind Kind { get; set; }

    /// <summary>The item's 事项编码, or the article's id.</summary>
    public string Target { get; set; } = "";
    public int SiteId { get; set; }
    public string Title { get; set; } = "";
    public DateTime SavedAt { get; set; }
}

/// <summary>A 留言 the citizen wrote while signed in, or claimed with its ticket and query code.</summary>
public class CitizenMessage
{
    public int CitizenId { get; set; }
    public int MessageId { get; set; }
    public DateTime AddedAt { get; set; }
}

/// <summary>An information request (依申请公开) on a citizen's page: filed while signed in, or claimed with its number and query code.</summary>
public class CitizenRequest
{
    public int CitizenId { get; set; }
    public int RequestId { get; set; }
    public DateTime AddedAt { get; set; }
}

/// <summary>An error report (找错) on a citizen's page: made while signed in, or claimed with its number and query code.</summary>
public class CitizenErrorReport
{
    public int CitizenId { get; set; }
    public int ReportId { get; set; }
    public DateTime AddedAt { get; set; }
}

public enum SubscriptionKind
{
    /// <summary>New articles in a column (and its sub-columns).</summary>
    Column,

    /// <summary>New articles of a 专题.</summary>
    Topic,

    /// <summary>New policy documents of one 主题分类 on a site.</summary>
    PolicyTheme,

    /// <summary>A service item's guide changed.</summary>
    Service,
}

/// <summary>
/// What a citizen asked to be told about, and how. Delivery writes a message to the outbox for
/// everything published after <see cref="Since"/>, then moves it on; every message carries the
/// one-click unsubscribe address made from <see cref="Token"/>, which works without signing in.
/// </summary>
public class Subscription
{
    public long Id { get; set; }
    public int CitizenId { get; set; }
    public SubscriptionKind Kind { get; set; }
    public int SiteId { get; set; }

    /// <summary>The column's or topic's id, the 主题分类's name, or the item's 事项编码.</summary>
    public string Target { get; set; } = "";
    public string Title { get; set; } = "";
    public OutboxChannel Channel { get; set; }

    /// <summary>UTC: what was published up to here has been sent.</summary>
    public DateTime Since { get; set; }

    /// <summary>Random, unique: the unsubscribe address, so a message's reader needs no password to stop it.</summary>
    public string Token { get; set; } = "";

    /// <summary>Where the citizen subscribed (scheme, host, /sites/{code}): links in messages point there.</summary>
    public string Origin { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

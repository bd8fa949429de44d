namespace GovSite.Publishing.Library;

/// <summary>
/// 信息资源库条目: the one copy of a piece of content (先入库，后使用). It is shown on sites through
/// placements: each placement is an <see cref="Article"/> row in a column, carrying a copy of the
/// item's content so public pages read one row; a correction to the item is copied to every
/// placement in the same transaction.
/// </summary>
public class LibraryItem
{
    public int Id { get; set; }

    /// <summary>The site whose staff own the item and run its workflow.</summary>
    public int OwnerSiteId { get; set; }

    /// <summary>The column whose workflow (review levels, 保密审查) the item follows.</summary>
    public int HomeColumnId { get; set; }
    public string Title { get; set; } = "";
    public string? Subtitle { get; set; }
    public string? Summary { get; set; }

    /// <summary>Sanitised HTML.</summary>
    public string Body { get; set; } = "";
    public string? Keywords { get; set; }
    public string? Source { get; set; }
    public string? Author { get; set; }

    /// <summary>发文机关</summary>
    public string? Issuer { get; set; }

    /// <summary>文号</summary>
    public string? DocNumber { get; set; }

    /// <summary>成文日期</summary>
    public DateOnly? WrittenDate { get; set; }

    /// <summary>主题分类 code from the platform taxonomy.</summary>
    public string? SubjectClass { get; set; }

    /// <summary>体裁分类 code from the platform taxonomy.</summary>
    public string? GenreClass { get; set; }

    /// <summary>公开方式, chosen when the item is entered; null for older items nobody has marked.</summary>
    public DisclosureMode? Disclosure { get; set; }

    /// <summary>不予公开的理由 (required for <see cref="DisclosureMode.NotDisclosed"/>).</summary>
    public string? DisclosureReason { get; set; }
    public string Language { get; set; } = "zh-CN";
    public PolicyValidity? Validity { get; set; }

    /// <summary>The day the validity last changed (失效/废止 日期).</summary>
    public DateOnly? ValidityDate { get; set; }

    /// <summary>For an interpretation (解读): the policy item it explains.</summary>
    public int? InterpretsItemId { get; set; }
    public InterpretationKind? InterpretationKind { get; set; }

    /// <summary>The picture that stands for the item (the Image meta tag); an address on this platform.</summary>
    public string? ImageUrl { get; set; }

    /// <summary>JSON array of attachment file ids, in display order; versions keep their own copy.</summary>
    public string Attachments { get; set; } = "[]";

    public ItemStatus Status { get; set; }

    /// <summary>The review level the item waits for while <see cref="ItemStatus.Submitted"/> (1-based).</summary>
    public int ReviewLevel { get; set; }

    /// <summary>UTC; set while <see cref="ItemStatus.Scheduled"/>.</summary>
    public DateTime? PublishAt { get; set; }

    /// <summary>UTC; a published item is withdrawn by the worker at this time.</summary>
    public DateTime? WithdrawAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public int VersionNumber { get; set; }
    public DateTime CreatedAt { get; set; }
    public int? CreatedById { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int? UpdatedById { get; set; }

    /// <summary>Who last submitted it: they may not review it.</summary>
    public int? SubmittedById { get; set; }

    /// <summary>The version the public pages show (the placements' copy); null until first published.</summary>
    public int? PublishedVersion { get; set; }

    /// <summary>
    /// A change to a published item waiting for review (修订): a new text (<see cref="RevisionVersion"/>)
    /// or a request to withdraw. The item's own fields and its placements keep the published
    /// version until the revision passes the column's review levels, 保密审查 and the quality gate.
    /// </summary>
    public RevisionKind? RevisionKind { get; set; }

    /// <summary>Where the pending revision stands in the workflow (draft, submitted, 保密审查, approved); null when there is none.</summary>
    public ItemStatus? RevisionStatus { get; set; }

    /// <summary>The review level the revision waits for while submitted (1-based).</summary>
    public int RevisionLevel { get; set; }

    /// <summary>The version holding the revision's text; null for a withdrawal.</summary>
    public int? RevisionVersion { get; set; }

    /// <summary>Who started the revision: they may not review it.</summary>
    public int? RevisedById { get; set; }

    /// <summary>Who last submitted the revision: they may not review it.</summary>
    public int? RevisionSubmittedById { get; set; }

    public bool IsPolicy => DocNumber is not null || Issuer is not null;

    public bool HasRevision => RevisionStatus is not null;

    /// <summary>A copy to try a change on without touching the tracked item.</summary>
    public LibraryItem Copy() => (LibraryItem)MemberwiseClone();
}

/// <summary>What a pending revision of a published item asks for.</summary>
public enum RevisionKind
{
    /// <summary>A new text (a correction, or an old version restored).</summary>
    Edit,

    /// <summary>Taking the item off every site.</summary>
    Withdrawal,
}

public enum ItemStatus
{
    Draft,
    Submitted,
    ConfidentialityReview,
    Approved,
    Scheduled,
    Published,
    Withdrawn,
}

/// <summary>解读形式</summary>
public enum InterpretationKind
{
    Text,
    Graphic,
    Media,
    Expert,
    MediaCommentary,
}

/// <summary>One saved state of an item; every save makes one.</summary>
public class ItemVersion
{
    public long Id { get; set; }
    public int ItemId { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>Every other field of the item as JSON (<see cref="ItemContent"/>).</summary>
    public string Content { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }
    public int? CreatedById { get; set; }
    public string? CreatedByName { get; set; }
    public string? Note { get; set; }

    /// <summary>The item as it stands now, as the next version.</summary>
    public static ItemVersion Of(LibraryItem item, DateTime now, int? userId, string userName, string? note) => new()
    {
        ItemId = item.Id,
        Number = item.VersionNumber,
        Title = item.Title,
        Body = item.Body,
        Content = ItemContent.Of(item).ToJson(),
        CreatedAt = now,
        CreatedById = userId,
        CreatedByName = userName,
        Note = note,
    };
}

/// <summary>
/// 谁发布谁负责: one workflow step. The table refuses UPDATE and DELETE (database triggers), so
/// the trail can only grow.
/// </summary>
public class ItemTransition
{
    public long Id { get; set; }
    public int ItemId { get; set; }
    public DateTime At { get; set; }
    public int? UserId { get; set; }
    public string UserName { get; set; } = "";
    public ItemStatus From { get; set; }
    public ItemStatus To { get; set; }

    /// <summary>The review level acted on, when the step is a review.</summary>
    public int? Level { get; set; }
    public string Action { get; set; } = "";
    public string? Comment { get; set; }

    /// <summary>The version the step acted on: what exactly was saved, reviewed or published.</summary>
    public int? Version { get; set; }

    /// <summary>The step moved a pending revision of a published item, not the item itself; From and To are the revision's stages.</summary>
    public bool Revision { get; set; }
}

/// <summary>
/// A request to show an item on a site whose editors did not write it: a cross-site placement,
/// an item arriving through a column subscription, or one site of a reprint order (转载).
/// </summary>
public class PlacementRequest
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int SiteId { get; set; }

    /// <summary>The column suggested by the requester or the subscription; the accepting editor may choose another.</summary>
    public int? ColumnId { get; set; }
    public PlacementKind Kind { get; set; }
    public int? OrderId { get; set; }
    public int? SubscriptionId { get; set; }
    public PlacementRequestStatus Status { get; set; }
    public DateTime RequestedAt { get; set; }
    public int? RequestedById { get; set; }
    public string? RequestedByName { get; set; }
    public DateTime? DecidedAt { get; set; }
    public int? DecidedById { get; set; }
    public string? DecidedByName { get; set; }
    public string? Comment { get; set; }

    /// <summary>The placement made when accepted.</summary>
    public int? ArticleId { get; set; }
}

public enum PlacementKind
{
    Placement,
    Subscription,
    Order,
}

public enum PlacementRequestStatus
{
    Pending,
    Accepted,
    Declined,
}

/// <summary>A column that takes new items of a higher-level site's column into its review queue.</summary>
public class ColumnSubscription
{
    public int Id { get; set; }
    public int ColumnId { get; set; }
    public int SiteId { get; set; }
    public int SourceColumnId { get; set; }
    public int SourceSiteId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>转载要求: a higher-level site requires chosen sites to reprint an item by a deadline.</summary>
public class ReprintOrder
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int IssuerSiteId { get; set; }
    public DateTime DeadlineUtc { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public int? CreatedById { get; set; }
}

/// <summary>Per-site publishing settings.</summary>
public class PublishingSettings
{
    public int SiteId { get; set; }

    /// <summary>索引号 pattern; see <see cref="IndexNumbers"/> for the placeholders.</summary>
    public string IndexNumberPattern { get; set; } = IndexNumbers.DefaultPattern;

    /// <summary>Working days a published policy may go without an interpretation before it is on the to-do list.</summary>
    public int InterpretationDays { get; set; } = 3;
}

/// <summary>The next 索引号 sequence number per site and year.</summary>
public class IndexNumberCounter
{
    public int SiteId { get; set; }
    public int Year { get; set; }
    public int Next { get; set; }
}

/// <summary>One entry of the platform taxonomy: 主题分类 or 体裁分类.</summary>
public class Classification
{
    public int Id { get; set; }
    public ClassificationScheme Scheme { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
}

public enum ClassificationScheme
{
    Subject,
    Genre,
}

namespace GovSite.Services;

/// <summary>
/// 事项: one service a department provides, with its guide (办事指南). The ten elements of the
/// national rule are fields here (事项名称 <see cref="Name"/>, 设定依据 <see cref="LegalBasis"/>,
/// 申请条件 <see cref="Conditions"/>, 办理材料 <see cref="Materials"/>, 办理地点 <see cref="Location"/>,
/// 办理机构 <see cref="Department"/>, 收费标准 <see cref="Fee"/>, 办理时间 <see cref="OfficeHours"/>,
/// 联系电话 <see cref="Phone"/>, 办理流程 <see cref="Steps"/>); the columns hold what the public
/// sees. An edit of a published item waits in <see cref="PendingRevision"/> until it is reviewed.
/// </summary>
public class ServiceItem
{
    public int Id { get; set; }

    /// <summary>The site whose guide this is: a department's own site, or the portal for departments without one.</summary>
    public int SiteId { get; set; }

    /// <summary>事项编码, unique on the platform (the provincial catalogue's code for imported items).</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public ServiceItemType Type { get; set; }

    /// <summary>服务对象: 自然人.</summary>
    public bool ForPersons { get; set; }

    /// <summary>服务对象: 法人.</summary>
    public bool ForEnterprises { get; set; }

    /// <summary>主题, as "|生育收养|户籍办理|" (see <see cref="ServiceTaxonomy"/>), so one LIKE finds an item by any of them.</summary>
    public string Themes { get; set; } = "";

    /// <summary>人生事件, as <see cref="Themes"/>.</summary>
    public string LifeEvents { get; set; } = "";

    /// <summary>企业事件, as <see cref="Themes"/>.</summary>
    public string BusinessEvents { get; set; } = "";

    /// <summary>办理机构 (the implementing department): also how the catalogue groups items.</summary>
    public string Department { get; set; } = "";
    public string LegalBasis { get; set; } = "";
    public string Conditions { get; set; } = "";
    public string Location { get; set; } = "";
    public string Fee { get; set; } = "";

    /// <summary>办理时间: the office hours (not the time a case takes).</summary>
    public string OfficeHours { get; set; } = "";

    /// <summary>法定时限, in working days; null when the law sets none.</summary>
    public int? LegalDays { get; set; }

    /// <summary>承诺时限, in working days; 0 means 即办 (done on the spot).</summary>
    public int? PromisedDays { get; set; }
    public string Phone { get; set; } = "";
    public string? SupervisionPhone { get; set; }

    /// <summary>The item in the online service hall (网上办事大厅).</summary>
    public string? HallUrl { get; set; }
    public OnlineDepth OnlineDepth { get; set; }

    /// <summary>Everyday words that should bring this guide up as an answer card in search (准生证, 生孩子).</summary>
    public string? Keywords { get; set; }

    public List<ServiceMaterial> Materials { get; set; } = [];
    public List<ServiceStep> Steps { get; set; } = [];
    public List<ServiceQuestion> Questions { get; set; } = [];
    public List<ServiceDocument> Documents { get; set; } = [];

    public ServiceItemStatus Status { get; set; }

    /// <summary>Elements missing from what the public sees (or, before publication, from the draft): lists count without parsing.</summary>
    public int MissingCount { get; set; }

    /// <summary>Elements stated vaguely (其他材料, 详见窗口, 按规定): warnings, counted per item and per site.</summary>
    public int VagueCount { get; set; }

    /// <summary>A published item's edit, as <see cref="ServiceGuideContent"/> JSON, until it is reviewed.</summary>
    public string? PendingRevision { get; set; }
    public RevisionStatus? RevisionStatus { get; set; }

    /// <summary>Why a reviewer sent the item (or its revision) back.</summary>
    public string? ReturnComment { get; set; }

    /// <summary>The import source that keeps this item in step; null for items written here.</summary>
    public int? SourceId { get; set; }

    /// <summary>Hash of the row last imported, so an unchanged row costs no write.</summary>
    public string? SourceHash { get; set; }

    public DateTime? HallCheckedAt { get; set; }

    /// <summary>The hall link did not answer when last checked: the guide hides it and staff are told.</summary>
    public bool HallBroken { get; set; }
    public string? HallError { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? PublishedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public DateTime? WithdrawnAt { get; set; }
}

/// <summary>事项类型: the kinds of the national catalogue that people apply for.</summary>
public enum ServiceItemType
{
    Licence,
    Payment,
    Confirmation,
    Adjudication,
    Reward,
    Levy,
    Inspection,
    OtherPower,
    PublicService,
}

/// <summary>在线办理深度, the official levels.</summary>
public enum OnlineDepth
{
    /// <summary>信息公开: the guide only.</summary>
    Information,

    /// <summary>在线预审.</summary>
    PreReview,

    /// <summary>在线受理.</summary>
    OnlineAcceptance,

    /// <summary>全程网办.</summary>
    FullyOnline,
}

/// <summary>Draft → Submitted → Published → Withdrawn (see <see cref="ServiceWorkflow"/>).</summary>
public enum ServiceItemStatus
{
    Draft,
    Submitted,
    Published,
    Withdrawn,
}

/// <summary>Where a published item's pending edit stands.</summary>
public enum RevisionStatus
{
    Draft,
    Submitted,
}

/// <summary>One entry of 办理材料: what to bring, in which form and how many.</summary>
public class ServiceMaterial
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int SortOrder { get; set; }
    public string Name { get; set; } = "";
    public MaterialForm Form { get; set; }
    public int Originals { get; set; }
    public int Copies { get; set; }
    public bool Required { get; set; } = true;

    /// <summary>来源渠道 or a note (申请人自备; 由民政部门核发; 须加盖公章).</summary>
    public string? Note { get; set; }
}

public enum MaterialForm
{
    Original,
    Copy,
    OriginalAndCopy,
    Electronic,
}

/// <summary>One step of 办理流程.</summary>
public class ServiceStep
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int SortOrder { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>How long this step takes (1个工作日), as written.</summary>
    public string? TimeLimit { get; set; }
}

/// <summary>常见问题 of one item.</summary>
public class ServiceQuestion
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int SortOrder { get; set; }
    public string Question { get; set; } = "";
    public string Answer { get; set; } = "";
}

/// <summary>A downloadable form (申请表格) or a filled-in sample (示范文本): an uploaded file of the item's site, or an address.</summary>
public class ServiceDocument
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int SortOrder { get; set; }
    public DocumentKind Kind { get; set; }
    public string Title { get; set; } = "";
    public int? FileId { get; set; }
    public string? Url { get; set; }
}

public enum DocumentKind
{
    Form,
    Sample,
}

/// <summary>好差评: one rating of one item, from very satisfied to very dissatisfied, with an optional comment.</summary>
public class ServiceRating
{
    public long Id { get; set; }
    public int ItemId { get; set; }

    /// <summary>The site the rating was given on.</summary>
    public int SiteId { get; set; }
    public RatingLevel Level { get; set; }

    /// <summary>Plain text, kept as typed and encoded on output; seen by staff, never published.</summary>
    public string? Comment { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>A signed-in citizen's account, dropped (not the rating) when the account is deleted.</summary>
    public int? CitizenId { get; set; }

    /// <summary>A keyed hash of the client address: enough to limit ratings per address, not to find the person.</summary>
    public string ClientHash { get; set; } = "";

    /// <summary>差评 must be followed up (回访整改): what was done about it.</summary>
    public string? FollowUp { get; set; }
    public string? FollowedUpBy { get; set; }
    public DateTime? FollowedUpAt { get; set; }
}

/// <summary>The five levels of 好差评; the number is the score.</summary>
public enum RatingLevel
{
    VeryDissatisfied = 1,
    Dissatisfied = 2,
    Basic = 3,
    Satisfied = 4,
    VerySatisfied = 5,
}

/// <summary>Real use of one item on one day (China time): guide views and departures to the hall. 热门服务 come from here.</summary>
public class ServiceUse
{
    public int ItemId { get; set; }
    public DateOnly Day { get; set; }
    public int Views { get; set; }
    public int HallVisits { get; set; }
}

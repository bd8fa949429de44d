namespace GovSite.Disclosure;

/// <summary>申请人类型: the columns of section 三 of the annual report.</summary>
public enum ApplicantKind
{
    /// <summary>自然人</summary>
    NaturalPerson,

    /// <summary>商业企业</summary>
    Company,

    /// <summary>科研机构</summary>
    ResearchInstitute,

    /// <summary>社会公益组织</summary>
    PublicInterestOrganisation,

    /// <summary>法律服务机构</summary>
    LegalServiceOrganisation,

    /// <summary>其他（法人或其他组织）</summary>
    OtherOrganisation,
}

/// <summary>证件类型 of the official application form.</summary>
public enum IdDocumentKind
{
    /// <summary>居民身份证</summary>
    ResidentIdCard,
    Passport,

    /// <summary>港澳居民来往内地通行证</summary>
    HongKongMacaoPermit,

    /// <summary>台湾居民来往大陆通行证</summary>
    TaiwanPermit,

    /// <summary>外国人永久居留身份证</summary>
    ForeignPermanentResidentCard,

    /// <summary>统一社会信用代码 (法人或其他组织)</summary>
    CreditCode,
    Other,
}

/// <summary>获取信息的方式.</summary>
public enum DeliveryMethod
{
    /// <summary>邮寄纸质材料</summary>
    Post,

    /// <summary>电子邮件</summary>
    Email,

    /// <summary>自行领取（当面领取）</summary>
    InPerson,
}

/// <summary>
/// How a request reached the agency, which fixes its date of receipt (国办公开办函〔2015〕207号):
/// online and by the published mailbox the day the system receives it; in person the day it is
/// handed in; post needing a signature the day the agency signs; ordinary post the day it is
/// confirmed by telephone; fax the day both sides confirm it.
/// </summary>
public enum ReceiptChannel
{
    Online,
    InPerson,
    SignedPost,
    OrdinaryPost,
    Mailbox,
    Fax,
}

/// <summary>Where a request stands; written from its clock after every event.</summary>
public enum RequestStatus
{
    /// <summary>办理中: the clock runs.</summary>
    Handling,

    /// <summary>补正中: waiting for the applicant to complete the request; the clock starts again when it arrives.</summary>
    AwaitingCorrection,

    /// <summary>征求第三方意见: the clock stops for at most 15 working days.</summary>
    ThirdParty,

    /// <summary>待缴费: a fee notice stops the clock until paid or waived.</summary>
    AwaitingFee,

    /// <summary>已答复</summary>
    Answered,

    /// <summary>已终止: withdrawn, or deemed abandoned (no correction, no payment).</summary>
    Closed,
}

/// <summary>答复类型: the answers of 条例 第三十六条 and the 不予处理 cases.</summary>
public enum AnswerType
{
    /// <summary>已主动公开：告知获取的方式和途径</summary>
    AlreadyPublic,

    /// <summary>予以公开</summary>
    Disclosed,

    /// <summary>部分公开</summary>
    PartlyDisclosed,

    /// <summary>不予公开（说明法定理由）</summary>
    Refused,

    /// <summary>无法提供（本机关不掌握、需另行制作、补正后仍不明确）</summary>
    Unavailable,

    /// <summary>不属于本机关负责公开（告知负责的机关）</summary>
    NotThisAgency,

    /// <summary>重复申请（不予重复处理）</summary>
    Repeat,

    /// <summary>通过其他途径办理（工商、不动产登记资料等法律行政法规有特别规定的）</summary>
    OtherChannel,

    /// <summary>不予处理（信访举报投诉类、公开出版物、大量反复申请、要求确认或重新出具）</summary>
    NotProcessed,
}

/// <summary>不予公开的法定理由 (条例 第十四、十五、十六条), as the annual report counts them.</summary>
public enum RefusalGround
{
    StateSecret,
    ProhibitedByLaw,
    SecurityAndStability,
    ThirdPartyRights,
    InternalAffairs,
    ProcessInformation,
    EnforcementFile,
    AdministrativeQuery,
}

/// <summary>无法提供的原因.</summary>
public enum UnavailableReason
{
    NotHeld,
    NeedsCreation,
    StillUnclear,
}

/// <summary>不予处理的情形 other than a repeat request.</summary>
public enum NotProcessedGround
{
    Petition,
    Publication,
    Excessive,
    Confirmation,
}

/// <summary>Why a request ended without an answer.</summary>
public enum CloseReason
{
    /// <summary>申请人无正当理由逾期不补正</summary>
    NoCorrection,

    /// <summary>申请人逾期未按收费通知要求缴纳费用</summary>
    Unpaid,

    /// <summary>申请人撤回申请</summary>
    Withdrawn,
}

/// <summary>计收方式 (国办函〔2020〕109号): one per request, never both.</summary>
public enum FeeMethod
{
    /// <summary>按件计收</summary>
    ByRequests,

    /// <summary>按量计收</summary>
    ByPages,
}

/// <summary>依申请公开: one application for government information, and its handling.</summary>
public class InformationRequest
{
    public int Id { get; set; }

    /// <summary>The site (agency) the application is made to.</summary>
    public int SiteId { get; set; }

    /// <summary>申请编号, e.g. GK20260213482913.</summary>
    public string Number { get; set; } = "";

    /// <summary>SHA-256 of the query code: the code itself is shown once, to the applicant.</summary>
    public string QueryCodeHash { get; set; } = "";

    public ApplicantKind ApplicantKind { get; set; }

    /// <summary>自然人姓名, or the organisation's name.</summary>
    public string Name { get; set; } = "";
    public IdDocumentKind IdKind { get; set; }
    public string IdNumber { get; set; } = "";

    /// <summary>The ID number as fees count it: one applicant per calendar month (upper case, no spaces).</summary>
    public string ApplicantKey { get; set; } = "";

    /// <summary>自然人: 工作单位.</summary>
    public string? WorkUnit { get; set; }

    /// <summary>法人或其他组织: 法定代表人 and 联系人.</summary>
    public string? LegalRepresentative { get; set; }
    public string? ContactName { get; set; }
    public string Phone { get; set; } = "";
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    public string? Fax { get; set; }

    /// <summary>所需政府信息的内容描述 (plain text, kept as typed).</summary>
    public string Description { get; set; } = "";

    /// <summary>所需政府信息的名称、文号或便于查询的其他特征描述.</summary>
    public string? InformationName { get; set; }

    /// <summary>用途 (optional since the 2019 条例).</summary>
    public string? Purpose { get; set; }
    public DeliveryMethod Delivery { get; set; }

    /// <summary>The uploaded ID or licence image (a file of the site, readable by its staff only).</summary>
    public int? IdFileId { get; set; }

    public ReceiptChannel Channel { get; set; }

    /// <summary>The date of receipt by the rules of receipt (China date); the clock starts the working day after.</summary>
    public DateOnly ReceivedOn { get; set; }

    /// <summary>UTC; when the application was recorded (by the system or by staff).</summary>
    public DateTime RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
    public string? SubmitterIp { get; set; }

    /// <summary>承办处室: the office the request is assigned to.</summary>
    public string? Office { get; set; }

    public RequestStatus Status { get; set; }

    /// <summary>The due date as the clock last computed it from the trail (kept for lists and alerts; pages compute it again).</summary>
    public DateOnly? DueDate { get; set; }
    public bool Extended { get; set; }

    public AnswerType? AnswerType { get; set; }

    /// <summary>The refusal ground, reason or 不予处理 case of the answer (enum name), where the type has one.</summary>
    public string? AnswerGround { get; set; }

    /// <summary>What the type requires the letter to say: where it was published, which agency, why.</summary>
    public string? AnswerDetail { get; set; }
    public string? AnswerText { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public bool? AnsweredOnTime { get; set; }

    /// <summary>JSON array of disclosed file ids (files of the site, readable by the applicant with the query code).</summary>
    public string AnswerFiles { get; set; } = "[]";

    public CloseReason? CloseReason { get; set; }
    public DateOnly? ClosedOn { get; set; }

    public FeeMethod? FeeMethod { get; set; }
    public int? FeePages { get; set; }
    public decimal? FeeAmount { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsOpen => Status is not (RequestStatus.Answered or RequestStatus.Closed);

    /// <summary>The day the request left the year's open work: answered or closed.</summary>
    public DateOnly? FinishedOn => AnsweredOn ?? ClosedOn;
}

/// <summary>What can happen to a request; every clock event is one <see cref="RequestEvent"/>.</summary>
public enum RequestEventKind
{
    Received,
    Assigned,
    CorrectionRequested,
    CorrectionReceived,
    ThirdPartyConsulted,
    ThirdPartyReplied,
    Extended,
    FeeNoticed,
    FeePaid,
    FeeWaived,
    Answered,
    Closed,
    Note,
}

/// <summary>
/// One entry of a request's trail. The deadline is always computed from these (see
/// <see cref="RequestClock"/>); the table only grows (triggers refuse UPDATE and DELETE).
/// </summary>
public class RequestEvent
{
    public long Id { get; set; }
    public int RequestId { get; set; }
    public RequestEventKind Kind { get; set; }

    /// <summary>The legal date of the event (China date), which the clock counts from.</summary>
    public DateOnly OccurredOn { get; set; }

    /// <summary>UTC; when it was recorded.</summary>
    public DateTime RecordedAt { get; set; }
    public string UserName { get; set; } = "";
    public string? Text { get; set; }

    /// <summary>延期: the person who approved it.</summary>
    public string? ApprovedBy { get; set; }

    /// <summary>延期: working days added (at most 20).</summary>
    public int? Days { get; set; }
    public decimal? Amount { get; set; }
    public int? Pages { get; set; }
    public FeeMethod? FeeMethod { get; set; }

    /// <summary>第三方: who is consulted; 分办: the office.</summary>
    public string? Party { get; set; }
}

public enum LetterKind
{
    /// <summary>政府信息公开申请答复告知书</summary>
    Decision,

    /// <summary>补正申请告知书</summary>
    Correction,

    /// <summary>延期答复告知书</summary>
    Extension,

    /// <summary>第三方意见征询函 (to the third party)</summary>
    ThirdParty,

    /// <summary>收费通知</summary>
    Fee,

    /// <summary>终止办理告知书</summary>
    Closure,
}

/// <summary>
/// A letter as issued: its text is fixed when it is sent (a later change of template or of the
/// site's settings does not rewrite what the applicant received). PDF and page are made from it.
/// </summary>
public class RequestLetter
{
    public int Id { get; set; }
    public int RequestId { get; set; }

    /// <summary>The request's site: letters are numbered per site and year.</summary>
    public int SiteId { get; set; }
    public LetterKind Kind { get; set; }

    /// <summary>文书编号, e.g. 江川发改公开〔2026〕12号.</summary>
    public string Reference { get; set; } = "";
    public string Title { get; set; } = "";

    /// <summary>To whom: the applicant, or the third party for a 征询函.</summary>
    public string Addressee { get; set; } = "";

    /// <summary>Plain text, paragraphs separated by blank lines.</summary>
    public string Body { get; set; } = "";
    public string Issuer { get; set; } = "";
    public DateOnly IssuedOn { get; set; }
    public bool ToApplicant { get; set; }
    public DateTime CreatedAt { get; set; }
}

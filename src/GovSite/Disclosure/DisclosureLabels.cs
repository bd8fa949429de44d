namespace GovSite.Disclosure;

/// <summary>The Chinese words for every value a page or letter shows.</summary>
public static class DisclosureLabels
{
    public static string Of(ApplicantKind kind) => kind switch
    {
        ApplicantKind.NaturalPerson => "自然人",
        ApplicantKind.Company => "商业企业",
        ApplicantKind.ResearchInstitute => "科研机构",
        ApplicantKind.PublicInterestOrganisation => "社会公益组织",
        ApplicantKind.LegalServiceOrganisation => "法律服务机构",
        _ => "其他组织",
    };

    public static string Of(IdDocumentKind kind) => kind switch
    {
        IdDocumentKind.ResidentIdCard => "居民身份证",
        IdDocumentKind.Passport => "护照",
        IdDocumentKind.HongKongMacaoPermit => "港澳居民来往内地通行证",
        IdDocumentKind.TaiwanPermit => "台湾居民来往大陆通行证",
        IdDocumentKind.ForeignPermanentResidentCard => "外国人永久居留身份证",
        IdDocumentKind.CreditCode => "统一社会信用代码",
        _ => "其他证件",
    };

    public static string Of(DeliveryMethod method) => method switch
    {
        DeliveryMethod.Post => "邮寄（纸质）",
        DeliveryMethod.Email => "电子邮件",
        _ => "自行领取",
    };

    public static string Of(ReceiptChannel channel) => channel switch
    {
        ReceiptChannel.Online => "网上申请",
        ReceiptChannel.InPerson => "当面递交",
        ReceiptChannel.SignedPost => "邮寄（需签收）",
        ReceiptChannel.OrdinaryPost => "平信邮寄",
        ReceiptChannel.Mailbox => "指定电子邮箱",
        _ => "传真",
    };

    /// <summary>How the date of receipt is fixed for a channel (国办公开办函〔2015〕207号).</summary>
    public static string ReceiptRule(ReceiptChannel channel) => channel switch
    {
        ReceiptChannel.Online => "以系统收到申请之日为收到申请之日",
        ReceiptChannel.InPerson => "以提交之日为收到申请之日",
        ReceiptChannel.SignedPost => "以行政机关签收之日为收到申请之日",
        ReceiptChannel.OrdinaryPost => "以行政机关与申请人电话确认之日为收到申请之日",
        ReceiptChannel.Mailbox => "以系统收到申请之日为收到申请之日",
        _ => "以双方确认之日为收到申请之日",
    };

    public static string Of(RequestStatus status) => status switch
    {
        RequestStatus.Handling => "办理中",
        RequestStatus.AwaitingCorrection => "待补正",
        RequestStatus.ThirdParty => "征求第三方意见",
        RequestStatus.AwaitingFee => "待缴费",
        RequestStatus.Answered => "已答复",
        _ => "已终止",
    };

    public static string Of(ClockState state) => state switch
    {
        ClockState.Running => "计时中",
        ClockState.StoppedForCorrection => "暂停（待补正，补正后重新计算）",
        ClockState.StoppedForThirdParty => "暂停（征求第三方意见）",
        ClockState.StoppedForFee => "暂停（待缴费）",
        ClockState.Answered => "已答复",
        _ => "已终止",
    };

    public static string Of(AnswerType type) => type switch
    {
        AnswerType.AlreadyPublic => "已主动公开",
        AnswerType.Disclosed => "予以公开",
        AnswerType.PartlyDisclosed => "部分公开",
        AnswerType.Refused => "不予公开",
        AnswerType.Unavailable => "无法提供",
        AnswerType.NotThisAgency => "不属于本机关负责公开",
        AnswerType.Repeat => "重复申请",
        AnswerType.OtherChannel => "按其他法定途径办理",
        _ => "不予处理",
    };

    public static string Of(RefusalGround ground) => ground switch
    {
        RefusalGround.StateSecret => "属于国家秘密",
        RefusalGround.ProhibitedByLaw => "其他法律行政法规禁止公开",
        RefusalGround.SecurityAndStability => "危及“三安全一稳定”",
        RefusalGround.ThirdPartyRights => "保护第三方合法权益",
        RefusalGround.InternalAffairs => "属于三类内部事务信息",
        RefusalGround.ProcessInformation => "属于四类过程性信息",
        RefusalGround.EnforcementFile => "属于行政执法案卷",
        _ => "属于行政查询事项",
    };

    /// <summary>The article of the 条例 a refusal cites.</summary>
    public static string LegalBasis(RefusalGround ground) => ground switch
    {
        RefusalGround.StateSecret or RefusalGround.ProhibitedByLaw or RefusalGround.SecurityAndStability =>
            "《中华人民共和国政府信息公开条例》第十四条",
        RefusalGround.ThirdPartyRights => "《中华人民共和国政府信息公开条例》第十五条",
        RefusalGround.InternalAffairs => "《中华人民共和国政府信息公开条例》第十六条第一款",
        RefusalGround.ProcessInformation or RefusalGround.EnforcementFile => "《中华人民共和国政府信息公开条例》第十六条第二款",
        _ => "《中华人民共和国政府信息公开条例》第三十六条第（七）项",
    };

    public static string Of(UnavailableReason reason) => reason switch
    {
        UnavailableReason.NotHeld => "本机关不掌握相关政府信息",
        UnavailableReason.NeedsCreation => "没有现成信息需要另行制作",
        _ => "补正后申请内容仍不明确",
    };

    public static string Of(NotProcessedGround ground) => ground switch
    {
        NotProcessedGround.Petition => "信访举报投诉类申请",
        NotProcessedGround.Publication => "要求提供公开出版物",
        NotProcessedGround.Excessive => "无正当理由大量反复申请",
        _ => "要求行政机关确认或重新出具已获取信息",
    };

    public static string Of(CloseReason reason) => reason switch
    {
        CloseReason.NoCorrection => "申请人无正当理由逾期不补正",
        CloseReason.Unpaid => "申请人逾期未按收费通知要求缴纳费用",
        _ => "申请人撤回申请",
    };

    public static string Of(FeeMethod method) => method == FeeMethod.ByRequests ? "按件计收" : "按量计收";

    public static string Of(RequestEventKind kind) => kind switch
    {
        RequestEventKind.Received => "收到申请",
        RequestEventKind.Assigned => "分办",
        RequestEventKind.CorrectionRequested => "告知补正",
        RequestEventKind.CorrectionReceived => "收到补正",
        RequestEventKind.ThirdPartyConsulted => "征求第三方意见",
        RequestEventKind.ThirdPartyReplied => "第三方意见到达",
        RequestEventKind.Extended => "延期答复",
        RequestEventKind.FeeNoticed => "发出收费通知",
        RequestEventKind.FeePaid => "已缴费",
        RequestEventKind.FeeWaived => "减免收费",
        RequestEventKind.Answered => "作出答复",
        RequestEventKind.Closed => "终止办理",
        _ => "备注",
    };

    public static string Of(LetterKind kind) => kind switch
    {
        LetterKind.Decision => "政府信息公开申请答复告知书",
        LetterKind.Correction => "补正申请告知书",
        LetterKind.Extension => "延期答复告知书",
        LetterKind.ThirdParty => "第三方意见征询函",
        LetterKind.Fee => "收费通知",
        _ => "终止办理告知书",
    };

    /// <summary>The ground of an answer, in words, whatever enum it names; null when the type has none.</summary>
    public static string? GroundText(AnswerType? type, string? ground) => type switch
    {
        AnswerType.Refused or AnswerType.PartlyDisclosed when Enum.TryParse<RefusalGround>(ground, out var r) => Of(r),
        AnswerType.Unavailable when Enum.TryParse<UnavailableReason>(ground, out var u) => Of(u),
        AnswerType.NotProcessed when Enum.TryParse<NotProcessedGround>(ground, out var n) => Of(n),
        _ => null,
    };
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using GovSite.Rules;

namespace GovSite.Services;

/// <summary>
/// A guide as it is written: what the editor's form binds, what the API takes, what an import
/// row becomes and what a published item's pending revision holds (as JSON). One shape, so the
/// rules (<see cref="ServiceGuideRules"/>) and the checks below are written once for all four.
/// </summary>
public sealed partial class ServiceGuideContent
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public ServiceItemType? Type { get; set; }
    public bool ForPersons { get; set; }
    public bool ForEnterprises { get; set; }
    public List<string> Themes { get; set; } = [];
    public List<string> LifeEvents { get; set; } = [];
    public List<string> BusinessEvents { get; set; } = [];
    public string? Department { get; set; }
    public string? LegalBasis { get; set; }
    public string? Conditions { get; set; }
    public string? Location { get; set; }
    public string? Fee { get; set; }
    public string? OfficeHours { get; set; }
    public int? LegalDays { get; set; }
    public int? PromisedDays { get; set; }
    public string? Phone { get; set; }
    public string? SupervisionPhone { get; set; }
    public string? HallUrl { get; set; }
    public OnlineDepth OnlineDepth { get; set; }
    public string? Keywords { get; set; }
    public List<MaterialInput> Materials { get; set; } = [];
    public List<StepInput> Steps { get; set; } = [];
    public List<QuestionInput> Questions { get; set; } = [];
    public List<DocumentInput> Documents { get; set; } = [];

    public const int MaxListEntries = 100;
    public const int MaxLongText = 10_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ServiceGuideContent FromJson(string json) => JsonSerializer.Deserialize<ServiceGuideContent>(json, Json) ?? new();

    /// <summary>What the public sees of an item (its lists loaded).</summary>
    public static ServiceGuideContent From(ServiceItem item) => new()
    {
        Code = item.Code, Name = item.Name, Type = item.Type, ForPersons = item.ForPersons, ForEnterprises = item.ForEnterprises,
        Themes = ServiceTaxonomy.Split(item.Themes), LifeEvents = ServiceTaxonomy.Split(item.LifeEvents),
        BusinessEvents = ServiceTaxonomy.Split(item.BusinessEvents),
        Department = item.Department, LegalBasis = item.LegalBasis, Conditions = item.Conditions, Location = item.Location, Fee = item.Fee,
        OfficeHours = item.OfficeHours, LegalDays = item.LegalDays, PromisedDays = item.PromisedDays, Phone = item.Phone,
        SupervisionPhone = item.SupervisionPhone, HallUrl = item.HallUrl, OnlineDepth = item.OnlineDepth, Keywords = item.Keywords,
        Materials = [.. item.Materials.OrderBy(m => m.SortOrder).Select(m => new MaterialInput
        {
            Name = m.Name, Form = m.Form, Originals = m.Originals, Copies = m.Copies, Required = m.Required, Note = m.Note,
        })],
        Steps = [.. item.Steps.OrderBy(s => s.SortOrder).Select(s => new StepInput { Name = s.Name, Description = s.Description, TimeLimit = s.TimeLimit })],
        Questions = [.. item.Questions.OrderBy(q => q.SortOrder).Select(q => new QuestionInput { Question = q.Question, Answer = q.Answer })],
        Documents = [.. item.Documents.OrderBy(d => d.SortOrder).Select(d => new DocumentInput { Kind = d.Kind, Title = d.Title, FileId = d.FileId, Url = d.Url })],
    };

    /// <summary>Writes this content into the item's columns and replaces its lists (the caller has loaded them).</summary>
    public void ApplyTo(ServiceItem item)
    {
        item.Code = Code ?? "";
        item.Name = Name ?? "";
        item.Type = Type ?? ServiceItemType.PublicService;
        item.ForPersons = ForPersons;
        item.ForEnterprises = ForEnterprises;
        item.Themes = ServiceTaxonomy.Join(Themes, ServiceTaxonomy.AllThemes);
        item.LifeEvents = ServiceTaxonomy.Join(LifeEvents, ServiceTaxonomy.LifeEvents);
        item.BusinessEvents = ServiceTaxonomy.Join(BusinessEvents, ServiceTaxonomy.BusinessEvents);
        item.Department = Department ?? "";
        item.LegalBasis = LegalBasis ?? "";
        item.Conditions = Conditions ?? "";
        item.Location = Location ?? "";
        item.Fee = Fee ?? "";
        item.OfficeHours = OfficeHours ?? "";
        item.LegalDays = LegalDays;
        item.PromisedDays = PromisedDays;
        item.Phone = Phone ?? "";
        item.SupervisionPhone = SupervisionPhone;
        if (item.HallUrl != HallUrl)
        {
            // A new address has not been checked: what was learnt about the old one does not hold.
            item.HallBroken = false;
            item.HallCheckedAt = null;
            item.HallError = null;
        }
        item.HallUrl = HallUrl;
        item.OnlineDepth = OnlineDepth;
        item.Keywords = Keywords;
        item.Materials.Clear();
        item.Materials.AddRange(Materials.Select((m, i) => new ServiceMaterial
        {
            SortOrder = i, Name = m.Name ?? "", Form = m.Form, Originals = m.Originals, Copies = m.Copies, Required = m.Required, Note = m.Note,
        }));
        item.Steps.Clear();
        item.Steps.AddRange(Steps.Select((s, i) => new ServiceStep { SortOrder = i, Name = s.Name ?? "", Description = s.Description, TimeLimit = s.TimeLimit }));
        item.Questions.Clear();
        item.Questions.AddRange(Questions.Select((q, i) => new ServiceQuestion { SortOrder = i, Question = q.Question ?? "", Answer = q.Answer ?? "" }));
        item.Documents.Clear();
        item.Documents.AddRange(Documents.Select((d, i) => new ServiceDocument { SortOrder = i, Kind = d.Kind, Title = d.Title ?? "", FileId = d.FileId, Url = d.Url }));
        var assessment = Assess();
        item.MissingCount = assessment.Missing.Count;
        item.VagueCount = assessment.Vague.Count;
    }

    /// <summary>The ten elements as text, for the rule: a list element is its entries' names.</summary>
    public Dictionary<string, string?> ElementValues() => new()
    {
        ["事项名称"] = Name,
        ["设定依据"] = LegalBasis,
        ["申请条件"] = Conditions,
        ["办理材料"] = Materials.Count == 0 ? null : string.Join("；", Materials.Select(m => m.Name)),
        ["办理地点"] = Location,
        ["办理机构"] = Department,
        ["收费标准"] = Fee,
        ["办理时间"] = OfficeHours,
        ["联系电话"] = Phone,
        ["办理流程"] = Steps.Count == 0 ? null : string.Join("；", Steps.Select(s => s.Name)),
    };

    /// <summary>Missing and vague elements under the national rule; a material or step entry stated vaguely counts for its element.</summary>
    public GuideAssessment Assess() => ServiceGuideRules.Assess(ElementValues());

    /// <summary>The form field an element is written in, so a message can sit beside it.</summary>
    public static string FieldOf(string element) => element switch
    {
        "事项名称" => nameof(Name),
        "设定依据" => nameof(LegalBasis),
        "申请条件" => nameof(Conditions),
        "办理材料" => nameof(Materials),
        "办理地点" => nameof(Location),
        "办理机构" => nameof(Department),
        "收费标准" => nameof(Fee),
        "办理时间" => nameof(OfficeHours),
        "联系电话" => nameof(Phone),
        "办理流程" => nameof(Steps),
        _ => "",
    };

    /// <summary>
    /// Text as typed: one-line fields lose only the spaces around them, paragraphs keep every
    /// character; list entries left wholly empty (the form's spare rows) are dropped.
    /// </summary>
    public ServiceGuideContent Normalise()
    {
        Code = Line(Code);
        Name = Line(Name);
        Department = Line(Department);
        LegalBasis = Block(LegalBasis);
        Conditions = Block(Conditions);
        Location = Line(Location);
        Fee = Block(Fee);
        OfficeHours = Line(OfficeHours);
        Phone = Line(Phone);
        SupervisionPhone = Line(SupervisionPhone);
        HallUrl = Line(HallUrl);
        Keywords = Line(Keywords);
        Themes = [.. Themes.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct()];
        LifeEvents = [.. LifeEvents.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct()];
        BusinessEvents = [.. BusinessEvents.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct()];
        foreach (var m in Materials)
        {
            m.Name = Line(m.Name);
            m.Note = Line(m.Note);
            // Only the counts the form asks for are kept: "原件" with a copy count left from the form's default is one original.
            if (m.Form is MaterialForm.Original or MaterialForm.Electronic)
            {
                m.Copies = 0;
            }
            if (m.Form is MaterialForm.Copy or MaterialForm.Electronic)
            {
                m.Originals = 0;
            }
        }
        Materials = [.. Materials.Where(m => m.Name is not null || m.Note is not null)];
        foreach (var s in Steps)
        {
            s.Name = Line(s.Name);
            s.Description = Block(s.Description);
            s.TimeLimit = Line(s.TimeLimit);
        }
        Steps = [.. Steps.Where(s => s.Name is not null || s.Description is not null || s.TimeLimit is not null)];
        foreach (var q in Questions)
        {
            q.Question = Line(q.Question);
            q.Answer = Block(q.Answer);
        }
        Questions = [.. Questions.Where(q => q.Question is not null || q.Answer is not null)];
        foreach (var d in Documents)
        {
            d.Title = Line(d.Title);
            d.Url = Line(d.Url);
        }
        Documents = [.. Documents.Where(d => d.Title is not null || d.Url is not null || d.FileId is not null)];
        return this;
    }

    /// <summary>
    /// What any save needs, draft or not: a valid code and a name, lengths, numbers in range,
    /// addresses that are addresses, and each list entry whole. Completeness is checked on
    /// submission (<see cref="CheckComplete"/>).
    /// </summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (Code is null)
        {
            errors.Add(nameof(Code), "请填写事项编码");
        }
        else if (!CodePattern().IsMatch(Code))
        {
            errors.Add(nameof(Code), "事项编码只能由字母、数字和 - _ . 组成，不超过64位");
        }
        if (Name is null)
        {
            errors.Add(nameof(Name), "请填写事项名称");
        }
        if (Type is null)
        {
            errors.Add(nameof(Type), "请选择事项类型");
        }
        Max(errors, nameof(Name), "事项名称", Name, 200);
        Max(errors, nameof(Department), "办理机构", Department, 200);
        Max(errors, nameof(LegalBasis), "设定依据", LegalBasis, MaxLongText);
        Max(errors, nameof(Conditions), "申请条件", Conditions, MaxLongText);
        Max(errors, nameof(Location), "办理地点", Location, 500);
        Max(errors, nameof(Fee), "收费标准", Fee, MaxLongText);
        Max(errors, nameof(OfficeHours), "办理时间", OfficeHours, 500);
        Max(errors, nameof(Phone), "联系电话", Phone, 100);
        Max(errors, nameof(SupervisionPhone), "监督电话", SupervisionPhone, 100);
        Max(errors, nameof(Keywords), "搜索关键词", Keywords, 200);
        Days(errors, nameof(LegalDays), "法定时限", LegalDays);
        Days(errors, nameof(PromisedDays), "承诺时限", PromisedDays);
        if (LegalDays is int legal && PromisedDays is int promised && promised > legal)
        {
            errors.Add(nameof(PromisedDays), $"承诺时限（{promised}个工作日）不能长于法定时限（{legal}个工作日）");
        }
        if (HallUrl is not null && !IsWebAddress(HallUrl, 500))
        {
            errors.Add(nameof(HallUrl), "网上办事大厅链接须是以 http:// 或 https:// 开头的完整网址，不超过500个字符");
        }
        if (OnlineDepth != OnlineDepth.Information && HallUrl is null)
        {
            errors.Add(nameof(HallUrl), $"在线办理深度为“{ServiceTaxonomy.Label(OnlineDepth)}”时，须填写网上办事大厅的办理链接");
        }
        var unknown = Themes.Where(t => !ServiceTaxonomy.AllThemes.Contains(t))
            .Concat(LifeEvents.Where(t => !ServiceTaxonomy.LifeEvents.Contains(t)))
            .Concat(BusinessEvents.Where(t => !ServiceTaxonomy.BusinessEvents.Contains(t))).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(nameof(Themes), $"不认识的主题或事件：{string.Join("、", unknown)}");
        }
        if (LifeEvents.Count > 0 && !ForPersons)
        {
            errors.Add(nameof(LifeEvents), "人生事件只用于服务对象含自然人的事项");
        }
        if (BusinessEvents.Count > 0 && !ForEnterprises)
        {
            errors.Add(nameof(BusinessEvents), "企业事件只用于服务对象含法人的事项");
        }
        TooMany(errors, nameof(Materials), "办理材料", Materials.Count);
        TooMany(errors, nameof(Steps), "办理流程", Steps.Count);
        TooMany(errors, nameof(Questions), "常见问题", Questions.Count);
        TooMany(errors, nameof(Documents), "表格和示范文本", Documents.Count);
        for (var i = 0; i < Materials.Count; i++)
        {
            var m = Materials[i];
            var field = $"{nameof(Materials)}[{i}]";
            if (m.Name is null)
            {
                errors.Add($"{field}.{nameof(MaterialInput.Name)}", $"第{i + 1}项材料缺少名称");
            }
            Max(errors, $"{field}.{nameof(MaterialInput.Name)}", $"第{i + 1}项材料名称", m.Name, 300);
            Max(errors, $"{field}.{nameof(MaterialInput.Note)}", $"第{i + 1}项材料备注", m.Note, 500);
            if (m.Originals is < 0 or > 99 || m.Copies is < 0 or > 99)
            {
                errors.Add($"{field}.{nameof(MaterialInput.Originals)}", $"第{i + 1}项材料的份数须在0到99之间");
            }
            else if (m.Form == MaterialForm.Original && m.Originals == 0 || m.Form == MaterialForm.Copy && m.Copies == 0
                || m.Form == MaterialForm.OriginalAndCopy && (m.Originals == 0 || m.Copies == 0))
            {
                errors.Add($"{field}.{nameof(MaterialInput.Originals)}", $"第{i + 1}项材料“{m.Name}”要求{ServiceTaxonomy.Label(m.Form)}，请填写份数");
            }
        }
        for (var i = 0; i < Steps.Count; i++)
        {
            var field = $"{nameof(Steps)}[{i}]";
            if (Steps[i].Name is null)
            {
                errors.Add($"{field}.{nameof(StepInput.Name)}", $"第{i + 1}步缺少名称（如 受理、审查、决定）");
            }
            Max(errors, $"{field}.{nameof(StepInput.Name)}", $"第{i + 1}步名称", Steps[i].Name, 100);
            Max(errors, $"{field}.{nameof(StepInput.Description)}", $"第{i + 1}步说明", Steps[i].Description, 2000);
            Max(errors, $"{field}.{nameof(StepInput.TimeLimit)}", $"第{i + 1}步时限", Steps[i].TimeLimit, 100);
        }
        for (var i = 0; i < Questions.Count; i++)
        {
            var field = $"{nameof(Questions)}[{i}]";
            if (Questions[i].Question is null || Questions[i].Answer is null)
            {
                errors.Add($"{field}.{(Questions[i].Question is null ? nameof(QuestionInput.Question) : nameof(QuestionInput.Answer))}",
                    $"第{i + 1}个常见问题须同时填写问题和解答");
            }
            Max(errors, $"{field}.{nameof(QuestionInput.Question)}", $"第{i + 1}个问题", Questions[i].Question, 300);
            Max(errors, $"{field}.{nameof(QuestionInput.Answer)}", $"第{i + 1}个解答", Questions[i].Answer, 5000);
        }
        for (var i = 0; i < Documents.Count; i++)
        {
            var d = Documents[i];
            var field = $"{nameof(Documents)}[{i}]";
            if (d.Title is null)
            {
                errors.Add($"{field}.{nameof(DocumentInput.Title)}", $"第{i + 1}个表格或示范文本缺少标题");
            }
            Max(errors, $"{field}.{nameof(DocumentInput.Title)}", $"第{i + 1}个表格标题", d.Title, 200);
            if (d.FileId is null && d.Url is null)
            {
                errors.Add($"{field}.{nameof(DocumentInput.Url)}", $"第{i + 1}个表格或示范文本须上传文件或填写下载地址");
            }
            else if (d.Url is not null && !IsWebAddress(d.Url, 500) && !d.Url.StartsWith('/'))
            {
                errors.Add($"{field}.{nameof(DocumentInput.Url)}", $"第{i + 1}个表格的下载地址须以 / 或 http(s):// 开头");
            }
        }
        return errors;
    }

    /// <summary>
    /// The ten elements, each present and not blank under the national rule: refused with one
    /// message per missing element, beside the field it is written in.
    /// </summary>
    public ValidationErrors CheckComplete()
    {
        var errors = new ValidationErrors();
        foreach (var element in Assess().Missing)
        {
            errors.Add(FieldOf(element), $"缺少办事指南要素“{element}”：办事指南须写明全部十项要素后才能发布（“暂无”“—”“待定”等视为未填写）");
        }
        if (!ForPersons && !ForEnterprises)
        {
            errors.Add(nameof(ForPersons), "请选择服务对象（自然人、法人或两者）");
        }
        return errors;
    }

    private static void Max(ValidationErrors errors, string field, string label, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(field, $"{label}不能超过{max.ToString(CultureInfo.InvariantCulture)}个字（现有{value.Length.ToString(CultureInfo.InvariantCulture)}个）");
        }
    }

    private static void Days(ValidationErrors errors, string field, string label, int? days)
    {
        if (days is < 0 or > 3650)
        {
            errors.Add(field, $"{label}须在0到3650个工作日之间（0表示即办）");
        }
    }

    private static void TooMany(ValidationErrors errors, string field, string label, int count)
    {
        if (count > MaxListEntries)
        {
            errors.Add(field, $"{label}最多{MaxListEntries}项");
        }
    }

    public static bool IsWebAddress(string url, int max) =>
        url.Length <= max && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;

    private static string? Line(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Block(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")]
    private static partial Regex CodePattern();
}

public sealed class MaterialInput
{
    public string? Name { get; set; }
    public MaterialForm Form { get; set; }
    public int Originals { get; set; } = 1;
    public int Copies { get; set; } = 1;
    public bool Required { get; set; } = true;
    public string? Note { get; set; }
}

public sealed class StepInput
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? TimeLimit { get; set; }
}

public sealed class QuestionInput
{
    public string? Question { get; set; }
    public string? Answer { get; set; }
}

public sealed class DocumentInput
{
    public DocumentKind Kind { get; set; }
    public string? Title { get; set; }
    public int? FileId { get; set; }
    public string? Url { get; set; }
}

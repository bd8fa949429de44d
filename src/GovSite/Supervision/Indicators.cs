using GovSite.Accounts;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Supervision;

/// <summary>
/// One version of the national indicator table (检查指标, 国办秘函〔2019〕19号 structure): veto items,
/// deduction items worth 100 in all in four groups, bonus items for portals. A platform
/// administrator edits a copy and publishes it as the next version; score sheets name the version
/// they were scored by, so an old score is reproduced from its evidence and its own table.
/// </summary>
public class IndicatorTable
{
    public int Id { get; set; }
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public string? Note { get; set; }

    /// <summary>Below this a site without a veto fails (60).</summary>
    public double PassMark { get; set; } = 60;

    /// <summary>Bonus items count only for a score above this (80).</summary>
    public double BonusThreshold { get; set; } = 80;

    /// <summary>At most this much bonus (30).</summary>
    public double MaxBonus { get; set; } = 30;
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    /// <summary>Null while a draft; a published version is never edited again.</summary>
    public DateTime? PublishedAt { get; set; }
    public List<Indicator> Items { get; set; } = [];
}

public class Indicator
{
    public int Id { get; set; }
    public int TableId { get; set; }

    /// <summary>Stable across versions (V1, D3, B2 …): person-judged entries name it.</summary>
    public string Code { get; set; } = "";
    public IndicatorKind Kind { get; set; }

    /// <summary>The deduction group; null for veto and bonus items.</summary>
    public IndicatorGroup? Group { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The rule as the inspectors read it.</summary>
    public string Rule { get; set; } = "";

    /// <summary>A deduction item's points (the most it can take off), a bonus item's points; 0 for a veto.</summary>
    public double Points { get; set; }

    /// <summary>Points off per finding the checker reports (deduction items measured by the checker).</summary>
    public double PerFinding { get; set; }
    public IndicatorMeasure Measure { get; set; }

    /// <summary>
    /// Report codes the checker measures it by, comma-separated: veto codes (columns_stale …),
    /// finding codes (broken_link, column_stale …) or bonus items (accessibility …).
    /// </summary>
    public string CheckCodes { get; set; } = "";
    public int SortOrder { get; set; }

    public string[] Codes => CheckCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public enum IndicatorKind
{
    /// <summary>单项否决: any one fails the site.</summary>
    Veto,

    /// <summary>扣分: points off 100.</summary>
    Deduction,

    /// <summary>加分: portals only, above the bonus threshold.</summary>
    Bonus,
}

public enum IndicatorGroup
{
    /// <summary>发布解读</summary>
    Publishing,

    /// <summary>办事服务: left out, and the rest scaled, for a department without external services.</summary>
    Services,

    /// <summary>互动交流</summary>
    Interaction,

    /// <summary>功能设计</summary>
    Design,
}

public enum IndicatorMeasure
{
    /// <summary>The checker's findings decide it (inspectors may still overturn them or add more).</summary>
    Checker,

    /// <summary>A person judges it, with a comment and evidence.</summary>
    Person,

    /// <summary>The checker's findings and a person's judgement together.</summary>
    Both,
}

/// <summary>The current table, its versions, and editing by platform administrators.</summary>
public sealed class IndicatorTables(GovSiteDb db, SiteAccess access, TimeProvider clock)
{
    /// <summary>The newest published version; the default table is stored as version 1 on first use.</summary>
    public async Task<IndicatorTable> CurrentAsync(CancellationToken ct = default)
    {
        var current = await db.IndicatorTables.AsNoTracking().Include(t => t.Items)
            .Where(t => t.PublishedAt != null).OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct);
        if (current is not null)
        {
            return Sorted(current);
        }
        var first = DefaultIndicators.Table(clock.GetUtcNow().UtcDateTime);
        db.IndicatorTables.Add(first);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request stored version 1 at the same moment: read theirs.
            db.Entry(first).State = EntityState.Detached;
            foreach (var item in first.Items)
            {
                db.Entry(item).State = EntityState.Detached;
            }
        }
        return Sorted(await db.IndicatorTables.AsNoTracking().Include(t => t.Items).OrderByDescending(t => t.Version)
            .FirstAsync(t => t.PublishedAt != null, ct));
    }

    public async Task<IndicatorTable?> FindAsync(int id, CancellationToken ct = default) =>
        await db.IndicatorTables.AsNoTracking().Include(t => t.Items).FirstOrDefaultAsync(t => t.Id == id, ct) is { } table ? Sorted(table) : null;

    public Task<List<IndicatorTable>> VersionsAsync(CancellationToken ct = default) =>
        db.IndicatorTables.AsNoTracking().OrderByDescending(t => t.Version).ToListAsync(ct);

    /// <summary>The draft being edited: a copy of the current version, made on first edit.</summary>
    public async Task<SaveResult<IndicatorTable>> DraftAsync(CancellationToken ct = default)
    {
        if (!access.Unrestricted)
        {
            return SaveResult<IndicatorTable>.Denied();
        }
        var current = await CurrentAsync(ct);
        var draft = await db.IndicatorTables.Include(t => t.Items).FirstOrDefaultAsync(t => t.PublishedAt == null, ct);
        if (draft is not null)
        {
            return SaveResult<IndicatorTable>.Ok(Sorted(draft));
        }
        draft = new IndicatorTable
        {
            Version = current.Version + 1, Name = current.Name, Note = null, PassMark = current.PassMark,
            BonusThreshold = current.BonusThreshold, MaxBonus = current.MaxBonus,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = access.UserName ?? "系统",
            Items = [.. current.Items.Select(i => new Indicator
            {
                Code = i.Code, Kind = i.Kind, Group = i.Group, Name = i.Name, Rule = i.Rule, Points = i.Points,
                PerFinding = i.PerFinding, Measure = i.Measure, CheckCodes = i.CheckCodes, SortOrder = i.SortOrder,
            })],
        };
        db.IndicatorTables.Add(draft);
        await db.SaveChangesAsync(ct);
        return SaveResult<IndicatorTable>.Ok(draft);
    }

    /// <summary>Saves the draft's items as edited; deduction items must still add up to 100 in all before it is published.</summary>
    public async Task<SaveResult<IndicatorTable>> SaveDraftAsync(IndicatorTableInput input, CancellationToken ct = default)
    {
        var result = await DraftAsync(ct);
        if (!result.Succeeded)
        {
            return result;
        }
        var draft = await db.IndicatorTables.Include(t => t.Items).FirstAsync(t => t.Id == result.Value!.Id, ct);
        var errors = Validate(input);
        if (!errors.IsValid)
        {
            return SaveResult<IndicatorTable>.Invalid(errors);
        }
        draft.Name = input.Name.Trim();
        draft.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        db.Indicators.RemoveRange(draft.Items);
        draft.Items = [.. input.Items.Select((i, n) => new Indicator
        {
            Code = i.Code.Trim(), Kind = i.Kind, Group = i.Kind == IndicatorKind.Deduction ? i.Group : null, Name = i.Name.Trim(),
            Rule = (i.Rule ?? "").Trim(), Points = i.Kind == IndicatorKind.Veto ? 0 : i.Points, PerFinding = i.PerFinding,
            Measure = i.Measure, CheckCodes = string.Join(',', (i.CheckCodes ?? "").Split(',', '，', ' ').Select(c => c.Trim()).Where(c => c.Length > 0)),
            SortOrder = (n + 1) * 10,
        })];
        await db.SaveChangesAsync(ct);
        return SaveResult<IndicatorTable>.Ok(Sorted(draft));
    }

    /// <summary>Publishes the draft as the current version.</summary>
    public async Task<SaveResult<IndicatorTable>> PublishDraftAsync(CancellationToken ct = default)
    {
        if (!access.Unrestricted)
        {
            return SaveResult<IndicatorTable>.Denied();
        }
        var draft = await db.IndicatorTables.Include(t => t.Items).FirstOrDefaultAsync(t => t.PublishedAt == null, ct);
        if (draft is null)
        {
            return SaveResult<IndicatorTable>.Missing();
        }
        var errors = Validate(ToInput(draft));
        if (!errors.IsValid)
        {
            return SaveResult<IndicatorTable>.Invalid(errors);
        }
        draft.PublishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return SaveResult<IndicatorTable>.Ok(Sorted(draft));
    }

    public static ValidationErrors Validate(IndicatorTableInput input)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(nameof(input.Name), "请填写指标体系名称");
        }
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var n = 0; n < input.Items.Count; n++)
        {
            var item = input.Items[n];
            var field = $"Items[{n}]";
            if (string.IsNullOrWhiteSpace(item.Code) || item.Code.Trim().Length > 16)
            {
                errors.Add(field + ".Code", $"第{n + 1}项：请填写指标编号（不超过16个字符）");
            }
            else if (!codes.Add(item.Code.Trim()))
            {
                errors.Add(field + ".Code", $"第{n + 1}项：指标编号 {item.Code.Trim()} 重复");
            }
            if (string.IsNullOrWhiteSpace(item.Name))
            {
                errors.Add(field + ".Name", $"第{n + 1}项：请填写指标名称");
            }
            if (!Enum.IsDefined(item.Kind) || !Enum.IsDefined(item.Measure) || item.Group is { } g && !Enum.IsDefined(g))
            {
                errors.Add(field + ".Kind", $"第{n + 1}项：指标类型或评判方式无效");
            }
            if (item.Kind == IndicatorKind.Deduction && item.Group is null)
            {
                errors.Add(field + ".Group", $"第{n + 1}项：扣分指标须选择所属分组（发布解读、办事服务、互动交流、功能设计）");
            }
            if (item.Kind != IndicatorKind.Veto && (item.Points <= 0 || item.Points > 100 || double.IsNaN(item.Points)))
            {
                errors.Add(field + ".Points", $"第{n + 1}项：分值应大于0且不超过100");
            }
            if (item.PerFinding < 0 || double.IsNaN(item.PerFinding) || item.PerFinding > 100)
            {
                errors.Add(field + ".PerFinding", $"第{n + 1}项：每处扣分应在0到100之间");
            }
            if (item.Measure != IndicatorMeasure.Person && string.IsNullOrWhiteSpace(item.CheckCodes))
            {
                errors.Add(field + ".CheckCodes", $"第{n + 1}项：由检测程序评判的指标须填写对应的检测代码");
            }
        }
        var deductions = input.Items.Where(i => i.Kind == IndicatorKind.Deduction).Sum(i => i.Points);
        if (Math.Abs(deductions - 100) > 0.001)
        {
            errors.Add(nameof(input.Items), $"扣分指标合计应为100分，现为{deductions:0.##}分");
        }
        if (!input.Items.Any(i => i.Kind == IndicatorKind.Veto))
        {
            errors.Add(nameof(input.Items), "至少应有一项单项否决指标");
        }
        return errors;
    }

    public static IndicatorTableInput ToInput(IndicatorTable table) => new()
    {
        Name = table.Name,
        Note = table.Note,
        Items = [.. table.Items.OrderBy(i => i.SortOrder).Select(i => new IndicatorInput
        {
            Code = i.Code, Kind = i.Kind, Group = i.Group, Name = i.Name, Rule = i.Rule, Points = i.Points,
            PerFinding = i.PerFinding, Measure = i.Measure, CheckCodes = i.CheckCodes,
        })],
    };

    private static IndicatorTable Sorted(IndicatorTable table)
    {
        table.Items = [.. table.Items.OrderBy(i => i.SortOrder).ThenBy(i => i.Id)];
        return table;
    }
}

public sealed class IndicatorTableInput
{
    public string Name { get; set; } = "";
    public string? Note { get; set; }
    public List<IndicatorInput> Items { get; set; } = [];
}

public sealed class IndicatorInput
{
    public string Code { get; set; } = "";
    public IndicatorKind Kind { get; set; }
    public IndicatorGroup? Group { get; set; }
    public string Name { get; set; } = "";
    public string? Rule { get; set; }
    public double Points { get; set; }
    public double PerFinding { get; set; }
    public IndicatorMeasure Measure { get; set; }
    public string? CheckCodes { get; set; }
}

/// <summary>
/// GovSite's version 1 of the table, in the structure of 国办秘函〔2019〕19号. The itemised lines of
/// the national table are not reproduced in domain.md; these are GovSite's reading of domain.md's
/// veto rules and score parts, meant to be edited by the administrator who holds the real text.
/// The deduction groups add up to 100, with 办事服务 at 25 so that a department without external
/// services, scored on the other 75, is scaled by exactly 4/3.
/// </summary>
public static class DefaultIndicators
{
    public static IndicatorTable Table(DateTime nowUtc)
    {
        var order = 0;
        Indicator Item(string code, IndicatorKind kind, IndicatorGroup? group, string name, string rule, double points, double perFinding,
            IndicatorMeasure measure, string codes) => new()
        {
            Code = code, Kind = kind, Group = group, Name = name, Rule = rule, Points = points, PerFinding = perFinding,
            Measure = measure, CheckCodes = codes, SortOrder = order += 10,
        };
        const IndicatorKind V = IndicatorKind.Veto, D = IndicatorKind.Deduction, B = IndicatorKind.Bonus;
        const IndicatorMeasure C = IndicatorMeasure.Checker, P = IndicatorMeasure.Person, Both = IndicatorMeasure.Both;
        return new IndicatorTable
        {
            Version = 1,
            Name = "政府网站检查指标（GovSite 默认版本）",
            Note = "按国办秘函〔2019〕19号结构整理：单项否决6项，扣分指标4组合计100分，门户网站加分项最多30分。请平台管理员按正式文本核对后发布新版本。",
            CreatedAt = nowUtc,
            CreatedBy = "系统",
            PublishedAt = nowUtc,
            Items =
            [
                Item("V1", V, null, "站点无法访问", "监测1周，每天至少20次，超过15秒网站仍打不开的次数累计达5%以上", 0, 0, C, "site_unreachable"),
                Item("V2", V, null, "不更新", "首页栏目信息超过2周未更新；或动态、通知公告、政策文件类栏目超过时限未更新的数量达5个以上，或栏目总数10个以上未按时更新；或空白栏目达5个以上", 0, 0, Both, "homepage_stale,columns_stale,columns_empty"),
                Item("V3", V, null, "严重表述错误", "出现严重错别字（如将党和国家领导人姓名、职务写错）、虚假或伪造内容、反动暴力色情等内容，或被篡改页面未及时处置", 0, 0, Both, "serious_error"),
                Item("V4", V, null, "互动回应差", "未提供有效互动功能，或一年内的有效留言超过3个月未回复", 0, 0, Both, "interaction_unresponsive"),
                Item("V5", V, null, "办事服务不实用", "未提供办事服务，或办事指南要素缺失严重（5个及以上指南各缺少4项及以上要素）", 0, 0, Both, "service_guide_incomplete"),
                Item("V6", V, null, "其他严重问题", "检查人员认定的其他应予否决的严重问题（须写明依据和证据）", 0, 0, P, ""),

                Item("D1", D, IndicatorGroup.Publishing, "栏目更新", "动态、通知公告、政策文件等栏目未按时更新，每个扣2分", 12, 2, C, "column_stale"),
                Item("D2", D, IndicatorGroup.Publishing, "空白栏目", "栏目无内容，每个扣2分", 8, 2, C, "column_empty"),
                Item("D3", D, IndicatorGroup.Publishing, "元数据与发布时间", "页面缺少国家规定的元数据或发布时间格式不规范，每类扣1分", 5, 1, C, "missing_meta_tag"),
                Item("D4", D, IndicatorGroup.Publishing, "政策解读", "重要政策文件未配发解读，或解读与文件未相互关联", 10, 0, P, ""),
                Item("D5", D, IndicatorGroup.Publishing, "回应关切", "社会关注热点未及时回应，或回应内容空泛", 5, 0, P, ""),

                Item("S1", D, IndicatorGroup.Services, "办事指南要素", "办事指南缺少要素（十要素），每个指南扣1分", 10, 1, C, "service_guide_incomplete"),
                Item("S2", D, IndicatorGroup.Services, "在线办理深度", "高频事项未实现在线预审、在线受理或全程网办", 10, 0, P, ""),
                Item("S3", D, IndicatorGroup.Services, "办事入口可用", "办事入口无法使用或与政务服务平台未打通", 5, 0, P, ""),

                Item("I1", D, IndicatorGroup.Interaction, "留言答复时效", "留言超过时限才答复，每条扣3分", 9, 3, C, "message_answered_late"),
                Item("I2", D, IndicatorGroup.Interaction, "征集调查与答复质量", "意见征集、网上调查未公开结果，或答复敷衍、套话", 6, 0, P, ""),

                Item("F1", D, IndicatorGroup.Design, "网站可用性", "首页访问探测失败，每次扣5分", 6, 5, C, "availability_probe_failed"),
                Item("F2", D, IndicatorGroup.Design, "链接可用性", "不可用链接，每个扣0.5分", 5, 0.5, C, "broken_link"),
                Item("F3", D, IndicatorGroup.Design, "页面响应", "页面打开超过3秒，每个扣0.5分", 2, 0.5, C, "slow_page"),
                Item("F4", D, IndicatorGroup.Design, "网站标识", "页脚缺少党政机关网站标识、网站标识码、ICP备案号、公安备案号、主办单位、联系方式或找错入口，每项扣1分", 4, 1, Both, "missing_footer_item,invalid_identifier_code"),
                Item("F5", D, IndicatorGroup.Design, "搜索与无障碍", "站内搜索不可用或结果不准确，页面不满足无障碍要求", 3, 0, P, ""),

                Item("B1", B, null, "无障碍与适老化", "提供无障碍浏览或长者模式", 5, 0, C, "accessibility"),
                Item("B2", B, null, "政务新媒体与移动端", "提供移动版或政务新媒体入口", 5, 0, C, "new_media"),
                Item("B3", B, null, "外文版", "提供外文版网站", 5, 0, C, "english"),
                Item("B4", B, null, "数据开放", "提供政府数据开放", 5, 0, C, "open_data"),
                Item("B5", B, null, "政民互动创新", "在线访谈、意见征集、网上调查常态化", 5, 0, C, "participation"),
                Item("B6", B, null, "智能问答与创新", "智能问答、搜索即服务等创新做法", 5, 0, Both, "smart_qa"),
            ],
        };
    }
}

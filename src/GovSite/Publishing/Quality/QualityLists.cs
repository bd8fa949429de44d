using GovSite.Accounts;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Quality;

/// <summary>
/// Writes to the term lists and the per-site settings, with the permission rule in one place:
/// platform lists (SiteId null) belong to platform admins, a site's lists and settings to its
/// site admins. Every change bumps the list's version, which the gates on every node compare.
/// </summary>
public sealed class QualityLists(GovSiteDb db, SiteAccess access, TimeProvider clock, Audit.AuditLog audit)
{
    public const int MaxTermLength = 100;
    public const int MaxTerms = 500_000;

    /// <summary>Phrases that do not belong on a government site; the platform list starts with these.</summary>
    public static readonly IReadOnlyList<string> DefaultInappropriatePhrases =
    [
        "今天心情", "心情不好", "测试测试", "测试一下", "这是测试", "哈哈哈", "呵呵呵", "嘻嘻嘻",
        "郁闷死了", "烦死了", "无聊死了", "好无聊", "累死了", "气死我了", "我好难", "求点赞", "点个赞",
    ];

    public bool CanEdit(int? siteId) => siteId is int id ? access.CanAdministerSite(id) : access.Unrestricted;

    /// <summary>Lists the caller may see: the platform's (everyone signed in reads them) and those of sites they can see.</summary>
    public Task<List<QualityList>> VisibleAsync(QualityListKind? kind, int? siteId, CancellationToken ct = default)
    {
        var query = db.QualityLists.AsNoTracking();
        if (kind is QualityListKind k)
        {
            query = query.Where(l => l.Kind == k);
        }
        query = siteId is int id ? query.Where(l => l.SiteId == id) : query.Where(l => l.SiteId == null);
        return query.OrderBy(l => l.Kind).ThenBy(l => l.Name).ThenBy(l => l.Id)
            .Select(l => new QualityList
            {
                Id = l.Id, SiteId = l.SiteId, Kind = l.Kind, Name = l.Name, Severity = l.Severity, TermCount = l.TermCount,
                Version = l.Version, UpdatedAt = l.UpdatedAt, UpdatedBy = l.UpdatedBy,
            })
            .ToListAsync(ct);
    }

    public Task<QualityList?> FindAsync(int id, CancellationToken ct = default) =>
        db.QualityLists.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);

    /// <summary>
    /// The platform's serious-error and inappropriate-phrase lists, created on first use so that
    /// the back office always has one to edit (the phrase list starts with the defaults).
    /// </summary>
    public async Task<QualityList> PlatformListAsync(QualityListKind kind, CancellationToken ct = default)
    {
        if (await db.QualityLists.AsNoTracking().Where(l => l.SiteId == null && l.Kind == kind).OrderBy(l => l.Id)
                .FirstOrDefaultAsync(ct) is { } existing)
        {
            return existing;
        }
        var terms = kind == QualityListKind.InappropriatePhrases ? DefaultInappropriatePhrases : [];
        var list = new QualityList
        {
            Kind = kind,
            Name = kind switch
            {
                QualityListKind.SeriousErrorTerms => "平台规范表述词典",
                QualityListKind.InappropriatePhrases => "平台不当用语",
                _ => "平台敏感词",
            },
            Terms = string.Join('\n', terms),
            TermCount = terms.Count,
            Version = 1,
            UpdatedAt = clock.GetUtcNow().UtcDateTime,
            UpdatedBy = "system",
        };
        db.QualityLists.Add(list);
        await db.SaveChangesAsync(ct);
        return list;
    }

    public async Task<SaveResult<QualityList>> CreateAsync(int? siteId, QualityListKind kind, string name, QualitySeverity? severity,
        CancellationToken ct = default)
    {
        if (!CanEdit(siteId))
        {
            return SaveResult<QualityList>.Denied();
        }
        if (siteId is not null && kind == QualityListKind.SeriousErrorTerms)
        {
            var wrong = new ValidationErrors();
            wrong.Add("Kind", "规范表述词典由平台统一维护，网站不能单独建立");
            return SaveResult<QualityList>.Invalid(wrong);
        }
        var errors = ValidateName(name);
        if (!errors.IsValid)
        {
            return SaveResult<QualityList>.Invalid(errors);
        }
        var list = new QualityList
        {
            SiteId = siteId,
            Kind = kind,
            Name = name.Trim(),
            Severity = kind == QualityListKind.SensitiveWords ? severity : null,
            Version = 1,
            UpdatedAt = clock.GetUtcNow().UtcDateTime,
            UpdatedBy = access.UserName,
        };
        db.QualityLists.Add(list);
        await db.SaveChangesAsync(ct);
        return SaveResult<QualityList>.Ok(list);
    }

    public async Task<SaveResult<QualityList>> RenameAsync(int id, string name, QualitySeverity? severity, CancellationToken ct = default)
    {
        var list = await db.QualityLists.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (list is null)
        {
            return SaveResult<QualityList>.Missing();
        }
        if (!CanEdit(list.SiteId))
        {
            return SaveResult<QualityList>.Denied();
        }
        var errors = ValidateName(name);
        if (!errors.IsValid)
        {
            return SaveResult<QualityList>.Invalid(errors);
        }
        list.Name = name.Trim();
        list.Severity = list.Kind == QualityListKind.SensitiveWords ? severity : null;
        Touch(list);
        await db.SaveChangesAsync(ct);
        return SaveResult<QualityList>.Ok(list);
    }

    public enum TermChange
    {
        Replace,
        Add,
        Remove,
    }

    /// <summary>Replaces, extends or trims a list from text with one term per line (a file upload or a text box).</summary>
    public async Task<SaveResult<QualityList>> ChangeTermsAsync(int id, TermChange change, string text, CancellationToken ct = default)
    {
        var list = await db.QualityLists.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (list is null)
        {
            return SaveResult<QualityList>.Missing();
        }
        if (!CanEdit(list.SiteId))
        {
            return SaveResult<QualityList>.Denied();
        }
        var errors = new ValidationErrors();
        var incoming = ParseTerms(text, errors);
        if (!errors.IsValid)
        {
            return SaveResult<QualityList>.Invalid(errors);
        }
        var current = change == TermChange.Replace ? [] : ParseTerms(list.Terms, new ValidationErrors());
        List<string> result;
        if (change == TermChange.Remove)
        {
            var removed = new HashSet<string>(incoming, StringComparer.Ordinal);
            result = [.. current.Where(t => !removed.Contains(t))];
        }
        else
        {
            var seen = new HashSet<string>(current, StringComparer.Ordinal);
            result = [.. current, .. incoming.Where(seen.Add)];
        }
        if (result.Count > MaxTerms)
        {
            errors.Add("Terms", $"一个词库最多 {MaxTerms:N0} 个词，本次操作后将有 {result.Count:N0} 个，请拆分为多个词库");
            return SaveResult<QualityList>.Invalid(errors);
        }
        var before = list.TermCount;
        list.Terms = string.Join('\n', result);
        list.TermCount = result.Count;
        Touch(list);
        audit.Record(Audit.AuditActions.Settings, $"质量检查词库「{list.Name}」", $"{change switch { TermChange.Replace => "替换", TermChange.Remove => "删除", _ => "增加" }}词条：{before} → {result.Count} 个", list.SiteId);
        await db.SaveChangesAsync(ct);
        return SaveResult<QualityList>.Ok(list);
    }

    public async Task<SaveResult<QualityList>> DeleteAsync(int id, CancellationToken ct = default)
    {
        var list = await db.QualityLists.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (list is null)
        {
            return SaveResult<QualityList>.Missing();
        }
        if (!CanEdit(list.SiteId))
        {
            return SaveResult<QualityList>.Denied();
        }
        db.QualityLists.Remove(list);
        audit.Record(Audit.AuditActions.Deleted, $"质量检查词库「{list.Name}」", $"删除词库（{list.TermCount} 个词）", list.SiteId);
        await db.SaveChangesAsync(ct);
        return SaveResult<QualityList>.Ok(list);
    }

    /// <summary>Terms from text: one per line, trimmed, blank lines and #-comments skipped, duplicates dropped.</summary>
    public static List<string> ParseTerms(string text, ValidationErrors errors)
    {
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var line = 0;
        var problems = 0;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            line++;
            var term = raw.Trim().ToString();
            if (term.Length == 0 || term[0] == '#')
            {
                continue;
            }
            var problem = term.Length > MaxTermLength ? $"第 {line} 行超过 {MaxTermLength} 个字，一行只写一个词"
                : term.Any(char.IsControl) ? $"第 {line} 行含有控制字符"
                : null;
            if (problem is not null)
            {
                // A wrong file (a spreadsheet, a binary) would otherwise list every line.
                if (++problems <= 5)
                {
                    errors.Add("Terms", problem);
                }
                continue;
            }
            if (seen.Add(term))
            {
                terms.Add(term);
            }
        }
        return terms;
    }

    public async Task<QualitySettings> SettingsAsync(int siteId, CancellationToken ct = default) =>
        await db.QualitySettings.AsNoTracking().FirstOrDefaultAsync(s => s.SiteId == siteId, ct) ?? new QualitySettings { SiteId = siteId };

    public async Task<SaveResult<QualitySettings>> SaveSettingsAsync(int siteId, QualitySettings input, CancellationToken ct = default)
    {
        if (!access.CanAdministerSite(siteId))
        {
            return SaveResult<QualitySettings>.Denied();
        }
        var errors = new ValidationErrors();
        if (input.NearDuplicatePercent is < 30 or > 100)
        {
            errors.Add(nameof(QualitySettings.NearDuplicatePercent), "相似度阈值须在 30 到 100 之间");
            return SaveResult<QualitySettings>.Invalid(errors);
        }
        var settings = await db.QualitySettings.FirstOrDefaultAsync(s => s.SiteId == siteId, ct);
        if (settings is null)
        {
            settings = new QualitySettings { SiteId = siteId };
            db.QualitySettings.Add(settings);
        }
        settings.SensitiveWord = input.SensitiveWord;
        settings.SeriousError = input.SeriousError;
        settings.NearDuplicate = input.NearDuplicate;
        settings.BrokenLink = input.BrokenLink;
        settings.MissingAlt = input.MissingAlt;
        settings.EmptyContent = input.EmptyContent;
        settings.InappropriateText = input.InappropriateText;
        settings.NearDuplicatePercent = input.NearDuplicatePercent;
        settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.RecordChanges(Audit.AuditActions.Settings, $"网站 {siteId} 的质量检查设置", siteId, settings);
        await db.SaveChangesAsync(ct);
        return SaveResult<QualitySettings>.Ok(settings);
    }

    private void Touch(QualityList list)
    {
        list.Version++;
        list.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        list.UpdatedBy = access.UserName;
    }

    private static ValidationErrors ValidateName(string? name)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("Name", "请填写词库名称");
        }
        else if (name.Trim().Length > 100)
        {
            errors.Add("Name", "词库名称不能超过100个字");
        }
        return errors;
    }
}

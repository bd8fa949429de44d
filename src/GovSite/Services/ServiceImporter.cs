using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Services;

/// <summary>
/// Runs an import: reads the export, checks every row as the editor would, and keeps the source's
/// items in step: new ones added, changed ones updated, ones the export no longer lists (or marks
/// cancelled) withdrawn. A complete item goes public as imported when the source says its
/// catalogue is reviewed at source; an incomplete one never does. Each run is kept with a report
/// of what changed. Runs as system work (the job queue) or for a platform admin or the source's
/// site admins.
/// </summary>
public sealed class ServiceImporter(GovSiteDb db, SiteAccess access, SiteDirectory directory, ServiceChanges changes, JobQueue jobs,
    IHttpClientFactory http, IOptions<ServicesOptions> options, TimeProvider clock, ILogger<ServiceImporter> log)
{
    /// <summary>Rows are written in batches of this many, each one SaveChanges.</summary>
    private const int Batch = 500;

    /// <summary>The report keeps this many item lines; the counts are always whole.</summary>
    public const int MaxReportLines = 2000;

    public const string ImportedBy = "省级政务服务平台（导入）";

    public bool CanRun(ServiceImportSource source) => access.Unrestricted || access.CanAdministerSite(source.SiteId);

    /// <summary>Fetches the source's export from its location (http(s) or a file on the server) and imports it.</summary>
    public async Task<ServiceImportRun> RunAsync(ServiceImportSource source, bool allowMassWithdrawal = false, CancellationToken ct = default)
    {
        if (source.Location is not { Length: > 0 } location)
        {
            return await FailedAsync(source, "数据源未设置数据地址，请上传导出文件", ct);
        }
        byte[] bytes;
        try
        {
            bytes = await ReadLocationAsync(location, ct);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or UnauthorizedAccessException or TaskCanceledException or InvalidDataException)
        {
            return await FailedAsync(source, $"无法读取数据地址 {location}：{e.Message}", ct);
        }
        return await ImportAsync(source, new MemoryStream(bytes, writable: false), allowMassWithdrawal, ct);
    }

    private async Task<byte[]> ReadLocationAsync(string location, CancellationToken ct)
    {
        var max = options.Value.ImportMaxBytes;
        if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            using var response = await http.CreateClient(ServicesOptions.ImportHttpClient).GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"HTTP {(int)response.StatusCode}");
            }
            if (response.Content.Headers.ContentLength > max)
            {
                throw new InvalidDataException($"文件超过 {max / 1024 / 1024} MB");
            }
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            var buffer = new MemoryStream();
            await body.CopyToAsync(buffer, ct);
            return buffer.Length > max ? throw new InvalidDataException($"文件超过 {max / 1024 / 1024} MB") : buffer.ToArray();
        }
        var info = new FileInfo(location);
        if (!info.Exists)
        {
            throw new IOException("文件不存在");
        }
        return info.Length > max ? throw new InvalidDataException($"文件超过 {max / 1024 / 1024} MB") : await File.ReadAllBytesAsync(location, ct);
    }

    private async Task<ServiceImportRun> FailedAsync(ServiceImportSource source, string error, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new ServiceImportRun { SourceId = source.Id, StartedAt = now, FinishedAt = now, StartedBy = access.UserName, Error = error };
        db.ServiceImportRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run;
    }

    /// <summary>
    /// Imports one export of the source. An export that would withdraw more than half of the
    /// source's items by leaving them out looks truncated: those are kept unless
    /// <paramref name="allowMassWithdrawal"/> (a person confirmed it).
    /// </summary>
    public async Task<ServiceImportRun> ImportAsync(ServiceImportSource source, Stream export, bool allowMassWithdrawal = false, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new ServiceImportRun { SourceId = source.Id, StartedAt = now, StartedBy = access.UserName ?? "system" };
        var (mapping, mappingErrors) = ServiceImportMapping.Parse(source.Mapping);
        var (departmentSites, siteErrors) = ParseDepartmentSites(source.DepartmentSites);
        if (mapping is null || siteErrors.Count > 0)
        {
            return await FailedAsync(source, "数据源设置有误：" + string.Join("；", mappingErrors.Concat(siteErrors)), ct);
        }
        // The whole export judged as text first: a binary, a zip bomb named .xlsx, NUL bytes, text
        // that is not UTF-8 or a megabyte-long line are refused as a whole, before any row is read.
        var kind = source.Format == ImportFormat.Json ? "JSON" : "CSV";
        var (text, problem) = await UploadedText.ReadAsync(export, null, kind, options.Value.ImportMaxBytes,
            source.Format == ImportFormat.Json ? null : UploadedText.MaxLineChars, ct);
        if (problem is not null)
        {
            return await FailedAsync(source, problem, ct);
        }
        export = UploadedText.AsStream(text!);
        var report = new List<ImportChange>();
        void Note(ImportChange change)
        {
            if (report.Count < MaxReportLines)
            {
                report.Add(change);
            }
        }

        // 1. Read and check every row; only rows that would save as a draft go on.
        var rows = new List<(ImportRow Row, int SiteId, string Hash)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var withdrawnAtSource = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in ServiceImportReader.Read(export, source.Format, mapping))
        {
            run.Rows++;
            var content = row.Content.Normalise();
            var errors = row.Problems.ToList();
            if (row.WithdrawnAtSource && content.Code is not null)
            {
                withdrawnAtSource.Add(content.Code);
                continue;
            }
            errors.AddRange(content.Validate().All.SelectMany(e => e.Value));
            if (content.Code is not null && !seen.Add(content.Code))
            {
                errors.Add($"事项编码 {content.Code} 在文件中重复出现");
            }
            if (content.Code is not null && ServiceEditor.ReservedCodes.Contains(content.Code))
            {
                errors.Add($"“{content.Code}”是目录页面使用的地址，不能作为事项编码");
            }
            if (errors.Count > 0)
            {
                run.Rejected++;
                Note(new ImportChange(ImportChangeKind.Rejected, content.Code, content.Name, string.Join("；", errors.Distinct()), row.Line));
                continue;
            }
            var siteId = content.Department is { } department && departmentSites.TryGetValue(department, out var siteCode)
                && directory.FindByCode(siteCode) is { } own ? own.Id : source.SiteId;
            rows.Add((row, siteId, Hash(content, siteId)));
        }
        if (rows.Count == 0 && withdrawnAtSource.Count == 0)
        {
            // An export that lists nothing usable is a broken export, not a province that withdrew everything.
            run.Error = run.Rows == 0 ? "文件中没有事项，未做任何更改" : "文件中没有可以导入的事项，未做任何更改（已有事项均保留）";
            return await FinishAsync(run, source, report, [], started, ct);
        }

        // 2. What the source already has here, and codes that belong to someone else.
        var existing = await db.ServiceItems.IgnoreQueryFilters().AsNoTracking().Where(i => i.SourceId == source.Id)
            .Select(i => new { i.Id, i.Code, i.SourceHash, i.Status, i.SiteId, i.UpdatedBy }).ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        var codes = rows.Select(r => r.Row.Content.Code!).Where(c => !existing.ContainsKey(c)).ToList();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(1000))
        {
            taken.UnionWith(await db.ServiceItems.IgnoreQueryFilters().Where(i => chunk.Contains(i.Code)).Select(i => i.Code).ToListAsync(ct));
        }
        var affectedSites = new HashSet<int>();

        // 3. Add and update, in batches.
        var pending = 0;
        foreach (var (row, siteId, hash) in rows)
        {
            var content = row.Content;
            var code = content.Code!;
            var complete = content.CheckComplete().IsValid;
            if (!content.Assess().IsComplete || !complete)
            {
                run.Incomplete++;
                Note(new ImportChange(ImportChangeKind.Incomplete, code, content.Name,
                    "缺少要素：" + string.Join("、", content.Assess().Missing.DefaultIfEmpty("服务对象")) + "（未发布，请补全或请省级平台更正）", row.Line));
            }
            if (content.HallUrl is null)
            {
                run.MissingHallLinks++;
                Note(new ImportChange(ImportChangeKind.MissingHallLink, code, content.Name, "未提供网上办事大厅链接", row.Line));
            }
            if (!existing.TryGetValue(code, out var known))
            {
                if (taken.Contains(code))
                {
                    run.Rejected++;
                    Note(new ImportChange(ImportChangeKind.Rejected, code, content.Name, $"事项编码 {code} 已被本平台其他事项使用（手工编写或其他数据源）", row.Line));
                    continue;
                }
                var item = new ServiceItem { SiteId = siteId, SourceId = source.Id, SourceHash = hash, CreatedAt = now, UpdatedAt = now, UpdatedBy = ImportedBy };
                content.ApplyTo(item);
                if (complete && source.PublishComplete)
                {
                    Publish(item, now);
                    affectedSites.Add(siteId);
                }
                else
                {
                    item.Status = complete ? ServiceItemStatus.Submitted : ServiceItemStatus.Draft;
                    item.SubmittedBy = complete ? ImportedBy : null;
                }
                db.ServiceItems.Add(item);
                run.Added++;
                Note(new ImportChange(ImportChangeKind.Added, code, content.Name, ServiceTaxonomy.Label(item.Status), row.Line));
            }
            else if (known.SourceHash == hash && (known.Status != ServiceItemStatus.Withdrawn || known.UpdatedBy != ImportedBy))
            {
                // Unchanged; or withdrawn here by staff, which a re-import of the same text does not undo.
                run.Unchanged++;
                continue;
            }
            else
            {
                var item = await ServiceEditor.WithLists(db.ServiceItems.IgnoreQueryFilters()).AsSplitQuery().FirstAsync(i => i.Id == known.Id, ct);
                var before = ServiceGuideContent.From(item);
                var changed = Differences(before, content);
                if (item.SiteId != siteId)
                {
                    affectedSites.Add(item.SiteId);
                    item.SiteId = siteId;
                    changed.Add("所属网站");
                }
                item.SourceHash = hash;
                item.UpdatedAt = now;
                item.UpdatedBy = ImportedBy;
                var wasPublic = item.Status == ServiceItemStatus.Published;
                if (wasPublic && !(complete && source.PublishComplete))
                {
                    // The public keeps the reviewed text; the source's new text waits beside it.
                    item.PendingRevision = content.ToJson();
                    item.RevisionStatus = complete ? RevisionStatus.Submitted : RevisionStatus.Draft;
                    item.SubmittedBy = complete ? ImportedBy : null;
                }
                else
                {
                    content.ApplyTo(item);
                    item.PendingRevision = null;
                    item.RevisionStatus = null;
                    if (complete && source.PublishComplete)
                    {
                        Publish(item, now);
                    }
                    else if (!wasPublic)
                    {
                        item.Status = complete ? ServiceItemStatus.Submitted : ServiceItemStatus.Draft;
                    }
                }
                if (wasPublic || item.Status == ServiceItemStatus.Published)
                {
                    affectedSites.Add(item.SiteId);
                }
                run.Updated++;
                Note(new ImportChange(ImportChangeKind.Updated, code, content.Name,
                    (changed.Count == 0 ? "重新发布" : "变更：" + string.Join("、", changed)) + (wasPublic && item.PendingRevision is not null ? "（新内容待审核，公众仍看到原内容）" : ""), row.Line));
            }
            if (++pending >= Batch)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                pending = 0;
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        // 4. Withdrawn at the source, by its status or by its absence from the export.
        var listed = rows.Select(r => r.Row.Content.Code!).ToHashSet(StringComparer.Ordinal);
        var absent = existing.Values.Where(i => i.Status != ServiceItemStatus.Withdrawn && !listed.Contains(i.Code) && !withdrawnAtSource.Contains(i.Code)).ToList();
        var live = existing.Values.Count(i => i.Status != ServiceItemStatus.Withdrawn);
        if (rows.Count == 0)
        {
            // Only cancellations in this export: what it does not mention stays as it is.
            absent.Clear();
        }
        else if (!allowMassWithdrawal && live >= 20 && absent.Count * 2 > live)
        {
            run.Error = $"导出文件比上次少了 {absent.Count} 个事项（超过一半），疑似导出不完整：这些事项未撤下。核实无误后可确认撤下再导入一次。";
            absent.Clear();
        }
        var gone = existing.Values.Where(i => i.Status != ServiceItemStatus.Withdrawn && withdrawnAtSource.Contains(i.Code)).Concat(absent).ToList();
        foreach (var chunk in gone.Chunk(1000))
        {
            var ids = chunk.Select(i => i.Id).ToList();
            await db.ServiceItems.IgnoreQueryFilters().Where(i => ids.Contains(i.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, ServiceItemStatus.Withdrawn).SetProperty(i => i.WithdrawnAt, now)
                .SetProperty(i => i.PendingRevision, (string?)null).SetProperty(i => i.RevisionStatus, (RevisionStatus?)null)
                .SetProperty(i => i.UpdatedAt, now).SetProperty(i => i.UpdatedBy, ImportedBy), ct);
            foreach (var item in chunk)
            {
                run.Withdrawn++;
                if (item.Status == ServiceItemStatus.Published)
                {
                    affectedSites.Add(item.SiteId);
                }
                Note(new ImportChange(ImportChangeKind.Withdrawn, item.Code, null, withdrawnAtSource.Contains(item.Code) ? "省级平台已取消该事项" : "省级平台导出中已无该事项"));
            }
        }
        return await FinishAsync(run, source, report, affectedSites, started, ct);
    }

    private static void Publish(ServiceItem item, DateTime now)
    {
        item.Status = ServiceItemStatus.Published;
        item.PublishedAt ??= now;
        item.ReviewedBy = ImportedBy;
        item.ReviewedAt = now;
        item.WithdrawnAt = null;
    }

    private async Task<ServiceImportRun> FinishAsync(ServiceImportRun run, ServiceImportSource source, List<ImportChange> report,
        IReadOnlyCollection<int> affectedSites, long started, CancellationToken ct)
    {
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        run.Report = JsonSerializer.Serialize(report, ReportJson);
        db.ServiceImportRuns.Add(run);
        await db.ServiceImportSources.Where(s => s.Id == source.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastRunAt, run.FinishedAt), ct);
        await db.SaveChangesAsync(ct);
        if (affectedSites.Count > 0)
        {
            await changes.SitesChangedAsync(affectedSites, ct);
        }
        if (run.Added + run.Updated > 0 && options.Value.HallHosts.Count > 0)
        {
            await jobs.EnqueueAsync(HallLinkCheckJob.Type, source.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                key: $"{HallLinkCheckJob.Type}:{source.Id}:{run.Id}", maxAttempts: 1, ct: ct);
        }
        log.LogInformation("Service import {Source}: {Rows} rows, {Added} added, {Updated} updated, {Withdrawn} withdrawn, {Rejected} rejected in {Ms} ms",
            source.Name, run.Rows, run.Added, run.Updated, run.Withdrawn, run.Rejected, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return run;
    }

    public static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static List<ImportChange> ReportOf(ServiceImportRun run) =>
        JsonSerializer.Deserialize<List<ImportChange>>(run.Report, ReportJson) ?? [];

    /// <summary>"部门名称=网站标识码" lines.</summary>
    public static (Dictionary<string, string> Sites, List<string> Errors) ParseDepartmentSites(string? text)
    {
        var sites = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();
        var n = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            n++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var eq = line.LastIndexOf('=');
            if (eq <= 0 || eq == line.Length - 1)
            {
                errors.Add($"部门对应网站第{n}行“{line}”应写成 部门名称=网站标识码");
                continue;
            }
            sites[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }
        return (sites, errors);
    }

    /// <summary>The row as it would be stored, hashed with its site: an unchanged row is skipped without loading its item.</summary>
    private static string Hash(ServiceGuideContent content, int siteId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(siteId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n" + content.ToJson())));

    /// <summary>The fields (as the guide names them) in which two versions differ.</summary>
    public static List<string> Differences(ServiceGuideContent before, ServiceGuideContent after)
    {
        var changed = new List<string>();
        void Compare<T>(string label, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
            {
                changed.Add(label);
            }
        }
        Compare("事项名称", before.Name, after.Name);
        Compare("事项类型", before.Type, after.Type);
        Compare("服务对象", (before.ForPersons, before.ForEnterprises), (after.ForPersons, after.ForEnterprises));
        Compare("主题和事件", string.Join('|', before.Themes.Concat(before.LifeEvents).Concat(before.BusinessEvents)),
            string.Join('|', after.Themes.Concat(after.LifeEvents).Concat(after.BusinessEvents)));
        Compare("办理机构", before.Department, after.Department);
        Compare("设定依据", before.LegalBasis, after.LegalBasis);
        Compare("申请条件", before.Conditions, after.Conditions);
        Compare("办理材料", JsonSerializer.Serialize(before.Materials), JsonSerializer.Serialize(after.Materials));
        Compare("办理地点", before.Location, after.Location);
        Compare("收费标准", before.Fee, after.Fee);
        Compare("办理时间", before.OfficeHours, after.OfficeHours);
        Compare("办理时限", (before.LegalDays, before.PromisedDays), (after.LegalDays, after.PromisedDays));
        Compare("联系电话", (before.Phone, before.SupervisionPhone), (after.Phone, after.SupervisionPhone));
        Compare("网上办事大厅链接", before.HallUrl, after.HallUrl);
        Compare("在线办理深度", before.OnlineDepth, after.OnlineDepth);
        Compare("办理流程", JsonSerializer.Serialize(before.Steps), JsonSerializer.Serialize(after.Steps));
        Compare("常见问题", JsonSerializer.Serialize(before.Questions), JsonSerializer.Serialize(after.Questions));
        Compare("搜索关键词", before.Keywords, after.Keywords);
        return changed;
    }
}

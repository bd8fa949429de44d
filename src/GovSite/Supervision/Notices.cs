using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Supervision;

/// <summary>
/// 通报: drafted from a closed round's figures, edited by the supervisor (HTML, sanitised),
/// published on the region's portal as a page and a PDF made by Chromium, and kept as published.
/// </summary>
public sealed class Notices(GovSiteDb db, SiteAccess access, SpotChecks spotChecks, Assessments sheets, PdfPrinter pdf, SiteDirectory directory,
    TimeProvider clock)
{
    /// <summary>The round's notice, drafted now if it has none (or redrafted while still a draft and <paramref name="redraft"/>).</summary>
    public async Task<SaveResult<SupervisionNotice>> DraftAsync(int roundId, bool redraft = false, CancellationToken ct = default)
    {
        var round = await db.SpotCheckRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return SaveResult<SupervisionNotice>.Missing();
        }
        if (round.Status != RoundStatus.Closed)
        {
            var errors = new ValidationErrors();
            errors.Add("Status", "本轮抽查结束（全部考评表签字并下发整改通知）后才能起草通报");
            return SaveResult<SupervisionNotice>.Invalid(errors);
        }
        var notice = await db.SupervisionNotices.FirstOrDefaultAsync(n => n.RoundId == roundId, ct);
        if (notice is not null && (notice.PublishedAt is not null || !redraft))
        {
            return SaveResult<SupervisionNotice>.Ok(notice);
        }
        var figures = await spotChecks.FiguresAsync(round, sheets, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (notice is null)
        {
            notice = new SupervisionNotice { RoundId = roundId, CreatedAt = now };
            db.SupervisionNotices.Add(notice);
        }
        notice.Title = $"关于{figures.Period}{figures.Region}政府网站抽查情况的通报";
        notice.Body = HtmlSanitiser.Sanitise(DraftBody(figures));
        notice.Figures = JsonSerializer.Serialize(figures);
        notice.UpdatedAt = now;
        notice.UpdatedBy = access.UserName ?? "系统";
        await db.SaveChangesAsync(ct);
        return SaveResult<SupervisionNotice>.Ok(notice);
    }

    /// <summary>The supervisor's edit of the draft: the title as typed, the body sanitised.</summary>
    public async Task<SaveResult<SupervisionNotice>> SaveAsync(int roundId, string? title, string? body, CancellationToken ct = default)
    {
        var notice = await db.SupervisionNotices.FirstOrDefaultAsync(n => n.RoundId == roundId, ct);
        if (notice is null || !await db.SpotCheckRounds.AnyAsync(r => r.Id == roundId, ct))
        {
            return SaveResult<SupervisionNotice>.Missing();
        }
        var errors = new ValidationErrors();
        if (notice.PublishedAt is not null)
        {
            errors.Add("Status", "通报已发布，不能再修改");
        }
        var t = TypedText.Line(title);
        if (t is null)
        {
            errors.Add("Title", "请填写通报标题");
        }
        else if (t.Length > 200)
        {
            errors.Add("Title", "标题不能超过200个字");
        }
        var clean = HtmlSanitiser.Sanitise(body);
        if (string.IsNullOrWhiteSpace(HtmlSanitiser.ToPlainText(clean)))
        {
            errors.Add("Body", "请填写通报正文");
        }
        if (!errors.IsValid)
        {
            return SaveResult<SupervisionNotice>.Invalid(errors);
        }
        notice.Title = t!;
        notice.Body = clean;
        notice.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        notice.UpdatedBy = access.UserName ?? "系统";
        await db.SaveChangesAsync(ct);
        return SaveResult<SupervisionNotice>.Ok(notice);
    }

    /// <summary>Publishes on the region's portal (the nearest portal up the regions) with its PDF; kept as published from then on.</summary>
    public async Task<SaveResult<SupervisionNotice>> PublishAsync(int roundId, CancellationToken ct = default)
    {
        var notice = await db.SupervisionNotices.FirstOrDefaultAsync(n => n.RoundId == roundId, ct);
        var round = await db.SpotCheckRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (notice is null || round is null)
        {
            return SaveResult<SupervisionNotice>.Missing();
        }
        var errors = new ValidationErrors();
        if (notice.PublishedAt is not null)
        {
            errors.Add("Status", "通报已发布");
            return SaveResult<SupervisionNotice>.Invalid(errors);
        }
        var portal = await PortalOfAsync(round.RegionId, ct);
        if (portal is null)
        {
            errors.Add("Status", "本地区及上级地区没有正在运行的门户网站，无法发布通报");
            return SaveResult<SupervisionNotice>.Invalid(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        notice.PortalSiteId = portal.Id;
        notice.PublishedAt = now;
        notice.PublishedBy = access.UserName ?? "系统";
        notice.Pdf = await pdf.PrintAsync(Document(notice, portal.Name), ct);
        await db.SaveChangesAsync(ct);
        return SaveResult<SupervisionNotice>.Ok(notice);
    }

    /// <summary>The region's portal, or the nearest one up the regions.</summary>
    public async Task<SiteInfo?> PortalOfAsync(int regionId, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.ParentId }).ToDictionaryAsync(r => r.Id, r => r.ParentId, ct);
        for (int? id = regionId; id is int r; id = regions.GetValueOrDefault(r))
        {
            var portal = await db.Sites.AsNoTracking().Where(s => s.RegionId == r && s.Type == SiteType.Portal && s.Status == SiteStatus.Online)
                .OrderBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
            if (portal is int p)
            {
                return directory.FindById(p);
            }
        }
        return null;
    }

    /// <summary>GovSite's draft: the sampling figures, the failing sites, the good examples, last round's follow-up, the demands.</summary>
    public static string DraftBody(RoundFigures f)
    {
        var sb = new StringBuilder();
        string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        string Pct(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
        string Score(double? s) => s?.ToString("0.#", CultureInfo.InvariantCulture) ?? "—";
        sb.Append("<p>各有关单位：</p>");
        sb.Append(CultureInfo.InvariantCulture, $"<p>根据政府网站监管工作安排，{E(f.Period)}对{E(f.Region)}政府网站开展了抽查。现将有关情况通报如下：</p>");
        sb.Append("<h2>一、总体情况</h2>");
        sb.Append(CultureInfo.InvariantCulture,
            $"<p>截至抽查时，{E(f.Region)}共有运行中的政府网站{f.SitesRunning}个，本次随机抽查{f.Sampled}个，抽查比例{Pct(f.SampledRatio)}；合格{f.Passed}个，不合格{f.Failed}个，总体合格率{Pct(f.PassRate)}。</p>");
        sb.Append("<table><thead><tr><th scope=\"col\">运行网站数</th><th scope=\"col\">抽查数</th><th scope=\"col\">抽查比例</th><th scope=\"col\">合格数</th><th scope=\"col\">合格率</th></tr></thead><tbody>");
        sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{f.SitesRunning}</td><td>{f.Sampled}</td><td>{Pct(f.SampledRatio)}</td><td>{f.Passed}</td><td>{Pct(f.PassRate)}</td></tr>");
        sb.Append("</tbody></table>");
        sb.Append("<h2>二、存在的主要问题</h2>");
        if (f.Failing.Count == 0)
        {
            sb.Append("<p>本次抽查未发现不合格网站。</p>");
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p>以下{f.Failing.Count}个网站抽查不合格：</p>");
            sb.Append("<table><thead><tr><th scope=\"col\">网站名称</th><th scope=\"col\">网址</th><th scope=\"col\">单项否决</th><th scope=\"col\">得分</th></tr></thead><tbody>");
            foreach (var s in f.Failing)
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{E(s.Name)}</td><td>{E(s.Url)}</td><td>{(s.Vetoes.Length == 0 ? "—" : E(string.Join("、", s.Vetoes)))}</td><td>{(s.Vetoes.Length > 0 ? "—" : Score(s.Score))}</td></tr>");
            }
            sb.Append("</tbody></table>");
            foreach (var s in f.Failing.Where(s => s.Problems.Length > 0))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<p><strong>{E(s.Name)}</strong>：</p><ul>");
                foreach (var p in s.Problems.Take(8))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<li>{E(p)}</li>");
                }
                sb.Append("</ul>");
            }
        }
        sb.Append("<h2>三、好的做法</h2>");
        sb.Append(f.Good.Count == 0
            ? "<p>无。</p>"
            : $"<p>{E(string.Join("、", f.Good.Select(g => $"{g.Name}（{Score(g.Score)}分）")))}等网站信息发布及时、互动回应积极、办事服务实用，值得学习借鉴。</p>");
        sb.Append("<h2>四、上次抽查问题整改情况</h2>");
        if (f.PreviousFailures.Count == 0)
        {
            sb.Append("<p>上次抽查无需整改的网站。</p>");
        }
        else
        {
            sb.Append("<table><thead><tr><th scope=\"col\">网站名称</th><th scope=\"col\">整改期限</th><th scope=\"col\">整改情况</th></tr></thead><tbody>");
            foreach (var u in f.PreviousFailures)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(u.Name)}</td><td>{E(u.DueDate)}</td><td>{E(u.State)}</td></tr>");
            }
            sb.Append("</tbody></table>");
        }
        sb.Append("<h2>五、工作要求</h2>");
        sb.Append("<p>请不合格网站的主办单位对照问题清单逐项整改，在整改通知规定的期限内通过平台提交整改情况；逾期未整改的，将按规定约谈或问责。各单位要举一反三，切实做好政府网站日常监管。</p>");
        return sb.ToString();
    }

    /// <summary>The notice as a standalone page for Chromium: everything inline, nothing fetched.</summary>
    public static string Document(SupervisionNotice notice, string publisher)
    {
        var published = notice.PublishedAt is DateTime at ? ChinaTime.FormatDate(at) : "";
        return $$"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>{{WebUtility.HtmlEncode(notice.Title)}}</title>
            <style>
            body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 12pt; line-height: 1.7; margin: 2cm; color: #000; }
            h1 { font-size: 18pt; text-align: center; margin-bottom: 1em; }
            h2 { font-size: 14pt; margin-top: 1.2em; }
            table { border-collapse: collapse; width: 100%; margin: .5em 0; }
            th, td { border: 1px solid #333; padding: 4px 6px; font-size: 10.5pt; text-align: left; vertical-align: top; word-break: break-all; }
            .sign { text-align: right; margin-top: 2em; }
            </style></head><body>
            <h1>{{WebUtility.HtmlEncode(notice.Title)}}</h1>
            {{notice.Body}}
            <p class="sign">{{WebUtility.HtmlEncode(publisher)}}<br>{{published}}</p>
            </body></html>
            """;
    }
}

/// <summary>
/// PDFs made by Debian's Chromium (--headless --print-to-pdf) from a standalone page: no browser
/// download, and nothing fetched (every host maps to nothing, background networking off).
/// </summary>
public sealed class PdfPrinter(IOptions<SupervisionOptions> options, ILogger<PdfPrinter> log)
{
    private static readonly SemaphoreSlim OneAtATime = new(2, 2);

    public async Task<byte[]> PrintAsync(string html, CancellationToken ct)
    {
        var dir = Directory.CreateTempSubdirectory("govsite-pdf-");
        await OneAtATime.WaitAsync(ct);
        try
        {
            var input = Path.Combine(dir.FullName, "page.html");
            var output = Path.Combine(dir.FullName, "page.pdf");
            await File.WriteAllTextAsync(input, html, new UTF8Encoding(false), ct);
            var start = new ProcessStartInfo(options.Value.Chromium)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                         "--host-resolver-rules=MAP * ~NOTFOUND", "--no-pdf-header-footer", $"--user-data-dir={Path.Combine(dir.FullName, "profile")}",
                         $"--print-to-pdf={output}", new Uri(input).AbsoluteUri])
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"无法启动 {options.Value.Chromium}");
            var stderr = process.StandardError.ReadToEndAsync(ct);
            _ = process.StandardOutput.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException("Chromium 生成 PDF 超时");
            }
            if (!File.Exists(output) || new FileInfo(output).Length == 0)
            {
                log.LogWarning("Chromium made no PDF (exit {Code}): {Error}", process.ExitCode, await stderr);
                throw new InvalidOperationException("Chromium 未能生成 PDF");
            }
            return await File.ReadAllBytesAsync(output, ct);
        }
        finally
        {
            OneAtATime.Release();
            try
            {
                dir.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold its profile for a moment; the temp folder is cleaned up by the system.
            }
        }
    }
}

using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Interaction;
using GovSite.Publishing.Files;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Disclosure.Admin;

/// <summary>
/// One information request and every handling step on its clock: assign, 补正, third party,
/// extension, fee, answer, close. Each step goes through <see cref="RequestService"/>, as the staff API does.
/// </summary>
public sealed class RequestModel(SiteAccess access, GovSiteDb db, SiteDirectory directory, RequestService requests, FileService files) : AdminPageModel(access)
{
    [FromRoute]
    public int Id { get; set; }

    public RequestView View { get; private set; } = null!;
    public InformationRequest R => View.Request;
    public List<DeadlineAlert> Alerts { get; private set; } = [];
    public bool CanHandle => requests.CanHandle(R.SiteId);
    public string IdNumberShown => requests.ShownIdNumber(R);

    [BindProperty] public string? Office { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Party { get; set; }
    [BindProperty] public DateOnly? On { get; set; }
    [BindProperty] public int? Days { get; set; }
    [BindProperty] public string? ApprovedBy { get; set; }
    [BindProperty] public FeeMethod? Method { get; set; }
    [BindProperty] public int? Pages { get; set; }
    [BindProperty] public AnswerType? AnswerType { get; set; }
    [BindProperty] public string? Ground { get; set; }
    [BindProperty] public string? Detail { get; set; }
    [BindProperty] public CloseReason? CloseReason { get; set; }

    /// <summary>The information disclosed, attached to the answer (the applicant downloads it with the query code).</summary>
    [BindProperty] public List<IFormFile> AnswerUploads { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>After a refused step, the form that was sent shows what was typed into it; the others stay empty.</summary>
    public string? Typed(string handler, string? value) =>
        string.Equals(Request.Query["handler"], handler, StringComparison.OrdinalIgnoreCase) ? value : null;

    public string? TypedOn(string handler) => Typed(handler, On?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    public Task<IActionResult> OnPostAssignAsync(CancellationToken ct) =>
        ActAsync(requests.AssignAsync(Id, Office, ct), "已交承办处室", ct);

    public Task<IActionResult> OnPostCorrectionAsync(CancellationToken ct) =>
        ActAsync(requests.AskCorrectionAsync(Id, Text, On, ct), "已发出补正告知书，补正期间不计算答复期限", ct);

    public Task<IActionResult> OnPostCorrectionReceivedAsync(CancellationToken ct) =>
        ActAsync(requests.CorrectionReceivedAsync(Id, Text, On, ct), "已收到补正，答复期限自收到补正之日起重新计算", ct);

    public Task<IActionResult> OnPostThirdPartyAsync(CancellationToken ct) =>
        ActAsync(requests.ConsultThirdPartyAsync(Id, Party, Text, On, ct), "已发出第三方意见征询函，征求意见期间不计算答复期限", ct);

    public Task<IActionResult> OnPostThirdPartyOpinionAsync(CancellationToken ct) =>
        ActAsync(requests.ThirdPartyRepliedAsync(Id, Text, On, ct), "已记录第三方意见，答复期限继续计算", ct);

    public Task<IActionResult> OnPostExtendAsync(CancellationToken ct) =>
        ActAsync(requests.ExtendAsync(Id, Days, ApprovedBy, Text, On, ct), "已延期并发出延期答复告知书", ct);

    public Task<IActionResult> OnPostFeeAsync(CancellationToken ct) =>
        ActAsync(requests.NoticeFeeAsync(Id, Method, Pages, On, ct), "已发出收费通知，缴费期间不计算答复期限", ct);

    public Task<IActionResult> OnPostFeePaidAsync(CancellationToken ct) =>
        ActAsync(requests.FeeSettledAsync(Id, false, Text, On, ct), "已记录缴费，答复期限继续计算", ct);

    public Task<IActionResult> OnPostFeeWaivedAsync(CancellationToken ct) =>
        ActAsync(requests.FeeSettledAsync(Id, true, Text, On, ct), "已减免费用，答复期限继续计算", ct);

    public async Task<IActionResult> OnPostAnswerAsync(CancellationToken ct)
    {
        var fileIds = new List<int>();
        if (AnswerUploads.Count > 0)
        {
            if (await requests.FindAsync(Id, ct) is not { } view)
            {
                return NotFound();
            }
            // Each file goes through the site's upload checks (type from the bytes, size); the first
            // refusal is shown under the field and nothing is answered.
            foreach (var upload in AnswerUploads)
            {
                await using var stream = upload.OpenReadStream();
                var stored = await files.UploadAsync(view.Request.SiteId, upload.FileName, stream, ct);
                if (Refusal(stored) is { } refused)
                {
                    return refused;
                }
                if (!stored.Succeeded)
                {
                    ModelState.Clear();
                    foreach (var message in stored.Errors.All.SelectMany(e => e.Value))
                    {
                        ModelState.AddModelError(nameof(AnswerUploads), $"公开的信息（{Path.GetFileName(upload.FileName)}）：{message}");
                    }
                    return await LoadAsync(ct) ? Page() : NotFound();
                }
                fileIds.Add(stored.Value!.Id);
            }
        }
        return await ActAsync(requests.AnswerAsync(Id, new AnswerInput { Type = AnswerType, Ground = Ground, Detail = Detail, Text = Text, Files = fileIds, On = On }, ct),
            "已答复，告知书已生成", ct);
    }

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        ActAsync(requests.CloseAsync(Id, CloseReason, Text, On, ct), "申请已终止办理", ct);

    private async Task<IActionResult> ActAsync(Task<SaveResult<InformationRequest>> action, string done, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await action;
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (result.Succeeded)
        {
            Notice = done;
            return LocalRedirect($"/admin/disclosure/requests/{Id}");
        }
        // The fields keep what was typed; the errors name them.
        AddErrors(result.Errors, "");
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await requests.FindAsync(Id, ct) is not { } view)
        {
            return false;
        }
        View = view;
        WorkingSite = directory.FindById(view.Request.SiteId);
        Alerts = await db.DeadlineAlerts.AsNoTracking().Where(a => a.Work == RequestDeadlines.Work && a.ItemId == Id)
            .OrderBy(a => a.CreatedAt).ToListAsync(ct);
        return true;
    }
}

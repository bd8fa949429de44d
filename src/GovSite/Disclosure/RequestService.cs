using System.Globalization;
using System.Text.Json;
using GovSite.Accounts;
using GovSite.Calendar;
using GovSite.Common;
using GovSite.Data;
using GovSite.Interaction;
using GovSite.Publishing;
using GovSite.Publishing.Files;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Disclosure;

/// <summary>What an applicant fills in (the official application form), or staff copy from a paper one.</summary>
public sealed class RequestInput
{
    public ApplicantKind? ApplicantKind { get; set; }
    public string? Name { get; set; }
    public IdDocumentKind? IdKind { get; set; }
    public string? IdNumber { get; set; }
    public string? WorkUnit { get; set; }
    public string? LegalRepresentative { get; set; }
    public string? ContactName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    public string? Fax { get; set; }
    public string? Description { get; set; }
    public string? InformationName { get; set; }
    public string? Purpose { get; set; }
    public DeliveryMethod? Delivery { get; set; }

    /// <summary>Staff entry: how the request arrived and its date of receipt by the rules of receipt.</summary>
    public ReceiptChannel? Channel { get; set; }
    public DateOnly? ReceivedOn { get; set; }

    /// <summary>API: the ID or licence image as base64 (the form uploads a file instead).</summary>
    public string? IdImage { get; set; }
    public string? IdImageName { get; set; }

    /// <summary>Honeypot: hidden from people, so only a robot fills it in.</summary>
    public string? Website { get; set; }
}

/// <summary>The applicant's receipt: the query code exists only here, the database keeps its hash.</summary>
public sealed record RequestReceipt(string Number, string QueryCode, DateOnly ReceivedOn, DateOnly DueDate);

public sealed record RequestOutcome(RequestReceipt? Receipt, ValidationErrors Errors, bool RateLimited = false, int? Id = null);

/// <summary>What staff decide when they answer.</summary>
public sealed class AnswerInput
{
    public AnswerType? Type { get; set; }

    /// <summary>The enum name of the refusal ground, reason of unavailability or 不予处理 case.</summary>
    public string? Ground { get; set; }
    public string? Detail { get; set; }
    public string? Text { get; set; }
    public List<int>? Files { get; set; }
    public DateOnly? On { get; set; }
}

/// <summary>A request with its trail, clock and letters, as pages and the API show it.</summary>
public sealed record RequestView(InformationRequest Request, List<RequestEvent> Events, ClockReading Clock, List<RequestLetter> Letters);

/// <summary>
/// 依申请公开 from application to answer. The public form, the API and the back office all go
/// through here, so the rules of receipt, the clock, the letters and permissions are written once.
/// </summary>
public sealed class RequestService(GovSiteDb db, SiteAccess access, CalendarService calendar, GuideService guides,
    FileStore files, FileService fileService, IOptions<DisclosureOptions> options, TimeProvider clock, SiteDirectory directory,
    Notifications.Notifier notifier)
{
    private DisclosureOptions Options => options.Value;

    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime));

    /// <summary>Staff who handle a site's requests: its administrators and editors.</summary>
    public bool CanHandle(int siteId) => access.HasRole(siteId, Role.SiteAdmin) || access.HasRole(siteId, Role.Editor);

    /// <summary>
    /// The applicant's ID or credit-code number as this user may see it: whole for those who handle
    /// the request, with the middle hidden for the site's other staff and its supervisors, who read
    /// the request but never need to identify the person.
    /// </summary>
    public string ShownIdNumber(InformationRequest r) => CanHandle(r.SiteId) ? r.IdNumber : MaskIdNumber(r.IdNumber);

    /// <summary>Keeps a few characters at each end (four of an 18-character number), so staff can still tell two requests apart.</summary>
    public static string MaskIdNumber(string id)
    {
        var ends = id.Length switch { >= 12 => 4, >= 6 => 2, >= 3 => 1, _ => 0 };
        return id[..ends] + new string('*', id.Length - 2 * ends) + id[(id.Length - ends)..];
    }

    // ---- applying ----

    /// <summary>An application through the public form or API: received the day the system receives it.</summary>
    public Task<RequestOutcome> SubmitAsync(int siteId, RequestInput input, AttachmentUpload? idImage, string? ip, CancellationToken ct) =>
        CreateAsync(siteId, input, idImage, ip, staff: false, ct);

    /// <summary>An application received by post, fax, e-mail or in person, entered by staff with its date of receipt.</summary>
    public Task<RequestOutcome> RecordAsync(int siteId, RequestInput input, AttachmentUpload? idImage, CancellationToken ct) =>
        CreateAsync(siteId, input, idImage, null, staff: true, ct);

    private async Task<RequestOutcome> CreateAsync(int siteId, RequestInput input, AttachmentUpload? idImage, string? ip, bool staff, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (staff && !CanHandle(siteId))
        {
            errors.Add("form", "您没有登记本网站依申请公开的权限");
            return new RequestOutcome(null, errors);
        }
        if (!staff && !string.IsNullOrEmpty(input.Website))
        {
            errors.Add("form", "提交未通过校验，请刷新页面后重试");
            return new RequestOutcome(null, errors);
        }
        var request = Validate(input, errors);
        var today = Today;
        request.Channel = staff ? input.Channel ?? ReceiptChannel.InPerson : ReceiptChannel.Online;
        request.ReceivedOn = today;
        if (staff)
        {
            if (input.Channel is null)
            {
                errors.Add(nameof(input.Channel), "请选择申请方式（当面递交、邮寄、传真或电子邮箱）");
            }
            if (input.ReceivedOn is not { } on)
            {
                errors.Add(nameof(input.ReceivedOn), "请填写收到申请的日期（按收件规则确定）");
            }
            else if (on > today)
            {
                errors.Add(nameof(input.ReceivedOn), "收到申请的日期不能晚于今天");
            }
            else if (on < today.AddYears(-2))
            {
                errors.Add(nameof(input.ReceivedOn), "收到申请的日期不能早于两年前");
            }
            else
            {
                request.ReceivedOn = on;
            }
        }
        (byte[] Bytes, FileType Type, string Name)? upload = null;
        if (idImage is null && !string.IsNullOrWhiteSpace(input.IdImage))
        {
            try
            {
                idImage = new AttachmentUpload(input.IdImageName ?? "证件", Convert.FromBase64String(input.IdImage));
            }
            catch (FormatException)
            {
                errors.Add(nameof(input.IdImage), "证件图片应为 Base64 编码的 PNG、JPEG 或 PDF 文件");
            }
        }
        if (idImage is { Content.Length: > 0 } image)
        {
            if (image.Content.Length > Options.MaxIdImageBytes)
            {
                errors.Add(nameof(input.IdImage), $"证件图片不能超过 {Options.MaxIdImageBytes / 1024 / 1024} MB");
            }
            else if (FileTypes.Detect(new MemoryStream(image.Content, writable: false)) is { } type
                && (type == FileTypes.Png || type == FileTypes.Jpeg || type == FileTypes.Pdf))
            {
                if (UploadChecks.Inspect(new MemoryStream(image.Content, writable: false), type, fileService.Options) is { } problem)
                {
                    errors.Add(nameof(input.IdImage), "证件图片" + problem);
                }
                else
                {
                    upload = (image.Content, type, image.FileName);
                }
            }
            else
            {
                var what = UploadChecks.WhatItIs(new MemoryStream(image.Content, writable: false)) is { } kind ? $"，这个文件实际是{kind}" : "";
                errors.Add(nameof(input.IdImage), $"证件图片只能是 PNG、JPEG 或 PDF 文件（按文件内容识别，改扩展名无效）{what}");
            }
        }
        else if (!staff && !errors.All.Any(e => e.Key == nameof(input.IdImage)))
        {
            errors.Add(nameof(input.IdImage), "请上传身份证件或营业执照等证明文件的图片");
        }
        if (!errors.IsValid)
        {
            return new RequestOutcome(null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!staff && ip is not null && await db.InformationRequests.IgnoreQueryFilters()
                .CountAsync(r => r.SubmitterIp == ip && r.RecordedAt > now.AddHours(-1), ct) >= Options.RequestsPerIpPerHour)
        {
            errors.Add("form", "提交过于频繁，请一小时后再试");
            return new RequestOutcome(null, errors, RateLimited: true);
        }
        if (upload is { } u)
        {
            request.IdFileId = await StoreFileAsync(siteId, u.Bytes, u.Type, u.Name, ct);
        }
        var queryCode = ReceiptCodes.NewQueryCode();
        request.SiteId = siteId;
        request.QueryCodeHash = ReceiptCodes.Hash(queryCode);
        request.RecordedAt = now;
        request.RecordedBy = staff ? access.UserName : null;
        request.SubmitterIp = staff ? null : ip;
        request.Status = RequestStatus.Handling;
        request.UpdatedAt = now;
        var reading = RequestClock.Compute(calendar.Current, [new ClockEvent(RequestEventKind.Received, request.ReceivedOn)], today, Options.Clock);
        request.DueDate = reading.DueDate;
        var receivedText = $"{DisclosureLabels.Of(request.Channel)}，{DisclosureLabels.ReceiptRule(request.Channel)}";
        for (var attempt = 0; ; attempt++)
        {
            request.Number = ReceiptCodes.NewNumber("GK", now);
            db.InformationRequests.Add(request);
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A number collision (one in a million a day): draw again.
                db.Entry(request).State = EntityState.Detached;
                request.Id = 0;
            }
        }
        db.RequestEvents.Add(new RequestEvent
        {
            RequestId = request.Id, Kind = RequestEventKind.Received, OccurredOn = request.ReceivedOn, RecordedAt = now,
            UserName = staff ? access.UserName ?? "" : "申请人（网上申请）", Text = receivedText,
        });
        var issuer = directory.FindById(request.SiteId) is { } s ? s.HostUnitName ?? s.Name : "";
        // The applicant hears by e-mail that the request arrived (the query code stays on the screen that showed it).
        Mail(request, $"政府信息公开申请已收到（{request.Number}）",
            $"{request.Name}：\n\n{issuer}已于 {Format(request.ReceivedOn)} 收到您的政府信息公开申请，申请编号 {request.Number}，答复期限 {Format(reading.DueDate!.Value)}" +
            "（补正、征求第三方意见和缴费期间依法不计算在内）。请凭申请编号和查询码在网站查询办理进度。", now);
        await db.SaveChangesAsync(ct);
        if (!staff)
        {
            // Staff hear of an application that arrived online; one they entered themselves needs no notice.
            await notifier.ToRolesAsync(request.SiteId, [Role.Editor, Role.SiteAdmin], Notifications.NoticeKind.WorkArrived,
                $"request-arrived:{request.Id}", $"新的政府信息公开申请：{Short(request.InformationName ?? request.Description)}",
                $"申请编号 {request.Number}，{request.Name}，答复期限 {Format(reading.DueDate!.Value)}。", $"/admin/disclosure/requests/{request.Id}", [], ct);
        }
        return new RequestOutcome(new RequestReceipt(request.Number, queryCode, request.ReceivedOn, reading.DueDate!.Value), errors, Id: request.Id);
    }

    private async Task<int> StoreFileAsync(int siteId, byte[] bytes, FileType type, string name, CancellationToken ct)
    {
        using var content = new MemoryStream(bytes, writable: false);
        var stored = await files.SaveAsync(siteId, content, type.Extension, ct);
        var file = new StoredFile
        {
            SiteId = siteId, FileName = FileTypes.CleanName(name, type), StoredName = stored, ContentType = type.ContentType,
            Size = bytes.Length, Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
            UploadedById = access.UserId, UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.StoredFiles.Add(file);
        await db.SaveChangesAsync(ct);
        return file.Id;
    }

    /// <summary>The form's fields, checked one by one with a message naming each; the text is kept as typed.</summary>
    private static InformationRequest Validate(RequestInput input, ValidationErrors errors)
    {
        var r = new InformationRequest();
        if (input.ApplicantKind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(nameof(input.ApplicantKind), "请选择申请人类型（公民或法人/其他组织）");
            kind = ApplicantKind.NaturalPerson;
        }
        r.ApplicantKind = kind;
        var person = kind == ApplicantKind.NaturalPerson;
        r.Name = Line(input.Name, nameof(input.Name), person ? "姓名" : "名称", person ? 50 : 100, errors, required: true);
        if (input.IdKind is not { } idKind || !Enum.IsDefined(idKind))
        {
            errors.Add(nameof(input.IdKind), person ? "请选择证件类型" : "请选择证照类型（统一社会信用代码或其他）");
            idKind = person ? IdDocumentKind.ResidentIdCard : IdDocumentKind.CreditCode;
        }
        else if (person && idKind == IdDocumentKind.CreditCode)
        {
            errors.Add(nameof(input.IdKind), "公民请选择身份证件类型，统一社会信用代码用于法人或其他组织");
        }
        else if (!person && idKind is not (IdDocumentKind.CreditCode or IdDocumentKind.Other))
        {
            errors.Add(nameof(input.IdKind), "法人或其他组织请选择统一社会信用代码或其他证照");
        }
        r.IdKind = idKind;
        var id = new string([.. (input.IdNumber ?? "").Where(c => !char.IsWhiteSpace(c))]).ToUpperInvariant();
        var idLabel = DisclosureLabels.Of(idKind);
        if (id.Length == 0)
        {
            errors.Add(nameof(input.IdNumber), $"请填写{idLabel}号码");
        }
        else if (idKind == IdDocumentKind.ResidentIdCard && !IdentityNumbers.IsResidentId(id))
        {
            errors.Add(nameof(input.IdNumber), "居民身份证号码应为 18 位（最后一位可以是 X），请核对校验位");
        }
        else if (idKind == IdDocumentKind.CreditCode && !IdentityNumbers.IsCreditCode(id))
        {
            errors.Add(nameof(input.IdNumber), "统一社会信用代码应为 18 位数字或大写字母，请核对校验位");
        }
        else if (id.Length is < 3 or > 30 || !id.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add(nameof(input.IdNumber), $"{idLabel}号码应为 3 到 30 位字母或数字");
        }
        r.IdNumber = id;
        r.ApplicantKey = id;
        r.WorkUnit = person ? Line(input.WorkUnit, nameof(input.WorkUnit), "工作单位", 100, errors) : null;
        r.LegalRepresentative = person ? null : Line(input.LegalRepresentative, nameof(input.LegalRepresentative), "法定代表人或负责人", 50, errors, required: true);
        r.ContactName = person ? null : Line(input.ContactName, nameof(input.ContactName), "联系人姓名", 50, errors, required: true);
        var phone = new string([.. (input.Phone ?? "").Where(c => !char.IsWhiteSpace(c))]);
        if (!IdentityNumbers.IsPhone(phone))
        {
            errors.Add(nameof(input.Phone), "请填写正确的手机号码（11 位）或固定电话（如 0591-12345678）");
        }
        r.Phone = phone;
        r.Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        if (r.Email is { } email && (email.Length > 254 || !IdentityNumbers.IsEmail(email)))
        {
            errors.Add(nameof(input.Email), "电子邮箱格式不正确，如 name@example.com");
        }
        r.Address = Line(input.Address, nameof(input.Address), "通信地址", 200, errors);
        r.PostalCode = string.IsNullOrWhiteSpace(input.PostalCode) ? null : input.PostalCode.Trim();
        if (r.PostalCode is { } postal && !(postal.Length == 6 && postal.All(char.IsAsciiDigit)))
        {
            errors.Add(nameof(input.PostalCode), "邮政编码应为 6 位数字");
        }
        r.Fax = Line(input.Fax, nameof(input.Fax), "传真", 30, errors);
        var description = TypedText.Block(input.Description);
        if (description is null || TypedText.Length(description.Trim()) < 5)
        {
            errors.Add(nameof(input.Description), "请描述所需政府信息的内容（至少 5 个字），如名称、文号或便于查询的其他特征");
        }
        else if (TypedText.Length(description) > 4000)
        {
            errors.Add(nameof(input.Description), "所需信息的内容描述不能超过 4000 字");
        }
        r.Description = description ?? "";
        r.InformationName = Line(input.InformationName, nameof(input.InformationName), "所需信息的名称或文号", 200, errors);
        r.Purpose = TypedText.Block(input.Purpose);
        if (TypedText.Length(r.Purpose) > 1000)
        {
            errors.Add(nameof(input.Purpose), "用途说明不能超过 1000 字");
        }
        if (input.Delivery is not { } delivery || !Enum.IsDefined(delivery))
        {
            errors.Add(nameof(input.Delivery), "请选择获取信息的方式（邮寄、电子邮件或自行领取）");
            delivery = DeliveryMethod.InPerson;
        }
        else if (delivery == DeliveryMethod.Email && r.Email is null)
        {
            errors.Add(nameof(input.Email), "选择电子邮件获取信息时，请填写电子邮箱");
        }
        else if (delivery == DeliveryMethod.Post && r.Address is null)
        {
            errors.Add(nameof(input.Address), "选择邮寄获取信息时，请填写通信地址");
        }
        r.Delivery = delivery;
        return r;
    }

    private static string Line(string? value, string field, string label, int max, ValidationErrors errors, bool required = false)
    {
        var text = TypedText.Line(value);
        if (text is null)
        {
            if (required)
            {
                errors.Add(field, $"请填写{label}");
            }
            return null!;
        }
        if (TypedText.Length(text) > max)
        {
            errors.Add(field, $"{label}不能超过 {max} 个字");
        }
        return text;
    }

    // ---- following a request ----

    /// <summary>The applicant's lookup: both the number and the query code must match.</summary>
    public async Task<RequestView?> LookupAsync(string? number, string? queryCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(queryCode))
        {
            return null;
        }
        var n = number.Trim().ToUpperInvariant();
        var request = await db.InformationRequests.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.Number == n, ct);
        return request is not null && ReceiptCodes.Matches(request.QueryCodeHash, queryCode) ? await ViewOfAsync(request, applicant: true, ct) : null;
    }

    /// <summary>A request for staff of its site (and supervisors above it); null when this caller may not see it.</summary>
    public async Task<RequestView?> FindAsync(int id, CancellationToken ct)
    {
        var request = await db.InformationRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return request is null ? null : await ViewOfAsync(request, applicant: false, ct);
    }

    public async Task<RequestView?> FindByNumberAsync(string number, CancellationToken ct)
    {
        var n = number.Trim().ToUpperInvariant();
        var request = await db.InformationRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Number == n, ct);
        return request is null ? null : await ViewOfAsync(request, applicant: false, ct);
    }

    private async Task<RequestView> ViewOfAsync(InformationRequest request, bool applicant, CancellationToken ct)
    {
        var events = await db.RequestEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.RequestId == request.Id).OrderBy(e => e.Id).ToListAsync(ct);
        var letters = await db.RequestLetters.IgnoreQueryFilters().AsNoTracking()
            .Where(l => l.RequestId == request.Id && (!applicant || l.ToApplicant)).OrderBy(l => l.Id).ToListAsync(ct);
        return new RequestView(request, events, ClockOf(events), letters);
    }

    public ClockReading ClockOf(IReadOnlyList<RequestEvent> events) =>
        RequestClock.Compute(calendar.Current, [.. events.Select(e => new ClockEvent(e.Kind, e.OccurredOn, e.Days))], Today, Options.Clock);

    public static List<int> FileIds(string json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<int>>(json) ?? [];

    // ---- handling (back office and staff API) ----

    /// <summary>The state a handler works in: the tracked request, its trail so far, and what the step adds.</summary>
    private sealed class Step(InformationRequest request, List<RequestEvent> events, ClockReading clock)
    {
        public InformationRequest Request => request;
        public List<RequestEvent> Events => events;
        public ClockReading Clock => clock;
        public List<RequestEvent> Added { get; } = [];
        public List<(LetterKind Kind, Func<DisclosureGuide, ClockReading, (string Title, string Body)> Compose, string Addressee, bool ToApplicant)> Letters { get; } = [];
        public DateOnly On { get; set; }
    }

    public Task<SaveResult<InformationRequest>> AssignAsync(int id, string? office, CancellationToken ct) =>
        StepAsync(id, null, (s, errors) =>
        {
            var text = TypedText.Line(office);
            if (text is null || TypedText.Length(text) > 100)
            {
                errors.Add("Office", "请填写承办处室（不超过 100 个字）");
                return;
            }
            s.Request.Office = text;
            Add(s, RequestEventKind.Assigned, party: text);
        }, ct, allowClosed: false);

    public Task<SaveResult<InformationRequest>> AskCorrectionAsync(int id, string? items, DateOnly? on, CancellationToken ct) =>
        StepAsync(id, on, (s, errors) =>
        {
            var text = TypedText.Block(items);
            if (s.Clock.CorrectionAsked)
            {
                errors.Add("Text", "补正应一次性告知，本申请已告知过补正");
            }
            else if (s.Clock.State != ClockState.Running)
            {
                errors.Add("Text", "只有计时中的申请可以告知补正");
            }
            else if (s.On > s.Clock.CorrectionAllowedUntil)
            {
                errors.Add("On", $"补正只能在收到申请之日起 7 个工作日内告知（最迟 {Format(s.Clock.CorrectionAllowedUntil)}）");
            }
            else if (text is null || TypedText.Length(text.Trim()) < 4)
            {
                errors.Add("Text", "请写明需要补正的事项（至少 4 个字）");
            }
            else
            {
                Add(s, RequestEventKind.CorrectionRequested, text);
                s.Letters.Add((LetterKind.Correction, (g, _) => Disclosure.Letters.Correction(s.Request, g, new LetterFacts(s.On, text)), s.Request.Name, true));
            }
        }, ct);

    public Task<SaveResult<InformationRequest>> CorrectionReceivedAsync(int id, string? note, DateOnly? on, CancellationToken ct) =>
        StepAsync(id, on, (s, errors) =>
        {
            if (s.Clock.State != ClockState.StoppedForCorrection)
            {
                errors.Add("Text", "本申请没有待补正的事项");
                return;
            }
            Add(s, RequestEventKind.CorrectionReceived, TypedText.Block(note) ?? "申请人已补正，答复期限自收到补正之日起重新计算");
        }, ct);

    public Task<SaveResult<InformationRequest>> ConsultThirdPartyAsync(int id, string? party, string? note, DateOnly? on, CancellationToken ct) =>
        StepAsync(id, on, (s, errors) =>
        {
            var who = TypedText.Line(party);
            if (s.Clock.ThirdPartyAsked)
            {
                errors.Add("Party", "本申请已征求过第三方意见");
            }
            else if (s.Clock.State != ClockState.Running)
            {
                errors.Add("Party", "只有计时中的申请可以征求第三方意见");
            }
            else if (who is null || TypedText.Length(who) > 100)
            {
                errors.Add("Party", "请填写被征求意见的第三方名称（不超过 100 个字）");
            }
            else
            {
                var text = TypedText.Block(note);
                Add(s, RequestEventKind.ThirdPartyConsulted, text, party: who);
                s.Letters.Add((LetterKind.ThirdParty, (g, _) => Disclosure.Letters.ThirdParty(s.Request, g, new LetterFacts(s.On, text, Party: who)), who, false));
            }
        }, ct);

    public Task<SaveResult<InformationRequest>> ThirdPartyRepliedAsync(int id, string? opinion, DateOnly? on, CancellationToken ct) =>
        StepAsync(id, on, (s, errors) =>
        {
            var text = TypedText.Block(opinion);
            if (s.Clock.State != ClockState.StoppedForThirdParty)
            {
                errors.Add("Text", "本申请没有在等待第三方意见（征求期限届满后计时已自动恢复）");
            }
            else if (text is null)
            {
                errors.Add("Text", "请摘要记录第三方意见（同意公开、不同意公开及理由）");
            }
            else
            {
                Add(s, RequestEventKind.ThirdPartyReplied, text);
            }
        }, ct);

    /// <summary>One extension of at most 20 working days, approved by a named person, decided before the deadline and told to the applicant.</summary>
    public Task<SaveResult<InformationRequest>> ExtendAsync(int id, int? days, string? approvedBy, string? reason, DateOnly? on, CancellationToken ct) =>
        StepAsync(id, on, (s, errors) =>
        {
            var who = TypedText.Line(approvedBy);
            var why = TypedText.Block(reason);
            var max = Options.Clock.MaxExtensionDays;
            if (s.Clock.Extended)
            {
                errors.Add("Days", "每件申请只能延期一次");
            }
            else if (s.Clock.State is not (ClockState.Running or ClockState.StoppedForThirdParty or ClockState.StoppedForFee))
            {
                errors.Add("Days", "当前状态的申请不能延期");
            }
            else if (s.Clock.State == ClockState.Running && s.Clock.DueDate is { } due && s.On > due)
            {
                errors.Add("On", $"延期须在答复期限（{Format(due)}）届满前决定");
            }
            if (days is not { } d || d < 1 || d > max)
            {
                errors.Add("Days", $"延长的期限应为 1 到 {max} 个工作日");
            }
            if (who is null || TypedText.Length(who) > 50)
            {
                errors.Add("ApprovedBy", "请填写批准延期的负责人姓名");
            }
            if (why is null || TypedText.Length(why.Trim()) < 4)
            {
                errors.Add("Reason", "请填写延期理由（至少 4 个字）");
            }
            if (!errors.IsValid)
            {
                return;
            }
            Add(s, RequestEventKind.Extended, why, days: days, approvedBy: who);
            s.Request.Extended = true;
            s.Letters.Add((LetterKind.Extension, (g, after) => Disclosure.Letters.Extension(s.Request, g,
                new LetterFacts(s.On, why, days, who, NewDue: after.DueDate)), s.Request.Name, true));
        }, ct);

    /// <summary>
    /// 收费通知 by one method: the fee is what this request adds to the applicant's month on this
    /// site. A request the standard does not charge for gets no notice.
    /// </summary>
    public Task<SaveResult<InformationRequest>> NoticeFeeAsync(int id, FeeMethod? method, int? pages, DateOnly? on, CancellationToken ct) =>
        StepAsync(id, on, async (s, errors) =>
        {
            if (s.Request.FeeMethod is not null)
            {
                errors.Add("Method", "本申请已发出过收费通知");
                return;
            }
            if (s.Clock.State != ClockState.Running)
            {
                errors.Add("Method", "只有计时中的申请可以发出收费通知");
                return;
            }
            if (method is not { } m || !Enum.IsDefined(m))
            {
                errors.Add("Method", "请选择计收方式：按件或按量（同一申请只能选择一种）");
                return;
            }
            if (m == FeeMethod.ByPages && pages is not (>= 1 and <= 1_000_000))
            {
                errors.Add("Pages", "按量计收时请填写本次提供信息的页数（1 页以上）");
                return;
            }
            var (count, earlierPages) = await MonthOfAsync(s.Request, ct);
            var amount = m == FeeMethod.ByRequests ? FeeSchedule.ByRequests(count - 1) : FeeSchedule.ByPages(earlierPages, pages!.Value);
            if (amount <= 0)
            {
                errors.Add("Method", m == FeeMethod.ByRequests
                    ? $"该申请人本月在本机关的第 {count} 件申请，在免费范围内（10 件以下），按件不收费"
                    : $"该申请人本月累计 {earlierPages + pages} 页，在免费范围内（30 页以下），按量不收费");
                return;
            }
            s.Request.FeeMethod = m;
            s.Request.FeePages = m == FeeMethod.ByPages ? pages : null;
            s.Request.FeeAmount = amount;
            Add(s, RequestEventKind.FeeNoticed, $"{DisclosureLabels.Of(m)}，应缴 {amount.ToString("0.##", CultureInfo.InvariantCulture)} 元",
                amount: amount, pages: s.Request.FeePages, method: m);
            s.Letters.Add((LetterKind.Fee, (g, after) => Disclosure.Letters.Fee(s.Request, g,
                new LetterFacts(s.On, Amount: amount, Method: m, Pages: pages, MonthCount: count, PayBy: after.FeePayBy)), s.Request.Name, true));
        }, ct);

    /// <summary>
    /// The applicant's month on this site before and including this request: how many requests
    /// (by date of receipt, then number), and how many pages earlier notices charged by the page.
    /// </summary>
    private async Task<(int Count, int EarlierPages)> MonthOfAsync(InformationRequest r, CancellationToken ct)
    {
        var first = new DateOnly(r.ReceivedOn.Year, r.ReceivedOn.Month, 1);
        var next = first.AddMonths(1);
        var month = await db.InformationRequests.IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.SiteId == r.SiteId && x.ApplicantKey == r.ApplicantKey && x.ReceivedOn >= first && x.ReceivedOn < next)
            .Select(x => new { x.Id, x.ReceivedOn, x.FeeMethod, x.FeePages }).ToListAsync(ct);
        var earlier = month.Where(x => x.ReceivedOn < r.ReceivedOn || (x.ReceivedOn == r.ReceivedOn && x.Id < r.Id)).ToList();
        return (earlier.Count + 1, earlier.Where(x => x.FeeMethod == FeeMethod.ByPages).Sum(x => x.FeePages ?? 0));
    }

    public Task<SaveResult<InformationRequest>> FeeSettledAsync(int id, bool waived, string? note, DateOnly? on, CancellationToken ct) =>
        StepAsync(id, on, (s, errors) =>
        {
            var text = TypedText.Block(note);
            if (s.Clock.State != ClockState.StoppedForFee)
            {
                errors.Add("Text", "本申请没有待缴的信息处理费");
            }
            else if (waived && (text is null || TypedText.Length(text.Trim()) < 4))
            {
                errors.Add("Text", "减免收费请写明理由（至少 4 个字）");
            }
            else
            {
                Add(s, waived ? RequestEventKind.FeeWaived : RequestEventKind.FeePaid, text ?? "申请人已缴纳信息处理费");
            }
        }, ct);

    /// <summary>The decision: its type, ground and what the type requires it to say; the decision letter follows.</summary>
    public Task<SaveResult<InformationRequest>> AnswerAsync(int id, AnswerInput input, CancellationToken ct) =>
        StepAsync(id, input.On, async (s, errors) =>
        {
            if (s.Clock.State is not (ClockState.Running or ClockState.StoppedForThirdParty))
            {
                errors.Add("Type", s.Clock.State switch
                {
                    ClockState.StoppedForCorrection => "申请人尚未补正，不能答复；逾期不补正的可以终止办理",
                    ClockState.StoppedForFee => "申请人尚未缴费，不能答复；费用缴纳或减免后再答复",
                    _ => "本申请已办结",
                });
                return;
            }
            if (input.Type is not { } type || !Enum.IsDefined(type))
            {
                errors.Add("Type", "请选择答复类型");
                return;
            }
            string? ground = null;
            var groundOk = type switch
            {
                AnswerType.Refused or AnswerType.PartlyDisclosed => Enum.TryParse<RefusalGround>(input.Ground, out var g) && Enum.IsDefined(g) && (ground = g.ToString()) is not null,
                AnswerType.Unavailable => Enum.TryParse<UnavailableReason>(input.Ground, out var u) && Enum.IsDefined(u) && (ground = u.ToString()) is not null,
                AnswerType.NotProcessed => Enum.TryParse<NotProcessedGround>(input.Ground, out var n) && Enum.IsDefined(n) && (ground = n.ToString()) is not null,
                _ => true,
            };
            if (!groundOk)
            {
                errors.Add("Ground", type switch
                {
                    AnswerType.Unavailable => "请选择无法提供的原因",
                    AnswerType.NotProcessed => "请选择不予处理的情形",
                    _ => "请从《条例》规定的理由中选择不予公开的法定理由",
                });
            }
            var detail = TypedText.Block(input.Detail);
            var needed = type switch
            {
                AnswerType.AlreadyPublic => "请写明已公开信息的获取方式和途径（如网址、公报期号）",
                AnswerType.NotThisAgency => "请写明负责公开该信息的行政机关名称和联系方式",
                AnswerType.Refused => "请写明不予公开的具体理由",
                AnswerType.PartlyDisclosed => "请写明不予公开的部分及理由",
                AnswerType.Unavailable => "请说明无法提供的具体情况",
                AnswerType.OtherChannel => "请写明该信息的类别和应当依照办理的法律法规（如不动产登记资料查询）",
                _ => null,
            };
            if (needed is not null && detail is null)
            {
                errors.Add("Detail", needed);
            }
            var fileIds = (input.Files ?? []).Distinct().ToList();
            if (fileIds.Count > 0 && (await fileService.ForeignIdsAsync(s.Request.SiteId, fileIds, ct)).Count > 0)
            {
                errors.Add("Files", "附件只能是本网站上传的文件");
            }
            if (type == AnswerType.Disclosed && fileIds.Count == 0 && detail is null)
            {
                errors.Add("Files", "予以公开时请附上公开的信息，或在说明中写明提供方式");
            }
            if (!errors.IsValid)
            {
                return;
            }
            var r = s.Request;
            r.AnswerType = type;
            r.AnswerGround = ground;
            r.AnswerDetail = detail;
            r.AnswerText = TypedText.Block(input.Text);
            r.AnswerFiles = JsonSerializer.Serialize(fileIds);
            r.AnsweredOn = s.On;
            Add(s, RequestEventKind.Answered, DisclosureLabels.Of(type) + (DisclosureLabels.GroundText(type, ground) is { } gt ? $"（{gt}）" : ""));
            s.Letters.Add((LetterKind.Decision, (g, _) => Disclosure.Letters.Decision(r, g, new LetterFacts(s.On, AttachedFiles: fileIds.Count)), r.Name, true));
        }, ct);

    /// <summary>Ends a request without an answer: withdrawn, or deemed abandoned once the time to complete or to pay has run out.</summary>
    public Task<SaveResult<InformationRequest>> CloseAsync(int id, CloseReason? reason, string? note, DateOnly? on, CancellationToken ct) =>
        StepAsync(id, on, (s, errors) =>
        {
            if (reason is not { } why || !Enum.IsDefined(why))
            {
                errors.Add("Reason", "请选择终止办理的原因");
                return;
            }
            var cal = calendar.Current;
            if (why == CloseReason.NoCorrection)
            {
                if (s.Clock.State != ClockState.StoppedForCorrection)
                {
                    errors.Add("Reason", "本申请没有待补正的事项");
                    return;
                }
                var until = cal.AddWorkingDays(s.Clock.StoppedOn!.Value, 15);
                if (s.On <= until)
                {
                    errors.Add("On", $"补正期限（{Format(until)}）届满后才能视为放弃申请");
                    return;
                }
            }
            if (why == CloseReason.Unpaid)
            {
                if (s.Clock.State != ClockState.StoppedForFee)
                {
                    errors.Add("Reason", "本申请没有待缴的信息处理费");
                    return;
                }
                if (s.On <= s.Clock.FeePayBy)
                {
                    errors.Add("On", $"缴费期限（{Format(s.Clock.FeePayBy!.Value)}）届满后才能视为放弃申请");
                    return;
                }
            }
            var text = TypedText.Block(note);
            s.Request.CloseReason = why;
            s.Request.ClosedOn = s.On;
            Add(s, RequestEventKind.Closed, DisclosureLabels.Of(why) + (text is null ? "" : "：" + text));
            s.Letters.Add((LetterKind.Closure, (g, _) => Disclosure.Letters.Closure(s.Request, g, new LetterFacts(s.On, text)), s.Request.Name, true));
        }, ct);

    public Task<SaveResult<InformationRequest>> NoteAsync(int id, string? note, CancellationToken ct) =>
        StepAsync(id, null, (s, errors) =>
        {
            var text = TypedText.Block(note);
            if (text is null)
            {
                errors.Add("Text", "请填写备注内容");
                return;
            }
            Add(s, RequestEventKind.Note, text);
        }, ct, allowClosed: true);

    private static void Add(Step s, RequestEventKind kind, string? text = null, int? days = null, string? approvedBy = null,
        decimal? amount = null, int? pages = null, FeeMethod? method = null, string? party = null) =>
        s.Added.Add(new RequestEvent
        {
            RequestId = s.Request.Id, Kind = kind, OccurredOn = s.On, Text = text, Days = days, ApprovedBy = approvedBy,
            Amount = amount, Pages = pages, FeeMethod = method, Party = party,
        });

    private Task<SaveResult<InformationRequest>> StepAsync(int id, DateOnly? on, Action<Step, ValidationErrors> step, CancellationToken ct,
        bool allowClosed = false) =>
        StepAsync(id, on, (s, e) =>
        {
            step(s, e);
            return Task.CompletedTask;
        }, ct, allowClosed);

    private async Task<SaveResult<InformationRequest>> StepAsync(int id, DateOnly? on, Func<Step, ValidationErrors, Task> step, CancellationToken ct,
        bool allowClosed = false)
    {
        var request = await db.InformationRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return SaveResult<InformationRequest>.Missing();
        }
        if (!CanHandle(request.SiteId))
        {
            return access.CanSee(request.SiteId) ? SaveResult<InformationRequest>.Denied() : SaveResult<InformationRequest>.Missing();
        }
        var events = await db.RequestEvents.AsNoTracking().Where(e => e.RequestId == id).OrderBy(e => e.Id).ToListAsync(ct);
        var errors = new ValidationErrors();
        var today = Today;
        var last = events.Count == 0 ? request.ReceivedOn : events.Max(e => e.OccurredOn);
        var date = on ?? (today < last ? last : today);
        if (date > today)
        {
            errors.Add("On", "日期不能晚于今天");
        }
        else if (date < last)
        {
            errors.Add("On", $"日期不能早于上一办理环节（{Format(last)}）");
        }
        var current = RequestClock.Compute(calendar.Current, [.. events.Select(e => new ClockEvent(e.Kind, e.OccurredOn, e.Days))], date, Options.Clock);
        if (!allowClosed && !current.IsOpen)
        {
            errors.Add("form", "本申请已办结");
        }
        if (!errors.IsValid)
        {
            return SaveResult<InformationRequest>.Invalid(errors);
        }
        var s = new Step(request, events, current) { On = date };
        await step(s, errors);
        if (!errors.IsValid)
        {
            // Steps validate before they change the request, so nothing is saved.
            return SaveResult<InformationRequest>.Invalid(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var e in s.Added)
        {
            e.RecordedAt = now;
            e.UserName = access.UserName ?? "";
            db.RequestEvents.Add(e);
        }
        var all = events.Concat(s.Added).ToList();
        var after = RequestClock.Compute(calendar.Current, [.. all.Select(e => new ClockEvent(e.Kind, e.OccurredOn, e.Days))], today, Options.Clock);
        request.Status = after.Status;
        request.DueDate = after.DueDate;
        request.AnsweredOnTime = after.OnTime;
        request.UpdatedAt = now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (s.Letters.Count > 0)
        {
            var guide = await guides.CurrentAsync(request.SiteId, ct);
            foreach (var (kind, compose, addressee, toApplicant) in s.Letters)
            {
                var (title, body) = compose(guide, after);
                await IssueAsync(request, kind, title, body, addressee, toApplicant, guide, date, now, ct);
            }
        }
        await tx.CommitAsync(ct);
        return SaveResult<InformationRequest>.Ok(request);
    }

    /// <summary>Numbers the letter 前缀〔年〕n号 within the site and year; a clash (two at once) takes the next number.</summary>
    private async Task IssueAsync(InformationRequest request, LetterKind kind, string title, string body, string addressee, bool toApplicant,
        DisclosureGuide guide, DateOnly on, DateTime now, CancellationToken ct)
    {
        var site = directory.FindById(request.SiteId);
        var count = await db.RequestLetters.IgnoreQueryFilters().CountAsync(l => l.SiteId == request.SiteId && l.IssuedOn.Year == on.Year, ct);
        var letter = new RequestLetter
        {
            RequestId = request.Id, SiteId = request.SiteId, Kind = kind, Title = title, Body = body, Addressee = addressee,
            Issuer = site?.HostUnitName ?? site?.Name ?? "", IssuedOn = on, ToApplicant = toApplicant, CreatedAt = now,
            Reference = string.Create(CultureInfo.InvariantCulture, $"{guide.LetterPrefix}〔{on.Year}〕{count + 1}号"),
        };
        db.RequestLetters.Add(letter);
        if (toApplicant)
        {
            // Letters to the applicant go by e-mail too where there is an address, through the outbox (sent after commit, retried).
            Mail(request, $"{title}（{letter.Reference}）", $"{addressee}：\n\n{body}\n\n{letter.Issuer}\n{Format(on)}\n\n（申请编号 {request.Number}，凭查询码可在网站查看告知书全文和附件。）", now);
        }
        await db.SaveChangesAsync(ct);
    }

    private void Mail(InformationRequest request, string subject, string body, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            return;
        }
        db.OutboxMessages.Add(new Notifications.OutboxMessage
        {
            Channel = Notifications.OutboxChannel.Email, Recipient = request.Email, RecipientName = request.Name,
            Subject = subject.Length > 300 ? subject[..300] : subject, Body = body, Status = Notifications.OutboxStatus.Pending,
            CreatedAt = now, NextAttemptAt = now,
        });
    }

    private static string Short(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 40 ? line[..40] + "…" : line;
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

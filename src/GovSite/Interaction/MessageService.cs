using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GovSite.Accounts;
using GovSite.Calendar;
using GovSite.Common;
using GovSite.Data;
using GovSite.PublicSite;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Interaction;

/// <summary>What a citizen submits (form or API).</summary>
public sealed class MessageInput
{
    public ChannelKind? Channel { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Subject { get; set; }
    public string? Text { get; set; }
    public bool IsPublic { get; set; }

    /// <summary>Honeypot: hidden from people, so only a robot fills it in.</summary>
    public string? Website { get; set; }
}

/// <summary>The receipt: the query code exists only here, the database keeps its hash.</summary>
public sealed record Receipt(string Ticket, string QueryCode, DateOnly DueDate);

public sealed record SubmitOutcome(Receipt? Receipt, ValidationErrors Errors, bool RateLimited = false);

public enum TriageVerdict
{
    Valid,
    Invalid,
    Duplicate,
}

/// <summary>
/// Messages from submission to publication. The public form, the API and the back office all go
/// through here, so validation, protection, deadlines and permissions are written once.
/// </summary>
public sealed partial class MessageService(GovSiteDb db, SiteAccess access, CalendarService calendar, Attachments attachments,
    IOptions<InteractionOptions> options, TimeProvider clock, SiteDirectory directory, SiteChanges changes)
{
    private InteractionOptions Options => options.Value;

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime));

    public static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(ChinaTime.ToLocal(utc));

    /// <summary>Staff who handle a site's messages: its administrators and editors.</summary>
    public bool CanHandle(int siteId) => access.HasRole(siteId, Role.SiteAdmin) || access.HasRole(siteId, Role.Editor);

    public async Task<SubmitOutcome> SubmitAsync(int siteId, MessageInput input, AttachmentUpload? attachment, string? ip, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!string.IsNullOrEmpty(input.Website))
        {
            // A robot filled the hidden field: refuse without saying why.
            errors.Add("form", "提交未通过校验，请刷新页面后重试");
            return new SubmitOutcome(null, errors);
        }
        var channels = await db.MessageChannels.AsNoTracking().Where(c => c.SiteId == siteId && c.IsOpen).ToListAsync(ct);
        var channel = channels.FirstOrDefault(c => c.Kind == input.Channel);
        if (channels.Count == 0)
        {
            errors.Add(nameof(input.Channel), "本网站暂未开通留言渠道");
        }
        else if (channel is null)
        {
            errors.Add(nameof(input.Channel), "请选择留言渠道");
        }
        // Kept exactly as typed (a<b, 3000元<收入, emoji…); pages encode it.
        var name = TypedText.LineOrEmpty(input.Name);
        var phone = (input.Phone ?? "").Trim().Replace(" ", "", StringComparison.Ordinal);
        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        var subject = TypedText.LineOrEmpty(input.Subject);
        var text = TypedText.BlockOrEmpty(input.Text);
        if (name.Length == 0)
        {
            errors.Add(nameof(input.Name), "请填写姓名");
        }
        else if (TypedText.Length(name) > 50)
        {
            errors.Add(nameof(input.Name), "姓名不能超过 50 个字");
        }
        if (!PhonePattern().IsMatch(phone))
        {
            errors.Add(nameof(input.Phone), "请填写正确的手机号码（11 位）或固定电话（如 0591-12345678）");
        }
        if (email is not null && (email.Length > 254 || !EmailPattern().IsMatch(email)))
        {
            errors.Add(nameof(input.Email), "电子邮箱格式不正确，如 name@example.com");
        }
        if (subject.Length == 0)
        {
            errors.Add(nameof(input.Subject), "请填写标题");
        }
        else if (TypedText.Length(subject) > 100)
        {
            errors.Add(nameof(input.Subject), "标题不能超过 100 个字");
        }
        if (TypedText.Length(text.Trim()) < 5)
        {
            errors.Add(nameof(input.Text), "请填写留言内容（至少 5 个字）");
        }
        else if (TypedText.Length(text) > 5000)
        {
            errors.Add(nameof(input.Text), "留言内容不能超过 5000 字");
        }
        (string Type, string Extension)? detected = null;
        if (attachment is { Content.Length: > 0 })
        {
            if (attachment.Content.Length > Options.MaxAttachmentBytes)
            {
                errors.Add("Attachment", $"附件不能超过 {Options.MaxAttachmentBytes / 1024 / 1024} MB");
            }
            else if (attachments.Refusal(attachment.Content) is { } refused)
            {
                errors.Add("Attachment", "附件" + refused);
            }
            else
            {
                detected = Attachments.Detect(attachment.Content);
            }
        }
        if (!errors.IsValid)
        {
            return new SubmitOutcome(null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // Counted in the database, so the limits hold across nodes.
        if (ip is not null && await db.Messages.IgnoreQueryFilters()
                .CountAsync(m => m.SubmitterIp == ip && m.ReceivedAt > now.AddHours(-1), ct) >= Options.MessagesPerIpPerHour)
        {
            errors.Add("form", "提交过于频繁，请一小时后再试");
            return new SubmitOutcome(null, errors, RateLimited: true);
        }
        if (await db.Messages.IgnoreQueryFilters()
                .CountAsync(m => m.Phone == phone && m.ReceivedAt > now.AddDays(-1), ct) >= Options.MessagesPerPhonePerDay)
        {
            errors.Add(nameof(input.Phone), "该电话号码今天提交的留言已达上限，请明天再试");
            return new SubmitOutcome(null, errors, RateLimited: true);
        }
        var contentHash = Hash(PlainText.Normalise(subject + "\n" + text));
        var since = now.AddDays(-Options.DuplicateWindowDays);
        if (await db.Messages.IgnoreQueryFilters().AnyAsync(m => m.SiteId == siteId && m.ContentHash == contentHash
                && (m.Phone == phone || (ip != null && m.SubmitterIp == ip)) && m.ReceivedAt > since, ct))
        {
            errors.Add(nameof(input.Text), "您已提交过内容相同的留言，请勿重复提交；可凭编号和查询码查询办理进度");
            return new SubmitOutcome(null, errors);
        }

        string? stored = null;
        if (detected is { } d)
        {
            stored = await attachments.SaveAsync(attachment!.Content, d.Extension, ct);
        }
        var queryCode = NewQueryCode();
        var due = calendar.Current.AddWorkingDays(LocalDate(now), Options.AnswerWorkingDays);
        var message = new Message
        {
            SiteId = siteId,
            HandlingSiteId = siteId,
            ChannelId = channel!.Id,
            QueryCodeHash = Hash(queryCode),
            Name = name,
            Phone = phone,
            Email = email,
            Subject = subject,
            Text = text,
            AllowPublic = input.IsPublic,
            AttachmentName = detected is null ? null : Publishing.Files.FileTypes.CleanName(attachment!.FileName, Publishing.Files.FileTypes.Detect(new MemoryStream(attachment.Content, writable: false))!),
            AttachmentFile = stored,
            AttachmentType = detected?.Type,
            ContentHash = contentHash,
            SubmitterIp = ip,
            Status = MessageStatus.Received,
            ReceivedAt = now,
            DueDate = due,
            UpdatedAt = now,
        };
        for (var attempt = 0; ; attempt++)
        {
            message.Ticket = NewTicket(now);
            db.Messages.Add(message);
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A ticket collision (one in a million a day): draw again.
                db.Entry(message).State = EntityState.Detached;
                message.Id = 0;
            }
        }
        return new SubmitOutcome(new Receipt(message.Ticket, queryCode, due), errors);
    }

    /// <summary>The citizen's lookup: both the ticket and the query code must match.</summary>
    public async Task<Message?> LookupAsync(string? ticket, string? queryCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ticket) || string.IsNullOrWhiteSpace(queryCode))
        {
            return null;
        }
        var t = ticket.Trim();
        var message = await db.Messages.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(m => m.Ticket == t, ct);
        if (message is null)
        {
            return null;
        }
        var expected = Encoding.ASCII.GetBytes(message.QueryCodeHash);
        var actual = Encoding.ASCII.GetBytes(Hash(queryCode.Trim().ToUpperInvariant()));
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? message : null;
    }

    /// <summary>What the citizen is told: the published reply, or why the message was closed without one.</summary>
    public static string? AnswerForCitizen(Message m) => m.Status switch
    {
        MessageStatus.Published => m.Reply,
        MessageStatus.CannotHandle => m.CannotHandleExplanation,
        MessageStatus.Invalid => $"您的留言未予受理：{m.InvalidReason}",
        MessageStatus.Duplicate => "您的留言与此前提交的留言重复，已合并办理。",
        _ => null,
    };

    // ---- handling (back office) ----

    public Task<SaveResult<Message>> TriageAsync(int id, TriageVerdict verdict, string? reason, string? duplicateOfTicket, CancellationToken ct) =>
        ChangeAsync(id, m => m.HandlingSiteId, async (m, errors) =>
        {
            if (m.Status != MessageStatus.Received)
            {
                errors.Add("Verdict", "该留言已分拣");
                return;
            }
            switch (verdict)
            {
                case TriageVerdict.Valid:
                    m.Status = MessageStatus.Handling;
                    break;
                case TriageVerdict.Invalid:
                    var r = TypedText.BlockOrEmpty(reason);
                    if (TypedText.Length(r.Trim()) < 2)
                    {
                        errors.Add("Reason", "判为无效时请填写原因");
                        return;
                    }
                    if (TooLong(errors, "Reason", r, "原因"))
                    {
                        return;
                    }
                    m.InvalidReason = r;
                    Close(m, MessageStatus.Invalid);
                    break;
                case TriageVerdict.Duplicate:
                    var t = duplicateOfTicket?.Trim();
                    var original = await db.Messages.Where(o => o.Ticket == t && o.SiteId == m.SiteId && o.Id != m.Id)
                        .Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
                    if (original is null)
                    {
                        errors.Add("DuplicateOf", "请填写本网站已有留言的编号");
                        return;
                    }
                    m.DuplicateOfId = original;
                    Close(m, MessageStatus.Duplicate);
                    break;
            }
        }, ct);

    /// <summary>转办: hand the message to a department (another site on the platform), which must accept it.</summary>
    public Task<SaveResult<Message>> TransferAsync(int id, int targetSiteId, string? note, CancellationToken ct) =>
        ChangeAsync(id, m => m.HandlingSiteId, (m, errors) =>
        {
            if (m.Status != MessageStatus.Handling)
            {
                errors.Add("TargetSiteId", "只有办理中的留言可以转办");
            }
            else if (targetSiteId == m.HandlingSiteId || directory.FindById(targetSiteId) is null)
            {
                errors.Add("TargetSiteId", "请选择承办部门（本平台上的其他网站）");
            }
            else if (!TooLong(errors, "Note", note, "转办说明"))
            {
                m.TransferSiteId = targetSiteId;
                m.TransferNote = TypedText.Block(note);
                m.Status = MessageStatus.Transferred;
            }
            return Task.CompletedTask;
        }, ct);

    /// <summary>The department accepts (or returns) a hand-off.</summary>
    public Task<SaveResult<Message>> AcceptTransferAsync(int id, bool accept, string? note, CancellationToken ct) =>
        ChangeAsync(id, m => m.TransferSiteId ?? -1, (m, errors) =>
        {
            if (m.Status != MessageStatus.Transferred || m.TransferSiteId is null)
            {
                errors.Add("Accept", "该留言没有待接收的转办");
                return Task.CompletedTask;
            }
            if (accept)
            {
                m.HandlingSiteId = m.TransferSiteId.Value;
            }
            else
            {
                var reason = TypedText.BlockOrEmpty(note);
                if (TypedText.Length(reason.Trim()) < 2)
                {
                    errors.Add("Note", "退回时请填写原因");
                    return Task.CompletedTask;
                }
                if (TooLong(errors, "Note", reason, "退回原因"))
                {
                    return Task.CompletedTask;
                }
                m.TransferNote = $"已退回：{reason}";
            }
            m.TransferSiteId = null;
            m.Status = MessageStatus.Handling;
            return Task.CompletedTask;
        }, ct);

    /// <summary>One extension, to the longer deadline, with a reason.</summary>
    public Task<SaveResult<Message>> ExtendAsync(int id, string? reason, CancellationToken ct) =>
        ChangeAsync(id, m => m.HandlingSiteId, (m, errors) =>
        {
            var r = TypedText.BlockOrEmpty(reason);
            if (m.IsClosed)
            {
                errors.Add("Reason", "已办结的留言不能延期");
            }
            else if (m.Extended)
            {
                errors.Add("Reason", "每条留言只能延期一次");
            }
            else if (TypedText.Length(r.Trim()) < 4)
            {
                errors.Add("Reason", "请填写延期原因（至少 4 个字）");
            }
            else if (!TooLong(errors, "Reason", r, "延期原因"))
            {
                m.Extended = true;
                m.ExtensionReason = r;
                m.DueDate = calendar.Current.AddWorkingDays(LocalDate(m.ReceivedAt), Options.ExtendedWorkingDays);
            }
            return Task.CompletedTask;
        }, ct);

    public Task<SaveResult<Message>> ReplyAsync(int id, string? reply, CancellationToken ct) =>
        ChangeAsync(id, m => m.HandlingSiteId, async (m, errors) =>
        {
            var text = TypedText.BlockOrEmpty(reply);
            if (m.Status is not (MessageStatus.Handling or MessageStatus.Replied))
            {
                errors.Add("Reply", m.Status == MessageStatus.Received ? "请先分拣：判定为有效后再答复" : "该留言当前不能答复");
                return;
            }
            if (TypedText.Length(text.Trim()) < 2)
            {
                errors.Add("Reply", "请填写答复内容");
                return;
            }
            if (TypedText.Length(text) > 10_000)
            {
                errors.Add("Reply", "答复不能超过 10000 字");
                return;
            }
            var b = Options.Boilerplate;
            var earlier = await db.Messages.Where(o => o.ReplySiteId == m.HandlingSiteId && o.Reply != null && o.Id != m.Id)
                .OrderByDescending(o => o.RepliedAt).Take(b.Window).Select(o => o.Reply!).ToListAsync(ct);
            m.BoilerplateMatches = BoilerplateDetector.Matches(text, earlier, b.Similarity);
            m.ReplyIsBoilerplate = m.BoilerplateMatches >= b.MinMatches;
            m.BoilerplateOverrideReason = null;
            m.Reply = text;
            m.ReplyBy = access.UserName;
            m.ReplySiteId = m.HandlingSiteId;
            m.RepliedAt = clock.GetUtcNow().UtcDateTime;
            m.Status = MessageStatus.Replied;
        }, ct);

    /// <summary>Publishes the reply as the final answer; a boilerplate reply needs an override with a reason.</summary>
    public Task<SaveResult<Message>> PublishAsync(int id, string? overrideReason, CancellationToken ct) =>
        ChangeAsync(id, m => m.HandlingSiteId, (m, errors) =>
        {
            if (m.Status != MessageStatus.Replied)
            {
                errors.Add("Publish", "请先填写答复");
                return Task.CompletedTask;
            }
            if (m.ReplyIsBoilerplate)
            {
                var r = TypedText.BlockOrEmpty(overrideReason);
                if (TypedText.Length(r.Trim()) < 4)
                {
                    errors.Add("OverrideReason", $"该答复与此前 {m.BoilerplateMatches} 条答复几乎相同（套话），请修改答复，或填写仍要发布的理由（至少 4 个字）");
                    return Task.CompletedTask;
                }
                if (TooLong(errors, "OverrideReason", r, "理由"))
                {
                    return Task.CompletedTask;
                }
                m.BoilerplateOverrideReason = r;
            }
            m.PublishedAt = clock.GetUtcNow().UtcDateTime;
            Close(m, MessageStatus.Published);
            return Task.CompletedTask;
        }, ct);

    /// <summary>"Cannot be handled" closes the message with an explanation to the citizen.</summary>
    public Task<SaveResult<Message>> CannotHandleAsync(int id, string? explanation, CancellationToken ct) =>
        ChangeAsync(id, m => m.HandlingSiteId, (m, errors) =>
        {
            var text = TypedText.BlockOrEmpty(explanation);
            if (m.IsClosed)
            {
                errors.Add("Explanation", "该留言已办结");
            }
            else if (TypedText.Length(text.Trim()) < 10)
            {
                errors.Add("Explanation", "无法办理时必须向留言人说明原因（至少 10 个字）");
            }
            else if (TypedText.Length(text) > 2000)
            {
                errors.Add("Explanation", "说明不能超过 2000 字");
            }
            else
            {
                m.CannotHandleExplanation = text;
                Close(m, MessageStatus.CannotHandle);
            }
            return Task.CompletedTask;
        }, ct);

    private void Close(Message m, MessageStatus status)
    {
        m.Status = status;
        m.ClosedAt = clock.GetUtcNow().UtcDateTime;
    }

    private async Task<SaveResult<Message>> ChangeAsync(int id, Func<Message, int> actingSite,
        Func<Message, ValidationErrors, Task> change, CancellationToken ct)
    {
        var message = await db.Messages.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
        {
            return SaveResult<Message>.Missing();
        }
        if (!CanHandle(actingSite(message)))
        {
            return access.CanSee(message.SiteId) || access.CanSee(message.HandlingSiteId)
                || (message.TransferSiteId is int t && access.CanSee(t))
                ? SaveResult<Message>.Denied() : SaveResult<Message>.Missing();
        }
        var wasPublic = message.Status == MessageStatus.Published && message.AllowPublic;
        var errors = new ValidationErrors();
        await change(message, errors);
        if (!errors.IsValid)
        {
            return SaveResult<Message>.Invalid(errors);
        }
        message.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        if (wasPublic || (message.Status == MessageStatus.Published && message.AllowPublic))
        {
            await changes.PagesChangedAsync(message.SiteId, [PageTags.Messages(message.SiteId)], ct);
        }
        return SaveResult<Message>.Ok(message);
    }

    // ---- helpers ----

    /// <summary>A reason or note longer than 500 characters is refused with the count, never cut.</summary>
    private static bool TooLong(ValidationErrors errors, string field, string? text, string label)
    {
        var length = TypedText.Length(text);
        if (length <= 500)
        {
            return false;
        }
        errors.Add(field, $"{label}不能超过 500 字（当前 {length} 字）");
        return true;
    }

    private static readonly char[] CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".ToCharArray();

    private static string NewQueryCode() => new(RandomNumberGenerator.GetItems<char>(CodeAlphabet, 8));

    private static string NewTicket(DateTime now) =>
        ChinaTime.ToLocal(now).ToString("yyyyMMdd", CultureInfo.InvariantCulture)
        + RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>Opens the four standard channels on a site that has none yet.</summary>
    public async Task EnsureChannelsAsync(int siteId, CancellationToken ct)
    {
        if (await db.MessageChannels.AnyAsync(c => c.SiteId == siteId, ct))
        {
            return;
        }
        var order = 0;
        foreach (var kind in Enum.GetValues<ChannelKind>())
        {
            db.MessageChannels.Add(new MessageChannel { SiteId = siteId, Kind = kind, Name = InteractionLabels.Of(kind), IsOpen = true, SortOrder = order += 10 });
        }
        await db.SaveChangesAsync(ct);
    }
}

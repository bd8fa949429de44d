namespace GovSite.Notifications;

/// <summary>
/// Something waiting for one person in the back office: an item to review, a placement request,
/// a reprint order and its deadline, a message due tomorrow. Shown at /admin/notices; when the
/// person has an e-mail address, an <see cref="OutboxMessage"/> carries it there too.
/// </summary>
public class Notice
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public int? SiteId { get; set; }

    /// <summary>Makes a reminder exist once per person however many nodes sweep (unique with the user).</summary>
    public string Key { get; set; } = "";
    public NoticeKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string? Text { get; set; }

    /// <summary>A back-office address where the person acts on it.</summary>
    public string? Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

public enum NoticeKind
{
    /// <summary>An item or revision waits for this person's review, 保密审查 or publication.</summary>
    Review,

    /// <summary>Sent back to its author with the reviewer's comment.</summary>
    Returned,

    /// <summary>A 紧急更正 or urgent withdrawal was published before review: to be looked at after the fact.</summary>
    Urgent,

    /// <summary>Another site asks to place an item here, or a subscribed column offers one.</summary>
    Placement,

    /// <summary>A higher-level site orders a reprint by a deadline.</summary>
    ReprintOrder,

    /// <summary>A reprint order's deadline is tomorrow and the site has not reprinted.</summary>
    ReprintDue,

    /// <summary>A message is due tomorrow.</summary>
    MessageDue,

    /// <summary>Last year's 政府网站工作年度报表 is to be filled in and submitted (from 1 January; again from 25 January if not yet sent).</summary>
    AnnualReportDue,
    /// <summary>A rectification order (整改通知) is nearly due or late; late past the threshold, its supervisors are told.</summary>
    RectificationDue,
    /// <summary>An information request (依申请公开) or error report (找错) is due soon.</summary>
    WorkDue,

    /// <summary>New work waits for staff: an information request or an error report arrived.</summary>
    WorkArrived,
}

/// <summary>
/// One message to send outside GovSite, kept until a sender has delivered it. A table per
/// channel kind of work is not needed: the channel says who sends it (e-mail now; SMS beside it
/// later, with its own <see cref="IOutboxSender"/>). Without a configured sender a message stays
/// pending and is listed at /admin/outbox; nothing is dropped.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public OutboxChannel Channel { get; set; }

    /// <summary>An e-mail address, or a mobile number for SMS.</summary>
    public string Recipient { get; set; } = "";
    public string? RecipientName { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }

    /// <summary>UTC; a failed message is tried again from then on (backing off), a sending one is leased until then.</summary>
    public DateTime NextAttemptAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
    public long? NoticeId { get; set; }
}

public enum OutboxChannel
{
    Email,
    Sms,
}

public enum OutboxStatus
{
    Pending,
    Sending,
    Sent,

    /// <summary>Given up after <see cref="OutboxDrain.MaxAttempts"/> tries; kept and shown with its last error.</summary>
    Failed,
}

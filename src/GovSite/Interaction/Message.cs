namespace GovSite.Interaction;

/// <summary>The channels a site can open (each site configures its own).</summary>
public enum ChannelKind
{
    LeaderMailbox,
    Consultation,
    Complaint,
    Suggestion,
}

public class MessageChannel
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public ChannelKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public bool IsOpen { get; set; } = true;
    public int SortOrder { get; set; }
}

/// <summary>
/// Where a message stands. Received → Handling (valid) | Invalid | Duplicate;
/// Handling → Transferred (转办, waiting for the department) → Handling at the department;
/// Handling → Replied (reply written, not yet public) → Published; Handling → CannotHandle.
/// </summary>
public enum MessageStatus
{
    Received,
    Handling,
    Transferred,
    Replied,
    Published,
    Invalid,
    Duplicate,
    CannotHandle,
}

/// <summary>留言: what a citizen wrote, and its handling.</summary>
public class Message
{
    public int Id { get; set; }

    /// <summary>The site the citizen wrote to.</summary>
    public int SiteId { get; set; }

    /// <summary>The site whose staff handle it now: the receiving site, or the department after 转办.</summary>
    public int HandlingSiteId { get; set; }

    /// <summary>Set while a hand-off waits for the department to accept it.</summary>
    public int? TransferSiteId { get; set; }
    public string? TransferNote { get; set; }

    public int ChannelId { get; set; }
    public string Ticket { get; set; } = "";

    /// <summary>SHA-256 of the query code: the code itself is shown once, to the writer.</summary>
    public string QueryCodeHash { get; set; } = "";

    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
    public string? Email { get; set; }
    public string Subject { get; set; } = "";

    /// <summary>Plain text (markup stripped on the way in, encoded on the way out).</summary>
    public string Text { get; set; } = "";

    /// <summary>The writer agreed to publication in 来信选登.</summary>
    public bool AllowPublic { get; set; }

    public string? AttachmentName { get; set; }
    public string? AttachmentFile { get; set; }
    public string? AttachmentType { get; set; }

    /// <summary>Hash of the normalised subject and text, for duplicate detection.</summary>
    public string ContentHash { get; set; } = "";
    public string? SubmitterIp { get; set; }

    public MessageStatus Status { get; set; }
    public DateTime ReceivedAt { get; set; }

    /// <summary>The last day (China time) on which the answer is on time.</summary>
    public DateOnly DueDate { get; set; }
    public bool Extended { get; set; }
    public string? ExtensionReason { get; set; }

    public string? InvalidReason { get; set; }
    public int? DuplicateOfId { get; set; }
    public string? CannotHandleExplanation { get; set; }

    public string? Reply { get; set; }
    public string? ReplyBy { get; set; }
    public int? ReplySiteId { get; set; }
    public DateTime? RepliedAt { get; set; }

    /// <summary>The reply is nearly the same as many earlier ones (套话).</summary>
    public bool ReplyIsBoilerplate { get; set; }
    public int BoilerplateMatches { get; set; }
    public string? BoilerplateOverrideReason { get; set; }

    public DateTime? PublishedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsClosed => Status is MessageStatus.Published or MessageStatus.Invalid or MessageStatus.Duplicate or MessageStatus.CannotHandle;
}

public enum AlertKind
{
    /// <summary>The deadline is near (提醒).</summary>
    Reminder,

    /// <summary>Overdue: escalated to the site's administrators.</summary>
    OverdueSiteAdmin,

    /// <summary>Overdue for longer: escalated to the supervising office.</summary>
    OverdueSupervisor,
}

/// <summary>One alert per message and kind: the unique key keeps it single across nodes.</summary>
public class MessageAlert
{
    public int Id { get; set; }
    public int MessageId { get; set; }
    public int SiteId { get; set; }
    public AlertKind Kind { get; set; }
    public DateOnly DueDate { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A reminder or escalation of work other than messages (information requests, error reports),
/// written by <see cref="DeadlineAlerts"/>: one row per (work, item, kind, due date), so each
/// alert exists once however many nodes run the sweep. Number, title and link are copied so the
/// 督办提醒 list reads one table.
/// </summary>
public class DeadlineAlert
{
    public long Id { get; set; }

    /// <summary>The kind of work: "information-request" or "error-report".</summary>
    public string Work { get; set; } = "";
    public int ItemId { get; set; }
    public int SiteId { get; set; }
    public AlertKind Kind { get; set; }
    public DateOnly DueDate { get; set; }
    public DateTime CreatedAt { get; set; }
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public string Link { get; set; } = "";
}

/// <summary>智能问答: one question and answer in a site's knowledge base.</summary>
public class FaqEntry
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public string Question { get; set; } = "";
    public string Answer { get; set; } = "";
    public string? Keywords { get; set; }
    public int SortOrder { get; set; }
    public DateTime UpdatedAt { get; set; }
}

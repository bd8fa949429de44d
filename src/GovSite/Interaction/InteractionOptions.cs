namespace GovSite.Interaction;

/// <summary>Configurable defaults of message handling (section "Interaction").</summary>
public sealed class InteractionOptions
{
    /// <summary>Working days to answer a message.</summary>
    public int AnswerWorkingDays { get; set; } = 7;

    /// <summary>Working days after the one extension (a complex message).</summary>
    public int ExtendedWorkingDays { get; set; } = 15;

    /// <summary>A reminder this many working days (or fewer) before the deadline.</summary>
    public int ReminderWorkingDays { get; set; } = 1;

    /// <summary>Overdue by this many working days: escalated to the supervising office as well.</summary>
    public int SupervisorAfterWorkingDays { get; set; } = 3;

    public int MessagesPerIpPerHour { get; set; } = 20;
    public int MessagesPerPhonePerDay { get; set; } = 5;

    /// <summary>The same text from the same phone within this many days is a duplicate.</summary>
    public int DuplicateWindowDays { get; set; } = 30;

    public long MaxAttachmentBytes { get; set; } = 2 * 1024 * 1024;

    public TimeSpan AlertInterval { get; set; } = TimeSpan.FromMinutes(5);

    public DeadlinePolicy Policy => new(ReminderWorkingDays, SupervisorAfterWorkingDays);

    public BoilerplateOptions Boilerplate { get; set; } = new();
}

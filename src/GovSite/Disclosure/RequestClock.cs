using GovSite.Calendar;

namespace GovSite.Disclosure;

/// <summary>The statutory periods of a request, in working days (政府信息公开条例 第三十、三十三条; 国办函〔2020〕109号).</summary>
public sealed class ClockRules
{
    /// <summary>答复期限: 20 working days from receipt.</summary>
    public int AnswerDays { get; set; } = 20;

    /// <summary>延期: at most this many working days, once.</summary>
    public int MaxExtensionDays { get; set; } = 20;

    /// <summary>补正 may only be asked within this many working days of receipt.</summary>
    public int CorrectionWindowDays { get; set; } = 7;

    /// <summary>第三方 has this long for its opinion; the clock resumes at the end of it at the latest.</summary>
    public int ThirdPartyDays { get; set; } = 15;

    /// <summary>收费通知: the applicant pays within this many working days, or the request is deemed abandoned.</summary>
    public int FeePaymentDays { get; set; } = 20;
}

/// <summary>Where the clock stands at a moment.</summary>
public enum ClockState
{
    Running,
    StoppedForCorrection,
    StoppedForThirdParty,
    StoppedForFee,
    Answered,
    Closed,
}

/// <summary>A clock event as the arithmetic needs it (the trail, in the order it was written).</summary>
public sealed record ClockEvent(RequestEventKind Kind, DateOnly On, int? Days = null);

/// <summary>
/// The clock at one moment, computed from the trail alone. <see cref="DueDate"/> is the last day
/// to answer while the clock runs; while it stands still it is the date the answer would be due
/// if the clock started again at the latest moment the rules allow (third party: the end of the
/// 15 days) or, for a 补正 or a fee, on the day it is given (then <see cref="Provisional"/>).
/// </summary>
public sealed record ClockReading(
    ClockState State,
    DateOnly ReceivedOn,
    DateOnly? DueDate,
    bool Provisional,
    int LimitDays,
    int UsedDays,
    DateOnly? StoppedOn,
    DateOnly? ResumesBy,
    DateOnly CorrectionAllowedUntil,
    DateOnly? FeePayBy,
    DateOnly? FinishedOn,
    bool? OnTime,
    bool Extended,
    bool CorrectionAsked,
    bool ThirdPartyAsked)
{
    public bool IsOpen => State is not (ClockState.Answered or ClockState.Closed);

    public RequestStatus Status => State switch
    {
        ClockState.StoppedForCorrection => RequestStatus.AwaitingCorrection,
        ClockState.StoppedForThirdParty => RequestStatus.ThirdParty,
        ClockState.StoppedForFee => RequestStatus.AwaitingFee,
        ClockState.Answered => RequestStatus.Answered,
        ClockState.Closed => RequestStatus.Closed,
        _ => RequestStatus.Handling,
    };
}

/// <summary>
/// A request's statutory clock on the working-day calendar, computed from its trail:
/// <list type="bullet">
/// <item>20 working days from the day after receipt;</item>
/// <item>a 补正 stops it; when the completed request arrives it starts again from zero;</item>
/// <item>consulting a third party stops it; it resumes with the opinion, or at the end of the
/// 15 working days whichever comes first;</item>
/// <item>a fee notice stops it until paid or waived;</item>
/// <item>one extension adds at most 20 working days.</item>
/// </list>
/// The day something stops the clock counts as used; counting resumes the working day after it
/// starts again (as after receipt).
/// </summary>
public static class RequestClock
{
    public static ClockReading Compute(WorkingCalendar calendar, IReadOnlyList<ClockEvent> trail, DateOnly today, ClockRules? rules = null)
    {
        rules ??= new ClockRules();
        var received = trail.FirstOrDefault(e => e.Kind == RequestEventKind.Received)?.On
            ?? throw new ArgumentException("A request's trail starts with its receipt.", nameof(trail));
        var state = ClockState.Running;
        var start = received;
        var used = 0;
        var limit = rules.AnswerDays;
        DateOnly? stoppedOn = null;
        DateOnly? resumesBy = null;
        DateOnly? feePayBy = null;
        DateOnly? finished = null;
        bool? onTime = null;
        var extended = false;
        var correction = false;
        var thirdParty = false;

        void Stop(DateOnly on, ClockState why)
        {
            if (state == ClockState.Running)
            {
                used += Math.Max(0, calendar.WorkingDaysAfter(start, on));
            }
            state = why;
            stoppedOn = on;
        }

        void Resume(DateOnly on)
        {
            state = ClockState.Running;
            start = on;
            stoppedOn = null;
            resumesBy = null;
            feePayBy = null;
        }

        // The third party's period ends by itself: anything recorded after it finds the clock running again.
        void LapseThirdPartyBefore(DateOnly on)
        {
            if (state == ClockState.StoppedForThirdParty && resumesBy is { } end && on > end)
            {
                Resume(end);
            }
        }

        foreach (var e in trail)
        {
            if (state is ClockState.Answered or ClockState.Closed)
            {
                break;
            }
            LapseThirdPartyBefore(e.On);
            switch (e.Kind)
            {
                case RequestEventKind.CorrectionRequested when state == ClockState.Running:
                    Stop(e.On, ClockState.StoppedForCorrection);
                    correction = true;
                    break;
                case RequestEventKind.CorrectionReceived when state == ClockState.StoppedForCorrection:
                    // The completed request is a new start: the days before the 补正 do not count.
                    Resume(e.On);
                    used = 0;
                    break;
                case RequestEventKind.ThirdPartyConsulted when state == ClockState.Running:
                    Stop(e.On, ClockState.StoppedForThirdParty);
                    resumesBy = calendar.AddWorkingDays(e.On, rules.ThirdPartyDays);
                    thirdParty = true;
                    break;
                case RequestEventKind.ThirdPartyReplied when state == ClockState.StoppedForThirdParty:
                    Resume(e.On);
                    break;
                case RequestEventKind.Extended when !extended && state != ClockState.StoppedForCorrection:
                    limit += Math.Clamp(e.Days ?? rules.MaxExtensionDays, 1, rules.MaxExtensionDays);
                    extended = true;
                    break;
                case RequestEventKind.FeeNoticed when state == ClockState.Running:
                    Stop(e.On, ClockState.StoppedForFee);
                    feePayBy = calendar.AddWorkingDays(e.On, rules.FeePaymentDays);
                    break;
                case RequestEventKind.FeePaid or RequestEventKind.FeeWaived when state == ClockState.StoppedForFee:
                    Resume(e.On);
                    break;
                case RequestEventKind.Answered:
                    onTime = state != ClockState.Running || e.On <= Due(calendar, start, limit, used);
                    state = ClockState.Answered;
                    finished = e.On;
                    break;
                case RequestEventKind.Closed:
                    state = ClockState.Closed;
                    finished = e.On;
                    break;
            }
        }
        LapseThirdPartyBefore(today);

        DateOnly? due = state switch
        {
            ClockState.Running => Due(calendar, start, limit, used),
            ClockState.StoppedForThirdParty => Due(calendar, resumesBy!.Value, limit, used),
            ClockState.StoppedForFee or ClockState.StoppedForCorrection => Due(calendar, today > stoppedOn!.Value ? today : stoppedOn.Value,
                limit, state == ClockState.StoppedForCorrection ? 0 : used),
            _ => null,
        };
        var usedNow = state == ClockState.Running ? used + Math.Max(0, calendar.WorkingDaysAfter(start, today)) : used;
        return new ClockReading(state, received, due, state is ClockState.StoppedForCorrection or ClockState.StoppedForThirdParty or ClockState.StoppedForFee,
            limit, usedNow, stoppedOn, resumesBy, calendar.AddWorkingDays(received, rules.CorrectionWindowDays), feePayBy, finished, onTime,
            extended, correction, thirdParty);
    }

    private static DateOnly Due(WorkingCalendar calendar, DateOnly start, int limit, int used) =>
        calendar.AddWorkingDays(start, Math.Max(0, limit - used));

    /// <summary>The clock after each event of the trail: what the trail page shows beside each line.</summary>
    public static List<ClockReading> Steps(WorkingCalendar calendar, IReadOnlyList<ClockEvent> trail, ClockRules? rules = null)
    {
        var steps = new List<ClockReading>(trail.Count);
        for (var i = 1; i <= trail.Count; i++)
        {
            var prefix = trail.Take(i).ToList();
            steps.Add(Compute(calendar, prefix, prefix[^1].On, rules));
        }
        return steps;
    }
}

namespace GovSite.Services;

public enum ServiceAction
{
    /// <summary>An editor sends the guide (or a published guide's revision) for review; it must be complete.</summary>
    Submit,

    /// <summary>A reviewer publishes it (or applies the revision); it must still be complete.</summary>
    Approve,

    /// <summary>A reviewer sends it back to the editor with a comment.</summary>
    Return,

    /// <summary>A reviewer takes a published guide off the public site.</summary>
    Withdraw,

    /// <summary>An editor drops a published guide's pending revision.</summary>
    Discard,
}

/// <summary>Who may take an action: the site's editors, or its reviewers (reviewers and site admins).</summary>
public enum ServiceActor
{
    Editor,
    Reviewer,
}

/// <summary>An item's place in the workflow: its status and, for a published item, its pending revision.</summary>
public sealed record ServiceState(ServiceItemStatus Status, RevisionStatus? Revision = null);

/// <summary>
/// The guide workflow as a table: what is published was reviewed. A new guide is a draft until
/// an editor submits it and a reviewer approves it; an edit of a published guide waits beside it
/// as a revision, through the same two steps, while the public keeps seeing the reviewed text.
/// </summary>
public static class ServiceWorkflow
{
    public sealed record Transition(ServiceState From, ServiceAction Action, ServiceState To, ServiceActor Actor);

    public static readonly IReadOnlyList<Transition> Transitions =
    [
        new(new(ServiceItemStatus.Draft), ServiceAction.Submit, new(ServiceItemStatus.Submitted), ServiceActor.Editor),
        new(new(ServiceItemStatus.Withdrawn), ServiceAction.Submit, new(ServiceItemStatus.Submitted), ServiceActor.Editor),
        new(new(ServiceItemStatus.Submitted), ServiceAction.Approve, new(ServiceItemStatus.Published), ServiceActor.Reviewer),
        new(new(ServiceItemStatus.Submitted), ServiceAction.Return, new(ServiceItemStatus.Draft), ServiceActor.Reviewer),
        new(new(ServiceItemStatus.Published), ServiceAction.Withdraw, new(ServiceItemStatus.Withdrawn), ServiceActor.Reviewer),
        new(new(ServiceItemStatus.Published, RevisionStatus.Draft), ServiceAction.Submit, new(ServiceItemStatus.Published, RevisionStatus.Submitted), ServiceActor.Editor),
        new(new(ServiceItemStatus.Published, RevisionStatus.Submitted), ServiceAction.Approve, new(ServiceItemStatus.Published), ServiceActor.Reviewer),
        new(new(ServiceItemStatus.Published, RevisionStatus.Submitted), ServiceAction.Return, new(ServiceItemStatus.Published, RevisionStatus.Draft), ServiceActor.Reviewer),
        new(new(ServiceItemStatus.Published, RevisionStatus.Draft), ServiceAction.Discard, new(ServiceItemStatus.Published), ServiceActor.Editor),
        new(new(ServiceItemStatus.Published, RevisionStatus.Submitted), ServiceAction.Discard, new(ServiceItemStatus.Published), ServiceActor.Editor),
        // A withdrawal takes the public text down; a revision waiting beside it goes with it.
        new(new(ServiceItemStatus.Published, RevisionStatus.Draft), ServiceAction.Withdraw, new(ServiceItemStatus.Withdrawn), ServiceActor.Reviewer),
        new(new(ServiceItemStatus.Published, RevisionStatus.Submitted), ServiceAction.Withdraw, new(ServiceItemStatus.Withdrawn), ServiceActor.Reviewer),
    ];

    public static ServiceState StateOf(ServiceItem item) => new(item.Status, item.Status == ServiceItemStatus.Published ? item.RevisionStatus : null);

    public static Transition? Find(ServiceState from, ServiceAction action) =>
        Transitions.FirstOrDefault(t => t.From == from && t.Action == action);

    /// <summary>The actions open from a state, for the buttons an item's page shows.</summary>
    public static IEnumerable<Transition> From(ServiceState state) => Transitions.Where(t => t.From == state);

    public static string Label(ServiceAction action) => action switch
    {
        ServiceAction.Submit => "提交审核",
        ServiceAction.Approve => "审核通过并发布",
        ServiceAction.Return => "退回修改",
        ServiceAction.Withdraw => "撤下",
        ServiceAction.Discard => "放弃修订",
        _ => action.ToString(),
    };
}

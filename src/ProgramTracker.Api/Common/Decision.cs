namespace ProgramTracker.Api.Common;

/// <summary>What a command decided: the events to append, or why it was refused. Decisions are pure.</summary>
public sealed record Decision
{
    private Decision(IReadOnlyList<object> events, Refusal? refusal, IReadOnlyList<NewStream> starts, IReadOnlyList<StreamAppend>? appends = null)
    {
        Events = events;
        Refusal = refusal;
        Starts = starts;
        Appends = appends ?? [];
    }

    /// <summary>Events for the stream the command was addressed to.</summary>
    public IReadOnlyList<object> Events { get; }

    /// <summary>New streams the command opens, such as a workstream added to an agreement.</summary>
    public IReadOnlyList<NewStream> Starts { get; }

    /// <summary>Events for other streams that already exist, such as a committee's rating on a workstream.</summary>
    public IReadOnlyList<StreamAppend> Appends { get; }

    public Refusal? Refusal { get; }
    public bool Accepted => Refusal is null;

    public static Decision Accept(params object[] events) => new(events, null, []);
    public static Decision Refuse(Refusal refusal) => new([], refusal, []);

    public Decision AndStart<TAggregate>(Guid streamId, params object[] events) =>
        new(Events, Refusal, [.. Starts, new NewStream(typeof(TAggregate), streamId, events)], Appends);

    /// <summary>Also appends <paramref name="events"/> to another existing stream, in the same transaction.</summary>
    public Decision AndAppend(Guid streamId, params object[] events) =>
        new(Events, Refusal, Starts, [.. Appends, new StreamAppend(streamId, events)]);

    public static implicit operator Decision(Refusal refusal) => Refuse(refusal);
}

public sealed record NewStream(Type AggregateType, Guid StreamId, IReadOnlyList<object> Events);

public sealed record StreamAppend(Guid StreamId, IReadOnlyList<object> Events);

/// <summary>
/// A rule the command broke, in words a project officer understands. <see cref="Field"/> names the input the
/// rule is about (JSON path style, camelCase) and <see cref="Rule"/> is a stable code for clients.
/// </summary>
public sealed record Refusal(RefusalKind Kind, string Field, string Rule, string Message)
{
    public static Refusal Invalid(string field, string rule, string message) => new(RefusalKind.Invalid, field, rule, message);
    public static Refusal Conflict(string field, string rule, string message) => new(RefusalKind.Conflict, field, rule, message);
    public static Refusal NotFound(string field, string rule, string message) => new(RefusalKind.NotFound, field, rule, message);
    public static Refusal Forbidden(string field, string rule, string message) => new(RefusalKind.Forbidden, field, rule, message);
}

public enum RefusalKind
{
    /// <summary>The input breaks a rule given the current state (422).</summary>
    Invalid,
    /// <summary>The state does not allow this change (409).</summary>
    Conflict,
    /// <summary>Something the command refers to does not exist (404).</summary>
    NotFound,
    /// <summary>The user may not do this to this record, whatever their role allows elsewhere (403).</summary>
    Forbidden,
}

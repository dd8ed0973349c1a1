using Microsoft.AspNetCore.Mvc;

namespace ProgramTracker.Api.Common;

/// <summary>
/// What an <c>/api</c> endpoint answers when it succeeds, for the OpenAPI document. The errors, the headers and the
/// ProblemDetails shape are added for every operation by <see cref="Hosting.OpenApiContract"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReturnsAttribute<T> : ProducesResponseTypeAttribute<T>
{
    public ReturnsAttribute() : base(StatusCodes.Status200OK) { }

    public ReturnsAttribute(string contentType) : base(StatusCodes.Status200OK, contentType) { }

    /// <summary>The answer carries an <c>ETag</c>: the version of what was read.</summary>
    public bool ETag { get; init; }
}

/// <summary>A command on an existing stream, through <see cref="EventStreamWrites.DecideAsync{TState}"/>: 200 with the new version.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WritesAttribute() : ProducesResponseTypeAttribute<CommandAccepted>(StatusCodes.Status200OK);

/// <summary>A command that creates something: 201 with its <c>Location</c>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CreatesAttribute() : ProducesResponseTypeAttribute<CommandAccepted>(StatusCodes.Status201Created)
{
    /// <summary>False where the command starts a new stream, which has no version for <c>If-Match</c> to name.</summary>
    public bool HonoursIfMatch { get; init; } = true;
}

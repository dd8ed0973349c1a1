using Marten;
using ProgramTracker.Api.Common;

namespace ProgramTracker.Api.SampleData;

/// <summary>Sample data is written by the system actor, never by a person, and says so on every event.</summary>
public static class SampleDataSession
{
    public static void Stamp(IDocumentSession session, string loader)
    {
        session.LastModifiedBy = Actor.System.Name;
        session.CorrelationId = $"sample-data:{Guid.CreateVersion7():N}";
        session.CausationId = $"sample-data:{loader}";
        session.SetHeader("user-id", Actor.System.Id);
        session.SetHeader("command", "LoadSampleData");
        session.SetHeader("request", $"sample data: {loader}");
    }
}

using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Hosting;
using ProgramTracker.Api.Security;
using Wolverine.Http;
using Wolverine.Runtime;

namespace ProgramTracker.Api.Operations;

/// <summary>This node, and the background agents (async projections among them) it runs right now.</summary>
public sealed record NodeView(Guid NodeId, int NodeNumber, string Mode, string Machine, int ProcessId, IReadOnlyList<string> Agents);

public static class NodeInfo
{
    /// <summary>Which node answered and what it runs; for administrators.</summary>
    [Authorize(Policy = Policies.Administrator)]
    [Returns<NodeView>]
    [WolverineGet("/api/admin/node")]
    public static NodeView Get(IWolverineRuntime runtime, IConfiguration configuration) =>
        new(runtime.Options.UniqueNodeId, runtime.Options.Durability.AssignedNodeNumber,
            Cluster.IsEnabled(configuration) ? "cluster" : "solo", Environment.MachineName, Environment.ProcessId,
            runtime.Agents.AllRunningAgentUris().Select(u => u.ToString()).Order().ToList());
}

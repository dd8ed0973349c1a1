using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using JasperFx.CodeGeneration.Model;
using Marten;
using Wolverine.Http;

namespace ProgramTracker.Api.Hosting;

/// <summary>
/// A read endpoint reads through a Marten query session, as the pages do. Left alone, Wolverine's Marten integration
/// answers an <see cref="IQuerySession"/> with the outboxed document session it opens for writes (a Wolverine
/// <c>MessageContext</c>, a unit of work and the outbox's listeners on every GET), cast to the query interface. This
/// policy opens a plain query session first on every GET endpoint that reads through one and writes nothing, so the
/// generated handler finds that and never builds the rest. A chain that also takes an <see cref="IDocumentSession"/>
/// or a message bus is left as Wolverine made it: it may write, and its reads then see its own session.
/// </summary>
public sealed class QuerySessionsForReads : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(c => ReadsOnly(c, container)))
            chain.Middleware.Insert(0, new OpenQuerySessionFrame());
    }

    /// <summary>True for a GET endpoint whose dependencies include a query session and nothing that writes.</summary>
    public static bool ReadsOnly(HttpChain chain, IServiceContainer container)
    {
        if (!chain.HttpMethods.Any() || chain.HttpMethods.Any(m => !HttpMethods.IsGet(m))) return false;
        var dependencies = chain.ServiceDependencies(container, Type.EmptyTypes).ToHashSet();
        return dependencies.Contains(typeof(IQuerySession))
               && !dependencies.Contains(typeof(IDocumentSession))
               && !dependencies.Contains(typeof(Wolverine.IMessageBus))
               && !dependencies.Contains(typeof(Wolverine.IMessageContext))
               && !dependencies.Contains(typeof(Wolverine.Runtime.MessageContext));
    }

    /// <summary><c>await using var querySession = documentStore.QuerySession();</c></summary>
    internal sealed class OpenQuerySessionFrame : AsyncFrame
    {
        private Variable? _store;

        public OpenQuerySessionFrame() => Session = new Variable(typeof(IQuerySession), "querySession", this);

        public Variable Session { get; }

        public override IEnumerable<Variable> FindVariables(IMethodVariables chain)
        {
            _store = chain.FindVariable(typeof(IDocumentStore));
            yield return _store;
        }

        public override void GenerateCode(GeneratedMethod method, ISourceWriter writer)
        {
            writer.WriteComment("A read: a Marten query session, no outbox and no unit of work (Hosting/QuerySessions.cs)");
            writer.Write($"await using var {Session.Usage} = {_store!.Usage}.{nameof(IDocumentStore.QuerySession)}();");
            Next?.GenerateCode(method, writer);
        }
    }
}

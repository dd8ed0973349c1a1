using Marten;
using ProgramTracker.Api.Hosting;
using Wolverine;

namespace ProgramTracker.Api.Notifications.Mail;

/// <summary>
/// Mail delivery: <see cref="OutgoingMail"/> goes to the durable local queue "mail" (kept in the database with the
/// transaction that published it, so neither a crash nor a restart loses it), where <see cref="DeliverMailHandler"/>
/// sends it. People's addresses and preferences are <see cref="PersonProfile"/> documents.
/// </summary>
public static class Configuration
{
    public const string Queue = "mail";

    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        var settings = MailSettings.From(builder.Configuration, EmbeddedPostgresHosting.RepositoryRoot(builder.Environment.ContentRootPath));
        builder.Services.AddSingleton(settings);
        builder.Services.ConfigureMarten(options =>
        {
            options.Schema.For<SentMail>().DocumentAlias("sent_mail").Index(m => m.PersonId).Index(m => m.At);
            options.Schema.For<PersonProfile>().DocumentAlias("person_profile");
        });
        return builder;
    }

    public static void AddMail(this WolverineOptions options, IConfiguration configuration)
    {
        options.PublishMessage<OutgoingMail>().ToLocalQueue(Queue);
        // One SMTP conversation at a time per node: mail servers throttle senders that open many.
        options.LocalQueue(Queue).UseDurableInbox().Sequential();
        var settings = MailSettings.From(configuration, "");
        options.Policies.Add(new MailRetries(settings));
    }

    private sealed class MailRetries(MailSettings settings) : Wolverine.Configuration.IHandlerPolicy
    {
        public void Apply(IReadOnlyList<Wolverine.Runtime.Handlers.HandlerChain> chains, JasperFx.CodeGeneration.GenerationRules rules,
            JasperFx.IServiceContainer container)
        {
            foreach (var chain in chains.Where(c => c.MessageType == typeof(OutgoingMail))) DeliverMailHandler.ApplyRetries(chain, settings);
        }
    }
}

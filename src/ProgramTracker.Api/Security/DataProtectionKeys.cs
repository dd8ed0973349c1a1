using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace ProgramTracker.Api.Security;

/// <summary>One key of the ring that protects cookie sessions and antiforgery tokens, kept in the database.</summary>
public sealed class DataProtectionKey
{
    public string Id { get; set; } = "";
    public string Xml { get; set; } = "";
}

/// <summary>
/// Keeps the data-protection key ring in PostgreSQL, so every app node reads the sign-in cookie and the antiforgery
/// token any other node wrote, and a restart does not sign everyone out. The keys are stored as ASP.NET Core writes
/// them; protect the database (or add ProtectKeysWith… for a certificate) as you protect the events.
/// </summary>
/// <remarks>
/// IXmlRepository is synchronous; ASP.NET Core reads the ring at start and about once a day, and writes a key every
/// 90 days, so blocking on Marten's async calls here costs nothing a request would notice.
/// </remarks>
public sealed class MartenKeyRepository(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = store.QuerySession();
        var keys = session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult();
        return [.. keys.Select(k => XElement.Parse(k.Xml))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}

public static class DataProtectionKeys
{
    public const string ApplicationName = "ProgramTracker";

    public static IServiceCollection AddDatabaseDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options =>
                options.XmlRepository = new MartenKeyRepository(provider.GetRequiredService<IDocumentStore>())));
        services.ConfigureMarten(options => options.Schema.For<DataProtectionKey>().DocumentAlias("data_protection_key"));
        return services;
    }
}

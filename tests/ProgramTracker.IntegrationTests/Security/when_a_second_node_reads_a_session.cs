using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using ProgramTracker.Api.Security;

namespace ProgramTracker.IntegrationTests.Security;

/// <summary>
/// Cookie sessions and antiforgery tokens are protected with a key ring kept in the database, so a node that did
/// not write them (another app node behind the proxy, or this one after a restart) still reads them.
/// </summary>
public sealed class when_a_second_node_reads_a_session(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public void what_one_node_protected_another_node_on_the_same_database_unprotects()
    {
        var first = App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("sessions");
        var protectedText = first.Protect("signed in as the demo officer");

        var secondNode = new ServiceCollection();
        secondNode.AddDataProtection().SetApplicationName(DataProtectionKeys.ApplicationName);
        secondNode.Configure<KeyManagementOptions>(options => options.XmlRepository = new MartenKeyRepository(App.Store));
        using var services = secondNode.BuildServiceProvider();
        var second = services.GetRequiredService<IDataProtectionProvider>().CreateProtector("sessions");

        second.Unprotect(protectedText).ShouldBe("signed in as the demo officer");
        new MartenKeyRepository(App.Store).GetAllElements().ShouldNotBeEmpty();
    }
}

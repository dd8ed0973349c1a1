using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Dashboards;

namespace ProgramTracker.UnitTests;

public class when_the_portfolio_keeps_its_parties
{
    private static readonly PortfolioPartyProjection Projection = new();

    private static PortfolioParty? Kept(string partyId, params object[] events) =>
        Given.Stamped(events).Aggregate((PortfolioParty?)null, (party, e) => Projection.Evolve(party, partyId, e));

    [Fact]
    public void a_registration_offers_each_of_its_parties_with_its_name_and_country()
    {
        var party = Kept("la-moha", Given.Registered()).ShouldNotBeNull();

        party.View.ShouldBe(new PartyView("la-moha", new LocalizedText(En: "Ministry of Home Affairs (Lao PDR)", Lo: "ກະຊວງພາຍໃນ"), "LA", null));
    }

    [Fact]
    public void a_later_agreement_naming_the_party_differently_leaves_the_first_name()
    {
        var later = Given.Registered() with
        {
            AgreementId = Guid.NewGuid(),
            Parties = [new Party("la-moha", new LocalizedText(En: "Renamed ministry"), "LA", "MoHA")],
        };

        var party = Kept("la-moha", Given.Registered(), later).ShouldNotBeNull();

        party.Name.En.ShouldBe("Ministry of Home Affairs (Lao PDR)");
        party.ShortName.ShouldBeNull();
    }

    [Fact]
    public void an_event_that_does_not_name_the_party_offers_nothing()
    {
        Kept("th-moi", Given.Registered(), new AgreementAmended(Given.AgreementId, "Annex", null, "Signed", null)).ShouldBeNull();
    }
}

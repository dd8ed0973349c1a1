using ProgramTracker.Api.Audit;

namespace ProgramTracker.UnitTests;

public class when_an_event_is_hashed_into_the_audit_chain
{
    private static readonly EventRow Event = new(42, "0199d3a0-0000-7000-8000-000000000001", "5a3e0000-0000-4000-8000-0000000b0002", 3,
        "milestone_completed", "2026-11-30T14:00:00.123456Z", "*DEFAULT*", "ProgramTracker.Api.Workstreams.MilestoneCompleted, ProgramTracker.Api",
        false, "{\"command\": \"CompleteMilestone\"}", "officer", "corr-1", "cause-1", "{\"note\": \"done\"}");

    // The hashes a chain already stores must never change: these were worked out apart from the app's code, from the
    // format in the summary above (UTF-8 text, each value prefixed by its length in UTF-16 code units, as .NET counts
    // a string), with Python's hashlib, and the app's code gave the same before its hashing was made cheaper.
    [Fact]
    public void a_row_hashes_to_the_value_the_chain_has_always_stored()
    {
        var link = AuditChain.Link(AuditChain.Genesis, Event);

        link.DataHash.ShouldBe("75f5a1f848f55d60b4516b6449c3daf694f4ffc596dacc8849c303fc045be474");
        link.MetadataHash.ShouldBe("83c33e5c9bad60d04491ab9e30bdfb7bcfbde534eca79f293a3ecf860ffa3696");
        link.Hash.ShouldBe("2ba91d7d682be6c7c512db1c7f7567cb8e17f0694243c08f8006bcb4d3877f87");
        AuditChain.LinkHash(AuditChain.Genesis, Event).ShouldBe(link.Hash);
    }

    [Fact]
    public void text_beyond_ascii_and_absent_values_hash_to_the_value_the_chain_has_always_stored()
    {
        // Lao, Vietnamese and Thai text, a flag and an emoji (surrogate pairs: two UTF-16 code units, four UTF-8 bytes).
        var row = Event with
        {
            UserName = "ເຈົ້າໜ້າທີ່ 🇱🇦", Data = "{\"note\": \"ສຳເລັດ – hoàn thành – เสร็จ 😀\"}", Headers = null, CausationId = null,
        };
        var link = AuditChain.Link(AuditChain.Genesis, row);

        link.DataHash.ShouldBe("c06b452dbf048d7f13c30a6d03cce6ad1228fdaa914dd477fc96e4a13964c7b3");
        link.MetadataHash.ShouldBe("6ec08e7b212029744e2052cf0a2c089918f659953a41e9de1b4fdb768dc0d933");
        link.Hash.ShouldBe("2822edcc9ff13756913e8974201106c3b9a969bb569f062d9f710888d175c7a4");
    }

    [Fact]
    public void linking_an_event_allocates_its_three_hashes_and_the_link_and_nothing_in_proportion_to_the_row()
    {
        // Every event is linked once, on the write path's heels; the text hashed used to be built as strings and then
        // copied to UTF-8 (10,136 B a link for a progress report of 1 KB; for this 4 KB row the data's UTF-8 copy alone
        // was 4 KB), and the data and metadata were hashed twice.
        var row = Event with { Data = "{\"narrative\": {\"en\": \"" + new string('x', 4000) + "\", \"lo\": \"ຕິດຕັ້ງຕູ້ແລ້ວ\"}}" };
        var expected = AuditChain.Link(AuditChain.Genesis, row);
        for (var i = 0; i < 100; i++) AuditChain.Link(AuditChain.Genesis, row);

        var links = new ChainLink[100];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < links.Length; i++) links[i] = AuditChain.Link(AuditChain.Genesis, row);
        var perLink = (GC.GetAllocatedBytesForCurrentThread() - before) / links.Length;

        links.ShouldAllBe(link => link == expected);

        // Three 64-character hex strings (152 B each on 64-bit) and the ChainLink; a 4 KB row's text costs nothing.
        perLink.ShouldBeLessThan(1024, $"{perLink} B per link");
    }

    [Fact]
    public void the_same_row_after_the_same_link_always_gives_the_same_hash()
    {
        AuditChain.LinkHash(AuditChain.Genesis, Event).ShouldBe(AuditChain.LinkHash(AuditChain.Genesis, Event with { }));
        AuditChain.LinkHash(AuditChain.Genesis, Event).Length.ShouldBe(64);
    }

    [Fact]
    public void every_field_and_the_previous_link_change_the_hash()
    {
        var original = AuditChain.LinkHash(AuditChain.Genesis, Event);
        EventRow[] changed =
        [
            Event with { Sequence = 43 }, Event with { Id = "0199d3a0-0000-7000-8000-000000000002" },
            Event with { StreamId = "5a3e0000-0000-4000-8000-0000000b0003" }, Event with { Version = 4 },
            Event with { Type = "milestone_dropped" }, Event with { Timestamp = "2026-11-30T14:00:00.123457Z" },
            Event with { TenantId = null }, Event with { DotNetType = "Other" }, Event with { IsArchived = true },
            Event with { Headers = null }, Event with { UserName = "someone else" }, Event with { CorrelationId = "corr-2" },
            Event with { CausationId = null }, Event with { Data = "{\"note\": \"not done\"}" },
        ];

        changed.Select(e => AuditChain.LinkHash(AuditChain.Genesis, e)).ShouldAllBe(h => h != original);
        AuditChain.LinkHash(new string('1', 64), Event).ShouldNotBe(original);
    }

    [Fact]
    public void moving_text_from_one_field_to_the_next_is_not_the_same_row()
    {
        var a = Event with { UserName = "ab", CorrelationId = "c" };
        var b = Event with { UserName = "a", CorrelationId = "bc" };

        AuditChain.LinkHash(AuditChain.Genesis, a).ShouldNotBe(AuditChain.LinkHash(AuditChain.Genesis, b));
    }

    [Fact]
    public void an_absent_value_is_not_an_empty_one()
    {
        AuditChain.LinkHash(AuditChain.Genesis, Event with { CausationId = null })
            .ShouldNotBe(AuditChain.LinkHash(AuditChain.Genesis, Event with { CausationId = "" }));
    }

    [Fact]
    public void each_link_carries_the_previous_hash_so_links_form_a_chain()
    {
        var first = AuditChain.Link(AuditChain.Genesis, Event);
        var second = AuditChain.Link(first.Hash, Event with { Sequence = 43, Version = 4 });

        second.PreviousHash.ShouldBe(first.Hash);
        first.DataHash.ShouldBe(AuditChain.DataHash(Event));
        first.MetadataHash.ShouldNotBe(AuditChain.MetadataHash(Event with { UserName = "someone else" }));
    }
}

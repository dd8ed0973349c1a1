using ProgramTracker.Api.Common;
using ProgramTracker.Api.Notifications;
using ProgramTracker.Api.Notifications.Reminders;
using static ProgramTracker.UnitTests.Notifications.Reminded;

namespace ProgramTracker.UnitTests.Notifications;

public class when_a_digest_is_written
{
    private static readonly DateOnly Day = new(2024, 5, 23);
    private static readonly Guid WorkstreamId = Guid.Parse("0195d3a0-0000-7000-8000-000000000002");

    private static readonly LocalizedText MilestoneTitle = new(En: "Curriculum approved", Lo: "ຫຼັກສູດໄດ້ຮັບການຮັບຮອງ", Th: "หลักสูตรได้รับการอนุมัติ");

    private static readonly ReminderItem Overdue =
        new(ReminderItemKind.MilestoneOverdue, MilestoneTitle, new DateOnly(2024, 5, 10), $"/workstreams/{WorkstreamId}", "TRAIN");

    private static readonly ReminderItem ActionDue =
        new(ReminderItemKind.ActionItemDueSoon, new LocalizedText("Send the delegation list"), new DateOnly(2024, 5, 28), "/committees/c1",
            ContextTitle: new LocalizedText(En: "Joint steering committee", Lo: "ຄະນະກຳມະການຊີ້ນຳຮ່ວມ"));

    [Fact]
    public void its_id_is_the_person_and_the_day() => Digest.MailId("anna", Day).ShouldBe("digest:anna:2024-05-23");

    [Fact]
    public void a_lao_reader_gets_lao_words_lao_titles_and_absolute_links()
    {
        var mail = Digest.Compose(Profile("lo"), null, [Overdue, ActionDue], Day, PublicUrl).ShouldNotBeNull();

        mail.Id.ShouldBe("digest:anna:2024-05-23");
        mail.Language.ShouldBe("lo");
        mail.To.ShouldBe("anna@example.org");
        mail.Subject.ShouldStartWith("ProgramTracker: ການແຈ້ງເຕືອນຂອງທ່ານສຳລັບວັນທີ ");
        mail.TextBody.ShouldContain("ຈຸດໝາຍ ແລະ ວຽກງານຂອງທ່ານ");
        mail.TextBody.ShouldContain("ຫຼັກສູດໄດ້ຮັບການຮັບຮອງ (TRAIN) ຄົບກຳນົດໃນວັນທີ");
        mail.TextBody.ShouldContain("ຄະນະກຳມະການຊີ້ນຳຮ່ວມ");
        mail.TextBody.ShouldContain($"https://programtracker.example.org/workstreams/{WorkstreamId}");
        mail.HtmlBody!.ShouldContain("<html lang=\"lo\">");
        mail.HtmlBody!.ShouldContain($"href=\"https://programtracker.example.org/workstreams/{WorkstreamId}\"");
        mail.Kinds.ShouldBe([ReminderKind.Milestones, ReminderKind.ActionItems]);
    }

    [Fact]
    public void dates_are_written_in_the_readers_culture_and_the_gregorian_calendar()
    {
        Digest.Compose(Profile("en"), null, [Overdue], Day, PublicUrl)!.Subject.ShouldBe("ProgramTracker: your reminders for 23 May 2024");
        Digest.Compose(Profile("vi"), null, [Overdue], Day, PublicUrl)!.Subject.ShouldBe("ProgramTracker: nhắc việc của bạn ngày 23/05/2024");
        // Thai dates stay Gregorian (2024, not the Buddhist-era 2567), so that dates compare across countries.
        var thai = Digest.Compose(Profile("th"), null, [Overdue], Day, PublicUrl)!;
        thai.Subject.ShouldContain("2024");
        thai.Subject.ShouldNotContain("2567");
        thai.TextBody.ShouldContain("หลักสูตรได้รับการอนุมัติ");
    }

    [Fact]
    public void the_language_falls_back_to_the_last_one_used_then_english()
    {
        var lastUsed = new PersonProfile { Id = Anna, Email = "anna@example.org", LastUsedLanguage = "th" };
        Digest.Compose(lastUsed, "Anna", [Overdue], Day, PublicUrl)!.Language.ShouldBe("th");

        var unknown = new PersonProfile { Id = Anna, Email = "anna@example.org", Language = "fr" };
        var english = Digest.Compose(unknown, "Anna", [Overdue], Day, PublicUrl)!;
        english.Language.ShouldBe("en");
        english.TextBody.ShouldStartWith("Dear Anna,");
    }

    [Fact]
    public void a_title_missing_in_the_readers_language_is_written_in_another()
    {
        var mail = Digest.Compose(Profile("vi"), null, [Overdue], Day, PublicUrl)!;
        mail.TextBody.ShouldContain("Curriculum approved (TRAIN) đến hạn ngày 10/05/2024 và đã quá hạn.");
    }

    [Fact]
    public void kinds_switched_off_are_left_out() =>
        Digest.Compose(Profile("en", switchedOff: ReminderKind.Milestones), null, [Overdue, ActionDue], Day, PublicUrl)!
            .Kinds.ShouldBe([ReminderKind.ActionItems]);

    [Fact]
    public void nothing_is_written_when_every_kind_is_switched_off() =>
        Digest.Compose(Profile("en", switchedOff: [ReminderKind.Milestones, ReminderKind.ActionItems]), null, [Overdue, ActionDue], Day, PublicUrl)
            .ShouldBeNull();

    [Fact]
    public void nothing_is_written_when_there_is_nothing_to_say() => Digest.Compose(Profile("en"), null, [], Day, PublicUrl).ShouldBeNull();

    [Fact]
    public void nothing_is_written_without_an_address()
    {
        Digest.Compose(Profile("en", email: null), null, [Overdue], Day, PublicUrl).ShouldBeNull();
        Digest.Compose(Profile("en", email: " "), null, [Overdue], Day, PublicUrl).ShouldBeNull();
    }

    [Fact]
    public void text_from_people_is_escaped_in_the_html()
    {
        var item = Overdue with { Title = new LocalizedText("<script>alert(1)</script>") };
        var mail = Digest.Compose(Profile("en"), null, [item], Day, PublicUrl)!;
        mail.HtmlBody!.ShouldNotContain("<script>");
        mail.HtmlBody!.ShouldContain("&lt;script&gt;");
    }

    [Fact]
    public void a_meeting_ahead_links_its_review_pack_and_lists_its_agenda()
    {
        var meeting = new ReminderItem(ReminderItemKind.MeetingAhead, new LocalizedText("Joint steering committee"), new DateOnly(2024, 5, 30),
            "/committees/c1/meetings/m1", Agenda: [new LocalizedText("TRAIN Training in public administration")], ReviewPackPath: "/agreements/a1/review-pack",
            Note: "Vientiane");
        var mail = Digest.Compose(Profile("en"), null, [meeting], Day, PublicUrl)!;
        mail.TextBody.ShouldContain("Joint steering committee meets on 30 May 2024.");
        mail.TextBody.ShouldContain("Place: Vientiane");
        mail.TextBody.ShouldContain("* TRAIN Training in public administration");
        mail.TextBody.ShouldContain("Review pack: https://programtracker.example.org/agreements/a1/review-pack");
        mail.Kinds.ShouldBe([ReminderKind.Meetings]);
    }
}

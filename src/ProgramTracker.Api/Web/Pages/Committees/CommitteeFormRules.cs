using Microsoft.Extensions.Localization;
using ProgramTracker.Api.Committees;

namespace ProgramTracker.Api.Web.Pages.Committees;

/// <summary>
/// The words for every rule code the committee commands refuse with (their Validate and Decide), per form, from
/// the resources' <c>CommitteeRule_{code}</c>. A code that means something else in one form ("future-date" for a
/// meeting) names its own key.
/// </summary>
public static class CommitteeFormRules
{
    public static Dictionary<string, string> Appoint(IStringLocalizer l) => Words(l,
        "before-established", "party-unknown", "party-other-side", "workstream-other-agreement", "already-member", "second-chair",
        "workstreamId:required", "focal-point-only");

    public static Dictionary<string, string> Relieve(IStringLocalizer l) =>
        Words(l, "not-in-role", "already-relieved", "before-appointed").With(l, "not-a-member", "relieve-not-a-member");

    public static Dictionary<string, string> Schedule(IStringLocalizer l) =>
        Words(l, "before-established", "workstream-other-agreement", "meeting-exists").With(l, "max-agenda", "too-many");

    public static Dictionary<string, string> Hold(IStringLocalizer l) =>
        Words(l, "meeting-not-found", "already-held", "before-established")
            .With(l, "future-date", "hold-future-date").With(l, "not-a-member", "hold-not-a-member")
            .With(l, "max-attendees", "too-many").With(l, "max-guests", "too-many");

    public static Dictionary<string, string> Review(IStringLocalizer l) =>
        Words(l, "meeting-not-found", "meeting-not-held", "workstream-other-agreement", "already-reviewed");

    /// <summary>The quorum refusal is worded with this meeting's own figures and the committee's rule.</summary>
    public static Dictionary<string, string> Decision(IStringLocalizer l, Committee committee, Meeting meeting)
    {
        var rules = Words(l, "meeting-not-found", "meeting-not-held", "workstream-other-agreement", "votes-exceed-attendees", "decision-exists",
                "votes-or-consensus")
            .With(l, "votes:range", "votes-range").With(l, "max-workstreams", "too-many");
        rules["no-quorum"] = l["CommitteeRule_no-quorum", Display.Number(meeting.Attendees?.Count ?? 0), Display.Number(meeting.QuorumRequired),
            QuorumWords(l, committee.Quorum)].Value;
        return rules;
    }

    public static Dictionary<string, string> Assign(IStringLocalizer l) =>
        Words(l, "meeting-not-found", "before-established", "workstream-other-agreement", "name-required", "action-item-exists", "assignee-required")
            .With(l, "future-date", "assign-future-date").With(l, "before-assigned", "due-before-assigned");

    /// <summary>Update, complete and drop: an open item, on a day neither to come nor before it was assigned.</summary>
    public static Dictionary<string, string> ActOnItem(IStringLocalizer l) =>
        Words(l, "action-item-not-found", "action-item-closed", "future-date", "before-assigned");

    public static string QuorumWords(IStringLocalizer l, QuorumRule quorum) =>
        quorum.Kind == QuorumKind.Fixed ? l["Quorum_RuleFixed", Display.Number(quorum.Count ?? 1)].Value : l["Quorum_RuleMajority"].Value;

    private static Dictionary<string, string> Words(IStringLocalizer l, params string[] codes) =>
        codes.Distinct().ToDictionary(code => code, code => l[$"CommitteeRule_{code.Replace(':', '-')}"].Value);

    private static Dictionary<string, string> With(this Dictionary<string, string> rules, IStringLocalizer l, string code, string key)
    {
        rules[code] = l[$"CommitteeRule_{key}"].Value;
        return rules;
    }
}

namespace ProgramTracker.Api.Web.Resources;

/// <summary>Marker for the interface strings in Strings.resx and its vi, lo and th translations.</summary>
public sealed class Strings;

using System.Text.Encodings.Web;

namespace ProgramTracker.Api.Web;

/// <summary>
/// What the hand-written fragments (<see cref="Fragments"/>, the form fields) write with: markup as it is, text
/// encoded, and attributes left out as Razor leaves them when they have nothing to say.
/// </summary>
public readonly struct HtmlOut(TextWriter writer, HtmlEncoder encoder)
{
    public void Raw(string markup) => writer.Write(markup);

    public void Raw(char markup) => writer.Write(markup);

    /// <summary>Encoded text; nothing for null.</summary>
    public void Text(string? value)
    {
        if (value is not null) encoder.Encode(writer, value);
    }

    /// <summary><c>{prefix}="{value}"</c>, the prefix holding the whitespace and the name; nothing for null.</summary>
    public void Attribute(string prefix, string? value)
    {
        if (value is null) return;
        writer.Write(prefix);
        writer.Write("=\"");
        encoder.Encode(writer, value);
        writer.Write('"');
    }

    /// <summary>A boolean attribute as Razor writes it (<c>checked="checked"</c>), or nothing.</summary>
    public void Flag(string prefix, string name, bool on)
    {
        if (!on) return;
        writer.Write(prefix);
        writer.Write(name);
        writer.Write("=\"");
        writer.Write(name);
        writer.Write('"');
    }
}

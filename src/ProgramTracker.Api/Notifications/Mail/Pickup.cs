using System.Text.RegularExpressions;
using MimeKit;

namespace ProgramTracker.Api.Notifications.Mail;

/// <summary>The pickup folder: one .eml file per mail, named by when it was written and its id, newest last by name.</summary>
public static partial class Pickup
{
    public static async Task<string> WriteAsync(MimeMessage message, string mailId, string directory, DateTimeOffset at, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var name = $"{at.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}-{Unsafe().Replace(mailId, "_")}";
        if (name.Length > 120) name = name[..120];
        var path = Path.Combine(directory, name + ".eml");
        // Written aside and moved in, so a reader never sees half a message.
        var partial = path + ".partial";
        await message.WriteToAsync(partial, ct);
        File.Move(partial, path, overwrite: true);
        return name;
    }

    /// <summary>The newest <paramref name="take"/> messages in the folder, newest first.</summary>
    public static async Task<IReadOnlyList<(string Name, MimeMessage Message)>> ListAsync(string directory, int take, CancellationToken ct)
    {
        if (!Directory.Exists(directory)) return [];
        var files = new DirectoryInfo(directory).EnumerateFiles("*.eml")
            .OrderByDescending(f => f.Name, StringComparer.Ordinal).Take(take).ToList();
        var list = new List<(string, MimeMessage)>(files.Count);
        foreach (var file in files)
        {
            try
            {
                list.Add((Path.GetFileNameWithoutExtension(file.Name), await MimeMessage.LoadAsync(file.FullName, ct)));
            }
            catch (Exception e) when (e is FormatException or IOException)
            {
                // A file someone else dropped or is still writing: not a message we can list.
            }
        }
        return list;
    }

    /// <summary>One message by its file name (without .eml); null for a name that is not one of the folder's files.</summary>
    public static async Task<MimeMessage?> ReadAsync(string directory, string name, CancellationToken ct)
    {
        if (!Name().IsMatch(name)) return null;
        var path = Path.Combine(directory, name + ".eml");
        if (!File.Exists(path)) return null;
        try
        {
            return await MimeMessage.LoadAsync(path, ct);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex Unsafe();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$")]
    private static partial Regex Name();
}

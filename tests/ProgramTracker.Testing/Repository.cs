namespace ProgramTracker.Testing;

public static class Repository
{
    /// <summary>The checkout the running code was built in: the first folder above it that holds ProgramTracker.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "ProgramTracker.sln"))) return dir.FullName;
        }
        throw new FileNotFoundException($"No ProgramTracker.sln above {AppContext.BaseDirectory}.");
    }
}

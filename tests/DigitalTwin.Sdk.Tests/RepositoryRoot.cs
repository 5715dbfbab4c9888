namespace DigitalTwin.Sdk.Tests;

/// <summary>The repository checkout the tests run from (the directory holding DigitalTwin.Sdk.sln).</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "DigitalTwin.Sdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No DigitalTwin.Sdk.sln above {AppContext.BaseDirectory}.");
    });

    public static string Path => Root.Value;
}

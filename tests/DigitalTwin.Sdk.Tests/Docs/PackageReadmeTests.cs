using System.Text.RegularExpressions;

namespace DigitalTwin.Sdk.Tests.Docs;

/// <summary>A package README is shown on nuget.org, away from the repository: every link in it must be absolute.</summary>
[Trait("Category", "Conventions")]
public sealed partial class PackageReadmeTests
{
    [Fact]
    public void PackageReadmes_LinkAbsolutely()
    {
        var readmes = Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "src"))
            .Select(d => Path.Combine(d, "README.md"))
            .Where(File.Exists)
            .ToList();

        var relative = readmes
            .SelectMany(file => MarkdownLink().Matches(File.ReadAllText(file))
                .Select(m => m.Groups["target"].Value)
                .Where(target => !target.StartsWith("https://", StringComparison.Ordinal) && !target.StartsWith("http://", StringComparison.Ordinal) && !target.StartsWith('#'))
                .Select(target => $"{Path.GetRelativePath(RepositoryRoot.Path, file)}: {target}"))
            .ToList();

        Assert.True(readmes.Count >= 7, $"found {readmes.Count} package READMEs");
        Assert.True(relative.Count == 0, "relative links in package READMEs:" + Environment.NewLine + string.Join(Environment.NewLine, relative));
    }

    [Fact]
    public void MarkdownLink_FindsRelativeLinks()
    {
        Assert.Equal("docs/tandem.md", MarkdownLink().Match("see [Tandem](docs/tandem.md) for more").Groups["target"].Value);
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();
}

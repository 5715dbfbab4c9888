using System.Text.RegularExpressions;

namespace DigitalTwin.Sdk.Tests.Docs;

/// <summary>One fenced C# block of a markdown file, with its opt-out when the line above the fence says so.</summary>
/// <param name="File">Path relative to the repository root.</param>
/// <param name="Line">1-based line of the opening fence.</param>
/// <param name="Code">The block's text.</param>
/// <param name="OptOut">The reason of a <c>&lt;!-- snippet: no-compile reason --&gt;</c> marker right above the fence, or <see langword="null"/>.</param>
internal sealed partial record DocSnippet(string File, int Line, string Code, string? OptOut)
{
    /// <summary>Gets the id shown in test names: <c>docs/tandem.md:42</c>.</summary>
    public string Id => $"{File}:{Line}";

    /// <summary>Every C# block of README.md, docs/*.md and src/*/README.md.</summary>
    public static IReadOnlyList<DocSnippet> All { get; } = Load();

    private static List<DocSnippet> Load()
    {
        var root = RepositoryRoot.Path;
        var files = new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md"))
            .Concat(Directory.GetDirectories(Path.Combine(root, "src")).Select(d => Path.Combine(d, "README.md")).Where(System.IO.File.Exists))
            .Order(StringComparer.Ordinal);
        var snippets = new List<DocSnippet>();
        foreach (var file in files)
        {
            var lines = System.IO.File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].TrimStart().StartsWith("```csharp", StringComparison.Ordinal))
                {
                    continue;
                }

                var start = i;
                var body = new List<string>();
                for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++)
                {
                    body.Add(lines[i]);
                }

                var above = start - 1;
                while (above >= 0 && string.IsNullOrWhiteSpace(lines[above]))
                {
                    above--;
                }

                var marker = above >= 0 ? OptOutMarker().Match(lines[above]) : Match.Empty;
                snippets.Add(new DocSnippet(
                    Path.GetRelativePath(root, file).Replace('\\', '/'),
                    start + 1,
                    string.Join('\n', body),
                    marker.Success ? marker.Groups["reason"].Value.Trim() : null));
            }
        }

        return snippets;
    }

    [GeneratedRegex(@"^\s*<!--\s*snippet:\s*no-compile\s+(?<reason>.+?)\s*-->\s*$")]
    private static partial Regex OptOutMarker();
}

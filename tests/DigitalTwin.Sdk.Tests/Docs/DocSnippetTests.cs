using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DigitalTwin.Sdk.Tests.Docs;

/// <summary>
/// Docs stay true by construction: every C# block of README.md, docs/ and the package READMEs is compiled against the
/// SDK's assemblies. A block may opt out only with a reason (<c>&lt;!-- snippet: no-compile reason --&gt;</c> right
/// above the fence).
/// </summary>
[Trait("Category", "Conventions")]
public sealed class DocSnippetTests
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))]);

    public static TheoryData<string> Snippets => [.. DocSnippet.All.Where(s => s.OptOut is null).Select(s => s.Id)];

    [Fact]
    public void TheDocsHaveSnippets_AndEveryOptOutGivesAReason()
    {
        Assert.True(DocSnippet.All.Count >= 30, $"found only {DocSnippet.All.Count} C# blocks; is the repository root right?");
        Assert.All(DocSnippet.All.Where(s => s.OptOut is not null), s => Assert.True(s.OptOut!.Length >= 10, $"{s.Id}: opt-out without a reason"));
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_Compiles(string id)
    {
        var snippet = DocSnippet.All.Single(s => s.Id == id);

        var errors = Compile(snippet);

        Assert.True(errors.Count == 0, $"{id} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}{Environment.NewLine}{snippet.Code}");
    }

    [Fact]
    public void Compile_ReportsABrokenSnippet()
    {
        var errors = Compile(new DocSnippet("self-test.md", 1, "var client = new LifecycleTwinClient(new LifecycleTwinOptions(), 42);", null));

        Assert.NotEmpty(errors);
    }

    private static List<string> Compile(DocSnippet snippet)
    {
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var code = SyntaxFactory.ParseSyntaxTree(snippet.Code, options, path: snippet.File);
        var hasStatements = code.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any();
        var ambient = SyntaxFactory.ParseSyntaxTree(SnippetAmbient.Source(snippet.File), options, path: "ambient.cs");
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [ambient, code],
            References.Value,
            new CSharpCompilationOptions(hasStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return [.. compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")];
    }
}

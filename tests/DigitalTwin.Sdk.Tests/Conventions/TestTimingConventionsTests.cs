using System.Text.RegularExpressions;

namespace DigitalTwin.Sdk.Tests.Conventions;

/// <summary>
/// Tests run on a fake clock (Microsoft.Extensions.TimeProvider.Testing) and wait for conditions, never for time: no
/// thread sleeps, no stopwatches, no task delays in test code outside the allow-list below.
/// </summary>
[Trait("Category", "Conventions")]
public sealed partial class TestTimingConventionsTests
{
    /// <summary>Files (or folders, ending in '/') under tests/ that may use wall-clock waiting, each with its reason.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["DigitalTwin.Sdk.TestUtilities/Waiting.cs"] =
            "the one polling helper: waits for a condition, the timeout is only a no-hang bound",
        ["DigitalTwin.Sdk.TestUtilities/TestTime.cs"] =
            "DriveAsync yields to the code under test between fake-clock steps; the real-time bound only stops a hang",
        ["DigitalTwin.Sdk.Reliability.Tests/Chaos/JsonRpcChaosTests.cs"] =
            "the chaos load generator paces its publisher on the wall clock; no assertion depends on the pace",
        ["DigitalTwin.Sdk.Reliability.Tests/Uploads/BulkUploadTests.cs"] =
            "retries a call until the real socket has reconnected (a poll for a condition, asserts nothing on time)",
    };

    private static readonly string[] Forbidden = ["Thread" + ".Sleep", "Stop" + "watch", "Task" + ".Delay(", "TimeProvider.System" + ".GetTimestamp", "TimeProvider.System" + ".GetElapsedTime"];

    [Fact]
    public void TestSources_DoNotWaitOnOrMeasureTheWallClock()
    {
        var tests = Path.Combine(FindRepositoryRoot(), "tests");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(tests, file).Replace('\\', '/');
            if (IsBuildOutput(relative) || IsAllowed(relative))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var code = StripComment(lines[i]);
                if (Forbidden.Any(f => code.Contains(f, StringComparison.Ordinal)))
                {
                    offenders.Add($"tests/{relative}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(offenders.Count == 0, "Wait on a condition (Waiting.WaitUntilAsync) or advance a FakeTimeProvider instead:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void AllowList_NamesOnlyExistingPaths()
    {
        var tests = Path.Combine(FindRepositoryRoot(), "tests");
        var stale = Allowed.Keys.Where(p => p.EndsWith('/') ? !Directory.Exists(Path.Combine(tests, p)) : !File.Exists(Path.Combine(tests, p))).ToList();

        Assert.Empty(stale);
    }

    private static bool IsBuildOutput(string relative) => BuildOutput().IsMatch(relative);

    private static bool IsAllowed(string relative) =>
        Allowed.ContainsKey(relative) || Allowed.Keys.Any(p => p.EndsWith('/') && relative.StartsWith(p, StringComparison.Ordinal));

    /// <summary>Drops a trailing // comment (doc comments and prose may name the forbidden calls).</summary>
    private static string StripComment(string line)
    {
        var comment = line.IndexOf("//", StringComparison.Ordinal);
        return comment < 0 ? line : line[..comment];
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")) && Directory.Exists(Path.Combine(dir.FullName, "tests")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(^|/)(bin|obj)/")]
    private static partial Regex BuildOutput();
}

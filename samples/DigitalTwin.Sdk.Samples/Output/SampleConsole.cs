using Spectre.Console;

namespace DigitalTwin.Sdk.Samples.Output;

/// <summary>Sets up <see cref="AnsiConsole"/> for where the output goes.</summary>
internal static class SampleConsole
{
    /// <summary>Width used when output is redirected, wide enough for the ids in the tables.</summary>
    public const int RedirectedWidth = 120;

    /// <summary>
    /// When standard output is redirected (a CI log, a file, a pipe) the console is made non-interactive with no ANSI
    /// codes: progress bars then print plain milestone lines instead of redrawing with cursor movement (Spectre would
    /// otherwise still draw them when standard input is a terminal), and tables get a fixed width instead of 80.
    /// In a terminal nothing changes.
    /// </summary>
    public static void Configure()
    {
        if (!Console.IsOutputRedirected)
        {
            return;
        }

        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        AnsiConsole.Profile.Width = RedirectedWidth;
    }
}

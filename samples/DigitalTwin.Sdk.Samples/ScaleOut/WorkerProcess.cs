using System.Diagnostics;
using System.Globalization;

namespace DigitalTwin.Sdk.Samples.ScaleOut;

/// <summary>A running <c>scale-out-worker</c> process and what it reported so far.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _errors = [];
    private int _ok;
    private int _failed;
    private int? _exitCode;

    private WorkerProcess(int index, Process process)
    {
        Index = index;
        _process = process;
        Started = Stopwatch.GetTimestamp();
    }

    public int Index { get; }

    public long Started { get; }

    public int Ok => Volatile.Read(ref _ok);

    public int Failed => Volatile.Read(ref _failed);

    public double? Seconds { get; private set; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public bool HasExited => _exitCode is not null || _process.HasExited;

    /// <summary>Gets the exit code (-1 while running, or when the worker was killed).</summary>
    public int ExitCode => _exitCode ?? (_process.HasExited ? _process.ExitCode : -1);

    public Task Ready => _ready.Task;

    /// <summary>Starts this program again as a worker, with the emulator's settings in its environment.</summary>
    public static WorkerProcess Start(int index, string program, IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string>> environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The worker process did not start.");
        var worker = new WorkerProcess(index, process);
        process.OutputDataReceived += (_, e) => worker.Read(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Fail(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public void Dispose()
    {
        if (_exitCode is not null)
        {
            return;
        }

        if (_process.HasExited)
        {
            _exitCode = _process.ExitCode;
        }
        else
        {
            _process.Kill(entireProcessTree: true);
            _exitCode = -1;
        }

        _process.Dispose();
    }

    /// <summary>
    /// The program and arguments that run the samples app as a worker: <c>dotnet DigitalTwin.Sdk.Samples.dll</c>, with
    /// the dotnet host that runs this process (or <c>DOTNET_HOST_PATH</c>, or <c>dotnet</c> on the PATH) — also when the
    /// caller is another app (a test host, the benchmarks) that carries the samples assembly.
    /// </summary>
    public static (string Program, List<string> Arguments) Self()
    {
        var entry = typeof(WorkerProcess).Assembly.Location;
        var current = Environment.ProcessPath;
        var host = current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? current
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } configured ? configured : "dotnet";
        return (host, [entry]);
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        var parts = line.Split(' ');
        switch (parts[0])
        {
            case "READY":
                _ready.TrySetResult();
                break;
            case "DONE-ONE" when parts.Length == 3:
                Volatile.Write(ref _ok, int.Parse(parts[1], CultureInfo.InvariantCulture));
                Volatile.Write(ref _failed, int.Parse(parts[2], CultureInfo.InvariantCulture));
                break;
            case "FINISHED" when parts.Length == 4:
                Volatile.Write(ref _ok, int.Parse(parts[1], CultureInfo.InvariantCulture));
                Volatile.Write(ref _failed, int.Parse(parts[2], CultureInfo.InvariantCulture));
                Seconds = double.Parse(parts[3], CultureInfo.InvariantCulture);
                break;
            case "ERROR":
                Fail(line);
                break;
        }
    }

    private void Fail(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (_errors)
        {
            _errors.Add(line);
        }

        _ready.TrySetResult();
    }
}

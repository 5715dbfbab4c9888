namespace DigitalTwin.Sdk.Testing.Faults;

/// <summary>Holds the faults an emulator injects; each rule fires a set number of times.</summary>
/// <remarks>Thread-safe. Rules are matched in the order they were added.</remarks>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<Rule> _rules = [];

    /// <summary>Registers a fault.</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="pathPrefix">Only requests whose path starts with this prefix; <see langword="null"/> matches all.</param>
    /// <param name="method">Only requests with this HTTP method (or JSON-RPC method for socket emulators); <see langword="null"/> matches all.</param>
    /// <param name="times">How many matching requests get the fault.</param>
    public void Add(Fault fault, string? pathPrefix = null, string? method = null, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        lock (_gate)
        {
            _rules.Add(new Rule(fault, pathPrefix, method, times));
        }
    }

    /// <summary>Gets the number of faults injected so far.</summary>
    public int Injected { get; private set; }

    /// <summary>Removes every pending fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Takes the next fault that matches, consuming one use of its rule.</summary>
    /// <param name="path">Request path.</param>
    /// <param name="method">HTTP or JSON-RPC method.</param>
    /// <param name="kind">Only faults of this kind, or <see langword="null"/> for HTTP-level kinds (every kind but the socket-only <see cref="FaultKind.CloseWebSocketAfterFrames"/> and <see cref="FaultKind.JsonRpcError"/>).</param>
    /// <returns>The fault, or <see langword="null"/>.</returns>
    public Fault? TryTake(string path, string method, FaultKind? kind = null)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var rule = _rules[i];
                var fitsKind = kind is null
                    ? rule.Fault.Kind is not (FaultKind.CloseWebSocketAfterFrames or FaultKind.JsonRpcError)
                    : rule.Fault.Kind == kind;
                if (!fitsKind
                    || (rule.PathPrefix is not null && !path.StartsWith(rule.PathPrefix, StringComparison.OrdinalIgnoreCase))
                    || (rule.Method is not null && !string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                rule.Remaining--;
                if (rule.Remaining == 0)
                {
                    _rules.RemoveAt(i);
                }

                Injected++;
                return rule.Fault;
            }

            return null;
        }
    }

    private sealed class Rule(Fault fault, string? pathPrefix, string? method, int remaining)
    {
        public Fault Fault { get; } = fault;

        public string? PathPrefix { get; } = pathPrefix;

        public string? Method { get; } = method;

        public int Remaining { get; set; } = remaining;
    }
}

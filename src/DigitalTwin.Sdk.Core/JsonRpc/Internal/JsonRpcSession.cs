namespace DigitalTwin.Sdk.Core.JsonRpc.Internal;

/// <summary>One physical connection (transport) with its id counter and routing table.</summary>
internal sealed class JsonRpcSession
{
    private readonly object _gate = new();
    private Dictionary<long, IPendingEntry> _pending = [];
    private bool _isLost;

    public JsonRpcSession(IJsonRpcTransport transport, long firstId)
    {
        Transport = transport;
        NextId = firstId;
    }

    public IJsonRpcTransport Transport { get; }

    public CancellationTokenSource Lifetime { get; } = new();

    public SemaphoreSlim SendLock { get; } = new(1, 1);

    public JsonRpcRequestWriter Writer { get; } = new();

    /// <summary>Gets or sets the next request id; only touched under <see cref="SendLock"/>.</summary>
    public long NextId { get; set; }

    public Task ReceiveLoop { get; set; } = Task.CompletedTask;

    /// <summary>Gets or sets a value indicating whether the receive loop waits for a slow stream consumer (back-pressure).</summary>
    public volatile bool ReceivePaused;

    public bool IsLost
    {
        get
        {
            lock (_gate)
            {
                return _isLost;
            }
        }
    }

    public bool TryRegister(long id, IPendingEntry entry)
    {
        lock (_gate)
        {
            if (_isLost)
            {
                return false;
            }

            _pending[id] = entry;
            return true;
        }
    }

    public void Unregister(long id, IPendingEntry entry)
    {
        lock (_gate)
        {
            if (_pending.TryGetValue(id, out var current) && ReferenceEquals(current, entry))
            {
                _pending.Remove(id);
            }
        }
    }

    public bool TryGet(long id, out IPendingEntry? entry)
    {
        lock (_gate)
        {
            return _pending.TryGetValue(id, out entry);
        }
    }

    public bool TryTake(long id, out IPendingEntry? entry)
    {
        lock (_gate)
        {
            return _pending.Remove(id, out entry);
        }
    }

    /// <summary>Marks the session lost and returns what was pending; <see langword="null"/> when already lost.</summary>
    public List<IPendingEntry>? MarkLost()
    {
        lock (_gate)
        {
            if (_isLost)
            {
                return null;
            }

            _isLost = true;
            var entries = new List<IPendingEntry>(_pending.Values);
            _pending = [];
            return entries;
        }
    }

    public void Abort()
    {
        try
        {
            Lifetime.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already torn down.
        }

        Transport.Abort();
    }
}

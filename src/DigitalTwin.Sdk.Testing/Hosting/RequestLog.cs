using System.Collections.Concurrent;

namespace DigitalTwin.Sdk.Testing.Hosting;

/// <summary>Thread-safe, bounded log of the requests an emulator received, oldest first.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly int _capacity;

    internal RequestLog(int capacity) => _capacity = capacity;

    /// <summary>Gets the number of requests currently held.</summary>
    public int Count => _requests.Count;

    /// <summary>Returns a snapshot of the logged requests, oldest first.</summary>
    /// <returns>The requests.</returns>
    public IReadOnlyList<RecordedRequest> Snapshot() => _requests.ToArray();

    /// <summary>Returns the logged requests whose path starts with <paramref name="pathPrefix"/>.</summary>
    /// <param name="pathPrefix">Path prefix, e.g. <c>/api/token</c>.</param>
    /// <returns>The matching requests, oldest first.</returns>
    public IReadOnlyList<RecordedRequest> ForPath(string pathPrefix) =>
        _requests.Where(r => r.Path.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase)).ToArray();

    /// <summary>Forgets every logged request.</summary>
    public void Clear() => _requests.Clear();

    internal void Add(RecordedRequest request)
    {
        _requests.Enqueue(request);
        while (_requests.Count > _capacity && _requests.TryDequeue(out _))
        {
        }
    }
}

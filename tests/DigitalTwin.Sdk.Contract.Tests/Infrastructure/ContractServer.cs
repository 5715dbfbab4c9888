using WireMock.Server;
using WireMock.Settings;

namespace DigitalTwin.Sdk.Contract.Tests.Infrastructure;

/// <summary>
/// A WireMock.Net server on a free loopback port for one test class. Stubs are matched strictly: a request that no
/// stub matches is answered 404 by WireMock, and <see cref="AssertAllStubsHit"/> proves each stub was used.
/// </summary>
public sealed class ContractServer : IDisposable
{
    /// <summary>Starts the server on 127.0.0.1 with a free port.</summary>
    public ContractServer()
    {
        Server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
            StartAdminInterface = false,
        });
    }

    /// <summary>Gets the running server.</summary>
    public WireMockServer Server { get; }

    /// <summary>Gets the server's base address, ending in a slash.</summary>
    public Uri BaseUri => new(Server.Url!.TrimEnd('/') + "/");

    /// <summary>Gets the address of <paramref name="relative"/> under the server, e.g. <c>api/v1/</c>.</summary>
    /// <param name="relative">A relative path.</param>
    /// <returns>The absolute address.</returns>
    public Uri At(string relative) => new(BaseUri, relative);

    /// <summary>
    /// Fails when a request reached the server that no stub matched, naming its method and path, so a wrong wire shape
    /// shows as what was sent rather than as a bare 404.
    /// </summary>
    public void AssertNoUnmatchedRequests()
    {
        var unmatched = Server.LogEntries
            .Where(e => e.RequestMatchResult is null || !e.RequestMatchResult.IsPerfectMatch)
            .Select(e => e.RequestMessage is { } r ? $"{r.Method} {r.Path}{(string.IsNullOrEmpty(r.RawQuery) ? "" : "?" + r.RawQuery)}" : "(no request)")
            .ToList();
        Assert.True(unmatched.Count == 0, "Requests no stub matched: " + string.Join("; ", unmatched));
    }

    /// <summary>Fails unless every stub registered on the server was matched by at least one request.</summary>
    public void AssertAllStubsHit()
    {
        var hit = Server.LogEntries
            .Where(e => e.RequestMatchResult is { IsPerfectMatch: true } && e.MappingGuid is not null)
            .Select(e => e.MappingGuid!.Value)
            .ToHashSet();
        var missed = Server.Mappings.Where(m => !hit.Contains(m.Guid)).Select(m => m.Title ?? m.Path ?? m.Guid.ToString()).ToList();
        Assert.True(missed.Count == 0, "Stubs never requested: " + string.Join("; ", missed));
    }

    /// <inheritdoc />
    public void Dispose() => Server.Stop();
}

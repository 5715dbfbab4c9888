using System.Net;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Reliability.Tests.Infrastructure;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.TestUtilities;

namespace DigitalTwin.Sdk.Reliability.Tests.Idempotency;

/// <summary>
/// A POST that may have reached the server is sent once, whatever goes wrong after it left; a POST the client
/// declares idempotent is retried like a GET. Proven with the emulator's request log (one subclass per vendor
/// that has both kinds).
/// </summary>
public abstract class IdempotencyContract : ReliabilityTest<VendorHarness>
{
    private const int AllAttempts = 4; // the first attempt and MaxRetries = 3

    public static TheoryData<int> TransientStatuses => [408, 500, 502, 503, 504];

    private VendorHarness H => Harness;

    private string UnsafePath => H.UnsafePostPath ?? throw new InvalidOperationException("The harness has no unsafe POST.");

    private string SafePath => H.IdempotentPostPath ?? throw new InvalidOperationException("The harness has no idempotent POST.");

    [Theory]
    [MemberData(nameof(TransientStatuses))]
    public async Task UnsafePost_TransientStatus_IsSentOnce(int status)
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.Status(status), UnsafePath, "POST", times: 100);

        var ex = await FailsWithAsync<DigitalTwinApiException>(H.UnsafePostAsync);

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(1, H.Logged(UnsafePath, "POST"));
    }

    [Fact]
    public async Task UnsafePost_ConnectionResetAfterSending_IsSentOnce()
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.DropConnection(), UnsafePath, "POST", times: 100);

        await FailsWithAsync<DigitalTwinConnectionException>(H.UnsafePostAsync);

        Assert.Equal(1, H.Logged(UnsafePath, "POST"));
    }

    /// <summary>
    /// The other side of the rule above: a POST whose connection was refused (nothing listens on the port) surely never
    /// reached a server, so it is retried like any request. Evidence: every attempt the SDK sent down to the socket.
    /// </summary>
    [Fact]
    public async Task UnsafePost_ConnectionRefused_NeverReachedServer_IsRetried()
    {
        var closed = ClosedLoopbackPort();
        Audit.AddApiOrigin(closed);
        await using var refused = await StartAgainstAsync(closed);

        var ex = await FailsWithAsync<DigitalTwinConnectionException>(refused.UnsafePostAsync);

        var origin = closed.GetLeftPart(UriPartial.Authority);
        Assert.Equal(AllAttempts, Audit.Transport.Sent.Count(s => s.Origin == origin));
        Assert.Contains($"after {AllAttempts} attempt(s)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsafePost_AttemptTimeout_IsSentOnce()
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.Delay(TimeSpan.FromSeconds(20)), UnsafePath, "POST", times: 100);

        await FailsWithAsync<DigitalTwinTimeoutException>(H.UnsafePostAsync);

        // On a loaded machine the attempt can time out before the emulator has read the request off the socket; the call
        // is over (no retry can follow), so wait for the one POST to be logged, then check it stayed one.
        await Waiting.WaitUntilAsync("the POST in the emulator's log", () => H.Logged(UnsafePath, "POST") >= 1);
        Assert.Equal(1, H.Logged(UnsafePath, "POST"));
    }

    [Fact]
    public async Task UnsafePost_TruncatedAnswer_IsSentOnce()
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.TruncateBody(), UnsafePath, "POST", times: 100);

        // The server acted before its answer was cut: whatever the caller sees, the POST must not be repeated.
        try
        {
            await TimedAsync(H.UnsafePostAsync);
        }
        catch (DigitalTwinException ex)
        {
            Audit.Observe(ex);
        }

        Assert.Equal(1, H.Logged(UnsafePath, "POST"));
    }

    [Theory]
    [MemberData(nameof(TransientStatuses))]
    public async Task IdempotentPost_TransientStatus_IsRetried(int status)
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.Status(status), SafePath, "POST");

        await TimedAsync(H.IdempotentPostAsync);

        Assert.Equal(2, H.Logged(SafePath, "POST"));
    }

    [Fact]
    public async Task IdempotentPost_ConnectionReset_IsRetried()
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.DropConnection(), SafePath, "POST");

        await TimedAsync(H.IdempotentPostAsync);

        Assert.Equal(2, H.Logged(SafePath, "POST"));
    }

    [Fact]
    public async Task IdempotentPost_AttemptTimeout_IsRetried()
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.Delay(TimeSpan.FromSeconds(20)), SafePath, "POST");

        await TimedAsync(H.IdempotentPostAsync);

        Assert.Equal(2, H.Logged(SafePath, "POST"));
    }

    [Fact]
    public async Task UnsafePost_WithoutFault_IsSentOnceAndSucceeds()
    {
        await WarmUpAsync();

        await TimedAsync(H.UnsafePostAsync);

        Assert.Equal(1, H.Logged(UnsafePath, "POST"));
    }

    /// <summary>Starts the vendor's harness with the API base address (not the token endpoint) at <paramref name="baseUrl"/>.</summary>
    private protected abstract Task<VendorHarness> StartAgainstAsync(Uri baseUrl);

    /// <summary>A loopback address nothing listens on: bound to a free port, then released.</summary>
    private static Uri ClosedLoopbackPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    private async Task WarmUpAsync()
    {
        await TimedAsync(H.ReadAsync);
        H.Emulator.Requests.Clear();
    }
}

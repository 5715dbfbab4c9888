using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.LifecycleTwin;
using DigitalTwin.Sdk.TestUtilities;

namespace DigitalTwin.Sdk.Testing.Tests.LifecycleTwin;

public sealed class LifecycleTwinEmulatorFaultTests
{
    [Fact]
    public async Task StatusFault_OnAssets_AnswersOnceWithRetryAfterThenRecovers()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        using var api = new LifecycleTwinApi(emulator);
        await api.SignInAsync();
        emulator.Faults.Add(Fault.Status(503, "{\"Message\":\"busy\"}").WithRetryAfter(TimeSpan.FromSeconds(2)), pathPrefix: "/api/assets");

        using var documents = await api.GetAsync("api/documents");
        using var faulted = await api.GetAsync("api/assets");
        using var recovered = await api.GetAsync("api/assets");

        Assert.Equal(HttpStatusCode.OK, documents.StatusCode);
        Assert.Equal("busy", await LifecycleTwinApi.ErrorMessageAsync(faulted, HttpStatusCode.ServiceUnavailable));
        Assert.Equal(TimeSpan.FromSeconds(2), faulted.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.Equal(1, emulator.Faults.Injected);
    }

    [Fact]
    public async Task StatusFault_OnToken_IssuesNoTokenUntilItIsUsedUp()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        using var api = new LifecycleTwinApi(emulator);
        emulator.Faults.Add(Fault.Status(500), pathPrefix: "/api/token", method: "POST", times: 2);

        using var first = await api.PasswordGrantAsync();
        using var second = await api.PasswordGrantAsync();
        using var third = await api.PasswordGrantAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(1, emulator.TokensIssued);
        Assert.Equal(3, emulator.Requests.ForPath("/api/token").Count);
    }

    [Fact]
    public async Task DropConnection_OnAssets_ResetsTheRequest()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        using var api = new LifecycleTwinApi(emulator);
        await api.SignInAsync();
        emulator.Faults.Add(Fault.DropConnection(), pathPrefix: "/api/assets");

        await Assert.ThrowsAsync<HttpRequestException>(() => api.GetAsync("api/assets"));
        using var after = await api.GetAsync("api/assets");

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task TruncateBody_OnAssets_BreaksTheResponseBody()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        using var api = new LifecycleTwinApi(emulator);
        await api.SignInAsync();
        emulator.Faults.Add(Fault.TruncateBody(), pathPrefix: "/api/assets");

        var error = await Record.ExceptionAsync(async () =>
        {
            using var response = await api.GetAsync("api/assets");
            JsonNode.Parse(await response.Content.ReadAsStringAsync());
        });

        Assert.True(error is HttpRequestException or IOException or JsonException, $"unexpected {error?.GetType().Name ?? "success"}");
    }

    [Fact]
    public async Task TruncateBody_HandlerWritingThroughBodyWriter_NeverAnswersCompletely()
    {
        // The emulator's answers go through Response.BodyWriter; a truncation must cut the body every time, never send a
        // complete (empty) answer instead, which happened rarely before the pipe was flushed ahead of the cut.
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        using var api = new LifecycleTwinApi(emulator);
        await api.SignInAsync();
        const int Tries = 300;
        emulator.Faults.Add(Fault.TruncateBody(), pathPrefix: "/api/clientprojects", times: Tries);

        for (var i = 0; i < Tries; i++)
        {
            var error = await Record.ExceptionAsync(async () =>
            {
                using var response = await api.GetAsync("api/clientprojects/" + emulator.ProjectId);
            });

            Assert.True(error is HttpRequestException or IOException, $"try {i}: the truncated answer arrived complete ({error?.GetType().Name ?? "no error"})");
        }
    }

    [Fact]
    public async Task MalformedJson_OnClientProjects_IsNotParsable()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        using var api = new LifecycleTwinApi(emulator);
        await api.SignInAsync();
        emulator.Faults.Add(Fault.MalformedJson(), pathPrefix: "/api/clientprojects");

        using var response = await api.GetAsync("api/clientprojects");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonNode.Parse(body));
    }

    [Fact]
    public async Task DelayFault_StillAnswersWithRealData()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        using var api = new LifecycleTwinApi(emulator);
        await api.SignInAsync();
        emulator.Faults.Add(Fault.Delay(TimeSpan.FromMilliseconds(50)), pathPrefix: "/api/systems");

        var systems = await api.ListAsync("api/systems");

        Assert.Equal(emulator.Systems.Select(s => s.Id), LifecycleTwinApi.Ids(systems));
        Assert.Equal(1, emulator.Faults.Injected);
    }

    [Fact]
    public async Task DelayFault_OnAFakeClock_HoldsTheAnswerUntilTheClockIsAdvanced()
    {
        var clock = new TrackingFakeTimeProvider();
        await using var emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { TimeProvider = clock });
        using var api = new LifecycleTwinApi(emulator);
        await api.SignInAsync();
        emulator.Faults.Add(Fault.Delay(TimeSpan.FromSeconds(20)), pathPrefix: "/api/systems");

        var systems = api.ListAsync("api/systems");
        var due = clock.GetUtcNow().AddSeconds(20);
        await Waiting.WaitUntilAsync("the delay armed on the emulator's clock", () => clock.HasPendingTimerDueAt(due));
        clock.Advance(TimeSpan.FromSeconds(19));
        var heldAfter19Seconds = !systems.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(heldAfter19Seconds);
        Assert.Equal(emulator.Systems.Select(s => s.Id), LifecycleTwinApi.Ids(await systems));
        Assert.Equal(1, emulator.Faults.Injected);
    }
}

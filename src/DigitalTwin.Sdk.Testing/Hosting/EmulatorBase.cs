using System.Net;
using DigitalTwin.Sdk.Testing.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Sdk.Testing.Hosting;

/// <summary>
/// Base of every emulator: Kestrel on <c>127.0.0.1:0</c>, a request log, latency and fault injection
/// in front of the vendor endpoints the subclass maps.
/// </summary>
/// <remarks>Start with the subclass's static <c>StartAsync</c>; dispose to stop. Thread-safe.</remarks>
public abstract class EmulatorBase : IAsyncDisposable
{
    private readonly EmulatorOptions _options;
    private WebApplication? _app;

    /// <summary>Initializes the emulator; call <see cref="StartCoreAsync"/> to listen.</summary>
    /// <param name="options">Shared emulator settings.</param>
    protected EmulatorBase(EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Requests = new RequestLog(options.RequestLogCapacity);
    }

    /// <summary>Gets the base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Gets the log of received requests.</summary>
    public RequestLog Requests { get; }

    /// <summary>Gets the fault injector.</summary>
    public FaultInjector Faults { get; } = new();

    /// <summary>Gets or sets the latency added to every response.</summary>
    public TimeSpan ResponseLatency
    {
        get => _options.ResponseLatency;
        set => _options.ResponseLatency = value;
    }

    /// <summary>
    /// Gets the clock the emulator stamps <see cref="RecordedRequest.ReceivedAt"/> with and an HTTP
    /// <see cref="Fault.Delay"/> fault waits on.
    /// </summary>
    /// <value>
    /// <see cref="TimeProvider.System"/> unless the emulator has a <c>TimeProvider</c> option: then that clock, so a test
    /// on a fake clock reads the request log in the same time as the client, and a delayed answer is released when the
    /// test advances the clock (not after real time).
    /// </value>
    protected virtual TimeProvider Clock => TimeProvider.System;

    /// <summary>Maps the vendor endpoints.</summary>
    /// <param name="app">The application to map onto.</param>
    protected abstract void MapEndpoints(WebApplication app);

    /// <summary>Builds and starts Kestrel on a free loopback port.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when the emulator listens.</returns>
    protected async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        builder.Services.AddRouting();
        var app = builder.Build();
        app.UseWebSockets();
        app.Use(RecordAndInjectAsync);
        MapEndpoints(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        _app = app;
    }

    /// <summary>Stops Kestrel.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }

        GC.SuppressFinalize(this);
    }

    private async Task RecordAndInjectAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var body = string.Empty;
        if (!context.WebSockets.IsWebSocketRequest && (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0))
        {
            request.EnableBuffering();
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            request.Body.Position = 0;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key.ToLowerInvariant()] = header.Value.ToString();
        }

        Requests.Add(new RecordedRequest(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? string.Empty, headers, body, Clock.GetUtcNow()));

        if (_options.ResponseLatency > TimeSpan.Zero)
        {
            await Task.Delay(_options.ResponseLatency, context.RequestAborted).ConfigureAwait(false);
        }

        var fault = Faults.TryTake(request.Path.Value ?? "/", request.Method);
        if (fault is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        switch (fault.Kind)
        {
            case FaultKind.Delay:
                await Task.Delay(fault.Duration, Clock, context.RequestAborted).ConfigureAwait(false);
                await next(context).ConfigureAwait(false);
                break;
            case FaultKind.DropConnection:
                context.Abort();
                break;
            case FaultKind.TruncateBody:
                await TruncateAsync(context, next).ConfigureAwait(false);
                break;
            default:
                context.Response.StatusCode = fault.StatusCode;
                foreach (var (name, value) in fault.Headers)
                {
                    context.Response.Headers[name] = value;
                }

                if (fault.Body.Length > 0)
                {
                    context.Response.ContentType = fault.ContentType;
                    await context.Response.WriteAsync(fault.Body, context.RequestAborted).ConfigureAwait(false);
                }

                break;
        }
    }

    private static async Task TruncateAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        await next(context).ConfigureAwait(false);

        // A handler that wrote through Response.BodyWriter may leave bytes in the pipe: push them into the buffer first,
        // or the "truncated" answer could be an empty but complete 200 (a malformed body, not a cut connection).
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        context.Response.Body = original;
        var bytes = buffer.ToArray();
        context.Response.ContentLength = bytes.Length;
        await original.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), context.RequestAborted).ConfigureAwait(false);
        await original.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        context.Abort();
    }
}

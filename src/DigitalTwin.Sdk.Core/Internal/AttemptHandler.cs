using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>
/// One attempt, inside the resilience pipeline (below the resilience handler, above rate limit and authentication):
/// counts it, sends it and reads the body into memory, so a truncated body or one larger than
/// <see cref="DigitalTwinClientOptions.MaxResponseBytes"/> is a failed attempt the pipeline judges.
/// </summary>
internal sealed class AttemptHandler(ClientRuntime runtime) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.Set(DigitalTwinRequestOptions.AttemptsKey, request.GetAttemptCount() + 1);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await BufferAsync(request, response, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (Exception ex)
        {
            response.Dispose();
            if (ex is HttpRequestException failure && (failure.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded
                || failure.Message.Contains("buffer size", StringComparison.OrdinalIgnoreCase)))
            {
                // The buffer limit refused the body.
                throw new ResponseTooLargeException(runtime.Options.MaxResponseBytes);
            }

            throw;
        }
    }

    /// <summary>
    /// Checks the declared length against <see cref="DigitalTwinClientOptions.MaxResponseBytes"/> and reads the body
    /// into memory (at most that many bytes), so the caller parses it synchronously and a truncated body fails the
    /// attempt. A body that is already a byte array in memory (an in-memory transport's answer) is complete and its
    /// length was checked; buffering it again would only copy it. A HEAD answer has no body. A successful answer to a
    /// request marked with <see cref="DigitalTwinRequestOptions.StreamSuccessBody"/> is left unread: its caller parses it
    /// as it arrives, in constant memory.
    /// </summary>
    private Task BufferAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (DigitalTwinRequestOptions.IsStreamed(request, response))
        {
            return Task.CompletedTask;
        }

        var limit = runtime.Options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength > limit)
        {
            throw new ResponseTooLargeException(limit);
        }

        return request.Method == HttpMethod.Head || response.Content is ByteArrayContent
            ? Task.CompletedTask
            : response.Content.LoadIntoBufferAsync(limit, cancellationToken);
    }
}

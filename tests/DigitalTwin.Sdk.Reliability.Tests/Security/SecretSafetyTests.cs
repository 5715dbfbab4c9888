using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Reliability.Tests.Infrastructure;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.ThreadEdge;

namespace DigitalTwin.Sdk.Reliability.Tests.Security;

/// <summary>
/// Drives each authenticated client through token issue, refresh, revocation, refused token requests and error
/// answers with Trace logging and body logging on, then asserts (in <see cref="SecretAudit.AssertClean"/>) that no
/// configured secret and no issued token appears in any log entry, exception message or ToString, and that bearer
/// tokens went only to the API origin — also when a signed link or a redirect points at another origin.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class SecretSafetyTests
{
    [Fact]
    public async Task LifecycleTwin_TokenLifecycleAndErrors_LeakNoSecret()
    {
        using var audit = new SecretAudit();
        await using (var h = await LifecycleTwinHarness.StartAsync(audit))
        {
            await h.ReadAsync(CancellationToken.None).WaitAsync(VendorHarness.Bound);

            h.Emu.ExpireAccessTokens(); // 401 → refresh grant (the refresh token is in a logged body)
            await h.ReadAsync(CancellationToken.None).WaitAsync(VendorHarness.Bound);

            h.Emu.RevokeAllTokens(); // 401 → refresh refused → password grant
            await ObserveAsync(audit, h.ReadAsync);
            await ObserveAsync(audit, h.ReadAsync);

            h.Emu.RevokeAllTokens();
            h.Emu.Faults.Add(Fault.Status(400, """{"error":"invalid_grant","error_description":"The user name or password is incorrect."}"""), "/api/token", times: 100);
            await ObserveAsync(audit, h.ReadAsync);
            h.Emu.Faults.Clear();

            h.Emu.Faults.Add(Fault.Status(500, """{"Message":"An error has occurred."}"""), h.ReadPath, times: 100);
            await ObserveAsync(audit, h.ReadAsync);
            audit.ObserveText(h.Options.ToString());
            Assert.True(h.Emu.RefreshGrantsIssued + h.Emu.PasswordGrantsIssued >= 2, "the run did not exercise token renewal");
        }

        Assert.True(audit.Transport.IssuedSecrets.Count >= 3, "no tokens were harvested, so the audit would prove nothing");
        audit.AssertClean();
        Assert.True(audit.TextsAudited > 10, $"only {audit.TextsAudited} texts audited");
    }

    [Fact]
    public async Task Tandem_TokenLifecycleErrorsAndForeignLinks_LeakNoSecretAndNoBearer()
    {
        using var audit = new SecretAudit();
        await using var foreign = await ThreadEdgeEmulator.StartAsync(); // another origin (other port)
        await using (var h = await TandemHarness.StartAsync(audit))
        {
            await h.ReadAsync(CancellationToken.None).WaitAsync(VendorHarness.Bound);
            h.Emu.ExpireAccessTokens();
            await h.ReadAsync(CancellationToken.None).WaitAsync(VendorHarness.Bound);

            // A signed link on another origin: fetched without the bearer (or refused), never with it.
            var link = new Uri(foreign.BaseUri, "storage/signed/doc.pdf?sig=abc");
            using var sink = new MemoryStream();
            await ObserveAsync(audit, ct => h.Client.Twins.DownloadDocumentAsync(new TwinDocument { SignedLink = link }, sink, ct));

            // A redirect from the API to another origin is not followed with the token.
            h.Emu.Faults.Add(Fault.Status(302).WithHeader("Location", new Uri(foreign.BaseUri, "elsewhere").ToString()), h.ReadPath, times: 100);
            await ObserveAsync(audit, h.ReadAsync);
            h.Emu.Faults.Clear();

            h.Emu.Faults.Add(Fault.Status(401, """{"developerMessage":"The client_id specified does not have access to the api product","errorCode":"AUTH-001"}"""), "/authentication/v2/token", times: 100);
            h.Emu.ExpireAccessTokens();
            await ObserveAsync(audit, h.ReadAsync);
            audit.ObserveText(h.Options.ToString());
        }

        foreach (var request in foreign.Requests.Snapshot())
        {
            Assert.Null(request.Header("authorization"));
        }

        Assert.NotEmpty(audit.Transport.IssuedSecrets);
        audit.AssertClean();
    }

    private static async Task ObserveAsync(SecretAudit audit, Func<CancellationToken, Task> call)
    {
        try
        {
            await call(CancellationToken.None).WaitAsync(VendorHarness.Bound);
        }
        catch (DigitalTwinException ex)
        {
            audit.Observe(ex);
        }
        catch (ArgumentException ex)
        {
            audit.Observe(ex);
        }
    }
}

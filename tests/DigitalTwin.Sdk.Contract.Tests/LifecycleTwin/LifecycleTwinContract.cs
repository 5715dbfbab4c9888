using DigitalTwin.Sdk.Contract.Tests.Infrastructure;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace DigitalTwin.Sdk.Contract.Tests.LifecycleTwin;

/// <summary>
/// The literal token exchange of the vendor's quick start, and GET stubs carrying the headers every Lifecycle Twin read
/// must send ([LT-Q] "Querying data": <c>clientname</c> and <c>authorization</c> always, <c>projectid</c> on site
/// resources).
/// </summary>
internal static class LifecycleTwinContract
{
    public const string ClientId = "your_id";
    public const string ClientSecret = "your_secret";
    public const string Username = "username";
    public const string Password = "pwd";
    public const string ClientName = "Contoso Portfolio";
    public const string ProjectId = "2f4978fe-ab1c-4d66-be94-2086d0887a86";

    // [LT-QS] "Authenticate", Response (verbatim; the access token's dots are the doc's).
    public const string AccessToken = "PELPIm2Mn1-JzbZRqrUxa.............ICGvNGR-Y";

    public const string TokenResponse = """
        {
            "access_token": "PELPIm2Mn1-JzbZRqrUxa.............ICGvNGR-Y",
            "token_type": "bearer",
            "expires_in": 604799,
            "refresh_token": "2a66b5d105e141d.....2b80a8b7b35ea5bc91",
            "user_sid": "8b6c047f-0000-0000-0000-1ceb7331eaf7"
        }
        """;

    /// <summary>Stubs <c>POST /api/token</c> with the quick start's literal form body, in its order.</summary>
    public static void StubPasswordGrant(ContractServer server) =>
        server.Server
            .Given(Request.Create().WithPath("/api/token").UsingPost()
                .WithHeader("Content-Type", new WildcardMatcher("application/x-www-form-urlencoded*"))
                .WithBody(new ExactMatcher("client_id=your_id&client_secret=your_secret&username=username&password=pwd&grant_type=password")))
            .WithTitle("POST /api/token (password grant)")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(TokenResponse));

    /// <summary>A GET of <paramref name="path"/> with the mandatory headers; <paramref name="siteScoped"/> adds <c>projectid</c>.</summary>
    public static IRequestBuilder Get(string path, bool siteScoped) =>
        siteScoped
            ? Request.Create().WithPath(path).UsingGet()
                .WithHeader("Authorization", new ExactMatcher("Bearer " + AccessToken))
                .WithHeader("clientname", new ExactMatcher(ClientName))
                .WithHeader("projectid", new ExactMatcher(ProjectId))
            : Request.Create().WithPath(path).UsingGet()
                .WithHeader("Authorization", new ExactMatcher("Bearer " + AccessToken))
                .WithHeader("clientname", new ExactMatcher(ClientName));

    /// <summary>Answers 200 with a JSON body.</summary>
    public static IResponseBuilder Json(string body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(body);

    /// <summary>A client of the stub server with the quick start's credentials.</summary>
    public static LifecycleTwinClient CreateClient(ContractServer server, int pageSize = 500) =>
        new(new LifecycleTwinOptions
        {
            BaseUrl = server.BaseUri,
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            Username = Username,
            Password = Password,
            ClientName = ClientName,
            ProjectId = ProjectId,
            PageSize = pageSize,
            PrefetchNextPage = false,
        });
}

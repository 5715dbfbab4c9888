using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using DigitalTwin.Sdk.Core.Http;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <summary>Settings of a <see cref="ThreadEdgeClient"/>: where the THREAD is and how to talk to it.</summary>
/// <remarks>
/// The edge API has no authentication and speaks plain <c>http</c>. Plain http is accepted by default for loopback
/// hosts (an app running on the THREAD itself); a THREAD elsewhere on the LAN needs <see cref="AllowInsecureHttp"/>.
/// Bound from the configuration section <c>DigitalTwin:ThreadEdge</c> (key <c>BaseUrl</c>, ...).
/// </remarks>
public sealed class ThreadEdgeOptions : DigitalTwinClientOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "DigitalTwin:ThreadEdge";

    /// <summary>Initializes the options with the doc's address, <c>http://localhost/</c>.</summary>
    public ThreadEdgeOptions() => BaseUrl = DefaultBaseUrl;

    /// <summary>Gets the doc's address of the edge API on the device itself.</summary>
    public static Uri DefaultBaseUrl { get; } = new("http://localhost/");

    /// <summary>Gets or sets whether plain <c>http</c>/<c>ws</c> is allowed to a non-loopback THREAD (e.g. <c>http://192.168.1.20/</c>).</summary>
    /// <value>Defaults to <see langword="false"/>: only loopback may use plain http.</value>
    /// <remarks>The edge API is unencrypted and unauthenticated; allow it only on a network you trust.</remarks>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Gets or sets the THREAD hardware version (e.g. <c>V11</c>), which decides the pressure unit
    /// (hPa on V11 and older, daPa after).</summary>
    /// <value>Defaults to <see langword="null"/>: asked once from <c>GET /api/hardware</c> and cached.</value>
    public string? HardwareVersion { get; set; }

    /// <inheritdoc />
    protected override bool AllowsInsecureHttp => AllowInsecureHttp;

    /// <inheritdoc />
    protected override void ValidateCore(ICollection<string> errors, string sectionPath)
    {
        base.ValidateCore(errors, sectionPath);
        if (BaseUrl is { IsAbsoluteUri: true } url)
        {
            if (url.Scheme is "http" or "ws" && !AllowInsecureHttp && !IsLoopback(url))
            {
                errors!.Add($"{sectionPath}:{nameof(AllowInsecureHttp)}: THREAD edge devices speak plain http; set it to true to reach one on the LAN ({url.GetLeftPart(UriPartial.Authority)}).");
            }

            var path = url.AbsolutePath.TrimEnd('/');
            if (path.EndsWith("/api", StringComparison.OrdinalIgnoreCase))
            {
                errors!.Add($"{sectionPath}:{nameof(BaseUrl)} is the device root (e.g. http://localhost/), without the /api segment (was '{url.AbsolutePath}').");
            }

            if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
            {
                errors!.Add($"{sectionPath}:{nameof(BaseUrl)} must not have a query or fragment.");
            }
        }

        if (HardwareVersion is not null)
        {
            try
            {
                Pressure.UnitForHardware(HardwareVersion);
            }
            catch (ArgumentException)
            {
                errors!.Add($"{sectionPath}:{nameof(HardwareVersion)} must contain a version number such as V11 (was '{HardwareVersion}').");
            }
        }
    }
}

namespace DigitalTwin.Sdk.Samples.Scenarios;

/// <summary>Builds <c>DigitalTwin__&lt;Vendor&gt;__&lt;Name&gt;</c> settings, the environment-variable form of a vendor's section.</summary>
internal static class Settings
{
    /// <summary>Prefixes each name with the section's environment-variable form.</summary>
    /// <param name="section">The options section, e.g. <c>DigitalTwin:Tandem</c>.</param>
    /// <param name="settings">Names inside the section and their values.</param>
    /// <returns>The settings as environment-variable names and values.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> Of(string section, params (string Name, string Value)[] settings)
    {
        var prefix = section.Replace(":", "__", StringComparison.Ordinal) + "__";
        return settings.Select(s => KeyValuePair.Create(prefix + s.Name, s.Value)).ToList();
    }
}

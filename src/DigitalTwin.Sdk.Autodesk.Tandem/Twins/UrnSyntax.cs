namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>Checks the shape shared by Tandem URNs: a fixed prefix, then a base64url-style id.</summary>
internal static class UrnSyntax
{
    internal static bool IsValid(string? value, string prefix)
    {
        if (value is null || value.Length <= prefix.Length || !value.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value.AsSpan(prefix.Length))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        return true;
    }
}

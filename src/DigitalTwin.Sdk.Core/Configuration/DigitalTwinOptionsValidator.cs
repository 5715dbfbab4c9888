using DigitalTwin.Sdk.Core.Http;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Sdk.Core.Configuration;

/// <summary>Validates vendor options at start-up (with <c>ValidateOnStart</c>), naming each missing or bad setting.</summary>
/// <typeparam name="TOptions">Vendor options type.</typeparam>
/// <param name="sectionPath">Configuration path the options bind from, e.g. <c>DigitalTwin:LifecycleTwin</c>.</param>
public sealed class DigitalTwinOptionsValidator<TOptions>(string sectionPath) : IValidateOptions<TOptions>
    where TOptions : DigitalTwinClientOptions
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = string.IsNullOrEmpty(name) || name == Options.DefaultName ? sectionPath : $"{sectionPath} (client '{name}')";
        var errors = options.Validate(path);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

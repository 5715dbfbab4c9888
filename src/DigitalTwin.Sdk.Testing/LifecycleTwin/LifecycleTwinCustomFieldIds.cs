namespace DigitalTwin.Sdk.Testing.LifecycleTwin;

/// <summary>
/// Ids of the custom fields the <see cref="LifecycleTwinEmulator"/> seeds on assets, for filters such as
/// <c>{"equals":{"CustomFields[4be891a7-58c8-4f14-8b5b-e878fe3016f3].Value":3}}</c>.
/// </summary>
/// <remarks>
/// Asset number <c>n</c> (1-based, as in its name <c>Pump 0001</c>) has
/// <see cref="WarrantyYears"/> = <c>1 + (n - 1) % 5</c> (a number),
/// <see cref="Manufacturer"/> = one of <see cref="ManufacturerNames"/> at index <c>(n - 1) % 5</c> (a string; absent when <c>n % 10 == 0</c>),
/// and <see cref="Critical"/> = <c>n % 4 == 0</c> (a boolean).
/// </remarks>
public static class LifecycleTwinCustomFieldIds
{
    /// <summary>Custom field <c>WarrantyYears</c> (number 1..5); the id the vendor documentation's filter example uses.</summary>
    public const string WarrantyYears = "4be891a7-58c8-4f14-8b5b-e878fe3016f3";

    /// <summary>Custom field <c>Manufacturer</c> (string).</summary>
    public const string Manufacturer = "9c2d7e41-0b6a-4f3e-8d15-6a7f0c3e2b94";

    /// <summary>Custom field <c>Critical</c> (boolean).</summary>
    public const string Critical = "e51a0c3f-7d28-4b9e-a6c4-18f2d90b7e63";

    /// <summary>Gets the manufacturer names used for <see cref="Manufacturer"/>, in seeding order.</summary>
    public static IReadOnlyList<string> ManufacturerNames { get; } = ["Siemens", "Grundfos", "Belimo", "Trane", "Zumtobel"];
}

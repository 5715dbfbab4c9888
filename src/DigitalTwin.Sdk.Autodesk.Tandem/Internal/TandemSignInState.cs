namespace DigitalTwin.Sdk.Autodesk.Tandem.Internal;

/// <summary>Per-registration holder of the three-legged token source, so the DI-built client's sign-in can hand it fresh tokens.</summary>
internal sealed class TandemSignInState
{
    internal ThreeLeggedTokenSource? ThreeLegged { get; set; }
}

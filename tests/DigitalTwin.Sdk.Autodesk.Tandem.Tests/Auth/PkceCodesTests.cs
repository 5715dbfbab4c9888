using DigitalTwin.Sdk.Autodesk.Tandem.Models;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests.Auth;

public sealed class PkceCodesTests
{
    [Fact]
    public void FromVerifier_Rfc7636AppendixB_ProducesTheSpecChallenge()
    {
        var codes = PkceCodes.FromVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", codes.Challenge);
        Assert.Equal("S256", PkceCodes.ChallengeMethod);
    }

    [Fact]
    public void Create_MakesDistinct43CharacterVerifiersWithMatchingChallenges()
    {
        var a = PkceCodes.Create();
        var b = PkceCodes.Create();

        Assert.Equal(43, a.Verifier.Length);
        Assert.NotEqual(a.Verifier, b.Verifier);
        Assert.Equal(PkceCodes.ComputeChallenge(a.Verifier), a.Challenge);
        Assert.Equal(a.Verifier, PkceCodes.FromVerifier(a.Verifier).Verifier);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjX+")]
    [InlineData("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjX=")]
    public void FromVerifier_BreaksRfcRules_Throws(string verifier)
    {
        Assert.Throws<ArgumentException>(() => PkceCodes.FromVerifier(verifier));
    }

    [Fact]
    public void FromVerifier_129Characters_Throws()
    {
        Assert.Throws<ArgumentException>(() => PkceCodes.FromVerifier(new string('a', 129)));
        Assert.Equal(128, PkceCodes.FromVerifier(new string('a', 128)).Verifier.Length);
    }

    [Fact]
    public void ToString_HidesVerifier()
    {
        var codes = PkceCodes.FromVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

        Assert.DoesNotContain(codes.Verifier, codes.ToString(), StringComparison.Ordinal);
        Assert.Contains(codes.Challenge, codes.ToString(), StringComparison.Ordinal);
    }
}

using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Tests.Models;

public sealed class PressureTests
{
    [Theory]
    [InlineData("V11", PressureUnit.Hectopascal)]
    [InlineData("v10", PressureUnit.Hectopascal)]
    [InlineData("THREAD V9.2", PressureUnit.Hectopascal)]
    [InlineData("11", PressureUnit.Hectopascal)]
    [InlineData("V12", PressureUnit.Decapascal)]
    [InlineData("V13.0", PressureUnit.Decapascal)]
    public void UnitForHardware_V11AndOlder_AreHectopascal(string hardware, PressureUnit expected)
    {
        Assert.Equal(expected, Pressure.UnitForHardware(hardware));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("unknown")]
    public void UnitForHardware_NoVersion_ThrowsNamingParameter(string hardware)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => Pressure.UnitForHardware(hardware));
        Assert.Equal("hardwareVersion", exception.ParamName);
    }

    [Fact]
    public void Conversions_DependOnUnit()
    {
        var dapa = new Pressure(10132.5, PressureUnit.Decapascal);
        var hpa = new Pressure(1013.25, PressureUnit.Hectopascal);
        Assert.Equal(101325, dapa.Pascals, 6);
        Assert.Equal(101325, hpa.Pascals, 6);
        Assert.Equal(1013.25, dapa.Hectopascals, 6);
        Assert.Equal(10132.5, hpa.Decapascals, 6);
        Assert.Equal("1013.25 hPa", hpa.ToString());
        Assert.Equal("10132.5 daPa", dapa.ToString());
    }
}

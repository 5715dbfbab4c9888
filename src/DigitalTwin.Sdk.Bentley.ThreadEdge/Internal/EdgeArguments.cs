using System.Globalization;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;

/// <summary>The vendor doc's rules, checked before anything is sent; each failure names the caller's parameter.</summary>
internal static class EdgeArguments
{
    public const int MinPort = 1;
    public const int MaxPort = 3;
    public const int BatterySaverLowMin = 0;
    public const int BatterySaverLowMax = 40;
    public const int BatterySaverHighMin = 60;
    public const int BatterySaverHighMax = 100;

    public static void Port(int port, string paramName)
    {
        if (port is < MinPort or > MaxPort)
        {
            throw new ArgumentOutOfRangeException(paramName, port, "Valid THREAD device ports are 1, 2 and 3.");
        }
    }

    public static void Defined<TEnum>(TEnum value, string paramName)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, string.Create(CultureInfo.InvariantCulture, $"{value} is not a valid {typeof(TEnum).Name}."));
        }
    }

    public static void BatterySaver(int? low, int? high)
    {
        if (low.HasValue != high.HasValue)
        {
            throw new ArgumentException("Give both low and high, or neither: the THREAD cannot set only one of them.", low.HasValue ? "high" : "low");
        }

        if (low is < BatterySaverLowMin or > BatterySaverLowMax)
        {
            throw new ArgumentOutOfRangeException("low", low, "Low must be between 0 and 40 inclusive.");
        }

        if (high is < BatterySaverHighMin or > BatterySaverHighMax)
        {
            throw new ArgumentOutOfRangeException("high", high, "High must be between 60 and 100 inclusive.");
        }
    }

    public static long SleepMilliseconds(TimeSpan duration, string paramName)
    {
        var milliseconds = duration.TotalMilliseconds;
        if (milliseconds < 1 || milliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(paramName, duration, "The sleep duration must be at least 1 millisecond and at most int.MaxValue milliseconds.");
        }

        return (long)Math.Round(milliseconds);
    }

    public static void PortMode(int port, PortMode mode, string portParamName, string modeParamName)
    {
        Port(port, portParamName);
        Defined(mode, modeParamName);
        if (mode == Models.PortMode.Usb && port != 1)
        {
            throw new ArgumentException("USB is only supported on port 1.", modeParamName);
        }
    }

    public static void Configuration(PortConfiguration configuration, string paramName)
    {
        ArgumentNullException.ThrowIfNull(configuration, paramName);
        if (configuration.CommType is null && configuration.BaudRate is null && configuration.DataBits is null
            && configuration.ParityBit is null && configuration.DelimitersHex is null && configuration.Port is null
            && configuration.Host is null && (configuration.AdditionalProperties is null || configuration.AdditionalProperties.Count == 0))
        {
            throw new ArgumentException("Set at least one port configuration property.", paramName);
        }

        if (configuration.CommType is { } commType)
        {
            Defined(commType, paramName);
        }

        if (configuration.ParityBit is { } parity)
        {
            Defined(parity, paramName);
        }

        if (configuration.BaudRate is <= 0)
        {
            throw new ArgumentException("BAUD_RATE must be a positive integer, e.g. 9600.", paramName);
        }

        if (configuration.DataBits is < 5 or > 8)
        {
            throw new ArgumentException("DATA_BITS must be 5, 6, 7 or 8.", paramName);
        }

        if (configuration.DelimitersHex is { } delimiters)
        {
            if (delimiters.Count == 0)
            {
                throw new ArgumentException("DELIMITERS_HEX must list at least one delimiter, e.g. 0D0A.", paramName);
            }

            foreach (var delimiter in delimiters)
            {
                if (!IsHex(delimiter))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"DELIMITERS_HEX entry '{delimiter}' is not an even-length hex string such as 0D0A."), paramName);
                }
            }
        }

        if (configuration.Port is < 1 or > 65535)
        {
            throw new ArgumentException("PORT must be a TCP port number between 1 and 65535.", paramName);
        }

        if (configuration.Host is { } host && Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            throw new ArgumentException("HOST must be a host name or an IP address.", paramName);
        }
    }

    public static IReadOnlyList<PortConfigurationProperty> Properties(IEnumerable<PortConfigurationProperty> properties, string paramName)
    {
        ArgumentNullException.ThrowIfNull(properties, paramName);
        var list = new List<PortConfigurationProperty>();
        foreach (var property in properties)
        {
            Defined(property, paramName);
            if (!list.Contains(property))
            {
                list.Add(property);
            }
        }

        if (list.Count == 0)
        {
            throw new ArgumentException("List at least one property to remove.", paramName);
        }

        return list;
    }

    public static bool IsHex(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length % 2 != 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

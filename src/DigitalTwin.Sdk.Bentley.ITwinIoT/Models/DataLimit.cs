namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>The <c>limit</c> of a data query; the server supports a single first or last value.</summary>
public enum DataLimit
{
    /// <summary>No limit: every matching observation.</summary>
    None,

    /// <summary><c>{"function": "first", "params": {"size": 1}}</c>.</summary>
    First,

    /// <summary><c>{"function": "last", "params": {"size": 1}}</c>.</summary>
    Last,
}

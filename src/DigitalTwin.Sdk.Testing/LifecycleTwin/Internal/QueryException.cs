namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>A request the emulator rejects with 400 and <c>{"Message": ...}</c>.</summary>
internal sealed class QueryException : Exception
{
    public QueryException()
    {
    }

    public QueryException(string message)
        : base(message)
    {
    }

    public QueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace DigitalTwin.Sdk.Testing.BuildingX.Internal;

/// <summary>Aborts request handling with one or more JSON:API errors (all share the first error's status).</summary>
internal sealed class EmulatorErrorException : Exception
{
    public EmulatorErrorException(params EmulatorError[] errors)
        : base(errors[0].Title) => Errors = errors;

    public EmulatorErrorException()
        : this(new EmulatorError(500, "10-0500", "Internal error"))
    {
    }

    public EmulatorErrorException(string message)
        : this(new EmulatorError(500, "10-0500", message))
    {
    }

    public EmulatorErrorException(string message, Exception innerException)
        : base(message, innerException) => Errors = [new EmulatorError(500, "10-0500", message)];

    public IReadOnlyList<EmulatorError> Errors { get; }

    public int Status => Errors[0].Status;

    public static EmulatorErrorException BadParameter(string parameter, string title, string? detail = null) =>
        new(new EmulatorError(400, "10-0400", title, detail, Parameter: parameter));
}

namespace DigitalTwin.Sdk.Testing.LifecycleTwin;

/// <summary>A BIM model object linked to an <see cref="EmulatedAsset"/> (an element of <c>ModelObjects</c>).</summary>
/// <param name="ObjectId">Model object id, e.g. <c>41958798-cb80-4c0b-bfaf-63e53192c615-0007b076</c>.</param>
public sealed record EmulatedModelObject(string ObjectId);

using System.Reflection;
using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Core.JsonRpc;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Tests;

public sealed class ConventionTests
{
    public static TheoryData<string> Assemblies => new() { typeof(ITwinIoTClient).Assembly.GetName().Name!, typeof(JsonRpcConnection).Assembly.GetName().Name! };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void PublicAsyncMethods_EndInAsync_AndTakeCancellationTokenLast(string assemblyName)
    {
        var assembly = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == assemblyName);
        var offenders = new List<string>();
        var checkedMethods = 0;
        foreach (var type in assembly.GetExportedTypes().Where(t => t.Namespace!.Contains("ITwinIoT", StringComparison.Ordinal) || t.Namespace!.EndsWith("JsonRpc", StringComparison.Ordinal) || t.Namespace!.EndsWith("WebSockets", StringComparison.Ordinal)))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName))
            {
                var returns = method.ReturnType;
                var isAsync = typeof(Task).IsAssignableFrom(returns) || returns == typeof(ValueTask) || (returns.IsGenericType && (returns.GetGenericTypeDefinition() == typeof(ValueTask<>) || returns.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)));
                if (!isAsync || method.Name is "DisposeAsync" or "GetAsyncEnumerator")
                {
                    continue;
                }

                checkedMethods++;
                var parameters = method.GetParameters();
                if (!method.Name.EndsWith("Async", StringComparison.Ordinal) || parameters.Length == 0 || parameters[^1].ParameterType != typeof(CancellationToken))
                {
                    offenders.Add($"{type.Name}.{method.Name}");
                }
            }
        }

        Assert.Empty(offenders);
        Assert.True(checkedMethods >= 5, $"Only {checkedMethods} async methods found: the filter is wrong.");
    }
}

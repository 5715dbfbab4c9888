using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Sdk.Tests.Conventions;

/// <summary>The shape rules of docs/client-template.md: root client, options, DI overloads, namespaces, models.</summary>
internal static partial class ApiConventions
{
    private const string DependencyInjectionNamespace = "Microsoft.Extensions.DependencyInjection";

    /// <summary>The secret-bearing option names whose values must never appear in <see cref="object.ToString"/>.</summary>
    private static readonly string[] SecretNames = ["ClientSecret", "Password", "ApiKey", "RefreshToken", "AccessToken"];

    /// <summary>
    /// Public types live only in the namespaces <paramref name="isAllowed"/> accepts; the DI registration class (the only
    /// type in <c>Microsoft.Extensions.DependencyInjection</c>) is a static class named <c>…ServiceCollectionExtensions</c>.
    /// </summary>
    public static IReadOnlyList<string> PublicNamespaces(Assembly assembly, Func<string, bool> isAllowed, Func<Type, bool>? typeFilter = null)
    {
        var violations = new List<string>();
        foreach (var type in PublicTypes(assembly, typeFilter).Where(t => !t.IsNested))
        {
            var ns = type.Namespace ?? "";
            if (ns == DependencyInjectionNamespace)
            {
                // The registration class (…ServiceCollectionExtensions) and, in Core, the extensions of the IHttpClientBuilder
                // it returns (…HttpClientBuilderExtensions), as Microsoft.Extensions.Http does.
                if (!(type.IsAbstract && type.IsSealed) || !(type.Name.EndsWith("ServiceCollectionExtensions", StringComparison.Ordinal) || type.Name.EndsWith("HttpClientBuilderExtensions", StringComparison.Ordinal)))
                {
                    violations.Add($"{type.FullName} is in {ns} but is not a static …ServiceCollectionExtensions or …HttpClientBuilderExtensions class.");
                }
            }
            else if (!isAllowed(ns))
            {
                violations.Add($"{type.FullName} is in namespace '{ns}', which is not a public namespace of its package.");
            }
        }

        return violations;
    }

    /// <summary>
    /// The root client <c>&lt;Vendor&gt;Client</c> is sealed, implements <c>I&lt;Vendor&gt;Client</c> and <see cref="IDisposable"/>,
    /// has exactly one public constructor <c>(options, [credential], transport, loggerFactory, timeProvider)</c> with every
    /// parameter after <c>options</c> optional, and its sub-client properties are typed by interfaces.
    /// </summary>
    public static IReadOnlyList<string> RootClient(Assembly assembly, string ns, string vendor, bool hasCredential)
    {
        var violations = new List<string>();
        var root = assembly.GetType($"{ns}.{vendor}Client");
        if (root is null || !root.IsPublic)
        {
            return [$"{assembly.GetName().Name} has no public root client {ns}.{vendor}Client."];
        }

        if (!root.IsSealed)
        {
            violations.Add($"{root.FullName} is not sealed.");
        }

        var rootInterface = assembly.GetType($"{ns}.I{vendor}Client");
        if (rootInterface is null || !rootInterface.IsInterface || !rootInterface.IsAssignableFrom(root))
        {
            violations.Add($"{root.FullName} does not implement {ns}.I{vendor}Client.");
        }

        if (!typeof(IDisposable).IsAssignableFrom(root))
        {
            violations.Add($"{root.FullName} does not implement IDisposable.");
        }

        var constructors = root.GetConstructors();
        if (constructors.Length != 1)
        {
            violations.Add($"{root.FullName} has {constructors.Length} public constructors; the template has exactly one.");
        }

        (Type Type, string Name)[] expected =
        [
            (assembly.GetType($"{ns}.{vendor}Options") ?? typeof(void), "options"),
            .. hasCredential ? [(typeof(ITokenProvider), "credential")] : Array.Empty<(Type, string)>(),
            (typeof(HttpClient), "transport"),
            (typeof(ILoggerFactory), "loggerFactory"),
            (typeof(TimeProvider), "timeProvider"),
        ];
        var expectedText = string.Join(", ", expected.Select(p => $"{Name(p.Type)} {p.Name}"));
        foreach (var constructor in constructors)
        {
            var parameters = constructor.GetParameters();
            var matches = parameters.Length == expected.Length
                && parameters.Zip(expected).All(p => p.First.ParameterType == p.Second.Type && p.First.Name == p.Second.Name)
                && parameters.Skip(1).All(p => p.IsOptional);
            if (!matches)
            {
                var actual = string.Join(", ", parameters.Select(p => $"{Name(p.ParameterType)} {p.Name}{(p.IsOptional ? " = …" : "")}"));
                violations.Add($"{root.FullName}({actual}) is not ({expectedText}) with every parameter after options optional.");
            }
        }

        foreach (var property in root.GetProperties(BindingFlags.Public | BindingFlags.Instance).Concat(rootInterface?.GetProperties() ?? []))
        {
            if (property.PropertyType.Assembly == assembly && property.PropertyType.Name.EndsWith("Client", StringComparison.Ordinal) && !property.PropertyType.IsInterface)
            {
                violations.Add($"{property.DeclaringType?.FullName}.{property.Name} is typed by the class {property.PropertyType.Name}; sub-clients are typed by their interface.");
            }
        }

        return violations;
    }

    /// <summary>
    /// One mocking style, interfaces: no public class has a protected constructor or a public/protected <c>virtual</c>
    /// member that overrides nothing (records' compiler-generated members aside), unless it is abstract (a designed base
    /// class) or <paramref name="isExtensionPoint"/> says it is a documented extension point.
    /// </summary>
    public static IReadOnlyList<string> VirtualMocking(Assembly assembly, Func<Type, bool>? isExtensionPoint = null, Func<Type, bool>? typeFilter = null)
    {
        var violations = new List<string>();
        foreach (var type in PublicTypes(assembly, typeFilter).Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && isExtensionPoint?.Invoke(t) != true))
        {
            var isRecord = type.GetMethod("<Clone>$") is not null;
            foreach (var constructor in type.GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance).Where(c => c.IsFamily || c.IsFamilyOrAssembly))
            {
                // A record's compiler-generated copy constructor is protected in an unsealed record; it is not a mocking seam.
                if (isRecord && constructor.GetParameters() is [{ } only] && only.ParameterType == type)
                {
                    continue;
                }

                violations.Add($"{type.FullName} has a protected constructor ({string.Join(", ", constructor.GetParameters().Select(p => Name(p.ParameterType)))}); fake through the interface instead.");
            }

            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => (m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly) && m.IsVirtual && !m.IsFinal && m.GetBaseDefinition() == m))
            {
                if (isRecord && (method.Name is "get_EqualityContract" or "Equals" or "PrintMembers" or "<Clone>$"))
                {
                    continue;
                }

                violations.Add($"{Describe(method)} is virtual; fake through the interface instead.");
            }
        }

        return violations;
    }

    /// <summary>
    /// <c>&lt;Vendor&gt;Options</c> derives <see cref="DigitalTwinClientOptions"/>; a vendor with a token endpoint names it
    /// <c>TokenUrl</c> (a <see cref="Uri"/>), and no options type uses another name for it (<c>AuthUrl</c>, <c>ImsTokenUrl</c>, …).
    /// </summary>
    public static IReadOnlyList<string> Options(Assembly assembly, string ns, string vendor, bool hasTokenEndpoint, Func<Type, bool>? typeFilter = null)
    {
        var violations = new List<string>();
        var options = assembly.GetType($"{ns}.{vendor}Options");
        if (options is null || !options.IsPublic)
        {
            violations.Add($"{assembly.GetName().Name} has no public options type {ns}.{vendor}Options.");
        }
        else
        {
            if (!typeof(DigitalTwinClientOptions).IsAssignableFrom(options))
            {
                violations.Add($"{options.FullName} does not derive from DigitalTwinClientOptions.");
            }

            if (hasTokenEndpoint && options.GetProperty("TokenUrl")?.PropertyType != typeof(Uri))
            {
                violations.Add($"{options.FullName} has no Uri TokenUrl property for the vendor's token endpoint.");
            }
        }

        foreach (var type in PublicTypes(assembly, typeFilter).Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal)))
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (property.Name is "AuthUrl" or "AuthUri" || (property.Name != "TokenUrl" && property.Name.EndsWith("TokenUrl", StringComparison.Ordinal)))
                {
                    violations.Add($"{type.FullName}.{property.Name} names the token endpoint; call it TokenUrl.");
                }
            }
        }

        return violations;
    }

    /// <summary>
    /// Unmodelled JSON is kept in a property named <c>AdditionalProperties</c>: every <see cref="JsonExtensionDataAttribute"/>
    /// property has that name, and no public property is called <c>ExtensionData</c>.
    /// </summary>
    public static IReadOnlyList<string> ExtensionData(Assembly assembly, Func<Type, bool>? typeFilter = null)
    {
        var violations = new List<string>();
        foreach (var type in PublicTypes(assembly, typeFilter))
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                var isExtensionData = property.GetCustomAttribute<JsonExtensionDataAttribute>() is not null;
                if ((isExtensionData && property.Name != "AdditionalProperties") || property.Name == "ExtensionData")
                {
                    violations.Add($"{type.FullName}.{property.Name} holds unmodelled JSON; name it AdditionalProperties.");
                }
            }
        }

        return violations;
    }

    /// <summary>
    /// <c>&lt;Vendor&gt;ServiceCollectionExtensions.Add&lt;Vendor&gt;</c> has the template's four overloads
    /// (<c>Action&lt;TOptions&gt;</c>, <c>IConfiguration</c>, and both again after a <c>string name</c>), each returning
    /// <see cref="IHttpClientBuilder"/>.
    /// </summary>
    public static IReadOnlyList<string> DependencyInjection(Assembly assembly, string ns, string vendor, string? extensionsTypeName = null)
    {
        var extensions = assembly.GetType($"{DependencyInjectionNamespace}.{extensionsTypeName ?? vendor + "ServiceCollectionExtensions"}");
        var options = assembly.GetType($"{ns}.{vendor}Options");
        if (extensions is null || options is null)
        {
            return [$"{assembly.GetName().Name} has no {DependencyInjectionNamespace}.{vendor}ServiceCollectionExtensions or no {vendor}Options."];
        }

        var configure = typeof(Action<>).MakeGenericType(options);
        Type[][] overloads =
        [
            [typeof(IServiceCollection), configure],
            [typeof(IServiceCollection), typeof(IConfiguration)],
            [typeof(IServiceCollection), typeof(string), configure],
            [typeof(IServiceCollection), typeof(string), typeof(IConfiguration)],
        ];
        var violations = new List<string>();
        foreach (var parameters in overloads)
        {
            var method = extensions.GetMethod($"Add{vendor}", BindingFlags.Public | BindingFlags.Static, parameters);
            var signature = $"{extensions.FullName}.Add{vendor}({string.Join(", ", parameters.Select(Name))})";
            if (method is null || !method.IsDefined(typeof(ExtensionAttribute)))
            {
                violations.Add($"{signature} is missing.");
            }
            else if (method.ReturnType != typeof(IHttpClientBuilder))
            {
                violations.Add($"{signature} returns {Name(method.ReturnType)}, not IHttpClientBuilder.");
            }
        }

        return violations;
    }

    /// <summary>
    /// Every public options type (name ending in <c>Options</c>, public parameterless constructor) with a secret-bearing
    /// string property keeps the secret out of <see cref="object.ToString"/>: each secret is set to a marker and the
    /// marker must not appear.
    /// </summary>
    public static IReadOnlyList<string> SecretsInToString(Assembly assembly, Func<Type, bool>? typeFilter = null)
    {
        var violations = new List<string>();
        foreach (var type in PublicTypes(assembly, typeFilter).Where(t => t.IsClass && !t.IsAbstract && t.Name.EndsWith("Options", StringComparison.Ordinal) && t.GetConstructor(Type.EmptyTypes) is not null))
        {
            var secrets = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType == typeof(string) && p.CanWrite && p.SetMethod!.IsPublic && SecretNames.Any(n => p.Name.Contains(n, StringComparison.Ordinal)))
                .ToList();
            if (secrets.Count == 0)
            {
                continue;
            }

            var instance = Activator.CreateInstance(type)!;
            foreach (var secret in secrets)
            {
                secret.SetValue(instance, $"marker-{secret.Name}-7f3a");
            }

            var text = instance.ToString() ?? "";
            foreach (var secret in secrets.Where(s => text.Contains($"marker-{s.Name}-7f3a", StringComparison.Ordinal)))
            {
                violations.Add($"{type.FullName}.ToString() contains the value of {secret.Name}.");
            }
        }

        return violations;
    }
}

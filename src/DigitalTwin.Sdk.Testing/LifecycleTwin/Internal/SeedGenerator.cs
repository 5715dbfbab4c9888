using System.Runtime.CompilerServices;

namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>Builds the deterministic data set of a <see cref="LifecycleTwinEmulator"/> from its options' seed.</summary>
/// <remarks>
/// Site 1 and 2 are the vendor documentation's <c>Building1</c> (Zug) and <c>Building2</c> (Zurich) with their documented ids.
/// Every site has a location tree (building, 3 floors, 4 rooms per floor), 5 systems, assets and documents.
/// </remarks>
internal static class SeedGenerator
{
    private const int OtherSiteAssets = 5;
    private const int OtherSiteDocuments = 2;

    private static readonly DateTimeOffset DocCreatedOn = new(2022, 10, 18, 14, 32, 17, 23, TimeSpan.Zero);

    // The organization id of the vendor guide "Create" example; the second one is made up.
    private static readonly EmulatedReference Siemens = new("bb601d80-0c8d-4a4d-bece-230ad4b12d9c", "Siemens Smart Infrastructure");
    private static readonly EmulatedReference Contoso = new("5e0c61a2-3f7b-4d1e-9a7c-2b8d4f6e1a90", "Contoso Facilities");

    // The category id of the vendor example "Modify document".
    private static readonly EmulatedReference DocumentCategory = new("734e44c5-fcf8-e011-b8c2-00101832264b", "Manuals");

    private static readonly string[] AssetTypes = ["Pump", "AHU", "Fan", "Valve", "Chiller", "Boiler", "Luminaire", "Sensor"];

    private static readonly string[] AssetDescriptions =
    [
        "Centrifugal circulation pump", "Air handling unit", "Exhaust fan", "Motorized control valve",
        "Water-cooled chiller", "Gas condensing boiler", "LED luminaire", "Room temperature sensor",
    ];

    private static readonly string[] Ratings = ["100W - 277V", "250W - 400V", "75W - 230V", "1.5kW - 400V"];

    private static readonly (string City, double Latitude, double Longitude)[] Cities =
    [
        ("München", 48.1374, 11.5755), ("Wien", 48.2082, 16.3738), ("Genève", 46.2044, 6.1432),
        ("Berlin", 52.5200, 13.4050), ("Paris", 48.8566, 2.3522), ("Milano", 45.4642, 9.1900),
    ];

    private static readonly (string Name, string Description)[] SystemNames =
    [
        ("HVAC", "Heating, ventilation and air conditioning"), ("Plumbing", "Domestic water and drainage"),
        ("Electrical", "Power distribution"), ("Lighting", "Interior and emergency lighting"),
        ("Fire Protection", "Sprinklers and fire alarm"),
    ];

    // Systems of each asset type, as indexes into SystemNames.
    private static readonly int[][] TypeSystems = [[1, 0], [0], [0], [1], [0], [0, 1], [3, 2], []];

    private static readonly (string Kind, string Extension, string ContentType)[] DocumentKinds =
    [
        ("Manual", "pdf", "application/pdf"), ("Drawing", "dwg", "image/vnd.dwg"), ("Datasheet", "pdf", "application/pdf"),
        ("Photo", "jpg", "image/jpeg"), ("Certificate", "pdf", "application/pdf"),
    ];

    public static IReadOnlyList<SiteData> Generate(LifecycleTwinEmulatorOptions options)
    {
        var random = new Random(options.Seed);
        var sites = new List<SiteData>();
        var siteCount = Math.Max(1, options.SiteCount);
        for (var index = 0; index < siteCount; index++)
        {
            var site = CreateSite(index, random);
            var assetCount = index == 0 ? Math.Max(0, options.AssetCount) : OtherSiteAssets;
            var documentCount = index == 0 ? Math.Max(0, options.DocumentCount) : OtherSiteDocuments;
            sites.Add(CreateSiteData(site, assetCount, documentCount, random));
        }

        return sites;
    }

    private static EmulatedSite CreateSite(int index, Random random)
    {
        switch (index)
        {
            case 0:
                return new EmulatedSite(
                    "2f4978fe-ab1c-4d66-be94-2086d0887a86", "Building1", false, DocCreatedOn, DocCreatedOn.AddDays(120), "Zug",
                    Siemens, 47.1662, 8.5155,
                    new EmulatedLocation("4dc758d7-ab1c-4f4b-bd42-fd95c3cd8236", "Zug", 0, null));
            case 1:
                // The documentation's second example site; its ids are not valid GUIDs there, and kept as written.
                return new EmulatedSite(
                    "2f4978fe-xy1c-4d66-be94-2086d0887a86", "Building2", false, DocCreatedOn, DocCreatedOn.AddDays(95), "Zurich",
                    Siemens, 47.3769, 8.5417,
                    new EmulatedLocation("4dc758d7-xy1c-4f4b-bd42-fd95c3cd8236", "Zurich", 0, null));
            default:
                var city = Cities[(index - 2) % Cities.Length];
                var created = DocCreatedOn.AddDays(index * 17).AddMinutes(random.Next(0, 1440));
                return new EmulatedSite(
                    NewId(random), $"Building{index + 1}", index % 2 == 0, created, created.AddDays(random.Next(1, 400)), city.City,
                    index % 3 == 0 ? Contoso : Siemens, city.Latitude, city.Longitude,
                    new EmulatedLocation(NewId(random), city.City, 0, null));
        }
    }

    // Runs once over up to 100,000+ assets: compile optimized straight away instead of tiering up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SiteData CreateSiteData(EmulatedSite site, int assetCount, int documentCount, Random random)
    {
        var systems = SystemNames.Select(s => new EmulatedSystem(NewId(random), s.Name, s.Description)).ToArray();
        var locations = CreateLocations(site, random);
        var rooms = locations.Where(l => l.ChildrenCount == 0).ToArray();
        var typeSystems = TypeSystems.Select(t => (IReadOnlyList<EmulatedSystem>)t.Select(i => systems[i]).ToArray()).ToArray();
        var modelId = NewId(random);

        var warranty = Enumerable.Range(1, 5)
            .Select(y => new EmulatedCustomField(LifecycleTwinCustomFieldIds.WarrantyYears, "WarrantyYears", (double)y)).ToArray();
        var manufacturers = LifecycleTwinCustomFieldIds.ManufacturerNames
            .Select(m => new EmulatedCustomField(LifecycleTwinCustomFieldIds.Manufacturer, "Manufacturer", m)).ToArray();
        var critical = new[] { false, true }
            .Select(c => new EmulatedCustomField(LifecycleTwinCustomFieldIds.Critical, "Critical", c)).ToArray();

        // Custom field lists depend only on (n - 1) % 5, n % 10 == 0 and n % 4 == 0: share the 20 combinations.
        var fieldSets = new EmulatedCustomField[]?[20];
        var descriptions = AssetDescriptions.Select(d => Ratings.Select(r => $"{d}, {r}").ToArray()).ToArray();
        var noModelObjects = Array.Empty<EmulatedModelObject>();
        var assets = new EmulatedAsset[assetCount];
        for (var i = 0; i < assetCount; i++)
        {
            var n = i + 1;
            var type = i % AssetTypes.Length;
            var description = n % 7 == 0 ? string.Empty
                : n % 13 == 0 ? null
                : descriptions[type][i % Ratings.Length];
            EmulatedModelObject[] modelObjects = n % 5 == 0 ? noModelObjects
                : n % 3 == 0 ? new[] { new EmulatedModelObject($"{modelId}-{n:x8}"), new EmulatedModelObject($"{modelId}-{n + 0x10000000:x8}") }
                : new[] { new EmulatedModelObject($"{modelId}-{n:x8}") };
            var fieldSet = ((i % 5) * 2 + (n % 10 == 0 ? 1 : 0)) * 2 + (n % 4 == 0 ? 1 : 0);
            var customFields = fieldSets[fieldSet] ??= n % 10 == 0
                ? [warranty[i % 5], critical[n % 4 == 0 ? 1 : 0]]
                : [warranty[i % 5], manufacturers[i % 5], critical[n % 4 == 0 ? 1 : 0]];
            var installed = new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero)
                .AddDays(random.Next(0, 3650)).AddSeconds(random.Next(0, 86_400));
            assets[i] = new EmulatedAsset(
                NewId(random),
                $"{AssetTypes[type]} {n:D4}",
                description,
                site.Id,
                $"SN-{random.Next(0x100000, 0xFFFFFF):X6}-{n:D4}",
                1 + (i % 10) + (n % 6 == 0 ? 0.5 : 0),
                installed,
                site.CreatedOn.AddMinutes(n),
                rooms[i % rooms.Length],
                typeSystems[type],
                modelObjects,
                customFields);
        }

        // One root folder (no Parent, as the vendor's "Get the root folder" filter expects) holding every document.
        var documents = new EmulatedDocument[documentCount + 1];
        var root = new EmulatedDocument(NewId(random), "Documents", true, null, [], null, site.CreatedOn, site.CreatedOn, site.Id);
        var rootReference = new EmulatedReference(root.Id, root.Name);
        documents[0] = root;
        for (var i = 0; i < documentCount; i++)
        {
            var n = i + 1;
            var kind = DocumentKinds[i % DocumentKinds.Length];
            var file = new EmulatedFile(NewId(random), $"{kind.Kind.ToLowerInvariant()}-{n:D4}.{kind.Extension}", random.Next(10_000, 50_000_000), kind.ContentType);
            var created = site.CreatedOn.AddHours(n);
            documents[n] = new EmulatedDocument(
                NewId(random), $"{kind.Kind} {n:D4}", false, rootReference, [file], DocumentCategory, created, created.AddDays(n % 30), site.Id);
        }

        return new SiteData(site, assets, documents, locations, systems);
    }

    private static EmulatedLocation[] CreateLocations(EmulatedSite site, Random random)
    {
        const int Floors = 3;
        const int RoomsPerFloor = 4;
        var building = new EmulatedLocation(NewId(random), site.Name, Floors, null);
        var locations = new List<EmulatedLocation> { building };
        for (var f = 1; f <= Floors; f++)
        {
            var floor = new EmulatedLocation(NewId(random), $"Floor {f:D2}", RoomsPerFloor, building.Id);
            locations.Add(floor);
            for (var r = 1; r <= RoomsPerFloor; r++)
            {
                locations.Add(new EmulatedLocation(NewId(random), $"Room {f:D2}.{r:D2}", 0, floor.Id));
            }
        }

        return [.. locations];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }
}

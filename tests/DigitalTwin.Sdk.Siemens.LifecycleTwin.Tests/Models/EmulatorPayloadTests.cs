using System.Text.Json;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Query;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Models;

/// <summary>
/// Emulator answers to the SDK's default selections (what a call without a selection sends) parse into the models with
/// every field equal to the emulator's seeded data and nothing left over in <c>AdditionalProperties</c>.
/// </summary>
public sealed class EmulatorPayloadTests(EmulatorQueryFixture fixture) : IClassFixture<EmulatorQueryFixture>
{
    [Fact]
    public async Task Sites_ParseWithEveryField()
    {
        var (_, body) = await fixture.SendAsync("clientprojects", LifecycleTwinQuery.Empty.WithSelection(DefaultSelections.Site), siteScoped: false);

        var sites = JsonSerializer.Deserialize(body, LifecycleTwinJsonContext.Default.ListSite)!;

        Assert.Equal(fixture.Emulator.Sites.Count, sites.Count);
        foreach (var (site, expected) in sites.Zip(fixture.Emulator.Sites))
        {
            Assert.Equal(expected.Id, site.Id);
            Assert.Equal(expected.Name, site.Name);
            Assert.Equal(expected.IsEnabled, site.IsEnabled);
            Assert.Equal(expected.CreatedOn, site.CreatedOn);
            Assert.Equal(expected.CreatedOn, site.CreatedOnLocal);
            Assert.Equal(expected.ModifiedOn, site.ModifiedOnLocal);
            Assert.Equal(expected.CityName, site.CityName);
            Assert.Equal(expected.OwnerOrganization.Id, site.OwnerOrganization!.Id);
            Assert.Equal(expected.OwnerOrganization.Name, site.OwnerOrganization.Name);
            Assert.Equal(expected.Latitude, site.Latitude);
            Assert.Equal(expected.Longitude, site.Longitude);
            Assert.Equal(expected.Location.Id, site.Location!.Id);
            Assert.Equal(expected.Location.Name, site.Location.Name);
            Assert.Equal(expected.Location.ChildrenCount, site.Location.ChildrenCount);
            Assert.Null(site.AdditionalProperties);
            Assert.Null(site.Location.AdditionalProperties);
        }
    }

    [Fact]
    public async Task Assets_ParseWithEveryField()
    {
        var (_, body) = await fixture.SendAsync("assets", LifecycleTwinQuery.Empty.WithSelection(DefaultSelections.Asset).WithPage(0, 60));

        var assets = JsonSerializer.Deserialize(body, LifecycleTwinJsonContext.Default.ListAsset)!;

        Assert.Equal(60, assets.Count);
        foreach (var (asset, expected) in assets.Zip(fixture.Emulator.Assets))
        {
            Assert.Equal(expected.Id, asset.Id);
            Assert.Equal(expected.Name, asset.Name);
            Assert.Equal(expected.Description, asset.Description);
            Assert.Equal(expected.ProjectId, asset.ProjectId);
            Assert.Equal(expected.SerialNumber, asset.SerialNumber);
            Assert.Equal((decimal)expected.Quantity, asset.Quantity);
            Assert.Equal(expected.InstallationDate, asset.InstallationDate);
            Assert.Equal(expected.CreatedOn, asset.CreatedOn);
            Assert.Equal(expected.Location.Id, asset.Location!.Id);
            Assert.Equal(expected.Location.Name, asset.Location.Name);
            Assert.Equal(expected.Systems.Select(s => (s.Id, s.Name)), asset.Systems!.Select(s => (s.Id!, s.Name!)));
            Assert.Equal(expected.ModelObjects.Select(m => m.ObjectId), asset.ModelObjects!.Select(m => m.ObjectId!));
            Assert.Equal(expected.CustomFields.Count, asset.CustomFields!.Count);
            foreach (var (field, expectedField) in asset.CustomFields.Zip(expected.CustomFields))
            {
                Assert.Equal(expectedField.Id, field.Id);
                Assert.Equal(expectedField.Name, field.Name);
                object actualValue = field.Value!.Value.ValueKind switch
                {
                    JsonValueKind.Number => field.Value.Value.GetDouble(),
                    JsonValueKind.String => field.Value.Value.GetString()!,
                    JsonValueKind.True or JsonValueKind.False => field.Value.Value.GetBoolean(),
                    _ => throw new InvalidOperationException($"Unexpected custom field value kind {field.Value.Value.ValueKind}."),
                };
                Assert.Equal(expectedField.Value, actualValue);
                Assert.Null(field.AdditionalProperties);
            }

            Assert.Null(asset.AdditionalProperties);
            Assert.Null(asset.Location.AdditionalProperties);
        }
    }

    [Fact]
    public async Task Documents_ParseWithEveryField()
    {
        var (_, body) = await fixture.SendAsync("documents", LifecycleTwinQuery.Empty.WithSelection(DefaultSelections.Document));

        var documents = JsonSerializer.Deserialize(body, LifecycleTwinJsonContext.Default.ListDocument)!;

        Assert.Equal(fixture.Emulator.Documents.Count, documents.Count);
        foreach (var (document, expected) in documents.Zip(fixture.Emulator.Documents))
        {
            Assert.Equal(expected.Id, document.Id);
            Assert.Equal(expected.Name, document.Name);
            Assert.Equal(expected.IsFolder, document.IsFolder);
            Assert.Equal(expected.Parent?.Id, document.Parent?.Id);
            Assert.Equal(expected.Files.Select(f => (f.Id, f.Name, f.Size, f.ContentType)), document.Files!.Select(f => (f.Id!, f.Name!, f.Size!.Value, f.ContentType!)));
            Assert.Equal(expected.Category?.Id, document.Category?.Id);
            Assert.Equal(expected.CreatedOn, document.CreatedOn);
            Assert.Equal(expected.ModifiedOn, document.ModifiedOn);
            Assert.Null(document.AdditionalProperties);
        }
    }

    [Fact]
    public async Task GetById_DocumentedSite_IsAOneElementArray()
    {
        var (_, body) = await fixture.SendAsync("clientprojects/2f4978fe-ab1c-4d66-be94-2086d0887a86", LifecycleTwinQuery.Empty.WithSelection(DefaultSelections.Site), siteScoped: false);

        var site = Assert.Single(JsonSerializer.Deserialize(body, LifecycleTwinJsonContext.Default.ListSite)!);

        Assert.Equal("Building1", site.Name);
        Assert.Equal("Zug", site.Location!.Name);
        Assert.Equal(new DateTimeOffset(2022, 10, 18, 14, 32, 17, 23, TimeSpan.Zero), site.CreatedOn);
    }
}

using System.Globalization;
using System.Text.Json;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;
using DigitalTwin.Sdk.Testing.LifecycleTwin;
using Spectre.Console;

namespace DigitalTwin.Sdk.Samples.Output;

/// <summary>How the Lifecycle Twin scenario shows what the client returned.</summary>
internal sealed class LifecycleTwinView
{
    private const int AssetRows = 8;
    private const int DocumentRows = 6;

    /// <summary>Shows every site in a table.</summary>
    /// <param name="sites">The sites.</param>
    public void ShowSites(IReadOnlyList<Site> sites)
    {
        var table = new ResultTable("Site", "City", "Owner", "Location", "Id");
        foreach (var site in sites)
        {
            table.AddRow(site.Name, site.CityName, site.OwnerOrganization?.Name ?? site.OwnerOrganization?.Id, site.Location?.Name, site.Id);
        }

        table.Show();
    }

    /// <summary>Shows one site read by id.</summary>
    /// <param name="id">The id asked for.</param>
    /// <param name="site">The site.</param>
    public void ShowSite(string id, Site site) =>
        AnsiConsole.MarkupLineInterpolated($"GetSite({id}): [green]{site.Name ?? "-"}[/], created {site.CreatedOn:u}.");

    /// <summary>
    /// Walks the asset pages under a progress bar, then shows the first assets and how many came across how many pages.
    /// </summary>
    /// <param name="pages">The asset pages, 100 a page.</param>
    /// <param name="expected">How many assets match, when known (the emulator knows; a real service does not say).</param>
    /// <param name="siteCount">How many sites were listed, for the summary line.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>The first asset, or <see langword="null"/> when none matched.</returns>
    public async Task<Asset?> WalkAssetsAsync(IAsyncEnumerable<Page<Asset>> pages, long? expected, int siteCount, CancellationToken cancellationToken)
    {
        var table = new ResultTable("Asset", "Quantity", "Id");
        Asset? first = null;
        var (pageCount, matching) = await ProgressDisplay.WalkPagesAsync(pages, "Assets *Pump*", expected, page =>
        {
            foreach (var asset in page.Values)
            {
                first ??= asset;
                if (table.RowCount < AssetRows)
                {
                    table.AddRow(asset.Name, asset.Quantity?.ToString(CultureInfo.InvariantCulture), asset.Id);
                }
            }
        }, cancellationToken);

        table.Show();
        AnsiConsole.MarkupLineInterpolated($"Sites: [green]{siteCount}[/]; assets whose name contains 'Pump': [green]{matching}[/] across [green]{pageCount}[/] pages of 100 (first {AssetRows} shown).");
        return first;
    }

    /// <summary>Shows one asset read by id.</summary>
    /// <param name="id">The id asked for.</param>
    /// <param name="asset">The asset.</param>
    public void ShowAsset(string id, Asset asset) =>
        AnsiConsole.MarkupLineInterpolated(
            $"GetAsset({id}): [green]{asset.Name ?? "-"}[/] in {asset.Location?.Name ?? "-"}, {asset.Systems?.Count ?? 0} system(s), {asset.CustomFields?.Count ?? 0} custom field(s).");

    /// <summary>Shows the first documents and folders and how many there are.</summary>
    /// <param name="documents">Every document and folder.</param>
    public void ShowDocuments(IReadOnlyList<Document> documents)
    {
        var table = new ResultTable("Document", "Folder?", "Parent", "Files", "Id");
        foreach (var document in documents.Take(DocumentRows))
        {
            table.AddRow(
                document.Name,
                document.IsFolder == true ? "yes" : "no",
                document.Parent?.Name ?? document.Parent?.Id,
                string.Join(", ", document.Files?.Select(f => $"{f.Name} ({f.Size} B)") ?? []),
                document.Id);
        }

        table.Show();
        AnsiConsole.MarkupLineInterpolated($"Documents and folders: [green]{documents.Count}[/] (first {DocumentRows} shown).");
    }

    /// <summary>Shows one document read by id.</summary>
    /// <param name="id">The id asked for.</param>
    /// <param name="document">The document.</param>
    public void ShowDocument(string id, Document document) =>
        AnsiConsole.MarkupLineInterpolated($"GetDocument({id}): [green]{document.Name ?? "-"}[/], {document.Files?.Count ?? 0} file(s).");

    /// <summary>Shows how many raw entities of one type there are and the first one read by id.</summary>
    /// <param name="entityPath">The entity type's path, e.g. <c>locations</c>.</param>
    /// <param name="count">How many were listed.</param>
    /// <param name="firstId">The first one's id, or <see langword="null"/> when none was listed.</param>
    /// <param name="first">The first one as read by id, when there was one.</param>
    public void ShowEntities(string entityPath, int count, string? firstId, JsonElement? first)
    {
        var detail = firstId is null || first is null ? string.Empty : $"; GetEntity({firstId}): {first.Value.GetRawText()}";
        AnsiConsole.MarkupLineInterpolated($"{entityPath}: [green]{count}[/]{detail}");
    }

    /// <summary>Says that <c>--write</c> has nothing to write here.</summary>
    public void ShowNoWrites() => AnsiConsole.MarkupLine("[grey]--write: the SDK offers no Lifecycle Twin writes, so nothing was written.[/]");

    /// <summary>Shows what the embedded emulator saw.</summary>
    /// <param name="emulator">The emulator.</param>
    public void ShowEmulator(LifecycleTwinEmulator emulator) =>
        AnsiConsole.MarkupLineInterpolated($"The emulator saw {emulator.Requests.Count} requests and issued {emulator.TokensIssued} token(s).");
}

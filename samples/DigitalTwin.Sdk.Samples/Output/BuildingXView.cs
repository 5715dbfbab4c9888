using System.Globalization;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Testing.BuildingX;
using Spectre.Console;

namespace DigitalTwin.Sdk.Samples.Output;

/// <summary>How the Building X scenario shows what the client returned.</summary>
/// <param name="devicePageSize">Devices asked for per page.</param>
/// <param name="valuePageSize">Values asked for per page.</param>
/// <param name="valueWindow">How far back the values are read.</param>
/// <param name="firstDevices">How many devices the scenario reads points and child devices of.</param>
internal sealed class BuildingXView(int devicePageSize, int valuePageSize, TimeSpan valueWindow, int firstDevices)
{
    /// <summary>Shows each user group and how many partitions it gives access to.</summary>
    /// <param name="groups">The machine user's groups.</param>
    public void ShowUserGroups(IReadOnlyList<UserGroup> groups)
    {
        foreach (var group in groups)
        {
            AnsiConsole.MarkupLineInterpolated($"User group [green]{group.Attributes?.Name ?? group.Id ?? "-"}[/] gives access to {group.PartitionIds.Count} partition(s).");
        }
    }

    /// <summary>Shows every customer's partitions in a table.</summary>
    /// <param name="partitions">Each partition with its customer.</param>
    public void ShowPartitions(IReadOnlyList<(Customer Customer, Partition Partition)> partitions)
    {
        var table = new ResultTable("Customer", "Partition", "Id");
        foreach (var (customer, partition) in partitions)
        {
            table.AddRow(customer.Attributes?.Name ?? customer.Id, partition.Attributes?.Name, partition.Id);
        }

        table.Show();
    }

    /// <summary>Says that no partition is accessible, so the scenario stops.</summary>
    public void ShowNoPartition() => AnsiConsole.MarkupLine("[yellow]No partition is accessible with these credentials.[/]");

    /// <summary>Shows the buildings in a table.</summary>
    /// <param name="buildings">The buildings (locations of type Building).</param>
    public void ShowBuildings(IReadOnlyList<Location> buildings)
    {
        var table = new ResultTable("Building", "Id");
        foreach (var building in buildings)
        {
            table.AddRow(building.Attributes?.Label, building.Id);
        }

        table.Show();
    }

    /// <summary>
    /// Walks the device pages under a progress bar; the service tells no total, so the bar is indeterminate until the
    /// last next link.
    /// </summary>
    /// <param name="pages">The device pages.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>Every device and how many pages they came in.</returns>
    public async Task<(IReadOnlyList<Device> Devices, int Pages)> WalkDevicesAsync(IAsyncEnumerable<Page<Device>> pages, CancellationToken cancellationToken)
    {
        var devices = new List<Device>();
        var (pageCount, _) = await ProgressDisplay.WalkPagesAsync(pages, $"Devices, {devicePageSize} a page", expected: null, page => devices.AddRange(page.Values), cancellationToken);
        return (devices, pageCount);
    }

    /// <summary>
    /// Walks each point's value pages under a progress bar (determinate: the number of points is known), keeping each
    /// point's count, pages and latest value for <see cref="ShowValues"/>.
    /// </summary>
    /// <param name="points">The points with their devices.</param>
    /// <param name="readValues">Reads one point's value pages.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>What each point's values came to.</returns>
    public async Task<IReadOnlyList<PointValues>> WalkValuesAsync(
        IReadOnlyList<(Device Device, Point Point)> points, Func<Point, IAsyncEnumerable<Page<PointValue>>> readValues, CancellationToken cancellationToken)
    {
        var results = new List<PointValues>();
        await ProgressDisplay.RunAsync(async progress =>
        {
            var walk = new WorkCounter(progress, $"Values, {valueWindow.TotalHours:0} h", "points", points.Count);
            var allPages = 0;
            foreach (var (device, point) in points)
            {
                int count = 0, pages = 0;
                PointValue? latest = null;
                await foreach (var page in readValues(point).WithCancellation(cancellationToken))
                {
                    pages++;
                    count += page.Values.Count;
                    foreach (var value in page.Values)
                    {
                        if (latest is null || value.Attributes?.Timestamp > latest.Attributes?.Timestamp)
                        {
                            latest = value;
                        }
                    }
                }

                allPages += pages;
                walk.Advance(1, $"{allPages} pages");
                results.Add(new PointValues(device, point, count, pages, latest));
            }

            walk.Complete();
        });
        return results;
    }

    /// <summary>Shows every device with its DeviceInfo, and the child-device counts of the first devices.</summary>
    /// <param name="devices">The devices.</param>
    /// <param name="childCounts">How many child devices each of the first devices has, in order.</param>
    public void ShowDevices(IReadOnlyList<Device> devices, IReadOnlyList<int> childCounts)
    {
        var table = new ResultTable("Device", "Serial", "Model", "Firmware", "Child devices");
        foreach (var (device, index) in devices.Select((d, i) => (d, i)))
        {
            var info = device.GetDeviceInfo();
            table.AddRow(
                device.Attributes?.Name,
                device.Attributes?.SerialNumber,
                info?.Attributes?.Model,
                info?.Attributes?.FirmwareVersion,
                index < childCounts.Count ? childCounts[index].ToString(CultureInfo.InvariantCulture) : "");
        }

        table.Show();
    }

    /// <summary>Shows one device and one point read by id, with the point's present value.</summary>
    /// <param name="device">The device.</param>
    /// <param name="point">The point, read with <c>field[Point]=pointValue</c>.</param>
    public void ShowDeviceAndPoint(Device device, Point point) =>
        AnsiConsole.MarkupLineInterpolated(
            $"Device [green]{device.Attributes?.Name ?? "-"}[/], point [green]{point.Attributes?.Name ?? "-"}[/]: present value {point.Attributes?.PointValue?.Value?.ToString() ?? "-"} at {point.Attributes?.PointValue?.Timestamp?.ToString("u", CultureInfo.InvariantCulture) ?? "-"}.");

    /// <summary>Says that <c>--write</c> found no setpoint to command.</summary>
    public void ShowNoSetpoint() => AnsiConsole.MarkupLine("[yellow]--write: no active point named Setpoint among the first devices; nothing commanded.[/]");

    /// <summary>Shows a commanded setpoint and what it reads afterwards.</summary>
    /// <param name="setpoint">The point commanded.</param>
    /// <param name="result">The service's answer to the command.</param>
    /// <param name="after">The point read back.</param>
    public void ShowCommanded(Point setpoint, JsonApiWriteResult result, Point after) =>
        AnsiConsole.MarkupLineInterpolated($"--write: commanded {setpoint.Id} to 21.5 ({(int)result.StatusCode}); it now reads {after.Attributes?.PointValue?.Value?.ToString() ?? "-"}.");

    /// <summary>Shows how many devices came across how many pages.</summary>
    /// <param name="devices">How many devices.</param>
    /// <param name="pages">How many pages.</param>
    public void ShowDeviceSummary(int devices, int pages) =>
        AnsiConsole.MarkupLineInterpolated($"Devices: [green]{devices}[/] across [green]{pages}[/] pages of {devicePageSize} (child devices counted for the first {firstDevices}).");

    /// <summary>Shows each point's values and the totals.</summary>
    /// <param name="values">What <see cref="WalkValuesAsync"/> returned.</param>
    public void ShowValues(IReadOnlyList<PointValues> values)
    {
        var table = new ResultTable("Device", "Point", "Values", "Pages", "Latest (UTC)", "Value");
        foreach (var v in values)
        {
            table.AddRow(
                v.Device.Attributes?.Name ?? v.Device.Id,
                v.Point.Attributes?.Name ?? v.Point.Id,
                v.Count.ToString(CultureInfo.InvariantCulture),
                v.Pages.ToString(CultureInfo.InvariantCulture),
                v.Latest?.Attributes?.Timestamp?.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture),
                v.Latest?.Attributes?.Value?.GetRawText());
        }

        table.Show();
        long total = values.Sum(v => (long)v.Count);
        AnsiConsole.MarkupLineInterpolated(
            $"Values: [green]{total:N0}[/] for {values.Count} points of the first {firstDevices} devices across [green]{values.Sum(v => v.Pages)}[/] pages of {valuePageSize}.");
    }

    /// <summary>Shows what the embedded emulator saw.</summary>
    /// <param name="emulator">The emulator.</param>
    public void ShowEmulator(BuildingXEmulator emulator) =>
        AnsiConsole.MarkupLineInterpolated(
            $"The emulator saw {emulator.Requests.Count} requests, issued {emulator.TokensIssued} token(s) and answered 429 {emulator.RateLimitedCount} time(s).");

    /// <summary>One point's values over the window.</summary>
    /// <param name="Device">The point's device.</param>
    /// <param name="Point">The point.</param>
    /// <param name="Count">How many values came.</param>
    /// <param name="Pages">How many pages they came in.</param>
    /// <param name="Latest">The newest value, or <see langword="null"/> when none came.</param>
    internal sealed record PointValues(Device Device, Point Point, int Count, int Pages, PointValue? Latest);
}

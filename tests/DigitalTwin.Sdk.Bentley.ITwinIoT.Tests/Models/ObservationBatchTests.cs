using DigitalTwin.Sdk.Bentley.ITwinIoT.Internal;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Tests.Models;

/// <summary>getData frames arrive in pooled batches: each batch keeps its own points until returned.</summary>
public sealed class ObservationBatchTests
{
    [Fact]
    public void ParsePooled_EachBatchKeepsItsOwnPoints_UntilReturned()
    {
        var parser = new ObservationFrameParser(null, resumable: true);

        var first = parser.ParsePooled("""{"data":{"2024-01-01T00:00:00.000Z":1.5,"2024-01-01T00:00:01.000Z":2.5}}"""u8).Item!;
        var second = parser.ParsePooled("""{"data":{"2024-01-01T00:00:02.000Z":3.5},"requestStatus":"finished","sensor":"s-1"}"""u8);

        Assert.Equal(2, first.Count);
        Assert.Equal(new Observation(new DateTimeOffset(2024, 1, 1, 0, 0, 1, TimeSpan.Zero), 2.5), first[1].Observation);
        Assert.Null(first[0].SensorId);
        Assert.True(second.IsEnd);
        Assert.Equal(1, second.Item!.Count);
        Assert.Equal(new SensorObservation("s-1", new Observation(new DateTimeOffset(2024, 1, 1, 0, 0, 2, TimeSpan.Zero), 3.5)), second.Item[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => first[2]);

        first.Return();
        first.Return();
        Assert.Throws<ObjectDisposedException>(() => first[0]);
        Assert.Equal(3.5, second.Item[0].Observation.Value);
    }

    [Fact]
    public void ParsePooled_FrameLargerThanTheBuffer_GrowsAndKeepsEveryPointInOrder()
    {
        var parser = new ObservationFrameParser("s-2", resumable: true);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var json = "{\"data\":{" + string.Join(',', Enumerable.Range(0, 1000).Select(i => $"\"{start.AddSeconds(i):yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\":{i}")) + "}}";

        var batch = parser.ParsePooled(System.Text.Encoding.UTF8.GetBytes(json)).Item!;

        Assert.Equal(1000, batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            Assert.Equal(new SensorObservation("s-2", new Observation(start.AddSeconds(i), i)), batch[i]);
        }

        batch.Return();
    }

    [Fact]
    public void ParsePooled_FinishedOnly_EndsWithoutABatch()
    {
        var frame = new ObservationFrameParser(null, resumable: true).ParsePooled("""{"requestStatus":"finished"}"""u8);

        Assert.True(frame.IsEnd);
        Assert.False(frame.HasItem);
    }
}

namespace DigitalTwin.Sdk.Reliability.Tests.Uploads;

/// <summary>Counts of the bulk-upload runs of this process, for the closing report.</summary>
public static class UploadTotals
{
    private static long _sent;
    private static long _acknowledged;
    private static long _rejected;
    private static long _failed;
    private static long _received;

    public static string Summary =>
        $"sent {Interlocked.Read(ref _sent)}, acknowledged {Interlocked.Read(ref _acknowledged)}, reported rejected {Interlocked.Read(ref _rejected)}, reported failed {Interlocked.Read(ref _failed)}, emulator received {Interlocked.Read(ref _received)}";

    public static void Record(long sent, long acknowledged, long rejected, long failed, long received)
    {
        Interlocked.Add(ref _sent, sent);
        Interlocked.Add(ref _acknowledged, acknowledged);
        Interlocked.Add(ref _rejected, rejected);
        Interlocked.Add(ref _failed, failed);
        Interlocked.Add(ref _received, received);
    }
}

namespace DigitalTwin.Sdk.Reliability.Tests.Chaos;

/// <summary>Counts of the chaos runs of this process, for the closing report.</summary>
public static class ChaosTotals
{
    private static long _ok;
    private static long _lost;
    private static long _drops;
    private static long _notifications;

    public static long RequestsOk => Interlocked.Read(ref _ok);

    public static long RequestsLost => Interlocked.Read(ref _lost);

    public static long Drops => Interlocked.Read(ref _drops);

    public static long Notifications => Interlocked.Read(ref _notifications);

    public static void Record(long ok, long lost, long drops, long notifications)
    {
        Interlocked.Add(ref _ok, ok);
        Interlocked.Add(ref _lost, lost);
        Interlocked.Add(ref _drops, drops);
        Interlocked.Add(ref _notifications, notifications);
    }
}

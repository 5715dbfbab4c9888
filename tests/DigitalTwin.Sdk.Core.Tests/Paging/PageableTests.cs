using System.Collections.Concurrent;
using DigitalTwin.Sdk.Core.Paging;

namespace DigitalTwin.Sdk.Core.Tests.Paging;

public sealed class PageableTests
{
    private static (AsyncPageable<int> Pageable, ConcurrentQueue<(int Page, int Size)> Fetches) Numbers(int total, bool prefetch = false, Func<int, Task>? onFetch = null)
    {
        var fetches = new ConcurrentQueue<(int, int)>();
        var pageable = PageableHelpers.CreatePageNumber<int>(
            async (page, size, ct) =>
            {
                fetches.Enqueue((page, size));
                if (onFetch is not null)
                {
                    await onFetch(page).WaitAsync(ct);
                }

                IReadOnlyList<int> items = Enumerable.Range(page * size, Math.Max(0, Math.Min(size, total - (page * size)))).ToArray();
                return (items, $"req-{page}");
            },
            defaultPageSize: 10,
            maxPageSize: 1000,
            prefetch: prefetch);
        return (pageable, fetches);
    }

    [Fact]
    public async Task Enumerate_WalksAllPagesInOrder()
    {
        var (pageable, fetches) = Numbers(35);

        var items = await pageable.ToListAsync();

        Assert.Equal(Enumerable.Range(0, 35), items);
        Assert.Equal(new[] { 0, 1, 2, 3 }, fetches.Select(f => f.Page));
    }

    [Fact]
    public async Task Enumerate_ExactMultipleOfPageSize_EndsWithEmptyPage()
    {
        var (pageable, fetches) = Numbers(20);

        Assert.Equal(20, (await pageable.ToListAsync()).Count);
        Assert.Equal(3, fetches.Count);
    }

    [Fact]
    public async Task AsPages_WithContinuationToken_ResumesExactlyAtThatPage()
    {
        var (pageable, _) = Numbers(100);
        var first = await pageable.AsPages(pageSizeHint: 10).Take(3).ToListAsync();
        var token = first[^1].ContinuationToken;
        Assert.Equal("3", token);

        var (resumed, fetches) = Numbers(100);
        var rest = await resumed.AsPages(token, 10).ToListAsync();

        Assert.Equal(3, fetches.First().Page);
        Assert.Equal(30, rest[0].Values[0]);
        Assert.Equal(Enumerable.Range(30, 70), rest.SelectMany(p => p.Values));
        Assert.Equal("req-3", rest[0].RequestId);
    }

    [Fact]
    public void AsPages_ForeignToken_ThrowsArgumentException()
    {
        var (pageable, _) = Numbers(10);

        Assert.Throws<ArgumentException>(() => pageable.AsPages("not-a-page").GetAsyncEnumerator().MoveNextAsync().AsTask().GetAwaiter().GetResult());
    }

    [Fact]
    public async Task AsPages_PageSizeAboveMax_Throws()
    {
        var (pageable, _) = Numbers(10);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await pageable.AsPages(pageSizeHint: 5000).ToListAsync());
    }

    [Fact]
    public async Task Prefetch_RequestsNextPageWhileCurrentIsConsumed()
    {
        var (pageable, fetches) = Numbers(30, prefetch: true);

        await foreach (var page in pageable.AsPages())
        {
            // While the caller holds full page N, pages N+1 and N+2 are already requested.
            var expectedFetches = page.ContinuationToken is null ? fetches.Count : int.Parse(page.ContinuationToken, System.Globalization.CultureInfo.InvariantCulture) + 2;
            Assert.Equal(expectedFetches, fetches.Count);
        }

        // Pages 0-3 (3 is empty), plus page 4 requested while page 3 was awaited and cancelled when 3 came back short.
        Assert.Equal(5, fetches.Count);
    }

    [Fact]
    public async Task Prefetch_FirstPageShort_MakesExactlyOneRequest()
    {
        var (pageable, fetches) = Numbers(7, prefetch: true);

        var items = await pageable.ToListAsync();

        Assert.Equal(Enumerable.Range(0, 7), items);
        Assert.Equal([(0, 10)], fetches);
    }

    [Fact]
    public async Task Prefetch_WhileAwaitingNextPage_RequestsThePageAfterItSoLatenciesOverlap()
    {
        var secondRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (pageable, fetches) = Numbers(50, prefetch: true, onFetch: page =>
        {
            if (page == 2)
            {
                secondRequested.TrySetResult();
            }

            // Page 1 answers only once page 2 is in flight: a pageable that waits for page 1 before asking for page 2 stalls here.
            return page == 1 ? secondRequested.Task.WaitAsync(TimeSpan.FromSeconds(5)) : Task.CompletedTask;
        });

        var items = await pageable.ToListAsync();

        Assert.Equal(Enumerable.Range(0, 50), items);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], fetches.Select(f => f.Page).Order());
    }

    [Fact]
    public async Task Prefetch_EarlyBreak_CancelsAndObservesPendingFetch()
    {
        var blocked = new TaskCompletionSource();
        var cancelled = false;
        var (pageable, fetches) = Numbers(100, prefetch: true, onFetch: async page =>
        {
            if (page == 1)
            {
                try
                {
                    await blocked.Task;
                }
                catch (OperationCanceledException)
                {
                    cancelled = true;
                    throw;
                }
            }
        });

        await foreach (var page in pageable.AsPages())
        {
            break;
        }

        // Page 0 plus the two prefetched pages (1 and 2), both abandoned when the caller stopped.
        Assert.Equal([0, 1, 2], fetches.Select(f => f.Page).Order());
        Assert.False(cancelled);
    }

    [Fact]
    public async Task Enumerate_CancelledToken_Throws()
    {
        var (pageable, _) = Numbers(100);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pageable.ToListAsync(cts.Token));
    }

    [Fact]
    public async Task FromPages_ServesGivenPagesForFakes()
    {
        var pageable = AsyncPageable<string>.FromPages([new Page<string>(["a", "b"], "x"), new Page<string>(["c"], null)]);

        Assert.Equal(["a", "b", "c"], await pageable.ToListAsync());
        var resumed = await pageable.AsPages("1").ToListAsync();
        Assert.Equal(["c"], resumed.Single().Values);
    }
}

using Neyman.Learning.Trees;
using Xunit;

namespace Neyman.Learning.Tests.Trees;

public sealed class WorkerTeamTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void EveryIndexRunsOnceInEveryLoop(int threads)
    {
        using var team = new WorkerTeam(new ParallelOptions { MaxDegreeOfParallelism = threads });
        Assert.Equal(threads, team.Threads);
        for (var loop = 0; loop < 2000; loop++)
        {
            var runs = new int[loop % 37];
            team.For(0, runs.Length, i => Interlocked.Increment(ref runs[i]));
            Assert.All(runs, r => Assert.Equal(1, r));
        }
    }

    [Fact]
    public void ALoopInsideALoopRunsOnTheCallingThread()
    {
        using var team = new WorkerTeam(new ParallelOptions { MaxDegreeOfParallelism = 2 });
        var sums = new int[8];
        team.For(0, 8, i => team.For(0, 10, j => sums[i] += j));
        Assert.All(sums, s => Assert.Equal(45, s));
    }

    [Fact]
    public void AFailingBodyStopsTheLoopWithItsException()
    {
        using var team = new WorkerTeam(new ParallelOptions { MaxDegreeOfParallelism = 2 });
        var e = Assert.Throws<AggregateException>(() => team.For(0, 100, i =>
        {
            if (i == 17)
            {
                throw new InvalidOperationException("body 17");
            }
        }));
        Assert.Equal("body 17", Assert.IsType<InvalidOperationException>(e.InnerException).Message);
        // The team still works afterwards.
        var count = 0;
        team.For(0, 50, _ => Interlocked.Increment(ref count));
        Assert.Equal(50, count);
    }

    [Fact]
    public void ACancelledTokenStopsBeforeTheLoop()
    {
        using var source = new CancellationTokenSource();
        using var team = new WorkerTeam(new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = source.Token });
        source.Cancel();
        Assert.Throws<OperationCanceledException>(() => team.For(0, 4, _ => { }));
    }
}

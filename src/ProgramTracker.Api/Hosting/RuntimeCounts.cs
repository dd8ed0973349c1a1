using System.Runtime;

namespace ProgramTracker.Api.Hosting;

/// <summary>What the .NET runtime spent in this process so far, as one line a benchmark can parse.</summary>
public static class RuntimeCounts
{
    public const string Prefix = "runtime counts:";

    public static string Describe()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        return $"{Prefix} gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)} collections, " +
               $"{GC.GetTotalAllocatedBytes() / (1024 * 1024)} MB allocated, GC pauses {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms, " +
               $"{System.Runtime.JitInfo.GetCompiledMethodCount()} methods JIT-compiled, {ThreadPool.ThreadCount} thread-pool threads, " +
               $"server GC {GCSettings.IsServerGC}, latency {GCSettings.LatencyMode}, heap {info.HeapSizeBytes / (1024 * 1024)} MB";
    }
}

using System.Diagnostics;
using System.Globalization;

namespace Annuaire.LoadTest;

/// <summary>
/// Processor time used by the load generator itself and, when its process id is known, by the site:
/// on a machine where both share the cores, the generator's share tells whether it, not the site,
/// limits the throughput.
/// </summary>
internal readonly record struct CpuTimes(TimeSpan Client, TimeSpan? Server)
{
    /// <summary>The times now.</summary>
    public static CpuTimes Read(int? serverProcessId)
    {
        using var self = Process.GetCurrentProcess();
        TimeSpan? server = null;
        if (serverProcessId is { } pid)
        {
            try
            {
                using var site = Process.GetProcessById(pid);
                server = site.TotalProcessorTime;
            }
            catch (ArgumentException)
            {
                // The site has exited: the run reports its failed requests.
            }
        }

        return new CpuTimes(self.TotalProcessorTime, server);
    }

    /// <summary>The time used between two readings.</summary>
    public static CpuTimes operator -(CpuTimes after, CpuTimes before) =>
        new(after.Client - before.Client, after.Server is { } a && before.Server is { } b ? a - b : null);

    /// <summary>French line: processor milliseconds per answer and share of the machine's cores.</summary>
    public string Describe(int answers, double seconds)
    {
        var cores = Environment.ProcessorCount;
        string Part(string who, TimeSpan time) => string.Create(CultureInfo.InvariantCulture,
            $"{who} {time.TotalMilliseconds / Math.Max(1, answers):0.00} ms par réponse ({100 * time.TotalSeconds / Math.Max(seconds, 1e-9) / cores:0} % de {cores} cœurs)");
        return "Processeur : " + (Server is { } server ? Part("site", server) + " ; " : string.Empty) + Part("générateur de charge", Client);
    }
}

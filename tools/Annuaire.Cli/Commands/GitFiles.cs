using System.Diagnostics;

namespace Annuaire.Cli.Commands;

/// <summary>Asks git which content files changed, and what they contained at a revision.</summary>
internal static class GitFiles
{
    /// <summary>Paths (relative to <paramref name="contentRoot"/>) changed since <paramref name="revision"/>, including uncommitted ones.</summary>
    public static IReadOnlySet<string>? ChangedSince(string contentRoot, string revision, TextWriter error)
    {
        var output = Run(contentRoot, error, "diff", "--name-only", "--relative", revision, "--", ".");
        return output?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Runs git in <paramref name="workingDirectory"/>; null (and a French message) on failure.</summary>
    public static string? Run(string workingDirectory, TextWriter error, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEnd();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                error.WriteLine($"Erreur git ({string.Join(' ', arguments)}) : {stderr.Trim()}");
                return null;
            }

            return stdout;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            error.WriteLine("Erreur : git est introuvable ; installez git ou retirez l'option.");
            return null;
        }
    }
}

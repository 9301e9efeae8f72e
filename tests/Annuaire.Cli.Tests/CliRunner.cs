namespace Annuaire.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output and a fixed date (2026-11-22).</summary>
internal static class CliRunner
{
    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    }

    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, new FixedClock());
        return (code, output.ToString(), error.ToString());
    }

    public static string TestContent => Path.Combine(AppContext.BaseDirectory, "TestData", "content");

    /// <summary>A temporary copy of the test content, deleted with the returned handle.</summary>
    public static DirectoryInfo CopyOfTestContent()
    {
        var target = Directory.CreateTempSubdirectory("annuaire-cli-");
        foreach (var file in Directory.EnumerateFiles(TestContent, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target.FullName, Path.GetRelativePath(TestContent, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }
}

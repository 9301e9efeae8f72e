using System.CommandLine;
using Annuaire.Cli.Commands;

namespace Annuaire.Cli;

/// <summary>Builds the command tree; the entry point is testable with any writers and clock.</summary>
public static class CliApp
{
    /// <summary>Runs the CLI and returns its exit code (0 ok, 1 invalid content, 2 failure).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider clock)
    {
        var console = new CliConsole(output, error, clock);
        var root = new RootCommand("Annuaire des offres de service : outils des éditeurs.")
        {
            ValidateCommand.Create(console),
            NewCommand.Create(console),
            IndexCommand.Create(console),
            SearchCommand.Create(console),
            ReportCommand.Create(console),
            ExportCommand.Create(console),
            DiffCommand.Create(console),
            ImportCommand.Create(console),
            ReferentielsCommand.Create(console),
        };

        // Our own handler: documented exit code 2 and a French message, never a stack trace.
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return root.Parse(args).Invoke(configuration);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or FormatException)
        {
            error.WriteLine($"Erreur : {Annuaire.Web.Services.IndexErrorWording.Of(ex) ?? ex.Message}");
            return ExitCodes.Failure;
        }
    }
}

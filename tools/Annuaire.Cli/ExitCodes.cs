namespace Annuaire.Cli;

/// <summary>Documented exit codes of the <c>annuaire</c> command.</summary>
internal static class ExitCodes
{
    /// <summary>Success: no error (and no warning with <c>--warnings-as-errors</c>).</summary>
    public const int Ok = 0;

    /// <summary>The content is invalid (validation errors) or the input was refused.</summary>
    public const int InvalidContent = 1;

    /// <summary>The command could not run (missing folder, bad usage, I/O failure).</summary>
    public const int Failure = 2;
}

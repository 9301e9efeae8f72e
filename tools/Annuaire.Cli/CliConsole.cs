namespace Annuaire.Cli;

/// <summary>Where commands write, and the clock they use (injected for tests).</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Clock">The clock.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, TimeProvider Clock);

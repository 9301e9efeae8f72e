using System.CommandLine;

namespace Annuaire.Cli.Commands;

/// <summary>
/// The options every command spells the same way: <c>--content DIR</c> (default <c>content</c>)
/// and <c>--format</c> (text, json, markdown or github, as the command allows). The spellings of
/// earlier versions (content folder as a positional argument, <c>--json</c>) still work, hidden.
/// </summary>
internal static class CliOptions
{
    /// <summary>The default content folder.</summary>
    public const string DefaultContent = "content";

    /// <summary>Every output format, in the order help lists them.</summary>
    public static readonly string[] Formats = ["text", "json", "markdown", "github"];

    /// <summary><c>--content DIR</c>.</summary>
    public static Option<string> Content() =>
        new("--content") { Description = "Dossier de contenu (par défaut : content).", DefaultValueFactory = _ => DefaultContent };

    /// <summary>The content folder given as a positional argument, as in earlier versions (hidden from help).</summary>
    public static Argument<string?> LegacyContentArgument() =>
        new("dossier") { Hidden = true, Arity = ArgumentArity.ZeroOrOne };

    /// <summary>The content folder: <c>--content</c>, else the legacy positional argument, else <c>content</c>.</summary>
    public static string ContentFolder(ParseResult result, Option<string> content, Argument<string?>? legacy = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var explicitOption = result.GetResult(content) is { Implicit: false };
        return !explicitOption && legacy is not null && result.GetValue(legacy) is { Length: > 0 } positional
            ? positional
            : result.GetValue(content)!;
    }

    /// <summary><c>--format</c>, restricted to <paramref name="allowed"/> (the first is the default).</summary>
    public static Option<string> Format(string description, params string[] allowed)
    {
        var option = new Option<string>("--format") { Description = description, DefaultValueFactory = _ => allowed[0] };
        option.AcceptOnlyFromAmong([.. Formats.Where(allowed.Contains)]);
        return option;
    }
}

using YamlDotNet.Core;

namespace Annuaire.Content.Parsing;

/// <summary>
/// Raised by <see cref="SafeYamlParser"/> to stop the YAML loader at the first refused event;
/// always caught by <see cref="YamlText"/> and turned into a located diagnostic.
/// </summary>
internal sealed class RefusedYamlException : Exception
{
    /// <summary>What was refused.</summary>
    public enum Reason
    {
        /// <summary>An anchor (<c>&amp;name</c>).</summary>
        Anchor,

        /// <summary>An alias (<c>*name</c>).</summary>
        Alias,

        /// <summary>A list or mapping used as a key.</summary>
        ComplexKey,

        /// <summary>Nesting deeper than <see cref="SafeYamlParser.MaxDepth"/>.</summary>
        TooDeep,

        /// <summary>The file's time budget ran out.</summary>
        TooSlow,
    }

    /// <summary>Creates the exception.</summary>
    public RefusedYamlException(Mark at, Reason why)
        : base(why.ToString())
    {
        At = at;
        Why = why;
    }

    /// <summary>Where the refused event starts.</summary>
    public Mark At { get; }

    /// <summary>What was refused.</summary>
    public Reason Why { get; }
}

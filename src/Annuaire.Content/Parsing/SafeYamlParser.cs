using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Annuaire.Content.Parsing;

/// <summary>
/// Passes YAML parser events through, refusing before any node is built the features that let a
/// few hundred bytes cost exponential time or memory: anchors and aliases (the "billion laughs"
/// family), complex keys (a mapping or list used as a key, whose hashing walks the whole tree) and
/// deep nesting. Front-matter never needs them. Also remembers where the last good event ended, so
/// a failure without a position is still located, in one pass.
/// </summary>
internal sealed class SafeYamlParser(IParser inner, FileBudget? budget) : IParser
{
    /// <summary>Deepest nesting of lists and mappings accepted (real front-matter uses 3).</summary>
    public const int MaxDepth = 20;

    private readonly List<(bool IsMapping, bool ExpectsKey)> _open = [];
    private int _events;

    /// <inheritdoc />
    public ParsingEvent? Current => inner.Current;

    /// <summary>End of the last event read without error (1-based line).</summary>
    public Mark LastGood { get; private set; } = new(0, 1, 1);

    /// <inheritdoc />
    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        var current = inner.Current!;
        Check(current);
        LastGood = current.End;
        return true;
    }

    private void Check(ParsingEvent current)
    {
        // The budget is read every 256 events: cheap, and a hostile file cannot run far past it.
        if (budget is not null && (++_events & 0xFF) == 0 && budget.IsSpent)
        {
            throw new RefusedYamlException(current.Start, RefusedYamlException.Reason.TooSlow);
        }

        switch (current)
        {
            case AnchorAlias:
                throw new RefusedYamlException(current.Start, RefusedYamlException.Reason.Alias);
            case NodeEvent { Anchor.IsEmpty: false }:
                throw new RefusedYamlException(current.Start, RefusedYamlException.Reason.Anchor);
            case MappingEnd or SequenceEnd:
                _open.RemoveAt(_open.Count - 1);
                break;
            case NodeEvent:
                // Inside a mapping, nodes alternate key, value, key…
                var isKey = false;
                if (_open.Count > 0 && _open[^1].IsMapping)
                {
                    isKey = _open[^1].ExpectsKey;
                    _open[^1] = (true, !isKey);
                }

                if (current is MappingStart or SequenceStart)
                {
                    if (isKey)
                    {
                        throw new RefusedYamlException(current.Start, RefusedYamlException.Reason.ComplexKey);
                    }

                    if (_open.Count >= MaxDepth)
                    {
                        throw new RefusedYamlException(current.Start, RefusedYamlException.Reason.TooDeep);
                    }

                    _open.Add((current is MappingStart, true));
                }

                break;
            default:
                break;
        }
    }
}

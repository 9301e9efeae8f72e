using System.Text.Json.Nodes;

namespace Annuaire.Tests.Shared;

/// <summary>Ways tests damage files on disk (linked into the test projects that need them).</summary>
internal static class FileDamage
{
    /// <summary>Flips one bit in the middle of the file.</summary>
    public static void Flip(string file)
    {
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0x20;
        File.WriteAllBytes(file, bytes);
    }

    /// <summary>Rewrites a JSON file after <paramref name="change"/>.</summary>
    public static void Rewrite(string file, Action<JsonNode> change)
    {
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        change(json);
        File.WriteAllText(file, json.ToJsonString());
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Annuaire.Content;
using Annuaire.Content.Files;
using Annuaire.Content.Referentials;

namespace Annuaire.Search.Indexing;

/// <summary>
/// A folder of published index versions: the artifact that CI builds once per content commit and
/// that replicas serve from a shared volume. Layout: <c>manifest.json</c> names the version to
/// serve; <c>versions/ID/</c> holds the Lucene index (<c>index/</c>), the referentials it was built
/// with (<c>referentiels/</c>) and <c>version.json</c> (engine version, content fingerprint, and
/// every file with its length and SHA-256). A version is written in a staging folder renamed at the
/// end and the manifest is replaced by a rename, so readers never see either half-written; a version
/// copied by other means (rsync, object storage) is checked against its list before it is served.
/// </summary>
public sealed partial class IndexVersionStore
{
    /// <summary>The small file replicas poll: which version to serve.</summary>
    public const string ManifestFileName = "manifest.json";

    /// <summary>Folder of the versions, under the store's root.</summary>
    public const string VersionsFolderName = "versions";

    /// <summary>The Lucene index, inside a version.</summary>
    public const string IndexFolderName = "index";

    /// <summary>The list of a version's files, written last.</summary>
    public const string VersionFileName = "version.json";

    private const string StagingPrefix = ".tmp-";
    private const long MaxManifestBytes = 64 * 1024;
    private const long MaxVersionFileBytes = 4 * 1024 * 1024;
    private static readonly TimeSpan LeftoverAge = TimeSpan.FromHours(1);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    /// <summary>Opens (without touching the disk) the store at <paramref name="root"/>.</summary>
    public IndexVersionStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The store's folder.</summary>
    public string Root { get; }

    /// <summary>
    /// Identity of this engine's analysis and document code: a version built by another engine is
    /// never served (its tokens may differ from what this code searches for).
    /// </summary>
    public static string EngineVersion => IndexFolder.Format;

    private string VersionsPath => Path.Combine(Root, VersionsFolderName);

    private string ManifestPath => Path.Combine(Root, ManifestFileName);

    /// <summary>
    /// Builds the catalogue's index as a new version, then points the manifest at it and deletes
    /// the oldest versions beyond <paramref name="keep"/> (never the one designated). When the
    /// designated version already holds this content for this engine and is whole, nothing is built.
    /// </summary>
    /// <exception cref="IOException">When writing fails; the manifest still designates the previous version.</exception>
    public PublishResult Publish(ContentCatalog catalog, TimeProvider clock, int keep)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        System.IO.Directory.CreateDirectory(VersionsPath);
        if (TryOpenCurrent() is { } current && current.Fingerprint == catalog.Fingerprint)
        {
            return new PublishResult(current, Reused: true, []);
        }

        RemoveLeftovers(clock);
        var builtAt = clock.GetUtcNow();
        var id = string.Create(CultureInfo.InvariantCulture, $"{builtAt:yyyyMMdd-HHmmss}-{ShortFingerprint(catalog.Fingerprint)}");
        var folder = Path.Combine(VersionsPath, id);
        if (System.IO.Directory.Exists(folder))
        {
            throw new IndexWriteException(IndexWriteFailure.VersionExists, Root, id);
        }

        var staging = Path.Combine(VersionsPath, StagingPrefix + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            System.IO.Directory.CreateDirectory(staging);
            using (var engine = new OfferSearchEngine(clock))
            {
                engine.Rebuild(catalog);
                engine.SaveIndex(Path.Combine(staging, IndexFolderName));
            }

            CopyReferentials(catalog.Root, staging);
            var description = new VersionFile(EngineVersion, catalog.Fingerprint, catalog.Offers.Count, builtAt, ListFiles(staging));
            WriteSynced(Path.Combine(staging, VersionFileName), JsonSerializer.SerializeToUtf8Bytes(description, Json));
            System.IO.Directory.Move(staging, folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(staging);
            throw new IndexWriteException(IndexWriteFailure.PublishFailed, Root, id, ex);
        }

        WriteManifest(id, clock.GetUtcNow());
        return new PublishResult(new IndexVersion(id, folder, catalog.Fingerprint, catalog.Offers.Count, builtAt), Reused: false, Prune(keep, id));
    }

    /// <summary>Points the manifest at an existing version (rollback), after checking it whole and built by this engine.</summary>
    /// <exception cref="IndexUnusableException">The version is missing, incomplete, corrupt or from another engine; the manifest is unchanged.</exception>
    public IndexVersion Activate(string id, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var version = Open(id);
        WriteManifest(version.Id, clock.GetUtcNow());
        return version;
    }

    /// <summary>The version the manifest designates (its name only: see <see cref="Open"/>).</summary>
    /// <exception cref="IndexUnusableException">No manifest (<see cref="IndexProblem.Missing"/>) or an unreadable one (<see cref="IndexProblem.Corrupt"/>).</exception>
    public string ReadManifest()
    {
        try
        {
            var info = new FileInfo(ManifestPath);
            if (!info.Exists)
            {
                throw new IndexUnusableException(IndexProblem.Missing, Root, file: ManifestFileName);
            }

            var manifest = info.Length <= MaxManifestBytes ? JsonSerializer.Deserialize<Manifest>(File.ReadAllBytes(info.FullName), Json) : null;
            return manifest?.Version is { } version && IsVersionId(version)
                ? version
                : throw new IndexUnusableException(IndexProblem.Corrupt, Root, file: ManifestFileName);
        }
        catch (Exception ex) when (ex is (JsonException or IOException or UnauthorizedAccessException) and not IndexUnusableException)
        {
            throw new IndexUnusableException(ex is FileNotFoundException ? IndexProblem.Missing : IndexProblem.Corrupt, Root, file: ManifestFileName, innerException: ex);
        }
    }

    /// <summary>
    /// A version, after checking that it was built by this engine and that every file it lists is
    /// there with its length and SHA-256 (the Lucene checksums are checked again when it is loaded).
    /// </summary>
    /// <exception cref="IndexUnusableException">
    /// <see cref="IndexProblem.Missing"/> (no such folder), <see cref="IndexProblem.Incomplete"/> (no
    /// list yet, or files missing or short), <see cref="IndexProblem.Corrupt"/> (bytes differ, unreadable
    /// list), <see cref="IndexProblem.OtherVersion"/> (another engine).
    /// </exception>
    public IndexVersion Open(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!IsVersionId(id))
        {
            throw new IndexUnusableException(IndexProblem.Corrupt, Root, id);
        }

        var folder = Path.Combine(VersionsPath, id);
        if (!System.IO.Directory.Exists(folder))
        {
            throw new IndexUnusableException(IndexProblem.Missing, Root, id);
        }

        try
        {
            var list = new FileInfo(Path.Combine(folder, VersionFileName));
            if (!list.Exists)
            {
                throw new IndexUnusableException(IndexProblem.Incomplete, Root, id, VersionFileName);
            }

            var description = list.Length <= MaxVersionFileBytes ? JsonSerializer.Deserialize<VersionFile>(File.ReadAllBytes(list.FullName), Json) : null;
            if (description is not { Engine: not null, Fingerprint: not null, Files.Count: > 0 })
            {
                throw new IndexUnusableException(IndexProblem.Corrupt, Root, id, VersionFileName);
            }

            if (description.Engine != EngineVersion)
            {
                throw new IndexUnusableException(IndexProblem.OtherVersion, Root, id);
            }

            foreach (var file in description.Files)
            {
                Verify(Root, folder, id, file);
            }

            return new IndexVersion(id, folder, description.Fingerprint, description.Offers, description.BuiltAt);
        }
        catch (Exception ex) when (ex is (JsonException or IOException or UnauthorizedAccessException) and not IndexUnusableException)
        {
            var problem = ex is FileNotFoundException or DirectoryNotFoundException ? IndexProblem.Incomplete : IndexProblem.Corrupt;
            throw new IndexUnusableException(problem, Root, id, innerException: ex);
        }
    }

    /// <summary>The versions present (complete or not), newest first.</summary>
    public IReadOnlyList<string> List()
    {
        if (!System.IO.Directory.Exists(VersionsPath))
        {
            return [];
        }

        return [.. System.IO.Directory.EnumerateDirectories(VersionsPath).Select(Path.GetFileName).OfType<string>()
            .Where(IsVersionId).OrderDescending(StringComparer.Ordinal)];
    }

    /// <summary>Whether <paramref name="id"/> can name a version (never a path, never a staging folder).</summary>
    public static bool IsVersionId(string id) => VersionIdPattern().IsMatch(id);

    private static void Verify(string root, string folder, string id, VersionFile.Entry file)
    {
        if (file.Path is null || file.Sha256 is null || Path.IsPathRooted(file.Path) || file.Path.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new IndexUnusableException(IndexProblem.Corrupt, root, id, VersionFileName);
        }

        var info = new FileInfo(Path.Combine(folder, file.Path));
        if (!info.Exists || info.Length != file.Length)
        {
            throw new IndexUnusableException(IndexProblem.Incomplete, root, id, file.Path);
        }

        if (!string.Equals(Sha256(info.FullName), file.Sha256, StringComparison.Ordinal))
        {
            throw new IndexUnusableException(IndexProblem.Corrupt, root, id, file.Path);
        }
    }

    private IndexVersion? TryOpenCurrent()
    {
        try
        {
            return Open(ReadManifest());
        }
        catch (IndexUnusableException)
        {
            return null;
        }
    }

    private static void CopyReferentials(string contentRoot, string target)
    {
        foreach (var entry in ContentTree.Enumerate(contentRoot, ReferentialLoader.FolderName))
        {
            // A refused entry (link, oversized) was not read by the build either: the copy matches what was indexed.
            var (bytes, _) = ContentTree.Read(entry, ContentTree.MaxReferentialBytes);
            if (bytes is null)
            {
                continue;
            }

            var path = Path.Combine(target, entry.RelativePath);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            WriteSynced(path, bytes);
        }
    }

    private static List<VersionFile.Entry> ListFiles(string folder) =>
        [.. System.IO.Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => new VersionFile.Entry(Path.GetRelativePath(folder, file).Replace('\\', '/'), new FileInfo(file).Length, Sha256(file)))
            .OrderBy(entry => entry.Path, StringComparer.Ordinal)];

    private static string Sha256(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private void WriteManifest(string id, DateTimeOffset publishedAt)
    {
        var temporary = ManifestPath + StagingPrefix + Guid.NewGuid().ToString("N")[..8];
        try
        {
            WriteSynced(temporary, JsonSerializer.SerializeToUtf8Bytes(new Manifest(id, publishedAt), Json));
            File.Move(temporary, ManifestPath, overwrite: true); // A rename: pollers read the old manifest or the new one, never a mix.
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new IndexWriteException(IndexWriteFailure.ManifestWriteFailed, Root, id, ex);
        }
    }

    private static void WriteSynced(string path, byte[] bytes)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    private List<string> Prune(int keep, string designated)
    {
        var removed = new List<string>();
        foreach (var old in List().Skip(keep).Where(id => id != designated))
        {
            if (TryDelete(Path.Combine(VersionsPath, old)))
            {
                removed.Add(old);
            }
        }

        return removed;
    }

    /// <summary>Staging folders and manifests of a publication that stopped midway (not one running now: they are old).</summary>
    private void RemoveLeftovers(TimeProvider clock)
    {
        var before = clock.GetUtcNow().UtcDateTime - LeftoverAge;
        foreach (var folder in System.IO.Directory.EnumerateDirectories(VersionsPath, StagingPrefix + "*").Where(f => System.IO.Directory.GetLastWriteTimeUtc(f) < before))
        {
            TryDelete(folder);
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(Root, ManifestFileName + StagingPrefix + "*").Where(f => File.GetLastWriteTimeUtc(f) < before))
        {
            TryDelete(file);
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            if (System.IO.Directory.Exists(path))
            {
                System.IO.Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // Best effort: removed by the next publication.
        }
    }

    private static string ShortFingerprint(string fingerprint) =>
        fingerprint.Length >= 12 ? fingerprint[..12] : "sans-empreinte";

    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z_-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionIdPattern();

    private sealed record Manifest(string? Version, DateTimeOffset PublishedAt);

    private sealed record VersionFile(string? Engine, string? Fingerprint, int Offers, DateTimeOffset BuiltAt, List<VersionFile.Entry>? Files)
    {
        public sealed record Entry(string? Path, long Length, string? Sha256);
    }
}

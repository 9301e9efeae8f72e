using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Annuaire.Web.Tests.Replicas;

/// <summary>
/// A real <c>redis-server</c> (Debian package) on a free loopback port, with its own empty data
/// folder and no persistence, stopped and removed with the instance. Never downloads anything.
/// </summary>
public sealed class RedisServer : IDisposable
{
    /// <summary>Set to 1 by CI: a missing redis-server is then a failure, never a skip.</summary>
    public const string RequireVariable = "ANNUAIRE_REQUIRE_REDIS";

    /// <summary>What a developer runs to get the tests that need Redis on Debian or Ubuntu.</summary>
    public const string InstallHint = "sudo apt-get install -y redis-server";

    private readonly Process _process;
    private readonly string _data;

    private RedisServer(Process process, string data, int port)
    {
        _process = process;
        _data = data;
        Port = port;
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>The connection string for <c>Annuaire:Redis</c>.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>
    /// The executable: <c>ANNUAIRE_REDIS_SERVER</c> (<c>none</c> turns the tests that need it off),
    /// else <c>redis-server</c> on the PATH or in /usr/bin; null when the package is not installed.
    /// </summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("ANNUAIRE_REDIS_SERVER") is { Length: > 0 } configured)
        {
            return configured == "none" ? null
                : File.Exists(configured) ? configured : throw new FileNotFoundException($"ANNUAIRE_REDIS_SERVER désigne un fichier absent : {configured}");
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/sbin")
            .Select(folder => Path.Combine(folder, "redis-server"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Starts a server; when none is installed, the calling test is reported skipped with the install
    /// command (or fails when <see cref="RequireVariable"/> is 1, as in CI).
    /// </summary>
    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken)
    {
        var executable = Find();
        if (executable is null)
        {
            var reason = $"redis-server introuvable pour le test des répliques. Installer : {InstallHint}.";
            if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
            {
                throw new InvalidOperationException(reason + $" ({RequireVariable}=1 : Redis est exigé.)");
            }

            Assert.Skip(reason);
        }

        var data = Directory.CreateTempSubdirectory("annuaire-redis-").FullName;
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo(executable!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--dir", data, "--daemonize", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, data, port);
        try
        {
            await server.WaitUntilReadyAsync(cancellationToken);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Stops the server at once (as a crash would: no shutdown handshake with clients).</summary>
    public void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer, cancellationToken);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(10) && !_process.HasExited)
            {
                // Not listening yet.
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server s'est arrêté au démarrage (code {_process.ExitCode}).");
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}

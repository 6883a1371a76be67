using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Ocpp16.Testing;

namespace Station.Testing;

/// <summary>
/// A real FTP server for integration tests: Debian's vsftpd, started as a child process on a free
/// loopback port with a generated configuration, serving a fresh temporary tree, and stopped on
/// dispose. Anonymous logins read <see cref="AnonymousRoot"/>; the virtual user
/// <see cref="UserName"/> reads and writes <see cref="UserRoot"/>. Passive data connections stay
/// on loopback. <c>scripts/install-test-servers.sh</c> installs vsftpd and the virtual user's PAM
/// service; without them (or without root) <see cref="Unavailable"/> says why, and tests skip
/// unless <c>OCPP_REQUIRE_FTP=1</c> makes them fail instead.
/// </summary>
public sealed class VsftpdServer : IAsyncDisposable
{
    /// <summary>Where Debian installs vsftpd.</summary>
    public const string Binary = "/usr/sbin/vsftpd";

    /// <summary>The PAM service of the virtual user (written by scripts/install-test-servers.sh).</summary>
    public const string PamService = "ocpp-test-ftp";

    /// <summary>The virtual user's name.</summary>
    public const string UserName = "ocpp";

    /// <summary>The virtual user's password.</summary>
    public const string Password = "ocpp-secret";

    /// <summary>Set to 1 (as CI does) to fail rather than skip when vsftpd cannot run.</summary>
    public const string RequireVariable = "OCPP_REQUIRE_FTP";

    private readonly TempDirectory _directory;
    private readonly Process _process;
    private readonly StringBuilder _output;

    private VsftpdServer(TempDirectory directory, Process process, StringBuilder output, int port)
    {
        _directory = directory;
        _process = process;
        _output = output;
        Port = port;
    }

    /// <summary>The control port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The directory the virtual user logs into (read and write).</summary>
    public string UserRoot => Path.Combine(_directory.Path, "user");

    /// <summary>The directory anonymous logins see (read only).</summary>
    public string AnonymousRoot => Path.Combine(_directory.Path, "anonymous");

    /// <summary>Whether tests must fail rather than skip when vsftpd cannot run.</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Why vsftpd cannot run here, or null when it can.</summary>
    public static string? Unavailable()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(Binary))
        {
            return $"vsftpd is not installed at {Binary}; run scripts/install-test-servers.sh";
        }

        if (!File.Exists($"/etc/pam.d/{PamService}"))
        {
            return $"the PAM service {PamService} of the test FTP user is missing; run scripts/install-test-servers.sh";
        }

        return Environment.IsPrivilegedProcess ? null : "vsftpd must be started as root; run the FTP tests as root (CI does)";
    }

    /// <summary>The URL of <paramref name="path"/> for the virtual user, password included.</summary>
    public Uri UserUrl(string path) => new($"ftp://{UserName}:{Password}@127.0.0.1:{Port}/{path.TrimStart('/')}");

    /// <summary>The URL of <paramref name="path"/> for an anonymous login.</summary>
    public Uri AnonymousUrl(string path) => new($"ftp://127.0.0.1:{Port}/{path.TrimStart('/')}");

    /// <summary>Writes a file the virtual user can read (and replace).</summary>
    public string AddUserFile(string relativePath, byte[] content) => Write(UserRoot, relativePath, content);

    /// <summary>Writes a file anonymous logins can read.</summary>
    public string AddAnonymousFile(string relativePath, byte[] content) => Write(AnonymousRoot, relativePath, content);

    /// <summary>Creates a directory the virtual user may upload into.</summary>
    public string AddUserDirectory(string relativePath)
    {
        var path = Path.Combine(UserRoot, relativePath);
        Directory.CreateDirectory(path);
        MakeOpen(path);
        return path;
    }

    /// <summary>Starts vsftpd; throws with its output when it does not come up.</summary>
    public static async Task<VsftpdServer> StartAsync()
    {
        if (Unavailable() is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        // A free port can be taken between probing and binding: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var directory = new TempDirectory();
            try
            {
                return await StartOnceAsync(directory, FreePort());
            }
            catch (IOException) when (attempt < 3)
            {
                directory.Dispose();
            }
            catch
            {
                directory.Dispose();
                throw;
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().OrTimeout();
        _process.Dispose();
        _directory.Dispose();
    }

    private static void MakeOpen(string directory)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, Open);
        }
    }

    private static UnixFileMode Open => UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private static string Write(string root, string relativePath, byte[] content)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task<VsftpdServer> StartOnceAsync(TempDirectory directory, int port)
    {
        var user = Path.Combine(directory.Path, "user");
        var anonymous = Path.Combine(directory.Path, "anonymous");
        var empty = Path.Combine(directory.Path, "empty");
        Directory.CreateDirectory(user);
        Directory.CreateDirectory(anonymous);
        Directory.CreateDirectory(empty);

        // The virtual user runs as Debian's 'ftp' account and writes into its tree.
        MakeOpen(user);
        var config = Path.Combine(directory.Path, "vsftpd.conf");
        File.WriteAllText(config, string.Join('\n',
        [
            "listen=YES",
            "listen_ipv6=NO",
            "listen_address=127.0.0.1",
            $"listen_port={port.ToString(CultureInfo.InvariantCulture)}",
            "background=NO",
            "anonymous_enable=YES",
            $"anon_root={anonymous}",
            "no_anon_password=YES",
            "local_enable=YES",
            "write_enable=YES",
            "local_umask=022",
            "guest_enable=YES",
            "guest_username=ftp",
            "virtual_use_local_privs=YES",
            $"pam_service_name={PamService}",
            $"local_root={user}",
            "chroot_local_user=YES",
            "allow_writeable_chroot=YES",
            "pasv_enable=YES",
            "pasv_address=127.0.0.1",
            "connect_from_port_20=NO",
            $"secure_chroot_dir={empty}",
            // Containers often forbid the namespaces and seccomp filters vsftpd sets up by default.
            "seccomp_sandbox=NO",
            "isolate_network=NO",
            "isolate=NO",
            "xferlog_enable=NO",
            "syslog_enable=NO",
            "dual_log_enable=NO",
            string.Empty,
        ]));

        var output = new StringBuilder();
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(Binary, [config]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false },
        };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new VsftpdServer(directory, process, output, port);
        try
        {
            await server.WaitUntilServingAsync();
            return server;
        }
        catch
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync().OrTimeout();
            process.Dispose();
            throw;
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    // vsftpd says nothing when it is ready: poll until its greeting arrives (bounded, real time).
    private async Task WaitUntilServingAsync()
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(TestTimeouts.Default.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (true)
        {
            if (_process.HasExited)
            {
                string text;
                lock (_output)
                {
                    text = _output.ToString().Trim();
                }

                throw new IOException($"vsftpd exited with {_process.ExitCode}: {text}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port).OrTimeout();
                var buffer = new byte[3];
                var read = await probe.GetStream().ReadAsync(buffer).AsTask().OrTimeout();
                if (read == 3 && Encoding.ASCII.GetString(buffer) == "220")
                {
                    return;
                }
            }
            catch (SocketException) when (TimeProvider.System.GetTimestamp() < deadline)
            {
            }

            if (TimeProvider.System.GetTimestamp() >= deadline)
            {
                throw new TimeoutException($"vsftpd did not greet on port {Port} within {TestTimeouts.Default}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }
    }
}

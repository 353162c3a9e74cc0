using System.Diagnostics;

namespace Hotline.Tests.Data;

/// <summary>
/// The PostgreSQL server for the storage tests: <c>HOTLINE_TEST_POSTGRES</c> if set, otherwise the one
/// <c>scripts/start-postgres.sh</c> starts (once per test run). If neither works the tests fail with
/// the script's output: they are never skipped.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "HOTLINE_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Server = new(FindOrStartAsync);

    public static Task<string> ConnectionStringAsync() => Server.Value;

    private static async Task<string> FindOrStartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var root = RepositoryRoot();
        var script = Path.Combine(root, "scripts", "start-postgres.sh");
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(script);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {script}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A fresh machine installs PostgreSQL with apt first, which can take minutes.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{script} did not finish within 10 minutes.\n{await stdout}\n{await stderr}");
        }

        var output = await stdout;
        var errors = await stderr;
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (process.ExitCode != 0 || lines.Length == 0)
        {
            throw new InvalidOperationException(
                $"PostgreSQL tests need a server: set {EnvironmentVariable} or make {script} work. It exited with {process.ExitCode}.\nstdout:\n{output}\nstderr:\n{errors}");
        }

        return lines[^1];
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Hotline.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Hotline.sln above {AppContext.BaseDirectory}; cannot find scripts/start-postgres.sh.");
    }
}

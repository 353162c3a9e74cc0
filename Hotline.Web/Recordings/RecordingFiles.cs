using Hotline.Core.Recordings;
using Hotline.Telephony;
using Hotline.Telephony.Ari;
using Hotline.Telephony.Simulation;
using Hotline.Web.Configuration;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Recordings;

/// <summary>
/// Where each node's recording files are: a local directory (<c>Hotline:Telephony:Asterisk:Nodes:N:RecordingsPath</c>,
/// or <c>Hotline:Recordings:SimulatedPath</c> for the simulated switch), else the node's ARI stored recordings,
/// else nowhere (the recording is indexed but not playable from here).
/// </summary>
public sealed class RecordingFiles : IDisposable
{
    private readonly Dictionary<string, string> _directories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AriClient> _ari = new(StringComparer.Ordinal);

    public RecordingFiles(IOptions<TelephonyOptions> telephony, IOptions<RecordingOptions> recordings)
    {
        var options = telephony.Value;
        if (string.Equals(options.Mode, TelephonyOptionsValidator.Asterisk, StringComparison.OrdinalIgnoreCase))
        {
            foreach (var node in options.Asterisk.Nodes)
            {
                if (!string.IsNullOrWhiteSpace(node.RecordingsPath))
                {
                    _directories[node.Name] = Path.GetFullPath(node.RecordingsPath);
                }

                if (!string.IsNullOrWhiteSpace(node.Ari.BaseUrl))
                {
                    _ari[node.Name] = new AriClient(node.Name, node.Ari);
                }
            }
        }
        else
        {
            // Relative paths are from the working directory, as the SQLite file's (data/hotline.db) is.
            SimulatedFile = Path.Combine(Path.GetFullPath(recordings.Value.SimulatedPath), SimulationEngine.RecordingFile);
            _directories[SimulatedSwitch.NodeName] = Path.GetDirectoryName(SimulatedFile)!;
        }
    }

    /// <summary>The simulated switch's shared demo recording (null in Asterisk mode).</summary>
    public string? SimulatedFile { get; }

    /// <summary>The node's ARI client, when its ARI settings are filled in.</summary>
    public AriClient? Ari(string node) => _ari.GetValueOrDefault(node);

    /// <summary>The file's full local path, or null when the node's files are not local (or the name is not a plain file name).</summary>
    public string? LocalPath(string node, string fileName)
    {
        if (!_directories.TryGetValue(node, out var directory) || !IsPlainName(fileName)) return null;
        return Path.Combine(directory, fileName);
    }

    /// <summary>The size of a local file, or null when it is not local or not there.</summary>
    public long? LocalLength(string node, string fileName)
    {
        var path = LocalPath(node, fileName);
        return path is not null && File.Exists(path) ? new FileInfo(path).Length : null;
    }

    /// <summary>Deletes the file; true when it is gone (deleted, or already missing). Throws when it cannot be reached.</summary>
    public async Task<bool> DeleteAsync(string node, string fileName, CancellationToken cancellationToken)
    {
        if (LocalPath(node, fileName) is { } path)
        {
            File.Delete(path); // no error when missing
            return true;
        }

        if (Ari(node) is { } ari && IsPlainName(fileName))
        {
            return await ari.DeleteStoredRecordingAsync(fileName, cancellationToken);
        }

        return false;
    }

    /// <summary>File names come from the switch's events: never let one walk out of the node's directory.</summary>
    private static bool IsPlainName(string fileName) =>
        fileName.Length is > 0 and <= 200 && fileName == Path.GetFileName(fileName) && fileName is not ("." or "..")
        && fileName.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && !fileName.Contains('\\', StringComparison.Ordinal);

    public void Dispose()
    {
        foreach (var client in _ari.Values) client.Dispose();
    }
}

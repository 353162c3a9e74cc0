namespace Hotline.Web.Recordings;

/// <summary>With the simulated switch, writes the shared demo recording at start so the demo's recordings play.</summary>
public sealed class DemoRecordingInitializer(RecordingFiles files, ILogger<DemoRecordingInitializer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (files.SimulatedFile is { } path)
        {
            try
            {
                DemoRecording.EnsureWritten(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(ex, "Could not write the demo recording {Path}; simulated recordings will not play", path);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

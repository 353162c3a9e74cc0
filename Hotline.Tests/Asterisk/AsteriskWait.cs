namespace Hotline.Tests.Asterisk;

/// <summary>
/// Waits for the real Asterisk (and the app on top of it) to get somewhere: they run on real time, so these tests poll
/// with an explicit deadline and fail saying what they waited for and, when given, the state they saw.
/// </summary>
public static class AsteriskWait
{
    public static async Task Until(Func<bool> condition, TimeSpan limit, string what, Func<string>? state = null)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {limit.TotalSeconds} s waiting for {what}. {state?.Invoke()}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public static async Task Until(Func<Task<bool>> condition, TimeSpan limit, string what, Func<Task<string>>? state = null)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {limit.TotalSeconds} s waiting for {what}. {(state is null ? "" : await state())}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}

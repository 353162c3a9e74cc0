using Hotline.Telephony.Ami;
using Hotline.Telephony.Asterisk;

namespace Hotline.Tests.Ami;

public sealed class QueueConfigCheckTests
{
    private static AmiFrame Response(params string[] lines) =>
        AmiFrame.Parse("Response: Success\r\nActionID: 9\r\nCategory-000000: hotline\r\n"
            + string.Join("\r\n", lines.Select((l, i) => $"Line-000000-{i:D6}: {l}")))!;

    private static readonly AmiFrame Shipped = Response("wrapuptime=5", "context=hotline-queue-exit", "periodic-announce=queue-periodic-announce",
        "periodic-announce-frequency=30", "periodic-announce-startdelay=60");

    [Fact]
    public void The_shipped_queue_agrees_with_callbacks_after_60_seconds()
    {
        Assert.Empty(QueueConfigCheck.Problems(Shipped, "hotline", 60));
    }

    [Fact]
    public void A_different_announce_delay_is_named_with_both_settings()
    {
        var problem = Assert.Single(QueueConfigCheck.Problems(Shipped, "hotline", 90));

        Assert.Equal("queues.conf [hotline] periodic-announce-startdelay is 60 but Hotline:Telephony:Callbacks:OfferAfterSeconds is 90: callers are offered the callback at another time than it is taken", problem);
    }

    [Fact]
    public void A_queue_whose_keys_go_nowhere_and_that_never_announces_is_reported()
    {
        var problems = QueueConfigCheck.Problems(Response("wrapuptime=5"), "hotline", 60);

        Assert.Equal(2, problems.Count);
        Assert.Contains("context is not set", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Announcing_callbacks_that_are_switched_off_is_reported()
    {
        Assert.Contains("is 0 (off)", Assert.Single(QueueConfigCheck.Problems(Shipped, "hotline", 0)), StringComparison.Ordinal);
    }
}

using Hotline.Core.Calendar;
using Hotline.Core.Tickets;

namespace Hotline.Tests.Tickets;

public class TicketNumberTests
{
    [Fact]
    public void A_number_is_the_prefix_the_day_and_a_four_digit_sequence() =>
        Assert.Equal("YH20261127-0042", TicketNumber.Format(new DateOnly(2026, 11, 27), 42));

    [Fact]
    public void Sequences_beyond_9999_are_printed_in_full() =>
        Assert.Equal("YH20261127-12345", TicketNumber.Format(new DateOnly(2026, 11, 27), 12345));

    [Fact]
    public void The_prefix_is_a_setting() =>
        Assert.Equal("GX20261127-0001", TicketNumber.Format(new DateOnly(2026, 11, 27), 1, "GX"));

    [Fact]
    public void The_day_changes_at_midnight_in_Shanghai_not_at_midnight_UTC()
    {
        var zone = WorkCalendar.ShanghaiTimeZone;
        Assert.Equal(new DateOnly(2026, 11, 26), TicketNumber.DayOf(new DateTimeOffset(2026, 11, 26, 15, 59, 59, TimeSpan.Zero), zone));
        Assert.Equal(new DateOnly(2026, 11, 27), TicketNumber.DayOf(new DateTimeOffset(2026, 11, 26, 16, 0, 0, TimeSpan.Zero), zone));
    }

    [Fact]
    public void A_formatted_number_parses_back_to_its_parts()
    {
        Assert.True(TicketNumber.TryParse("YH20261127-0042", out var number));
        Assert.Equal(new TicketNumber("YH", new DateOnly(2026, 11, 27), 42), number);
        Assert.Equal("YH20261127-0042", number.ToString());
    }

    [Fact]
    public void A_number_with_a_long_sequence_parses() =>
        Assert.Equal(12345, TicketNumber.TryParse("YH20261127-12345", out var n) ? n.Sequence : 0);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("YH20261127")]
    [InlineData("YH20261127-42")]
    [InlineData("YH20261127-0000")]
    [InlineData("YH20261127-00042")]
    [InlineData("YH20261127_0042")]
    [InlineData("YH20261332-0042")]
    [InlineData("YH2026112-00042")]
    [InlineData("GX20261127-0042")]
    [InlineData("yh20261127-0042")]
    [InlineData("YH20261127-00a2")]
    [InlineData("YH20261127-0042 ")]
    [InlineData("YH２０２61127-0042")]
    public void Malformed_numbers_do_not_parse(string? text) => Assert.False(TicketNumber.TryParse(text, out _));

    [Fact]
    public void A_number_with_another_prefix_parses_when_that_prefix_is_configured() =>
        Assert.True(TicketNumber.TryParse("GX20261127-0042", "GX", out _));
}

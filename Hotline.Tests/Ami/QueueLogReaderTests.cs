using Hotline.Telephony.Ami;

namespace Hotline.Tests.Ami;

public sealed class QueueLogReaderTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_795_816_980);

    [Fact]
    public void A_real_format_connect_line_is_parsed_into_its_fields()
    {
        var entry = QueueLogReader.Parse("1795816985|1795816980.12|hotline|A1001|CONNECT|2|1795816983.15|1");

        Assert.NotNull(entry);
        Assert.Equal((T0.AddSeconds(5), "1795816980.12", "hotline", "A1001", "CONNECT"), (entry.At, entry.CallId, entry.Queue, entry.Agent, entry.Event));
        Assert.Equal(["2", "1795816983.15", "1"], entry.Data);
        Assert.Equal(2, entry.Int(0));
    }

    [Fact]
    public void An_enterqueue_line_keeps_its_empty_url_and_the_caller_id()
    {
        var entry = QueueLogReader.Parse("1795816983|1795816980.12|hotline|NONE|ENTERQUEUE||555001|1\r");

        Assert.NotNull(entry);
        Assert.Equal(("", "555001", 1), (entry.Text(0), entry.Text(1), entry.Int(2)));
    }

    [Fact]
    public void A_missing_or_non_numeric_data_field_reads_as_the_fallback()
    {
        var entry = QueueLogReader.Parse("1795816990|1.1|hotline|NONE|ABANDON|x")!;

        Assert.Equal((7, 3), (entry.Int(0, 7), entry.Int(2, 3)));
        Assert.Equal("", entry.Text(5));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("1795816983|1.1|hotline|NONE")]
    [InlineData("notanumber|1.1|hotline|NONE|ENTERQUEUE||555|1")]
    [InlineData("-5|1.1|hotline|NONE|ENTERQUEUE||555|1")]
    [InlineData("99999999999999999999|1.1|hotline|NONE|ENTERQUEUE")]
    [InlineData("1795816983||hotline|NONE|ENTERQUEUE")]
    [InlineData("1795816983|1.1|hotline|NONE|   ")]
    public void A_malformed_line_is_not_an_entry(string line) => Assert.Null(QueueLogReader.Parse(line));

    [Fact]
    public void Reading_keeps_the_entries_in_the_window_in_order_and_counts_the_malformed_lines()
    {
        var text = string.Join('\n',
            "1795816970|0.9|hotline|NONE|ENTERQUEUE||555000|1",      // before the window
            "1795816983|NONE|hotline|Local/1001@agents|ADDMEMBER|",
            "1795816983|1.1|hotline|NONE|ENTERQUEUE||555001|1",
            "half a line|",
            "",
            "1795816985|1.1|hotline|A1001|CONNECT|2|1.2|1",
            "1795816985|1.1|hot\u0000line",
            "1795817100|1.1|hotline|A1001|COMPLETECALLER|2|115|1"); // after the window

        var read = QueueLogReader.Read(new StringReader(text), T0, T0.AddSeconds(60));

        Assert.Equal(["ADDMEMBER", "ENTERQUEUE", "CONNECT"], read.Entries.Select(e => e.Event));
        Assert.Equal(2, read.Skipped);
    }
}

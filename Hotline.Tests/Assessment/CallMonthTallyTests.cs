using Hotline.Core.Assessment;
using Hotline.Core.Calls;
using static Hotline.Tests.Assessment.AssessmentKit;

namespace Hotline.Tests.Assessment;

public class CallMonthTallyTests
{
    // Ten calls on 2 October, hand-counted:
    // answered: A001 waits 3 s talks 200 s wrap 20 s; A001 waits 15.0 s talks 100 s wrap 0; A002 waits 15.1 s talks 300 s (still talking)
    // self-served: 2; abandoned after 4.9 s and after 5.0 s; hung up in the IVR: 1; queued and cut off (Other): 1; answered without
    // an answer time but with the Answered outcome... not used. Offered 10.
    private static IReadOnlyList<CallRecord> SecondOfOctober() =>
    [
        Answered(At(10, 2, 9), "A001", wait: 3, talk: 200, wrapUp: 20),
        Answered(At(10, 2, 9, 5), "A001", wait: 15.0, talk: 100),
        Answered(At(10, 2, 9, 10), "A002", wait: 15.1, talk: 300, ended: false),
        SelfServed(At(10, 2, 10)),
        SelfServed(At(10, 2, 10, 1)),
        Abandoned(At(10, 2, 11), wait: 4.9),
        Abandoned(At(10, 2, 11, 1), wait: 5.0),
        HungUpInIvr(At(10, 2, 12)),
        HungUpInIvr(At(10, 2, 12, 1)) with { QueuedAt = At(10, 2, 12, 1, 20) },
        HungUpInIvr(At(10, 2, 13)),
    ];

    [Fact]
    public void The_month_counts_every_outcome_by_the_stored_records()
    {
        var figures = Tally(SecondOfOctober()).Total;

        Assert.Equal(10, figures.Offered);
        Assert.Equal(6, figures.OfferedToAgents); // 3 answered + 2 abandoned + 1 queued then cut off
        Assert.Equal(3, figures.Answered);
        Assert.Equal(2, figures.SelfServed);
        Assert.Equal(2, figures.Abandoned);
        Assert.Equal(1, figures.ShortAbandoned); // 4.9 s is short, 5.0 s is not
        Assert.Equal(2, figures.AnsweredWithin15s); // 3 s and exactly 15.0 s
        Assert.Equal(2, figures.Handled); // the third is still talking
    }

    [Fact]
    public void The_rates_follow_the_domain_formulas()
    {
        var figures = Tally(SecondOfOctober()).Total;

        Assert.Equal(0.5, figures.EffectiveConnectionRate, 12);          // (3 + 2) / 10
        Assert.Equal(0.5, figures.AgentConnectionRate, 12);              // 3 / 6
        Assert.Equal(2 / 3.0, figures.ServiceLevel15s, 12);              // 2 / 3
        Assert.Equal((3 + 15.0 + 15.1) / 3, figures.AverageSpeedOfAnswerSeconds, 12);
        Assert.Equal((200 + 20 + 100) / 2.0, figures.AverageHandleTimeSeconds, 12);
        Assert.Equal(2 / 6.0, figures.AbandonRate, 12);
    }

    [Fact]
    public void A_callback_request_is_offered_to_agents_but_neither_answered_nor_abandoned()
    {
        var call = Abandoned(At(10, 2, 11), wait: 40) with { Outcome = CallOutcome.CallbackRequested };

        var figures = Tally([call]).Total;

        Assert.Equal(1, figures.OfferedToAgents);
        Assert.Equal(1, figures.CallbacksRequested);
        Assert.Equal(0, figures.Abandoned);
        Assert.Equal(0, figures.EffectiveConnectionRate);
    }

    [Fact]
    public void A_call_counts_on_the_local_day_it_arrived_and_only_in_its_month()
    {
        var calls = new[]
        {
            SelfServed(At(10, 1, 0, 0, 0)),        // first instant of October in Shanghai (30 Sep 16:00 UTC)
            SelfServed(At(9, 30, 23, 59, 59.9)),   // September
            SelfServed(At(10, 31, 23, 59, 59.9)),  // last day of October
            SelfServed(At(11, 1, 0, 0, 0)),        // November
        };

        var tally = Tally(calls);

        Assert.Equal(2, tally.Total.Offered);
        Assert.Equal(31, tally.Days.Count);
        Assert.Equal(1, tally.Days[0].Calls.Offered);
        Assert.Equal(new DateOnly(2026, 10, 31), tally.Days[30].Day);
        Assert.Equal(1, tally.Days[30].Calls.Offered);
        Assert.Equal(0, tally.Days.Skip(1).Take(29).Sum(d => d.Calls.Offered));
    }

    [Fact]
    public void Each_agent_gets_the_calls_he_answered()
    {
        var agents = Tally(SecondOfOctober()).Agents;

        Assert.Equal(2, agents["A001"].Answered);
        Assert.Equal(300, agents["A001"].TalkSeconds, 9);
        Assert.Equal(160, agents["A001"].AverageHandleTimeSeconds, 9); // (220 + 100) / 2
        Assert.Equal(1, agents["A002"].Answered);
        Assert.Equal(0, agents["A002"].AverageHandleTimeSeconds);      // not ended yet
    }

    [Fact]
    public void The_day_kind_names_holidays_and_make_up_working_days()
    {
        var calendar = Hotline.Core.Calendar.WorkCalendar.CreateDefault();

        Assert.Equal("国庆节", AssessmentCalculator.DayKind(calendar, new DateOnly(2026, 10, 1)));
        Assert.Equal("调休上班", AssessmentCalculator.DayKind(calendar, new DateOnly(2026, 10, 10)));
        Assert.Equal("工作日", AssessmentCalculator.DayKind(calendar, new DateOnly(2026, 10, 12)));
        Assert.Equal("休息日", AssessmentCalculator.DayKind(calendar, new DateOnly(2026, 10, 18)));
    }
}

using Hotline.Core.Calls;

namespace Hotline.Core.Assessment;

/// <summary>Mutable counters that calls are added to one at a time (no allocation per call); see <see cref="CallFigures"/>.</summary>
public sealed class CallTally(double serviceLevelSeconds = 15, double shortAbandonSeconds = 5)
{
    private int _offered, _offeredToAgents, _answered, _selfServed, _abandoned, _short, _within, _handled, _callbacks;
    private double _wait, _talk, _handle;

    public void Add(in CallFacts call)
    {
        _offered++;
        var answered = call.AnsweredAtSet || call.Outcome == CallOutcome.Answered;
        if (answered || call.Queued || call.Outcome is CallOutcome.Abandoned or CallOutcome.CallbackRequested)
        {
            _offeredToAgents++;
        }

        if (answered)
        {
            _answered++;
            _wait += call.WaitSeconds;
            if (call.WaitSeconds <= serviceLevelSeconds) _within++;
            _talk += call.TalkSeconds;
            if (call.Ended)
            {
                _handled++;
                _handle += call.TalkSeconds + call.WrapUpSeconds;
            }
        }
        else if (call.Outcome == CallOutcome.SelfServed)
        {
            _selfServed++;
        }
        else if (call.Outcome == CallOutcome.Abandoned)
        {
            _abandoned++;
            if (call.WaitSeconds < shortAbandonSeconds) _short++;
        }
        else if (call.Outcome == CallOutcome.CallbackRequested)
        {
            _callbacks++;
        }
    }

    public CallFigures ToFigures() =>
        new(_offered, _offeredToAgents, _answered, _selfServed, _abandoned, _short, _within, _handled, _wait, _talk, _handle, _callbacks);
}

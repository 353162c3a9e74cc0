using Hotline.Core.Assessment;

namespace Hotline.Tests.Assessment;

public class DeductionCalculatorTests
{
    private static AssessmentRule Rule(AssessmentIndicator indicator, double target, double step, decimal amount, decimal? cap = null) => new()
    {
        Indicator = indicator,
        EffectiveFrom = new AssessmentMonth(2026, 1),
        Target = target,
        Step = step,
        AmountPerStep = amount,
        Cap = cap,
    };

    private static readonly AssessmentRule Connection = Rule(AssessmentIndicator.EffectiveConnectionRate, 95, 0.1, 500, 20000);

    [Fact]
    public void A_rate_exactly_at_target_passes_without_deduction()
    {
        var result = DeductionCalculator.Evaluate(Connection, 0.95, "");

        Assert.True(result.Passed);
        Assert.Equal(0m, result.Deduction);
    }

    [Fact]
    public void One_point_below_a_percent_target_is_ten_steps_of_a_tenth()
    {
        // 940 of 1000 = 94.0 %: 1.0 point short, 10 steps of 0.1 at 500 yuan.
        var result = DeductionCalculator.Evaluate(Connection, 940 / 1000.0, "");

        Assert.False(result.Passed);
        Assert.Equal(1.0, result.Shortfall, 9);
        Assert.Equal(10, result.Steps);
        Assert.Equal(5000m, result.Deduction);
    }

    [Fact]
    public void A_started_step_counts_as_a_whole_step()
    {
        // 1899 of 2000 = 94.95 %: 0.05 points short → one started step.
        var result = DeductionCalculator.Evaluate(Connection, 1899 / 2000.0, "");

        Assert.Equal(1, result.Steps);
        Assert.Equal(500m, result.Deduction);
    }

    [Fact]
    public void The_deduction_stops_at_the_cap()
    {
        // 80 %: 150 steps = 75,000 yuan, capped at 20,000.
        var result = DeductionCalculator.Evaluate(Connection, 0.80, "");

        Assert.Equal(150, result.Steps);
        Assert.Equal(20000m, result.Deduction);
    }

    [Fact]
    public void Without_a_cap_every_step_is_deducted()
    {
        var result = DeductionCalculator.Evaluate(Connection with { Cap = null }, 0.80, "");

        Assert.Equal(75000m, result.Deduction);
    }

    [Fact]
    public void For_a_rate_where_lower_is_better_the_excess_over_target_is_the_shortfall()
    {
        // 5 error tickets of 400 = 1.25 %, target 1 %: 0.25 points over → 3 started steps of 0.1.
        var rule = Rule(AssessmentIndicator.TicketErrorRate, 1, 0.1, 500, 10000);

        var result = DeductionCalculator.Evaluate(rule, 5 / 400.0, "");

        Assert.False(result.Passed);
        Assert.Equal(0.25, result.Shortfall, 9);
        Assert.Equal(3, result.Steps);
        Assert.Equal(1500m, result.Deduction);
    }

    [Fact]
    public void Fault_complaints_are_counted_per_complaint_over_target()
    {
        var rule = Rule(AssessmentIndicator.FaultComplaints, 0, 1, 1000, 10000);

        var result = DeductionCalculator.Evaluate(rule, 3, "");

        Assert.Equal(3, result.Steps);
        Assert.Equal(3000m, result.Deduction);
    }

    [Fact]
    public void An_indicator_without_a_value_is_neither_passed_nor_failed_and_deducts_nothing()
    {
        var rule = Rule(AssessmentIndicator.EfficiencyIndex, 90, 1, 500);

        var result = DeductionCalculator.Evaluate(rule, null, "未录入");

        Assert.Null(result.Passed);
        Assert.Equal(0m, result.Deduction);
    }
}

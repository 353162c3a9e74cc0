namespace Hotline.Benchmarks;

/// <summary>Entry point (an explicit class: the web project's <c>Program</c> is visible here too).</summary>
public static class BenchmarkMain
{
    public static int Main(string[] args)
    {
        // dotnet run -c Release --project Hotline.Benchmarks -- <live|sim|latency|storage|tickets|ami|assessment|all> [args]
        var which = args.Length > 0 ? args[0] : "all";
        var rest = args.Skip(1).ToArray();
        switch (which)
        {
            case "live":
                LiveStateBenchmark.Run(rest);
                break;
            case "sim":
                SimulatedDayBenchmark.Run(rest);
                break;
            case "latency":
                LiveLatencyBenchmark.Run(rest);
                break;
            case "storage":
                StorageBenchmark.Run(rest);
                break;
            case "tickets":
                TicketStoreBenchmark.Run(rest);
                break;
            case "ami":
                AmiBenchmark.Run(rest);
                break;
            case "assessment":
                AssessmentBenchmark.Run(rest);
                break;
            case "assessment-generate":
                AssessmentBenchmark.Generate();
                break;
            case "assessment-report":
                AssessmentBenchmark.Report();
                break;
            case "assessment-csv":
                AssessmentBenchmark.Csv();
                break;
            case "all":
                LiveStateBenchmark.Run([]);
                SimulatedDayBenchmark.Run([]);
                StorageBenchmark.Run([]);
                LiveLatencyBenchmark.Run([]);
                break;
            default:
                Console.Error.WriteLine($"Unknown benchmark '{which}'. Use live, sim, latency, storage, tickets, ami, assessment or all.");
                return 2;
        }
        return 0;
    }
}

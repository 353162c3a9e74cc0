using Hotline.Benchmarks;

// dotnet run -c Release --project Hotline.Benchmarks -- <live|sim|all> [args]
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
    case "all":
        LiveStateBenchmark.Run([]);
        SimulatedDayBenchmark.Run([]);
        break;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{which}'. Use live, sim or all.");
        return 2;
}
return 0;

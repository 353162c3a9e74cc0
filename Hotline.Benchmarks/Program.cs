Hotline.Benchmarks.StorageBenchmark.Run(args);

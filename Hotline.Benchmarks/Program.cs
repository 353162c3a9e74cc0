Console.WriteLine("Hotline benchmarks: stub");

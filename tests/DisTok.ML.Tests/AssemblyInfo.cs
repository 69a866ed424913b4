// Torch's random generator is process-wide: training and module construction in one test class would
// otherwise draw from the stream another class has just seeded (seen as a flaky determinism test).
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Hotline.Telephony.Simulation;

/// <summary>A member of the simulated roster (ids <c>A001</c>…, extensions <c>8001</c>…).</summary>
public sealed record SimulatedAgent(string AgentId, string Name, string Extension, string Shift);

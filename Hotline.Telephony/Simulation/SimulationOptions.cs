namespace Hotline.Telephony.Simulation;

/// <summary>Settings under <c>Hotline:Telephony:Simulation</c>: the simulated switch's traffic, callers and roster.</summary>
public sealed class SimulationOptions
{
    public const string Section = TelephonyOptions.Section + ":Simulation";

    /// <summary>
    /// A realistic district 12345 day, calls per half hour from 00:00 (about 5,000 a day):
    /// a quiet night, a morning peak from 9 to 11, a lunch dip and an afternoon peak from 14 to 17.
    /// </summary>
    public static IReadOnlyList<double> DefaultDayCurve { get; } =
    [
        29, 24, 18, 14, 11, 9, 8, 8, 8, 9, 11, 14,                    // 00:00–05:30
        20, 29, 44, 69, 118, 167, 216, 246, 255, 251, 226, 187,       // 06:00–11:30
        138, 123, 147, 182, 211, 226, 231, 226, 211, 187, 157, 128,   // 12:00–17:30
        108, 98, 93, 88, 84, 77, 69, 59, 51, 44, 39, 34,              // 18:00–23:30
    ];

    /// <summary>91 staff on five daily shifts; never more than 77 logged in at once.</summary>
    public static IReadOnlyList<SimulationShift> DefaultShifts { get; } =
    [
        new() { Name = "早班", Start = new TimeSpan(7, 0, 0), Hours = 8.5, Staff = 28 },
        new() { Name = "日班", Start = new TimeSpan(8, 30, 0), Hours = 9, Staff = 26 },
        new() { Name = "中班", Start = new TimeSpan(13, 0, 0), Hours = 8.5, Staff = 22 },
        new() { Name = "晚班", Start = new TimeSpan(17, 30, 0), Hours = 7.5, Staff = 9 },
        new() { Name = "夜班", Start = new TimeSpan(21, 0, 0), Hours = 11, Staff = 6 },
    ];

    /// <summary>Same seed, same day: the simulation is deterministic.</summary>
    public int Seed { get; set; } = 12345;

    /// <summary>Multiplies the day curve: 1 = a normal day, 3 = a typhoon day.</summary>
    public double LoadFactor { get; set; } = 1.0;

    /// <summary>
    /// IANA time zone in which the day curve and the shifts are read. The simulation keeps its own setting because
    /// Hotline.Telephony cannot see <c>Hotline:TimeZone</c>; the host should copy that value here so both agree.
    /// </summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>48 values, calls per half hour from local midnight; not set means <see cref="DefaultDayCurve"/>.</summary>
    public double[]? DayCurve { get; set; }

    /// <summary>Share of calls that finish in IVR self-service (智能服务).</summary>
    public double SelfServiceShare { get; set; } = 0.12;

    /// <summary>Share of calls that hang up in the IVR menu before reaching the queue.</summary>
    public double IvrDisconnectShare { get; set; } = 0.02;

    /// <summary>Mean time in the IVR menu (uniform between half and one and a half of it); 0 = straight to the queue.</summary>
    public double IvrSeconds { get; set; } = 35;

    public HandleTimeDistribution HandleDistribution { get; set; } = HandleTimeDistribution.LogNormal;

    /// <summary>Mean talk time, from answer to hang-up (after-call work is <see cref="MeanWrapUpSeconds"/>).</summary>
    public double MeanHandleSeconds { get; set; } = 270;

    /// <summary>Mean after-call work (exponential); 0 = the seat is Ready again at once.</summary>
    public double MeanWrapUpSeconds { get; set; } = 45;

    /// <summary>Mean caller patience from joining the queue (exponential); null or 0 = callers never abandon.</summary>
    public double? MeanPatienceSeconds { get; set; } = 120;

    /// <summary>Share of callers still waiting at <c>Hotline:Telephony:Callbacks:OfferAfterSeconds</c> who leave a callback
    /// request (so the demo shows the worklist on a busy day); 0 = none.</summary>
    public double CallbackShare { get; set; } = 0.3;

    /// <summary>How long a seat rings before the agent answers.</summary>
    public double RingSeconds { get; set; } = 4;

    /// <summary>
    /// The daily shifts; not set means <see cref="DefaultShifts"/>, an empty list means no roster (seats only by command).
    /// Agents are numbered in shift order.
    /// </summary>
    public List<SimulationShift>? Shifts { get; set; }

    /// <summary>Rostered agents take short breaks (小休), a meal (用餐) and sometimes training (培训).</summary>
    public bool TakeBreaks { get; set; } = true;

    public IReadOnlyList<double> EffectiveDayCurve => DayCurve is { Length: > 0 } curve ? curve : DefaultDayCurve;

    public IReadOnlyList<SimulationShift> EffectiveShifts => Shifts ?? (IReadOnlyList<SimulationShift>)DefaultShifts;

    /// <summary>Every problem with these settings, each naming its setting; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Check(bool ok, string setting, string rule)
        {
            if (!ok)
            {
                errors.Add($"{Section}:{setting} {rule}");
            }
        }

        Check(LoadFactor > 0 && double.IsFinite(LoadFactor), nameof(LoadFactor), "must be > 0");
        Check(TryFindTimeZone(TimeZone, out _), nameof(TimeZone), $"'{TimeZone}' is not a known time zone (use an IANA id such as Asia/Shanghai)");
        var curve = EffectiveDayCurve;
        Check(curve.Count == 48, nameof(DayCurve), $"must have 48 values (one per half hour), not {curve.Count}");
        Check(curve.All(v => v >= 0 && double.IsFinite(v)), nameof(DayCurve), "values must be >= 0");
        Check(SelfServiceShare is >= 0 and <= 1, nameof(SelfServiceShare), "must be between 0 and 1");
        Check(IvrDisconnectShare is >= 0 and <= 1, nameof(IvrDisconnectShare), "must be between 0 and 1");
        Check(SelfServiceShare is < 0 or > 1 || IvrDisconnectShare is < 0 or > 1 || SelfServiceShare + IvrDisconnectShare <= 1, nameof(IvrDisconnectShare), "plus SelfServiceShare must not exceed 1");
        Check(IvrSeconds >= 0 && double.IsFinite(IvrSeconds), nameof(IvrSeconds), "must be >= 0");
        Check(Enum.IsDefined(HandleDistribution), nameof(HandleDistribution), "must be LogNormal or Exponential");
        Check(MeanHandleSeconds > 0 && double.IsFinite(MeanHandleSeconds), nameof(MeanHandleSeconds), "must be > 0");
        Check(MeanWrapUpSeconds >= 0 && double.IsFinite(MeanWrapUpSeconds), nameof(MeanWrapUpSeconds), "must be >= 0");
        Check(MeanPatienceSeconds is null || (MeanPatienceSeconds >= 0 && double.IsFinite(MeanPatienceSeconds.Value)), nameof(MeanPatienceSeconds), "must be >= 0 (0 or empty: no abandonment)");
        Check(CallbackShare is >= 0 and <= 1, nameof(CallbackShare), "must be between 0 and 1");
        Check(RingSeconds >= 0 && double.IsFinite(RingSeconds), nameof(RingSeconds), "must be >= 0");
        var shifts = EffectiveShifts;
        for (int i = 0; i < shifts.Count; i++)
        {
            var shift = shifts[i];
            Check(!string.IsNullOrWhiteSpace(shift.Name), $"Shifts:{i}:Name", "must not be empty");
            Check(shift.Start >= TimeSpan.Zero && shift.Start < TimeSpan.FromDays(1), $"Shifts:{i}:Start", "must be a time of day from 00:00 to 23:59");
            Check(shift.Hours is > 0 and <= 24, $"Shifts:{i}:Hours", "must be > 0 and <= 24");
            Check(shift.Staff >= 0, $"Shifts:{i}:Staff", "must be >= 0");
        }

        return errors;
    }

    internal static bool TryFindTimeZone(string id, out TimeZoneInfo zone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id ?? "", out zone!);
}

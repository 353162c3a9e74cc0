namespace Hotline.Core.Assessment;

/// <summary>One row of an operation report: an hour of the day (daily report) or a day of the week (weekly report).</summary>
public sealed record OperationRow(string Label, CallFigures Calls, int TicketsRegistered, int TicketsClosed);

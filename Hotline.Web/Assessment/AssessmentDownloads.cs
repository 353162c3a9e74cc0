using Hotline.Core.Assessment;

namespace Hotline.Web.Assessment;

/// <summary>The download addresses and file names of a month (the page links to the API endpoints).</summary>
public static class AssessmentDownloads
{
    public static string WorkbookUrl(AssessmentMonth month) => $"/api/reports/assessment/{month}.xlsx";

    public static string CallsUrl(AssessmentMonth month) => $"/api/reports/calls/{month}.csv";

    public static string TicketsUrl(AssessmentMonth month) => $"/api/reports/tickets/{month}.csv";

    public static string WorkbookFileName(AssessmentMonth month) => $"12345考核-{month}.xlsx";
}

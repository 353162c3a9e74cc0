using Hotline.Web.Apis;
using Hotline.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddHotlineConfiguration();
builder.AddHotlineLogging();
builder.AddHotlineCore();
builder.AddHotlineTelephony();
builder.AddHotlineLive();
builder.AddHotlineRecordings();
builder.AddHotlineAuth();
builder.AddHotlineSecurity();
builder.AddHotlineTickets();
builder.AddHotlineAssessment();
builder.AddHotlineUi();

var app = builder.Build();
app.UseHotlineSecurity();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();
app.MapAuthApi();
app.MapAuditApi();
app.MapLiveApi();
app.MapHotlineTickets();
app.MapHotlineRecordings();
app.MapHotlineAssessment();
app.MapHotlineUi();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;

using JasperFx;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Feeds.OData;
using ProgramTracker.Api.Hosting;
using ProgramTracker.Api.Notifications.Reminders;
using ProgramTracker.Api.Notifications.Webhooks;
using ProgramTracker.Api.Money;
using ProgramTracker.Api.Notifications.Mail;
using ProgramTracker.Api.SampleData;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Web;
using Scalar.AspNetCore;
using Wolverine.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddSecurity()
    .AddEmbeddedPostgresWhenNoConnectionString()
    .AddEventStore()
    .AddReads()
    .AddMessaging()
    .AddProblemDetailsEverywhere()
    .AddSecurityHeaders()
    .AddRateLimiting()
    .AddHealth()
    .AddObservability()
    .AddSampleData()
    .AddWeb()
    .AddODataFeed();
builder.AddOpenApiContract();
builder.AddReminders();
builder.AddWebhooks();
builder.AddMail();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddCommitteeSampleData();
builder.Services.AddMoneySampleData();

var app = builder.Build();

app.UseProblemDetailsEverywhere();
app.UseSecurityHeaders();
app.UseWeb();
app.UseAuthentication();
app.UseRateLimiting();
app.UseRequestLimits();
app.UseAccessControl();
app.UseJsonRequestBodies();
app.UseTextInputRules();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/api-docs").AllowAnonymous();
app.MapHealth();
app.MapSecurity();
app.MapWolverineEndpoints();
app.MapODataFeed();
app.MapMoneyExports();

var exitCode = await app.RunJasperFxCommands(args);
// The rebuild commands say what the runtime spent, so a rebuild's cost can be counted, not only timed (README,
// Performance, scenario 6).
if (MartenSetup.RunsARebuildCommand) Console.Error.WriteLine(RuntimeCounts.Describe());
return exitCode;

public partial class Program;

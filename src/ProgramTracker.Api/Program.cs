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
app.MapWolverineEndpoints(endpoints => endpoints.AddPolicy<QuerySessionsForReads>());
app.MapODataFeed();
app.MapMoneyExports();

// A node starts with no arguments (the image's entry point, listening where ASPNETCORE_URLS says) and runs the host
// itself. The JasperFx command line builds its catalogue of commands, scanning assemblies for them, before it runs
// anything: that is for the admin commands (db-apply, projections, codegen, ...), which always have arguments.
if (args.Length == 0)
{
    await app.RunAsync();
    return 0;
}

var exitCode = await app.RunJasperFxCommands(args);
// The rebuild commands say what the runtime spent, so a rebuild's cost can be counted, not only timed (README,
// Performance, scenario 6).
if (MartenSetup.RunsARebuildCommand) Console.Error.WriteLine(RuntimeCounts.Describe());
return exitCode;

public partial class Program;

using JasperFx;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Hosting;
using ProgramTracker.Api.SampleData;
using ProgramTracker.Api.Web;
using Scalar.AspNetCore;
using Wolverine.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddEmbeddedPostgresWhenNoConnectionString()
    .AddEventStore()
    .AddMessaging()
    .AddProblemDetailsEverywhere()
    .AddSecurityHeaders()
    .AddRateLimiting()
    .AddHealth()
    .AddObservability()
    .AddSampleData()
    .AddWeb();
builder.Services.AddOpenApi();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddCommitteeSampleData();

var app = builder.Build();

app.UseProblemDetailsEverywhere();
app.UseSecurityHeaders();
app.UseWeb();
app.UseRateLimiting();
app.UseRequestLimits();
app.UseJsonRequestBodies();
app.MapOpenApi();
app.MapScalarApiReference("/api-docs");
app.MapHealth();
app.MapWolverineEndpoints();

return await app.RunJasperFxCommands(args);

public partial class Program;

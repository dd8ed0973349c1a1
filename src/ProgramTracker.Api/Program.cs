using JasperFx;
using ProgramTracker.Api.Hosting;
using Scalar.AspNetCore;
using Wolverine.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddEmbeddedPostgresWhenNoConnectionString()
    .AddEventStore()
    .AddMessaging()
    .AddProblemDetailsEverywhere()
    .AddHealth()
    .AddObservability();
builder.Services.AddOpenApi();
builder.Services.AddSingleton(TimeProvider.System);

var app = builder.Build();

app.UseProblemDetailsEverywhere();
app.UseJsonRequestBodies();
app.MapOpenApi();
app.MapScalarApiReference("/api-docs");
app.MapHealth();
app.MapWolverineEndpoints();

return await app.RunJasperFxCommands(args);

public partial class Program;

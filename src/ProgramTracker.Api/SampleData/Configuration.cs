namespace ProgramTracker.Api.SampleData;

public static class Configuration
{
    /// <summary>Registers the sample-data loaders; call after AddEventStore so the schema is ready first.</summary>
    public static WebApplicationBuilder AddSampleData(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ISampleData, AgreementSampleData>();
        builder.Services.AddSingleton<SampleDataLoader>();
        builder.Services.AddHostedService<LoadSampleDataOnStart>();
        return builder;
    }
}

using JasperFx.CodeGeneration;
using Wolverine;

namespace ProgramTracker.Api.CodeGeneration;

/// <summary>
/// Wolverine's adapters around the handlers and endpoints: compiled by Roslyn as the app runs in Development and in
/// the tests' Testing hosts, so a new endpoint works before anyone regenerates; everywhere else loaded from the code
/// pre-generated into Internal/Generated (<c>./ops/codegen.sh</c>), which a build without the runtime compiler
/// (<c>-p:RuntimeCompilation=false</c>, the production image) can only do. Marten 9 generates no code at run time.
/// </summary>
public static class Configuration
{
    public const string TypeLoadModeSetting = "ProgramTracker:CodeGeneration:TypeLoadMode";
    public const string OutputPathSetting = "ProgramTracker:CodeGeneration:OutputPath";

#if RUNTIME_COMPILATION
    public const bool HasRuntimeCompiler = true;
#else
    public const bool HasRuntimeCompiler = false;
#endif

    public static WolverineOptions UseGeneratedCode(this WolverineOptions options, IConfiguration configuration, IHostEnvironment environment)
    {
        // In a test process the entry assembly is the test runner's: the generated types are in this one.
        options.ApplicationAssembly = typeof(Configuration).Assembly;
        var mode = TypeLoadModeFor(configuration, environment);
        options.CodeGeneration.TypeLoadMode = mode;
        if (configuration[OutputPathSetting] is { Length: > 0 } output) options.CodeGeneration.GeneratedCodeOutputPath = output;
#if RUNTIME_COMPILATION
        options.UseRuntimeCompilation();
#else
        if (mode != TypeLoadMode.Static)
        {
            throw new InvalidOperationException(
                $"{TypeLoadModeSetting} is {mode}, but this build has no runtime compiler (it was built with -p:RuntimeCompilation=false) " +
                "and can only load the pre-generated code: leave the setting unset or set it to Static.");
        }
#endif
        return options;
    }

    public static TypeLoadMode TypeLoadModeFor(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<TypeLoadMode?>(TypeLoadModeSetting)
        ?? (HasRuntimeCompiler && (environment.IsDevelopment() || environment.IsEnvironment("Testing")) ? TypeLoadMode.Dynamic : TypeLoadMode.Static);

    /// <summary>
    /// True in a <c>codegen</c> command (write, preview, test): it builds the host to see the handlers and endpoints
    /// but never starts it, so it needs no database.
    /// </summary>
    public static bool IsCodegenCommand =>
        Environment.GetCommandLineArgs() is [_, var command, ..] && command.Equals("codegen", StringComparison.OrdinalIgnoreCase);
}

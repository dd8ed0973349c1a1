#!/bin/sh
# The production publish, in one place: ops/Dockerfile runs it (restore, then publish), and so does the benchmarks'
# scenario 7 (tests/ProgramTracker.Benchmarks/Published.cs), so the cold start measured is the image's.
#
#   ops/publish.sh restore                 restore what the publish needs (the Dockerfile's cached layer)
#   ops/publish.sh publish DIR [ARG...]    publish into DIR; ARGs go on to dotnet publish (--no-restore, -v quiet)
#
# What it makes: the pre-generated Wolverine code (./ops/codegen.sh) built with RuntimeCompilation=false, so no
# Roslyn compiler is in it; self-contained for $RID (default linux-x64), with the app, its packages and the .NET
# framework compiled together into one composite ReadyToRun image (ProgramTracker.Api.r2r.dll), so a node starts
# with almost nothing left to JIT-compile (README, Performance, scenario 7). It runs as ./ProgramTracker.Api on
# mcr.microsoft.com/dotnet/runtime-deps (no shared framework needed).
#
# PUBLISH_FLAVOUR=framework-dependent makes the quicker, NOT production, publish that the CI smoke run starts
# (framework-dependent ReadyToRun, about 1.5 min of crossgen against 4 for the composite); the benchmark says so.
set -eu
cd "$(dirname "$0")/.."
RID=${RID:-linux-x64}
PROJECT=src/ProgramTracker.Api/ProgramTracker.Api.csproj
case "${PUBLISH_FLAVOUR:-production}" in
  production) SELF_CONTAINED=true; COMPOSITE=true ;;
  framework-dependent) SELF_CONTAINED=false; COMPOSITE=false ;;
  *) echo "PUBLISH_FLAVOUR must be production or framework-dependent, not '$PUBLISH_FLAVOUR'" >&2; exit 2 ;;
esac
PROPERTIES="-p:RuntimeCompilation=false -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=$COMPOSITE -p:SelfContained=$SELF_CONTAINED"
# Each flavour keeps its own intermediate files: crossgen's outputs (obj/.../R2R) have the same names in both, and an
# incremental publish of one flavour after the other would take the other's as up to date (a framework-dependent
# publish then ships the composite's IL-only component assemblies without the composite image).
INTERMEDIATE="-p:IntermediateOutputPath=obj/publish-${PUBLISH_FLAVOUR:-production}/"

case "${1:-}" in
  restore)
    dotnet restore "$PROJECT" -r "$RID" $PROPERTIES
    ;;
  publish)
    [ -n "${2:-}" ] || { echo "usage: ops/publish.sh publish DIR [ARG...]" >&2; exit 2; }
    out=$2; shift 2
    test -f src/ProgramTracker.Api/Internal/Generated/WolverineHandlers/GeneratedHttpEndpointRegistry.cs \
      || { echo "No pre-generated code in src/ProgramTracker.Api/Internal/Generated: run ./ops/codegen.sh" >&2; exit 1; }
    dotnet publish "$PROJECT" -c Release -o "$out" -r "$RID" --self-contained "$SELF_CONTAINED" $PROPERTIES $INTERMEDIATE "$@"
    if ls "$out" | grep -i '^Microsoft\.CodeAnalysis'; then echo "The runtime compiler was published" >&2; exit 1; fi
    ;;
  *)
    echo "usage: ops/publish.sh restore | ops/publish.sh publish DIR [ARG...]" >&2; exit 2
    ;;
esac

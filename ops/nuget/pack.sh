#!/usr/bin/env bash
# Rebuilds the local feed's metapackage. The packed .nupkg is committed, so a clean clone needs no step.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dotnet pack "$here/src/Patched.DistributedLock.Postgres/Patched.DistributedLock.Postgres.csproj" -c Release -o "$here/feed"

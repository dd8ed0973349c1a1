#!/usr/bin/env bash
# Writes Wolverine's adapters for every handler and endpoint into src/ProgramTracker.Api/Internal/Generated, as the
# code stands now: run it after adding or changing a handler or an endpoint (or merging branches that did), then
# commit that folder. Outside Development the app runs only this code; a test fails while it is out of date.
# Needs no database. Marten 9 generates nothing at run time, so there is nothing of Marten's to write.
set -euo pipefail
cd "$(dirname "$0")/.."
generated=src/ProgramTracker.Api/Internal/Generated

# The old code may no longer compile against changed handlers, and 'codegen write' leaves files it no longer
# writes in place: start from none.
rm -rf "$generated"
dotnet build src/ProgramTracker.Api -c Release -nologo -v quiet -clp:ErrorsOnly
if ! written=$(dotnet run --no-build -c Release --project src/ProgramTracker.Api -- codegen write 2>&1); then
  echo "$written"
  echo "codegen write failed."
  exit 1
fi
# The app as the tests and the image build it, with the new code compiled in (which also proves that it compiles).
dotnet build src/ProgramTracker.Api -c Release -nologo -v quiet -clp:ErrorsOnly
echo "Wrote $(find "$generated" -name '*.cs' | wc -l) files to $generated. Commit them: git add $generated"

#!/usr/bin/env bash
# Checks the reference surface in build/ref against real sources.
#
# usage: build/check-reference.sh [--with <AssemblyFolder>=<dir>]... [--skip-assembly <AssemblyFolder>]...
#                                 [--ref <dir>] <nopCommerce src dir> [more source dirs...]
#
#   <nopCommerce src dir>   e.g. a nopCommerce 4.90 checkout's src/; searched for every reference assembly
#   more source dirs        also searched for every reference assembly
#   --with A=<dir>          sources of reference assembly folder A only (e.g. --with linq2db=~/linq2db/Source)
#   --skip-assembly A       do not check reference assembly folder A
#   --ref <dir>             reference root to check instead of build/ref (one sub-folder per assembly)
#
# FluentMigrator, FluentMigrator.Abstractions and linq2db are skipped unless a --with names them.
# Prints one block per mismatch, then "N declarations checked, M mismatches".
# Exit code: 0 no mismatch, 1 mismatches, 2 usage error (or the checker failed to build).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
checker="$here/checker"
default_skips=(FluentMigrator FluentMigrator.Abstractions linq2db)

usage() {
    local code="${1:-2}"
    if ((code == 0)); then print_usage; else print_usage >&2; fi
    exit "$code"
}

print_usage() {
    sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

reference="$here/ref"
args=()
with_assemblies=()
sources=()
while (($#)); do
    case "$1" in
        -h|--help) usage 0 ;;
        --with)
            [[ $# -ge 2 && "$2" == ?*=?* ]] || usage
            args+=(--with "$2")
            with_assemblies+=("${2%%=*}")
            shift 2 ;;
        --ref)
            [[ $# -ge 2 ]] || usage
            reference="$2"
            shift 2 ;;
        --skip-assembly)
            [[ $# -ge 2 ]] || usage
            args+=(--skip-assembly "$2")
            shift 2 ;;
        -*) echo "unknown option: $1" >&2; usage ;;
        *) sources+=("$1"); shift ;;
    esac
done
((${#sources[@]})) || usage

for assembly in "${default_skips[@]}"; do
    if [[ " ${with_assemblies[*]-} " != *" $assembly "* ]]; then
        args+=(--skip-assembly "$assembly")
    fi
done

output="$checker/bin/check-reference"
if ! build_log="$(dotnet build "$checker/ReferenceChecker.csproj" -c Release -o "$output" -nologo -v quiet 2>&1)"; then
    echo "$build_log" >&2
    echo "error: building the checker failed" >&2
    exit 2
fi

exec dotnet "$output/ReferenceChecker.dll" --ref "$reference" "${args[@]}" "${sources[@]}"

#!/bin/sh
# A camcops_server stand-in that only sleeps, for the makespan benchmark: its own cost is a few
# ms (sh, one sed), so the benchmark measures camcops-meta's scheduling, not child start-up.
# Usage as camcops-meta runs it: sleep-camcops.sh <cc_command> --config FILE [ARGS...].
# It sleeps for S seconds from the first `# fake-camcops: ... sleep=S ...` comment line of FILE
# (0 without one). Fractional S needs a sleep(1) that takes them (GNU coreutils, BusyBox).

config=${CAMCOPS_CONFIG_FILE-}
while [ "$#" -gt 0 ]; do
  case $1 in
    --config)
      if [ "$#" -lt 2 ]; then
        echo "sleep-camcops: --config needs a file" >&2
        exit 2
      fi
      config=$2
      shift 2
      ;;
    --config=*)
      config=${1#--config=}
      shift
      ;;
    *) shift ;;
  esac
done
if [ -z "$config" ] || [ ! -r "$config" ]; then
  echo "sleep-camcops: no readable config (--config FILE)" >&2
  exit 2
fi

seconds=$(sed -n '/^[[:space:]]*[#;][[:space:]]*fake-camcops:.*sleep=/{
s/.*[:[:space:]]sleep=\([0-9.]*\).*/\1/p
q
}' "$config")
exec sleep "${seconds:-0}"

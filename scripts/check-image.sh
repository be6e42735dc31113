#!/usr/bin/env bash
# Inspects target/parley-image.tar (built by ./mvnw -B package -Pimage -Dmaven.test.skip=true) and,
# with no container engine needed, runs it: its layers unpacked into a root file system, its
# entrypoint started there with chroot as the image's user, until /health/ready says UP.
# Needs root (chroot, mount /proc). Ports 26200-26202.
set -euo pipefail
cd "$(dirname "$0")/.."
tarball=${1:-target/parley-image.tar}
work=$(mktemp -d /tmp/parley-image.XXXXXX)
tar -xf "$tarball" -C "$work"
eval "$(python3 - "$work" <<'PY'
import json, sys, shlex
w = sys.argv[1]
blob = lambda d: f"{w}/blobs/sha256/{d.split(':')[1]}"
index = json.load(open(f"{w}/index.json"))
manifest = json.load(open(blob(index["manifests"][0]["digest"])))
config = json.load(open(blob(manifest["config"]["digest"])))["config"]
print("echo " + shlex.quote("user " + config["User"] + ", ports " + " ".join(config["ExposedPorts"])
      + ", volumes " + " ".join(config["Volumes"]) + ", workdir " + config["WorkingDir"]))
print("layers=(" + " ".join(shlex.quote(blob(l["digest"])) for l in manifest["layers"]) + ")")
print("entrypoint=(" + " ".join(shlex.quote(a) for a in config["Entrypoint"]) + ")")
print("env=(" + " ".join(shlex.quote(e) for e in config["Env"]) + ")")
print("user=" + shlex.quote(config["User"]))
PY
)"
root="$work/rootfs"
mkdir -p "$root"
for layer in "${layers[@]}"; do tar --warning=no-unknown-keyword -xzf "$layer" -C "$root"; done
if [ -n "$(find "$root" -path '*/app/libs/*' \( -name 'junit*' -o -name 'mockito*' -o -name 'assertj*' \))" ]; then
    echo "FAIL test libraries in the image"; exit 1
fi
mkdir -p "$root/proc" "$root/etc"
echo "127.0.0.1 localhost" > "$root/etc/hosts"
mount -t proc proc "$root/proc"
trap 'umount "$root/proc" 2>/dev/null || true' EXIT
chroot=$(command -v chroot)
env -i "${env[@]}" MICRONAUT_SERVER_PORT=26200 PARLEY_BOLT_PORT=26201 PARLEY_HTTP_PORT=26202 \
    "$chroot" --userspec="$user" "$root" "${entrypoint[@]}" > "$work/run.log" 2>&1 &
pid=$!
status=1
for _ in $(seq 1 600); do
    if curl -sf localhost:26200/health/ready; then echo; status=0; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
done
if [ $status -eq 0 ]; then
    env -i MICRONAUT_SERVER_PORT=26200 "$chroot" --userspec="$user" "$root" /opt/java/bin/java -cp /app/classes parley.health.HealthCheck \
        && echo "ok   the health check command answers 0"
    stat -c 'ok   data written as uid %u in /data' "$root/data/data" 2>/dev/null || true
fi
kill -TERM "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
head -n 20 "$work/run.log"
[ $status -eq 0 ] && echo "ok   the image's entrypoint started the service as $user" || echo "FAIL not ready; see $work/run.log"
exit $status

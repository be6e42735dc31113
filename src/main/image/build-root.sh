#!/usr/bin/env bash
# Builds the container image's base from files on this machine, since no image registry is reachable:
# a Java runtime cut from the build's own JDK with jlink, the shared libraries it and the native parts
# of its dependencies load (copied from this machine, found with ldd), a non-root user and the
# directories the service writes to. Jib adds this tree onto an empty ("scratch") image.
#
#   src/main/image/build-root.sh JAVA_HOME OUTPUT_DIR
set -euo pipefail
java_home=$1
out=$2

# Modules the service uses (the JDK's own, what Neo4j, Jetty/Jersey, Netty, Lucene and Micronaut need),
# plus jcmd-free diagnostics (JFR, management).
modules=java.base,java.compiler,java.datatransfer,java.desktop,java.instrument,java.logging,java.management,\
java.management.rmi,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,\
java.security.sasl,java.sql,java.transaction.xa,java.xml,java.xml.crypto,jdk.crypto.cryptoki,jdk.crypto.ec,\
jdk.charsets,jdk.incubator.vector,jdk.jfr,jdk.management,jdk.management.jfr,jdk.naming.dns,jdk.net,\
jdk.unsupported,jdk.zipfs,jdk.httpserver,jdk.localedata

rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/tmp" "$out/data"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --compress=zip-6 --output "$out/opt/java"

# Shared libraries: what the runtime's binaries and libraries link against, and what the native
# libraries inside the dependencies need (Netty epoll, zstd, snappy, JNA: libc, libstdc++, libgcc_s).
{
    find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \) -print0 |
        xargs -0 ldd 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/.*[^:]$/ {print $1}'
    for lib in libstdc++.so.6 libgcc_s.so.1 libz.so.1; do
        ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ {print $NF; exit}'
    done
} | grep -v "^$out" | sort -u | while read -r lib; do
    mkdir -p "$out$(dirname "$lib")"
    cp -L "$lib" "$out$lib"
done
# The dynamic loader, where binaries look for it.
loader=$(ldd "$out/opt/java/bin/java" | awk '$1 ~ /ld-linux/ {print $1}')
mkdir -p "$out$(dirname "$loader")"
cp -L "$loader" "$out$loader"

# The service's user (uid/gid 10001), so the JVM finds a name and a home for it.
cat > "$out/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
parley:x:10001:10001:parley:/data:/sbin/nologin
PASSWD
cat > "$out/etc/group" <<'GROUP'
root:x:0:
parley:x:10001:
GROUP
printf 'hosts: files dns\n' > "$out/etc/nsswitch.conf"
echo "Image root in $out: $(du -sh "$out" | cut -f1)"

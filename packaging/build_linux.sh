#!/usr/bin/env bash
# Build the Linux onedir bundle (dist/signaal) and a compressed archive of it, then report size
# and build time.  Usage: packaging/build_linux.sh [--smoke]   (--smoke runs smoke_test.py after)
# Run it as `./dev bundle`, which finds uv and passes it in $UV; the bundle must stay under
# MAX_UNPACKED_MB unpacked.
set -euo pipefail
cd "$(dirname "$0")/.."
export UV_PYTHON_DOWNLOADS=never
UV="${UV:-uv}"
MAX_UNPACKED_MB=150
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' src/signaal/__init__.py)
archive="dist/signaal-${version}-linux-x86_64.tar.xz"

start=$(date +%s)
rm -rf build/pyinstaller dist/signaal "$archive"
$UV run --group packaging pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/signaal.spec
# The desktop integration files travel with the bundle; a distribution package would install
# them to /usr/share/applications and /usr/share/metainfo.
install -m 644 -D packaging/linux/nl.signaal.Signaal.desktop dist/signaal/share/applications/nl.signaal.Signaal.desktop
install -m 644 -D packaging/linux/nl.signaal.Signaal.metainfo.xml dist/signaal/share/metainfo/nl.signaal.Signaal.metainfo.xml
for size in 16 24 32 48 64 128 256 512; do
  install -m 644 -D "resources/icons/png/signaal-${size}.png" \
    "dist/signaal/share/icons/hicolor/${size}x${size}/apps/nl.signaal.Signaal.png"
done
install -m 644 -D resources/icons/signaal.svg dist/signaal/share/icons/hicolor/scalable/apps/nl.signaal.Signaal.svg
$UV run --group packaging python packaging/check_modules.py dist/signaal/signaal
built=$(date +%s)
# Level 6 (xz's default) took 80-260 s here for a few MB less than level 3.
XZ_OPT="-T0 -3" tar -C dist -cJf "$archive" signaal
end=$(date +%s)

echo "bundle:   dist/signaal  $(du -sh dist/signaal | cut -f1) unpacked"
echo "archive:  $archive  $(du -h "$archive" | cut -f1)"
echo "time:     build $((built - start)) s, compress $((end - built)) s"
unpacked_mb=$(du -sm dist/signaal | cut -f1)
if [ "$unpacked_mb" -gt "$MAX_UNPACKED_MB" ]; then
  echo "bundle: ${unpacked_mb} MB unpacked is over the limit of ${MAX_UNPACKED_MB} MB" >&2
  exit 1
fi
if [ "${1:-}" = "--smoke" ]; then
  python3 packaging/smoke_test.py dist/signaal --source-cli "$UV run signaal-cli"
fi

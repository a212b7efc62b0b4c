#!/usr/bin/env bash
# Builds the reference interpreter of the benchmark (pandas 2.2.3 + scikit-learn 1.6.1) in a
# virtual environment, default ${TMPDIR:-/tmp}/refpy, from the wheels that ship on this
# machine image; the pure-Python dependencies the wheels do not bring (pytz, joblib,
# threadpoolctl) are unpacked from Debian's packages. Nothing is fetched from PyPI.
# Usage: bash bench/setup-reference-python.sh   (npm run bench calls it when the venv is missing)
set -euo pipefail

venv="${REFPY:-${TMPDIR:-/tmp}/refpy}"
python="$venv/bin/python"
if [ -x "$python" ] && "$python" -c 'import pandas, sklearn' 2>/dev/null; then
  exit 0
fi

pandas_wheel=$(find / -xdev -name 'pandas-2.2.3-cp311-*.whl' -print -quit 2>/dev/null || true)
if [ -z "$pandas_wheel" ]; then
  echo "setup-reference-python: no pandas 2.2.3 wheel on this machine" >&2
  exit 1
fi
wheel_dir=$(dirname "$pandas_wheel")

python3 -m venv --system-site-packages "$venv"
"$venv/bin/pip" install --quiet --no-index --no-deps --find-links "$wheel_dir" pandas==2.2.3 scikit-learn==1.6.1

debian="$venv/debian-packages"
mkdir -p "$debian"
if ! ls /var/lib/apt/lists/*Packages >/dev/null 2>&1; then
  apt-get update -qq
fi
(cd "$debian" && apt-get download -qq python3-tz python3-joblib python3-threadpoolctl)
for package in "$debian"/*.deb; do
  dpkg -x "$package" "$debian/root"
done
site_packages=$("$python" -c 'import site; print(site.getsitepackages()[0])')
echo "$debian/root/usr/lib/python3/dist-packages" > "$site_packages/debian-packages.pth"

"$python" -c 'import pandas, sklearn; print("setup-reference-python: pandas", pandas.__version__, "scikit-learn", sklearn.__version__)'

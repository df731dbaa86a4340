# Shared by scripts/run and scripts/test: install what is missing, configure, build.
# Sourced, not run. Works on a fresh Debian 12 machine with nothing installed.

GAZETTE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# Debian packages needed to build gazette and run it.
BUILD_PACKAGES=(
  g++ cmake ninja-build pkg-config make
  libicu-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev
  libcpp-httplib-dev libcli11-dev libfmt-dev nlohmann-json3-dev libxxhash-dev zlib1g-dev libmimalloc-dev
  libgtest-dev libgmock-dev libbenchmark-dev
)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs the given Debian packages that are not installed yet (nothing to do: no apt call).
ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    if [ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" != "installed" ]; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "need root or sudo to install: ${missing[*]}" >&2; return 1; }
    sudo=(sudo)
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Debian packages for the checks of the built site (tests/site-e2e): Chromium for the browser
# test and CJK fonts so that its screenshots show Chinese text as readers see it.
SITE_CHECK_PACKAGES=(chromium fonts-noto-cjk)

# node and npm for the site checks. Debian 12's nodejs (18) and npm serve; a machine that has
# node from elsewhere (with its own npm, which conflicts with Debian's npm package) keeps it.
ensure_node() {
  if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    return 0
  fi
  ensure_packages nodejs npm
}

# Installs the site checks' npm packages exactly as package-lock.json pins them.
install_site_check_packages() {
  ensure_packages "${SITE_CHECK_PACKAGES[@]}"
  ensure_node
  log "installing the npm packages of tests/site-e2e"
  npm ci --prefix "$GAZETTE_ROOT/tests/site-e2e" --no-audit --no-fund --loglevel=error >/dev/null
}

# Configures (once) and builds one build tree: build_tree DIR [cmake options...]
build_tree() {
  local dir=$1
  shift
  if [ ! -f "$GAZETTE_ROOT/$dir/build.ninja" ]; then
    log "configuring $dir"
    cmake -S "$GAZETTE_ROOT" -B "$GAZETTE_ROOT/$dir" -G Ninja "$@" >/dev/null
  fi
  log "building $dir"
  ninja -C "$GAZETTE_ROOT/$dir" | grep -v '^\[' || true
  test "${PIPESTATUS[0]}" -eq 0
}

# The normal optimised build, with build/gazette.
build_release() {
  ensure_packages "${BUILD_PACKAGES[@]}"
  build_tree build -DCMAKE_BUILD_TYPE=Release
}

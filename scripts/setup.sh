#!/usr/bin/env bash
# One command on a fresh Debian machine: system packages, npm packages, the dataset, a production
# build, then the app served on http://127.0.0.1:5173/.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo sudo)
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
# nodejs/npm only when missing; chromium is what the end-to-end tests drive.
command -v npm >/dev/null || $SUDO apt-get install -y nodejs npm
$SUDO apt-get install -y chromium dataset-fashion-mnist
npm ci --no-audit --no-fund
npm run build
echo "Autoencoder Playground: open http://127.0.0.1:${PORT:-5173}/"
exec npx vite preview --port "${PORT:-5173}" --strictPort
